import type { BuildBatch } from '@aws-sdk/client-codebuild';
import { ActionError } from '../../src/config/errors.js';
import { ServiceError } from '../../src/aws/errors.js';
import {
  recovered,
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
  return { describe, clock, intervalMs: 1_000, signal: new AbortController().signal, ...extra };
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

  it('widens the interval under throttling and brings it back down once polls succeed', async () => {
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
    expect(clock.sleeps).toEqual([1_000, 5_000, 8_000, 8_000, 4_000, 2_000, 1_000]);
  });

  it('widens to at least 5 s, however short the configured interval, and comes back', () => {
    expect(widened(100, 100)).toBe(5_000);
    expect(widened(5_000, 100)).toBe(5_000);
    expect(recovered(5_000, 100)).toBe(2_500);
  });

  it('caps the widened interval', () => {
    expect(widened(8_000, 1_000)).toBe(8_000);
    expect(widened(60_000, 60_000)).toBe(120_000);
    expect(widened(300_000, 60_000)).toBe(300_000);
    expect(recovered(1_500, 1_000)).toBe(1_000);
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
