import type { BuildBatch } from '@aws-sdk/client-codebuild';
import { ActionError, ServiceError } from './errors.js';
import { formatDuration } from './outcome.js';

/** Time, handed in so the loop is tested without real waiting. */
export interface Clock {
  now(): number;
  /** Resolves after ms, or at once when the signal aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

export interface WaitOptions {
  /** One BatchGetBuildBatches call. */
  describe: (signal: AbortSignal) => Promise<BuildBatch>;
  clock: Clock;
  intervalMs: number;
  /** Epoch ms after which the wait gives up; undefined for none. */
  deadline?: number;
  /** Aborted when the workflow is cancelled. */
  signal: AbortSignal;
  /** Whether a read may be believed (the stale-read guard after a retry). */
  isFresh?: (batch: BuildBatch) => boolean;
  /** Called with every believed read. */
  onRead?: (batch: BuildBatch) => void;
  /** Called when a poll failed for a passing reason; the wait goes on. */
  onTransientError?: (error: ServiceError, nextIntervalMs: number) => void;
  /** How long polls may keep failing for passing reasons before the step gives up. */
  sustainedFailureMs?: number;
}

export type WaitResult =
  { kind: 'complete'; batch: BuildBatch } | { kind: 'timeout' | 'cancelled'; batch?: BuildBatch };

export const SUSTAINED_FAILURE_MS = 5 * 60_000;

/** Under throttling the interval doubles up to this multiple of the configured one (and 5 minutes). */
const MAX_BACKOFF_FACTOR = 8;
const MAX_BACKOFF_MS = 5 * 60_000;

/** The interval after a throttled poll: twice as long, within bounds. */
export function widened(currentMs: number, baseMs: number): number {
  return Math.min(
    currentMs * 2,
    Math.max(baseMs, Math.min(baseMs * MAX_BACKOFF_FACTOR, MAX_BACKOFF_MS)),
  );
}

/** The interval after a successful poll: halfway back towards the configured one. */
export function recovered(currentMs: number, baseMs: number): number {
  return Math.max(baseMs, currentMs / 2);
}

/**
 * Polls until the batch is complete, the deadline passes or the signal aborts: one call per poll,
 * waiting one interval before each. Transient failures widen the interval (throttling) and are
 * tolerated until they last sustainedFailureMs; any other failure ends the wait by throwing.
 */
export async function waitForCompletion(options: WaitOptions): Promise<WaitResult> {
  const { clock, signal, intervalMs } = options;
  const sustainedMs = options.sustainedFailureMs ?? SUSTAINED_FAILURE_MS;
  let interval = intervalMs;
  let failingSince: number | undefined;
  let last: BuildBatch | undefined;

  for (;;) {
    const remaining = options.deadline === undefined ? interval : options.deadline - clock.now();
    await clock.sleep(Math.max(0, Math.min(interval, remaining)), signal);
    if (signal.aborted) return { kind: 'cancelled', batch: last };
    if (options.deadline !== undefined && clock.now() >= options.deadline)
      return { kind: 'timeout', batch: last };

    let batch: BuildBatch;
    try {
      batch = await options.describe(signal);
    } catch (error) {
      if (signal.aborted) return { kind: 'cancelled', batch: last };
      if (!(error instanceof ServiceError) || !error.transient) throw error;
      failingSince ??= clock.now();
      if (clock.now() - failingSince >= sustainedMs) {
        throw new ActionError(
          `Polling the batch failed for ${formatDuration(clock.now() - failingSince)} in a row; the last error was ${error.message}`,
        );
      }
      if (error.kind === 'throttling') interval = widened(interval, intervalMs);
      options.onTransientError?.(error, interval);
      continue;
    }

    failingSince = undefined;
    interval = recovered(interval, intervalMs);
    if (options.isFresh && !options.isFresh(batch)) continue;
    last = batch;
    options.onRead?.(batch);
    if (batch.complete === true && batch.buildBatchStatus !== 'IN_PROGRESS')
      return { kind: 'complete', batch };
  }
}
