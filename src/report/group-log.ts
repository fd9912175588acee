import type { StepLogMode } from '../config/inputs.js';
import { formatMiB } from './diagnosis.js';
import { isFinalStatus, SUCCEEDED, type GroupOutcome } from './outcome.js';

/**
 * step-log: which groups' whole logs go into the step log as they end, and the lines that frame
 * them. Pure: the reads and writes happen in steps/group-logs.ts.
 */

/** A group's log shows at most this many of its last lines in the step log. */
export const GROUP_LOG_MAX_LINES = 10_000;

/** The builds dealt with already: a Set or a Map keyed by build ARN. */
type Done = Pick<ReadonlySet<string>, 'has'>;

/**
 * The groups whose current build has ended and whose log is wanted (by `mode`), and not yet written
 * (`done` holds build ARNs). A group without a build never ran: it has no log.
 */
export function groupsEnded(
  groups: readonly GroupOutcome[],
  done: Done,
  mode: StepLogMode,
): GroupOutcome[] {
  return groups.filter((g) => isFinalStatus(g.status) && wanted(g, done, mode));
}

/** A group whose log is wanted and not written yet, once it has ended. */
const wanted = (g: GroupOutcome, done: Done, mode: StepLogMode): boolean =>
  mode !== 'none' &&
  g.buildArn !== undefined &&
  !done.has(g.buildArn) &&
  (mode === 'all' || g.status !== SUCCEEDED);

/**
 * How many groups may still write a log, given what is written (`done`): those not ended yet (any may
 * end wanted), and those ended, wanted and not written.
 */
export function groupsToCome(
  groups: readonly GroupOutcome[],
  done: Done,
  mode: StepLogMode,
): number {
  if (mode === 'none') return 0;
  let count = 0;
  for (const g of groups) if (!isFinalStatus(g.status) || wanted(g, done, mode)) count += 1;
  return count;
}

/** The collapsed group's title: the build group, how it ended, and which of its lines it holds. */
export function groupLogTitle(identifier: string, status: string, shown: number, whole: boolean) {
  const count = `${shown.toLocaleString('en-US')} line${shown === 1 ? '' : 's'}`;
  return `Build group ${identifier} ${status}: ${whole ? `its whole log, ${count}` : `the last ${count} of its log`}`;
}

/** The one line that says what of a group's log the step log left out, and where the whole log is. */
export function groupLogLeftOut(part: {
  identifier: string;
  shown: number;
  link?: string;
  budgetBytes: number;
}): string {
  const what = part.shown === 0 ? 'its log is' : 'earlier log lines are';
  const where = part.link ?? "on the build's page in the CodeBuild console";
  return `Build group ${part.identifier}: ${what} left out of the step log (it shows at most ${GROUP_LOG_MAX_LINES.toLocaleString('en-US')} lines of a group, and ${formatMiB(part.budgetBytes)} of build logs in all); the whole log: ${where}`;
}
