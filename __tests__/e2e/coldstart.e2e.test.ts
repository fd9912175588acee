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

/**
 * Preloaded into the action's node: the Node modules loaded by the time it opens its first
 * connection (the first request), on stderr.
 */
const REPORT_MODULES_AT_FIRST_REQUEST = `data:text/javascript;base64,${Buffer.from(
  "import { writeSync } from 'node:fs';\nimport net from 'node:net';\nconst connect = net.Socket.prototype.connect;\nlet told = false;\nnet.Socket.prototype.connect = function (...args) {\n  if (!told) writeSync(2, `\\nmodules-at-first-request=${JSON.stringify(process.moduleLoadList)}\\n`);\n  told = true;\n  return connect.apply(this, args);\n};\n",
).toString('base64')}`;

describe('the code a run loads', () => {
  it('a green retry-and-wait run loads dist/index.js alone', async () => {
    const sim = await start('retry-succeeds');
    const run = await act(sim, {}, { entry: entryAlone() });
    expect(run.code).toBe(0);
    expect(run.outputs['batch-status']).toBe('SUCCEEDED');
  });

  // Each costs 0.2 to 2.5 ms of the start (npm run bench): the first read of the global `performance`
  // loads perf_hooks and its timing modules; the clock's sleep needs timers/promises only later.
  it('loads neither perf_hooks nor timers/promises before its first request', async () => {
    const sim = await start('retry-succeeds');
    const run = await act(sim, {}, { nodeArgs: ['--import', REPORT_MODULES_AT_FIRST_REQUEST] });
    expect(run.code).toBe(0);
    const loaded = JSON.parse(
      /modules-at-first-request=(.*)/.exec(run.stderr)?.[1] ?? 'null',
    ) as string[];
    expect(loaded).toContain('NativeModule net');
    expect(loaded.filter((m) => /^NativeModule (perf_hooks|timers\/promises)$/.test(m))).toEqual(
      [],
    );
  });
});
