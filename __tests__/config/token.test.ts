import type { StartBuildBatchCommandInput } from '@aws-sdk/client-codebuild';
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
  /** A StartBuildBatch request as start-request.ts builds it. */
  const request = (
    extra: Partial<StartBuildBatchCommandInput> = {},
  ): StartBuildBatchCommandInput => ({
    projectName: 'web-app',
    sourceVersion: '0a1b2c3d4e5f60718293a4b5c6d7e8f901234567',
    environmentVariablesOverride: [
      { name: 'GITHUB_SHA', value: '0a1b2c3d4e5f60718293a4b5c6d7e8f901234567', type: 'PLAINTEXT' },
      { name: 'TARGET_ENV', value: 'staging', type: 'PLAINTEXT' },
    ],
    buildspecOverride: 'ci/buildspec-batch.yml',
    computeTypeOverride: 'BUILD_GENERAL1_LARGE',
    buildBatchConfigOverride: { timeoutInMins: 90, combineArtifacts: false },
    ...extra,
  });
  const base = startToken(run, request());

  it('is the same for the same request in the same run attempt, and differs from every retry token', () => {
    expect(startToken({ ...run }, request())).toBe(base);
    expect(base).toMatch(/^gh-[0-9a-f]{40}$/);
    expect(base).not.toBe(token(run, 1, 'RETRY_FAILED_BUILDS', 'web-app'));
  });

  it.each<[string, RunIdentity, Partial<StartBuildBatchCommandInput>]>([
    ['a re-run of the job', { ...run, runAttempt: '2' }, {}],
    ['another run', { ...run, runId: '7012345679' }, {}],
    ['another job', { ...run, job: 'other' }, {}],
    ['another step', { ...run, step: 'start-again' }, {}],
    ['another project', run, { projectName: 'api' }],
    [
      'another value of an environment variable (a matrix leg)',
      run,
      {
        environmentVariablesOverride: [
          {
            name: 'GITHUB_SHA',
            value: '0a1b2c3d4e5f60718293a4b5c6d7e8f901234567',
            type: 'PLAINTEXT',
          },
          { name: 'TARGET_ENV', value: 'production', type: 'PLAINTEXT' },
        ],
      },
    ],
    [
      'another variable type',
      run,
      {
        environmentVariablesOverride: [
          {
            name: 'GITHUB_SHA',
            value: '0a1b2c3d4e5f60718293a4b5c6d7e8f901234567',
            type: 'PLAINTEXT',
          },
          { name: 'TARGET_ENV', value: 'staging', type: 'PARAMETER_STORE' },
        ],
      },
    ],
    [
      'one variable more',
      run,
      {
        environmentVariablesOverride: [
          ...request().environmentVariablesOverride!,
          { name: 'EXTRA', value: '', type: 'PLAINTEXT' },
        ],
      },
    ],
    [
      // The list is sent in this order: CodeBuild compares it as sent.
      'the variables in another order',
      run,
      { environmentVariablesOverride: [...request().environmentVariablesOverride!].reverse() },
    ],
    ['no variables', run, { environmentVariablesOverride: undefined }],
    ['another source version', run, { sourceVersion: 'pr/123' }],
    ['no source version', run, { sourceVersion: undefined }],
    ['another buildspec', run, { buildspecOverride: 'ci/other.yml' }],
    ['another start-overrides member', run, { computeTypeOverride: 'BUILD_GENERAL1_SMALL' }],
    ['one start-overrides member more', run, { imageOverride: 'aws/codebuild/standard:7.0' }],
    [
      'a nested start-overrides value',
      run,
      { buildBatchConfigOverride: { timeoutInMins: 91, combineArtifacts: false } },
    ],
  ])('changes for %s', (_, other, extra) => {
    expect(startToken(other, request(extra))).not.toBe(base);
  });

  it('does not depend on the order of keys, at any depth', () => {
    const reordered: StartBuildBatchCommandInput = {
      buildBatchConfigOverride: { combineArtifacts: false, timeoutInMins: 90 },
      computeTypeOverride: 'BUILD_GENERAL1_LARGE',
      buildspecOverride: 'ci/buildspec-batch.yml',
      environmentVariablesOverride: [
        {
          type: 'PLAINTEXT',
          value: '0a1b2c3d4e5f60718293a4b5c6d7e8f901234567',
          name: 'GITHUB_SHA',
        },
        { value: 'staging', type: 'PLAINTEXT', name: 'TARGET_ENV' },
      ],
      sourceVersion: '0a1b2c3d4e5f60718293a4b5c6d7e8f901234567',
      projectName: 'web-app',
    };
    expect(startToken(run, reordered)).toBe(base);
  });

  it('covers what is sent: members left undefined and a token already set do not count', () => {
    expect(startToken(run, request({ imageOverride: undefined }))).toBe(base);
    expect(startToken(run, request({ idempotencyToken: 'an-earlier-token' }))).toBe(base);
  });

  it('tells a value from the same text in another shape', () => {
    const a = startToken(run, request({ buildspecOverride: 'x', imageOverride: 'y' }));
    const b = startToken(run, request({ buildspecOverride: 'x,imageOverride:y' }));
    expect(a).not.toBe(b);
    expect(startToken(run, request({ privilegedModeOverride: true }))).not.toBe(
      startToken(run, request({ privilegedModeOverride: 'true' as never })),
    );
  });

  it('is undefined outside a runner', () => {
    expect(startToken({}, request())).toBeUndefined();
  });
});
