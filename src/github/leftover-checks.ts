import { leftOpenUpdates, type ListedCheckRun } from '../report/checks.js';
import { eventOf } from './event.js';
import type { Io } from './io.js';
import { classify, createClient } from './octokit.js';

/** What the main step saves (State.OpenCheckRuns) while its runs may be left open. */
export interface OpenCheckRuns {
  /** The commit they are on. */
  sha: string;
  /** The batch they report: its id. */
  batch: string;
  /** Their check-name: another step of the run may follow the same batch under its own. */
  checkName: string;
}

/** The post step's time for GitHub: its calls, and a rate limit's wait within them. */
const POST_BUDGET_MS = 60_000;

/**
 * The post step's part for check runs: the main step ended (killed, or cancelled with no time left)
 * before it completed every run it created. Those this run attempt left open for its batch are
 * completed as cancelled; one warning if GitHub does not take it. Loaded with Octokit, only then.
 */
export async function completeLeftoverCheckRuns(
  saved: OpenCheckRuns,
  token: string,
  io: Pick<Io, 'info' | 'debug' | 'warning'>,
): Promise<void> {
  const event = eventOf();
  if (!event.repo || !event.runUrl) return;
  const signal = AbortSignal.timeout(POST_BUDGET_MS);
  const octokit = createClient(token, {
    fits: (ms) => ms <= POST_BUDGET_MS / 2,
    debug: (message) => io.debug(message),
  });
  const repo = event.repo;
  try {
    // Listed first, then completed: a page of open runs changes as they are completed.
    const listed: ListedCheckRun[] = [];
    for (const status of ['queued', 'in_progress'] as const)
      for await (const { data } of octokit.paginate.iterator(octokit.rest.checks.listForRef, {
        ...repo,
        ref: saved.sha,
        status,
        filter: 'all',
        per_page: 100,
        request: { signal },
      }))
        listed.push(...data);
    const updates = leftOpenUpdates(
      listed,
      { run: event.runUrl, batch: saved.batch },
      saved.checkName,
    );
    if (updates.length === 0) return;
    for (const { id, body } of updates)
      await octokit.rest.checks.update({ ...repo, check_run_id: id, ...body, request: { signal } });
    io.info(
      `The main step ended before ${updates.length} of its check runs did: completed them as cancelled.`,
    );
  } catch (error) {
    const failure = classify(error, signal);
    io.warning(
      `Check runs the main step left in progress were not completed: ${failure.kind === 'aborted' ? `GitHub did not answer within ${POST_BUDGET_MS / 1000} s` : failure.kind === 'fault' ? failure.detail : `GitHub answered ${failure.detail}`}. They stay in progress on commit ${saved.sha} until a new run of the job.`,
    );
  }
}
