import type {
  Build,
  BuildBatch,
  Report,
  RetryBuildBatchType,
  StartBuildBatchCommandInput,
  TestCase,
} from '@aws-sdk/client-codebuild';
import type { CodeBuild } from '../src/aws/codebuild.js';
import { ActionError } from '../src/config/errors.js';
import { explainCredentials } from '../src/report/explain.js';
import { ServiceError } from '../src/aws/errors.js';
import { retryAndReport as run } from '../src/main.js';
import type { Deps } from '../src/steps/context.js';
import type { Io } from '../src/github/io.js';
import type { ReportSink } from '../src/steps/reporter.js';
import type { GitHubSettings } from '../src/config/github-inputs.js';
import { escapeHtml } from '../src/report/text.js';
import { BATCH_ARN, BATCH_ID, NOTHING_RETRIED, batch, group } from './fixtures.js';
import { HOLD_MS } from '../src/steps/pace.js';

/** A CodeBuild that answers reads from a script (the last answer repeats) and records calls. */
class FakeCodeBuild implements CodeBuild {
  retries: Array<{ id: string; retryType: RetryBuildBatchType; token: string }> = [];
  stops: string[] = [];
  starts: StartBuildBatchCommandInput[] = [];
  reads = 0;
  buildsError?: Error;
  startError?: Error;
  /** When the batch the start answers with began (CodeBuild's startTime). */
  startedAt?: Date;
  constructor(
    private answers: Array<BuildBatch | undefined | Error>,
    private retryAnswer: BuildBatch | Error = batch('IN_PROGRESS', undefined, 5),
    private listed: BuildBatch[] = [],
  ) {}
  region = async () => 'us-east-1';
  throttledAttempts = () => 0;
  clockAheadMs = (): number | undefined => undefined;
  async getBatch() {
    this.reads += 1;
    const next = this.answers.length > 1 ? this.answers.shift() : this.answers[0];
    if (next instanceof Error) throw next;
    return next;
  }
  async retryBatch(id: string, retryType: RetryBuildBatchType, token: string) {
    this.retries.push({ id, retryType, token });
    if (this.retryAnswer instanceof Error) throw this.retryAnswer;
    return this.retryAnswer;
  }
  async startBatch(request: StartBuildBatchCommandInput) {
    this.starts.push(request);
    if (this.startError) throw this.startError;
    return { ...batch('IN_PROGRESS', [group('build', undefined)], 1), startTime: this.startedAt };
  }
  async stopBatch(id: string) {
    this.stops.push(id);
    return { ...batch('STOPPED', [group('build', 'IN_PROGRESS')]) };
  }
  listings: string[] = [];
  async listBatchIds(_project: string, status: string) {
    this.listings.push(status);
    const ids = this.listed.filter((b) => b.buildBatchStatus === status).map((b) => b.id!);
    return { ids, more: false };
  }
  async getBatches(ids: string[]) {
    return this.listed.filter((b) => ids.includes(b.id!));
  }
  /** Builds that answer by id (not ARN), as a build id given as batch-id would. */
  buildsById: Build[] = [];
  async getReports(): Promise<Report[]> {
    return [];
  }
  async describeTestCases(): Promise<TestCase[]> {
    return [];
  }
  async openLogs(): Promise<never> {
    throw new Error('no logs in these tests');
  }
  async getBuilds(ids: string[]): Promise<Build[]> {
    if (this.buildsError) throw this.buildsError;
    const byId = this.buildsById.filter((b) => ids.includes(b.id!));
    if (byId.length > 0) return byId;
    return ids
      .filter((id) => id.includes(':build/'))
      .map((arn) => ({
        arn,
        startTime: new Date(0),
        endTime: new Date(90_000),
        phases: [
          {
            phaseType: 'BUILD',
            phaseStatus: 'FAILED',
            contexts: [{ statusCode: 'COMMAND_EXECUTION_ERROR', message: 'exit status 1' }],
          },
        ],
      }));
  }
}

/** The runner's wall clock in these tests (epoch ms). */
const WALL_CLOCK = Date.parse('2026-12-01T10:00:00Z');

interface Recorded {
  outputs: Record<string, string>;
  lines: string[];
  notices: string[];
  warnings: string[];
  errors: string[];
  state: Record<string, string>;
  summary: string;
}

function setup(
  codebuild: FakeCodeBuild,
  inputs: Record<string, string>,
  extra: Partial<Deps> = {},
) {
  const seen: Recorded = {
    outputs: {},
    lines: [],
    notices: [],
    warnings: [],
    errors: [],
    state: {},
    summary: '',
  };
  let t = 0;
  const io: Io = {
    info: (m) => seen.lines.push(m),
    debug: (m) => seen.lines.push(m),
    notice: (m) => seen.notices.push(m),
    warning: (m) => seen.warnings.push(m),
    error: (m) => seen.errors.push(m),
    group: (title, body) => {
      seen.lines.push(`[group] ${title}`);
      body();
    },
    setOutput: (n, v) => (seen.outputs[n] = v),
    saveState: (n, v) => (seen.state[n] = v),
    writeSummary: async (parts) => void (seen.summary += parts.join('')),

    secret: () => undefined,
    redact: (text) => text,
  };
  const deps: Deps = {
    inputs: { get: (n) => inputs[n] ?? '', getBoolean: (n) => inputs[n] === 'true' },
    event: {},
    env: {},
    run: { runId: '1', runAttempt: '1', job: 'j', step: 's' },
    codebuild: () => codebuild,
    clock: { now: () => t, sleep: async (ms) => void (t += ms) },
    wallClock: () => WALL_CLOCK,
    cancelled: new AbortController().signal,
    io,
    ...extra,
  };
  return { deps, seen };
}

const failed = () =>
  batch('FAILED', [group('build', 'SUCCEEDED'), group('unit', 'FAILED', { dependsOn: ['build'] })]);
const running = () =>
  batch(
    'IN_PROGRESS',
    [group('build', 'SUCCEEDED'), group('unit', 'IN_PROGRESS', { prior: 1 })],
    6,
  );
const succeeded = () =>
  batch('SUCCEEDED', [group('build', 'SUCCEEDED'), group('unit', 'SUCCEEDED', { prior: 1 })], 8);
const failedAgain = () =>
  batch('FAILED', [group('build', 'SUCCEEDED'), group('unit', 'FAILED', { prior: 1 })], 8);

describe('run: the decision table', () => {
  it('fails naming the id and region when the batch does not exist', async () => {
    const { deps } = setup(new FakeCodeBuild([undefined]), { 'batch-id': BATCH_ID });
    await expect(run(deps)).rejects.toThrow(
      new ActionError(
        `Batch build ${BATCH_ID} was not found in us-east-1: check "batch-id" (a batch build id, from the project's Batch history, not a build id) and the region (aws-region, or the ARN's).`,
      ),
    );
  });

  it('writes the failure sentence to the summary when it fails before reading the batch', async () => {
    const { deps, seen } = setup(new FakeCodeBuild([undefined]), { 'batch-id': BATCH_ID });
    await expect(run(deps)).rejects.toThrow(ActionError);
    expect(seen.summary).toContain('<h2>❌ CodeBuild batch retry failed</h2>');
    expect(seen.summary).toContain(`Batch build ${BATCH_ID} was not found in us-east-1`);
  });

  it('reports what is known, without asking CodeBuild again, when the credentials expire while waiting', async () => {
    const expired = new ServiceError(
      'BatchGetBuildBatches',
      'ExpiredTokenException',
      'expired',
      'req-8',
      'expired-credentials',
    );
    const codebuild = new FakeCodeBuild([failed(), running(), expired]);
    codebuild.buildsError = new Error('must not be called');
    const { deps, seen } = setup(codebuild, { 'batch-id': BATCH_ID });
    await expect(run(deps)).rejects.toThrow(
      /^The AWS credentials expired after 30s of waiting \(ExpiredTokenException, request id req-8\)/,
    );
    expect(seen.outputs).toMatchObject({ 'batch-status': 'IN_PROGRESS', attempts: '1' });
    expect(seen.summary).toContain('The AWS credentials expired after');
    expect(seen.summary).toContain('🔄 IN_PROGRESS');
    expect(seen.warnings).toEqual([]);
  });

  it('says a build id is not a batch id, and names the batch the build belongs to', async () => {
    const codebuild = new FakeCodeBuild([undefined]);
    codebuild.buildsById = [
      {
        id: 'web-app:b1',
        buildBatchArn: `arn:aws:codebuild:us-east-1:123456789012:build-batch/${BATCH_ID}`,
      },
    ];
    const { deps } = setup(codebuild, { 'batch-id': 'web-app:b1' });
    await expect(run(deps)).rejects.toThrow(
      `Batch build web-app:b1 was not found in us-east-1: web-app:b1 is a build id, not a batch build id; it belongs to batch build ${BATCH_ID}: set "batch-id" to that.`,
    );
  });

  it.each([
    ['ARN', BATCH_ARN],
    [
      'console page',
      `https://us-east-1.console.aws.amazon.com/codesuite/codebuild/123456789012/projects/web-app/batch/${encodeURIComponent(BATCH_ID)}?region=us-east-1`,
    ],
  ])(
    'names the account, which the credentials must be of, when the batch was given by %s',
    async (_, given) => {
      const { deps } = setup(new FakeCodeBuild([undefined]), { 'batch-id': given });
      await expect(run(deps)).rejects.toThrow(
        /^Batch build \S+ was not found in us-east-1: check "batch-id" .* "batch-id" names account 123456789012: the job's AWS credentials must be of that account\.$/,
      );
    },
  );

  it('with RETRY_ALL_BUILDS, a batch that succeeded: nothing retried, and says why', async () => {
    const codebuild = new FakeCodeBuild([succeeded()]);
    const { deps, seen } = setup(codebuild, {
      'batch-id': BATCH_ID,
      'retry-type': 'RETRY_ALL_BUILDS',
    });
    await run(deps);
    expect(codebuild.retries).toEqual([]);
    expect(seen.notices).toEqual([
      `Batch ${BATCH_ID} already SUCCEEDED: nothing to retry (CodeBuild retries only a batch that did not succeed, RETRY_ALL_BUILDS too: start a new batch to run it again).`,
    ]);
  });

  it('does nothing to a batch that already succeeded, and says so', async () => {
    const codebuild = new FakeCodeBuild([succeeded()]);
    const { deps, seen } = setup(codebuild, { 'batch-id': BATCH_ID });
    await run(deps);
    expect(codebuild.retries).toEqual([]);
    expect(seen.notices).toEqual([`Batch ${BATCH_ID} already SUCCEEDED: nothing to retry.`]);
    expect(seen.outputs).toMatchObject({
      'batch-id': BATCH_ID,
      'batch-arn': BATCH_ARN,
      'batch-status': 'SUCCEEDED',
      attempts: '0',
      'build-batch-number': '42',
      'failed-build-groups': '[]',
    });
    expect(seen.summary).toContain('nothing to retry');
  });

  it('retries a failed batch, waits, and reports the outcome after the retry', async () => {
    const codebuild = new FakeCodeBuild([failed(), running(), succeeded()]);
    const { deps, seen } = setup(codebuild, { 'batch-id': BATCH_ID, 'poll-interval-seconds': '5' });
    await run(deps);
    expect(codebuild.retries).toEqual([
      {
        id: BATCH_ID,
        retryType: 'RETRY_FAILED_BUILDS',
        token: expect.stringMatching(/^gh-[0-9a-f]{40}$/),
      },
    ]);
    expect(seen.outputs['batch-status']).toBe('SUCCEEDED');
    expect(seen.outputs.attempts).toBe('1');
    expect(JSON.parse(seen.outputs['build-groups']!)).toEqual([
      {
        identifier: 'build',
        status: 'SUCCEEDED',
        attempts: 1,
        ignoreFailure: false,
        dependsOn: [],
        buildArn: expect.stringMatching(/^arn:aws:codebuild:/),
      },
      {
        identifier: 'unit',
        status: 'SUCCEEDED',
        attempts: 2,
        ignoreFailure: false,
        dependsOn: [],
        buildArn: expect.stringMatching(/^arn:aws:codebuild:/),
      },
    ]);
    expect(seen.lines).toContain('  unit: IN_PROGRESS → SUCCEEDED');
    // Worded as after start-batch ("retried once"), not "Retried 1 time".
    expect(seen.summary).toContain(
      'Retried once (RETRY_FAILED_BUILDS); the batch ended SUCCEEDED.',
    );
    expect(seen.errors).toEqual([]);
    // unit failed before the retry and passed on it; its builds have no reports or artifacts.
    expect(seen.outputs).toMatchObject({
      'flaky-build-groups': '["unit"]',
      'test-results': '[]',
      artifacts: '[]',
    });
  });

  it.each(['FAULT', 'TIMED_OUT', 'STOPPED'])('retries a %s batch too', async (status) => {
    const codebuild = new FakeCodeBuild([batch(status), succeeded()]);
    const { deps } = setup(codebuild, { 'batch-id': BATCH_ID });
    await run(deps);
    expect(codebuild.retries).toHaveLength(1);
  });

  it('fails with the final status and failed groups when the retry fails again, annotating each', async () => {
    const codebuild = new FakeCodeBuild([failed(), failedAgain()]);
    const { deps, seen } = setup(codebuild, { 'batch-id': BATCH_ID });
    await expect(run(deps)).rejects.toThrow(
      new ActionError(`Batch build ${BATCH_ID} ended FAILED; failed build groups: unit.`),
    );
    expect(seen.errors).toEqual([
      'Build group unit ended FAILED: BUILD — COMMAND_EXECUTION_ERROR: exit status 1',
    ]);
    expect(seen.outputs['failed-build-groups']).toBe('["unit"]');
    expect(seen.summary).toContain('exit status 1');
  });

  it('only warns when fail-on-batch-failure is false', async () => {
    const { deps, seen } = setup(new FakeCodeBuild([failed(), failedAgain()]), {
      'batch-id': BATCH_ID,
      'fail-on-batch-failure': 'false',
    });
    await run(deps);
    expect(seen.warnings.at(-1)).toMatch(
      /ended FAILED; failed build groups: unit\. The step succeeds because fail-on-batch-failure is false\.$/,
    );
  });

  it('waits for a running batch first, then retries it when it failed', async () => {
    const codebuild = new FakeCodeBuild([running(), failedAgain(), running(), succeeded()]);
    const { deps, seen } = setup(codebuild, { 'batch-id': BATCH_ID });
    await run(deps);
    expect(codebuild.retries).toHaveLength(1);
    expect(seen.outputs.attempts).toBe('1');
  });

  it('polls at the held pace after a retry that met throttling, though the wait before it met none, and says so', async () => {
    const codebuild = new FakeCodeBuild([running(), failedAgain(), running(), succeeded()]);
    let throttled = 0;
    codebuild.throttledAttempts = () => throttled;
    const retryBatch = codebuild.retryBatch.bind(codebuild);
    codebuild.retryBatch = async (...args) => {
      throttled += 2; // the SDK's retries got the RetryBuildBatch through
      return retryBatch(...args);
    };
    let t = 0;
    const sleeps: number[] = [];
    const { deps, seen } = setup(
      codebuild,
      { 'batch-id': BATCH_ID, 'poll-interval-seconds': '2' },
      { clock: { now: () => t, sleep: async (ms) => void (sleeps.push(ms), (t += ms)) } },
    );
    await run(deps);
    expect(codebuild.retries).toHaveLength(1);
    // Before the retry, the configured 2 s; after it, held at 5 s to 6.5 s (pace.ts).
    const [beforeRetry, afterRetry] = [sleeps.slice(0, 1), sleeps.slice(1)];
    expect(beforeRetry).toEqual([2_000]);
    expect(afterRetry.length).toBeGreaterThan(0);
    for (const ms of afterRetry) {
      expect(ms).toBeGreaterThanOrEqual(5_000);
      expect(ms).toBeLessThanOrEqual(6_500);
    }
    expect(seen.lines.filter((line) => line.startsWith('Waiting for'))).toEqual([
      `Waiting for ${BATCH_ID} to finish (polling every 2s).`,
      `Waiting for ${BATCH_ID} to finish (polling every 5s to 6.5s, every 2s again after 5m 0s without throttling).`,
    ]);
  });

  it('does not retry a running batch that then succeeds', async () => {
    const codebuild = new FakeCodeBuild([running(), succeeded()]);
    const { deps, seen } = setup(codebuild, { 'batch-id': BATCH_ID });
    await run(deps);
    expect(codebuild.retries).toEqual([]);
    expect(seen.outputs.attempts).toBe('0');
  });

  /** CodeBuild's refusal of a retry, as the CodeBuild edge throws it. */
  const refused = new ServiceError(
    'RetryBuildBatch',
    'InvalidInputException',
    'Batch build cannot be retried',
    'req-7',
    'other',
  );

  it('passes a refused retry on with its code, message and request id', async () => {
    const { deps } = setup(new FakeCodeBuild([failed()], refused), { 'batch-id': BATCH_ID });
    await expect(run(deps)).rejects.toThrow(
      'CodeBuild RetryBuildBatch failed: InvalidInputException: Batch build cannot be retried (request id req-7)',
    );
  });

  it('adds no idempotency-token advice to a refusal that is not about the token', async () => {
    const { deps } = setup(new FakeCodeBuild([failed()], refused), {
      'batch-id': BATCH_ID,
      'idempotency-token': 'run-4242',
    });
    const error = await run(deps).catch((e: unknown) => e);
    expect(String(error)).toContain(
      'CodeBuild RetryBuildBatch failed: InvalidInputException: Batch build cannot be retried (request id req-7)',
    );
    expect(String(error)).not.toContain('idempotency-token');
  });

  it('passes a refused retry on as it is when the refusal comes after the workflow was cancelled', async () => {
    // CodeBuild answered the one send: nothing was retried, and nothing is to be stopped.
    const controller = new AbortController();
    const codebuild = new FakeCodeBuild([failed()], refused);
    const send = codebuild.retryBatch.bind(codebuild);
    codebuild.retryBatch = (...request) => {
      controller.abort();
      return send(...request);
    };
    const { deps, seen } = setup(
      codebuild,
      { 'batch-id': BATCH_ID },
      { cancelled: controller.signal },
    );
    await expect(run(deps)).rejects.toThrow(
      'CodeBuild RetryBuildBatch failed: InvalidInputException: Batch build cannot be retried (request id req-7)',
    );
    expect(seen.summary).toContain('request id req-7');
    expect(codebuild.stops).toEqual([]);
  });

  it('returns once the retry is accepted when wait is false', async () => {
    const codebuild = new FakeCodeBuild([failed()]);
    const { deps, seen } = setup(codebuild, { 'batch-id': BATCH_ID, wait: 'false' });
    await run(deps);
    expect(codebuild.reads).toBe(1);
    expect(seen.outputs).toMatchObject({ 'batch-status': 'IN_PROGRESS', attempts: '1' });
    expect(seen.errors).toEqual([]);
    expect(seen.summary).toContain('Build group statuses are from before the retry');
    // The retry response still shows the old builds: nothing is said of their artifacts or tests.
    expect(seen.outputs.artifacts).toBeUndefined();
    expect(seen.outputs['test-results']).toBeUndefined();
  });

  it('sends the retry when wait is false, whatever timeout-minutes leaves: nothing waits to stop it', async () => {
    const codebuild = new FakeCodeBuild([failed()]);
    const { deps, seen } = setup(codebuild, {
      'batch-id': BATCH_ID,
      wait: 'false',
      'timeout-minutes': '0.1',
      'poll-interval-seconds': '15',
    });
    await run(deps);
    expect(codebuild.retries).toHaveLength(1);
    expect(seen.outputs).toMatchObject({ 'batch-status': 'IN_PROGRESS', attempts: '1' });
    expect(seen.errors).toEqual([]);
  });

  it('does not retry when the workflow was cancelled before the retry', async () => {
    const controller = new AbortController();
    controller.abort();
    const codebuild = new FakeCodeBuild([failed()]);
    const { deps } = setup(codebuild, { 'batch-id': BATCH_ID }, { cancelled: controller.signal });
    await expect(run(deps)).rejects.toThrow(
      new ActionError(
        `The workflow was cancelled before batch build ${BATCH_ID} was retried: nothing was retried.`,
      ),
    );
    expect(codebuild.retries).toEqual([]);
  });

  it('never takes the outcome from a read that predates the retry', async () => {
    // The first read after the retry is the old, completed batch (4 phases): it must not end the wait.
    const codebuild = new FakeCodeBuild([failed(), failed(), running(), succeeded()]);
    const { deps, seen } = setup(codebuild, { 'batch-id': BATCH_ID });
    await run(deps);
    expect(seen.outputs['batch-status']).toBe('SUCCEEDED');
    expect(codebuild.reads).toBe(4);
  });

  it('never ends the step on a stale read that comes after a fresh one (max-attempts 1)', async () => {
    // Seen running after the retry, then a read that still shows the old FAILED batch: not the outcome.
    const codebuild = new FakeCodeBuild([failed(), running(), failed(), succeeded()]);
    const { deps, seen } = setup(codebuild, { 'batch-id': BATCH_ID });
    await run(deps);
    expect(seen.outputs['batch-status']).toBe('SUCCEEDED');
    expect(codebuild.reads).toBe(4);
  });

  it('never retries again on a stale read that comes after a fresh one (max-attempts 2)', async () => {
    const codebuild = new FakeCodeBuild([failed(), running(), failed(), succeeded()]);
    const { deps, seen } = setup(codebuild, { 'batch-id': BATCH_ID, 'max-attempts': '2' });
    await run(deps);
    expect(codebuild.retries).toHaveLength(1);
    expect(seen.outputs).toMatchObject({ 'batch-status': 'SUCCEEDED', attempts: '1' });
  });

  it('takes a batch not found mid-wait as a passing read, not as the retry response', async () => {
    const codebuild = new FakeCodeBuild([failed(), undefined, running(), succeeded()]);
    const { deps, seen } = setup(codebuild, { 'batch-id': BATCH_ID });
    await run(deps);
    expect(seen.outputs['batch-status']).toBe('SUCCEEDED');
    expect(seen.lines.some((l) => /Poll failed \(.*BatchNotFound/.test(l))).toBe(true);
  });

  it('reports a running batch at once when wait is false, and retries nothing', async () => {
    const codebuild = new FakeCodeBuild([running()]);
    const { deps, seen } = setup(codebuild, { 'batch-id': BATCH_ID, wait: 'false' });
    await run(deps);
    expect(codebuild.reads).toBe(1);
    expect(codebuild.retries).toEqual([]);
    expect(seen.outputs).toMatchObject({ 'batch-status': 'IN_PROGRESS', attempts: '0' });
    expect(seen.notices).toEqual([
      `Batch ${BATCH_ID} is IN_PROGRESS: not waiting for it (wait: false), and nothing was retried.`,
    ]);
  });

  it('rides out passing faults before the wait, resending the retry with the same token', async () => {
    const unavailable = () =>
      new ServiceError('X', 'ServiceUnavailableException', 'try again', 'r', 'transient');
    const codebuild = new FakeCodeBuild([unavailable(), unavailable(), failed(), succeeded()]);
    let retryFaults = 2;
    const retry = codebuild.retryBatch.bind(codebuild);
    codebuild.retryBatch = async (...args) => {
      const answer = await retry(...args);
      if (retryFaults-- > 0) throw unavailable();
      return answer;
    };
    const { deps, seen } = setup(codebuild, { 'batch-id': BATCH_ID });
    await run(deps);
    expect(seen.outputs['batch-status']).toBe('SUCCEEDED');
    expect(codebuild.retries).toHaveLength(3);
    expect(new Set(codebuild.retries.map((r) => r.token)).size).toBe(1);
  });

  it('gives up on passing faults before the wait after a bounded time, with the last error', async () => {
    const codebuild = new FakeCodeBuild([
      new ServiceError('BatchGetBuildBatches', 'InternalFailure', 'boom', 'r-9', 'transient'),
    ]);
    const { deps } = setup(codebuild, { 'batch-id': BATCH_ID });
    await expect(run(deps)).rejects.toThrow(
      'CodeBuild BatchGetBuildBatches failed: InternalFailure: boom (request id r-9)',
    );
    expect(codebuild.reads).toBeGreaterThan(3);
    expect(codebuild.reads).toBeLessThan(10);
  });

  it('stops resending a failing call once the workflow is cancelled, and says so', async () => {
    const controller = new AbortController();
    const codebuild = new FakeCodeBuild([
      new ServiceError('BatchGetBuildBatches', 'InternalFailure', 'boom', 'r-9', 'transient'),
    ]);
    const { deps, seen } = setup(
      codebuild,
      { 'batch-id': BATCH_ID },
      { cancelled: controller.signal },
    );
    deps.clock.sleep = async () => controller.abort();
    await expect(run(deps)).rejects.toThrow(
      /^The workflow was cancelled while BatchGetBuildBatches kept failing \(CodeBuild BatchGetBuildBatches failed: InternalFailure: boom \(request id r-9\)\): it was not sent again\.$/,
    );
    expect(codebuild.reads).toBe(1);
    expect(seen.summary).toContain('The workflow was cancelled while');
  });

  it('sends a given idempotency token as it is', async () => {
    const codebuild = new FakeCodeBuild([failed(), succeeded()]);
    const { deps } = setup(codebuild, {
      'batch-id': BATCH_ID,
      'idempotency-token': 'mine',
      'retry-type': 'retry_all_builds',
    });
    await run(deps);
    expect(codebuild.retries[0]).toMatchObject({ token: 'mine', retryType: 'RETRY_ALL_BUILDS' });
  });

  it('uses a random token outside a runner', async () => {
    const codebuild = new FakeCodeBuild([failed(), succeeded()]);
    const { deps } = setup(codebuild, { 'batch-id': BATCH_ID }, { run: {} });
    await run(deps);
    expect(codebuild.retries[0]!.token).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('makes no call at all when an input is invalid', async () => {
    const codebuild = new FakeCodeBuild([failed()]);
    const { deps } = setup(codebuild, { 'batch-id': BATCH_ID, 'poll-interval-seconds': 'fast' });
    await expect(run(deps)).rejects.toThrow(ActionError);
    expect(codebuild.reads + codebuild.retries.length).toBe(0);
  });
});

describe('run: max-attempts', () => {
  it('retries again while the batch fails, each time with its own token', async () => {
    const codebuild = new FakeCodeBuild([failed(), failedAgain(), failedAgain(), succeeded()]);
    const { deps, seen } = setup(codebuild, { 'batch-id': BATCH_ID, 'max-attempts': '3' });
    await run(deps);
    expect(codebuild.retries).toHaveLength(3);
    expect(new Set(codebuild.retries.map((r) => r.token)).size).toBe(3);
    expect(seen.outputs.attempts).toBe('3');
    expect(seen.summary).toContain(
      'Retried 3 times (RETRY_FAILED_BUILDS); the batch ended SUCCEEDED.',
    );
    expect(seen.summary).toContain(
      'retries by this step: 3 (#1 → ❌ FAILED, #2 → ❌ FAILED, #3 → ✅ SUCCEEDED)',
    );
  });

  it('stops at max-attempts and fails', async () => {
    const codebuild = new FakeCodeBuild([failed(), failedAgain()]);
    const { deps, seen } = setup(codebuild, { 'batch-id': BATCH_ID, 'max-attempts': '2' });
    await expect(run(deps)).rejects.toThrow('ended FAILED');
    expect(codebuild.retries).toHaveLength(2);
    expect(seen.outputs.attempts).toBe('2');
  });
});

describe('run: start-batch', () => {
  const START = { 'start-batch': 'true', 'project-name': 'web-app', 'poll-interval-seconds': '1' };
  const SHA = '0a1b2c3d4e5f60718293a4b5c6d7e8f901234567';

  it('starts a batch for the commit, sets the outputs at once, then waits and retries it', async () => {
    const codebuild = new FakeCodeBuild([failed(), succeeded()]);
    const { deps, seen } = setup(codebuild, START, {
      event: { name: 'push', sha: SHA },
      env: { GITHUB_SHA: SHA },
    });
    await run(deps);
    expect(codebuild.starts).toEqual([
      {
        projectName: 'web-app',
        sourceVersion: SHA,
        environmentVariablesOverride: [{ name: 'GITHUB_SHA', value: SHA, type: 'PLAINTEXT' }],
        idempotencyToken: expect.stringMatching(/^gh-[0-9a-f]{40}$/),
      },
    ]);
    expect(codebuild.retries.map((r) => r.id)).toEqual([BATCH_ID]);
    expect(seen.outputs).toMatchObject({ 'batch-id': BATCH_ID, 'batch-arn': BATCH_ARN });
    expect(seen.notices[0]).toMatch(
      /^Started batch build #42 of web-app: https:\/\/us-east-1\.console\.aws\.amazon\.com\/.+\/batch\/web-app%3A/,
    );
    expect(seen.summary).toContain(
      'Started batch #42 for the project&#39;s source version, retried once, ended SUCCEEDED.',
    );
  });

  it.each<[string, Date, string, string]>([
    [
      'a batch that began after the start was sent: this step started it',
      new Date(WALL_CLOCK + 250),
      'Started batch build #42 of web-app: ',
      'Started batch #42 for the project&#39;s source version, not retried, ended SUCCEEDED.',
    ],
    [
      'a batch that began before the start was sent: another step with the same request started it',
      new Date(WALL_CLOCK - 40_000),
      'Following batch build #42 of web-app, which another step with the same request (such as another leg of this matrix) started before this one asked: ',
      'Followed batch #42 for the project&#39;s source version (started by another step with the same request), not retried, ended SUCCEEDED.',
    ],
  ])('tells %s', async (_, startedAt, notice, headline) => {
    const codebuild = new FakeCodeBuild([succeeded()]);
    codebuild.startedAt = startedAt;
    const { deps, seen } = setup(codebuild, START);
    await run(deps);
    const aboutTheStart = seen.notices.filter((n) => n.includes('batch build #'));
    expect(aboutTheStart).toHaveLength(1);
    expect(aboutTheStart[0]!.startsWith(`${notice}https://`)).toBe(true);
    expect(seen.summary).toContain(headline);
  });

  it('says it follows, not started, the batch it does not wait for (wait: false)', async () => {
    const codebuild = new FakeCodeBuild([succeeded()]);
    codebuild.startedAt = new Date(WALL_CLOCK - 1);
    const { deps, seen } = setup(codebuild, { ...START, wait: 'false' });
    await run(deps);
    expect(seen.summary).toContain(
      'Following batch #42, started by another step with the same request; not waiting for the outcome (wait: false).',
    );
  });

  it('sends a token derived from the request: another environment variable value, another token', async () => {
    const tokens: Array<string | undefined> = [];
    for (const value of ['staging', 'production', 'staging']) {
      const codebuild = new FakeCodeBuild([succeeded()]);
      const { deps } = setup(
        codebuild,
        { ...START, 'env-vars-for-codebuild': 'TARGET_ENV' },
        { env: { TARGET_ENV: value } },
      );
      await run(deps);
      tokens.push(codebuild.starts[0]!.idempotencyToken);
    }
    expect(tokens[0]).not.toBe(tokens[1]);
    expect(tokens[2]).toBe(tokens[0]);
  });

  it('starts nothing when the workflow was cancelled before the start', async () => {
    const controller = new AbortController();
    controller.abort();
    const codebuild = new FakeCodeBuild([succeeded()]);
    const { deps } = setup(codebuild, START, { cancelled: controller.signal });
    await expect(run(deps)).rejects.toThrow(
      new ActionError(
        'The workflow was cancelled before the batch build was started: nothing was started.',
      ),
    );
    expect(codebuild.starts).toEqual([]);
  });

  it('uses a random token outside a runner', async () => {
    const codebuild = new FakeCodeBuild([succeeded()]);
    const { deps } = setup(codebuild, START, { run: {} });
    await run(deps);
    expect(codebuild.starts[0]!.idempotencyToken).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each([
    ['an input error', { 'max-attempts': 'two' }, 'Input "max-attempts" is "two"'],
    ['a start input error', { 'start-overrides': '[]' }, 'Input "start-overrides" must be'],
  ])('heads the summary of %s with the start, not a retry', async (_, inputs, sentence) => {
    const codebuild = new FakeCodeBuild([succeeded()]);
    const { deps, seen } = setup(codebuild, { ...START, ...inputs });
    await expect(run(deps)).rejects.toThrow(ActionError);
    expect(seen.summary).toContain('<h2>❌ CodeBuild batch start failed</h2>');
    expect(seen.summary).not.toContain('retry');
    expect(seen.summary).toContain(escapeHtml(sentence));
    expect(codebuild.starts).toEqual([]);
  });

  it('passes a refused start on, in the summary too', async () => {
    const codebuild = new FakeCodeBuild([succeeded()]);
    codebuild.startError = new ServiceError(
      'StartBuildBatch',
      'ResourceNotFoundException',
      'Project cannot be found',
      'req-1',
      'other',
    );
    const { deps, seen } = setup(codebuild, START);
    await expect(run(deps)).rejects.toThrow(
      'CodeBuild StartBuildBatch failed: ResourceNotFoundException: Project cannot be found (request id req-1)',
    );
    expect(seen.summary).toContain('Project cannot be found');
    expect(seen.summary).toContain('<h2>❌ CodeBuild batch start failed</h2>');
    expect(codebuild.reads).toBe(0);
  });
});

describe('run: project-name', () => {
  const numbered = (n: number, status = 'FAILED') => ({
    ...batch(status),
    id: `web-app:${n}`,
    buildBatchNumber: n,
  });

  it('retries the newest failed batch by number, whatever the listing order', async () => {
    const codebuild = new FakeCodeBuild([numbered(9), succeeded()], undefined, [
      numbered(3),
      numbered(9),
      numbered(5),
    ]);
    const { deps, seen } = setup(codebuild, { 'project-name': 'web-app' });
    await run(deps);
    expect(codebuild.retries[0]!.id).toBe('web-app:9');
    expect(seen.outputs['batch-id']).toBe('web-app:9');
  });

  it('retries nothing when a newer batch succeeded, naming both', async () => {
    const codebuild = new FakeCodeBuild([numbered(9)], undefined, [
      numbered(3),
      numbered(9),
      numbered(8, 'SUCCEEDED'),
      numbered(11, 'SUCCEEDED'),
      numbered(10, 'IN_PROGRESS'),
    ]);
    // A minute's limit: a wrong retry of a batch these fakes never move past ends instead of spinning.
    const { deps, seen } = setup(codebuild, { 'project-name': 'web-app', 'timeout-minutes': '1' });
    await run(deps);
    const sentence =
      'The newest failed batch build of web-app, #9 (web-app:9), is obsolete: the newer #11 (web-app:11) succeeded, so there is nothing to retry.';
    expect(seen.notices).toEqual([sentence]);
    expect(seen.summary).toContain('nothing to retry</h2>');
    expect(seen.summary).toContain(sentence);
    expect(seen.outputs).toEqual(NOTHING_RETRIED);
    expect(codebuild.retries).toEqual([]);
  });

  it('retries nothing when a newer batch is running, saying why', async () => {
    const codebuild = new FakeCodeBuild([numbered(9)], undefined, [
      numbered(9),
      numbered(7, 'SUCCEEDED'),
      numbered(10, 'IN_PROGRESS'),
    ]);
    const { deps, seen } = setup(codebuild, { 'project-name': 'web-app', 'timeout-minutes': '1' });
    await run(deps);
    expect(seen.notices).toEqual([
      'The newest failed batch build of web-app, #9 (web-app:9), is older than #10 (web-app:10), which is running: nothing was retried, as a retry of #9 would build older source beside #10 and race it; whoever started #10 owns its outcome (set batch-id to web-app:9 to retry it anyway).',
    ]);
    expect(seen.outputs).toEqual(NOTHING_RETRIED);
    expect(codebuild.retries).toEqual([]);
    expect(codebuild.reads).toBe(0);
  });

  it('retries the newest failed batch when the newer ones were stopped or are older successes', async () => {
    const codebuild = new FakeCodeBuild([numbered(9), succeeded()], undefined, [
      numbered(9),
      numbered(8, 'SUCCEEDED'),
      numbered(10, 'STOPPED'),
    ]);
    const { deps } = setup(codebuild, { 'project-name': 'web-app' });
    await run(deps);
    expect(codebuild.retries.map((r) => r.id)).toEqual(['web-app:9']);
  });

  it('reads no successes when the project has no failed batch', async () => {
    const codebuild = new FakeCodeBuild([undefined], undefined, [numbered(2, 'SUCCEEDED')]);
    const { deps } = setup(codebuild, { 'project-name': 'web-app' });
    await run(deps);
    expect(codebuild.listings).toEqual(['FAILED', 'FAULT', 'TIMED_OUT']);
  });

  it('succeeds with a notice when the project has no failed batch', async () => {
    const codebuild = new FakeCodeBuild([undefined], undefined, []);
    const { deps, seen } = setup(codebuild, { 'project-name': 'web-app' });
    await run(deps);
    expect(seen.notices).toEqual([
      'Project web-app has no failed, faulted or timed-out batch build in us-east-1: nothing to retry.',
    ]);
    expect(seen.outputs).toEqual(NOTHING_RETRIED);
    expect(codebuild.retries).toEqual([]);
  });
});

describe('run: interruptions', () => {
  /** A step whose timeout-minutes (30 s) passes while the batch still runs. */
  const timingOut = (codebuild: FakeCodeBuild) =>
    setup(codebuild, {
      'batch-id': BATCH_ID,
      'timeout-minutes': '0.5',
      'poll-interval-seconds': '10',
    });

  it('stops the batch on timeout, reports what it was doing, and fails saying so', async () => {
    const codebuild = new FakeCodeBuild([failed(), running()]);
    const { deps, seen } = timingOut(codebuild);
    await expect(run(deps)).rejects.toThrow(
      new ActionError(
        `Timed out after 30s (timeout-minutes) waiting for batch build ${BATCH_ID}: the batch was IN_PROGRESS with unit still running; it has been stopped.`,
      ),
    );
    expect(codebuild.stops).toEqual([BATCH_ID]);
    expect(seen.outputs['batch-status']).toBe('STOPPED');
    expect(JSON.parse(seen.outputs['build-groups']!)[0].status).toBe('CANCELLED');
    expect(seen.summary).toContain('Timed out after 30s');
  });

  it('tells the groups still running from those that had not started when it stops the batch', async () => {
    const waiting = () =>
      batch(
        'IN_PROGRESS',
        [
          group('build', 'SUCCEEDED'),
          group('unit', 'IN_PROGRESS', { prior: 1 }),
          group('e2e', 'PENDING', { dependsOn: ['unit'] }),
          group('package', undefined, { dependsOn: ['e2e'] }),
        ],
        6,
      );
    const codebuild = new FakeCodeBuild([failed(), waiting()]);
    const { deps } = timingOut(codebuild);
    await expect(run(deps)).rejects.toThrow(
      new ActionError(
        `Timed out after 30s (timeout-minutes) waiting for batch build ${BATCH_ID}: the batch was IN_PROGRESS with unit still running and e2e, package not started; it has been stopped.`,
      ),
    );
  });

  it("names CodeBuild's answer when the stop sent again is cut off by its window", async () => {
    // Throttled through the SDK's attempts, sent again, and that send still in the SDK's back-off
    // when the stop's 3 s end: the SDK then throws only 'Request aborted'.
    const codebuild = new FakeCodeBuild([failed(), running()]);
    const throttled = new ServiceError(
      'StopBuildBatch',
      'ThrottlingException',
      'Rate exceeded',
      'req-stop-1',
      'throttling',
    );
    codebuild.stopBatch = async (id: string) => {
      codebuild.stops.push(id);
      if (codebuild.stops.length === 1) throw throttled;
      throw Object.assign(new Error('Request aborted'), { name: 'AbortError' });
    };
    const { deps } = timingOut(codebuild);
    await expect(run(deps)).rejects.toThrow(
      new ActionError(
        `Timed out after 30s (timeout-minutes) waiting for batch build ${BATCH_ID}: the batch was IN_PROGRESS with unit still running; stopping it failed: ${throttled.message}.`,
      ),
    );
    expect(codebuild.stops).toEqual([BATCH_ID, BATCH_ID]);
  });

  it.each([
    ['unanswered (throttled)', 'throttling', BATCH_ARN],
    ['refused (AccessDenied)', 'other', ''],
  ] as const)(
    'leaves the post step the batch when the stop went %s only if another stop may get through',
    async (_, kind, state) => {
      const codebuild = new FakeCodeBuild([failed(), running()]);
      codebuild.stopBatch = async (id: string) => {
        codebuild.stops.push(id);
        throw new ServiceError('StopBuildBatch', 'SomeException', 'no', 'req-1', kind);
      };
      const { deps, seen } = timingOut(codebuild);
      await expect(run(deps)).rejects.toThrow(/; stopping it failed: /);
      expect(seen.state['running-batch-id']).toBe(state);
    },
  );

  it('does not say it stopped a batch that ended before the stop: CodeBuild answers with its final state', async () => {
    const codebuild = new FakeCodeBuild([failed(), running()]);
    // The batch ended between the last poll and the stop: StopBuildBatch is no error then.
    codebuild.stopBatch = async (id: string) => {
      codebuild.stops.push(id);
      return succeeded();
    };
    const { deps, seen } = timingOut(codebuild);
    await expect(run(deps)).rejects.toThrow(
      new ActionError(
        `Timed out after 30s (timeout-minutes) waiting for batch build ${BATCH_ID}: the batch was IN_PROGRESS with unit still running; it had ended SUCCEEDED before it could be stopped.`,
      ),
    );
    expect(codebuild.stops).toEqual([BATCH_ID]);
    expect(seen.outputs['batch-status']).toBe('SUCCEEDED');
  });

  it('leaves the batch running on cancellation when stop-on-cancel is false', async () => {
    const controller = new AbortController();
    const codebuild = new FakeCodeBuild([failed(), running()]);
    const { deps, seen } = setup(
      codebuild,
      { 'batch-id': BATCH_ID, 'stop-on-cancel': 'false' },
      { cancelled: controller.signal },
    );
    deps.clock.sleep = async () => controller.abort();
    await expect(run(deps)).rejects.toThrow(
      /^The workflow was cancelled while waiting for batch build .*; it was left running \(stop-on-cancel is false\)\.$/,
    );
    expect(codebuild.stops).toEqual([]);
    expect(seen.state['running-batch-id']).toBe('');
  });

  it('never leaves the post step a batch to stop when stop-on-cancel is false, not even while it waits', async () => {
    // A step killed outright (SIGKILL, a lost runner) is followed by the post step, which stops
    // whatever batch the state names at that moment: the state during the retry and the wait counts.
    const codebuild = new FakeCodeBuild([failed(), running(), failedAgain()]);
    const { deps } = setup(codebuild, { 'batch-id': BATCH_ID, 'stop-on-cancel': 'false' });
    const saved: string[] = [];
    deps.io.saveState = (name, value) => {
      if (name === 'running-batch-id') saved.push(value);
    };
    await expect(run(deps)).rejects.toThrow(`Batch build ${BATCH_ID} ended FAILED`);
    expect(saved.length).toBeGreaterThan(0);
    expect(saved.filter((value) => value !== '')).toEqual([]);
  });

  it("clears the post step's batch after any failure in the wait, so the post step stops nothing", async () => {
    const denied = new ServiceError(
      'BatchGetBuildBatches',
      'AccessDeniedException',
      'no',
      'r',
      'other',
    );
    const codebuild = new FakeCodeBuild([failed(), denied]);
    const states: string[] = [];
    const { deps, seen } = setup(codebuild, { 'batch-id': BATCH_ID });
    deps.io.saveState = (_, v) => states.push(v);
    await expect(run(deps)).rejects.toThrow(/AccessDeniedException/);
    expect(states.at(-1)).toBe('');
    // The failure report shows the newest batch seen: the retry's answer, with its caveat.
    expect(seen.outputs['batch-status']).toBe('IN_PROGRESS');
    expect(seen.summary).toContain('Build group statuses are from before the retry');
  });

  it('gives the final reads only the cancel budget once the workflow is cancelled, and reports', async () => {
    const controller = new AbortController();
    const codebuild = new FakeCodeBuild([failed(), failedAgain()]);
    const { deps, seen } = setup(
      codebuild,
      { 'batch-id': BATCH_ID },
      {
        cancelled: controller.signal,
      },
    );
    const getBuilds = codebuild.getBuilds.bind(codebuild);
    let cutAfterMs = Infinity;
    let stateDuringReads: string | undefined;
    // The batch is final; BatchGetBuilds hangs, and the workflow is cancelled meanwhile.
    codebuild.getBuilds = async (ids: string[], signal?: AbortSignal) => {
      stateDuringReads = seen.state['running-batch-id'];
      const cancelledAt = performance.now();
      controller.abort();
      // Already aborted when step-log's read of the group that just ended asks (the step's cancel).
      if (!signal!.aborted)
        await new Promise((resolve) => signal!.addEventListener('abort', resolve));
      cutAfterMs = performance.now() - cancelledAt;
      await getBuilds(ids);
      throw signal!.reason;
    };
    await expect(run(deps)).rejects.toThrow(`Batch build ${BATCH_ID} ended FAILED`);
    expect(cutAfterMs).toBeGreaterThan(4_000);
    expect(cutAfterMs).toBeLessThan(5_000);
    expect(stateDuringReads).toBe('');
    expect(seen.errors).toEqual(['Build group unit ended FAILED']);
    expect(seen.warnings).toEqual([
      'Failure reasons, durations, log tails and test results are left out: reading them did not fit in the time allowed.',
    ]);
    expect(seen.outputs['artifacts']).toBe('[]');
    expect(seen.summary).toContain('<code>unit</code>');
  }, 10_000);

  it('tells the post step which batch it retries (before the retry is sent) and waits on', async () => {
    const codebuild = new FakeCodeBuild([failed(), running()]);
    const states: string[] = [];
    // Polls every 2 s: the 6 s of timeout-minutes leave time for the retry's wait.
    const { deps } = setup(codebuild, {
      'batch-id': BATCH_ID,
      'timeout-minutes': '0.1',
      'poll-interval-seconds': '2',
    });
    deps.io.saveState = (_, v) => states.push(v);
    await expect(run(deps)).rejects.toThrow(/Timed out/);
    // Set before RetryBuildBatch, again for the wait, cleared when the step ends.
    expect(states).toEqual([BATCH_ARN, BATCH_ARN, '']);
  });
});

describe('run: reports', () => {
  it('never writes a clear-text environment variable anywhere', async () => {
    const { deps, seen } = setup(new FakeCodeBuild([failed(), failedAgain()]), {
      'batch-id': BATCH_ID,
      'fail-on-batch-failure': 'false',
    });
    await run(deps);
    expect(JSON.stringify(seen)).not.toContain('clear-text-secret-value');
  });

  it('warns once and carries on without reasons when BatchGetBuilds is denied', async () => {
    const codebuild = new FakeCodeBuild([failed(), failedAgain()]);
    codebuild.buildsError = new ServiceError(
      'BatchGetBuilds',
      'AccessDeniedException',
      'not authorized',
      'r',
      'other',
    );
    const { deps, seen } = setup(codebuild, {
      'batch-id': BATCH_ID,
      'fail-on-batch-failure': 'false',
    });
    await run(deps);
    expect(seen.warnings.filter((w) => w.includes('codebuild:BatchGetBuilds'))).toHaveLength(1);
    expect(seen.errors).toEqual(['Build group unit ended FAILED']);
  });

  it('warns, not errors, for a failed ignore-failure group of a batch that succeeded', async () => {
    const ok = batch(
      'SUCCEEDED',
      [group('build', 'SUCCEEDED'), group('lint', 'FAILED', { ignoreFailure: true, prior: 1 })],
      8,
    );
    const { deps, seen } = setup(new FakeCodeBuild([failed(), ok]), { 'batch-id': BATCH_ID });
    await run(deps);
    expect(seen.errors).toEqual([]);
    expect(seen.warnings[0]).toMatch(
      /^Build group lint ended FAILED \(ignore-failure, so the batch does not fail for it\)/,
    );
    expect(seen.outputs['failed-build-groups']).toBe('[]');
    expect(seen.outputs['ignored-build-groups']).toBe('["lint"]');
  });

  it('does not fail the step when the summary cannot be written', async () => {
    const { deps, seen } = setup(new FakeCodeBuild([succeeded()]), { 'batch-id': BATCH_ID });
    deps.io.writeSummary = async () => {
      throw new Error('disk full');
    };
    await run(deps);
    expect(seen.warnings).toEqual(['Could not write the job summary: disk full']);
  });
});

describe('explainCredentials', () => {
  it('says the credentials expired after how long, and what to raise', () => {
    const expired = new ServiceError(
      'BatchGetBuildBatches',
      'ExpiredTokenException',
      'expired',
      'req-5',
      'expired-credentials',
    );
    expect((explainCredentials(expired, 61 * 60_000) as Error).message).toBe(
      "The AWS credentials expired after 1h 1m of waiting (ExpiredTokenException, request id req-5): set role-to-assume so that this action assumes the role itself and renews the credentials while it waits, or raise role-duration-seconds of aws-actions/configure-aws-credentials (and the role's maximum session duration) above the batch's duration.",
    );
  });
});

describe('explainCredentials: a key AWS does not know', () => {
  it('says what to check, naming the inputs that set the region', () => {
    const unknown = new ServiceError(
      'RetryBuildBatch',
      'UnrecognizedClientException',
      'The security token included in the request is invalid.',
      'req-6',
      'invalid-credentials',
    );
    expect((explainCredentials(unknown, 1_000) as Error).message).toBe(
      "AWS did not accept the credentials (UnrecognizedClientException, request id req-6): the access key is not valid for this account or partition, or its secret is wrong; check what aws-actions/configure-aws-credentials (or the AWS_* variables) set, and that the region RetryBuildBatch went to (aws-region, AWS_REGION or the batch ARN's) is in the key's partition.",
    );
  });
});

describe('explainCredentials: a call the credentials may not make', () => {
  it('names the action AWS names, where it is not the call itself', () => {
    const denied = new ServiceError(
      'StartBuildBatch',
      'AccessDeniedException',
      'User: arn:aws:sts::123456789012:assumed-role/ci/gh is not authorized to perform: iam:PassRole on resource: arn:aws:iam::123456789012:role/codebuild',
      'req-8',
      'other',
    );
    expect((explainCredentials(denied, 1_000) as Error).message).toContain(
      '. Allow iam:PassRole to ',
    );
  });

  it('leaves a refusal of STS to the role-to-assume sentences', () => {
    const denied = new ServiceError(
      'AssumeRoleWithWebIdentity',
      'AccessDenied',
      'Not authorized to perform sts:AssumeRoleWithWebIdentity',
      'req-9',
      'other',
      'STS',
    );
    expect(explainCredentials(denied, 1_000)).toBe(denied);
  });

  it("keeps CodeBuild's answer and names the IAM action to allow", () => {
    const denied = new ServiceError(
      'RetryBuildBatch',
      'AccessDeniedException',
      'User: arn:aws:sts::123456789012:assumed-role/ci/gh is not authorized to perform: codebuild:RetryBuildBatch on resource: arn:aws:codebuild:us-east-1:123456789012:project/web-app',
      'req-7',
      'other',
    );
    expect((explainCredentials(denied, 1_000) as Error).message).toBe(
      `${denied.message}. Allow codebuild:RetryBuildBatch to the role or user of these credentials, on this project (the README's "IAM" section lists every action this action calls).`,
    );
  });
});

describe('run: check runs and the pull request comment (Deps.github)', () => {
  /** A sink that records what the story told it, and when it was asked to settle. */
  function recordingSink(order: string[]) {
    const told: string[] = [];
    const sink: ReportSink = {
      seen: (b) => void told.push(`seen ${b.buildBatchStatus} ${b.phases?.length}`),
      retried: () => void told.push('retried'),
      finished: (r) =>
        void told.push(`finished ${r.outcome.status} ${r.diagnosis ? 'diagnosed' : 'undiagnosed'}`),
      settle: async () => void order.push('settle'),
    };
    return { sink, told };
  }

  it('is not opened, and Octokit not loaded, when checks and pr-comment are off', async () => {
    const opened: GitHubSettings[] = [];
    const { deps } = setup(
      new FakeCodeBuild([failed(), succeeded()]),
      { 'batch-id': BATCH_ID },
      {
        github: async (settings) => {
          opened.push(settings);
          return recordingSink([]).sink;
        },
      },
    );
    await run(deps);
    expect(opened).toEqual([]);
  });

  it('is told each believed read, the retry, and the final report with its diagnosis; the step waits for it before it ends', async () => {
    const order: string[] = [];
    const { sink, told } = recordingSink(order);
    const opened: Array<{ settings: GitHubSettings; started: boolean; cancelBudgetMs: number }> =
      [];
    const { deps, seen } = setup(
      new FakeCodeBuild([failed(), running(), failedAgain()]),
      { 'batch-id': BATCH_ID, checks: 'true', 'pr-comment': 'failure', 'github-token': 'ghs_x' },
      {
        github: async (settings, step) => {
          opened.push({ settings, started: step.started, cancelBudgetMs: step.cancelBudgetMs });
          return sink;
        },
      },
    );
    const saveState = deps.io.saveState;
    deps.io.saveState = (name, value) => {
      order.push(`state ${name}=${value}`);
      saveState(name, value);
    };
    await expect(run(deps)).rejects.toThrow(ActionError);
    expect(opened).toEqual([
      {
        settings: { checks: true, checkName: undefined, token: 'ghs_x', prComment: 'failure' },
        started: false,
        cancelBudgetMs: 5_000,
      },
    ]);
    // The retry's answer (5 phases, old group statuses) is not told.
    expect(told).toEqual([
      'seen FAILED 4',
      'retried',
      'seen IN_PROGRESS 6',
      'seen FAILED 8',
      'finished FAILED diagnosed',
    ]);
    expect(order.slice(-2)).toEqual(['settle', 'state running-batch-id=']);
    expect(seen.summary).toContain('ended FAILED');
  });
});

describe('run: what the step log says of the polling pace', () => {
  const rateExceeded = () =>
    new ServiceError(
      'BatchGetBuildBatches',
      'ThrottlingException',
      'Rate exceeded',
      'req-9',
      'throttling',
    );
  const paceLines = (lines: string[]) =>
    lines.filter((l) => l.startsWith('CodeBuild is throttling') || l.startsWith('No throttling'));
  /** The step's reads as a function of its clock, which a read may also move (a slow call). */
  function timed(
    read: (t: number, advance: (ms: number) => void) => BuildBatch | Error,
    inputs: Record<string, string>,
  ) {
    let t = 0;
    const advance = (ms: number) => void (t += ms);
    const codebuild = new FakeCodeBuild([]);
    codebuild.getBatch = async () => {
      codebuild.reads += 1;
      const answer = read(t, advance);
      if (answer instanceof Error) throw answer;
      return answer;
    };
    const { deps, seen } = setup(
      codebuild,
      { 'batch-id': BATCH_ID, ...inputs },
      { clock: { now: () => t, sleep: async (ms) => void (t += ms) } },
    );
    return { codebuild, deps, seen, advance };
  }

  it('says when a throttled poll slows the pace, once, and when it is back, once', async () => {
    let throttledAt: number | undefined;
    const { deps, seen } = timed(
      (t) => {
        if (t < 4_000) return running();
        if (throttledAt === undefined) return ((throttledAt = t), rateExceeded());
        return t < throttledAt + HOLD_MS + 20_000 ? running() : succeeded();
      },
      { 'poll-interval-seconds': '2' },
    );
    await run(deps);
    // Throttled right after an answered poll: the next one goes when the next answer is due.
    const slowed = seen.lines.findIndex((l) => l.startsWith('CodeBuild is throttling'));
    expect(seen.lines[slowed - 1]).toMatch(/Rate exceeded.*; trying again in 4\.5s\.$/);
    expect(paceLines(seen.lines)).toEqual([
      "CodeBuild is throttling this account's calls: polling in 4.5s, then every 5s to 6.5s, every 2s again after 5m 0s without throttling.",
      'No throttling for 5m 0s: polling every 2s again.',
    ]);
  });

  it.each([
    ['15', 'every 15s to 32.5s, every 15s again'],
    ['1', 'every 4.5s, every 1s again'],
    ['0.2', 'every 2.9s, every 0.2s again'],
  ])('says the held pace at poll-interval-seconds %s to the tenth: %s', async (interval, pace) => {
    const codebuild = new FakeCodeBuild([
      running(),
      running(),
      rateExceeded(),
      rateExceeded(),
      succeeded(),
    ]);
    const { deps, seen } = setup(codebuild, {
      'batch-id': BATCH_ID,
      'poll-interval-seconds': interval,
    });
    await run(deps);
    expect(paceLines(seen.lines)).toHaveLength(1);
    expect(paceLines(seen.lines)[0]).toContain(pace);
  });

  it('starts a wait at the configured pace, and says so, once five minutes passed since the last throttling', async () => {
    let throttledAt: number | undefined;
    let failedAt: number | undefined;
    const { codebuild, deps, seen, advance } = timed(
      (t) => {
        if (t < 2_000) return running();
        if (throttledAt === undefined) return ((throttledAt = t), rateExceeded());
        if (failedAt === undefined && t < throttledAt + HOLD_MS - 10_000) return running();
        failedAt ??= t;
        return t === failedAt ? failedAgain() : t < failedAt + 30_000 ? running() : succeeded();
      },
      { 'poll-interval-seconds': '2' },
    );
    const retryBatch = codebuild.retryBatch.bind(codebuild);
    codebuild.retryBatch = async (...args) => {
      advance(20_000); // the retry and the reads around it take 20 s
      return retryBatch(...args);
    };
    await run(deps);
    expect(codebuild.retries).toHaveLength(1);
    expect(seen.lines.filter((l) => l.startsWith('Waiting for'))).toEqual([
      `Waiting for ${BATCH_ID} to finish (polling every 2s).`,
      `Waiting for ${BATCH_ID} to finish (polling every 2s).`,
    ]);
  });

  it('says no pace when only the poll at the deadline follows', async () => {
    const codebuild = new FakeCodeBuild([running(), running(), rateExceeded()]);
    const { deps, seen } = setup(codebuild, {
      'batch-id': BATCH_ID,
      'poll-interval-seconds': '2',
      'timeout-minutes': '0.1',
    });
    await expect(run(deps)).rejects.toThrow();
    expect(paceLines(seen.lines)).toEqual([]);
    // Throttled at 4 s; the step's 6 s end before the held pace's next poll, however it is drawn:
    // the next is the one at the deadline.
    expect(seen.lines).toContainEqual(
      expect.stringMatching(/^Poll failed \(.*Rate exceeded.*\); trying again in 2s\.$/),
    );
  });

  it('says no pace when the poll that met throttling found the batch finished', async () => {
    const codebuild = new FakeCodeBuild([running(), running(), succeeded()]);
    let throttled = 0;
    codebuild.throttledAttempts = () => throttled;
    const getBatch = codebuild.getBatch.bind(codebuild);
    codebuild.getBatch = async () => {
      if (codebuild.reads === 2) throttled += 1; // answered only on the SDK's retry
      return getBatch();
    };
    const { deps, seen } = setup(codebuild, { 'batch-id': BATCH_ID, 'poll-interval-seconds': '2' });
    await run(deps);
    expect(paceLines(seen.lines)).toEqual([]);
  });

  // The red batch is the outcome, reported whole (reasons, tails, tests) and judged by
  // fail-on-batch-failure, as after a retry that was not sent again.
  it.each([
    ['fails as the batch did', 'true'],
    ['succeeds with fail-on-batch-failure false', 'false'],
  ])(
    'retries nothing when the first read leaves timeout-minutes less than one poll, and %s',
    async (_, failOnBatchFailure) => {
      const { codebuild, deps, seen } = timed(
        (_, advance) => {
          advance(59_000); // reads that took their time, resent through passing faults
          return failed();
        },
        {
          'poll-interval-seconds': '2',
          'timeout-minutes': '1',
          'fail-on-batch-failure': failOnBatchFailure,
        },
      );
      const outcome = run(deps);
      if (failOnBatchFailure === 'true') await expect(outcome).rejects.toThrow(/^Batch build /);
      else await outcome;
      expect(codebuild.retries).toEqual([]);
      expect(codebuild.stops).toEqual([]);
      expect(seen.warnings).toContain(
        `Not retrying ${BATCH_ID} (attempt 1 of 1): timeout-minutes ends in 1s, less than one poll-interval-seconds (2s).`,
      );
      expect(seen.summary).toContain(
        `Batch ${BATCH_ID} is FAILED, and was not retried: timeout-minutes left less than one poll-interval-seconds to see a retry through.`,
      );
      expect(seen.summary).not.toContain('nothing to retry');
    },
  );

  it('says timeout-minutes has passed when a poll failed after it did', async () => {
    const { deps, seen } = timed(
      (t, advance) => {
        if (t < 4_000) return running();
        advance(30_000); // the request timeout
        return new ServiceError(
          'BatchGetBuildBatches',
          'TimeoutError',
          'timed out',
          undefined,
          'transient',
        );
      },
      { 'poll-interval-seconds': '2', 'timeout-minutes': '0.1' },
    );
    await expect(run(deps)).rejects.toThrow();
    expect(seen.lines).toContainEqual(
      expect.stringMatching(/^Poll failed \(.*timed out.*\); timeout-minutes has passed\.$/),
    );
  });
});
