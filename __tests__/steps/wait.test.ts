import type { BuildBatch } from '@aws-sdk/client-codebuild';
import { ActionError } from '../../src/config/errors.js';
import { ServiceError } from '../../src/aws/errors.js';
import {
  jittered,
  recovered,
  THROTTLE_MEMORY_MS,
  waitForCompletion,
  widened,
  type Clock,
  type WaitOptions,
} from '../../src/steps/wait.js';
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
  // random 0: no jitter, so that throttled sleeps are exact.
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

  it('widens the interval under throttling and comes back down to the throttled pace once polls succeed', async () => {
    const clock = fakeClock();
    const script = scripted(
      throttled(),
      throttled(),
      throttled(),
      batch('IN_PROGRESS'),
      batch('IN_PROGRESS'),
      batch('IN_PROGRESS'),
      batch('SUCCEEDED'),
    );
    await waitForCompletion(options(script.describe, clock));
    expect(clock.sleeps).toEqual([1_000, 5_000, 8_000, 8_000, 5_000, 5_000, 5_000]);
  });

  it('keeps the throttled pace until five minutes pass without throttling, then comes back to the configured one', async () => {
    // Other workflows share the account's budget and go on polling: two successful polls do not
    // mean the account has room for this step's configured pace again.
    const clock = fakeClock();
    const held = THROTTLE_MEMORY_MS / 5_000;
    expect(held).toBe(60);
    const running = Array.from({ length: held + 2 }, () => batch('IN_PROGRESS'));
    const script = scripted(throttled(), ...running, batch('SUCCEEDED'));
    await waitForCompletion(options(script.describe, clock));
    expect(clock.sleeps).toEqual([
      1_000,
      ...Array.from({ length: held }, () => 5_000),
      2_500,
      1_250,
      1_000,
    ]);
  });

  it("widens the interval when a poll got through only on the SDK's retry after throttling", async () => {
    // The SDK retries a throttled call up to three times: the read succeeds, yet the account is
    // over its budget, and polling on at the configured pace keeps it there.
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
    expect(clock.sleeps).toEqual([1_000, 5_000, 5_000]);
  });

  it('starts the wait after a retry at the pace the wait before it ended with', async () => {
    // The account is as busy after the retry as before it.
    const clock = fakeClock();
    const pace = {};
    const first = scripted(throttled(), batch('FAILED'));
    await waitForCompletion(options(first.describe, clock, { pace }));
    const second = scripted(batch('IN_PROGRESS'), batch('SUCCEEDED'));
    await waitForCompletion(options(second.describe, clock, { pace }));
    expect(clock.sleeps).toEqual([1_000, 5_000, 5_000, 5_000]);
  });

  it('widens to at least 5 s, however short the configured interval, and comes back', () => {
    expect(widened(100, 100)).toBe(5_000);
    expect(widened(5_000, 100)).toBe(5_000);
    expect(recovered(5_000, 100, THROTTLE_MEMORY_MS)).toBe(2_500);
  });

  it('caps the widened interval', () => {
    expect(widened(8_000, 1_000)).toBe(8_000);
    expect(widened(60_000, 60_000)).toBe(120_000);
    expect(widened(300_000, 60_000)).toBe(300_000);
    expect(recovered(1_500, 1_000, THROTTLE_MEMORY_MS)).toBe(1_000);
  });

  it.each([
    // current, configured, time since the last throttled poll, interval after a successful poll
    [5_000, 100, 0, 5_000],
    [8_000, 1_000, 10_000, 5_000],
    [16_000, 2_000, 299_999, 8_000],
    [5_000, 2_000, 299_999, 5_000],
    [5_000, 2_000, 300_000, 2_500],
    [30_000, 15_000, 30_000, 30_000],
    [30_000, 15_000, 300_000, 15_000],
    [120_000, 60_000, 0, 120_000],
    [1_000, 1_000, Infinity, 1_000],
  ])(
    'after a successful poll at %d ms (configured %d ms, %d ms after a throttled one): %d ms',
    (current, configured, quietMs, next) => {
      expect(recovered(current, configured, quietMs)).toBe(next);
    },
  );

  it.each([
    // interval, configured, random, slept
    [5_000, 1_000, 0, 5_000],
    [5_000, 1_000, 0.5, 5_625],
    [5_000, 1_000, 0.999, 6_249],
    [1_000, 1_000, 0, 1_000],
    [15_000, 15_000, 0.999, 15_000],
  ])(
    'sleeps %d ms (configured %d ms, random %d) as %d ms: throttled polls spread out, the configured pace stays exact',
    (interval, configured, random, slept) => {
      expect(jittered(interval, configured, random)).toBe(slept);
    },
  );

  it('spreads the polls of steps throttled together, and keeps the configured pace exact', async () => {
    const clock = fakeClock();
    const script = scripted(batch('IN_PROGRESS'), throttled(), batch('SUCCEEDED'));
    const next: number[] = [];
    await waitForCompletion(
      options(script.describe, clock, {
        random: () => 0.5,
        onTransientError: (_, ms) => next.push(ms),
      }),
    );
    // The step's log names the sleep it takes.
    expect(clock.sleeps).toEqual([1_000, 1_000, 5_625]);
    expect(next).toEqual([5_625]);
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
