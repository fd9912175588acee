import {
  HOLD_MS,
  heldMs,
  nextPace,
  quietCapMs,
  sleepMs,
  startPace,
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
    // Throttled through the SDK's attempts: held, never slower. Right after an answered poll it is
    // early (sleepMs then sleeps only until the next answer is due).
    [
      'configured, throttled after an answer',
      { intervalMs: 2_000, answeredAt: 48_000 },
      'throttled',
      50_000,
      { intervalMs: 5_000, throttledAt: 50_000, answeredAt: 48_000, early: true },
    ],
    [
      'held, throttled after an answer',
      { intervalMs: 5_000, throttledAt: 9_000, answeredAt: 44_000 },
      'throttled',
      50_000,
      { intervalMs: 5_000, throttledAt: 50_000, answeredAt: 44_000, early: true },
    ],
    [
      'held, throttled after an answer that got through on a retry',
      { intervalMs: 5_000, throttledAt: 44_000, answeredAt: 44_000 },
      'throttled',
      50_000,
      { intervalMs: 5_000, throttledAt: 50_000, answeredAt: 44_000, early: true },
    ],
    [
      'throttled twice in a row: held, not early, not doubled',
      { intervalMs: 5_000, throttledAt: 44_000, answeredAt: 40_000, early: true },
      'throttled',
      50_000,
      { intervalMs: 5_000, throttledAt: 50_000, answeredAt: 40_000, early: false },
    ],
    [
      'throttled three times in a row: still held',
      { intervalMs: 5_000, throttledAt: 44_000, answeredAt: 40_000, early: false },
      'throttled',
      50_000,
      { intervalMs: 5_000, throttledAt: 50_000, answeredAt: 40_000, early: false },
    ],
    [
      'throttled before any answer',
      { intervalMs: 2_000 },
      'throttled',
      50_000,
      { intervalMs: 5_000, throttledAt: 50_000, answeredAt: undefined, early: false },
    ],
    // Got through on the SDK's retry: the account is at its budget; held.
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
    // Answered at once: held while the hold lasts.
    [
      'held after an early throttled poll, clean',
      { intervalMs: 5_000, throttledAt: 40_000, answeredAt: 30_000, early: true },
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
    // A 5xx or a dropped connection says nothing about the budget; the poll after it is not early.
    [
      'held, other failure',
      { intervalMs: 5_000, throttledAt: 10_000, answeredAt: 8_000 },
      'failed',
      50_000,
      { intervalMs: 5_000, throttledAt: 10_000 },
    ],
    [
      'early, other failure',
      { intervalMs: 5_000, throttledAt: 10_000, answeredAt: 8_000, early: true },
      'failed',
      50_000,
      { intervalMs: 5_000, throttledAt: 10_000 },
    ],
    [
      'configured, other failure',
      { intervalMs: 2_000, answeredAt: 48_000 },
      'failed',
      50_000,
      { intervalMs: 2_000 },
    ],
    [
      'throttled through after another failure: held, not early',
      { intervalMs: 2_000 },
      'throttled',
      52_000,
      { intervalMs: 5_000, throttledAt: 52_000, answeredAt: undefined, early: false },
    ],
  ])('%s', (_, pace, signal, now, next) => {
    expect(nextPace(pace, signal, 2_000, now)).toStrictEqual(next);
  });

  it('holds a short configured interval at the quiet cap, however often it is throttled', () => {
    expect(nextPace({ intervalMs: 5_000, throttledAt: 0 }, 'clean', 200, 1_000)).toStrictEqual({
      intervalMs: 2_900,
      throttledAt: 0,
      answeredAt: 1_000,
    });
    let pace: Pace = { intervalMs: 200 };
    for (let now = 1_000; now < 10_000; now += 1_000) {
      pace = nextPace(pace, 'throttled', 200, now);
      expect(pace.intervalMs).toBe(2_900);
    }
  });
});

describe('sleepMs', () => {
  it.each<[number, number, number | undefined, number, number]>([
    // interval, configured, throttledAt, random, slept
    // The configured pace, never throttled: exact.
    [2_000, 2_000, undefined, 0.9, 2_000],
    // Held after throttling: spread up to the quiet cap (6.5 s at 2 s, 8.5 s at 3 s), so steps
    // throttled together part.
    [5_000, 2_000, 0, 0, 5_000],
    [5_000, 2_000, 0, 0.5, 5_750],
    [5_000, 2_000, 0, 0.999, 6_499],
    [5_000, 3_000, 0, 0.999, 8_497],
    // Held at the quiet cap itself (configured 1 s, 0.2 s): no room to spread.
    [4_500, 1_000, 0, 0.999, 4_500],
    [2_900, 200, 0, 0.999, 2_900],
    // Configured 15 s and 60 s: a fleet at a long interval slows too, up to 32.5 s and 122.5 s.
    [15_000, 15_000, 0, 0.5, 23_750],
    [60_000, 60_000, 0, 0.999, 122_438],
  ])(
    'interval %d ms (configured %d ms, throttled at %s, random %d): sleeps %d ms',
    (i, p, t, r, ms) => {
      expect(sleepMs({ intervalMs: i, throttledAt: t }, p, r, 100_000)).toBe(ms);
    },
  );

  it.each([
    // answered at, now, slept: after a poll throttled through right after an answer, only until the
    // next answer is due (answered at + 6.5 s), at most the held pace spread.
    [10_000, 12_000, 4_500],
    [10_000, 15_000, 1_500],
    [10_000, 17_000, 0],
    [10_000, 11_000, 5_500],
  ])(
    'throttled through once, last answer at %d ms, now %d ms: sleeps %d ms',
    (answeredAt, now, ms) => {
      const pace: Pace = { intervalMs: 5_000, throttledAt: now, answeredAt, early: true };
      expect(sleepMs(pace, 2_000, 0.4, now)).toBe(ms);
      // Twice in a row: the account has no room, and the held pace is slept whole.
      expect(sleepMs({ ...pace, early: false }, 2_000, 0.4, now)).toBe(5_600);
    },
  );

  it.each([200, 1_000, 2_000, 5_000, 30_000, 60_000])(
    'configured %d ms: whatever polls came before, no sleep passes the quiet cap',
    (p) => {
      const signals: PollSignal[] = ['clean', 'slowed', 'throttled', 'failed'];
      // Every sequence of three polls after a throttled start.
      for (const a of signals)
        for (const b of signals)
          for (const c of signals) {
            let pace = startPace(p, true, 0);
            let now = 0;
            for (const signal of [a, b, c]) {
              now += 1_000;
              pace = nextPace(pace, signal, p, now);
              expect(sleepMs(pace, p, 0.999, now)).toBeLessThanOrEqual(quietCapMs(p));
            }
          }
    },
  );
});
