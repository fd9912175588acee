// The polling pace under an account's throttle. CodeBuild's request budget is the account's, shared by
// every workflow that polls it: a throttled step slows down and stays slower while the others go on
// polling, yet never so slow that a batch ending once the account has room again is seen later than
// 2 × the configured interval + 5 s. It never slows further than that: a pace that doubles under
// throttling (tried twice) sees a batch that ends as the account frees up 10 s and more late.

/** What one poll told of the account's budget. */
export type PollSignal =
  /** Answered at the first attempt. */
  | 'clean'
  /** Answered, but only on the SDK's retry after throttled attempts: the account is at its budget. */
  | 'slowed'
  /** Throttled through all of the SDK's attempts, or failed otherwise after throttled ones. */
  | 'throttled'
  /** Another passing failure (5xx, a dropped connection): it says nothing about the budget. */
  | 'failed';

/** A step's pace, carried from poll to poll and from one wait to the next (after a retry). */
export interface Pace {
  /** The interval the next sleep is drawn from: the configured one, or held after throttling. */
  intervalMs: number;
  /** The clock's ms (monotonic) of the last poll that met throttling; undefined when none did. */
  throttledAt?: number;
  /**
   * The clock's ms of the last poll answered (clean or slowed), while no poll failed since: only a
   * poll throttled right after an answer is early.
   */
  answeredAt?: number;
  /** Whether the last poll was throttled through, right after an answered one. */
  early?: boolean;
}

/**
 * A throttled API is not polled more often than this, where the promise allows it (intervals from
 * 1.25 s).
 */
const MIN_THROTTLED_MS = 5_000;
/**
 * After a throttled poll the step keeps the held pace until this long passes without another: the
 * workflows that share the budget go on polling for as long as their batches run.
 */
export const HOLD_MS = 5 * 60_000;
/** The promise: a batch's end is seen within 2 × the configured interval + this, once unthrottled. */
const DETECTION_SLACK_MS = 5_000;
/**
 * What a poll itself takes out of that promise: the SDK's two throttled retries wait up to 0.5 s and
 * 1 s, then the call and a late timer.
 */
const POLL_MARGIN_MS = 2_500;

/** The longest sleep after an answered poll: the promise, less a poll's margin. */
export function quietCapMs(configuredMs: number): number {
  return 2 * configuredMs + DETECTION_SLACK_MS - POLL_MARGIN_MS;
}

/**
 * The pace held after throttling: at least 5 s (the configured interval when longer), but within
 * the quiet cap, which wins for intervals under 1.25 s.
 */
export function heldMs(configuredMs: number): number {
  return Math.max(configuredMs, Math.min(MIN_THROTTLED_MS, quietCapMs(configuredMs)));
}

/** The waits a held pace draws from (sleepMs), shortest and longest, as the step log says them. */
export function heldRangeMs(configuredMs: number): [number, number] {
  const held = heldMs(configuredMs);
  return [held, Math.max(held, quietCapMs(configuredMs))];
}

/** Whether a pace is held after throttling, rather than the configured one. */
export const isHeld = (pace: Pace): boolean => pace.throttledAt !== undefined;

/** Whether a held pace is still held at `now`: HOLD_MS have not passed since the last throttling. */
const holding = (pace: Pace, now: number): boolean =>
  pace.throttledAt !== undefined && now - pace.throttledAt < HOLD_MS;

/** A pace at `now`: a held one whose HOLD_MS have passed without throttling is the configured one. */
export function paceAt(pace: Pace, configuredMs: number, now: number): Pace {
  return isHeld(pace) && !holding(pace, now)
    ? { intervalMs: configuredMs, answeredAt: pace.answeredAt }
    : pace;
}

/**
 * The pace a step's first wait starts at: held when the calls before it (the read that found the
 * batch, the retry) met throttling, the configured one otherwise.
 */
export function startPace(configuredMs: number, throttledBefore: boolean, now: number): Pace {
  return throttledBefore
    ? { intervalMs: heldMs(configuredMs), throttledAt: now }
    : { intervalMs: configuredMs };
}

/**
 * The pace after a poll at `now`: held when it met throttling, and for HOLD_MS after; then back to
 * the configured pace. A poll throttled through right after an answered one is marked early (see
 * sleepMs).
 */
export function nextPace(pace: Pace, signal: PollSignal, configuredMs: number, now: number): Pace {
  const held = heldMs(configuredMs);
  switch (signal) {
    case 'throttled': {
      const { answeredAt, throttledAt } = pace;
      const early =
        answeredAt !== undefined && (throttledAt === undefined || answeredAt >= throttledAt);
      return { intervalMs: held, throttledAt: now, answeredAt, early };
    }
    case 'slowed':
      return { intervalMs: held, throttledAt: now, answeredAt: now };
    case 'failed':
      // Says nothing of the budget, but a poll after it is not the one right after an answer.
      return pace.throttledAt === undefined
        ? { intervalMs: pace.intervalMs }
        : { intervalMs: pace.intervalMs, throttledAt: pace.throttledAt };
    case 'clean':
      return holding(pace, now)
        ? { intervalMs: held, throttledAt: pace.throttledAt, answeredAt: now }
        : { intervalMs: configuredMs, answeredAt: now };
  }
}

/**
 * How long to sleep at a pace, at `now`, random in [0, 1): the configured pace exactly; after
 * throttling, anywhere from the held pace to the quiet cap at random, so that steps throttled
 * together do not come back together, and a fleet at a long interval slows too (15 s: 15 to
 * 32.5 s, the most the promise allows; a pace that went further saw batches end late). After a poll
 * throttled through right after an answered one (a burst of other callers took the budget), only
 * until the next answer is due (the last answer + the quiet cap): that poll may be the one that
 * would have seen the batch end. A second one in a row sleeps its drawn wait whole: the account has
 * no room, and polling sooner would keep it so.
 */
export function sleepMs(pace: Pace, configuredMs: number, random: number, now: number): number {
  if (!isHeld(pace)) return pace.intervalMs;
  const [lower, upper] = heldRangeMs(configuredMs);
  const drawn = Math.round(lower + random * (upper - lower));
  if (pace.early !== true || pace.answeredAt === undefined) return drawn;
  return Math.min(drawn, Math.max(0, pace.answeredAt + quietCapMs(configuredMs) - now));
}
