// node simulator/profile.mjs [scenario]: where a run's time and the bundle's bytes go, by package.
// Builds a source-mapped, unminified copy of the bundle into .cache/profile (scripts/build.mjs), runs
// it against the simulator with `node --cpu-prof` (ACTION_NODE picks the node), and prints self time
// per package (samples inside node's own modules count for the nearest bundle frame that called them)
// and the bytes each package adds to index.js. The .cpuprofile opens in Chrome DevTools (Performance tab).
// Unminified code compiles slower than dist/: read the shares, and time dist/ with npm run bench.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startAction } from './run-action.mjs';
import { startSimulator } from './server.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, '.cache', 'profile');
const scenario = process.argv[2] ?? 'already-succeeded';
rmSync(out, { recursive: true, force: true });
execFileSync(
  process.execPath,
  [join(root, 'scripts', 'build.mjs'), '--out', join(out, 'dist'), '--source-map'],
  { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
);
mkdirSync(join(out, 'cpu'), { recursive: true });

const sim = await startSimulator({ scenario });
const run = await startAction({
  entry: join(out, 'dist', 'index.js'),
  inputs: { 'batch-id': sim.batch.id, 'poll-interval-seconds': '0.2' },
  env: sim.clientEnv(),
  nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${join(out, 'cpu')}`, '--cpu-prof-interval=100'],
}).done;
await sim.close();
const profileFile = join(out, 'cpu', readdirSync(join(out, 'cpu'))[0]);
const profile = JSON.parse(readFileSync(profileFile, 'utf8'));

const maps = new Map();
const lines = new Map();
function sourceOf(url, line, column) {
  const file = fileURLToPath(url);
  if (!maps.has(file)) {
    try {
      maps.set(file, new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8'))));
    } catch {
      maps.set(file, undefined);
    }
  }
  const source = maps.get(file)?.findEntry(line, column)?.originalSource ?? file;
  // A node built-in is a one-line module whose factory starts on the line of the one before it.
  if (!source.includes('external node-commonjs')) return source;
  const text = (
    lines.get(file) ?? lines.set(file, readFileSync(file, 'utf8').split('\n')).get(file)
  )
    .slice(line, line + 4)
    .join('\n');
  return /createRequire\(import\.meta\.url\)\("([^"]+)"\)/.exec(text)?.[1] ?? source;
}
/** A package name, or src/… for the project's own modules. */
function owner(source) {
  if (source.startsWith('node:')) return `${source} (built-in)`;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  return pkg ? pkg[1] : source.replace(/^.*?\/(src|webpack)\//, '$1/');
}

const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parents = new Map();
for (const n of profile.nodes) for (const child of n.children ?? []) parents.set(child, n);
const inBundle = (n) => n.callFrame.url.startsWith('file:') && n.callFrame.url.includes(out);
const self = new Map();
let total = 0;
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] / 1000;
  let n = nodes.get(id);
  const own = inBundle(n);
  while (n && !inBundle(n)) n = parents.get(n.id);
  const leaf = nodes.get(id).callFrame;
  const key = n
    ? owner(sourceOf(n.callFrame.url, n.callFrame.lineNumber, n.callFrame.columnNumber)) +
      (own ? '' : ' (in node)')
    : leaf.url
      ? 'node: startup, loader, compiling the bundle'
      : leaf.functionName || '(native)';
  self.set(key, (self.get(key) ?? 0) + dt);
  total += dt;
});
console.log(`scenario ${scenario}, exit ${run.code}, ${total.toFixed(0)} ms profiled`);
console.log('\nself time by package (ms):');
for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25))
  console.log(`${ms.toFixed(1).padStart(8)}  ${key}`);

// Bytes of index.js per package, by the source map of each line.
const entry = join(out, 'dist', 'index.js');
const bytes = new Map();
readFileSync(entry, 'utf8')
  .split('\n')
  .forEach((text, line) => {
    const key = owner(sourceOf(`file://${entry}`, line, Math.max(0, text.search(/\S/))));
    bytes.set(key, (bytes.get(key) ?? 0) + text.length + 1);
  });
console.log('\nindex.js by package (kB, unminified):');
for (const [key, b] of [...bytes].sort((a, b) => b[1] - a[1]).slice(0, 20))
  console.log(`${(b / 1000).toFixed(1).padStart(8)}  ${key}`);
console.log(`\nprofile: ${profileFile}`);
