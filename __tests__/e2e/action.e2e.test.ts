// The bundled action (dist/index.js), run as a runner runs it, against the simulator over HTTP with
// SigV4: one scenario each.
import { PLAINTEXT_SECRET } from '../../simulator/scenarios.mjs';
import { act, annotations, groupsOf, simulators } from './helpers.js';
import { batchConsoleUrl } from '../../src/report/links.js';

const simulatorFor = simulators();

describe('dist/index.js against the simulator', () => {
  it('retries a failed batch, waits for it and reports success', async () => {
    const sim = await simulatorFor('retry-succeeds');
    const run = await act(sim, {});
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({
      'batch-id': sim.batch.id,
      'batch-arn': sim.batch.arn,
      'batch-status': 'SUCCEEDED',
      'build-batch-number': '1',
      attempts: '1',
      'failed-build-groups': '[]',
    });
    expect(groupsOf(run).find((g) => g.identifier === 'integration_tests')).toMatchObject({
      status: 'SUCCEEDED',
      attempts: 2,
      dependsOn: ['build'],
      ignoreFailure: false,
    });
    const retry = sim.calls('RetryBuildBatch');
    expect(retry).toHaveLength(1);
    expect(retry[0]!.body).toEqual({
      id: sim.batch.id,
      retryType: 'RETRY_FAILED_BUILDS',
      idempotencyToken: expect.stringMatching(/^gh-[0-9a-f]{40}$/),
    });
    expect(run.summary).toContain(': SUCCEEDED</h2>');
    expect(run.summary).toContain('```mermaid');
    expect(run.stdout).toContain('  integration_tests: IN_PROGRESS → SUCCEEDED');
    expect(run.stderr).toBe('');
  });

  it('fails when the retry fails again: exit code, outputs, annotations with the reason', async () => {
    const sim = await simulatorFor('fails-again');
    // The end-of-run reads alone (step-log reads more as groups end).
    const run = await act(sim, { 'step-log': 'none' });
    expect(run.code).toBe(1);
    expect(run.outputs['batch-status']).toBe('FAILED');
    expect(run.outputs).toMatchObject({
      'failed-build-groups': '["integration_tests"]',
      'not-run-build-groups': '["e2e_tests","package"]',
      'ignored-build-groups': '["lint"]',
    });
    expect(annotations(run, 'error')).toEqual([
      'Build group integration_tests ended FAILED: BUILD — COMMAND_EXECUTION_ERROR: Error while executing command: npm run test:integration. Reason: exit status 1',
      'Build group e2e_tests did not run: integration_tests failed',
      'Build group package did not run: integration_tests failed',
      `Batch build ${sim.batch.id} ended FAILED; failed build groups: integration_tests; not run as a result: e2e_tests, package; lint failed too, but it is marked ignore-failure, so it does not fail the batch.`,
    ]);
    expect(annotations(run, 'warning')[0]).toMatch(
      /^Build group lint ended FAILED \(ignore-failure/,
    );
    expect(run.summary).toContain('npm run test:integration');
    expect(sim.calls('BatchGetBuilds')).toHaveLength(1);
  });

  it('succeeds when only an ignore-failure group fails', async () => {
    const sim = await simulatorFor('ignore-failure-only');
    const run = await act(sim, {});
    expect(run.code).toBe(0);
    expect(run.outputs['batch-status']).toBe('SUCCEEDED');
    expect(run.outputs['failed-build-groups']).toBe('[]');
    expect(run.outputs['ignored-build-groups']).toBe('["lint"]');
    expect(annotations(run, 'error')).toEqual([]);
  });

  it('returns as soon as the retry is accepted with wait: false', async () => {
    const sim = await simulatorFor('long-running');
    const run = await act(sim, { wait: 'false' });
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ 'batch-status': 'IN_PROGRESS', attempts: '1' });
    expect(sim.calls().map((r) => r.operation)).toEqual([
      'BatchGetBuildBatches',
      'RetryBuildBatch',
    ]);
  });

  it('with wait: false, names no group as failed, not run or ignored: the retried groups run again', async () => {
    // CodeBuild answers a retry with the groups' previous outcomes: a later step must not read them as
    // the outcome of the retry it just asked for.
    const sim = await simulatorFor('retry-succeeds');
    const run = await act(sim, { wait: 'false' });
    expect(run.code).toBe(0);
    for (const name of [
      'build-groups',
      'failed-build-groups',
      'not-run-build-groups',
      'ignored-build-groups',
      'flaky-build-groups',
    ])
      expect(run.outputs[name]).toBeUndefined();
    expect(run.summary).toContain('Build group statuses are from before the retry');
  });

  it('fails naming the id and region when the batch does not exist', async () => {
    const sim = await simulatorFor('retry-succeeds');
    const run = await act(sim, { 'batch-id': 'web-app:00000000-0000-0000-0000-000000000000' });
    expect(run.code).toBe(1);
    expect(annotations(run, 'error')).toEqual([
      'Batch build web-app:00000000-0000-0000-0000-000000000000 was not found in us-east-1: check "batch-id" (a batch build id, from the project\'s Batch history, not a build id) and the region (aws-region, or the ARN\'s).',
    ]);
    expect(sim.calls('RetryBuildBatch')).toHaveLength(0);
  });

  it.each([
    ['retrying its newest failed batch', 'ListBuildBatchesForProject', {}],
    ['starting a batch', 'StartBuildBatch', { 'start-batch': 'true' }],
  ])(
    'fails naming "project-name" and the region when the project does not exist (%s)',
    async (_, operation, inputs) => {
      const sim = await simulatorFor('retry-succeeds');
      const run = await act(sim, { 'batch-id': '', 'project-name': 'web-ap', ...inputs });
      expect(run.code).toBe(1);
      expect(annotations(run, 'error')).toEqual([
        expect.stringMatching(
          new RegExp(
            `^Project web-ap was not found in us-east-1: check "project-name" and the region \\(aws-region\\)\\. CodeBuild ${operation} failed: ResourceNotFoundException: .+ \\(request id [0-9a-f-]{36}\\)\\.$`,
          ),
        ),
      ]);
      expect(sim.calls('RetryBuildBatch')).toHaveLength(0);
    },
  );

  it('does nothing to a batch that already succeeded', async () => {
    const sim = await simulatorFor('already-succeeded');
    const run = await act(sim, {});
    expect(run.code).toBe(0);
    expect(annotations(run, 'notice')).toEqual([
      `Batch ${sim.batch.id} already SUCCEEDED: nothing to retry.`,
    ]);
    expect(run.outputs).toMatchObject({ attempts: '0', 'batch-status': 'SUCCEEDED' });
    expect(sim.calls('RetryBuildBatch')).toHaveLength(0);
  });

  it('waits for a running batch, then retries it when it fails', async () => {
    const sim = await simulatorFor('running-then-fails');
    const run = await act(sim, {});
    expect(run.code).toBe(0);
    const ops = sim.calls().map((r) => r.operation);
    expect(ops.indexOf('RetryBuildBatch')).toBeGreaterThan(1);
    expect(run.outputs).toMatchObject({ attempts: '1', 'batch-status': 'SUCCEEDED' });
  });

  it('passes on a refused retry with the service code, message and request id', async () => {
    const sim = await simulatorFor('refused');
    const run = await act(sim, {});
    expect(run.code).toBe(1);
    const refusal = sim.calls('RetryBuildBatch')[0]!;
    expect(annotations(run, 'error')).toEqual([
      `CodeBuild RetryBuildBatch failed: InvalidInputException: Batch build cannot be retried: the project was deleted. (request id ${refusal.requestId})`,
    ]);
  });

  // A token the user fixed (say, the run id) and reused by a second step for another batch: CodeBuild
  // refuses it for five minutes. The user can act, so the failure says which input and what to do.
  it('names idempotency-token when CodeBuild refuses a retry sent with the token the user gave', async () => {
    const sim = await simulatorFor('retry-succeeds');
    const other = sim.addBatch({ initial: { groups: { integration_tests: 'FAILED' } } });
    const token = { 'idempotency-token': 'run-4242' };
    expect((await act(sim, token)).code).toBe(0);
    const run = await act(sim, { ...token, 'batch-id': other.id });
    expect(run.code).toBe(1);
    const refusal = sim.calls('RetryBuildBatch')[1]!;
    expect(refusal.error).toBe('InvalidInputException');
    const [error] = annotations(run, 'error');
    expect(error).toContain(
      `CodeBuild RetryBuildBatch failed: InvalidInputException: The idempotency token was already used with different parameters. (request id ${refusal.requestId})`,
    );
    expect(error).toMatch(
      /Input "idempotency-token" is set: CodeBuild refuses a token used in the last five minutes for another batch or retry type; give each step its own token, or leave the input out to have one derived\.$/,
    );
    expect(run.summary).toContain(
      'Input &#34;idempotency-token&#34; is set: CodeBuild refuses a token',
    );
  });

  it('takes batch-id and retry-type from the workflow_dispatch inputs', async () => {
    const sim = await simulatorFor('retry-succeeds');
    const run = await act(
      sim,
      { 'batch-id': '' },
      {
        eventName: 'workflow_dispatch',
        event: { inputs: { 'batch-id': sim.batch.id, 'retry-type': 'retry_all_builds' } },
      },
    );
    expect(run.code).toBe(0);
    expect(sim.calls('RetryBuildBatch')[0]!.body).toMatchObject({
      id: sim.batch.id,
      retryType: 'RETRY_ALL_BUILDS',
    });
  });

  it('names a form input spelled batch_id or retry_type, which it does not read, and how to pass it', async () => {
    const sim = await simulatorFor('retry-succeeds');
    const dispatch = (inputs: Record<string, string>) =>
      act(sim, { 'batch-id': '' }, { eventName: 'workflow_dispatch', event: { inputs } });
    const lost = await dispatch({ batch_id: sim.batch.id });
    expect(lost.code).toBe(1);
    const notRead = (given: string, name: string) =>
      `The dispatch form's input "${given}" is not read: the action reads the form's "${name}". Rename the form's input to ${name}, or pass it in the step's "with:" as ${name}: \${{ inputs.${given} }}.`;
    expect(annotations(lost, 'error')).toEqual([notRead('batch_id', 'batch-id')]);
    expect(lost.summary).toContain('not read: the action reads the form&#39;s &#34;batch-id&#34;');
    expect(sim.calls('RetryBuildBatch')).toHaveLength(0);

    const kept = await dispatch({ 'batch-id': sim.batch.id, retryType: 'RETRY_ALL_BUILDS' });
    expect(kept.code).toBe(0);
    expect(annotations(kept, 'warning')).toEqual([notRead('retryType', 'retry-type')]);
    expect(sim.calls('RetryBuildBatch')[0]!.body).toMatchObject({
      retryType: 'RETRY_FAILED_BUILDS',
    });
  });

  it('says so when the form’s batch-id is set aside by the step’s own project-name', async () => {
    const sim = await simulatorFor('project-history');
    const pasted = sim.batches.find((b) => b.number === 2)!.id;
    const run = await act(
      sim,
      { 'batch-id': '', 'project-name': 'web-app' },
      { eventName: 'workflow_dispatch', event: { inputs: { 'batch-id': pasted } } },
    );
    expect(run.code).toBe(0);
    expect(annotations(run, 'notice')).toContain(
      `The dispatch form's batch-id "${pasted}" is not used: this step sets project-name itself. To use the form's, leave project-name out of the step's "with:".`,
    );
  });

  it('takes the batch’s console page as batch-id, as people copy it from the address bar', async () => {
    const sim = await simulatorFor('retry-succeeds');
    const page = batchConsoleUrl(sim.batch.arn)!;
    const run = await act(
      sim,
      { 'batch-id': '' },
      { eventName: 'workflow_dispatch', event: { inputs: { 'batch-id': page } } },
    );
    expect(run.code).toBe(0);
    expect(sim.calls('RetryBuildBatch')[0]!.body).toMatchObject({ id: sim.batch.id });
    expect(run.outputs['batch-id']).toBe(sim.batch.id);
  });

  it('retries once when the same step runs twice with the same token', async () => {
    const sim = await simulatorFor('fails-again');
    await act(sim, { 'fail-on-batch-failure': 'false' });
    const second = await act(sim, { 'fail-on-batch-failure': 'false' });
    const [first, again] = sim.calls('RetryBuildBatch');
    expect(again!.body!.idempotencyToken).toBe(first!.body!.idempotencyToken);
    // The repeated token does not start another run: the batch had one retry in all.
    expect(groupsOf(second).find((g) => g.identifier === 'integration_tests')!.attempts).toBe(2);
  });

  it('never prints a clear-text environment variable, debug logging included', async () => {
    const sim = await simulatorFor('fails-again');
    const run = await act(sim, {}, { env: { ...sim.clientEnv(), RUNNER_DEBUG: '1' } });
    const everything = [
      run.stdout,
      run.stderr,
      run.summary,
      JSON.stringify(run.outputs),
      JSON.stringify(run.state),
    ].join('\n');
    expect(everything).not.toContain(PLAINTEXT_SECRET);
    expect(everything).not.toContain(sim.credentials.secretAccessKey);
    expect(run.stdout).toContain('::debug::');
  });
});
