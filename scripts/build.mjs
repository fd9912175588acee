// npm run build: bundles src/index.ts into dist/ with ncc, as `ncc build --minify --license` would,
// but from the AWS SDK's ES-module builds, and compacts the output with esbuild (see compact
// below). The SDK's packages ship dist-es (their "module" field) beside dist-cjs (their "main", and
// the "node" condition in the exports of @smithy/core, @aws-sdk/core and @aws-sdk/nested-clients).
// From dist-es, webpack keeps only the modules and exports the action uses: index.js is less than
// half as big, a run compiles and evaluates less before its first request, and node:http2, which
// the CommonJS build of @smithy/node-http-handler requires at import, is never loaded (npm run
// bench shows the figures). The ncc CLI cannot say this: its API takes mainFields, and its
// tsconfig-paths plugin reads scripts/tsconfig.bundle.json, through TS_NODE_PROJECT, for the
// packages with exports.
// `--out DIR --source-map` writes an unminified, source-mapped copy elsewhere (simulator/profile.mjs);
// `--entry FILE` bundles another entry the same way (npm run bench's SDK-only baseline). Like dist/,
// the --out directory is emptied first: give it one of its own.
import ncc from '@vercel/ncc';
import { transform } from 'esbuild';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) =>
  process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback;
const out = arg('--out', join(root, 'dist'));
const entry = resolve(arg('--entry', join(root, 'src', 'index.ts')));
const sourceMap = process.argv.includes('--source-map');

process.env.TS_NODE_PROJECT = join(root, 'scripts', 'tsconfig.bundle.json');
const { code, map, assets, stats } = await ncc(entry, {
  minify: !sourceMap,
  sourceMap,
  license: 'licenses.txt',
  mainFields: ['module', 'main'],
  filename: 'index.js',
  quiet: true,
});
// Were a later ncc to stop honouring either setting, the bundle would still work, only bigger and
// slower: say so instead of shipping it.
const commonJs = [...stats.compilation.modules]
  .map((m) => m.resource ?? '')
  .filter((file) => /node_modules\/@(aws-sdk|smithy)\/.*\/dist-cjs\//.test(file));
if (commonJs.length > 0) {
  console.error(`The bundle took the AWS SDK's CommonJS build for:\n  ${commonJs.join('\n  ')}`);
  process.exit(1);
}

// The stand-ins scripts/tsconfig.bundle.json maps (undici, @actions/github) export only what is
// imported today: an import of anything else would be undefined at run time.
const missing = stats.compilation.warnings
  .map((warning) => warning.message)
  .filter((message) => /export .* was not found in/.test(message));
if (missing.length > 0) {
  console.error(`Imports the bundle cannot satisfy:\n  ${missing.join('\n  ')}`);
  process.exit(1);
}

// The output directory is emptied first: ncc leaves files it no longer emits, and CI's stale-bundle
// check must see them.
rmSync(out, { recursive: true, force: true });
const files = [['index.js', { source: code }], ...Object.entries(assets)];
if (map) files.push(['index.js.map', { source: map }]);
for (const [name, file] of files) {
  mkdirSync(dirname(join(out, name)), { recursive: true });
  writeFileSync(join(out, name), sourceMap ? file.source : await compact(name, file.source));
}

/**
 * ncc minifies index.js without compressing it (terser's compress: false), so the code webpack marks
 * unused stays: the CodeBuild client's schemas for every operation the action never calls. esbuild
 * drops it, minifies the chunks ncc leaves as they are, and escapes non-ASCII characters: an ASCII
 * file is read and parsed as one-byte text. Names are kept as ncc left them (some code reads a
 * function's or class's name).
 */
async function compact(name, source) {
  if (!name.endsWith('.js')) return source;
  const { code } = await transform(String(source), {
    format: 'esm',
    target: 'node20',
    minifyWhitespace: true,
    minifySyntax: true,
    treeShaking: true,
    charset: 'ascii',
  });
  return code;
}
console.log(`${out}: index.js and ${files.length - 1} more files`);
