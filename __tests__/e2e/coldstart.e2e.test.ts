// Every run pays for the code it loads: a green retry needs dist/index.js alone; what only some runs
// need (role-to-assume's STS client, log tails, start-batch, Octokit) is in chunks. Timings are in
// npm run bench, not here: machines are noisy.
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ACTION_ENTRY } from '../../simulator/run-action.mjs';
import { act, simulators } from './helpers.js';

const start = simulators();

/** A copy of the bundle without its chunks: a run that needs one crashes. */
function entryAlone(): string {
  const dist = join(ACTION_ENTRY, '..');
  const copy = mkdtempSync(join(tmpdir(), 'cbr-entry-only-'));
  for (const file of ['index.js', 'package.json']) copyFileSync(join(dist, file), join(copy, file));
  return join(copy, 'index.js');
}

describe('the code a run loads', () => {
  it('a green retry-and-wait run loads dist/index.js alone', async () => {
    const sim = await start('retry-succeeds');
    const run = await act(sim, {}, { entry: entryAlone() });
    expect(run.code).toBe(0);
    expect(run.outputs['batch-status']).toBe('SUCCEEDED');
  });
});
