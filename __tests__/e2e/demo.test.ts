// npm run demo is the first thing a newcomer runs: by default it must tell the story the action exists
// for (a red batch retried to green); the red diagnosis story, hostile log lines defused, comes second.
// Runs the bundle (dist/index.js, npm run build) as the demo does, at real build durations (--time-scale 1).
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const DEMO = resolve('simulator/demo.mjs');

async function demo(...args: string[]): Promise<{ code: number; out: string }> {
  const cwd = mkdtempSync(join(tmpdir(), 'demo-'));
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [DEMO, ...args], { cwd });
    return { code: 0, out: stdout };
  } catch (error) {
    const e = error as { code: number; stdout: string };
    return { code: e.code, out: e.stdout };
  }
}

describe('npm run demo', () => {
  it('by default retries a red batch to green, and exits 0', async () => {
    const { code, out } = await demo('--time-scale', '1');
    expect(code).toBe(0);
    expect(out).toContain('Scenario retry-succeeds: A batch build ended FAILED');
    expect(out).toContain('── Exit code 0 (step succeeded)');
    expect(out).toMatch(/batch-status +SUCCEEDED/);
    expect(out).not.toMatch(/^Error: /m);
    expect(out).toContain('npm run demo -- diagnosis');
  });

  it('tells the red story when asked: the step fails, and the hostile log lines stay inert', async () => {
    const { code, out } = await demo('diagnosis', '--time-scale', '1');
    expect(code).toBe(0);
    expect(out).toContain('Scenario diagnosis: A red batch that stays red');
    expect(out).toContain('── Exit code 1 (step failed)');
    // Broken up in the step log: the runner would not read them as commands.
    expect(out).toContain(': :error title=From the build::this line came from the build');
    expect(out).toContain('## [error]a legacy workflow command printed by the build');
    // The demo shows an ::error command the runner would act on as "Error: …": none from the build.
    expect(out).not.toContain('Error: this line came from the build');
  });

  it('lists the two stories first, then every scenario', async () => {
    const { code, out } = await demo('--list');
    expect(code).toBe(0);
    const stories = out.slice(out.indexOf('The two stories:'), out.indexOf('Every scenario:'));
    expect(stories).toMatch(/^ {2}npm run demo {2,}A batch build ended FAILED/m);
    expect(stories).toMatch(/^ {2}npm run demo -- diagnosis {2,}A red batch/m);
  });

  it('refuses an unknown scenario with the list', async () => {
    const { code, out } = await demo('no-such-scenario');
    expect(code).toBe(2);
    expect(out).toContain('The two stories:');
  });
});
