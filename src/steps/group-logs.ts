import type { BuildBatch } from '@aws-sdk/client-codebuild';
import type { StepLogMode } from '../config/inputs.js';
import { messageOf } from '../config/errors.js';
import type { Logs } from '../aws/logs.js';
import { cleanLogLine, logStream, TAIL_LINE_BYTES } from '../report/diagnosis.js';
import {
  GROUP_LOG_MAX_LINES,
  groupLogLeftOut,
  groupLogTitle,
  groupsEnded,
  groupsToCome,
} from '../report/group-log.js';
import { describeGroups, type GroupOutcome } from '../report/outcome.js';
import type { EvidenceSource } from './evidence.js';
import type { StepLog } from './step-log.js';

/** A group's log is written as it ends only when its share of the step log holds this many long lines. */
const MIN_LINES = 32;

/** "a, b, c" or "a, b, c, d, e and 7 more". */
const names = (groups: readonly GroupOutcome[]): string => {
  const shown = groups.slice(0, 5).map((g) => g.identifier);
  const more = groups.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
};

/**
 * step-log: each build group's whole log in the step log as the group ends, one collapsed group at a
 * time. Reads start only once a group has ended (never while it runs), one log at a time, and never
 * change the step's result: a log that cannot be read is one line saying so.
 */
export class GroupLogs {
  /** Builds queued for a read (each is read once), or ended before the step looked. */
  private readonly queued = new Set<string>();
  private pending: GroupOutcome[] = [];
  private latest: GroupOutcome[] = [];
  private first = true;
  private running: Promise<void> | undefined;
  private logs: Promise<Logs> | undefined;
  private readonly stop = new AbortController();
  /**
   * By build, for each log in the step log: its newest log-lines lines, the summary's tail (read once,
   * and not written to the step log again).
   */
  private readonly tails = new Map<string, { lines: string[]; whole: boolean }>();

  constructor(
    private readonly mode: StepLogMode,
    /** log-lines: how many of each log's last lines the summary shows. */
    private readonly logLines: number,
    private readonly source: EvidenceSource,
    private readonly stepLog: StepLog,
    /** Aborts the reads: the workflow was cancelled. */
    private readonly cancelled: AbortSignal,
    /** Called as reads begin (their memory: steps/reporter.ts holdHeap). */
    private readonly reading: () => void = () => undefined,
  ) {}

  /** A believed state of the batch: the groups that ended since the last are read and written. */
  seen(batch: BuildBatch): void {
    this.latest = describeGroups(batch);
    const ended = groupsEnded(this.latest, this.queued, this.mode);
    // Groups that had ended before the step looked belong to an earlier run: their tails come at the end.
    if (this.first) {
      this.first = false;
      for (const g of ended) this.queued.add(g.buildArn!);
      return;
    }
    for (const g of ended) {
      this.queued.add(g.buildArn!);
      this.pending.push(g);
    }
    // Cleared in a later microtask than the assignment, even when work() ends at once (cancelled).
    if (this.pending.length > 0)
      this.running ??= this.work().finally(() => (this.running = undefined));
  }

  /** Whether this build's log is in the step log already (its tail is not written again). */
  wrote(buildArn: string): boolean {
    return this.tails.has(buildArn);
  }

  /** The newest `lines` lines of this build's log, when its read holds that many (or all there is). */
  tail(buildArn: string, lines: number): string[] | undefined {
    const read = this.tails.get(buildArn);
    return read && (read.whole || read.lines.length >= lines)
      ? read.lines.slice(-lines)
      : undefined;
  }

  /** Waits for the logs of groups that have ended; when `signal` aborts, the rest are skipped. */
  async drain(signal: AbortSignal): Promise<void> {
    const onAbort = () => this.stop.abort(signal.reason);
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      // A read that ignored its abort would not hold the step.
      await this.written(this.stop.signal);
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  }

  /**
   * Waits for the logs of groups that have ended, until `signal` aborts at the latest; reads still
   * going on then are not abandoned (drain abandons them).
   */
  async written(signal: AbortSignal): Promise<void> {
    const gaveUp = new Promise<void>((resolve) => {
      if (signal.aborted) resolve();
      signal.addEventListener('abort', () => resolve(), { once: true });
    });
    while (this.running && !signal.aborted) {
      const running = this.running;
      await Promise.race([running, gaveUp]);
      if (this.running === running) break;
    }
  }

  private async work(): Promise<void> {
    this.reading();
    const signal = AbortSignal.any([this.cancelled, this.stop.signal]);
    try {
      while (this.pending.length > 0 && !signal.aborted) {
        const groups = this.pending;
        this.pending = [];
        let builds;
        try {
          builds = await this.source.getBuilds(
            groups.map((g) => g.buildArn!),
            signal,
          );
        } catch (error) {
          // One line for them all: one failed call.
          if (!signal.aborted)
            this.stepLog.line(
              `The logs of build groups ${names(groups)} could not be read: ${messageOf(error)}`,
            );
          continue;
        }
        const byArn = new Map(builds.map((b) => [b.arn, b]));
        const streams = groups.map((group) => logStream(group, byArn.get(group.buildArn!)));
        // The builds are not held while the logs are read.
        byArn.clear();
        builds = undefined;
        for (const [i, group] of groups.entries()) {
          if (signal.aborted) break;
          const stream = streams[i];
          // No log in CloudWatch Logs (S3 only, off, never started): the summary says where it is.
          if (stream) await this.write(group, stream, signal);
        }
      }
    } catch (error) {
      // Never the step's result: the tails at the end take the place of what was not written.
      this.stepLog.line(`Build group logs were left out: ${messageOf(error)}`);
    }
  }

  private async write(
    group: GroupOutcome,
    stream: NonNullable<ReturnType<typeof logStream>>,
    signal: AbortSignal,
  ): Promise<void> {
    const { identifier } = group;
    // An even share of what is left among the groups that may still write here or as a tail at the
    // end (those skipped below, those that had ended before the step looked), this one included.
    const room = this.stepLog.share(groupsToCome(this.latest, this.tails, this.mode));
    const leftOut = (_count: number, shown: number) =>
      groupLogLeftOut({
        identifier,
        shown,
        link: stream.logsLink,
        budgetBytes: this.stepLog.budgetBytes,
      });
    // Too many groups share the step log for a log worth the name: the tails at the end, which
    // read less, take their place (500 groups ending at once would otherwise cost 25 MB more RSS).
    if (room < MIN_LINES * TAIL_LINE_BYTES) return;
    let read;
    try {
      this.logs ??= this.source.region().then(
        (region) => this.source.openLogs(region),
        () => this.source.openLogs(undefined),
      );
      const logs = await this.logs;
      read = await logs.read(
        stream.groupName,
        stream.streamName,
        { maxLines: GROUP_LOG_MAX_LINES, maxBytes: room, lineBytes: TAIL_LINE_BYTES },
        signal,
      );
    } catch (error) {
      this.logs = undefined;
      this.unread(group, error, signal);
      return;
    }
    // The summary says the stream does not exist. Read as the step stopped waiting for it: the
    // tails at the end take its place (writing it now could put it after them).
    if (!read || signal.aborted) return;
    const cut = read.lines.length > GROUP_LOG_MAX_LINES;
    const lines = read.lines.slice(-GROUP_LOG_MAX_LINES).map(cleanLogLine);
    const whole = read.complete && !cut;
    this.tails.set(group.buildArn!, { lines: lines.slice(-this.logLines), whole: read.complete });
    this.stepLog.write({
      title: (shown) =>
        groupLogTitle(identifier, group.status, shown, whole && shown === lines.length),
      lines,
      partial: !whole,
      maxBytes: room,
      leftOut,
    });
  }

  private unread(group: GroupOutcome, error: unknown, signal: AbortSignal): void {
    // Cancelled or out of time: the end of the step says what was left out.
    if (signal.aborted) return;
    this.stepLog.line(
      `Build group ${group.identifier} ${group.status}: its log could not be read: ${messageOf(error)}`,
    );
  }
}
