import {
  HOLD_MS,
  heldMs,
  nextPace,
  quietCapMs,
  sleepMs,
  startPace,
  widened,
  type Pace,
  type PollSignal,
} from '../../src/steps/pace.js';

// The promise: once the account has room again, a step sees its batch end within
// 2 × poll-interval + 5 s. A sleep after a poll that met no throttling leaves room for the poll.
describe('quietCapMs and heldMs', () => {
  it.each([
    // configured, longest quiet sleep, held pace
    [100, 2_700, 2_700],
    [200, 2_900, 2_900],
    [1_000, 4_500, 4_500],
    [2_000, 6_500, 5_000],
    [5_000, 12_500, 5_000],
    [10_000, 22_500, 10_000],
    [60_000, 122_500, 60_000],
  ])('configured %d ms: sleeps at most %d ms once unthrottled, held at %d ms', (p, cap, held) => {
    expect(quietCapMs(p)).toBe(cap);
    expect(heldMs(p)).toBe(held);
    // Held is never faster than configured, and never past the promise.
    expect(held).toBeGreaterThanOrEqual(p);
    expect(held).toBeLessThanOrEqual(cap);
  });
});

describe('widened', () => {
  it.each([
    // current, configured, after a throttled poll
    [100, 100, 5_000],
    [5_000, 100, 5_000],
    [2_000, 2_000, 5_000],
    [5_000, 2_000, 10_000],
    [10_000, 2_000, 16_000],
    [16_000, 2_000, 16_000],
    [8_000, 1_000, 8_000],
    [60_000, 60_000, 120_000],
    [300_000, 60_000, 300_000],
  ])('from %d ms (configured %d ms): %d ms', (current, p, next) => {
    expect(widened(current, p)).toBe(next);
  });
});

describe('startPace', () => {
  it.each<[string, number, boolean, Pace]>([
    ['no throttling before the wait', 2_000, false, { intervalMs: 2_000 }],
    ['throttled before the wait', 2_000, true, { intervalMs: 5_000, throttledAt: 7_000 }],
    [
      'throttled before the wait, configured 0.2 s',
      200,
      true,
      { intervalMs: 2_900, throttledAt: 7_000 },
    ],
    [
      'throttled before the wait, configured 60 s',
      60_000,
      true,
      { intervalMs: 60_000, throttledAt: 7_000 },
    ],
  ])('%s', (_, p, throttled, pace) => {
    expect(startPace(p, throttled, 7_000)).toStrictEqual(pace);
  });
});

describe('nextPace (configured 2 s)', () => {
  it.each<[string, Pace, PollSignal, number, Pace]>([
    // Throttled through the SDK's attempts: held at once, doubling from the second in a row.
    [
      'configured, throttled',
      { intervalMs: 2_000, answeredAt: 48_000 },
      'throttled',
      50_000,
      { intervalMs: 5_000, throttledAt: 50_000, answeredAt: 48_000, streak: 1 },
    ],
    [
      'held, throttled',
      { intervalMs: 5_000, throttledAt: 9_000, answeredAt: 44_000 },
      'throttled',
      50_000,
      { intervalMs: 5_000, throttledAt: 50_000, answeredAt: 44_000, streak: 1 },
    ],
    [
      'throttled twice in a row',
      { intervalMs: 5_000, throttledAt: 44_000, streak: 1 },
      'throttled',
      50_000,
      { intervalMs: 10_000, throttledAt: 50_000, streak: 2 },
    ],
    [
      'throttled three times in a row',
      { intervalMs: 10_000, throttledAt: 44_000, streak: 2 },
      'throttled',
      50_000,
      { intervalMs: 16_000, throttledAt: 50_000, streak: 3 },
    ],
    // Got through on the SDK's retry: the account is at its budget; never faster than held.
    [
      'configured, slowed',
      { intervalMs: 2_000 },
      'slowed',
      50_000,
      { intervalMs: 5_000, throttledAt: 50_000, answeredAt: 50_000 },
    ],
    [
      'held, slowed',
      { intervalMs: 5_000, throttledAt: 10_000 },
      'slowed',
      50_000,
      { intervalMs: 5_000, throttledAt: 50_000, answeredAt: 50_000 },
    ],
    [
      'widened, slowed',
      { intervalMs: 10_000, throttledAt: 40_000, streak: 2 },
      'slowed',
      50_000,
      { intervalMs: 10_000, throttledAt: 50_000, answeredAt: 50_000 },
    ],
    // Answered at once: straight down to the held pace, whatever the widening was.
    [
      'widened, clean',
      { intervalMs: 16_000, throttledAt: 40_000, streak: 3 },
      'clean',
      50_000,
      { intervalMs: 5_000, throttledAt: 40_000, answeredAt: 50_000 },
    ],
    [
      'held, clean within the hold',
      { intervalMs: 5_000, throttledAt: 0 },
      'clean',
      HOLD_MS - 1,
      { intervalMs: 5_000, throttledAt: 0, answeredAt: HOLD_MS - 1 },
    ],
    // Five minutes without throttling: back to the configured pace.
    [
      'held, clean after the hold',
      { intervalMs: 5_000, throttledAt: 0 },
      'clean',
      HOLD_MS,
      { intervalMs: 2_000, answeredAt: HOLD_MS },
    ],
    [
      'configured, clean',
      { intervalMs: 2_000 },
      'clean',
      50_000,
      { intervalMs: 2_000, answeredAt: 50_000 },
    ],
    // A 5xx or a dropped connection says nothing about the budget.
    [
      'held, other failure',
      { intervalMs: 5_000, throttledAt: 10_000, streak: 1 },
      'failed',
      50_000,
      { intervalMs: 5_000, throttledAt: 10_000, streak: 1 },
    ],
  ])('%s', (_, pace, signal, now, next) => {
    expect(nextPace(pace, signal, 2_000, now)).toStrictEqual(next);
  });

  it('holds a short configured interval at the quiet cap, and widens it to 5 s when throttled again', () => {
    expect(nextPace({ intervalMs: 5_000, throttledAt: 0 }, 'clean', 200, 1_000)).toStrictEqual({
      intervalMs: 2_900,
      throttledAt: 0,
      answeredAt: 1_000,
    });
    const once = nextPace({ intervalMs: 200 }, 'throttled', 200, 1_000);
    expect(once).toStrictEqual({ intervalMs: 2_900, throttledAt: 1_000, streak: 1 });
    expect(nextPace(once, 'throttled', 200, 2_000).intervalMs).toBe(5_000);
  });
});

describe('sleepMs', () => {
  it.each<[number, number, number | undefined, number, number]>([
    // interval, configured, throttledAt, random, slept
    // The configured pace, never throttled: exact.
    [2_000, 2_000, undefined, 0.9, 2_000],
    // Held after throttling: spread over up to a quarter more, so steps throttled together part.
    [5_000, 2_000, 0, 0, 5_000],
    [5_000, 2_000, 0, 0.5, 5_625],
    [5_000, 2_000, 0, 0.999, 6_249],
    // Held at the quiet cap itself (configured 1 s, 0.2 s): no room to spread.
    [4_500, 1_000, 0, 0.999, 4_500],
    [2_900, 200, 0, 0.999, 2_900],
    // Widened past the quiet cap (throttled through twice: no promise holds): spread by a quarter.
    [10_000, 2_000, 0, 0.5, 11_250],
    [5_000, 200, 0, 0.999, 6_249],
    // Configured 60 s, held: 60 to 75 s.
    [60_000, 60_000, 0, 0.999, 74_985],
  ])(
    'interval %d ms (configured %d ms, throttled at %s, random %d): sleeps %d ms',
    (i, p, t, r, ms) => {
      expect(sleepMs({ intervalMs: i, throttledAt: t }, p, r, 100_000)).toBe(ms);
    },
  );

  it.each([
    // answered at, now, slept: after one poll throttled through, only until the next answer is due
    // (answered at + 6.5 s), at most the held pace spread.
    [10_000, 12_000, 4_500],
    [10_000, 15_000, 1_500],
    [10_000, 17_000, 0],
    [10_000, 11_000, 5_500],
  ])(
    'throttled through once, last answer at %d ms, now %d ms: sleeps %d ms',
    (answeredAt, now, ms) => {
      const pace: Pace = { intervalMs: 5_000, throttledAt: now, answeredAt, streak: 1 };
      expect(sleepMs(pace, 2_000, 0.4, now)).toBe(ms);
      // Twice in a row: the account has no room, and the widened pace is slept whole.
      expect(sleepMs({ ...pace, intervalMs: 10_000, streak: 2 }, 2_000, 0.4, now)).toBe(11_000);
    },
  );

  it.each([200, 1_000, 2_000, 5_000, 30_000, 60_000])(
    'configured %d ms: no sleep after an answered poll passes the quiet cap, however widened the pace was',
    (p) => {
      for (const signal of ['clean', 'slowed'] as const) {
        for (const from of [p, heldMs(p), widened(p, p), widened(widened(p, p), p)]) {
          const pace = nextPace({ intervalMs: from, throttledAt: 0, streak: 2 }, signal, p, 1_000);
          if (signal === 'slowed' && from > quietCapMs(p)) continue; // at the budget: kept widened
          expect(sleepMs(pace, p, 0.999, 1_000)).toBeLessThanOrEqual(quietCapMs(p));
        }
      }
    },
  );
});
