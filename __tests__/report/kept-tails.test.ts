import { describeBatch } from '../../src/report/outcome.js';
import type { Diagnosis } from '../../src/report/diagnosis.js';
import { KeptTails, waterLevel } from '../../src/report/kept-tails.js';
import { renderSummary, SUMMARY_LIMIT_BYTES } from '../../src/report/summary.js';
import { batch, group } from '../fixtures.js';

describe('waterLevel', () => {
  it.each<[number[], number, number]>([
    [[10, 20, 30], 100, Infinity],
    [[10, 20, 30], 60, Infinity],
    [[10, 20, 30], 45, 17],
    [[50, 50], 60, 30],
    [[100], 10, 10],
    [[5, 1000, 1000, 1000], 305, 100],
    [[], 0, Infinity],
  ])('sizes %j in %i: each cut to %d', (sizes, limit, level) => {
    expect(waterLevel(sizes, limit)).toBe(level);
    if (level !== Infinity) {
      const cut = (l: number) => sizes.reduce((n, s) => n + Math.min(s, l), 0);
      expect(cut(level)).toBeLessThanOrEqual(limit);
      expect(cut(level + 1)).toBeGreaterThan(limit);
    }
  });
});

const lines = (id: string, count: number, width: number) =>
  Array.from({ length: count }, (_, i) => `${id} ${i} ${'x'.repeat(width)}`);
const bytes = (tail: readonly string[]) => tail.reduce((n, l) => n + Buffer.byteLength(l) + 1, 0);

describe('KeptTails', () => {
  it('keeps tails whole while they fit, and an absent stream as undefined', () => {
    const kept = new KeptTails(1000);
    kept.add('a', ['one', 'two']);
    kept.add('b', undefined);
    expect([...kept.read]).toEqual([
      ['a', { lines: ['one', 'two'], read: 2 }],
      ['b', undefined],
    ]);
  });

  it('cuts the longest tails, oldest lines first, to a level all share; small ones stay whole', () => {
    const kept = new KeptTails(2000);
    const small = lines('s', 3, 10);
    kept.add('small', small);
    kept.add('big1', lines('b1', 100, 40));
    kept.add('big2', lines('b2', 100, 40));
    const read = kept.read;
    expect(read.get('small')).toEqual({ lines: small, read: 3 });
    for (const id of ['big1', 'big2']) {
      const tail = read.get(id)!;
      expect(tail.read).toBe(100);
      expect(tail.lines.at(-1)).toBe(`b${id.at(-1)} 99 ${'x'.repeat(40)}`);
      // Each big one keeps about half of what the small one leaves.
      expect(bytes(tail.lines)).toBeLessThanOrEqual((2000 - bytes(small)) / 2);
      expect(bytes(tail.lines)).toBeGreaterThan((2000 - bytes(small)) / 2 - 50);
    }
  });

  it('never holds more than the limit, however many tails come', () => {
    const kept = new KeptTails(10_000);
    for (let i = 0; i < 200; i++) kept.add(`g${i}`, lines(`g${i}`, 50, 30));
    const held = [...kept.read.values()].reduce((n, t) => n + bytes(t!.lines), 0);
    expect(held).toBeLessThanOrEqual(10_000);
  });

  it('leaves the job summary as it was with every line held', () => {
    const ids = Array.from({ length: 40 }, (_, i) => `g${i}`);
    const outcome = describeBatch(
      batch(
        'FAILED',
        ids.map((id) => group(id, 'FAILED')),
      ),
    );
    const kept = new KeptTails();
    const all = new Map(ids.map((id) => [id, lines(id, 300, 60)]));
    for (const [id, tail] of all) kept.add(id, tail);
    const diagnosis = (tail: (id: string) => { lines: string[]; read: number }): Diagnosis => ({
      artifacts: [],
      groups: new Map(
        ids.map((id) => [
          id,
          { identifier: id, log: { kind: 'tail', ...tail(id) }, failingCases: [], moreCases: 0 },
        ]),
      ),
    });
    const render = (d: Diagnosis) =>
      renderSummary({ outcome, headline: 'h', attempts: [], elapsedMs: 1, diagnosis: d });
    const whole = render(diagnosis((id) => ({ lines: all.get(id)!, read: 300 })));
    expect(render(diagnosis((id) => kept.read.get(id)!))).toBe(whole);
    expect(Buffer.byteLength(whole)).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES);
    expect(whole).toMatch(/Last \d+ log lines \(\d+ earlier lines left out to fit the summary\)/);
  });
});
