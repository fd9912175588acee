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
    const literal =
      /\b(get|getInput|getBooleanInput|getBoolean|setOutput|saveState|getState)\(\s*['"`]/g;
    const found = files.flatMap((file) =>
      [...readFileSync(join('src', file), 'utf8').matchAll(literal)].map((m) => `${file}: ${m[0]}`),
    );
    expect(found).toEqual([]);
  });
});
