// LocalStack's and moto's documented credentials are "test"/"test" and "testing"/"testing": values a
// redaction takes for secrets, and words that occur in group names, project names and batch ids.
// Outputs and saved state are data other steps (and the post step) read: they must come out whole.
import { scenarios } from '../../simulator/scenarios.mjs';
import { act, groupsOf, simulators } from './helpers.js';

const start = simulators();

describe('job credentials that are short, common words (a local AWS emulator\'s "test")', () => {
  it('leaves outputs and the summary whole: group names containing "test" are not garbled', async () => {
    const sim = await start('retry-succeeds', {
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    });
    const run = await act(sim, {});
    expect(run.code).toBe(0);
    expect(groupsOf(run).map((g) => g.identifier)).toEqual(
      expect.arrayContaining(['unit_tests', 'integration_tests', 'e2e_tests']),
    );
    expect(run.outputs['build-groups']).not.toContain('***');
    expect(run.summary).toContain('integration_tests');
  }, 60_000);

  it('gives batch-id as CodeBuild named it, for a project whose name holds "test"', async () => {
    const sim = await start(
      { ...scenarios['retry-succeeds'], project: 'test-suite' },
      { credentials: { accessKeyId: 'test', secretAccessKey: 'test' } },
    );
    const run = await act(sim, {});
    expect(run.code).toBe(0);
    expect(run.outputs['batch-id']).toBe(sim.batch.id);
  }, 60_000);
});
