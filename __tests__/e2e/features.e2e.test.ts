// max-attempts, project-name and failure reasons, end to end against the simulator.
import { act, annotations, groupsOf, simulators } from './helpers.js';
import { scenarios } from '../../simulator/scenarios.mjs';
import { NOTHING_RETRIED } from '../fixtures.js';

const start = simulators();

describe('max-attempts', () => {
  it('retries again while the batch fails, each call with its own token, and reports each attempt', async () => {
    const sim = await start('flaky-twice');
    const run = await act(sim, { 'max-attempts': '3' });
    expect(run.code).toBe(0);
    const retries = sim.calls('RetryBuildBatch');
    expect(retries).toHaveLength(2);
    expect(new Set(retries.map((r) => r.body!.idempotencyToken)).size).toBe(2);
    expect(run.outputs).toMatchObject({ attempts: '2', 'batch-status': 'SUCCEEDED' });
    expect(groupsOf(run).find((g) => g.identifier === 'integration_tests')!.attempts).toBe(3);
    expect(run.summary).toContain('retries by this step: 2 (#1 → ❌ FAILED, #2 → ✅ SUCCEEDED)');
  });

  it('gives up after max-attempts and fails loudly', async () => {
    const sim = await start('fails-again');
    const run = await act(sim, { 'max-attempts': '2' });
    expect(run.code).toBe(1);
    expect(sim.calls('RetryBuildBatch')).toHaveLength(2);
    expect(run.outputs.attempts).toBe('2');
    expect(annotations(run, 'error').at(-1)).toMatch(
      /ended FAILED; failed build groups: integration_tests/,
    );
  });
});

describe('project-name', () => {
  it('retries the newest failed batch of the project', async () => {
    const sim = await start('project-history');
    const run = await act(sim, { 'batch-id': '', 'project-name': 'web-app' });
    expect(run.code).toBe(0);
    // Batches 2 and 4 failed; 4 is the newest, whatever order the service lists them in.
    const newest = sim.batches.find((b) => b.number === 4)!;
    expect(sim.calls('RetryBuildBatch')[0]!.body!.id).toBe(newest.id);
    expect(sim.calls('ListBuildBatchesForProject')[0]!.body).toMatchObject({
      projectName: 'web-app',
      filter: { status: 'FAILED' },
    });
    expect(run.outputs).toMatchObject({ 'batch-id': newest.id, 'build-batch-number': '4' });
  });

  // The project's batches: #1 failed, then #2 as given (the newest, the simulator's main batch).
  const newerThanFailed = (initial: object) => ({
    ...scenarios['project-history'],
    history: [{ initial: { groups: { integration_tests: 'FAILED' } } }],
    initial,
  });

  it('retries nothing when a newer batch of the project succeeded, naming both', async () => {
    const sim = await start(newerThanFailed({ groups: {} }));
    const [failed, green] = [1, 2].map((n) => sim.batches.find((b) => b.number === n)!);
    const run = await act(sim, { 'batch-id': '', 'project-name': 'web-app' });
    expect(run.code).toBe(0);
    const sentence = `The newest failed batch build of web-app, #1 (${failed!.id}), is obsolete: the newer #2 (${green!.id}) succeeded, so there is nothing to retry.`;
    expect(annotations(run, 'notice')).toEqual([sentence]);
    expect(run.summary).toContain(sentence);
    expect(sim.calls('RetryBuildBatch')).toHaveLength(0);
    expect(sim.calls('ListBuildBatchesForProject').map((c) => c.body!.filter)).toEqual(
      ['FAILED', 'FAULT', 'TIMED_OUT', 'SUCCEEDED', 'IN_PROGRESS'].map((status) => ({ status })),
    );
    expect(run.outputs).toEqual(NOTHING_RETRIED);
  });

  it('retries nothing while a newer batch of the project runs, saying why', async () => {
    const sim = await start(
      newerThanFailed({
        running: true,
        groups: { integration_tests: { status: 'SUCCEEDED', ms: 60_000 } },
      }),
    );
    const [failed, running] = [1, 2].map((n) => sim.batches.find((b) => b.number === n)!);
    const run = await act(sim, { 'batch-id': '', 'project-name': 'web-app' });
    expect(run.code).toBe(0);
    expect(annotations(run, 'notice')).toEqual([
      `The newest failed batch build of web-app, #1 (${failed!.id}), is older than #2 (${running!.id}), which is running: nothing was retried, as a retry of #1 would build older source beside #2 and race it; whoever started #2 owns its outcome (set batch-id to ${failed!.id} to retry it anyway).`,
    ]);
    expect(sim.calls('RetryBuildBatch')).toHaveLength(0);
    expect(run.elapsedMs).toBeLessThan(30_000);
  });

  it('succeeds with a notice when the project has no failed batch', async () => {
    const sim = await start('no-failed-batch');
    const run = await act(sim, { 'batch-id': '', 'project-name': 'web-app' });
    expect(run.code).toBe(0);
    expect(annotations(run, 'notice')).toEqual([
      'Project web-app has no failed, faulted or timed-out batch build in us-east-1: nothing to retry.',
    ]);
    expect(sim.calls('RetryBuildBatch')).toHaveLength(0);
    expect(run.outputs).toMatchObject(NOTHING_RETRIED);
  });

  it('fails on an unknown project naming the input, with the service error', async () => {
    const sim = await start('no-failed-batch');
    const run = await act(sim, { 'batch-id': '', 'project-name': 'no-such-project' });
    expect(run.code).toBe(1);
    // One sentence naming the input and the region, with the service's error and request id.
    expect(annotations(run, 'error')[0]).toMatch(
      /^Project no-such-project was not found in us-east-1: check "project-name" and the region \(aws-region\)\. CodeBuild ListBuildBatchesForProject failed: ResourceNotFoundException: Project cannot be found: .* \(request id [0-9a-f-]+\)\.$/,
    );
  });
});

describe('failure reasons', () => {
  it('reads the failed builds in one BatchGetBuilds call and shows the failing phase', async () => {
    const sim = await start('fails-again');
    // The end-of-run reads alone (step-log reads more as groups end).
    const run = await act(sim, { 'step-log': 'none' });
    expect(sim.calls('BatchGetBuilds')).toHaveLength(1);
    expect(annotations(run, 'error')[0]).toBe(
      'Build group integration_tests ended FAILED: BUILD — COMMAND_EXECUTION_ERROR: Error while executing command: npm run test:integration. Reason: exit status 1',
    );
    expect(run.summary).toContain(
      '<sub>BUILD — COMMAND_EXECUTION_ERROR: Error while executing command: npm run test:integration. Reason: exit status 1</sub>',
    );
  });

  it('says once that BatchGetBuilds is not allowed, and carries on without reasons', async () => {
    const sim = await start('no-reasons');
    const run = await act(sim, {});
    expect(run.code).toBe(1);
    expect(
      annotations(run, 'warning').filter((w) => w.includes('codebuild:BatchGetBuilds')),
    ).toHaveLength(1);
    expect(annotations(run, 'error')[0]).toBe('Build group integration_tests ended FAILED');
    expect(run.summary).toContain('❌ FAILED');
  });

  it('shows each group’s duration and the step’s wall time in the summary', async () => {
    const sim = await start('retry-succeeds');
    const run = await act(sim, {});
    expect(run.summary).toMatch(/step time \d+\.\ds/);
    expect(run.summary).toMatch(
      /<td><code>integration_tests<\/code><\/td><td>✅ SUCCEEDED<br><sub>flaky: failed earlier in this batch, then passed<\/sub><\/td><td>2<\/td><td>0\.4s<\/td>/,
    );
  });
});
