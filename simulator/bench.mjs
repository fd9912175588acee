// npm run bench: measures the bundled action against the local simulator and prints a table with the
// targets. Timings live here, not in the test suite: machines are noisy.
import { execFileSync, spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ncc from '@vercel/ncc';
import * as prettier from 'prettier';
import ts from 'typescript';
import { cachedNode24 } from '../scripts/node24.mjs';
import { SimulatedBatch } from './batch.mjs';
import { perSecondLines, runFleet } from './fleet.mjs';
import { startAction, ACTION_ENTRY } from './run-action.mjs';
import { scenarios } from './scenarios.mjs';
import { startSimulator } from './server.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** A count of runs from the environment, or the default. */
function runs(name, fallback) {
  const value = Number(process.env[name] ?? fallback);
  if (Number.isInteger(value) && value >= 1) return value;
  console.error(`${name} must be a whole number of runs, at least 1; it is ${process.env[name]}.`);
  process.exit(2);
}
const RUNS = runs('BENCH_RUNS', 9);
// The start moves by several milliseconds from run to run, more than any other figure: by default
// its median is taken over more runs (a run costs well under a second).
const START_RUNS = runs('BENCH_START_RUNS', process.env.BENCH_RUNS ? RUNS : 31);
// --write-docs (formerly --write-readme, still accepted): this run's table into docs/performance.md.
const WRITE_DOCS = ['--write-docs', '--write-readme'].some((flag) => process.argv.includes(flag));
// BENCH_ONLY=fleet leaves out the per-node measures: the fleet (a few minutes) and the quick rows run.
const FLEET_ONLY = process.env.BENCH_ONLY === 'fleet';
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kB = (bytes) => `${Math.round(bytes / 1000).toLocaleString('en')} kB`;
const distFiles = () => readdirSync(join(root, 'dist')).filter((f) => f.endsWith('.js'));

/** A tiny ESM resolve hook, for `--import`: writes every file the action loads to $LOADED_LOG. */
function loaderHook() {
  const dir = mkdtempSync(join(tmpdir(), 'bench-hook-'));
  writeFileSync(
    join(dir, 'hooks.mjs'),
    `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  if (resolved.url.startsWith('file:')) appendFileSync(process.env.LOADED_LOG, resolved.url + '\\n');
  return resolved;
}`,
  );
  writeFileSync(
    join(dir, 'register.mjs'),
    `import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n`,
  );
  return { register: pathToFileURL(join(dir, 'register.mjs')).href, log: join(dir, 'loaded.txt') };
}

/** Every figure for one node binary (the bundle and bare `node -e 0` both run on it). */
async function measure(node) {
  process.env.ACTION_NODE = node;
  const rows = [];
  const row = (measure, value, target, ok) => {
    rows.push({ measure, value, target, ok });
    console.error(`  ${measure}: ${value}`);
  };

  // Cold start: spawn → first request at the simulator, beside spawn → exit of bare node, taken in
  // turns so that both see the same load.
  const spawnExit = (args) =>
    new Promise((resolve) => {
      const t = performance.now();
      // The environment the action gets from run-action.mjs, not this shell's: NODE_EXTRA_CA_CERTS
      // alone makes Node 20 read a CA bundle at start (~90 ms here), which would flatter the action.
      spawn(node, args, {
        stdio: 'ignore',
        env: { PATH: process.env.PATH, HOME: process.env.HOME },
      }).on('close', () => resolve(performance.now() - t));
    });
  // Spawn → the first request the simulator sees, for the action and for the SDK alone.
  const firstRequest = async (entry) => {
    let first;
    const sim = await startSimulator({
      scenario: 'already-succeeded',
      onRequest: () => (first ??= performance.now()),
    });
    const t = performance.now();
    await startAction({ entry, inputs: { 'batch-id': sim.batch.id }, env: sim.clientEnv() }).done;
    await sim.close();
    return first - t;
  };
  const bare = [];
  const cold = [];
  const sdkCold = [];
  const conventionalCold = [];
  for (let i = 0; i < START_RUNS; i++) {
    bare.push(await spawnExit(['-e', '0']));
    cold.push(await firstRequest(ACTION_ENTRY));
    sdkCold.push(await firstRequest(SDK_BASELINE));
    conventionalCold.push(await firstRequest(CONVENTIONAL_BASELINE));
  }
  const bareMs = median(bare);
  const coldMs = median(cold);
  const sdkMs = median(sdkCold);
  const conventionalMs = median(conventionalCold);
  row(
    'cold start: spawn → first API request',
    `${coldMs.toFixed(0)} ms (bare node + ${(coldMs - bareMs).toFixed(0)} ms)`,
    '≤ bare node + 90 ms',
    coldMs <= bareMs + 90,
  );
  row('cold start: bare `node -e 0`', `${bareMs.toFixed(0)} ms`, '', undefined);
  row(
    'cold start: the AWS SDK alone (simulator/sdk-baseline.mjs: the client, one request)',
    `${sdkMs.toFixed(0)} ms (bare node + ${(sdkMs - bareMs).toFixed(0)} ms)`,
    '',
    undefined,
  );
  row(
    'cold start: a conventional build, as the official aws-codebuild-run-build is (simulator/conventional-baseline.mjs)',
    `${conventionalMs.toFixed(0)} ms (bare node + ${(conventionalMs - bareMs).toFixed(0)} ms); the action ${Math.abs(conventionalMs - coldMs).toFixed(0)} ms ${coldMs <= conventionalMs ? 'sooner' : 'later'}`,
    'the action no slower',
    coldMs <= conventionalMs,
  );

  // The code a green retry-and-wait run loads: the files its module loader resolves.
  {
    const hook = loaderHook();
    const sim = await startSimulator({ scenario: 'retry-succeeds' });
    const run = await startAction({
      inputs: { 'batch-id': sim.batch.id, 'poll-interval-seconds': '0.2' },
      env: { ...sim.clientEnv(), LOADED_LOG: hook.log },
      nodeArgs: ['--import', hook.register],
    }).done;
    await sim.close();
    const dist = pathToFileURL(join(root, 'dist')).href + '/';
    const loaded = [
      ...new Set(
        (existsSync(hook.log) ? readFileSync(hook.log, 'utf8') : '')
          .split('\n')
          .filter((url) => url.startsWith(dist)),
      ),
    ].map((url) => url.slice(dist.length));
    const bytes = loaded.reduce((sum, f) => sum + statSync(join(root, 'dist', f)).size, 0);
    row(
      'code a green retry-and-wait run loads',
      `${kB(bytes)} (${loaded.join(', ')})`,
      '≤ 800 kB',
      run.code === 0 && bytes <= 800_000,
    );
  }

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
    'detection: batch complete → step exit, 1 s polls',
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
      'API calls while waiting on a 30 s batch at 15 s polls (run at 1/10 time)',
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
      'diagnosis: last batch read → step exit',
      `${median(times).toFixed(0)} ms`,
      '≤ 1 s',
      median(times) <= 1_000,
    );
  }

  // Memory: peak RSS of whole runs, with GNU time when the machine has it.
  async function peakRss(scenario, entry = ACTION_ENTRY, inputs = {}) {
    if (!existsSync('/usr/bin/time')) return undefined;
    const sim = await startSimulator({ scenario });
    const run = await startAction({
      entry,
      inputs: { 'batch-id': sim.batch.id, 'poll-interval-seconds': '0.2', ...inputs },
      env: sim.clientEnv(),
      wrapper: ['/usr/bin/time', '-f', 'maxrss=%M'],
    }).done;
    await sim.close();
    return Number(/maxrss=(\d+)/.exec(run.stderr)?.[1]) / 1024;
  }
  for (const [label, scenario, limit, inputs] of [
    ['retry-and-wait run', 'retry-succeeds', 70],
    [
      '120-group batch, 30 failed groups with log tails and test reports',
      'diagnosis-oversize',
      100,
    ],
    [
      '500 failed groups, 1,000 log lines of 1 KB each, log-lines 1000',
      'large-red-batch',
      150,
      { 'log-lines': '1000' },
    ],
  ]) {
    const mb = await peakRss(scenario, ACTION_ENTRY, inputs);
    row(
      `memory: peak RSS, ${label}`,
      mb === undefined ? 'n/a (no /usr/bin/time)' : `${mb.toFixed(1)} MB`,
      `≤ ${limit} MB`,
      mb === undefined ? undefined : mb <= limit,
    );
  }
  const sdkMb = await peakRss('already-succeeded', SDK_BASELINE);
  row(
    'memory: peak RSS, the AWS SDK alone (simulator/sdk-baseline.mjs)',
    sdkMb === undefined ? 'n/a (no /usr/bin/time)' : `${sdkMb.toFixed(1)} MB`,
    '',
    undefined,
  );
  return rows;
}

// The SDK alone, bundled as the action is: the floor under the action's start and memory.
const SDK_BASELINE = join(root, '.cache', 'bench', 'sdk-baseline', 'index.js');
execFileSync(
  process.execPath,
  [
    join(root, 'scripts', 'build.mjs'),
    '--entry',
    join(root, 'simulator', 'sdk-baseline.mjs'),
    '--out',
    dirname(SDK_BASELINE),
  ],
  // A failed build says why on stderr.
  { stdio: ['ignore', 'ignore', 'inherit'] },
);

// The same start built the conventional way (ncc's defaults: the SDK's CommonJS builds, nothing
// deferred), as the official aws-codebuild-run-build is built: what the action's start is held against.
const CONVENTIONAL_BASELINE = join(root, '.cache', 'bench', 'conventional-baseline', 'index.js');
{
  const { code, assets } = await ncc(join(root, 'simulator', 'conventional-baseline.mjs'), {
    quiet: true,
  });
  rmSync(dirname(CONVENTIONAL_BASELINE), { recursive: true, force: true });
  for (const [name, file] of [['index.js', { source: code }], ...Object.entries(assets)]) {
    mkdirSync(dirname(join(dirname(CONVENTIONAL_BASELINE), name)), { recursive: true });
    writeFileSync(join(dirname(CONVENTIONAL_BASELINE), name), file.source);
  }
}

// The local node, and Node 24, the runtime the action ships for (node scripts/node24.mjs fetches it).
const node24 = cachedNode24();
const nodes = [...new Set([node24, process.execPath].filter(Boolean))];
if (!node24)
  console.error('Node 24 is not in .cache/node24: run node scripts/node24.mjs to bench it.');
const versions = nodes.map((node) =>
  execFileSync(node, ['--version'], { encoding: 'utf8' }).trim(),
);
const perNode = [];
for (const [i, node] of FLEET_ONLY ? [] : nodes.entries()) {
  console.error(`node ${versions[i]}:`);
  perNode.push(await measure(node));
}

// Bundle sizes and the summary renderer do not depend on the node that runs them.
const shared = [];
const row = (measure, value, target, ok) => {
  shared.push({ measure, value, target, ok });
  console.error(`  ${measure}: ${value}`);
};
const chunks = distFiles().filter((f) => f !== 'index.js');
row('bundle: dist/index.js', kB(statSync(ACTION_ENTRY).size), '', undefined);
row(
  'bundle: lazily loaded chunks',
  `${kB(chunks.reduce((sum, f) => sum + statSync(join(root, 'dist', f)).size, 0))} in ${chunks.length} files`,
  '',
  undefined,
);

// Summary: render time and size for a 120-group batch, with the project's own renderer.
{
  // Inside the repository (.cache/), so that the transpiled modules resolve the packages they import.
  mkdirSync(join(root, '.cache'), { recursive: true });
  const out = mkdtempSync(join(root, '.cache', 'bench-src-'));
  // src/ and its folders (src/report/, src/steps/, …), as plain JavaScript beside each other.
  const sources = readdirSync(join(root, 'src'), { recursive: true }).filter((f) =>
    f.endsWith('.ts'),
  );
  for (const file of sources) {
    const source = readFileSync(join(root, 'src', file), 'utf8');
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    });
    mkdirSync(dirname(join(out, file)), { recursive: true });
    writeFileSync(join(out, file.replace(/\.ts$/, '.js')), outputText);
  }
  const { renderSummary } = await import(pathToFileURL(join(out, 'report', 'summary.js')));
  const { describeBatch } = await import(pathToFileURL(join(out, 'report', 'outcome.js')));
  const sim = new SimulatedBatch(scenarios['hundred-groups'], {
    region: 'us-east-1',
    account: '123456789012',
    number: 1,
    now: Date.now(),
  });
  const outcome = describeBatch(sim.describe(Date.now()));
  const input = {
    outcome,
    headline: 'Retried once (RETRY_FAILED_BUILDS); the batch ended FAILED.',
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

// A fleet under one account's throttle: 40 steps polling every 2 s (20 requests/s wanted) against an
// account budget of 10 requests/s, their batches ending one after another from 90 s after the start
// to 180 s (a third fail and pass on retry, a third fail again). Run once, on the action's runtime.
{
  process.env.ACTION_NODE = node24 ?? process.execPath;
  const STEPS = 40;
  const RATE = 10;
  const POLL_S = 2;
  const { figures: f } = await runFleet({
    steps: STEPS,
    budget: { ratePerSecond: RATE, burst: RATE },
    pollSeconds: POLL_S,
    firstEndMs: 90_000,
    lastEndMs: 180_000,
    log: (line) => console.error(line),
  });
  console.error(`  CodeBuild requests per second from the first (all/throttled):`);
  for (const line of perSecondLines(f.perSecond)) console.error(line);
  const label = `fleet: ${STEPS} steps at ${POLL_S} s polls, one account allowing ${RATE} requests/s`;
  row(
    `${label}: steps that ended as their batch did`,
    `${STEPS - f.wrong} of ${STEPS}; ${f.failedByThrottling} failed from throttling`,
    'all; none from throttling',
    f.wrong === 0 && f.failedByThrottling === 0,
  );
  row(
    `${label}: CodeBuild requests`,
    `${f.requests} in ${f.seconds} s (${f.meanRate.toFixed(1)}/s), ${f.throttled} throttled; busiest second ${f.peak}`,
    '',
    undefined,
  );
  row(
    `${label}: request rate (throttled included) within the budget in every ${f.windowSeconds} s window, from`,
    `${f.settledWhileAllWaitAt ?? 'never'} s after the first request while all ${STEPS} wait (the first batch ends at ${f.thinsAt.toFixed(0)} s); to the end: from ${f.settledAt ?? 'never'} s`,
    '≤ 60 s, while all wait',
    f.settledWhileAllWaitAt !== undefined && f.settledWhileAllWaitAt <= 60,
  );
  const s = (ms) => `${(ms / 1000).toFixed(1)} s`;
  row(
    `${label}: detection, batch run complete (or the account's last refusal of the step's poll after it) → the step's first read that sees it, for runs ending once under the budget`,
    f.detection.judged === 0
      ? 'none judged'
      : `median ${s(f.detection.medianMs)}, p95 ${s(f.detection.p95Ms)}, worst ${s(f.detection.worstMs)} of ${f.detection.judged} (from the run's end whatever the account did: worst ${s(f.detection.worstSinceEndMs)}; longest a step left its ended batch unread: ${s(f.detection.worstGapMs)}; to the step's retry or exit: worst ${s(f.detection.worstActedMs)})`,
    `≤ 2 × ${POLL_S} s + 5 s`,
    f.detection.judged > 0 && f.detection.over === 0,
  );
}

const mark = (ok) => (ok === undefined ? '' : ok ? ' ✅' : ' ❌');
const lines = [
  `| Measure | ${versions.map((v) => `Node ${v}`).join(' | ')} | Target |`,
  `| --- | ${versions.map(() => '---').join(' | ')} | --- |`,
  ...(perNode[0] ?? []).map(
    (r, i) =>
      `| ${r.measure} | ${perNode.map((rows) => `${rows[i].value}${mark(rows[i].ok)}`).join(' | ')} | ${r.target} |`,
  ),
  ...shared.map(
    (r) =>
      `| ${r.measure} | ${versions.map(() => `${r.value}${mark(r.ok)}`).join(' | ')} | ${r.target} |`,
  ),
];
const [load1] = loadavg();
const context = `Command: \`npm run bench\` (${cpus().length} cores, load average ${load1.toFixed(1)} at the end, medians of ${RUNS} runs, of ${START_RUNS} for the start; bare node's own start shows how loaded the machine was).`;
console.log(`\n${context}\n\n${lines.join('\n')}`);
const failed = [...perNode.flat(), ...shared].some((r) => r.ok === false);
if (failed) process.exitCode = 1;

// --write-docs: docs/performance.md's table is this run's, between its bench markers.
if (WRITE_DOCS) {
  const docPath = join(root, 'docs', 'performance.md');
  const doc = readFileSync(docPath, 'utf8');
  const [head, rest] = doc.split('<!-- bench:start -->');
  const tail = rest?.split('<!-- bench:end -->')[1];
  if (tail === undefined)
    throw new Error(
      'docs/performance.md has no <!-- bench:start --> … <!-- bench:end --> markers.',
    );
  const text = `${head}<!-- bench:start -->\n\n${context}\n\n${lines.join('\n')}\n\n<!-- bench:end -->${tail}`;
  const options = { ...(await prettier.resolveConfig(docPath)), filepath: docPath };
  writeFileSync(docPath, await prettier.format(text, options));
  console.error('docs/performance.md: performance table written.');
}
