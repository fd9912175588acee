// The inputs of start-batch, read through readConfig as the action reads them.
import { readConfig } from '../../src/config/inputs.js';
import { BATCH_ID, expectOneSentence, source } from '../fixtures.js';

const START = { 'start-batch': 'true', 'project-name': 'web-app' };
const config = (values: Record<string, string>) => readConfig(source({ ...START, ...values }));

describe('readConfig with start-batch', () => {
  it('starts the project, with the documented defaults', () => {
    const c = config({});
    expect(c.target).toEqual({
      kind: 'start',
      projectName: 'web-app',
      start: {
        sourceVersion: undefined,
        overrideSource: true,
        envVarNames: [],
        githubEnvVars: true,
        buildspecOverride: undefined,
        overrides: {},
      },
    });
    expect(c.maxAttempts).toBe(1);
  });

  it('reads every start input', () => {
    const c = config({
      'source-version': 'pr/123',
      'env-vars-for-codebuild': ' DEPLOY_KEY, TARGET_ENV\nDEPLOY_KEY,,\n _UNDERSCORE_1 ',
      'disable-github-env-vars': 'true',
      'buildspec-override': 'version: 0.2\nphases: {}',
      'start-overrides':
        '{"computeTypeOverride": "BUILD_GENERAL1_LARGE", "gitCloneDepthOverride": 1}',
      'max-attempts': '0',
    });
    expect(c.target).toEqual({
      kind: 'start',
      projectName: 'web-app',
      start: {
        sourceVersion: 'pr/123',
        overrideSource: true,
        envVarNames: ['DEPLOY_KEY', 'TARGET_ENV', '_UNDERSCORE_1'],
        githubEnvVars: false,
        buildspecOverride: 'version: 0.2\nphases: {}',
        overrides: { computeTypeOverride: 'BUILD_GENERAL1_LARGE', gitCloneDepthOverride: 1 },
      },
    });
    expect(c.maxAttempts).toBe(0);
  });

  it('sends no source version with disable-source-override', () => {
    const c = config({ 'disable-source-override': 'true' });
    expect(c.target.kind === 'start' && c.target.start.overrideSource).toBe(false);
  });

  it.each([
    [
      { 'source-version': 'x' },
      /^Input "source-version" applies only with "start-batch: true", which is not set: set "start-batch: true" to start a new batch of "project-name", or remove "source-version" to retry a batch\.$/,
    ],
    [
      { 'start-overrides': 'not even JSON', 'source-version': 'x', 'buildspec-override': 'b.yml' },
      /^Inputs "source-version", "buildspec-override" and "start-overrides" apply only with "start-batch: true", which is not set: .+, or remove them to retry a batch\.$/,
    ],
    [
      { 'disable-source-override': 'true', 'env-vars-for-codebuild': 'A' },
      /^Inputs "disable-source-override" and "env-vars-for-codebuild" apply only with "start-batch: true"/,
    ],
    [{ 'disable-github-env-vars': 'yes' }, /^Input "disable-github-env-vars" applies only with/],
  ])('refuses start inputs without start-batch, naming them: %j', (values, message) => {
    expectOneSentence(() => readConfig(source({ 'batch-id': BATCH_ID, ...values })), message);
    expectOneSentence(
      () => readConfig(source({ 'project-name': 'web-app', 'start-batch': 'false', ...values })),
      message,
    );
  });

  it("takes the start flags' defaults (false) without start-batch, as the runner passes them", () => {
    const c = readConfig(
      source({
        'batch-id': BATCH_ID,
        'disable-source-override': 'false',
        'disable-github-env-vars': 'False',
      }),
    );
    expect(c.target).toEqual({ kind: 'batch', batchId: BATCH_ID });
  });

  const rejected: Array<[string, Record<string, string>, RegExp]> = [
    [
      'batch-id with start-batch',
      { 'batch-id': BATCH_ID },
      /^Inputs "batch-id" and "start-batch" are both set: remove "batch-id" to start a new batch of "project-name", or "start-batch" to retry that batch\.$/,
    ],
    [
      'no project-name',
      { 'project-name': '' },
      /^Input "start-batch" is true but "project-name" is empty: set "project-name" to the CodeBuild project to start\.$/,
    ],
    ['a bad project-name', { 'project-name': 'a b' }, /^Input "project-name" is "a b"/],
    ['start-batch not a boolean', { 'start-batch': 'yes' }, /^Input "start-batch" is "yes"/],
    [
      'max-attempts below 0',
      { 'max-attempts': '-1' },
      /^Input "max-attempts" is "-1", but it must be a whole number from 0 to 100\.$/,
    ],
    [
      'source-version with disable-source-override',
      { 'source-version': 'main', 'disable-source-override': 'true' },
      /^Inputs "source-version" and "disable-source-override" are both set/,
    ],
    [
      'disable-source-override not a boolean',
      { 'disable-source-override': 'on' },
      /^Input "disable-source-override" is "on", but it must be "true" or "false"\.$/,
    ],
    [
      'disable-github-env-vars not a boolean',
      { 'disable-github-env-vars': '1' },
      /^Input "disable-github-env-vars" is "1"/,
    ],
    [
      'a variable name with a space',
      { 'env-vars-for-codebuild': 'GOOD, NOT GOOD' },
      /^Input "env-vars-for-codebuild" lists "NOT GOOD", which is not an environment variable name/,
    ],
    [
      'a variable given as NAME=value',
      { 'env-vars-for-codebuild': 'TOKEN=abc' },
      /^Input "env-vars-for-codebuild" lists "TOKEN=abc"/,
    ],
    [
      'start-overrides not JSON',
      { 'start-overrides': '{computeTypeOverride: LARGE}' },
      /^Input "start-overrides" is not valid JSON \(.+\): give a JSON object/,
    ],
    [
      'start-overrides a list',
      { 'start-overrides': '[]' },
      /^Input "start-overrides" must be a JSON object/,
    ],
    [
      'start-overrides null',
      { 'start-overrides': 'null' },
      /^Input "start-overrides" must be a JSON object/,
    ],
    [
      'start-overrides a string',
      { 'start-overrides': '"x"' },
      /^Input "start-overrides" must be a JSON object/,
    ],
    [
      'an unknown member',
      { 'start-overrides': '{"timeoutInMinutes": 60}' },
      /^Input "start-overrides" sets "timeoutInMinutes", which StartBuildBatch does not have: see the StartBuildBatch API reference/,
    ],
    [
      'a member in the wrong case',
      { 'start-overrides': '{"ComputeTypeOverride": "BUILD_GENERAL1_LARGE"}' },
      /"ComputeTypeOverride", which StartBuildBatch does not have \(did you mean "computeTypeOverride"\?\)/,
    ],
    [
      'an inherited name',
      { 'start-overrides': '{"toString": 1}' },
      /sets "toString", which StartBuildBatch does not have/,
    ],
    [
      'projectName',
      { 'start-overrides': '{"projectName": "other"}' },
      /sets "projectName", which the action sets from the input "project-name": leave it out of start-overrides\.$/,
    ],
    [
      'buildspecOverride',
      { 'start-overrides': '{"buildspecOverride": "x.yml"}' },
      /sets "buildspecOverride", which the action sets from the input "buildspec-override"/,
    ],
    [
      'idempotencyToken',
      { 'start-overrides': '{"idempotencyToken": "t"}' },
      /sets "idempotencyToken", which the action sets from the workflow run/,
    ],
  ];
  it.each(rejected)('rejects %s with one sentence naming the input', (_, values, message) => {
    expectOneSentence(() => config(values), message);
  });

  it.each([
    ['a word', 'oops', "(Unexpected token 'o')"],
    ['a long line', `{"a": x${'y'.repeat(100)}}`, "(Unexpected token 'x')"],
    ['several lines', '{\n  "computeTypeOverride":\n  LARGE\n}', "(Unexpected token 'L')"],
    ['a trailing comma', '{"gitCloneDepthOverride": 1,}', '(Expected double-quoted property name'],
  ])('says once that start-overrides is not valid JSON, given %s', (_, value, why) => {
    expectOneSentence(
      () => config({ 'start-overrides': value }),
      /^Input "start-overrides" is not valid JSON \(.+\): give a JSON object such as \{"computeTypeOverride": "BUILD_GENERAL1_LARGE"\}\.$/,
    );
    let message = '';
    try {
      config({ 'start-overrides': value });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.split('not valid JSON')).toHaveLength(2);
    expect(message).toContain(why);
  });
});
