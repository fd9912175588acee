// @github/local-action runs the TypeScript entry (src/main.ts, not the bundle) with the variables of
// .env.example, as the README suggests: the outputs and the job summary must come out as on a runner.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { scenarios } from '../../simulator/scenarios.mjs';
import { simulators, type Simulator } from './helpers.js';

const execFileAsync = promisify(execFile);
const start = simulators();

/** .env.example's variables, in order. */
function envExample(): Map<string, string> {
  const lines = readFileSync('.env.example', 'utf8').split('\n');
  return new Map(
    lines
      .filter((line) => /^[A-Z][\w-]*=/.test(line))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}

/** Runs `npx local-action run . src/main.ts <env file>`: its exit code, log and outputs. */
async function localAction(variables: Map<string, string>) {
  const envFile = join(mkdtempSync(join(tmpdir(), 'local-action-')), '.env');
  writeFileSync(envFile, [...variables].map(([name, value]) => `${name}=${value}`).join('\n'));
  let code = 0;
  let stdout: string;
  try {
    ({ stdout } = await execFileAsync('npx', ['local-action', 'run', '.', 'src/main.ts', envFile], {
      // Only what npx needs: everything the action sees comes from the env file.
      env: { PATH: process.env.PATH, HOME: process.env.HOME },
      maxBuffer: 16 * 1024 * 1024,
    }));
  } catch (error) {
    const failure = error as { code?: number; stdout?: string };
    code = failure.code ?? -1;
    stdout = failure.stdout ?? '';
  }
  const outputs = Object.fromEntries(
    [...stdout.matchAll(/^::set-output name=([\w-]+)::(.*)$/gm)].map((m) => [m[1], m[2]]),
  );
  return { code, stdout, outputs };
}

describe('@github/local-action with .env.example', () => {
  const example = envExample();
  let sim: Simulator;
  let variables: Map<string, string>;
  beforeAll(async () => {
    // The batch .env.example names, as `npm run simulator -- … --id …` would serve it.
    sim = await start({ ...scenarios['retry-succeeds'], id: example.get('INPUT_BATCH-ID') });
  });
  beforeEach(() => {
    variables = new Map(example).set('AWS_ENDPOINT_URL_CODEBUILD', sim.endpoint);
  });

  it('names the job summary file and keeps the SDK off the instance metadata service', () => {
    expect(example.get('GITHUB_STEP_SUMMARY')).toBeTruthy();
    expect(example.get('AWS_EC2_METADATA_DISABLED')).toBe('true');
  });

  it('retries the batch: outputs printed, job summary written', async () => {
    const summary = join(mkdtempSync(join(tmpdir(), 'local-action-')), 'summary.md');
    const run = await localAction(variables.set('GITHUB_STEP_SUMMARY', summary));
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({
      'batch-id': example.get('INPUT_BATCH-ID'),
      'batch-status': 'SUCCEEDED',
      attempts: '1',
      'failed-build-groups': '[]',
    });
    const markdown = readFileSync(summary, 'utf8');
    expect(markdown).toContain(example.get('INPUT_BATCH-ID'));
    expect(markdown).toContain('SUCCEEDED');
    expect(markdown).toContain('```mermaid');
  }, 120_000);

  it('says in one line that there is no job summary when GITHUB_STEP_SUMMARY is unset', async () => {
    variables.delete('GITHUB_STEP_SUMMARY');
    const run = await localAction(variables);
    expect(run.code).toBe(0);
    expect(run.outputs['batch-status']).toBe('SUCCEEDED');
    expect(
      run.stdout.match(/No job summary written: GITHUB_STEP_SUMMARY is not set/g),
    ).toHaveLength(1);
  }, 120_000);
});
