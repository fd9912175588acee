import type { BuildBatch } from '@aws-sdk/client-codebuild';
import {
  describeBatch,
  formatDuration,
  progressLine,
  statusChanges,
  type BatchOutcome,
  type GroupOutcome,
} from '../report/outcome.js';
import type { Clock } from './wait.js';

/** A quiet wait says where it stands at least this often, so it never looks hung. */
const HEARTBEAT_MS = 60_000;

/**
 * The wait's log: a line when a group changes status (not a line per poll), and a heartbeat when
 * nothing has been said for a while, so a quiet wait does not look hung.
 */
export class ProgressLog {
  private groups: GroupOutcome[] | undefined;
  private batchStatus: string | undefined;
  private last: BatchOutcome | undefined;
  private lastSaid: number;

  constructor(
    private readonly info: (line: string) => void,
    private readonly clock: Pick<Clock, 'now'>,
    private readonly startedAt: number,
    private readonly heartbeatMs = HEARTBEAT_MS,
  ) {
    this.lastSaid = clock.now();
  }

  /** After every poll, whatever it read (or failed to read): the heartbeat comes on time. */
  tick(): void {
    this.heartbeat(this.last);
  }

  read(batch: BuildBatch): void {
    const outcome = describeBatch(batch);
    this.last = outcome;
    const lines = statusChanges(this.groups, outcome.groups);
    // The batch's own line heads a running batch's changes and follows a finished one's.
    if (outcome.status !== this.batchStatus) {
      const line = `Batch ${outcome.id}: ${outcome.status}`;
      if (outcome.complete) lines.push(line);
      else lines.unshift(line);
    }
    this.groups = outcome.groups;
    this.batchStatus = outcome.status;
    const now = this.clock.now();
    if (lines.length > 0) {
      for (const line of lines) this.info(line);
      this.lastSaid = now;
    } else {
      this.heartbeat(outcome);
    }
  }

  private heartbeat(outcome: BatchOutcome | undefined): void {
    const now = this.clock.now();
    if (now - this.lastSaid < this.heartbeatMs) return;
    this.info(
      outcome
        ? progressLine(outcome, now - this.startedAt)
        : `Still waiting: ${formatDuration(now - this.startedAt)} elapsed, no fresh read of the batch yet.`,
    );
    this.lastSaid = now;
  }
}
