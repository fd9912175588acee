import type { BuildBatch } from '@aws-sdk/client-codebuild';
import { ActionError } from '../config/errors.js';
import { ServiceError } from '../aws/errors.js';
import { formatDuration, isOlder } from '../report/outcome.js';
import { isHeld, nextPace, sleepMs, type Pace, type PollSignal } from './pace.js';

/** Time, handed in so the loop is tested without real waiting. */
export interface Clock {
  /**
   * Whole milliseconds on a monotonic clock, for deadlines, budgets and elapsed times only: it is
   * not the time of day (that is Date's, for what is shown), and it never jumps with it.
   */
  now(): number;
  /** Resolves after ms, or at once when the signal aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

export interface WaitOptions {
  /** One BatchGetBuildBatches call; undefined when the batch is not found. */
  describe: (signal: AbortSignal) => Promise<BuildBatch | undefined>;
  clock: Clock;
  intervalMs: number;
  /** The clock's ms after which the wait gives up; undefined for none. */
  deadline?: number;
  /** Aborted when the workflow is cancelled. */
  signal: AbortSignal;
  /**
   * The newest state already known (the read before the wait, or the retry's response): a read older
   * than it, or than any read since, is stale and never believed.
   */
  known?: BuildBatch;
  /** Called with every believed read. */
  onRead?: (batch: BuildBatch) => void;
  /** Called after every poll, believed or not. */
  onPoll?: () => void;
  /**
   * Called when a poll failed for a passing reason. `next` is the sleep before the next poll (at the
   * deadline at the latest); `poll` false, inMs 0: the deadline has passed, the wait ends.
   */
  onTransientError?: (error: ServiceError, next: { inMs: number; poll: boolean }) => void;
  /**
   * Called before the next poll's sleep when throttling has held the pace (true) since the last
   * call or the wait's start, or returned it to the configured one; `nextMs` is that sleep.
   */
  onPaceChange?: (held: boolean, nextMs: number) => void;
  /** How long polls may keep failing for passing reasons before the step gives up. */
  sustainedFailureMs?: number;
  /**
   * How many answers so far were throttling, those the SDK's retries got past included: a poll that
   * got through only on a retry still tells that the account is at its budget.
   */
  throttledAttempts?: () => number;
  /** The step's pace: the one its previous wait ended with (after a retry), updated as this one goes. */
  pace?: { current?: Pace };
  /** A number in [0, 1) to spread the polls of throttled steps; Math.random unless a test fixes it. */
  random?: () => number;
}

export type WaitResult =
  { kind: 'complete'; batch: BuildBatch } | { kind: 'timeout' | 'cancelled'; batch?: BuildBatch };

const SUSTAINED_FAILURE_MS = 5 * 60_000;
/**
 * How long past timeout-minutes a read may still be answered: a stalled one (the SDK's 30 s request
 * timeout, tried three times) would keep the step there for a minute and a half.
 */
const DEADLINE_GRACE_MS = 5_000;

/** A poll that found no batch: right after a retry or a start, reads may not see it yet. */
function notFound(): ServiceError {
  return new ServiceError(
    'BatchGetBuildBatches',
    'BatchNotFound',
    'the batch was not found (reads are eventually consistent)',
    undefined,
    'transient',
  );
}

/**
 * Polls until the batch is complete, the deadline passes (after a poll at it) or the signal aborts:
 * one call per poll, waiting one interval before each, at the pace throttling sets (pace.ts).
 * Transient failures (a not-found read among them) are tolerated until they last sustainedFailureMs;
 * any other failure ends the wait by throwing. A read older than one already seen is skipped: it is
 * never the outcome.
 */
export async function waitForCompletion(options: WaitOptions): Promise<WaitResult> {
  const { clock, signal, intervalMs } = options;
  const sustainedMs = options.sustainedFailureMs ?? SUSTAINED_FAILURE_MS;
  const random = options.random ?? Math.random;
  const carried = options.pace ?? {};
  let pace: Pace = carried.current ?? { intervalMs };
  let sleep = sleepMs(pace, intervalMs, random(), clock.now());
  // The pace the log last said (the wait's first line says the one it starts at).
  let said = isHeld(pace);
  const paced = (heard: PollSignal) => {
    pace = carried.current = nextPace(pace, heard, intervalMs, clock.now());
    sleep = sleepMs(pace, intervalMs, random(), clock.now());
  };
  const timeLeft = () =>
    options.deadline === undefined ? Infinity : options.deadline - clock.now();
  const throttledSoFar = () => options.throttledAttempts?.() ?? 0;
  let failingSince: number | undefined;
  let last: BuildBatch | undefined;
  let newest = options.known;
  // A read ends DEADLINE_GRACE_MS past the deadline at the latest, the one at the deadline included:
  // one timer for the whole wait, the deadline being fixed.
  const cutOff =
    options.deadline === undefined
      ? undefined
      : AbortSignal.timeout(Math.max(0, timeLeft()) + DEADLINE_GRACE_MS);
  const reads = cutOff ? AbortSignal.any([signal, cutOff]) : signal;

  for (;;) {
    const remaining = timeLeft();
    // Said only when a poll follows: a pace no poll keeps is no news.
    if (isHeld(pace) !== said && remaining > sleep) {
      said = isHeld(pace);
      options.onPaceChange?.(said, sleep);
    }
    // Up to the deadline at most, and a poll there: a batch that ended since the poll before is the
    // outcome, not a timeout.
    await clock.sleep(Math.max(0, Math.min(sleep, remaining)), signal);
    if (signal.aborted) return { kind: 'cancelled', batch: last };

    const throttledBefore = throttledSoFar();
    let batch: BuildBatch;
    try {
      batch = (await options.describe(reads)) ?? throwing(notFound());
    } catch (error) {
      if (signal.aborted) return { kind: 'cancelled', batch: last };
      if (cutOff?.aborted) {
        options.onPoll?.();
        return { kind: 'timeout', batch: last };
      }
      if (!(error instanceof ServiceError) || !error.transient) throw error;
      failingSince ??= clock.now();
      if (clock.now() - failingSince >= sustainedMs) {
        throw new ActionError(
          `Polling the batch failed for ${formatDuration(clock.now() - failingSince)} in a row; the last error was ${error.message}`,
        );
      }
      // A poll whose last attempt failed otherwise (a 5xx, a timeout) after throttled ones met
      // throttling all the same.
      const metThrottling = error.kind === 'throttling' || throttledSoFar() > throttledBefore;
      paced(metThrottling ? 'throttled' : 'failed');
      const left = timeLeft();
      options.onTransientError?.(
        error,
        left > 0 ? { inMs: Math.min(sleep, left), poll: true } : { inMs: 0, poll: false },
      );
      options.onPoll?.();
      if (left <= 0) return { kind: 'timeout', batch: last };
      continue;
    }

    failingSince = undefined;
    paced(throttledSoFar() > throttledBefore ? 'slowed' : 'clean');
    const believed = !newest || !isOlder(batch, newest);
    if (believed) {
      newest = last = batch;
      options.onRead?.(batch);
    }
    options.onPoll?.();
    if (believed && batch.complete === true && batch.buildBatchStatus !== 'IN_PROGRESS')
      return { kind: 'complete', batch };
    if (timeLeft() <= 0) return { kind: 'timeout', batch: last };
  }
}

function throwing(error: Error): never {
  throw error;
}

/** How long one call before the wait (read, list, retry) rides out passing faults. */
const CALL_PATIENCE_MS = 60_000;
const FIRST_RESEND_MS = 1_000;
const MAX_RESEND_MS = 15_000;
const never = new AbortController().signal;

/**
 * Sends one call again after a passing failure (5xx, a dropped connection, a garbled body,
 * throttling), with doubling back-off, for up to limitMs; any other failure, or the last passing
 * one, is thrown. The SDK's own retry strategy (three attempts, jittered) runs inside each send;
 * this outer loop exists because that strategy gives up within a second or two, and does not
 * retry a body it could not parse.
 */
export async function persist<T>(
  call: () => Promise<T>,
  clock: Clock,
  options: {
    limitMs?: number;
    onRetry?: (error: ServiceError, delayMs: number) => void;
    /** The workflow's cancellation: no more sends once it aborts, and no wait for the next one. */
    signal?: AbortSignal;
  } = {},
): Promise<T> {
  const limitMs = options.limitMs ?? CALL_PATIENCE_MS;
  const startedAt = clock.now();
  let delayMs = FIRST_RESEND_MS;
  for (;;) {
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof ServiceError) || !error.transient) throw error;
      // An endpoint override that refuses the first calls is a setup mistake: said at once.
      if (error.kind === 'unreachable-endpoint') throw error;
      if (clock.now() - startedAt + delayMs > limitMs) throw error;
      const cancelled = () =>
        new ActionError(
          `The workflow was cancelled while ${error.operation} kept failing (${error.message}): it was not sent again.`,
          { cause: error },
        );
      if (options.signal?.aborted) throw cancelled();
      options.onRetry?.(error, delayMs);
      await clock.sleep(delayMs, options.signal ?? never);
      if (options.signal?.aborted) throw cancelled();
      delayMs = Math.min(delayMs * 2, MAX_RESEND_MS);
    }
  }
}
