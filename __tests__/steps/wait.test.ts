import type { BuildBatch } from '@aws-sdk/client-codebuild';
import { ActionError } from '../../src/config/errors.js';
import { ServiceError } from '../../src/aws/errors.js';
import { HOLD_MS, type Pace } from '../../src/steps/pace.js';
import { waitForCompletion, type Clock, type WaitOptions } from '../../src/steps/wait.js';
import { batch } from '../fixtures.js';

/** A clock that only moves when the loop sleeps; records every sleep. */
function fakeClock(): Clock & { sleeps: number[]; t: number } {
  const clock = {
    t: 0,
    sleeps: [] as number[],
    now: () => clock.t,
    sleep: async (ms: number) => {
      clock.sleeps.push(ms);
      clock.t += ms;
    },
  };
  return clock;
}

const throttled = () =>
  new ServiceError(
    'BatchGetBuildBatches',
    'ThrottlingException',
    'Rate exceeded',
    'req-1',
    'throttling',
  );
const unavailable = () =>
  new ServiceError(
    'BatchGetBuildBatches',
    'ServiceUnavailableException',
    'try again',
    'req-2',
    'transient',
  );

/** describe() answering from a script: a batch, or an error to throw. */
function scripted(...answers: Array<BuildBatch | Error>) {
  const calls: number[] = [];
  return {
    calls,
    describe: async () => {
      calls.push(1);
      const next = answers.length > 1 ? answers.shift()! : answers[0]!;
      if (next instanceof Error) throw next;
      return next;
    },
  };
}

function options(
  describe: WaitOptions['describe'],
  clock: Clock,
  extra: Partial<WaitOptions> = {},
): WaitOptions {
  // random 0: no spread, so that sleeps after throttling are exact.
  return {
    describe,
    clock,
    intervalMs: 1_000,
    signal: new AbortController().signal,
    random: () => 0,
    ...extra,
  };
}

describe('waitForCompletion', () => {
  it('polls once per interval until the batch is complete', async () => {
    const clock = fakeClock();
    const script = scripted(batch('IN_PROGRESS'), batch('IN_PROGRESS'), batch('SUCCEEDED'));
    const result = await waitForCompletion(options(script.describe, clock));
    expect(result.kind).toBe('complete');
    expect(result.batch?.buildBatchStatus).toBe('SUCCEEDED');
    expect(script.calls).toHaveLength(3);
    expect(clock.sleeps).toEqual([1_000, 1_000, 1_000]);
  });

  it('never believes a read older than one already seen, even after a fresh one', async () => {
    const clock = fakeClock();
    const seen: string[] = [];
    const retryResponse = { ...batch('IN_PROGRESS'), phases: new Array(5).fill({}) };
    const stale = batch('FAILED', undefined, 4);
    const running = batch('IN_PROGRESS', undefined, 5);
    const script = scripted(stale, running, stale, stale, batch('SUCCEEDED', undefined, 6));
    const result = await waitForCompletion(
      options(script.describe, clock, {
        known: retryResponse,
        onRead: (b) => seen.push(b.buildBatchStatus!),
      }),
    );
    expect(result.batch?.buildBatchStatus).toBe('SUCCEEDED');
    expect(seen).toEqual(['IN_PROGRESS', 'SUCCEEDED']);
  });

  it('takes a read that finds no batch as a passing failure, not as a read', async () => {
    const clock = fakeClock();
    const errors: string[] = [];
    const seen: string[] = [];
    const script = scripted(undefined as never, batch('IN_PROGRESS'), batch('SUCCEEDED'));
    const result = await waitForCompletion(
      options(script.describe, clock, {
        onRead: (b) => seen.push(b.buildBatchStatus!),
        onTransientError: (e) => errors.push(e.code),
      }),
    );
    expect(result.kind).toBe('complete');
    expect(errors).toEqual(['BatchNotFound']);
    expect(seen).toEqual(['IN_PROGRESS', 'SUCCEEDED']);
  });

  it('holds the interval under throttling, never wider however many polls are throttled in a row', async () => {
    const clock = fakeClock();
    const script = scripted(
      throttled(),
      throttled(),
      throttled(),
      batch('IN_PROGRESS'),
      batch('IN_PROGRESS'),
      batch('SUCCEEDED'),
    );
    await waitForCompletion(options(script.describe, clock));
    // 1 s configured: held at 4.5 s (the most that keeps 2 × 1 s + 5 s) while polls are throttled in
    // a row, and after they are answered (a pace that doubled saw batches end 10 s+ late).
    expect(clock.sleeps).toEqual([1_000, 4_500, 4_500, 4_500, 4_500, 4_500]);
  });

  it('keeps the held pace until five minutes pass without throttling, then comes back to the configured one', async () => {
    const clock = fakeClock();
    const held = HOLD_MS / 5_000;
    const running = Array.from({ length: held + 1 }, () => batch('IN_PROGRESS'));
    const script = scripted(throttled(), ...running, batch('SUCCEEDED'));
    await waitForCompletion(options(script.describe, clock, { intervalMs: 2_000 }));
    expect(clock.sleeps).toEqual([
      2_000,
      ...Array.from({ length: held }, () => 5_000),
      2_000,
      2_000,
    ]);
  });

  it("holds the pace when a poll got through only on the SDK's retry after throttling", async () => {
    // The SDK retries a throttled call: the read succeeds, yet the account is at its budget, and
    // polling on at the configured pace keeps it there.
    const clock = fakeClock();
    let throttledAttempts = 0;
    const answers = [batch('IN_PROGRESS'), batch('IN_PROGRESS'), batch('SUCCEEDED')];
    const result = await waitForCompletion(
      options(
        async () => {
          if (answers.length === 3) throttledAttempts += 2;
          return answers.shift();
        },
        clock,
        { throttledAttempts: () => throttledAttempts },
      ),
    );
    expect(result.kind).toBe('complete');
    expect(clock.sleeps).toEqual([1_000, 4_500, 4_500]);
  });

  it('starts the wait after a retry at the pace the wait before it ended with', async () => {
    // The account is as busy after the retry as before it.
    const clock = fakeClock();
    const pace: { current?: Pace } = {};
    const first = scripted(throttled(), batch('FAILED'));
    await waitForCompletion(options(first.describe, clock, { pace }));
    const second = scripted(batch('IN_PROGRESS'), batch('SUCCEEDED'));
    await waitForCompletion(options(second.describe, clock, { pace }));
    expect(clock.sleeps).toEqual([1_000, 4_500, 4_500, 4_500]);
  });

  it('after a poll throttled through, polls again when the next answer is due; held polls spread within 2 × the interval + 5 s', async () => {
    const clock = fakeClock();
    const script = scripted(
      batch('IN_PROGRESS'),
      throttled(),
      batch('IN_PROGRESS'),
      batch('SUCCEEDED'),
    );
    const next: number[] = [];
    await waitForCompletion(
      options(script.describe, clock, {
        intervalMs: 2_000,
        random: () => 0.999,
        onTransientError: (_, { inMs }) => next.push(inMs),
      }),
    );
    // Answered at 2 s, throttled through at 4 s: the next answer is due at 2 s + 6.5 s (2 × 2 s + 5 s,
    // less a poll's margin), so the step sleeps 4.5 s, and says so; then held, 5 s up to the 6.5 s cap.
    expect(clock.sleeps).toEqual([2_000, 2_000, 4_500, 6_499]);
    expect(next).toEqual([4_500]);
  });

  it('after two polls throttled through in a row, sleeps the held pace, no longer: the batch may end as the account frees up', async () => {
    const clock = fakeClock();
    const script = scripted(
      batch('IN_PROGRESS'),
      throttled(),
      throttled(),
      batch('IN_PROGRESS'),
      batch('SUCCEEDED'),
    );
    await waitForCompletion(
      options(script.describe, clock, { intervalMs: 2_000, random: () => 0.999 }),
    );
    // Early after the first (4.5 s, until the answer due at 8.5 s), then held, spread to 6.499 s.
    expect(clock.sleeps).toEqual([2_000, 2_000, 4_500, 6_499, 6_499]);
  });

  it('holds the pace when a poll met throttling and then failed otherwise (a 5xx after throttled attempts)', async () => {
    const clock = fakeClock();
    let throttledAttempts = 0;
    const answers: Array<BuildBatch | Error> = [unavailable(), batch('SUCCEEDED')];
    await waitForCompletion(
      options(
        async () => {
          const next = answers.shift()!;
          if (next instanceof Error) {
            throttledAttempts += 2;
            throw next;
          }
          return next;
        },
        clock,
        { throttledAttempts: () => throttledAttempts },
      ),
    );
    expect(clock.sleeps).toEqual([1_000, 4_500]);
  });

  it('keeps polling through transient failures shorter than the limit', async () => {
    const clock = fakeClock();
    const errors: string[] = [];
    const script = scripted(unavailable(), unavailable(), batch('SUCCEEDED'));
    const result = await waitForCompletion(
      options(script.describe, clock, { onTransientError: (e) => errors.push(e.code) }),
    );
    expect(result.kind).toBe('complete');
    expect(errors).toEqual(['ServiceUnavailableException', 'ServiceUnavailableException']);
  });

  it('fails with the last error once transient failures last the whole limit', async () => {
    const clock = fakeClock();
    const script = scripted(unavailable());
    const failure = waitForCompletion(
      options(script.describe, clock, { sustainedFailureMs: 300_000, intervalMs: 15_000 }),
    );
    await expect(failure).rejects.toThrow(ActionError);
    await expect(failure).rejects.toThrow(
      /^Polling the batch failed for 5m 0s in a row; the last error was CodeBuild BatchGetBuildBatches failed: ServiceUnavailableException: try again \(request id req-2\)$/,
    );
    expect(script.calls.length).toBe(21);
  });

  it('throws a permanent failure at once', async () => {
    const clock = fakeClock();
    const expired = new ServiceError(
      'BatchGetBuildBatches',
      'ExpiredTokenException',
      'expired',
      'r',
      'expired-credentials',
    );
    const script = scripted(expired);
    await expect(waitForCompletion(options(script.describe, clock))).rejects.toBe(expired);
    expect(script.calls).toHaveLength(1);
  });

  it('gives up at the deadline, returning the last batch seen', async () => {
    const clock = fakeClock();
    const running = batch('IN_PROGRESS');
    const script = scripted(running);
    const result = await waitForCompletion(options(script.describe, clock, { deadline: 3_500 }));
    expect(result).toEqual({ kind: 'timeout', batch: running });
    expect(clock.sleeps).toEqual([1_000, 1_000, 1_000, 500]);
    // The last poll at the deadline itself.
    expect(script.calls).toHaveLength(4);
  });

  it.each([
    [2_000, { inMs: 0, poll: false }],
    [2_600, { inMs: 600, poll: true }],
    [3_000, { inMs: 1_000, poll: true }],
    [3_001, { inMs: 1_000, poll: true }],
  ])(
    'after a failed poll at 2 s, with the deadline at %i ms, says %j: the next poll, at the deadline at the latest',
    async (deadline, said) => {
      const clock = fakeClock();
      const script = scripted(batch('IN_PROGRESS'), unavailable(), batch('SUCCEEDED'));
      const next: Array<{ inMs: number; poll: boolean }> = [];
      const result = await waitForCompletion(
        options(script.describe, clock, { deadline, onTransientError: (_, n) => next.push(n) }),
      );
      expect(next).toEqual([said]);
      expect(result.kind).toBe(said.poll ? 'complete' : 'timeout');
      expect(script.calls).toHaveLength(said.poll ? 3 : 2);
    },
  );

  it('polls once more at the deadline: a batch that ended since the poll before is the outcome', async () => {
    const clock = fakeClock();
    const script = scripted(batch('IN_PROGRESS'), batch('SUCCEEDED'));
    const result = await waitForCompletion(
      options(script.describe, clock, { intervalMs: 10_000, deadline: 15_000 }),
    );
    expect(result.kind).toBe('complete');
    expect(clock.sleeps).toEqual([10_000, 5_000]);
  });

  it('tells when throttling holds the pace, and when it is back to the configured one', async () => {
    const clock = fakeClock();
    const script = scripted(
      batch('IN_PROGRESS'),
      throttled(),
      batch('IN_PROGRESS'),
      batch('IN_PROGRESS'),
    );
    const changes: Array<[number, boolean]> = [];
    const result = await waitForCompletion(
      options(script.describe, clock, {
        intervalMs: 2_000,
        deadline: HOLD_MS + 30_000,
        onPaceChange: (held) => changes.push([clock.t, held]),
      }),
    );
    expect(result.kind).toBe('timeout');
    // Held once, at the throttled poll (4 s); back once, at the first answer HOLD_MS after it.
    expect(changes).toHaveLength(2);
    expect(changes[0]).toEqual([4_000, true]);
    expect(changes[1]![1]).toBe(false);
    expect(changes[1]![0]).toBeGreaterThanOrEqual(4_000 + HOLD_MS);
    expect(changes[1]![0]).toBeLessThan(4_000 + HOLD_MS + 6_500);
  });

  // Not right after an answered poll: the next answer was due long ago, and polling at once would
  // hammer an account that has no room.
  it('after a poll throttled through after a failed one, sleeps the held pace, not until an answer long past is due', async () => {
    const clock = fakeClock();
    const script = scripted(
      batch('IN_PROGRESS'),
      unavailable(),
      unavailable(),
      throttled(),
      batch('SUCCEEDED'),
    );
    await waitForCompletion(options(script.describe, clock, { intervalMs: 15_000 }));
    expect(clock.sleeps).toEqual([15_000, 15_000, 15_000, 15_000, 15_000]);
  });

  it('stops when cancelled, even in the middle of a call', async () => {
    const clock = fakeClock();
    const controller = new AbortController();
    const result = await waitForCompletion(
      options(
        async () => {
          controller.abort();
          throw new Error('aborted');
        },
        clock,
        { signal: controller.signal },
      ),
    );
    expect(result).toEqual({ kind: 'cancelled', batch: undefined });
  });
});
