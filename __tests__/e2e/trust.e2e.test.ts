// The paths where an action that decides and stops builds must be right (issue 10), end to end: the
// bundled action against the simulator, as a runner runs it.
import {
  act,
  annotations,
  cancelLikeRunner,
  groupsOf,
  logged,
  requested,
  simulators,
  startAct,
} from './helpers.js';
import { runAction } from '../../simulator/run-action.mjs';
import { scenarios } from '../../simulator/scenarios.mjs';
import { FORGED_LINES, runnerCommands } from '../runner-commands.js';

const start = simulators();

describe('stale reads after a fresh one', () => {
  it('never retries again, or ends, on a read older than one already seen', async () => {
    const sim = await start('retry-succeeds');
    // After the first fresh read of the retried batch, three reads show it as before the retry.
    sim.inject({ kind: 'stale', operation: 'BatchGetBuildBatches', skip: 1, count: 3 });
    const run = await act(sim, { 'max-attempts': '2' });
    expect(sim.calls().filter((r) => r.fault === 'stale')).toHaveLength(3);
    expect(run.code).toBe(0);
    expect(sim.calls('RetryBuildBatch')).toHaveLength(1);
    expect(run.outputs).toMatchObject({ 'batch-status': 'SUCCEEDED', attempts: '1' });
  });
});

describe('project-name', () => {
  it('retries the newest batch that FAILED, FAULTed or TIMED_OUT, skipping a newer STOPPED one', async () => {
    const failed = { integration_tests: 'FAILED' };
    const sim = await start({
      ...scenarios['retry-succeeds'],
      history: [
        { initial: { groups: failed } },
        { initial: { groups: { integration_tests: 'TIMED_OUT' }, status: 'TIMED_OUT' } },
      ],
      initial: { groups: failed, status: 'STOPPED' },
    });
    const timedOut = sim.batches[1]!;
    const run = await act(sim, { 'batch-id': '', 'project-name': 'web-app' });
    expect(run.code).toBe(0);
    expect(sim.calls('RetryBuildBatch').map((r) => r.body!.id)).toEqual([timedOut.id]);
    expect(run.outputs['batch-id']).toBe(timedOut.id);
  });
});

describe('the post step', () => {
  it('stops nothing after the main step failed on its own, and the report shows the newest batch seen', async () => {
    const sim = await start('long-running');
    // The read before the retry succeeds; the first poll after it is denied.
    sim.inject({ kind: 'denied', operation: 'BatchGetBuildBatches', skip: 1 });
    const run = await act(sim, {});
    expect(run.code).toBe(1);
    expect(annotations(run, 'error').at(-1)).toMatch(/AccessDeniedException/);
    expect(run.state['running-batch-id']).toBe('');
    expect(run.outputs['batch-status']).toBe('IN_PROGRESS');
    expect(run.summary).toContain('Build group statuses are from before the retry');

    const post = await runAction({ env: sim.clientEnv(), state: run.state });
    expect(post.code).toBe(0);
    expect(sim.calls('StopBuildBatch')).toHaveLength(0);
  });
});

describe('passing faults before the wait', () => {
  it('rides out 5xx answers on the first read and lost answers to the retry, retrying once', async () => {
    const sim = await start('retry-succeeds');
    // More 5xx in a row than the SDK's three attempts, then two retries whose answers are lost.
    sim.inject({ kind: '5xx', operation: 'BatchGetBuildBatches', count: 4 });
    sim.inject({ kind: 'lost', operation: 'RetryBuildBatch', count: 2 });
    const run = await act(sim, {});
    expect(run.code).toBe(0);
    const retries = sim.calls('RetryBuildBatch');
    expect(retries.length).toBeGreaterThanOrEqual(3);
    expect(new Set(retries.map((r) => r.body!.idempotencyToken)).size).toBe(1);
    expect(run.outputs).toMatchObject({ 'batch-status': 'SUCCEEDED', attempts: '1' });
    // One retry happened: the group had two builds, not three or four.
    expect(groupsOf(run).find((g) => g.identifier === 'integration_tests')).toMatchObject({
      attempts: 2,
    });
  }, 60_000);
});

describe('cancellation within the runner budget', () => {
  it('exits well before SIGTERM with summary and outputs, even when CodeBuild answers slowly', async () => {
    const sim = await start('long-running');
    const step = startAct(sim, {});
    await logged(step.child, /integration_tests: IN_PROGRESS/);
    sim.inject({ kind: 'slow', operation: 'StopBuildBatch', ms: 20_000 });
    sim.inject({ kind: 'slow', operation: 'BatchGetBuilds', ms: 20_000 });

    const { run, exitAfterMs } = await cancelLikeRunner(step);

    expect(run.signal).toBeNull();
    expect(exitAfterMs).toBeLessThan(6_500);
    expect(run.code).toBe(1);
    expect(run.summary).toContain('The workflow was cancelled');
    // The stop did not answer in time: the outputs give the batch as last read, still running.
    expect(run.outputs['batch-status']).toBe('IN_PROGRESS');
    expect(annotations(run, 'error').at(-1)).toMatch(/stopping it failed/);
  }, 30_000);
});

describe('cancelled while the red batch is being read', () => {
  /** The outcome the step reports for the diagnosis scenario's batch. */
  const failure = (id: string) =>
    `Batch build ${id} ended FAILED; failed build groups: integration_tests; not run as a result: e2e_tests, package; lint, docs failed too, but they are marked ignore-failure, so they do not fail the batch.`;

  it('still reports the failure, the groups and the outputs within the cancel budget', async () => {
    const sim = await start('diagnosis');
    // The batch is final; its log tail answers after 12 s, past SIGTERM (7.5 s) and the kill (10 s).
    sim.inject({ kind: 'slow', operation: 'GetLogEvents', ms: 12_000 });
    // The final reads alone (with step-log, the first GetLogEvents comes as a group ends).
    const step = startAct(sim, { 'step-log': 'none' });
    await requested(sim, 'GetLogEvents');

    const { run, exitAfterMs } = await cancelLikeRunner(step);

    expect(run.signal).toBeNull();
    expect(exitAfterMs).toBeLessThan(6_500);
    expect(run.code).toBe(1);
    expect(annotations(run, 'error').at(-1)).toBe(failure(sim.batch.id));
    expect(annotations(run, 'error')).toContainEqual(
      expect.stringMatching(/^Build group integration_tests ended FAILED/),
    );
    expect(run.summary).toContain('<code>integration_tests</code>');
    expect(run.summary).toContain('<code>e2e_tests</code>');
    expect(annotations(run, 'warning')).toContainEqual(
      expect.stringMatching(/^Log tails are left out/),
    );
    expect(JSON.parse(run.outputs['artifacts'] ?? '[]')).not.toEqual([]);
    expect(JSON.parse(run.outputs['test-results'] ?? '[]')).toContainEqual(
      expect.objectContaining({ identifier: 'integration_tests', failed: 4 }),
    );
    // The batch had finished: the post step has nothing to stop.
    expect(run.state['running-batch-id']).toBe('');
    const post = await runAction({ env: sim.clientEnv(), state: run.state });
    expect(post.code).toBe(0);
    expect(sim.calls('StopBuildBatch')).toHaveLength(0);
  }, 40_000);

  it('leaves the post step nothing to stop when the step is killed during those reads', async () => {
    const sim = await start('diagnosis');
    sim.inject({ kind: 'slow', operation: 'GetLogEvents', ms: 12_000 });
    const step = startAct(sim, {});
    await requested(sim, 'GetLogEvents');
    step.child.kill('SIGKILL');
    const killed = await step.done;

    const post = await runAction({ env: sim.clientEnv(), state: killed.state });
    expect(post.code).toBe(0);
    expect(post.stdout).not.toContain('stopping it');
    expect(sim.calls('StopBuildBatch')).toHaveLength(0);
  }, 40_000);
});

describe('service text in the log', () => {
  it('never becomes a workflow command, whatever the group identifiers say', async () => {
    const forged = {
      status: 'FAILED',
      reason: { phase: 'BUILD', code: 'X', message: '##[error]r' },
    };
    const sim = await start({
      project: 'web-app',
      groups: [
        { identifier: '  ::warning::forged', dependsOn: [] },
        { identifier: 'x ##[error]forged', dependsOn: [] },
      ],
      initial: { groups: { '  ::warning::forged': forged } },
      retries: [{ '  ::warning::forged': forged }],
    });
    const run = await act(sim, {});
    expect(run.code).toBe(1);
    const lines = run.stdout.split('\n');
    expect(lines.some((l) => l.includes('forged'))).toBe(true);
    for (const line of lines) {
      expect(line).not.toMatch(/^\s*::warning::forged/);
      expect(line).not.toContain('##[');
    }
  });
});

describe('service text behind any whitespace the runner trims', () => {
  // Every forged command behind every .NET whitespace character, as group identifiers (the runner
  // prints each group's status), log lines, failing test names and messages, and failure reasons.
  const ids = FORGED_LINES.map((text, i) => `${text} ${i}`);
  const failing = ids.filter((id) => id.startsWith('\u0085'));
  const log = [
    ...FORGED_LINES,
    '\r::error::FORGED after a carriage return',
    'progress 10%\r::error::FORGED after a progress bar',
    '##[error]FORGED legacy',
    '\u0085##[error]FORGED legacy after NEL',
    '#\u0085#[error]FORGED legacy split by NEL',
    '\u001b[31m\u0085::error::FORGED in colour\u001b[0m',
  ];
  const plan = Object.fromEntries(
    failing.map((id) => [
      id,
      {
        status: 'FAILED',
        reason: {
          phase: 'BUILD',
          code: 'COMMAND_EXECUTION_ERROR',
          message: FORGED_LINES[ids.indexOf(id)]!,
        },
        log,
        tests: {
          passed: 1,
          failed: FORGED_LINES.map((name, n) => ({
            name,
            message: FORGED_LINES[(n + 1) % FORGED_LINES.length],
            ms: 5,
          })),
        },
      },
    ]),
  );
  const scenario = {
    project: 'web-app',
    groups: ids.map((identifier) => ({ identifier, dependsOn: [] })),
    initial: { groups: plan },
    retries: [plan],
  };
  // The commands the action itself writes; a forged one is marked FORGED.
  const OWN = ['group', 'endgroup', 'error', 'warning', 'notice', 'debug'];

  let run: Awaited<ReturnType<typeof act>>;
  beforeAll(async () => {
    const sim = await start(scenario);
    run = await act(sim, { 'log-lines': '200' });
  }, 60_000);

  it('reaches the runner as no command but the action’s own', () => {
    expect(run.code).toBe(1);
    const commands = runnerCommands(run.stdout);
    const foreign = commands.filter(
      (c) =>
        c.legacy ||
        !OWN.includes(c.name) ||
        !c.line.startsWith('::') ||
        c.data.startsWith('FORGED'),
    );
    expect(foreign).toEqual([]);
    // The action's own commands all count: one group per failed group's tail, each closed, and the
    // step's failure last (a forged stop-commands would have silenced them).
    const names = commands.map((c) => c.name);
    expect(names.filter((n) => n === 'group')).toHaveLength(failing.length);
    expect(names.filter((n) => n === 'endgroup')).toHaveLength(failing.length);
    expect(commands.at(-1)).toMatchObject({
      name: 'error',
      data: expect.stringMatching(/^Batch build .* ended FAILED; failed build groups: /),
    });
    expect(run.outputs).not.toHaveProperty('deploy-approved');
    // eslint-disable-next-line no-control-regex
    expect(run.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });

  it('still shows the forged text, readably, in the log and the summary', () => {
    const stop = failing.find((id) => id.includes('stop-commands'))!;
    expect(run.stdout).toContain(
      `\n  : :stop-commands::FORGED ${ids.indexOf(stop)}: IN_PROGRESS → FAILED\n`,
    );
    expect(run.stdout).toContain('\n: :stop-commands::FORGED\n');
    // The summary is HTML, not read by the runner: the text as it was, without its control characters.
    expect(run.summary).toContain(
      `<tr><td><code>::stop-commands::FORGED ${ids.indexOf(stop)}</code></td><td>❌ FAILED`,
    );
    expect(run.summary).toContain('\n::stop-commands::FORGED\n');
    expect(run.summary).toContain('<li><code>::error::FORGED error</code>: ::add-mask::FORGED');
    // eslint-disable-next-line no-control-regex
    expect(run.summary).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });
});

describe('wait: false', () => {
  it('reports a running batch at once and retries nothing', async () => {
    const sim = await start({
      ...scenarios['long-running'],
      initial: { running: true, groups: { integration_tests: { status: 'FAILED', ms: 60_000 } } },
    });
    const began = performance.now();
    const run = await act(sim, { wait: 'false' });
    expect(performance.now() - began).toBeLessThan(10_000);
    expect(run.code).toBe(0);
    expect(sim.calls('RetryBuildBatch')).toHaveLength(0);
    expect(run.outputs).toMatchObject({ 'batch-status': 'IN_PROGRESS', attempts: '0' });
    expect(annotations(run, 'notice')).toEqual([
      `Batch ${sim.batch.id} is IN_PROGRESS: not waiting for it (wait: false), and nothing was retried.`,
    ]);
  });
});

describe('credentials that are wrong, not expired', () => {
  it('say the key is not valid, not that it expired', async () => {
    const sim = await start('retry-succeeds');
    const run = await runAction({
      inputs: { 'batch-id': sim.batch.id, 'poll-interval-seconds': '0.1' },
      env: { ...sim.clientEnv(), AWS_ACCESS_KEY_ID: 'AKIAUNKNOWN000000000' },
    });
    expect(run.code).toBe(1);
    expect(annotations(run, 'error')).toEqual([
      expect.stringMatching(
        /^AWS did not accept the credentials \(UnrecognizedClientException, request id [0-9a-f-]+\): the access key is not valid/,
      ),
    ]);
    expect(run.stdout).not.toMatch(/expired/);
  });
});

describe('poll-interval-seconds bounds', () => {
  it.each(['0.0001', '3000000'])('refuses %s before any call', async (value) => {
    const sim = await start('retry-succeeds');
    const run = await act(sim, { 'poll-interval-seconds': value });
    expect(run.code).toBe(1);
    expect(sim.requests).toHaveLength(0);
    expect(annotations(run, 'error')).toEqual([
      `Input "poll-interval-seconds" is "${value}", but it must be a number of seconds from 0.1 to 86400, such as 15 or 30.`,
    ]);
  });
});
