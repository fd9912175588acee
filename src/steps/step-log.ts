import { logSafe } from '../report/text.js';

/**
 * The step log's writer for build logs: each part (a group's log lines) is written at once as one
 * collapsed group, never interleaved with another, within a byte budget shared by every part of the
 * step. What does not fit is left out, oldest lines first, with one line that says what and where.
 */

/**
 * The most build-log text one step writes to its log: 500 failed groups of 1,000 lines would
 * otherwise be 250 MB. It also bounds what is read (diagnosis.ts linesPerTail), which is what costs
 * memory: reading a tail through the SDK's client takes several times its size. On Node 24, with
 * lines of 1 KB, the peak RSS went up to 150 MB with 4 MiB here (20 failed groups; 8 MB read), and
 * to 130 MB with 2 MiB; a run that reads no tail peaks at 100 MB. Small runners kill a step near 2 GB.
 */
export const STEP_LOG_BUDGET_BYTES = 2 * 1024 * 1024;

/** What the writer needs of the runner's edge (the Io of steps/reporter.ts). */
export interface LogSink {
  info(message: string): void;
  group(title: string, body: () => void): void;
}

export interface LogPart {
  /** The group's title, given how many lines it shows. */
  title(shown: number): string;
  /** Oldest first: the newest that fit are shown. */
  lines: readonly string[];
  /** The lines are the end of a longer log: the note is written even when all of them fit. */
  partial?: boolean;
  /**
   * The one line that says what was left out and where to find it: `count` lines left out, `shown`
   * shown (0: the line stands alone, outside any group, so it names the part).
   */
  leftOut(count: number, shown: number): string;
  /** At most this many bytes for the part, title and note included; default: what is left. */
  maxBytes?: number;
}

/** A line's size in the step log: as the runner's edge writes it (neutralised), line break included. */
export const lineBytes = (line: string): number => Buffer.byteLength(logSafe(line)) + 1;
const GROUP_END_BYTES = lineBytes('::endgroup::');

export class StepLog {
  private spent = 0;

  constructor(
    private readonly sink: LogSink,
    readonly budgetBytes = STEP_LOG_BUDGET_BYTES,
  ) {}

  /** Bytes written so far. */
  get written(): number {
    return this.spent;
  }

  get remaining(): number {
    return Math.max(0, this.budgetBytes - this.spent);
  }

  /** An even share of what is left among `parts` parts still to be written, this one included. */
  share(parts: number): number {
    return Math.floor(this.remaining / Math.max(1, parts));
  }

  /**
   * Writes the part's newest lines that fit as one group; when some do not fit (or the part is
   * partial), its first line says what is left out; when none fits, that line alone. The note is
   * written even when the budget is spent: it is short, and the only trace of the part. Returns how
   * many lines were shown.
   */
  write(part: LogPart): number {
    const { lines } = part;
    if (lines.length === 0) return 0;
    const room = Math.min(part.maxBytes ?? Infinity, this.remaining);
    // The newest lines first, measured only as far as they may fit (a part may be a whole log).
    const titleBytes = (shown: number) => lineBytes(`::group::${part.title(shown)}`);
    const taken: number[] = [];
    let used = titleBytes(lines.length) + GROUP_END_BYTES;
    for (let i = lines.length - 1; i >= 0; i--) {
      const size = lineBytes(lines[i]!);
      if (used + size > room) break;
      used += size;
      taken.push(size);
    }
    if (taken.length === lines.length && !part.partial) {
      this.group(part.title(lines.length), lines, undefined, used);
      return lines.length;
    }
    // Room for the note, and for the title and note at their longest (the most lines to count);
    // then the oldest lines go.
    used +=
      Math.max(0, titleBytes(lines.length - 1) - titleBytes(lines.length)) +
      lineBytes(part.leftOut(lines.length, 1));
    while (taken.length > 0 && used > room) used -= taken.pop()!;
    const shown = taken.length;
    if (shown === 0) {
      this.line(part.leftOut(lines.length, 0));
      return 0;
    }
    const start = lines.length - shown;
    this.group(part.title(shown), lines.slice(start), part.leftOut(start, shown), used);
    return shown;
  }

  /** One line outside any group, counted against the budget and always written. */
  line(text: string): void {
    this.spent += lineBytes(text);
    this.sink.info(text);
  }

  private group(
    title: string,
    lines: readonly string[],
    note: string | undefined,
    bytes: number,
  ): void {
    this.spent += bytes;
    this.sink.group(title, () => {
      if (note !== undefined) this.sink.info(note);
      for (const line of lines) this.sink.info(line);
    });
  }
}
