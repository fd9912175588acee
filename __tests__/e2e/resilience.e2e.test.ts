// Resilience of the bundled action, end to end against the simulator: the runner's cancellation
// signals, timeouts, throttling and other faults, stale reads, expired credentials, hostile data.
import {
  act,
  annotations,
  cancelLikeRunner,
  groupsOf,
  logged,
  requested,
  simulators,
  startAct,
  wallClockStep,
  type Simulator,
} from './helpers.js';
import { runAction } from '../../simulator/run-action.mjs';
import { scenarios } from '../../simulator/scenarios.mjs';

const start = simulators();

describe('cancellation (SIGINT, then SIGTERM 7.5 s later, then kill 2.5 s after that)', () => {
  it('stops the batch, writes the summary and outputs, and exits non-zero well inside 7.5 s', async () => {
    const sim = await start('long-running');
    const step = startAct(sim, {});
    await logged(step.child, /integration_tests: IN_PROGRESS/);

    const { run, exitAfterMs } = await cancelLikeRunner(step);

    expect(run.signal).toBeNull();
    expect(run.code).toBe(1);
    expect(exitAfterMs).toBeLessThan(3_000);
    expect(sim.calls('StopBuildBatch')).toHaveLength(1);
    expect(run.outputs['batch-status']).toBe('STOPPED');
    expect(groupsOf(run).find((g) => g.identifier === 'integration_tests')!.status).toBe(
      'CANCELLED',
    );
    expect(annotations(run, 'error').at(-1)).toMatch(
      /^The workflow was cancelled while waiting for batch build web-app:\S+: the batch was IN_PROGRESS with [\w, ]*integration_tests[\w, ]* still running and [\w, ]*package not started; it has been stopped\.$/,
    );
    expect(run.summary).toContain('The workflow was cancelled');
    expect(run.summary).toContain('CANCELLED');
    expect(run.summary).toContain('retries by this step: 1 (#1 → ⏹️ STOPPED)');
    // The post step has nothing left to stop.
    expect(run.state['running-batch-id']).toBe('');
  });

  it('sends the stop again after a passing failure (503 through the SDK’s three attempts), within the budget', async () => {
    const sim = await start('long-running');
    sim.inject({ kind: '5xx', operation: 'StopBuildBatch', count: 3 });
    const step = startAct(sim, {});
    await logged(step.child, /integration_tests: IN_PROGRESS/);

    const { run, exitAfterMs } = await cancelLikeRunner(step);

    expect(run.code).toBe(1);
    expect(exitAfterMs).toBeLessThan(5_000);
    expect(sim.calls('StopBuildBatch').map((c) => c.status)).toEqual([503, 503, 503, 200]);
    expect(run.outputs['batch-status']).toBe('STOPPED');
    expect(annotations(run, 'error').at(-1)).toMatch(/; it has been stopped\.$/);
  });

  it('leaves a batch its stop could not reach within the budget to the post step, which stops it', async () => {
    const sim = await start('long-running');
    // Every send the cancel budget has room for (two, of three SDK attempts each) meets a 503.
    sim.inject({ kind: '5xx', operation: 'StopBuildBatch', count: 6 });
    const step = startAct(sim, {});
    await logged(step.child, /integration_tests: IN_PROGRESS/);

    const { run, exitAfterMs } = await cancelLikeRunner(step);
    expect(exitAfterMs).toBeLessThan(5_000);
    expect(annotations(run, 'error').at(-1)).toMatch(
      /; stopping it failed: CodeBuild StopBuildBatch failed: ServiceUnavailableException/,
    );
    expect(run.state['running-batch-id']).toBe(sim.batch.arn);

    const post = await runAction({ env: sim.clientEnv(), state: run.state });
    expect(post.code).toBe(0);
    expect(post.stdout).toContain(`Batch ${sim.batch.id} is STOPPED.`);
    expect(sim.calls('StopBuildBatch').at(-1)!.status).toBe(200);
  });

  it('leaves the batch running when stop-on-cancel is false', async () => {
    const sim = await start('long-running');
    const step = startAct(sim, { 'stop-on-cancel': 'false' });
    await logged(step.child, /integration_tests: IN_PROGRESS/);
    step.child.kill('SIGINT');
    const run = await step.done;
    expect(run.code).toBe(1);
    expect(sim.calls('StopBuildBatch')).toHaveLength(0);
    expect(annotations(run, 'error').at(-1)).toMatch(
      /it was left running \(stop-on-cancel is false\)\.$/,
    );
    expect(run.summary).toContain('retries by this step: 1 (#1 → 🔄 IN_PROGRESS)');
  });

  /** The main step, killed by the runner (SIGKILL) while it waits: its state is the post step's. */
  async function killedWhileWaiting(sim: Simulator) {
    const step = startAct(sim, {});
    await logged(step.child, /integration_tests: IN_PROGRESS/);
    step.child.kill('SIGKILL');
    return step.done;
  }

  it('the post step stops a batch the main step was killed while waiting on', async () => {
    const sim = await start('long-running');
    const killed = await killedWhileWaiting(sim);
    expect(killed.state['running-batch-id']).toBe(sim.batch.arn);

    const post = await runAction({ env: sim.clientEnv(), state: killed.state });
    expect(post.code).toBe(0);
    expect(post.stdout).toContain(
      `The main step ended while waiting for ${sim.batch.id}: stopping it.`,
    );
    expect(sim.calls('StopBuildBatch')).toHaveLength(1);
    expect(sim.calls('StopBuildBatch')[0]!.body).toEqual({ id: sim.batch.id });
  });

  it('the post step sends its stop again after a passing failure (503 through the SDK’s three attempts)', async () => {
    const sim = await start('long-running');
    const killed = await killedWhileWaiting(sim);
    sim.inject({ kind: '5xx', operation: 'StopBuildBatch', count: 3 });

    const post = await runAction({ env: sim.clientEnv(), state: killed.state });
    expect(post.code).toBe(0);
    expect(annotations(post, 'warning')).toEqual([]);
    expect(sim.calls('StopBuildBatch').map((c) => c.status)).toEqual([503, 503, 503, 200]);
    expect(post.stdout).toContain(`Batch ${sim.batch.id} is STOPPED.`);
  });

  it("the post step names CodeBuild's answer when its stop is throttled throughout, within its 10 s", async () => {
    const sim = await start('long-running');
    const killed = await killedWhileWaiting(sim);
    sim.inject({ kind: 'throttle', operation: 'StopBuildBatch', count: 1_000 });

    const startedAt = performance.now();
    const post = await runAction({ env: sim.clientEnv(), state: killed.state });
    expect(performance.now() - startedAt).toBeLessThan(10_000);
    expect(annotations(post, 'warning')).toEqual([
      expect.stringMatching(
        /^Could not stop batch \S+: CodeBuild StopBuildBatch failed: ThrottlingException: Rate exceeded \(request id [\w-]+\)$/,
      ),
    ]);
  });

  it('the post step stops a batch whose retry was sent when the main step was killed', async () => {
    // CodeBuild acts on the retry but answers late: the runner kills the step before the answer.
    const sim = await start('long-running');
    sim.inject({ kind: 'slow', operation: 'RetryBuildBatch', ms: 20_000 });
    const step = startAct(sim, {});
    await requested(sim, 'RetryBuildBatch');
    step.child.kill('SIGKILL');
    const killed = await step.done;

    const post = await runAction({ env: sim.clientEnv(), state: killed.state });
    expect(post.code).toBe(0);
    expect(post.stdout).toContain(
      `The main step ended while waiting for ${sim.batch.id}: stopping it.`,
    );
    expect(sim.calls('StopBuildBatch').map((c) => c.body)).toEqual([{ id: sim.batch.id }]);
  });

  it('exits at once, saying nothing was retried, when cancelled while the batch is first read', async () => {
    const sim = await start('retry-succeeds');
    sim.inject({ kind: 'slow', operation: 'BatchGetBuildBatches', ms: 20_000 });
    const step = startAct(sim, {});
    await requested(sim, 'BatchGetBuildBatches');

    const { run, exitAfterMs } = await cancelLikeRunner(step);

    expect(run.signal).toBeNull();
    expect(run.code).toBe(1);
    expect(exitAfterMs).toBeLessThan(3_000);
    const sentence = `The workflow was cancelled while batch build ${sim.batch.id} was being read: nothing was retried.`;
    expect(annotations(run, 'error')).toEqual([sentence]);
    expect(run.summary).toContain(sentence);
    expect(sim.calls('RetryBuildBatch')).toHaveLength(0);
  });
  it('stops the batch when cancelled while resending a retry whose answers were lost', async () => {
    // CodeBuild acts on the first send; its answers never arrive, and the step waits to resend.
    const sim = await start('long-running');
    sim.inject({ kind: 'lost', operation: 'RetryBuildBatch', count: 3 });
    const step = startAct(sim, {});
    await logged(step.child, /RetryBuildBatch failed: .*; sending it again in/);

    const { run, exitAfterMs } = await cancelLikeRunner(step);

    expect(run.signal).toBeNull();
    expect(run.code).toBe(1);
    expect(exitAfterMs).toBeLessThan(3_000);
    // Before: the step cleared the post step's state and left the retried batch running.
    expect(sim.calls('StopBuildBatch').map((c) => c.body)).toEqual([{ id: sim.batch.id }]);
    // The last send's failure as the house gives every service failure: code, message, request id.
    const sentence = new RegExp(
      `^The workflow was cancelled while RetryBuildBatch for batch build ${sim.batch.id} went unanswered \\(CodeBuild may have acted on it; the last send: CodeBuild RetryBuildBatch failed: .+\\): it has been stopped\\.$`,
    );
    expect(annotations(run, 'error').at(-1)).toMatch(sentence);
    expect(run.summary).toContain(
      'went unanswered (CodeBuild may have acted on it; the last send: ',
    );
    expect(run.outputs['batch-status']).toBe('STOPPED');
  });

  it.each(['ListBuildBatchesForProject', 'BatchGetBuildBatches'])(
    'exits at once, saying nothing was retried, when cancelled while project-name is searched (%s)',
    async (operation) => {
      const sim = await start('project-history');
      sim.inject({ kind: 'slow', operation, ms: 20_000 });
      const step = startAct(sim, { 'batch-id': '', 'project-name': 'web-app' });
      await requested(sim, operation);

      const { run, exitAfterMs } = await cancelLikeRunner(step);

      expect(run.signal).toBeNull();
      expect(run.code).toBe(1);
      expect(exitAfterMs).toBeLessThan(3_000);
      const sentence =
        'The workflow was cancelled while looking for the newest failed batch build of project web-app: nothing was retried.';
      expect(annotations(run, 'error')).toEqual([sentence]);
      expect(run.summary).toContain(sentence);
      expect(sim.calls('RetryBuildBatch')).toHaveLength(0);
    },
  );
});

describe('timeout-minutes', () => {
  it('ends within seconds of the deadline when the last reads stall (no answer for 45 s)', async () => {
    const sim = await start('long-running');
    // The first read (before the retry) answers; every read after it answers 45 s late, past the
    // SDK's 30 s request timeout, which it retries twice.
    sim.inject({
      kind: 'slow',
      operation: 'BatchGetBuildBatches',
      skip: 1,
      ms: 45_000,
      count: 100,
    });
    const startedAt = performance.now();
    const run = await act(sim, { 'poll-interval-seconds': '2', 'timeout-minutes': '0.05' });
    const tookMs = performance.now() - startedAt;
    expect(sim.calls('RetryBuildBatch')).toHaveLength(1);
    expect(annotations(run, 'error').at(-1)).toMatch(/^Timed out after 3s \(timeout-minutes\)/);
    // 3 s of timeout-minutes, then the stop and the report: not the stalled read's 90 s.
    expect(tookMs).toBeLessThan(15_000);
  }, 120_000);

  it('stops the batch and fails saying it timed out and what the batch was doing', async () => {
    const sim = await start('long-running');
    const run = await act(sim, { 'timeout-minutes': '0.02' });
    expect(run.code).toBe(1);
    expect(run.elapsedMs).toBeLessThan(10_000);
    expect(sim.calls('StopBuildBatch')).toHaveLength(1);
    expect(annotations(run, 'error').at(-1)).toMatch(
      /^Timed out after 1\.2s \(timeout-minutes\) waiting for batch build web-app:\S+: the batch was IN_PROGRESS with [\w, ]*integration_tests[\w, ]* still running and [\w, ]*package not started; it has been stopped\.$/,
    );
    expect(run.outputs).toMatchObject({ 'batch-status': 'STOPPED', attempts: '1' });
    expect(run.summary).toContain('Timed out after 1.2s');
    // The retry it waited for ended with the stop, not in progress.
    expect(run.summary).toContain('retries by this step: 1 (#1 → ⏹️ STOPPED)');
  });

  it.each(['true', 'false'])(
    'takes the outcome of a batch that ended after the last poll, before timeout-minutes passed (stop-on-cancel %s)',
    async (stopOnCancel) => {
      // Retried at about 0.4 s, polled at 5.4 s, ended at about 7 s; the next poll would come at
      // 10.4 s, past the 9 s of timeout-minutes.
      const sim = await start({
        ...scenarios['long-running'],
        retries: [{ integration_tests: { status: 'SUCCEEDED', ms: 5_500 } }],
      });
      const run = await act(sim, {
        'poll-interval-seconds': '5',
        'timeout-minutes': '0.15',
        'stop-on-cancel': stopOnCancel,
      });
      expect(run.stdout).not.toContain('Timed out');
      expect(run.code).toBe(0);
      expect(run.outputs).toMatchObject({ 'batch-status': 'SUCCEEDED', attempts: '1' });
      expect(sim.calls('StopBuildBatch')).toHaveLength(0);
    },
  );

  it('sends no retry that timeout-minutes leaves no time to poll: the red batch is the outcome', async () => {
    // The first retry ends red about 2 s after it is sent and is seen at the first poll, 5 s after
    // it; 3.5 s of timeout-minutes are left then, less than one poll-interval-seconds.
    const sim = await start({
      ...scenarios['fails-again'],
      retries: [{ integration_tests: { status: 'FAILED', ms: 1_000 } }],
    });
    const run = await act(sim, {
      'poll-interval-seconds': '5',
      'timeout-minutes': '0.15',
      'max-attempts': '3',
    });
    expect(sim.calls('RetryBuildBatch')).toHaveLength(1);
    expect(sim.calls('StopBuildBatch')).toHaveLength(0);
    expect(run.code).toBe(1);
    expect(run.outputs).toMatchObject({
      'batch-status': 'FAILED',
      attempts: '1',
      'failed-build-groups': '["integration_tests"]',
    });
    expect(annotations(run, 'warning')).toContainEqual(
      expect.stringMatching(
        /^Not retrying web-app:\S+ again \(attempt 2 of 3\): timeout-minutes ends in \d(\.\d)?s, less than one poll-interval-seconds \(5s\)/,
      ),
    );
    expect(annotations(run, 'error').at(-1)).toMatch(
      /ended FAILED; failed build groups: integration_tests/,
    );
  });

  it('names no group as failed when it times out before any read shows the retried batch, left running', async () => {
    const sim = await start('long-running');
    // Every read after the retry still shows the batch as it was before it (eventual consistency).
    sim.inject({ kind: 'stale', operation: 'BatchGetBuildBatches', count: 1_000 });
    // 3 s: on a loaded machine, 1.2 s could pass before the first read after the retry.
    const run = await act(sim, { 'timeout-minutes': '0.05', 'stop-on-cancel': 'false' });
    expect(run.code).toBe(1);
    expect(sim.calls().some((r) => r.fault === 'stale')).toBe(true);
    expect(sim.calls('StopBuildBatch')).toHaveLength(0);
    expect(run.outputs).toMatchObject({ 'batch-status': 'IN_PROGRESS', attempts: '1' });
    // integration_tests and lint run again: their FAILED is from before the retry.
    expect(run.outputs['failed-build-groups']).toBeUndefined();
    expect(run.outputs['build-groups']).toBeUndefined();
    expect(run.outputs['artifacts']).toBeUndefined();
    expect(annotations(run, 'error')).toEqual([
      expect.stringMatching(/^Timed out after 3s .*it was left running/),
    ]);
    expect(run.summary).toContain('Build group statuses are from before the retry');
  });
});

describe('cancelled before any read shows the retried batch', () => {
  it("reads none of the old builds: their tests and log tails are not the retry's", async () => {
    const sim = await start('long-running');
    sim.inject({ kind: 'stale', operation: 'BatchGetBuildBatches', count: 1_000 });
    const step = startAct(sim, { 'stop-on-cancel': 'false' });
    // Cancelled once a read after the retry still showed the batch as it was before it.
    await logged(step.child, /Waiting for \S+ to finish/);
    while (!sim.calls().some((r) => r.fault === 'stale'))
      await new Promise((resolve) => setTimeout(resolve, 20));
    const { run } = await cancelLikeRunner(step);
    expect(run.code).toBe(1);
    expect(run.outputs['failed-build-groups']).toBeUndefined();
    // integration_tests' FAILED build is from before the retry: its tests and log are no outcome.
    expect(run.outputs['test-results']).toBeUndefined();
    expect(run.stdout).not.toContain('::group::Build group integration_tests');
    expect(sim.calls('GetLogEvents')).toHaveLength(0);
    expect(run.summary).toContain('Build group statuses are from before the retry');
  });
});

describe('a wall clock that steps while the step waits (NTP on a self-hosted runner)', () => {
  /** The simulator refused a request signed with the stepped clock: the step did happen. */
  const clockStepped = (sim: Simulator) =>
    sim.calls().some((r) => r.error === 'InvalidSignatureException');

  it('does not time out early when the clock jumps 31 minutes ahead', async () => {
    const sim = await start({
      ...scenarios['long-running'],
      retries: [{ integration_tests: { status: 'SUCCEEDED', ms: 8_000 } }],
    });
    const run = await act(
      sim,
      { 'timeout-minutes': '30' },
      { nodeArgs: wallClockStep(31 * 60_000, 3_000) },
    );
    expect(clockStepped(sim)).toBe(true);
    expect(run.code).toBe(0);
    expect(run.outputs['batch-status']).toBe('SUCCEEDED');
    expect(run.stdout).not.toContain('Timed out');
    expect(sim.calls('StopBuildBatch')).toHaveLength(0);
    // The step's time is its own, not the jump's.
    expect(run.summary).toMatch(/step time \d+(\.\d)?s\b/);
  }, 40_000);

  it('does not wait past timeout-minutes when the clock jumps an hour back', async () => {
    const sim = await start('long-running');
    const step = startAct(
      sim,
      { 'timeout-minutes': '0.1' },
      { nodeArgs: wallClockStep(-60 * 60_000, 3_000) },
    );
    // Were the step to wait on, it would be cut off here and fail the assertions below.
    const guard = setTimeout(() => step.child.kill('SIGKILL'), 20_000);
    const run = await step.done;
    clearTimeout(guard);
    expect(clockStepped(sim)).toBe(true);
    expect(run.code).toBe(1);
    expect(annotations(run, 'error').at(-1)).toMatch(
      /^Timed out after 6s \(timeout-minutes\) waiting for batch build /,
    );
    expect(sim.calls('StopBuildBatch')).toHaveLength(1);
    // 6 s of waiting, one poll, the stop and the report, and the process's own start.
    expect(run.elapsedMs).toBeLessThan(9_000);
  }, 40_000);
});

describe('throttling and transient faults', () => {
  it('waits through ThrottlingException at a held pace that still sees the end within 2 × the interval + 5 s', async () => {
    // Two polls throttled through the SDK's three attempts each hold a 0.2 s interval at 2.9 s
    // (2 × 0.2 s + 5 s, less a poll's margin), not wider: a pace that doubled under throttling saw
    // batches end 10 s and more late. Once polls are answered the step keeps the held pace for the
    // rest of the retried build, not the configured 0.2 s: the account's budget is shared with
    // other workflows, which go on polling (pace.test.ts: back to the configured pace after five
    // minutes without throttling).
    const sim = await start({
      ...scenarios.throttled,
      // Long enough for four answered polls at the held pace after the throttled ones, on a loaded
      // machine too.
      retries: [{ integration_tests: { status: 'SUCCEEDED', ms: 30_000 } }],
      faults: [{ kind: 'throttle', operation: 'BatchGetBuildBatches', skip: 1, count: 6 }],
    });
    const run = await act(sim, { 'poll-interval-seconds': '0.2' });
    expect(run.code).toBe(0);
    expect(run.outputs['batch-status']).toBe('SUCCEEDED');
    expect(sim.calls().filter((r) => r.fault === 'throttle')).toHaveLength(6);
    const waits = [
      ...run.stdout.matchAll(
        /ThrottlingException: Rate exceeded \(request id [0-9a-f-]+\)\); trying again in ([\d.]+)s/g,
      ),
    ].map((m) => Number(m[1]));
    expect(waits).toEqual([2.9, 2.9]);
    const reads = sim
      .calls('BatchGetBuildBatches')
      .filter((r) => r.status === 200)
      .slice(1);
    const gaps = reads.slice(1).map((r, i) => r.at - reads[i]!.at);
    expect(gaps.length).toBeGreaterThanOrEqual(4);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(2_900);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(2 * 200 + 5_000);
  }, 90_000);

  it('waits through 5xx answers, dropped connections and malformed bodies', async () => {
    const sim = await start('flaky-network');
    const run = await act(sim, {});
    expect(run.code).toBe(0);
    expect(run.outputs['batch-status']).toBe('SUCCEEDED');
    const faults = new Set(
      sim
        .calls()
        .map((r) => r.fault)
        .filter(Boolean),
    );
    expect(faults).toEqual(new Set(['5xx', 'drop', 'malformed']));
    expect(run.stdout).toMatch(
      /Poll failed \(CodeBuild BatchGetBuildBatches failed: SyntaxError: /,
    );
  });
});

describe('stale reads', () => {
  it('never takes the outcome from a read that predates the retry', async () => {
    const sim = await start('stale-reads');
    const run = await act(sim, {});
    expect(sim.calls().filter((r) => r.fault === 'stale')).toHaveLength(3);
    expect(run.code).toBe(0);
    expect(run.outputs['batch-status']).toBe('SUCCEEDED');
    expect(groupsOf(run).find((g) => g.identifier === 'integration_tests')).toMatchObject({
      status: 'SUCCEEDED',
      attempts: 2,
    });
  });
});

describe('expired credentials', () => {
  it('fails at once, saying how long it waited and what to change', async () => {
    const sim = await start('expired-credentials');
    const run = await act(sim, {});
    expect(run.code).toBe(1);
    expect(sim.calls().filter((r) => r.fault === 'expired')).toHaveLength(1);
    expect(annotations(run, 'error')).toEqual([
      expect.stringMatching(
        /^The AWS credentials expired after [\d.]+s of waiting \(ExpiredTokenException, request id [0-9a-f-]+\): set role-to-assume so that this action assumes the role itself and renews the credentials while it waits, or raise role-duration-seconds of aws-actions\/configure-aws-credentials \(and the role's maximum session duration\) above the batch's duration\.$/,
      ),
    ]);
  });

  it('names no group as failed when they expire right after the retry, before the batch is read again', async () => {
    const sim = await start({
      ...scenarios['expired-credentials'],
      faults: [{ kind: 'expired', operation: 'BatchGetBuildBatches', skip: 1, count: 1_000 }],
    });
    const run = await act(sim, {});
    expect(run.code).toBe(1);
    expect(sim.calls('RetryBuildBatch')).toHaveLength(1);
    expect(run.outputs).toMatchObject({ 'batch-status': 'IN_PROGRESS', attempts: '1' });
    // integration_tests runs again: its FAILED is from before the retry.
    expect(run.outputs['failed-build-groups']).toBeUndefined();
    expect(run.outputs['not-run-build-groups']).toBeUndefined();
  });
});

describe('hostile data from the service', () => {
  it('escapes group identifiers and reasons in the summary, and keeps them on one log line', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    const failedWithMarkup = {
      [evil]: {
        status: 'FAILED',
        reason: { phase: 'BUILD', code: 'X', message: '</table>\n\n# <script>alert(1)</script>' },
      },
    };
    const sim = await start({
      project: 'web-app',
      groups: [
        { identifier: evil, dependsOn: [] },
        { identifier: 'pwn\n::error::forged annotation', dependsOn: [evil] },
      ],
      initial: { groups: failedWithMarkup },
      retries: [failedWithMarkup],
    });
    const run = await act(sim, {});
    expect(run.code).toBe(1);
    expect(run.summary).not.toMatch(/<img|<script|<\/table>\s*#/);
    expect(run.summary).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(run.stdout).not.toMatch(/^::error::forged/m);
  });
});

describe('hostile and malformed inputs', () => {
  it.each([
    ['an empty batch-id', { 'batch-id': '' }, /^No batch to retry/],
    ['whitespace', { 'batch-id': '   ' }, /^No batch to retry/],
    [
      'a very long id',
      { 'batch-id': `p:${'a'.repeat(5000)}` },
      /^Input "batch-id" is "p:a+\.\.\.", but it must be/,
    ],
    [
      'an id with a newline',
      { 'batch-id': 'web-app:1\n::error::forged' },
      /^Input "batch-id" is "web-app:1\\n::error::forged"/,
    ],
    [
      'an id with Markdown',
      { 'batch-id': '[x](https://evil.example)' },
      /^Input "batch-id" is "\[x\]\(https:\/\/evil.example\)"/,
    ],
    [
      'an unknown retry type',
      { 'retry-type': 'RETRY_EVERYTHING' },
      /^Input "retry-type" is "RETRY_EVERYTHING"/,
    ],
    ['NaN', { 'poll-interval-seconds': 'NaN' }, /^Input "poll-interval-seconds" is "NaN"/],
    ['a negative number', { 'timeout-minutes': '-3' }, /^Input "timeout-minutes" is "-3"/],
    [
      'infinity',
      { 'poll-interval-seconds': 'Infinity' },
      /^Input "poll-interval-seconds" is "Infinity"/,
    ],
    [
      'a wrong type',
      { wait: '{}' },
      /^Input "wait" is "\{\}", but it must be "true" or "false"\.$/,
    ],
    [
      'max-attempts with wait false',
      { 'max-attempts': '3', wait: 'false' },
      /^Input "max-attempts" is 3 but "wait" is false/,
    ],
  ])(
    '%s fails before any request, with one sentence and no stack trace',
    async (_, inputs, message) => {
      const sim = await start('retry-succeeds');
      const run = await act(sim, inputs as Record<string, string>);
      expect(run.code).toBe(1);
      expect(sim.requests).toHaveLength(0);
      const errors = annotations(run, 'error');
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(message);
      expect(run.stdout + run.stderr).not.toMatch(/\n\s+at |Error:/);
    },
  );
});
