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
        referencedEnvVars: [],
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
      'parameter-store-env-vars':
        ' DB_PASSWORD = /ci/db-password \n\nAPI_URL=arn:aws:ssm:us-east-1:123456789012:parameter/ci/api',
      'secrets-manager-env-vars': 'DOCKER_TOKEN=ci/docker:token::\nB64=x/y=z==',
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
        referencedEnvVars: [
          { name: 'DB_PASSWORD', value: '/ci/db-password', type: 'PARAMETER_STORE' },
          {
            name: 'API_URL',
            value: 'arn:aws:ssm:us-east-1:123456789012:parameter/ci/api',
            type: 'PARAMETER_STORE',
          },
          { name: 'DOCKER_TOKEN', value: 'ci/docker:token::', type: 'SECRETS_MANAGER' },
          { name: 'B64', value: 'x/y=z==', type: 'SECRETS_MANAGER' },
        ],
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
    [
      { 'parameter-store-env-vars': 'A=/a', 'secrets-manager-env-vars': 'B=b' },
      /^Inputs "parameter-store-env-vars" and "secrets-manager-env-vars" apply only with/,
    ],
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
      'a parameter without a name',
      { 'parameter-store-env-vars': '/ci/db-password' },
      /^Input "parameter-store-env-vars" has the line "\/ci\/db-password", which is not NAME=parameter: write one variable per line, such as DB_PASSWORD=\/ci\/db-password\.$/,
    ],
    [
      'a secret without a reference',
      { 'secrets-manager-env-vars': 'TOKEN=' },
      /^Input "secrets-manager-env-vars" has the line "TOKEN=", which is not NAME=secret: write one variable per line, such as DOCKER_TOKEN=ci\/docker:token\.$/,
    ],
    [
      'a bad variable name',
      { 'secrets-manager-env-vars': 'MY-TOKEN=ci/docker' },
      /^Input "secrets-manager-env-vars" has the line "MY-TOKEN=ci\/docker", which is not NAME=secret/,
    ],
    [
      'a comma between two parameters, without a space',
      { 'parameter-store-env-vars': 'A=/a,B=/b' },
      /^Input "parameter-store-env-vars" has the line "A=\/a,B=\/b", which is not NAME=parameter/,
    ],
    [
      'commas between parameters',
      { 'parameter-store-env-vars': 'A=/a, B=/b' },
      /^Input "parameter-store-env-vars" has the line "A=\/a, B=\/b", which is not NAME=parameter/,
    ],
    [
      'a variable twice in one input',
      { 'parameter-store-env-vars': 'A=/a\nA=/b' },
      /^Input "parameter-store-env-vars" sets A twice: keep one\.$/,
    ],
    [
      'a variable in two inputs',
      { 'env-vars-for-codebuild': 'A', 'secrets-manager-env-vars': 'A=ci/a' },
      /^Inputs "env-vars-for-codebuild" and "secrets-manager-env-vars" both set A: keep it in one\.$/,
    ],
    [
      'a variable from both stores',
      { 'parameter-store-env-vars': 'A=/a', 'secrets-manager-env-vars': 'A=ci/a' },
      /^Inputs "parameter-store-env-vars" and "secrets-manager-env-vars" both set A: keep it in one\.$/,
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
    // The SDK sends a value of the wrong JSON type as it is, and CodeBuild's answer
    // (SerializationException: "STRING_VALUE can not be converted to an Integer") names no member.
    [
      'a number given as a string',
      { 'start-overrides': '{"buildTimeoutInMinutesOverride": "60"}' },
      /^Input "start-overrides" sets "buildTimeoutInMinutesOverride" to "60", but StartBuildBatch takes a number there: write it without quotes\.$/,
    ],
    [
      'a flag given as a string',
      { 'start-overrides': '{"privilegedModeOverride": "true"}' },
      /^Input "start-overrides" sets "privilegedModeOverride" to "true", but StartBuildBatch takes true or false there: write it without quotes\.$/,
    ],
    [
      'a nested number given as a string',
      {
        'start-overrides':
          '{"buildBatchConfigOverride": {"restrictions": {"maximumBuildsAllowed": "5"}}}',
      },
      /^Input "start-overrides" sets "buildBatchConfigOverride\.restrictions\.maximumBuildsAllowed" to "5", but StartBuildBatch takes a number there/,
    ],
    // JSON.parse reads 1e400 as Infinity, which the SDK sends as the text "Infinity": CodeBuild's
    // SerializationException would name no member.
    [
      'a number too large for JSON',
      { 'start-overrides': '{"buildTimeoutInMinutesOverride": 1e400}' },
      /^Input "start-overrides" sets "buildTimeoutInMinutesOverride" to a number too large to send, but StartBuildBatch takes a number there\.$/,
    ],
    [
      'an object where a text is taken',
      { 'start-overrides': '{"imageOverride": {"name": "aws/codebuild/standard:7.0"}}' },
      /^Input "start-overrides" sets "imageOverride" to an object, but StartBuildBatch takes a text there\.$/,
    ],
    [
      'a list item of the wrong type',
      { 'start-overrides': '{"secondarySourcesVersionOverride": ["main"]}' },
      /^Input "start-overrides" sets "secondarySourcesVersionOverride\[0\]" to "main", but StartBuildBatch takes an object there\.$/,
    ],
    // The SDK leaves out a nested member it does not know without a word: the setting would be lost.
    [
      'a nested member StartBuildBatch does not have',
      { 'start-overrides': '{"buildBatchConfigOverride": {"timeoutInMinutes": 90}}' },
      /^Input "start-overrides" sets "buildBatchConfigOverride\.timeoutInMinutes", which StartBuildBatch does not have \(did you mean "buildBatchConfigOverride\.timeoutInMins"\?\): see the StartBuildBatch API reference for its members\.$/,
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
      'environmentVariablesOverride',
      { 'start-overrides': '{"environmentVariablesOverride": []}' },
      /sets "environmentVariablesOverride", which the action sets from the inputs "env-vars-for-codebuild", "parameter-store-env-vars", "secrets-manager-env-vars" and "disable-github-env-vars": leave it out of start-overrides\.$/,
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
