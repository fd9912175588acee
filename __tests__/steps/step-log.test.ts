import { lineBytes, StepLog, type LogPart } from '../../src/steps/step-log.js';

/** The step log as the runner's edge writes it: groups spelled out, one line break per line. */
function sink() {
  const lines: string[] = [];
  return {
    lines,
    bytes: () => lines.reduce((n, l) => n + lineBytes(l), 0),
    info: (message: string) => void lines.push(message),
    group: (title: string, body: () => void) => {
      lines.push(`::group::${title}`);
      body();
      lines.push('::endgroup::');
    },
  };
}

const part = (count: number, extra: Partial<LogPart> = {}): LogPart => ({
  title: (shown) => `Build group unit: last ${shown} log lines`,
  lines: Array.from({ length: count }, (_, i) => `line ${i + 1} ${'x'.repeat(90)}`),
  leftOut: (left, shown) =>
    shown === 0
      ? 'Build group unit: its log is left out'
      : `the ${left} earlier lines are left out`,
  ...extra,
});

describe('StepLog', () => {
  it('writes a part that fits as one group, and counts what it wrote', () => {
    const out = sink();
    const log = new StepLog(out, 10_000);
    expect(log.write(part(3))).toBe(3);
    expect(out.lines).toEqual([
      '::group::Build group unit: last 3 log lines',
      ...part(3).lines,
      '::endgroup::',
    ]);
    expect(log.written).toBe(out.bytes());
    expect(log.remaining).toBe(10_000 - out.bytes());
  });

  it('keeps the newest lines that fit, the note on the rest first in the group', () => {
    const out = sink();
    const log = new StepLog(out, 1_000_000);
    const shown = log.write(part(100, { maxBytes: 2_000 }));
    expect(out.lines[0]).toBe(`::group::Build group unit: last ${shown} log lines`);
    expect(out.lines[1]).toBe(`the ${100 - shown} earlier lines are left out`);
    expect(out.lines.slice(2, -1)).toEqual(part(100).lines.slice(100 - shown));
    expect(out.lines.at(-1)).toBe('::endgroup::');
    // As many as fit: one more (about 99 bytes) would not.
    expect(out.bytes()).toBeLessThanOrEqual(2_000);
    expect(out.bytes() + 99).toBeGreaterThan(2_000);
    expect(log.written).toBeGreaterThanOrEqual(out.bytes());
    expect(log.written).toBeLessThanOrEqual(2_000);
  });

  it('notes that a partial part is the end of a longer log, even when all its lines fit', () => {
    const out = sink();
    expect(new StepLog(out).write(part(2, { partial: true }))).toBe(2);
    expect(out.lines).toEqual([
      '::group::Build group unit: last 2 log lines',
      'the 0 earlier lines are left out',
      ...part(2).lines,
      '::endgroup::',
    ]);
  });

  it('writes the note alone when not one line fits', () => {
    const out = sink();
    const log = new StepLog(out, 1_000_000);
    expect(log.write(part(5, { maxBytes: 100 }))).toBe(0);
    expect(out.lines).toEqual(['Build group unit: its log is left out']);
  });

  it('shares its budget: parts written in turn, each with an even share of what is left', () => {
    const out = sink();
    const log = new StepLog(out, 50_000);
    const parts = 40;
    for (let left = parts; left > 0; left--) log.write(part(100, { maxBytes: log.share(left) }));
    const groups = out.lines.filter((l) => l.startsWith('::group::'));
    expect(groups).toHaveLength(parts);
    // Every part got about the same: within a line of the first.
    const shown = groups.map((g) => Number(/last (\d+)/.exec(g)![1]));
    for (const n of shown) expect(Math.abs(n - shown[0]!)).toBeLessThanOrEqual(1);
    expect(out.bytes()).toBeLessThanOrEqual(50_000);
  });

  it('counts a line as the runner edge writes it, neutralised', () => {
    expect(lineBytes('##[error]x')).toBe(Buffer.byteLength('## [error]x') + 1);
    expect(lineBytes('::error::x')).toBe(Buffer.byteLength(': :error::x') + 1);
  });

  it('writes nothing for a part without lines', () => {
    const out = sink();
    expect(new StepLog(out).write(part(0))).toBe(0);
    expect(out.lines).toEqual([]);
  });
});
