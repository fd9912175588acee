import type { Build, BuildBatch } from '@aws-sdk/client-codebuild';
import { oneLine } from './text.js';

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
  startTime?: Date;
  endTime?: Date;
}

export const SUCCEEDED = 'SUCCEEDED';
const FINAL = new Set(['SUCCEEDED', 'FAILED', 'FAULT', 'TIMED_OUT', 'STOPPED']);

export function isFinalStatus(status: string): boolean {
  return FINAL.has(status);
}

export function describeGroups(batch: BuildBatch): GroupOutcome[] {
  return (batch.buildGroups ?? []).map((group, index) => {
    const current = group.currentBuildSummary;
    return {
      identifier: group.identifier ?? `group-${index + 1}`,
      status: current?.buildStatus ?? 'PENDING',
      attempts: (group.priorBuildSummaryList?.length ?? 0) + (current ? 1 : 0),
      ignoreFailure: group.ignoreFailure === true,
      dependsOn: group.dependsOn ?? [],
      buildArn: current?.arn,
    };
  });
}

export function describeBatch(batch: BuildBatch): BatchOutcome {
  const groups = describeGroups(batch);
  const failed = groups.filter((g) => g.status !== SUCCEEDED);
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
 * Reads are eventually consistent: right after a retry, a read may still return the old, completed
 * batch. A read shows the retried batch once it is incomplete, or has more phases than the retry
 * response (the retry appends a SUBMITTED phase; a finished run appends more). Returns a guard that
 * remembers once the batch has been seen to move.
 */
export function freshAfterRetry(retryResponse: BuildBatch): (read: BuildBatch) => boolean {
  const phasesAtRetry = retryResponse.phases?.length ?? 0;
  // A response that is already complete started nothing new (a repeated idempotency token): any read
  // at least as recent as it counts.
  const replayed = retryResponse.complete === true;
  let moved = false;
  return (read) => {
    const phases = read.phases?.length ?? 0;
    moved ||=
      read.complete !== true || phases > phasesAtRetry || (replayed && phases >= phasesAtRetry);
    return moved;
  };
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
  return `${phase.phaseType ?? 'UNKNOWN_PHASE'} — ${detail}`;
}

/** How long a build ran, when the service says. */
export function buildDurationMs(build: Build): number | undefined {
  if (!build.startTime || !build.endTime) return undefined;
  return build.endTime.getTime() - build.startTime.getTime();
}

export function formatDuration(ms: number): string {
  if (ms < 9_950) return `${(ms / 1000).toFixed(1)}s`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m ${seconds % 60}s`;
  return `${Math.floor(minutes / 60)}h ${minutes % 60}m`;
}

/** The sentence the step fails with when the batch did not succeed. */
export function failureSentence(outcome: BatchOutcome): string {
  const ignored = outcome.failedGroups.filter((id) => !outcome.blockingFailures.includes(id));
  const blocking =
    outcome.blockingFailures.length > 0
      ? `failed build groups: ${outcome.blockingFailures.join(', ')}`
      : 'no build group failed on its own';
  const ignoredText =
    ignored.length > 0 ? ` (${ignored.join(', ')} failed too, but ignore failure)` : '';
  return `Batch build ${outcome.id} ended ${outcome.status}; ${blocking}${ignoredText}.`;
}
