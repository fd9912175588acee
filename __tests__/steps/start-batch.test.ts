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
});
