import type { getOctokit } from '@actions/github';
import { siblingBatch, writerLine, writerOf, type CommentWriter } from './comment.js';
import { caseName, type Diagnosis, type GroupDiagnosis } from './diagnosis.js';
import { batchConsoleUrl, buildConsoleUrl } from './links.js';
import { CANCELLED, formatDuration, type BatchOutcome, type GroupOutcome } from './outcome.js';
import {
  IGNORED_MARKER,
  lastLines,
  logElsewhere,
  neverRan,
  statusMarker,
  testsCell,
} from './summary.js';
import {
  capitalised,
  cutMiddle,
  escapeHtml,
  githubAnchor as anchor,
  githubSafe,
  oneLine,
  stripAnsi,
} from './text.js';

/**
 * One check run per build group, on the commit built: what each should show, and the calls that take
 * GitHub from what it shows to that. Pure: the calls are made by github/checks.ts.
 */

type Rest = ReturnType<typeof getOctokit>['rest'];
/** A check run's create request, as Octokit types it from GitHub's OpenAPI description. */
export type CheckRunCreate = NonNullable<Parameters<Rest['checks']['create']>[0]>;
export type CheckConclusion = NonNullable<CheckRunCreate['conclusion']>;
export type CheckStatus = NonNullable<CheckRunCreate['status']>;

/** What one group's check run shows: the create request's fields, without the repository and commit. */
export type CheckRunBody = Pick<CheckRunCreate, 'name' | 'external_id' | 'details_url'> & {
  status: CheckStatus;
  conclusion?: CheckConclusion;
  output: NonNullable<CheckRunCreate['output']>;
};

/** The Checks API's limit on an output's summary and text (characters; bytes for the summary). */
export const OUTPUT_MAX_BYTES = 65_535;
/** A title is a line in the checks box. */
const TITLE_MAX = 120;
/** Of a title too long, the end kept: CodeBuild's reasons end with the command and its exit status. */
const TITLE_END = 60;

export interface ChecksContext {
  /** check-name, or the project's name. */
  checkName: string;
  /** This run attempt's page: said, hidden, in each run's summary, so that a matrix's legs can tell. */
  writer?: string;
  /** Reasons, tests, failing cases and log tails, once the batch is final. */
  diagnosis?: Diagnosis;
  /**
   * The step has reported: groups that have not ended are no longer followed (cancellation, a timeout,
   * a failure of the step), and their runs are completed as cancelled with this sentence.
   */
  stepEnded?: string;
}

/** `<check-name>/<group>`, on one line. */
export function checkRunName(checkName: string, group: string): string {
  return oneLine(stripAnsi(`${checkName}/${group}`));
}

const FAILED = new Set(['FAILED', 'FAULT', 'TIMED_OUT']);

/**
 * Where a group's check run stands: SUCCEEDED → success; FAILED, FAULT, TIMED_OUT → failure (neutral
 * with ignore-failure); STOPPED → cancelled, or skipped when it never ran because a group it depends
 * on failed; CANCELLED (the step stopped waiting) → cancelled. A group that has not ended is in
 * progress or queued, unless the batch is over (it never ran: skipped) or the step is.
 */
export function checkState(
  group: GroupOutcome,
  batch: Pick<BatchOutcome, 'complete'>,
  stepEnded: boolean,
): { status: CheckStatus; conclusion?: CheckConclusion } {
  const completed = (conclusion: CheckConclusion) => ({ status: 'completed' as const, conclusion });
  if (group.status === 'SUCCEEDED') return completed('success');
  if (FAILED.has(group.status)) return completed(group.ignoreFailure ? 'neutral' : 'failure');
  if (group.status === 'STOPPED')
    return completed(
      group.blockedBy.length > 0 ? 'skipped' : group.ignoreFailure ? 'neutral' : 'cancelled',
    );
  if (group.status === CANCELLED) return completed('cancelled');
  if (batch.complete) return completed(group.status === 'PENDING' ? 'skipped' : 'cancelled');
  if (stepEnded) return completed('cancelled');
  return { status: group.status === 'IN_PROGRESS' ? 'in_progress' : 'queued' };
}

/** The diagnosis of one group; service text is never used as a plain object's key. */
function diagnosisOf(diagnosis: Diagnosis | undefined, id: string): GroupDiagnosis | undefined {
  return diagnosis?.groups.get(id);
}

function title(
  group: GroupOutcome,
  state: { status: CheckStatus; conclusion?: CheckConclusion },
  found: GroupDiagnosis | undefined,
): string {
  const build = group.attempts > 1 ? ` (build ${group.attempts})` : '';
  let text: string;
  if (state.status === 'queued') text = `Waiting to run${build}`;
  else if (state.status === 'in_progress') text = `Running${build}`;
  else if (state.conclusion === 'success')
    text = group.flaky
      ? `Succeeded after failing earlier in this batch${build}`
      : `Succeeded${build}`;
  else if (state.conclusion === 'skipped')
    text =
      group.blockedBy.length > 0 ? `Not run: ${group.blockedBy.join(', ')} failed` : 'Never ran';
  else if (state.conclusion === 'cancelled')
    text = group.status === 'STOPPED' ? 'Stopped' : 'Cancelled: the step stopped following it';
  else {
    const ignored = state.conclusion === 'neutral' ? ' (ignore-failure)' : '';
    text = `${group.status}${ignored}${found?.reason ? `: ${found.reason}` : ''}`;
  }
  return cutMiddle(oneLine(stripAnsi(text)), TITLE_MAX, TITLE_END);
}

const code = (text: string) => `<code>${githubSafe(text)}</code>`;

/** The failing cases listed (at most `max`), then how many more there are. */
function casesPart(found: GroupDiagnosis, max: number): string {
  const listed = found.failingCases.slice(0, max);
  const more = found.moreCases + found.failingCases.length - listed.length;
  const items = listed.map((c) => {
    const status = c.status === 'FAILED' ? '' : ` ${githubSafe(c.status)}`;
    const message = c.message ? `: ${githubSafe(c.message)}` : '';
    const duration = c.durationMs === undefined ? '' : ` (${formatDuration(c.durationMs)})`;
    return `<li>${code(caseName(c))}${status}${message}${duration}</li>`;
  });
  if (more > 0) items.push(`<li>… and ${more} more failing test case${more > 1 ? 's' : ''}</li>`);
  return items.length > 0 ? `<ul>\n${items.join('\n')}\n</ul>` : '';
}

/** Notes on the log a summary can hold; the tail itself goes in the text. */

/** The status line, the reason and notes, tests, failing cases (at most `cases`), links. */
function summary(
  group: GroupOutcome,
  outcome: BatchOutcome,
  state: { conclusion?: CheckConclusion },
  found: GroupDiagnosis | undefined,
  context: ChecksContext,
  cases: number,
): string {
  const ignored = group.ignoreFailure && group.status !== 'SUCCEEDED';
  const marker = ignored ? IGNORED_MARKER : statusMarker(group.status);
  const batch = `${outcome.projectName ?? outcome.id.split(':')[0] ?? ''} #${outcome.number ?? '?'}`;
  const line = [
    `${marker} <strong>${githubSafe(group.status)}</strong>`,
    `build group ${code(group.identifier)}`,
    group.attempts > 1 && !neverRan(group, found)
      ? `build ${group.attempts} of this group in this batch`
      : '',
    `batch ${anchor(batch, batchConsoleUrl(outcome.arn))}`,
  ].filter(Boolean);
  const notes = [
    found?.reason && !group.blockedBy.length ? found.reason : '',
    group.blockedBy.length > 0
      ? `Not run: ${group.blockedBy.join(', ')} failed, and this group depends on it.`
      : '',
    group.flaky ? 'Flaky: a build of this group failed earlier in this batch, then it passed.' : '',
    ignored ? 'ignore-failure: this group does not fail the batch.' : '',
    context.stepEnded && state.conclusion === 'cancelled' ? context.stepEnded : '',
  ].filter(Boolean);
  const tests = testsCell(found?.tests);
  const links = [
    group.buildArn ? anchor('Build', buildConsoleUrl(group.buildArn)) : '',
    // Read with the diagnosis, once the batch is final: a green group's run is not updated for it.
    found?.logsLink && group.status !== 'SUCCEEDED' ? anchor('Logs', found.logsLink) : '',
  ].filter(Boolean);
  return [
    context.writer ? writerLine({ run: context.writer, batch: outcome.id }) : '',
    `<p>${line.join(' · ')}</p>`,
    ...notes.map((n) => `<p>${githubSafe(n)}</p>`),
    tests ? `<p>Tests: ${githubSafe(tests)}</p>` : '',
    found && cases > 0 ? casesPart(found, cases) : '',
    logElsewhere(found?.log, anchor),
    links.length > 0 ? `<p>${links.join(' · ')}</p>` : '',
  ]
    .filter(Boolean)
    .join('\n\n');
}

/** A log line inside <pre>: escaped (mentions are not read in <pre>), never blank. */
const preLine = (line: string) => escapeHtml(line).replace(/^\s*$/, '&#160;');

/** The log tail, newest lines first to go in, within the Checks API's limit. */
function logText(found: GroupDiagnosis | undefined): string | undefined {
  if (found?.log?.kind !== 'tail' || found.log.lines.length === 0) return undefined;
  const lines = found.log.lines.map(preLine);
  const room = OUTPUT_MAX_BYTES - 200;
  let used = 0;
  let start = lines.length;
  while (start > 0 && used + Buffer.byteLength(lines[start - 1]!) + 1 <= room) {
    used += Buffer.byteLength(lines[start - 1]!) + 1;
    start -= 1;
  }
  const cut = start > 0 ? ` (${start} earlier lines left out: the Checks API takes 64 KiB)` : '';
  const shown = lines.length - start;
  return `<p>${capitalised(lastLines(shown))}${cut}:</p>\n\n<pre>\n${lines.slice(start).join('\n')}\n</pre>`;
}

/** What one group's check run shows, within the Checks API's limits. */
export function checkRunBody(
  group: GroupOutcome,
  outcome: BatchOutcome,
  context: ChecksContext,
): CheckRunBody {
  const found = diagnosisOf(context.diagnosis, group.identifier);
  const state = checkState(group, outcome, context.stepEnded !== undefined);
  // Only failing cases can make a summary large: fewer of them until it fits.
  let text = '';
  for (const cases of [Infinity, 5, 0]) {
    text = summary(group, outcome, state, found, context, cases);
    if (Buffer.byteLength(text) <= OUTPUT_MAX_BYTES) break;
  }
  if (Buffer.byteLength(text) > OUTPUT_MAX_BYTES)
    text = `<p>${githubSafe(`${group.identifier}: ${group.status}`)}</p>`;
  const log = logText(found);
  const detailsUrl = buildConsoleUrl(group.buildArn) ?? batchConsoleUrl(outcome.arn);
  return {
    name: checkRunName(context.checkName, group.identifier),
    status: state.status,
    ...(state.conclusion ? { conclusion: state.conclusion } : {}),
    external_id: `${outcome.id}/${group.identifier}`,
    ...(detailsUrl ? { details_url: detailsUrl } : {}),
    output: { title: title(group, state, found), summary: text, ...(log ? { text: log } : {}) },
  };
}

/** Every group's check run, by group identifier. */
export function checkRunBodies(
  outcome: BatchOutcome,
  context: ChecksContext,
): Map<string, CheckRunBody> {
  return new Map(outcome.groups.map((g) => [g.identifier, checkRunBody(g, outcome, context)]));
}

export type CheckRunCall =
  | { kind: 'create'; group: string; body: CheckRunBody }
  | { kind: 'update'; group: string; body: CheckRunBody };

function same(a: CheckRunBody, b: CheckRunBody): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The calls that take GitHub from what it shows (`sent`: each group's run as last accepted) to what
 * it should show: a create for a group it has no run for, an update for a run that differs, nothing
 * for a run that is as it should be. A group's run is never created twice.
 */
export function planCheckRuns(
  sent: ReadonlyMap<string, CheckRunBody>,
  wanted: ReadonlyMap<string, CheckRunBody>,
): CheckRunCall[] {
  const calls: CheckRunCall[] = [];
  for (const [group, body] of wanted) {
    const shown = sent.get(group);
    if (!shown) calls.push({ kind: 'create', group, body });
    else if (!same(shown, body)) calls.push({ kind: 'update', group, body });
  }
  // Failures first, then other ends: a GitHub too slow to take every call within the step's time
  // must not leave a red group without its run while the green ones have theirs.
  return calls.sort((a, b) => urgency(a.body) - urgency(b.body));
}

function urgency(body: CheckRunBody): number {
  if (body.status !== 'completed') return 2;
  return body.conclusion === 'failure' ? 0 : 1;
}

/** A full 40-hex commit SHA: what a check run's head_sha must be. */
const SHA = /^[0-9a-f]{40}$/i;

/**
 * The commit the check runs belong to: the commit the batch built (resolved, or the SHA it was asked
 * for), so that a batch of another commit (a pasted id, a project's newest failed batch) never shows
 * its results on this one; while CodeBuild has not named one, a pull request's head commit, else
 * GITHUB_SHA.
 */
export function checksCommit(options: {
  batch?: { resolvedSourceVersion?: string; sourceVersion?: string };
  headSha?: string;
  sha?: string;
}): string | undefined {
  const { batch } = options;
  for (const version of [batch?.resolvedSourceVersion, batch?.sourceVersion])
    if (version && SHA.test(version)) return version.toLowerCase();
  return options.headSha || options.sha || undefined;
}

/** A check run as GitHub lists those of a commit. */
export type ListedCheckRun = Awaited<
  ReturnType<Rest['checks']['listForRef']>
>['data']['check_runs'][number];

/**
 * The other batches that steps of this same run attempt report under the same check run names on
 * this commit (matrix legs without a check-name of their own): GitHub shows the newest run of each
 * name, so whichever leg writes last hides the other's, a red leg behind a green one included. Read
 * from the writer line each run's summary begins with; a re-run of the job (another attempt), and
 * runs of other tools, are not counted.
 */
export function sharingBatches(
  listed: ReadonlyArray<{ output: Pick<ListedCheckRun['output'], 'summary'> }>,
  writer: CommentWriter,
): string[] {
  const others = listed
    .map((run) => siblingBatch(run.output.summary ?? '', writer))
    .filter((batch) => batch !== undefined);
  return [...new Set(others)];
}

/** Said on a run the post step completes: the main step ended (cancelled or killed) before its group. */
export const LEFT_OPEN_NOTE =
  'The step ended before this build group did (cancelled or killed): the post step completed its check run.';

/**
 * The post step's updates: each run this writer (run attempt and batch) left queued or in progress
 * under its check-name, completed as cancelled, its summary kept with the note added (the note alone
 * when both would not fit). Another step of the run following the same batch (another job, a matrix
 * leg) writes the same writer line under its own check-name: its runs are its own to complete.
 */
export function leftOpenUpdates(
  listed: ReadonlyArray<
    Pick<ListedCheckRun, 'id' | 'status' | 'name'> & {
      output: Pick<ListedCheckRun['output'], 'summary'>;
    }
  >,
  writer: CommentWriter,
  checkName: string,
): Array<{ id: number; body: Omit<CheckRunBody, 'name'> }> {
  const note = `<p>${githubSafe(LEFT_OPEN_NOTE)}</p>`;
  const prefix = checkRunName(checkName, '');
  // A group's identifier has no slash: `ci/arm64/unit` is the run of another step's `ci/arm64`.
  const ours = (name: string) =>
    name.startsWith(prefix) && !name.slice(prefix.length).includes('/');
  return listed
    .filter((run) => run.status !== 'completed' && ours(run.name))
    .filter((run) => {
      const by = writerOf(run.output.summary ?? '');
      return by?.run === writer.run && by.batch === writer.batch;
    })
    .map((run) => {
      const kept = `${run.output.summary ?? ''}\n\n${note}`;
      const summary =
        Buffer.byteLength(kept) <= OUTPUT_MAX_BYTES ? kept : `${writerLine(writer)}\n${note}`;
      return {
        id: run.id,
        body: {
          status: 'completed' as const,
          conclusion: 'cancelled' as const,
          output: { title: 'Cancelled: the step stopped following it', summary },
        },
      };
    });
}
