import type { TailRead } from './diagnosis.js';
import { SUMMARY_LIMIT_BYTES } from './summary.js';

/**
 * The log tails the job summary may show, kept as they are read within the summary's byte limit:
 * when they no longer fit together, the longest lose their oldest lines first, down to one level all
 * share. The summary shows a tail whole only when all fit, and otherwise at most an even share of its
 * limit, which that level never goes below: it shows what it showed when every line was held.
 */
export class KeptTails {
  private readonly tails = new Map<string, Kept | undefined>();
  private bytes = 0;

  constructor(readonly limitBytes = SUMMARY_LIMIT_BYTES) {}

  /** A tail as read, cleaned (undefined: the stream does not exist). */
  add(identifier: string, lines: readonly string[] | undefined): void {
    const before = this.tails.get(identifier);
    if (before) this.bytes -= before.bytes;
    if (!lines) {
      this.tails.set(identifier, undefined);
      return;
    }
    const sizes = lines.map((line) => Buffer.byteLength(line) + 1);
    const kept: Kept = { lines: [...lines], sizes, bytes: sum(sizes), read: lines.length };
    this.tails.set(identifier, kept);
    this.bytes += kept.bytes;
    if (this.bytes > this.limitBytes) this.level();
  }

  /** By group identifier, as diagnose takes them. */
  get read(): ReadonlyMap<string, TailRead | undefined> {
    return new Map(
      [...this.tails].map(([id, t]) => [id, t && { lines: t.lines, read: t.read }] as const),
    );
  }

  /** Cuts the longest tails to the level at which all fit in the limit. */
  private level(): void {
    const all = [...this.tails.values()].filter((t): t is Kept => !!t);
    const level = waterLevel(
      all.map((t) => t.bytes),
      this.limitBytes,
    );
    for (const t of all) {
      let drop = 0;
      while (t.bytes > level) t.bytes -= t.sizes[drop++]!;
      if (drop === 0) continue;
      t.lines = t.lines.slice(drop);
      t.sizes = t.sizes.slice(drop);
    }
    this.bytes = sum(all.map((t) => t.bytes));
  }
}

interface Kept {
  lines: string[];
  /** Each line's bytes, line break included. */
  sizes: number[];
  bytes: number;
  /** Lines read. */
  read: number;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * The largest level such that the sizes, each cut to it, add up to at most the limit (Infinity when
 * they fit whole). Pure.
 */
export function waterLevel(sizes: readonly number[], limit: number): number {
  if (sum([...sizes]) <= limit) return Infinity;
  const sorted = [...sizes].sort((a, b) => a - b);
  let left = limit;
  for (let i = 0; i < sorted.length; i++) {
    const even = left / (sorted.length - i);
    if (sorted[i]! > even) return Math.floor(even);
    left -= sorted[i]!;
  }
  return Infinity;
}
