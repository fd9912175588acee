import type { Build, BuildBatch } from '@aws-sdk/client-codebuild';
import { cutMiddle, oneLine } from './text.js';

/** One build group as the user sees it. */
export interface GroupOutcome {
  identifier: string;
  /** The current build's status; service values outside the enum (PENDING, …) are kept as they are. */
  status: string;
  /** Builds this group has had: prior ones plus the current one. */
  attempts: number;
  ignoreFailure: boolean;
  dependsOn: string[];
  buildArn?: string;
  /** Succeeded after a build of its own failed earlier in this batch (FAILED, FAULT or TIMED_OUT). */
  flaky: boolean;
  /**
   * Never ran: STOPPED because groups it depends on failed. The groups that failed on their own are
   * named, through any chain of groups blocked in turn. Empty for every other group.
   */
  blockedBy: string[];
  /**
   * Its current build never started: a group it depends on failed (blockedBy), or it was still
   * waiting to start (PENDING, or no build yet) when the batch ended or the step stopped waiting.
   */
  notRun: boolean;
  /**
   * An earlier build of it ran: it ended SUCCEEDED, FAILED, FAULT or TIMED_OUT (a STOPPED one may
   * have been stopped before it started).
   */
  ranBefore: boolean;
}

/** A batch as the user sees it. */
export interface BatchOutcome {
  id: string;
  arn?: string;
  projectName?: string;
  number?: number;
  status: string;
  complete: boolean;
  groups: GroupOutcome[];
  /** Groups whose status is not SUCCEEDED, ignore-failure ones included. */
  failedGroups: string[];
  /** The failed groups that make the batch fail (those without ignore-failure). */
  blockingFailures: string[];
  /** Groups that succeeded after failing earlier in this batch. */
  flakyGroups: string[];
  startTime?: Date;
  endTime?: Date;
}

export const SUCCEEDED = 'SUCCEEDED';
const FINAL = new Set(['SUCCEEDED', 'FAILED', 'FAULT', 'TIMED_OUT', 'STOPPED']);

export function isFinalStatus(status: string): boolean {
  return FINAL.has(status);
}

const FAILED_ON_ITS_OWN = new Set(['FAILED', 'FAULT', 'TIMED_OUT']);
const RAN = new Set([SUCCEEDED, ...FAILED_ON_ITS_OWN]);

export function describeGroups(batch: BuildBatch): GroupOutcome[] {
  const groups = (batch.buildGroups ?? []).map((group, index): GroupOutcome => {
    const current = group.currentBuildSummary;
    const status = current?.buildStatus ?? 'PENDING';
    return {
      identifier: group.identifier ?? `group-${index + 1}`,
      status,
      attempts: (group.priorBuildSummaryList?.length ?? 0) + (current ? 1 : 0),
      ignoreFailure: group.ignoreFailure === true,
      dependsOn: group.dependsOn ?? [],
      buildArn: current?.arn,
      flaky:
        status === SUCCEEDED &&
        (group.priorBuildSummaryList ?? []).some((b) => FAILED_ON_ITS_OWN.has(b.buildStatus ?? '')),
      blockedBy: [],
      notRun: false,
      ranBefore: (group.priorBuildSummaryList ?? []).some((b) => RAN.has(b.buildStatus ?? '')),
    };
  });
  const byId = new Map(groups.map((g) => [g.identifier, g]));
  // Each group's roots once: walking every path made a graph two groups wide and 30 deep (the
  // buildspec's, a pull request's) take 2^30 steps. A group met again on its own path (a cycle) adds
  // none. The walk keeps its own stack: a recursive one ran out of the process's on a chain of 2,000
  // groups listed deepest first, and the step failed with no summary.
  const known = new Map<GroupOutcome, string[]>();
  const walking = new Set<GroupOutcome>();
  const blockers = (group: GroupOutcome) =>
    group.dependsOn
      .map((d) => byId.get(d))
      .filter((d): d is GroupOutcome => !!d && d.status !== SUCCEEDED && !d.ignoreFailure);
  const done = (group: GroupOutcome) => (group.status === 'STOPPED' ? known.get(group) : []);
  const roots = (start: GroupOutcome): string[] => {
    const first = done(start);
    if (first) return first;
    type Frame = { group: GroupOutcome; deps: GroupOutcome[]; next: number; found: string[] };
    const path: Frame[] = [];
    const enter = (group: GroupOutcome) => {
      walking.add(group);
      path.push({ group, deps: blockers(group), next: 0, found: [] });
    };
    // What a dependency adds to the group that waited for it: its roots, or itself.
    const add = (frame: Frame, dep: GroupOutcome, deeper: string[]) => {
      for (const id of deeper.length > 0 ? deeper : [dep.identifier]) frame.found.push(id);
    };
    enter(start);
    for (;;) {
      const frame = path.at(-1)!;
      const dep = frame.deps[frame.next++];
      if (dep) {
        if (walking.has(dep)) continue;
        const deeper = done(dep);
        if (deeper) add(frame, dep, deeper);
        else enter(dep);
        continue;
      }
      path.pop();
      walking.delete(frame.group);
      const unique = [...new Set(frame.found)];
      known.set(frame.group, unique);
      const waiting = path.at(-1);
      if (!waiting) return unique;
      add(waiting, frame.group, unique);
    }
  };
  for (const group of groups) {
    group.blockedBy = roots(group);
    group.notRun = group.blockedBy.length > 0;
  }
  return groups;
}

/** Groups still running when the step was cancelled or timed out are shown with this status. */
export const CANCELLED = 'CANCELLED';

/**
 * A batch as the user sees it. Only groups that ended count as failed: in a running batch, a group
 * still running is not (yet) a failure. With interrupted (the step stopped waiting), unfinished
 * groups end CANCELLED.
 */
export function describeBatch(
  batch: BuildBatch,
  options: { interrupted?: boolean } = {},
): BatchOutcome {
  const groups = describeGroups(batch);
  // In a finished batch every group that did not succeed failed (PENDING there: it never ran).
  const ended = (g: GroupOutcome) =>
    batch.complete === true || isFinalStatus(g.status) || g.status === CANCELLED;
  for (const group of groups) {
    const waiting = group.status === 'PENDING';
    if (options.interrupted && !isFinalStatus(group.status)) group.status = CANCELLED;
    if (waiting && ended(group)) group.notRun = true;
  }
  const failed = groups.filter((g) => g.status !== SUCCEEDED && ended(g));
  return {
    id: batch.id ?? '',
    arn: batch.arn,
    projectName: batch.projectName,
    number: batch.buildBatchNumber,
    status: batch.buildBatchStatus ?? 'UNKNOWN',
    complete: batch.complete === true,
    groups,
    failedGroups: failed.map((g) => g.identifier),
    blockingFailures: failed.filter((g) => !g.ignoreFailure).map((g) => g.identifier),
    flakyGroups: groups.filter((g) => g.flaky).map((g) => g.identifier),
    startTime: batch.startTime,
    endTime: batch.endTime,
  };
}

/** What to do with a batch as it is now. */
export type NextStep = 'wait' | 'nothing-to-retry' | 'retry';

export function nextStep(batch: BuildBatch): NextStep {
  if (batch.complete !== true || batch.buildBatchStatus === 'IN_PROGRESS') return 'wait';
  return batch.buildBatchStatus === SUCCEEDED ? 'nothing-to-retry' : 'retry';
}

/**
 * How far along a read of one batch is, for telling a stale read from a fresh one. Reads are
 * eventually consistent: right after a retry (or a start) a read may still return an older state.
 * A batch only ever gains phases (a retry appends SUBMITTED, a run appends more, completion appends
 * the final one), so the read from before a retry has fewer phases than the retry's answer. Within
 * one phase count, completing comes after running, and a running batch gains builds and finished
 * groups.
 */
function progressKey(batch: BuildBatch): number[] {
  const groups = batch.buildGroups ?? [];
  const builds = groups.reduce(
    (n, g) => n + (g.priorBuildSummaryList?.length ?? 0) + (g.currentBuildSummary ? 1 : 0),
    0,
  );
  const finished = groups.filter((g) =>
    isFinalStatus(g.currentBuildSummary?.buildStatus ?? ''),
  ).length;
  return [batch.phases?.length ?? 0, batch.complete === true ? 1 : 0, builds, finished];
}

/** Whether read shows an older state of the batch than one already seen: it must not be believed. */
export function isOlder(read: BuildBatch, seen: BuildBatch): boolean {
  const a = progressKey(read);
  const b = progressKey(seen);
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}

/** Lines for the groups whose status changed between two reads (all groups on the first read). */
export function statusChanges(before: GroupOutcome[] | undefined, after: GroupOutcome[]): string[] {
  const previous = new Map(before?.map((g) => [g.identifier, g]));
  const lines: string[] = [];
  for (const group of after) {
    const old = previous.get(group.identifier);
    if (old && old.status === group.status && old.buildArn === group.buildArn) continue;
    const change = old ? `${old.status} → ${group.status}` : group.status;
    lines.push(oneLine(`  ${group.identifier}: ${change}`));
  }
  return lines;
}

/** One line that says where a running batch stands, for the heartbeat. */
export function progressLine(outcome: BatchOutcome, elapsedMs: number): string {
  const done = outcome.groups.filter((g) => isFinalStatus(g.status)).length;
  return `Still waiting for ${outcome.id} (${outcome.status}): ${done} of ${outcome.groups.length} build groups finished, ${formatDuration(elapsedMs)} elapsed.`;
}

/**
 * A failure reason's length at most: a context message holds the failed command whole, and a
 * generated one (a list of shards) can run to 100 KB, more than a check run's summary takes.
 */
const REASON_MAX = 500;

/** The failing phase of a build and its context, e.g. "BUILD — COMMAND_EXECUTION_ERROR: Error while …". */
export function failureReason(build: Build): string | undefined {
  const phase = build.phases?.find(
    (p) =>
      p.phaseStatus &&
      p.phaseStatus !== SUCCEEDED &&
      p.phaseStatus !== 'IN_PROGRESS' &&
      p.phaseType !== 'COMPLETED',
  );
  if (!phase) return undefined;
  const context = phase.contexts?.find((c) => c.statusCode || c.message);
  const detail = context
    ? [context.statusCode, context.message].filter(Boolean).join(': ')
    : phase.phaseStatus;
  // Its end says why the command failed ("Reason: exit status 1"): the cut is in the middle.
  return cutMiddle(`${phase.phaseType ?? 'UNKNOWN_PHASE'} — ${detail}`, REASON_MAX, 120);
}

/** How long a build ran, when the service says; never negative (a build that never started has none). */
export function buildDurationMs(build: Build): number | undefined {
  if (!build.startTime || !build.endTime) return undefined;
  const ms = build.endTime.getTime() - build.startTime.getTime();
  return ms >= 0 ? ms : undefined;
}

export function formatDuration(ms: number): string {
  if (ms < 9_950) {
    const tenths = Math.round(ms / 100) / 10;
    return `${Number.isInteger(tenths) ? tenths : tenths.toFixed(1)}s`;
  }
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m ${seconds % 60}s`;
  return `${Math.floor(minutes / 60)}h ${minutes % 60}m`;
}

/** The groups that did not succeed, split as the failure sentence and the outputs name them. */
export interface FailureBreakdown {
  /** Ended other than SUCCEEDED on their own, without ignore-failure: they fail the batch. */
  failed: string[];
  /**
   * Never ran: a group they depend on failed, or they had not started when the batch ended or the
   * step stopped waiting (those marked ignore-failure are in ignored).
   */
  notRun: string[];
  /** Marked ignore-failure: they do not fail the batch. */
  ignored: string[];
}

export function failureBreakdown(outcome: BatchOutcome): FailureBreakdown {
  const byId = new Map(outcome.groups.map((g) => [g.identifier, g]));
  const ignored = outcome.failedGroups.filter((id) => !outcome.blockingFailures.includes(id));
  const notRun = outcome.blockingFailures.filter((id) => byId.get(id)?.notRun);
  const failed = outcome.blockingFailures.filter((id) => !notRun.includes(id));
  return { failed, notRun, ignored };
}

/**
 * The groups that did not run, split by why: a group they depend on failed (blocked), or they had not
 * started when the batch ended or the step stopped waiting, which no failure caused.
 */
export function whyNotRun(
  outcome: BatchOutcome,
  notRun: readonly string[],
): { blocked: string[]; neverStarted: string[] } {
  const byId = new Map(outcome.groups.map((g) => [g.identifier, g]));
  const blocked = new Set(notRun.filter((id) => byId.get(id)?.blockedBy.length));
  return { blocked: [...blocked], neverStarted: notRun.filter((id) => !blocked.has(id)) };
}

/** The sentence the step fails with when the batch did not succeed. */
export function failureSentence(outcome: BatchOutcome): string {
  const { failed: causes, notRun, ignored } = failureBreakdown(outcome);
  const { blocked, neverStarted } = whyNotRun(outcome, notRun);
  const blocking =
    causes.length > 0
      ? `failed build groups: ${causes.join(', ')}`
      : 'no build group failed on its own';
  const notRunText =
    (blocked.length > 0 ? `; not run as a result: ${blocked.join(', ')}` : '') +
    (neverStarted.length > 0 ? `; never started: ${neverStarted.join(', ')}` : '');
  const ignoredText =
    ignored.length === 0
      ? ''
      : ignored.length === 1
        ? `; ${ignored[0]} failed too, but it is marked ignore-failure, so it does not fail the batch`
        : `; ${ignored.join(', ')} failed too, but they are marked ignore-failure, so they do not fail the batch`;
  return `Batch build ${outcome.id} ended ${outcome.status}; ${blocking}${notRunText}${ignoredText}.`;
}
