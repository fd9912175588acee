// npm run bench: measures the bundled action against the local simulator and prints a table with the
// targets. Timings live here, not in the test suite: machines are noisy.
import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { SimulatedBatch } from './batch.mjs';
import { startAction, ACTION_ENTRY } from './run-action.mjs';
import { scenarios } from './scenarios.mjs';
import { startSimulator } from './server.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = [];
const row = (measure, value, target, ok) => {
  rows.push({ measure, value, target, ok });
  console.error(`  ${measure}: ${value}`);
};

// Bundle.
const distBytes = readdirSync(join(root, 'dist'))
  .filter((f) => !f.endsWith('.map'))
  .reduce((sum, f) => sum + statSync(join(root, 'dist', f)).size, 0);
const indexBytes = statSync(ACTION_ENTRY).size;
row(
  'bundle: dist/index.js',
  `${indexBytes.toLocaleString('en')} B`,
  '≤ 1.1 MB',
  indexBytes <= 1_100_000,
);
row('bundle: all of dist/ (no maps)', `${distBytes.toLocaleString('en')} B`, '', undefined);
// Chunks ncc splits off for what only some runs need (CloudWatch Logs for log tails): a green run never loads them.
const chunkBytes = readdirSync(join(root, 'dist'))
  .filter((f) => /^\d+\.index\.js$/.test(f))
  .reduce((sum, f) => sum + statSync(join(root, 'dist', f)).size, 0);
row(
  'bundle: lazily loaded chunks (log tails)',
  `${chunkBytes.toLocaleString('en')} B`,
  '',
  undefined,
);

// Cold start: spawn → first request at the simulator, beside spawn → exit of bare node.
function spawnExit(args) {
  return new Promise((resolve) => {
    const t = performance.now();
    spawn(process.execPath, args, { stdio: 'ignore' }).on('close', () =>
      resolve(performance.now() - t),
    );
  });
}
const bare = [];
for (let i = 0; i < RUNS; i++) bare.push(await spawnExit(['-e', '0']));
const cold = [];
for (let i = 0; i < RUNS; i++) {
  let first;
  const sim = await startSimulator({
    scenario: 'already-succeeded',
    onRequest: () => (first ??= performance.now()),
  });
  const t = performance.now();
  await startAction({ inputs: { 'batch-id': sim.batch.id }, env: sim.clientEnv() }).done;
  cold.push(first - t);
  await sim.close();
}
const bareMs = median(bare);
const coldMs = median(cold);
row(
  'cold start: spawn → first API request (median)',
  `${coldMs.toFixed(0)} ms`,
  `≤ bare node + 60 ms`,
  coldMs <= bareMs + 60,
);
row('cold start: bare `node -e 0` (median)', `${bareMs.toFixed(0)} ms`, '', undefined);

// Detection: batch complete → step exit, at a 1 s poll interval.
const detection = [];
for (let i = 0; i < RUNS; i++) {
  const sim = await startSimulator({ scenario: 'retry-succeeds', timeScale: 3 });
  const run = await startAction({
    inputs: { 'batch-id': sim.batch.id, 'poll-interval-seconds': '1' },
    env: sim.clientEnv(),
  }).done;
  detection.push(run.endedAt - sim.batch.endAt());
  await sim.close();
}
const detectMs = median(detection);
row(
  'detection: batch complete → step exit, 1 s polls (median)',
  `${detectMs.toFixed(0)} ms`,
  '≤ 1 s + 250 ms',
  detectMs <= 1_250,
);

// API calls for a 30 s batch at the default 15 s interval, run at 1/10 time: 3 s batch, 1.5 s polls.
{
  const sim = await startSimulator({
    scenario: {
      ...scenarios['retry-succeeds'],
      retries: [{ integration_tests: { status: 'SUCCEEDED', ms: 3_000 } }],
      durationMs: 0,
    },
  });
  await startAction({
    inputs: { 'batch-id': sim.batch.id, 'poll-interval-seconds': '1.5' },
    env: sim.clientEnv(),
  }).done;
  const reads = sim.calls('BatchGetBuildBatches').length - 1;
  const ops = sim.calls().map((r) => r.operation);
  const perGroup = ops.filter((o) => o === 'BatchGetBuilds').length;
  await sim.close();
  row(
    'API calls while waiting on a 30 s batch at 15 s polls',
    `${reads} BatchGetBuildBatches (+1 read before, 1 retry, ${perGroup} BatchGetBuilds after)`,
    '1 per poll, none per group',
    reads <= 3 && perGroup === 1,
  );
}

// The diagnosis of a red batch: its reads, once, after the batch is final, and the time they add.
{
  const times = [];
  let calls = '';
  for (let i = 0; i < RUNS; i++) {
    const sim = await startSimulator({ scenario: 'diagnosis' });
    const run = await startAction({
      inputs: { 'batch-id': sim.batch.id, 'poll-interval-seconds': '0.2' },
      env: sim.clientEnv(),
    }).done;
    times.push(run.endedAt - sim.calls('BatchGetBuildBatches').at(-1).at);
    const count = (op) => sim.calls(op).length;
    calls = `${count('BatchGetBuilds')} BatchGetBuilds, ${count('BatchGetReports')} BatchGetReports, ${count('DescribeTestCases')} DescribeTestCases, ${count('GetLogEvents')} GetLogEvents`;
    await sim.close();
  }
  row('diagnosis: reads after a red batch (scenario diagnosis)', calls, '', undefined);
  row(
    'diagnosis: last batch read → step exit (median)',
    `${median(times).toFixed(0)} ms`,
    '≤ 1 s',
    median(times) <= 1_000,
  );
}

// Memory: peak RSS of whole runs, with GNU time when the machine has it.
async function peakRss(scenario) {
  if (!existsSync('/usr/bin/time')) return undefined;
  const sim = await startSimulator({ scenario });
  const run = await startAction({
    inputs: { 'batch-id': sim.batch.id, 'poll-interval-seconds': '0.2' },
    env: sim.clientEnv(),
    wrapper: ['/usr/bin/time', '-f', 'maxrss=%M'],
  }).done;
  await sim.close();
  return Number(/maxrss=(\d+)/.exec(run.stderr)?.[1]) / 1024;
}
for (const [label, scenario] of [
  ['retry-and-wait run', 'retry-succeeds'],
  ['120-group batch', 'hundred-groups'],
  ['red batch diagnosed (log tail, tests)', 'diagnosis'],
]) {
  const mb = await peakRss(scenario);
  row(
    `memory: peak RSS, ${label}`,
    mb === undefined ? 'n/a (no /usr/bin/time)' : `${mb.toFixed(1)} MB`,
    '≤ 80 MB',
    mb === undefined ? undefined : mb <= 80,
  );
}

// Summary: render time and size for a 120-group batch, with the project's own renderer.
{
  const out = mkdtempSync(join(tmpdir(), 'bench-src-'));
  for (const file of readdirSync(join(root, 'src'))) {
    const source = readFileSync(join(root, 'src', file), 'utf8');
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    });
    writeFileSync(join(out, file.replace(/\.ts$/, '.js')), outputText);
  }
  const { renderSummary } = await import(pathToFileURL(join(out, 'summary.js')));
  const { describeBatch } = await import(pathToFileURL(join(out, 'outcome.js')));
  const sim = new SimulatedBatch(scenarios['hundred-groups'], {
    region: 'us-east-1',
    account: '123456789012',
    number: 1,
    now: Date.now(),
  });
  const outcome = describeBatch(sim.describe(Date.now()));
  const input = {
    outcome,
    headline: 'Retried 1 time (RETRY_FAILED_BUILDS); the batch ended FAILED.',
    attempts: [{ attempt: 1, result: 'FAILED' }],
    elapsedMs: 1000,
  };
  for (let i = 0; i < 20; i++) renderSummary(input);
  const times = [];
  let text = '';
  for (let i = 0; i < 51; i++) {
    const t = performance.now();
    text = renderSummary(input);
    times.push(performance.now() - t);
  }
  const bytes = Buffer.byteLength(text);
  row(
    `summary: size, ${outcome.groups.length} groups`,
    `${(bytes / 1024).toFixed(1)} KiB`,
    '< 100 KB',
    bytes < 100_000,
  );
  row(
    `summary: render time, ${outcome.groups.length} groups (median)`,
    `${median(times).toFixed(2)} ms`,
    '< 20 ms',
    median(times) < 20,
  );
}

const mark = (ok) => (ok === undefined ? '' : ok ? '✅' : '❌');
console.log(`\nnode ${process.version}, ${RUNS} runs per median\n`);
console.log('| Measure | Value | Target | |');
console.log('| --- | --- | --- | --- |');
for (const r of rows) console.log(`| ${r.measure} | ${r.value} | ${r.target} | ${mark(r.ok)} |`);
if (rows.some((r) => r.ok === false)) process.exitCode = 1;
