import type { BuildBatch } from '@aws-sdk/client-codebuild';
import { eventOf, type RunEvent } from './event.js';
import type { GitHubSettings } from '../config/github-inputs.js';
import { Inputs, State } from '../config/names.js';
import { messageOf } from '../config/errors.js';
import { checksCommit, sharingBatches } from '../report/checks.js';
import type { FinishedReport, ReportSink } from '../steps/reporter.js';
import type { Io } from './io.js';
import type { OpenCheckRuns } from './leftover-checks.js';
import type { Clock } from '../steps/wait.js';
import { CheckRuns, checkRunApi, type CheckRunApi } from './checks.js';
import { commentApi, writeComment, type CommentApi } from './comment.js';
import { classify, createClient, isRefusal } from './octokit.js';

/**
 * Where people look besides the summary: a check run per build group on the commit, and a comment on
 * the pull request. Loaded (with Octokit) only when checks or pr-comment asks for it. Whatever GitHub
 * answers, the step's result stays as the batch made it: a failure is one warning (or one notice).
 */

/**
 * The report's last calls (completions, the comment) take at most this long once the step has
 * reported. GitHub's secondary limits ask for 60 s when they name no wait: one such wait fits.
 */
export const FINISH_BUDGET_MS = 60_000;
/** Of the step's budget after cancellation, this much is left for the summary and the exit. */
const CANCEL_RESERVE_MS = 500;
/** The retry plugin waits 1, 4, then 9 s before its resends. */
const RESEND_WAITS_MS = [1_000, 4_000, 9_000];

export const CANCELLED_NOTE =
  'The workflow was cancelled while this build group had not ended: the step stopped following it.';

export interface GitHubReportOptions {
  settings: GitHubSettings;
  io: Io;
  clock: Pick<Clock, 'now' | 'sleep'>;
  /** Aborts when the workflow is cancelled. */
  cancelled: AbortSignal;
  /** This step starts the batch (start-batch): its check runs go on the commit CodeBuild builds. */
  started: boolean;
  /** From cancellation, the time the step has left to finish in (the runner allows 7.5 s). */
  cancelBudgetMs: number;
}

/** The step's time for GitHub: none left after cancellation's budget, or after the finish budget. */
export class Budget {
  private end: number | undefined;
  private readonly stopAll = new AbortController();

  constructor(private readonly clock: Pick<Clock, 'now'>) {}

  /** The workflow is cancelled: what is left of the step's budget, less the summary's reserve. */
  cancel(budgetMs: number): void {
    this.until(this.clock.now() + budgetMs - CANCEL_RESERVE_MS);
  }

  /** The step has reported: its last calls now have FINISH_BUDGET_MS. */
  finishing(): void {
    this.until(this.clock.now() + FINISH_BUDGET_MS);
  }

  private until(end: number): void {
    this.end = this.end === undefined ? end : Math.min(this.end, end);
  }

  /** Time left, once a deadline is set. */
  left(): number | undefined {
    return this.end === undefined ? undefined : Math.max(0, this.end - this.clock.now());
  }

  /** Whether a wait for a rate limit ends in time; while the step waits, within FINISH_BUDGET_MS. */
  fits(waitMs: number): boolean {
    return waitMs <= (this.left() ?? FINISH_BUDGET_MS);
  }

  /** The resends of a 5xx whose waits fit (all of them while the step waits for the batch). */
  retries(): number | undefined {
    const left = this.left();
    if (left === undefined) return undefined;
    let total = 0;
    return RESEND_WAITS_MS.filter((wait) => (total += wait) <= left).length;
  }

  /** Every call's signal: aborted once the budget is spent. */
  get signal(): AbortSignal {
    return this.stopAll.signal;
  }

  abort(): void {
    this.stopAll.abort();
  }
}

type Feature = 'checks' | 'comment';
const WHAT: Record<Feature, string> = {
  checks: 'Check runs were',
  comment: "The pull request's comment was",
};
const PERMISSION: Record<Feature, string> = {
  checks: 'checks: write',
  comment: 'pull-requests: write',
};

/** The edges GitHubReport calls: the event, and the calls check runs and the comment take. */
export interface GitHubReportEdges {
  event: RunEvent;
  checks(headSha: () => string, retries: () => number | undefined): CheckRunApi;
  comment(pullRequest: number, retries: () => number | undefined): CommentApi;
}

export class GitHubReport implements ReportSink {
  private readonly checks?: CheckRuns;
  private readonly checksApi?: CheckRunApi;
  private readonly commentTo?: CommentApi;
  private comment: Promise<void> = Promise.resolve();
  private latest: BuildBatch | undefined;
  private sha: string | undefined;
  private reported = false;
  /** Whether the state says runs may be left open. */
  private open = false;
  /** Creates not answered (in flight, or failed): GitHub may have made runs this step has no id for. */
  private unanswered = 0;
  private readonly said = new Set<string>();

  constructor(
    private readonly options: GitHubReportOptions,
    private readonly budget: Budget,
    private readonly edges: GitHubReportEdges,
  ) {
    const { settings, io, cancelled } = options;
    const { event } = edges;
    const retries = () => this.budget.retries();
    if (settings.checks) {
      if (!event.repo || (!event.sha && !event.headSha && !options.started))
        io.warning(
          'Check runs were not written: the repository or commit is unknown (GITHUB_REPOSITORY and GITHUB_SHA are not set).',
        );
      else {
        const api = edges.checks(() => this.headSha(), retries);
        // From the first run created until every run is completed, the post step can complete
        // those a killed step leaves open. Said before the create is sent: GitHub may create the
        // run and the answer never reach the step (killed, or cut off by the cancel budget).
        this.checksApi = {
          ...api,
          create: async (body, signal) => {
            this.leftOpen(true);
            this.unanswered += 1;
            const id = await api.create(body, signal).catch((error: unknown) => {
              // A refusal (4xx) made nothing; a lost or cut-off answer may have.
              if (isRefusal(error)) this.unanswered -= 1;
              throw error;
            });
            this.unanswered -= 1;
            return id;
          },
        };
        this.checks = new CheckRuns({
          api: this.checksApi,
          checkName: settings.checkName,
          writer: event.runUrl,
          signal: () => this.budget.signal,
          failed: (error) => this.failed('checks', error),
          now: () => options.clock.now(),
          ready: () => this.commitKnown(),
        });
      }
    }
    if (settings.prComment !== 'never') {
      if (!event.pullRequest || !event.repo)
        io.debug(
          `${Inputs.PrComment}: ${settings.prComment} does nothing on ${event.name ?? 'this'} events: the comment goes on pull requests.`,
        );
      else this.commentTo = edges.comment(event.pullRequest.number, retries);
    }
    const onCancel = () => {
      this.budget.cancel(options.cancelBudgetMs);
      this.guard(() => this.checks?.cancelled(CANCELLED_NOTE));
    };
    if (cancelled.aborted) onCancel();
    else cancelled.addEventListener('abort', onCancel, { once: true });
  }

  seen(batch: BuildBatch): void {
    this.latest = batch;
    this.guard(() => this.checks?.seen(batch));
  }

  retried(): void {
    this.guard(() => this.checks?.retried());
  }

  finished(report: FinishedReport): void {
    this.latest = report.batch;
    this.reported = true;
    const cancelled = this.options.cancelled.aborted;
    const stepEnded = cancelled
      ? CANCELLED_NOTE
      : report.outcome.complete
        ? undefined
        : report.headline;
    this.guard(() =>
      this.checks?.finished(
        report.outcome,
        { diagnosis: report.diagnosis, stepEnded },
        report.batch,
      ),
    );
    const to = this.commentTo;
    if (!to) return;
    // After cancellation the check runs come first: there may be no time for both.
    const after = cancelled ? (this.checks?.idle() ?? Promise.resolve()) : Promise.resolve();
    this.comment = after.then(() => this.writeComment(to, report));
  }

  async settle(): Promise<void> {
    this.budget.finishing();
    const checks = this.checks
      ?.idle()
      .then(() => this.checks?.lastTry())
      .then(() => this.sayShared());
    const done = Promise.all([checks, this.comment]).then(() => true);
    const timer = new AbortController();
    const inTime = await Promise.race([done, this.budgetSpent(timer.signal).then(() => false)]);
    timer.abort();
    // A step that ends on its own leaves nothing to the post step: runs GitHub did not take in time
    // ended as their groups did, and the post step would say they were cancelled.
    if (!this.options.cancelled.aborted || (this.checks?.allCompleted() && this.unanswered === 0))
      this.leftOpen(false);
    if (inTime) return;
    this.budget.abort();
    this.checks?.stop();
    if (!this.options.cancelled.aborted)
      this.options.io.warning(
        `GitHub did not take the report's last calls within ${FINISH_BUDGET_MS / 1000} s: the check runs or the pull request's comment may not show the end of the batch.`,
      );
  }

  /**
   * Resolves when the budget is spent. A cancellation while the step settles shortens it (to what
   * the runner allows after SIGINT): the wait is measured again then, not at the 60 s it began with.
   */
  private async budgetSpent(stop: AbortSignal): Promise<void> {
    const { clock, cancelled } = this.options;
    const mayShorten = !cancelled.aborted;
    await clock.sleep(
      this.budget.left() ?? 0,
      mayShorten ? AbortSignal.any([stop, cancelled]) : stop,
    );
    if (mayShorten && cancelled.aborted && !stop.aborted)
      await clock.sleep(this.budget.left() ?? 0, stop);
  }

  /** Whether the post step should look for runs this step left open (see State.OpenCheckRuns). */
  private leftOpen(open: boolean): void {
    if (open === this.open) return;
    this.open = open;
    const batch = this.latest?.id;
    // The check-name too: another step of this run on the same batch writes runs of its own.
    const checkName = this.checks?.name;
    const saved: OpenCheckRuns | undefined =
      open && batch && checkName ? { sha: this.headSha(), batch, checkName } : undefined;
    this.options.io.saveState(State.OpenCheckRuns, saved ? JSON.stringify(saved) : '');
  }

  /**
   * Another step of this run attempt writing check runs of the same names on this commit for another
   * batch (matrix legs without their own check-name): whichever writes last hides the other, a red
   * leg behind a green one included. Said once, from one list call; its failure is a debug line.
   */
  private async sayShared(): Promise<void> {
    const first = this.checks?.firstRunName();
    const name = this.checks?.name;
    const batch = this.latest?.id;
    const run = this.edges.event.runUrl;
    const { io, cancelled } = this.options;
    if (!first || !name || !batch || !run || !this.checksApi) return;
    if (cancelled.aborted || this.budget.signal.aborted) return;
    try {
      const listed = await this.checksApi.list(first, this.budget.signal);
      const others = sharingBatches(listed, { run, batch });
      if (others.length === 0) return;
      io.warning(
        `Check runs: ${others.length > 1 ? `batches ${others.join(', ')} also report` : `batch ${others[0]} also reports`} check runs named ${name}/… on commit ${this.headSha()} in this run (another matrix leg): GitHub shows the newest run of each name, in the pull request's checks and for required checks, so each batch's runs hide the other's. Give each leg its own "${Inputs.CheckName}" (e.g. ${name}-\${{ matrix.target }}).`,
      );
    } catch (error) {
      io.debug(
        `Check runs: could not look for other batches' runs of the same name: ${messageOf(error)}`,
      );
    }
  }

  /**
   * A batch on a branch or tag: its commit is known once CodeBuild has resolved it (after
   * DOWNLOAD_SOURCE), or, at the latest, when the step reports. A found batch that has ended without
   * one (its source failed to download, an S3 source) never will: the event's commit at once. One
   * still running, a pasted id of a batch just started on another branch, waits: its runs on the
   * event's commit would pass required checks there.
   */
  private commitKnown(): boolean {
    if (this.sha || this.reported) return true;
    if (!this.options.started && this.latest?.complete === true) return true;
    return checksCommit({ batch: this.latest }) !== undefined;
  }

  /** The commit of the check runs, fixed at the first: see checksCommit. */
  private headSha(): string {
    this.sha ??= checksCommit({
      batch: this.latest,
      headSha: this.edges.event.headSha,
      sha: this.edges.event.sha,
    });
    if (!this.sha) throw new Error('no commit to put them on (GITHUB_SHA is not set)');
    return this.sha;
  }

  private async writeComment(to: CommentApi, report: FinishedReport): Promise<void> {
    const { outcome } = report;
    if (outcome.groups.length === 0 || this.budget.signal.aborted) return;
    const { event } = this.edges;
    try {
      const { did, wrote, sharedWith } = await writeComment(
        to,
        this.options.settings.prComment,
        {
          key: {
            project: outcome.projectName || outcome.id.split(':')[0] || '',
            job: event.job ?? '',
            name: this.options.settings.checkName,
          },
          writer: event.runUrl ? { run: event.runUrl, batch: outcome.id } : undefined,
          outcome,
          headline: report.headline,
          groupsNote: report.groupsNote,
          diagnosis: report.diagnosis,
          runUrl: event.runUrl,
          succeeded: outcome.status === 'SUCCEEDED',
        },
        this.budget.signal,
      );
      this.options.io.debug(
        `${Inputs.PrComment}: ${did} on pull request #${event.pullRequest?.number}.`,
      );
      if (sharedWith !== undefined)
        this.options.io.warning(
          `${Inputs.PrComment}: another step of this run (batch ${sharedWith}) writes the same pull request comment: this step ${wrote ? 'wrote one of its own' : 'left it as it is'}. Give each matrix leg its own "${Inputs.CheckName}" (e.g. ${outcome.projectName ?? 'project'}-\${{ matrix.target }}): their comments and check runs then stay apart across runs.`,
        );
    } catch (error) {
      this.failed('comment', error);
    }
  }

  /** One warning (or notice) per feature and kind of failure; whether the feature stops. */
  private failed(feature: Feature, error: unknown): { stop: boolean; notBefore?: number } {
    const failure = classify(error, this.budget.signal);
    const { io } = this.options;
    const once = (key: string, say: () => void) => {
      if (this.said.has(key)) return;
      this.said.add(key);
      say();
    };
    const what = WHAT[feature];
    switch (failure.kind) {
      case 'aborted':
        io.debug(`${what} not finished: the step's time for GitHub ran out.`);
        return { stop: true };
      case 'permission':
        if (this.edges.event.pullRequest?.fromFork)
          once('fork', () =>
            io.notice(
              `No check runs or pull request comment: this pull request comes from a fork, and GitHub gives its workflows a read-only token (GitHub answered ${failure.detail}).`,
            ),
          );
        else
          once(`${feature}:permission`, () =>
            io.warning(
              `${what} not written: GitHub answered ${failure.detail}. The job's token needs "${PERMISSION[feature]}": add it to the job's "permissions:", keeping the ones it has (a job that lists permissions gets none of those it leaves out, id-token: write included).`,
            ),
          );
        return { stop: true };
      case 'personal-token':
        once(`${feature}:personal-token`, () =>
          io.warning(
            feature === 'checks'
              ? `${what} not written: GitHub answered ${failure.detail}. GitHub takes check runs only from a GitHub App's token: leave "${Inputs.GithubToken}" out to use the job's own token, or give an app's installation token (e.g. from actions/create-github-app-token); a personal access token cannot write them.`
              : `${what} not written: GitHub answered ${failure.detail}. The personal access token in "${Inputs.GithubToken}" needs "Pull requests: write" on this repository (a fine-grained token: in its repository permissions).`,
          ),
        );
        return { stop: true };
      case 'credentials':
        once('credentials', () =>
          io.warning(
            `${what} not written: GitHub refused the token (${failure.detail}). Check the "${Inputs.GithubToken}" input; by default it is the job's own token.`,
          ),
        );
        return { stop: true };
      case 'unknown-commit': {
        // Tried again, it would be refused at every change of the batch.
        const { repo } = this.edges.event;
        once('unknown-commit', () =>
          io.warning(
            `${what} not written: batch ${this.latest?.id ?? ''} built commit ${this.sha ?? ''}, which GitHub does not have in ${repo ? `${repo.owner}/${repo.repo}` : 'this repository'} (GitHub answered ${failure.detail}). Check runs go on the commit the batch built: a batch of another repository's source gets none.`,
          ),
        );
        return { stop: true };
      }
      case 'rate-limit':
        once(`${feature}:rate-limit`, () =>
          io.warning(
            `${what} not brought up to date: GitHub's rate limit for this token ${failure.resetAt ? `is spent until ${failure.resetAt.toISOString()}` : 'asks for a wait'}, longer than the step can wait (${failure.detail}).${feature === 'checks' ? ' They are tried again at the batch’s next change after that.' : ''}`,
          ),
        );
        return {
          stop: false,
          notBefore:
            failure.waitMs === undefined ? undefined : this.options.clock.now() + failure.waitMs,
        };
      case 'fault':
        once(`${feature}:fault`, () =>
          io.warning(
            `${what} not written: ${failure.detail} (a bug in codebuild-batch-retry, please report it).`,
          ),
        );
        return { stop: false };
      default:
        once(`${feature}:other`, () =>
          io.warning(
            `${what} not written: ${failure.detail.startsWith('no commit') ? failure.detail : `GitHub answered ${failure.detail}`}.${feature === 'checks' ? ' They are tried again at the batch’s next change.' : ''}`,
          ),
        );
        return { stop: false };
    }
  }

  /** A fault in this code must not fail the step either. */
  private guard(call: () => void): void {
    try {
      call();
    } catch (error) {
      this.options.io.warning(`Check runs: ${messageOf(error)}`);
    }
  }
}

/** What the step gets when github-token is empty: nothing goes anywhere. */
const NOWHERE: ReportSink = {
  seen: () => undefined,
  retried: () => undefined,
  finished: () => undefined,
  settle: async () => undefined,
};

/** The report over @actions/github's context and Octokit, as the runner edge opens it. */
export function openGitHubReport(options: GitHubReportOptions): ReportSink {
  const { settings, io } = options;
  if (settings.token === '') {
    io.warning(
      `Input "${Inputs.GithubToken}" is empty: no check runs or pull request comment. Leave it out to use the job's own token.`,
    );
    return NOWHERE;
  }
  const budget = new Budget(options.clock);
  const octokit = createClient(settings.token, {
    fits: (ms) => budget.fits(ms),
    debug: (message) => io.debug(message),
  });
  const event = eventOf();
  const repo = event.repo ?? { owner: '', repo: '' };
  return new GitHubReport(options, budget, {
    event,
    checks: (headSha, retries) => checkRunApi(octokit, repo, headSha, retries, io.redact),
    comment: (number, retries) =>
      commentApi(octokit, { ...repo, issue_number: number }, retries, io.redact),
  });
}
