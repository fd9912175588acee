// start-batch, end to end: the bundled action starts a batch on the simulator (StartBuildBatch),
// waits, retries what fails, and reports; what it sends is read back from the simulator's record.
import { readFileSync } from 'node:fs';
import {
  type Simulator,
  FAST,
  act,
  annotations,
  groupsOf,
  logged,
  simulators,
  startAct,
  wallClockStep,
} from './helpers.js';
import { parse } from 'yaml';
import { PLAINTEXT_SECRET } from '../../simulator/scenarios.mjs';

const start = simulators();

const START = { 'batch-id': '', 'start-batch': 'true', 'project-name': 'web-app' };
const PUSH_SHA = '0a1b2c3d4e5f60718293a4b5c6d7e8f901234567';
const MERGE_SHA = '9f8e7d6c5b4a39281706f5e4d3c2b1a098765432';
const HEAD_SHA = 'c0ffee0000000000000000000000000000000001';

/** Runs the step with start-batch, and the given environment on top of the simulator's. */
function starting(
  sim: Simulator,
  inputs: Record<string, string> = {},
  env: Record<string, string> = {},
  extra: Record<string, unknown> = {},
) {
  return act(
    sim,
    { ...START, ...inputs },
    { env: { ...sim.clientEnv(), GITHUB_SHA: PUSH_SHA, ...env }, ...extra },
  );
}

/** The batch the step started: the simulator's newest. */
const startedBatch = (sim: Simulator) => sim.batches.at(-1)!;
const startRequest = (sim: Simulator, index = 0) =>
  sim.calls('StartBuildBatch')[index]!.body as Record<string, unknown>;

describe('start-batch', () => {
  it('starts a batch for the commit, links to it, waits, and reports it', async () => {
    const sim = await start('start-succeeds');
    const before = sim.batches.length;
    const run = await starting(sim);

    expect(run.code).toBe(0);
    expect(sim.calls('StartBuildBatch')).toHaveLength(1);
    expect(startRequest(sim)).toMatchObject({ projectName: 'web-app', sourceVersion: PUSH_SHA });
    expect(sim.batches).toHaveLength(before + 1);
    expect(sim.calls('RetryBuildBatch')).toHaveLength(0);
    const started = startedBatch(sim);
    expect(run.outputs).toMatchObject({
      'batch-id': started.id,
      'batch-arn': started.arn,
      'build-batch-number': String(started.number),
      'batch-status': 'SUCCEEDED',
      attempts: '0',
    });
    expect(annotations(run, 'notice')).toContain(
      `Started batch build #${started.number} of web-app: https://us-east-1.console.aws.amazon.com/codesuite/codebuild/123456789012/projects/web-app/batch/${encodeURIComponent(started.id)}?region=us-east-1`,
    );
    expect(run.summary).toContain(
      `Started batch #${started.number} for 0a1b2c3, not retried, ended SUCCEEDED.`,
    );
  });

  it('retries the started batch when it fails, and ends green', async () => {
    const sim = await start('start-flaky');
    const run = await starting(sim);

    expect(run.code).toBe(0);
    const started = startedBatch(sim);
    expect(sim.calls('RetryBuildBatch')).toHaveLength(1);
    expect(sim.calls('RetryBuildBatch')[0]!.body).toMatchObject({
      id: started.id,
      retryType: 'RETRY_FAILED_BUILDS',
    });
    expect(run.outputs).toMatchObject({ attempts: '1', 'batch-status': 'SUCCEEDED' });
    expect(groupsOf(run).find((g) => g.identifier === 'integration_tests')).toMatchObject({
      status: 'SUCCEEDED',
      attempts: 2,
    });
    expect(run.summary).toContain(
      `Started batch #${started.number} for 0a1b2c3, retried once, ended SUCCEEDED.`,
    );
    expect(run.summary).toContain('retries by this step: 1 (#1 → ✅ SUCCEEDED)');
  });

  it('with max-attempts 0, starts, waits, and fails the step when the batch fails', async () => {
    const sim = await start('start-flaky');
    const run = await starting(sim, { 'max-attempts': '0' });

    expect(run.code).toBe(1);
    expect(sim.calls('StartBuildBatch')).toHaveLength(1);
    expect(sim.calls('RetryBuildBatch')).toHaveLength(0);
    expect(run.outputs).toMatchObject({ attempts: '0', 'batch-status': 'FAILED' });
    expect(annotations(run, 'error').at(-1)).toMatch(
      /^Batch build web-app:\S+ ended FAILED; failed build groups: integration_tests/,
    );
    expect(run.summary).toContain('not retried, ended FAILED.');
  });

  it('returns as soon as the batch is started when wait is false, leaving it running', async () => {
    const sim = await start('start-long-running');
    const run = await starting(sim, { wait: 'false' });

    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({
      'batch-id': startedBatch(sim).id,
      'batch-status': 'IN_PROGRESS',
    });
    expect(sim.calls('BatchGetBuildBatches')).toHaveLength(0);
    expect(sim.calls('StopBuildBatch')).toHaveLength(0);
    // Nothing for the post step to stop.
    expect(run.state['running-batch-id'] ?? '').toBe('');
  });
});

describe('start-batch: the source version', () => {
  it('is GITHUB_SHA on push', async () => {
    const sim = await start('start-succeeds');
    const run = await starting(sim, {}, {}, { eventName: 'push', event: { after: PUSH_SHA } });
    expect(run.code).toBe(0);
    expect(startRequest(sim).sourceVersion).toBe(PUSH_SHA);
  });

  it.each(['pull_request', 'pull_request_target'])(
    "is the pull request's head commit on %s, not the merge commit",
    async (eventName) => {
      const sim = await start('start-succeeds');
      const run = await starting(
        sim,
        {},
        { GITHUB_SHA: MERGE_SHA },
        { eventName, event: { pull_request: { number: 7, head: { sha: HEAD_SHA } } } },
      );
      expect(run.code).toBe(0);
      expect(startRequest(sim).sourceVersion).toBe(HEAD_SHA);
      expect(run.summary).toContain(`for ${HEAD_SHA.slice(0, 7)}, not retried`);
    },
  );

  it('is what source-version says when set', async () => {
    const sim = await start('start-succeeds');
    const run = await starting(sim, { 'source-version': 'pr/123' });
    expect(run.code).toBe(0);
    expect(startRequest(sim).sourceVersion).toBe('pr/123');
  });

  it("is left out with disable-source-override, so the project's own is built", async () => {
    const sim = await start('start-succeeds');
    const run = await starting(sim, { 'disable-source-override': 'true' });
    expect(run.code).toBe(0);
    expect(startRequest(sim)).not.toHaveProperty('sourceVersion');
    expect(run.stdout).toContain(
      "Starting a batch build of web-app at the project's own source version.",
    );
    // The simulated project builds refs/heads/main, which resolves to 4f3c2b1….
    expect(run.summary).toContain('for 4f3c2b1, not retried');
  });
});

describe('start-batch: environment variables', () => {
  const VALUE = 'e2e-plaintext-value-5d1c9b';

  /** Everything the step leaves behind that a person or a later step can read. */
  const everything = (run: Awaited<ReturnType<typeof act>>) =>
    [
      run.stdout,
      run.stderr,
      run.summary,
      readFileSync(run.files.output, 'utf8'),
      readFileSync(run.files.state, 'utf8'),
    ].join('\n');

  it('sends the named variables and the GitHub context as PLAINTEXT, and never prints a value', async () => {
    const sim = await start('start-flaky');
    const run = await starting(
      sim,
      { 'env-vars-for-codebuild': 'DEPLOY_KEY,\nTARGET_ENV' },
      { DEPLOY_KEY: VALUE, TARGET_ENV: 'staging' },
    );
    expect(run.code).toBe(0);
    const sent = startRequest(sim).environmentVariablesOverride as Array<Record<string, string>>;
    expect(sent).toEqual(
      expect.arrayContaining([
        { name: 'DEPLOY_KEY', value: VALUE, type: 'PLAINTEXT' },
        { name: 'TARGET_ENV', value: 'staging', type: 'PLAINTEXT' },
        { name: 'GITHUB_SHA', value: PUSH_SHA, type: 'PLAINTEXT' },
        { name: 'GITHUB_REPOSITORY', value: 'example/web-app', type: 'PLAINTEXT' },
        { name: 'GITHUB_RUN_ID', value: '7012345678', type: 'PLAINTEXT' },
        { name: 'GITHUB_EVENT_NAME', value: 'push', type: 'PLAINTEXT' },
      ]),
    );
    // The service echoes them back in clear, as CodeBuild does; none reaches the log, the outputs,
    // the state file or the summary.
    const left = everything(run);
    expect(left).not.toContain(VALUE);
    expect(left).not.toContain('staging');
    expect(left).not.toContain(PLAINTEXT_SECRET);
  });

  it('sends only the named variables with disable-github-env-vars', async () => {
    const sim = await start('start-succeeds');
    const run = await starting(
      sim,
      { 'env-vars-for-codebuild': 'DEPLOY_KEY', 'disable-github-env-vars': 'true' },
      { DEPLOY_KEY: VALUE },
    );
    expect(run.code).toBe(0);
    expect(startRequest(sim).environmentVariablesOverride).toEqual([
      { name: 'DEPLOY_KEY', value: VALUE, type: 'PLAINTEXT' },
    ]);
  });

  it('sends Parameter Store and Secrets Manager variables by reference, beside the PLAINTEXT ones', async () => {
    const sim = await start('start-succeeds');
    const run = await starting(
      sim,
      {
        'env-vars-for-codebuild': 'DEPLOY_KEY',
        'parameter-store-env-vars': 'DB_PASSWORD=/ci/db-password\nAPI_URL = /ci/api-url',
        'secrets-manager-env-vars': 'DOCKER_TOKEN=ci/docker:token',
        'disable-github-env-vars': 'true',
      },
      { DEPLOY_KEY: VALUE },
    );
    expect(run.code).toBe(0);
    expect(startRequest(sim).environmentVariablesOverride).toEqual([
      { name: 'DEPLOY_KEY', value: VALUE, type: 'PLAINTEXT' },
      { name: 'DB_PASSWORD', value: '/ci/db-password', type: 'PARAMETER_STORE' },
      { name: 'API_URL', value: '/ci/api-url', type: 'PARAMETER_STORE' },
      { name: 'DOCKER_TOKEN', value: 'ci/docker:token', type: 'SECRETS_MANAGER' },
    ]);
    expect(everything(run)).not.toContain(VALUE);
  });

  it('refuses environmentVariablesOverride in start-overrides, naming the inputs that set it', async () => {
    const sim = await start('start-succeeds');
    const run = await starting(sim, {
      'start-overrides':
        '{"environmentVariablesOverride": [{"name": "A", "value": "/a", "type": "PARAMETER_STORE"}]}',
    });
    expect(run.code).toBe(1);
    expect(sim.calls()).toHaveLength(0);
    expect(annotations(run, 'error')).toEqual([
      'Input "start-overrides" sets "environmentVariablesOverride", which the action sets from the inputs "env-vars-for-codebuild", "parameter-store-env-vars", "secrets-manager-env-vars" and "disable-github-env-vars": leave it out of start-overrides.',
    ]);
  });

  it('fails before any call when a named variable is not set', async () => {
    const sim = await start('start-succeeds');
    const run = await starting(sim, { 'env-vars-for-codebuild': 'DEPLOY_KEY, NOT_SET_ANYWHERE' });
    expect(run.code).toBe(1);
    expect(sim.calls()).toHaveLength(0);
    expect(annotations(run, 'error')).toEqual([
      `Input "env-vars-for-codebuild" names DEPLOY_KEY, NOT_SET_ANYWHERE, not set in the step's environment: set them under the step's env:, or leave them out.`,
    ]);
  });
});

describe('start-batch: start-overrides', () => {
  it('merges the members into the request', async () => {
    const sim = await start('start-succeeds');
    const run = await starting(sim, {
      'start-overrides': JSON.stringify({
        computeTypeOverride: 'BUILD_GENERAL1_LARGE',
        buildTimeoutInMinutesOverride: 30,
        buildBatchConfigOverride: { timeoutInMins: 90 },
      }),
      'buildspec-override': 'ci/buildspec-batch.yml',
    });
    expect(run.code).toBe(0);
    expect(startRequest(sim)).toMatchObject({
      projectName: 'web-app',
      sourceVersion: PUSH_SHA,
      computeTypeOverride: 'BUILD_GENERAL1_LARGE',
      buildTimeoutInMinutesOverride: 30,
      buildBatchConfigOverride: { timeoutInMins: 90 },
      buildspecOverride: 'ci/buildspec-batch.yml',
    });
  });

  it.each([
    [
      '{"computeType": "BUILD_GENERAL1_LARGE"}',
      /^Input "start-overrides" sets "computeType", which StartBuildBatch does not have \(did you mean "computeTypeOverride"\?\)/,
    ],
    ['{"computeTypeOverride": ', /^Input "start-overrides" is not valid JSON \(/],
    ['["computeTypeOverride"]', /^Input "start-overrides" must be a JSON object/],
    [
      '{"sourceVersion": "main"}',
      /^Input "start-overrides" sets "sourceVersion", which the action sets from the inputs "source-version" and "disable-source-override"/,
    ],
    [
      '{"environmentVariablesOverride": []}',
      /^Input "start-overrides" sets "environmentVariablesOverride", which the action sets from the inputs "env-vars-for-codebuild"/,
    ],
    // CodeBuild's SerializationException would name no member; the SDK drops an unknown nested one.
    [
      '{"buildTimeoutInMinutesOverride": "60"}',
      /^Input "start-overrides" sets "buildTimeoutInMinutesOverride" to "60", but StartBuildBatch takes a number there: write it without quotes\.$/,
    ],
    [
      '{"buildBatchConfigOverride": {"timeoutInMinutes": 90}}',
      /^Input "start-overrides" sets "buildBatchConfigOverride\.timeoutInMinutes", which StartBuildBatch does not have \(did you mean "buildBatchConfigOverride\.timeoutInMins"\?\)/,
    ],
  ])('rejects %s before any call, naming the input and the member', async (overrides, message) => {
    const sim = await start('start-succeeds');
    const run = await starting(sim, { 'start-overrides': overrides });
    expect(run.code).toBe(1);
    expect(sim.calls()).toHaveLength(0);
    expect(annotations(run, 'error')).toHaveLength(1);
    expect(annotations(run, 'error')[0]).toMatch(message);
    expect(run.summary).toMatch(/^<h2>❌ CodeBuild batch start failed<\/h2>/);
  });

  it("passes CodeBuild's refusal of a value on, with its code, message and request id", async () => {
    const sim = await start('start-succeeds');
    const run = await starting(sim, {
      'start-overrides': '{"buildTimeoutInMinutesOverride": 3}',
    });
    expect(run.code).toBe(1);
    expect(sim.batches).toHaveLength(1);
    expect(annotations(run, 'error')).toEqual([
      `CodeBuild StartBuildBatch failed: InvalidInputException: 1 validation error detected: Value '3' at 'buildTimeoutInMinutesOverride' failed to satisfy constraint: Member must have value greater than or equal to 5 (request id ${sim.calls('StartBuildBatch')[0]!.requestId})`,
    ]);
  });
});

describe('start-batch: cancellation, timeout and resends', () => {
  it('stops the started batch when the workflow is cancelled', async () => {
    const sim = await start('start-long-running');
    const step = startAct(sim, { ...START }, { env: { ...sim.clientEnv(), GITHUB_SHA: PUSH_SHA } });
    await logged(step.child, /integration_tests: (PENDING → )?IN_PROGRESS/);
    step.child.kill('SIGINT');
    const kill = setTimeout(() => step.child.kill('SIGKILL'), 10_000);
    const run = await step.done;
    clearTimeout(kill);

    const started = startedBatch(sim);
    expect(run.code).toBe(1);
    expect(sim.calls('StopBuildBatch').map((r) => r.body)).toEqual([{ id: started.id }]);
    expect(run.outputs).toMatchObject({ 'batch-id': started.id, 'batch-status': 'STOPPED' });
    expect(annotations(run, 'error').at(-1)).toMatch(
      new RegExp(
        `^The workflow was cancelled while waiting for batch build ${started.id}: .*; it has been stopped\\.$`,
      ),
    );
    expect(run.state['running-batch-id']).toBe('');
  });

  it('stops the started batch when timeout-minutes passes', async () => {
    const sim = await start('start-long-running');
    const run = await starting(sim, { 'timeout-minutes': '0.02' });
    expect(run.code).toBe(1);
    expect(sim.calls('StopBuildBatch').map((r) => r.body)).toEqual([{ id: startedBatch(sim).id }]);
    expect(annotations(run, 'error').at(-1)).toMatch(/^Timed out after 1\.2s/);
  });

  it('starts one batch when the same step sends its start twice', async () => {
    const sim = await start('start-succeeds');
    const before = sim.batches.length;
    const first = await starting(sim);
    const again = await starting(sim);

    expect(first.code).toBe(0);
    expect(again.code).toBe(0);
    const starts = sim.calls('StartBuildBatch');
    expect(starts).toHaveLength(2);
    expect(starts[1]!.body!.idempotencyToken).toBe(starts[0]!.body!.idempotencyToken);
    expect(starts[1]!.replayed).toBe(true);
    expect(sim.batches).toHaveLength(before + 1);
    expect(again.outputs['batch-id']).toBe(first.outputs['batch-id']);
    expect(annotations(again, 'notice')[0]).toMatch(
      /^Following batch build #\d+ of web-app, which another step with the same request/,
    );
  });

  it('starts a new batch on a re-run of the job (a new run attempt)', async () => {
    const sim = await start('start-succeeds');
    const before = sim.batches.length;
    await starting(sim);
    const rerun = await starting(sim, {}, { GITHUB_RUN_ATTEMPT: '2' });
    expect(rerun.code).toBe(0);
    expect(sim.batches).toHaveLength(before + 2);
    expect(rerun.outputs['batch-id']).toBe(startedBatch(sim).id);
  });
});

describe("start-batch on a runner whose clock is not CodeBuild's", () => {
  // A self-hosted runner's clock may be seconds off: startTime is CodeBuild's clock.
  it.each([
    ['3 s ahead', 3_000],
    ['3 s behind', -3_000],
  ])('%s: says it started the batch it started', async (_, offsetMs) => {
    const sim = await start('start-succeeds');
    const run = await starting(sim, {}, {}, { nodeArgs: wallClockStep(offsetMs, 0) });
    expect(run.code).toBe(0);
    expect(sim.calls('StartBuildBatch').map((c) => c.replayed ?? false)).toEqual([false]);
    const batch = startedBatch(sim);
    expect(annotations(run, 'notice')).toContainEqual(
      expect.stringMatching(new RegExp(`^Started batch build #${batch.number} of web-app: `)),
    );
    expect(run.summary).toContain(`Started batch #${batch.number} for 0a1b2c3`);
  });

  it('3 s ahead: still tells a batch another step started', async () => {
    const sim = await start('start-succeeds');
    const first = await starting(sim);
    expect(first.code).toBe(0);
    // The request leaves at least 2 s after the first step's.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const again = await starting(sim, {}, {}, { nodeArgs: wallClockStep(3_000, 0) });
    expect(sim.calls('StartBuildBatch')[1]!.replayed).toBe(true);
    expect(annotations(again, 'notice')[0]).toMatch(
      /^Following batch build #\d+ of web-app, which another step with the same request/,
    );
  });
});

describe('start inputs without start-batch', () => {
  it('refuses them before any call, naming each, instead of retrying a batch they do not describe', async () => {
    const sim = await start('retry-succeeds');
    const run = await act(sim, { 'source-version': 'pr/123', 'buildspec-override': 'other.yml' });
    expect(run.code).toBe(1);
    expect(sim.calls()).toHaveLength(0);
    expect(annotations(run, 'error')).toEqual([
      'Inputs "source-version" and "buildspec-override" apply only with "start-batch: true", which is not set: set "start-batch: true" to start a new batch of "project-name", or remove them to retry a batch.',
    ]);
  });

  it("accepts every input at action.yml's default, as the runner passes them", async () => {
    const action = parse(readFileSync('action.yml', 'utf8')) as {
      inputs: Record<string, { default?: string }>;
    };
    const defaults = Object.fromEntries(
      Object.entries(action.inputs).flatMap(([name, input]) =>
        input.default === undefined ? [] : [[name, String(input.default)]],
      ),
    );
    const sim = await start('retry-succeeds');
    const run = await act(sim, { ...defaults, ...FAST });
    expect(run.code).toBe(0);
    expect(sim.calls('RetryBuildBatch')).toHaveLength(1);
  });
});

// Legs of a matrix share GITHUB_RUN_ID, GITHUB_RUN_ATTEMPT, GITHUB_JOB and GITHUB_ACTION: two action
// processes with the runner's same identity (run-action.mjs sets it), running at once.
describe('start-batch: matrix legs (one run, job and step)', () => {
  const TARGETS = ['staging', 'production'];
  const MATRIX = { 'env-vars-for-codebuild': 'TARGET_ENV' };
  const leg = (sim: Simulator, target: string) =>
    startAct(
      sim,
      { ...START, ...MATRIX },
      { env: { ...sim.clientEnv(), GITHUB_SHA: PUSH_SHA, TARGET_ENV: target } },
    );
  const following = (run: Awaited<ReturnType<typeof act>>) =>
    annotations(run, 'notice').filter((n) => n.startsWith('Following batch build'));
  const startedNotices = (run: Awaited<ReturnType<typeof act>>) =>
    annotations(run, 'notice').filter((n) => n.startsWith('Started batch build'));
  const sentValue = (batch: Simulator['batches'][number]) =>
    (batch.request.environmentVariablesOverride as Array<{ name: string; value: string }>).find(
      (v) => v.name === 'TARGET_ENV',
    )?.value;

  it('starts one batch per leg when the legs send different env-vars-for-codebuild, and each retries its own', async () => {
    const sim = await start('start-flaky');
    const before = sim.batches.length;
    const legs = await Promise.all(TARGETS.map((target) => leg(sim, target).done));

    const starts = sim.calls('StartBuildBatch');
    expect(starts.map((s) => s.error)).toEqual([undefined, undefined]);
    expect(new Set(starts.map((s) => s.body!.idempotencyToken)).size).toBe(2);
    expect(sim.batches).toHaveLength(before + 2);
    legs.forEach((run, i) => {
      expect(run.code).toBe(0);
      expect(run.outputs).toMatchObject({ 'batch-status': 'SUCCEEDED', attempts: '1' });
      // Each leg reports the batch that builds its own value.
      const batch = sim.batches.find((b) => b.id === run.outputs['batch-id'])!;
      expect(sentValue(batch)).toBe(TARGETS[i]);
      expect(startedNotices(run)).toEqual([
        expect.stringContaining(`Started batch build #${batch.number} of web-app: `),
      ]);
      expect(following(run)).toEqual([]);
      expect(run.summary).toContain(`Started batch #${batch.number} for 0a1b2c3, retried once`);
    });
    // One retry for each batch, each with its own token.
    const retries = sim.calls('RetryBuildBatch');
    expect(retries.map((r) => r.body!.id).sort()).toEqual(
      legs.map((run) => run.outputs['batch-id']).sort(),
    );
    expect(new Set(retries.map((r) => r.body!.idempotencyToken)).size).toBe(2);
  });

  it('follows one batch when the legs send the same request, and says so in the leg that did not start it', async () => {
    const sim = await start('start-flaky');
    const before = sim.batches.length;
    const first = leg(sim, 'staging');
    // The second leg starts while the first runs, once the first has its batch.
    await logged(first.child, /::notice::Started batch build/);
    const second = leg(sim, 'staging');
    const [one, two] = await Promise.all([first.done, second.done]);
    expect(one.endedAt).toBeGreaterThan(two.startedAt);

    const starts = sim.calls('StartBuildBatch');
    expect(starts).toHaveLength(2);
    expect(starts[1]!.body!.idempotencyToken).toBe(starts[0]!.body!.idempotencyToken);
    expect(starts[1]!.replayed).toBe(true);
    expect(sim.batches).toHaveLength(before + 1);
    const batch = startedBatch(sim);
    for (const run of [one, two]) {
      expect(run.code).toBe(0);
      expect(run.outputs).toMatchObject({ 'batch-id': batch.id, 'batch-status': 'SUCCEEDED' });
      // One retry in all: the group ran twice, not three times.
      expect(groupsOf(run).find((g) => g.identifier === 'integration_tests')).toMatchObject({
        status: 'SUCCEEDED',
        attempts: 2,
      });
    }
    expect(batch.retryCount).toBe(1);
    expect(new Set(sim.calls('RetryBuildBatch').map((r) => r.body!.idempotencyToken)).size).toBe(1);
    const link = `https://us-east-1.console.aws.amazon.com/codesuite/codebuild/123456789012/projects/web-app/batch/${encodeURIComponent(batch.id)}?region=us-east-1`;
    expect(startedNotices(one)).toEqual([
      `Started batch build #${batch.number} of web-app: ${link}`,
    ]);
    expect(following(one)).toEqual([]);
    expect(startedNotices(two)).toEqual([]);
    expect(following(two)).toEqual([
      `Following batch build #${batch.number} of web-app, which another step with the same request (such as another leg of this matrix) started before this one asked: ${link}`,
    ]);
    expect(two.summary).toContain(
      `Followed batch #${batch.number} for 0a1b2c3 (started by another step with the same request),`,
    );
  });

  it('starts one batch when identical legs send their start at the same moment', async () => {
    const sim = await start('start-succeeds');
    const before = sim.batches.length;
    const legs = await Promise.all([leg(sim, 'staging').done, leg(sim, 'staging').done]);

    expect(sim.calls('StartBuildBatch').map((s) => s.error)).toEqual([undefined, undefined]);
    expect(sim.batches).toHaveLength(before + 1);
    for (const run of legs) {
      expect(run.code).toBe(0);
      expect(run.outputs).toMatchObject({
        'batch-id': startedBatch(sim).id,
        'batch-status': 'SUCCEEDED',
      });
    }
    // Which leg was first is only known to CodeBuild: at most one of them says it follows.
    expect(legs.flatMap(following).length).toBeLessThanOrEqual(1);
  });

  it('retries one batch once when two legs retry it at the same moment', async () => {
    const sim = await start('retry-succeeds');
    // Each leg's first read answers late, showing the batch FAILED: both legs go on to retry it.
    sim.inject({ kind: 'slow', operation: 'BatchGetBuildBatches', count: 2, ms: 1_500 });
    const legs = await Promise.all([act(sim, {}), act(sim, {})]);

    const retries = sim.calls('RetryBuildBatch');
    expect(retries).toHaveLength(2);
    expect(retries[1]!.body!.idempotencyToken).toBe(retries[0]!.body!.idempotencyToken);
    expect(sim.batch.retryCount).toBe(1);
    for (const run of legs) {
      expect(run.code).toBe(0);
      expect(run.outputs).toMatchObject({ 'batch-status': 'SUCCEEDED', attempts: '1' });
      expect(groupsOf(run).find((g) => g.identifier === 'integration_tests')).toMatchObject({
        attempts: 2,
      });
    }
  });
});
