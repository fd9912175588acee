import type { BuildBatch } from '@aws-sdk/client-codebuild';
import { startedBefore } from '../../src/steps/start-batch.js';

describe('startedBefore: did the start find a batch another step had started?', () => {
  const sentAt = Date.parse('2026-12-01T10:00:00.500Z');
  it.each<[string, Date | undefined, boolean]>([
    [
      'begun a minute before the request was sent (a leg that asked earlier)',
      new Date(sentAt - 60_000),
      true,
    ],
    ['begun a millisecond before', new Date(sentAt - 1), true],
    ['begun as the request was sent', new Date(sentAt), false],
    ['begun after the request was sent (this step started it)', new Date(sentAt + 180), false],
    ['with no start time', undefined, false],
    ['with a start time that is not a time', new Date(Number.NaN), false],
  ])('%s', (_, startTime, expected) => {
    const batch: BuildBatch = { id: 'web-app:1', startTime };
    expect(startedBefore(batch, sentAt)).toBe(expected);
  });

  // CodeBuild's Date header, less the runner's clock: whole seconds, so up to a second low.
  it.each<[string, number, number, boolean]>([
    ['a runner 3 s ahead, its own batch', -3_400, sentAt - 3_000 + 120, false],
    ['a runner 3 s ahead, a batch begun 2 s before it asked', -3_400, sentAt - 5_000, true],
    ['a runner 3 s behind, its own batch', 2_600, sentAt + 3_000 + 120, false],
    ['a runner 3 s behind, a batch begun 2 s before it asked', 2_600, sentAt + 1_000, true],
    // Within the header's second the clocks agree: sentAt as it is.
    ['clocks in step, a batch begun 1 ms before', -900, sentAt - 1, true],
    ['clocks in step, its own batch', -900, sentAt + 50, false],
  ])('%s', (_, clockAheadMs, startedAt, expected) => {
    const batch: BuildBatch = { id: 'web-app:1', startTime: new Date(startedAt) };
    expect(startedBefore(batch, sentAt, clockAheadMs)).toBe(expected);
  });
});
