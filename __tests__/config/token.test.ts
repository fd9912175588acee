import {
  idempotencyToken,
  retryToken,
  startToken,
  type RunIdentity,
} from '../../src/config/token.js';

const run: RunIdentity = {
  runId: '7012345678',
  runAttempt: '1',
  job: 'retry',
  step: 'retry-batch',
};
const token = (
  r: RunIdentity,
  attempt = 1,
  type: 'RETRY_FAILED_BUILDS' | 'RETRY_ALL_BUILDS' = 'RETRY_FAILED_BUILDS',
  id = 'p:1',
) => idempotencyToken(r, id, type, attempt);

describe('idempotencyToken', () => {
  it('is the same when the same step runs twice in the same run attempt', () => {
    expect(token(run)).toBe(token({ ...run }));
    expect(token(run)).toMatch(/^gh-[0-9a-f]{40}$/);
  });

  it.each([
    ['a re-run of the job', { ...run, runAttempt: '2' }],
    ['another run', { ...run, runId: '7012345679' }],
    ['another job', { ...run, job: 'other' }],
    ['another step', { ...run, step: 'retry-again' }],
  ])('changes for %s', (_, other) => {
    expect(token(other)).not.toBe(token(run));
  });

  it('changes with the attempt number, the retry type and the batch', () => {
    const tokens = new Set([
      token(run),
      token(run, 2),
      token(run, 1, 'RETRY_ALL_BUILDS'),
      token(run, 1, 'RETRY_FAILED_BUILDS', 'p:2'),
    ]);
    expect(tokens.size).toBe(4);
  });

  it('is undefined outside a runner, so the caller picks a random one', () => {
    expect(token({})).toBeUndefined();
  });
});

describe('retryToken', () => {
  it('sends a given token as it is on the first attempt, suffixed after that', () => {
    expect(retryToken('mine', run, 'p:1', 'RETRY_FAILED_BUILDS', 1)).toBe('mine');
    expect(retryToken('mine', run, 'p:1', 'RETRY_FAILED_BUILDS', 2)).toBe('mine-2');
  });

  it('derives one otherwise', () => {
    expect(retryToken(undefined, run, 'p:1', 'RETRY_FAILED_BUILDS', 2)).toBe(token(run, 2));
  });
});

describe('startToken', () => {
  it('is the same for the same step in the same run attempt, and differs from every retry token', () => {
    expect(startToken(run, 'web-app')).toBe(startToken({ ...run }, 'web-app'));
    expect(startToken(run, 'web-app')).toMatch(/^gh-[0-9a-f]{40}$/);
    expect(startToken(run, 'web-app')).not.toBe(token(run, 1, 'RETRY_FAILED_BUILDS', 'web-app'));
  });

  it.each([
    ['a re-run of the job', { ...run, runAttempt: '2' }, 'web-app'],
    ['another step', { ...run, step: 'start-again' }, 'web-app'],
    ['another project', run, 'api'],
  ])('changes for %s', (_, other, project) => {
    expect(startToken(other, project)).not.toBe(startToken(run, 'web-app'));
  });

  it('is undefined outside a runner', () => {
    expect(startToken({}, 'web-app')).toBeUndefined();
  });
});
