// Batches live in a region: the wrong-region mistake must be reproducible against the simulator.
import { scenarios } from '../../simulator/scenarios.mjs';
import { act, annotations, simulators } from './helpers.js';

const start = simulators();

describe('regions', () => {
  it('a batch created in us-east-1 is not found from eu-west-1, and the step says where it looked', async () => {
    const sim = await start('retry-succeeds', { region: 'us-east-1' });
    const run = await act(sim, { 'aws-region': 'eu-west-1' });
    expect(run.code).toBe(1);
    expect(annotations(run, 'error').join('\n')).toContain(
      `Batch build ${sim.batch.id} was not found in eu-west-1`,
    );
    expect(sim.calls('RetryBuildBatch')).toHaveLength(0);
    const reads = sim.calls('BatchGetBuildBatches');
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.every((r) => r.region === 'eu-west-1')).toBe(true);
  });

  it('the same batch is found and retried from its own region', async () => {
    const sim = await start('retry-succeeds', { region: 'us-east-1' });
    const run = await act(sim, { 'aws-region': 'us-east-1' });
    expect(run.code).toBe(0);
    expect(sim.calls('RetryBuildBatch')).toHaveLength(1);
  });

  it('project-name in another region: the project is not found there', async () => {
    const sim = await start('project-history', { region: 'us-east-1' });
    const run = await act(sim, {
      'batch-id': '',
      'project-name': 'web-app',
      'aws-region': 'eu-west-1',
    });
    expect(run.code).toBe(1);
    const list = sim.calls('ListBuildBatchesForProject');
    expect(list.at(-1)).toMatchObject({ region: 'eu-west-1', error: 'ResourceNotFoundException' });
    expect(sim.calls('RetryBuildBatch')).toHaveLength(0);
  });

  it('one simulator, batches in two regions: project-name retries the failed batch of its own region', async () => {
    const base = scenarios['project-history'] as Record<string, unknown>;
    const sim = await start({
      ...base,
      // Batch 1, in eu-west-1, failed; batch 2, the newest, in us-east-1, failed too.
      history: [{ region: 'eu-west-1', initial: { groups: { integration_tests: 'FAILED' } } }],
    });
    const euWest = sim.batches.find((b) => b.number === 1)!;
    const usEast = sim.batches.find((b) => b.number === 2)!;
    expect(euWest.arn).toContain(':eu-west-1:');
    expect(usEast.arn).toContain(':us-east-1:');
    const run = await act(sim, {
      'batch-id': '',
      'project-name': 'web-app',
      'aws-region': 'eu-west-1',
    });
    expect(run.code).toBe(0);
    expect(sim.calls('RetryBuildBatch').map((r) => r.body!.id)).toEqual([euWest.id]);
  });
});
