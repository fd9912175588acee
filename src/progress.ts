import type { BuildBatch } from '@aws-sdk/client-codebuild';
import { describeBatch, progressLine, statusChanges, type GroupOutcome } from './outcome.js';
import type { Clock } from './wait.js';

export const HEARTBEAT_MS = 3 * 60_000;

/**
 * The wait's log: a line when a group changes status (not a line per poll), and a heartbeat when
 * nothing has been said for a while, so a quiet wait does not look hung.
 */
export class ProgressLog {
  private groups: GroupOutcome[] | undefined;
  private batchStatus: string | undefined;
  private lastSaid: number;

  constructor(
    private readonly info: (line: string) => void,
    private readonly clock: Pick<Clock, 'now'>,
    private readonly startedAt: number,
    private readonly heartbeatMs = HEARTBEAT_MS,
  ) {
    this.lastSaid = clock.now();
  }

  read(batch: BuildBatch): void {
    const outcome = describeBatch(batch);
    const lines = statusChanges(this.groups, outcome.groups);
    if (outcome.status !== this.batchStatus)
      lines.unshift(`Batch ${outcome.id}: ${outcome.status}`);
    this.groups = outcome.groups;
    this.batchStatus = outcome.status;
    const now = this.clock.now();
    if (lines.length > 0) {
      for (const line of lines) this.info(line);
      this.lastSaid = now;
    } else if (now - this.lastSaid >= this.heartbeatMs) {
      this.info(progressLine(outcome, now - this.startedAt));
      this.lastSaid = now;
    }
  }
}
