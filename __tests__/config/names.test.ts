// action.yml is what the runner reads; names.ts is what the code reads and writes. They must agree
// both ways: an input the code reads but action.yml lacks arrives empty forever (the runner passes
// only declared inputs' defaults), and one action.yml declares but the code never reads is ignored.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { Inputs, Outputs, State } from '../../src/config/names.js';

const action = parse(readFileSync('action.yml', 'utf8')) as {
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
};
const sorted = (names: Iterable<string>) => [...names].sort();

describe('names.ts', () => {
  it("names exactly action.yml's inputs", () => {
    expect(sorted(Object.values(Inputs))).toEqual(sorted(Object.keys(action.inputs)));
  });

  it("names exactly action.yml's outputs", () => {
    expect(sorted(Object.values(Outputs))).toEqual(sorted(Object.keys(action.outputs)));
  });

  it('names each input, output and state once', () => {
    for (const table of [Inputs, Outputs, State]) {
      const values = Object.values(table);
      expect(new Set(values).size).toBe(values.length);
    }
  });
});

describe('src/', () => {
  // A name written as a literal where it is read or written would escape the agreement above.
  it('reads and writes inputs, outputs and state only by their names.ts names', () => {
    const files = readdirSync('src', { recursive: true, encoding: 'utf8' }).filter((f) =>
      f.endsWith('.ts'),
    );
    // (A URL's query parameters are not inputs.)
    const literal =
      /(?<!searchParams\.)\b(get|getInput|getBooleanInput|getBoolean|setOutput|saveState|getState)\(\s*['"`]/g;
    const found = files.flatMap((file) =>
      [...readFileSync(join('src', file), 'utf8').matchAll(literal)].map((m) => `${file}: ${m[0]}`),
    );
    expect(found).toEqual([]);
  });

  // A sentence that names an input or output in its own letters goes stale when the name changes,
  // and then tells the user to set an input that does not exist.
  it('names inputs and outputs in its sentences by their names.ts names too', () => {
    const files = readdirSync('src', { recursive: true, encoding: 'utf8' }).filter(
      (f) => f.endsWith('.ts') && f !== join('config', 'names.ts'),
    );
    // The names no English word is: those with a hyphen.
    const names = [...Object.values(Inputs), ...Object.values(Outputs)].filter((n) =>
      n.includes('-'),
    );
    const written = new RegExp(`(?<![\\w-])(${names.join('|')})(?![\\w-])`, 'g');
    const found = files.flatMap((file) => {
      const code = readFileSync(join('src', file), 'utf8')
        // Comments may name them: they are not shown to anyone.
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/(^|[^:])\/\/.*$/gm, '$1')
        // Nor module paths (./step-log.js).
        .replace(/(from\s*|import\(\s*)'[^']*'/g, '');
      return [...code.matchAll(written)].map((m) => `${file}: ${m[0]}`);
    });
    expect(found).toEqual([]);
  });
});
