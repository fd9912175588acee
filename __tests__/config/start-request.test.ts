import type { StartBuildBatchCommandInput } from '@aws-sdk/client-codebuild';
import { ActionError } from '../../src/config/errors.js';
import type { StartInputs } from '../../src/config/start-inputs.js';
import { GITHUB_ENV_VARS } from '../../src/config/names.js';
import {
  defaultSourceVersion,
  startRequest,
  type RunContext,
} from '../../src/config/start-request.js';

const SHA = '0a1b2c3d4e5f60718293a4b5c6d7e8f901234567';
const HEAD = 'c0ffee0000000000000000000000000000000001';

const inputs = (extra: Partial<StartInputs> = {}): StartInputs => ({
  overrideSource: true,
  envVarNames: [],
  referencedEnvVars: [],
  githubEnvVars: false,
  overrides: {},
  ...extra,
});
const context = (extra: Partial<RunContext> = {}): RunContext => ({
  env: {},
  eventName: 'push',
  sha: SHA,
  ...extra,
});

describe('defaultSourceVersion', () => {
  it.each<[string, Partial<RunContext>, string | undefined]>([
    ['push', { eventName: 'push' }, SHA],
    ['pull_request', { eventName: 'pull_request', headSha: HEAD }, HEAD],
    ['pull_request_target', { eventName: 'pull_request_target', headSha: HEAD }, HEAD],
    // GITHUB_SHA is the merge commit on these too (refs/pull/N/merge), as on pull_request.
    ['pull_request_review', { eventName: 'pull_request_review', headSha: HEAD }, HEAD],
    [
      'pull_request_review_comment',
      { eventName: 'pull_request_review_comment', headSha: HEAD },
      HEAD,
    ],
    [
      'workflow_dispatch (a head sha is ignored)',
      { eventName: 'workflow_dispatch', headSha: HEAD },
      SHA,
    ],
    ['pull_request without a head sha', { eventName: 'pull_request' }, SHA],
    ['outside a runner', { eventName: undefined, sha: undefined }, undefined],
    ['an empty GITHUB_SHA', { sha: '' }, undefined],
  ])('%s', (_, extra, expected) => {
    expect(defaultSourceVersion(context(extra))).toBe(expected);
  });
});

describe('startRequest', () => {
  const cases: Array<
    [string, Partial<StartInputs>, Partial<RunContext>, StartBuildBatchCommandInput]
  > = [
    ['the commit and the token by default', {}, {}, { projectName: 'web-app', sourceVersion: SHA }],
    [
      "a pull request's head commit",
      {},
      { eventName: 'pull_request', sha: 'merge', headSha: HEAD },
      { projectName: 'web-app', sourceVersion: HEAD },
    ],
    [
      'source-version over the commit',
      { sourceVersion: 'pr/123' },
      {},
      { projectName: 'web-app', sourceVersion: 'pr/123' },
    ],
    [
      'no source version with disable-source-override',
      { overrideSource: false },
      {},
      { projectName: 'web-app' },
    ],
    ['no source version outside a runner', {}, { sha: undefined }, { projectName: 'web-app' }],
    [
      'the GitHub context that is set and not empty, then the named variables',
      { githubEnvVars: true, envVarNames: ['DEPLOY_KEY', 'EMPTY'] },
      {
        env: {
          GITHUB_SHA: SHA,
          GITHUB_REF: 'refs/heads/main',
          GITHUB_HEAD_REF: '',
          DEPLOY_KEY: 'k',
          EMPTY: '',
          UNLISTED: 'x',
        },
      },
      {
        projectName: 'web-app',
        sourceVersion: SHA,
        environmentVariablesOverride: [
          { name: 'GITHUB_SHA', value: SHA, type: 'PLAINTEXT' },
          { name: 'GITHUB_REF', value: 'refs/heads/main', type: 'PLAINTEXT' },
          { name: 'DEPLOY_KEY', value: 'k', type: 'PLAINTEXT' },
          { name: 'EMPTY', value: '', type: 'PLAINTEXT' },
        ],
      },
    ],
    [
      'a GitHub variable named in the list once',
      { githubEnvVars: true, envVarNames: ['GITHUB_SHA'] },
      { env: { GITHUB_SHA: SHA } },
      {
        projectName: 'web-app',
        sourceVersion: SHA,
        environmentVariablesOverride: [{ name: 'GITHUB_SHA', value: SHA, type: 'PLAINTEXT' }],
      },
    ],
    [
      'Parameter Store and Secrets Manager variables by name, after the PLAINTEXT ones, over the GitHub context',
      {
        githubEnvVars: true,
        envVarNames: ['DEPLOY_ENV'],
        referencedEnvVars: [
          { name: 'DB_PASSWORD', value: '/ci/db-password', type: 'PARAMETER_STORE' },
          { name: 'GITHUB_REF', value: '/ci/ref', type: 'PARAMETER_STORE' },
          { name: 'DOCKER_TOKEN', value: 'ci/docker:token', type: 'SECRETS_MANAGER' },
        ],
      },
      { env: { GITHUB_SHA: SHA, GITHUB_REF: 'refs/heads/main', DEPLOY_ENV: 'staging' } },
      {
        projectName: 'web-app',
        sourceVersion: SHA,
        environmentVariablesOverride: [
          { name: 'GITHUB_SHA', value: SHA, type: 'PLAINTEXT' },
          { name: 'GITHUB_REF', value: '/ci/ref', type: 'PARAMETER_STORE' },
          { name: 'DEPLOY_ENV', value: 'staging', type: 'PLAINTEXT' },
          { name: 'DB_PASSWORD', value: '/ci/db-password', type: 'PARAMETER_STORE' },
          { name: 'DOCKER_TOKEN', value: 'ci/docker:token', type: 'SECRETS_MANAGER' },
        ],
      },
    ],
    [
      'the buildspec and start-overrides',
      {
        buildspecOverride: 'version: 0.2\nbatch:\n  fast-fail: true\n',
        overrides: { computeTypeOverride: 'BUILD_GENERAL1_LARGE', debugSessionEnabled: false },
      },
      {},
      {
        projectName: 'web-app',
        sourceVersion: SHA,
        buildspecOverride: 'version: 0.2\nbatch:\n  fast-fail: true\n',
        computeTypeOverride: 'BUILD_GENERAL1_LARGE',
        debugSessionEnabled: false,
      },
    ],
  ];
  it.each(cases)('sends %s', (_, start, run, expected) => {
    expect(startRequest('web-app', inputs(start), context(run))).toEqual(expected);
  });

  it('sends every GitHub context variable the runner sets', () => {
    const env = Object.fromEntries(GITHUB_ENV_VARS.map((name) => [name, `value of ${name}`]));
    const sent = startRequest('p', inputs({ githubEnvVars: true }), context({ env }));
    expect(sent.environmentVariablesOverride?.map((v) => v.name)).toEqual([...GITHUB_ENV_VARS]);
  });

  it('names the variables env-vars-for-codebuild lists that the environment does not have', () => {
    const build = () =>
      startRequest(
        'p',
        inputs({ envVarNames: ['SET', 'MISSING'] }),
        context({ env: { SET: '1' } }),
      );
    expect(build).toThrow(ActionError);
    expect(build).toThrow(
      `Input "env-vars-for-codebuild" names MISSING, not set in the step's environment: set it under the step's env:, or leave it out.`,
    );
  });
});
