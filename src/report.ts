import type { BuildBatch } from '@aws-sdk/client-codebuild';
import type { CodeBuild } from './codebuild.js';
import { messageOf, ServiceError } from './errors.js';
import {
  buildDurationMs,
  describeBatch,
  failureReason,
  isFinalStatus,
  type BatchOutcome,
} from './outcome.js';
import { renderFailure, renderSummary, type AttemptRecord } from './summary.js';

/** What the action writes to the runner: the thin edge over @actions/core. */
export interface Io {
  info(message: string): void;
  debug(message: string): void;
  notice(message: string): void;
  warning(message: string): void;
  error(message: string, title?: string): void;
  setOutput(name: string, value: string): void;
  saveState(name: string, value: string): void;
  writeSummary(markdown: string): Promise<void>;
}

/** The caveat on a retry response: CodeBuild answers a retry with the groups' previous outcomes. */
export const RETRY_RESPONSE_NOTE =
  'Build group statuses are from before the retry: CodeBuild answers a retry with the previous outcomes.';

/** Groups still running when the step was cancelled or timed out are shown with this status. */
export const CANCELLED = 'CANCELLED';

export interface FinalReport {
  batch: BuildBatch;
  headline: string;
  elapsedMs: number;
  /** The step stopped waiting early (cancelled, timed out): unfinished groups show as CANCELLED. */
  interrupted?: boolean;
  /** A caveat about the group statuses, shown in the summary. */
  groupsNote?: string;
  /** Annotate each failed group (default); not when the step failed for another reason. */
  annotateGroups?: boolean;
  /** Where failure reasons and durations are read from; left out when CodeBuild is not to be asked. */
  builds?: Pick<CodeBuild, 'getBuilds'>;
  /** Bounds those reads (default: BUILD_DETAILS_MS). */
  signal?: AbortSignal;
}

/** How long reading failure reasons and durations may take when nothing tighter bounds it. */
const BUILD_DETAILS_MS = 10_000;

/**
 * The record of what the step did (the last batch seen, the retries made) and its writer: outputs as
 * soon as they are known, then annotations and the job summary, once, whether the step ends well or not.
 */
export class Reporter {
  private newest: BuildBatch | undefined;
  private newestNote: string | undefined;
  private reported = false;
  readonly attempts: AttemptRecord[] = [];

  constructor(private readonly io: Io) {}

  /**
   * Called with the newest state of the batch: every believed read, and the answer to a retry (with
   * the note that its group statuses predate it). The ARN and number become outputs at the first.
   */
  seen(batch: BuildBatch, note?: string): void {
    if (!this.newest) {
      this.io.setOutput('batch-arn', batch.arn ?? '');
      this.io.setOutput('build-batch-number', String(batch.buildBatchNumber ?? ''));
    }
    this.newest = batch;
    this.newestNote = note;
  }

  /** The newest state of the batch seen so far. */
  get lastSeen(): BuildBatch | undefined {
    return this.newest;
  }

  /** Records an accepted RetryBuildBatch call. */
  retried(): void {
    this.attempts.push({ attempt: this.attempts.length + 1, result: 'IN_PROGRESS' });
  }

  /** Records how the latest retry ended. */
  retryEnded(status: string): void {
    this.attempts[this.attempts.length - 1]!.result = status;
  }

  /** After a failure: the outputs and summary with what is known, unless the step already reported. */
  async failed(sentence: string, elapsedMs: number): Promise<void> {
    if (this.reported) return;
    if (this.newest) {
      await this.finish({
        batch: this.newest,
        headline: sentence,
        elapsedMs,
        annotateGroups: false,
        groupsNote: this.newestNote,
      });
      return;
    }
    this.reported = true;
    await this.write(renderFailure(sentence, elapsedMs));
  }

  async finish(report: FinalReport): Promise<BatchOutcome> {
    this.reported = true;
    const outcome = describeBatch(report.batch);
    if (report.interrupted) {
      for (const group of outcome.groups)
        if (!isFinalStatus(group.status)) group.status = CANCELLED;
    }
    if (report.batch !== this.newest) this.seen(report.batch, report.groupsNote);
    this.setOutputs(outcome, this.attempts.length);

    const finished = outcome.complete || report.interrupted === true;
    const details =
      finished && report.builds
        ? await this.buildDetails(
            outcome,
            report.builds,
            report.signal ?? AbortSignal.timeout(BUILD_DETAILS_MS),
          )
        : {};
    if (outcome.complete && report.annotateGroups !== false)
      this.annotate(outcome, details.reasons ?? {});

    await this.write(renderSummary({ outcome, ...report, attempts: this.attempts, ...details }));
    return outcome;
  }

  /** Writing the summary never fails the step. */
  private async write(markdown: string): Promise<void> {
    try {
      await this.io.writeSummary(markdown);
    } catch (error) {
      this.io.warning(`Could not write the job summary: ${messageOf(error)}`);
    }
  }

  private setOutputs(outcome: BatchOutcome, attempts: number): void {
    this.io.setOutput('batch-status', outcome.status);
    this.io.setOutput('attempts', String(attempts));
    this.io.setOutput(
      'build-groups',
      JSON.stringify(
        outcome.groups.map(
          ({ identifier, status, attempts: builds, ignoreFailure, dependsOn, buildArn }) => ({
            identifier,
            status,
            attempts: builds,
            ignoreFailure,
            dependsOn,
            buildArn: buildArn ?? null,
          }),
        ),
      ),
    );
    this.io.setOutput('failed-build-groups', JSON.stringify(outcome.failedGroups));
  }

  private annotate(outcome: BatchOutcome, reasons: Record<string, string>): void {
    for (const id of outcome.failedGroups) {
      const group = outcome.groups.find((g) => g.identifier === id)!;
      const reason = reasons[id] ? `: ${reasons[id]}` : '';
      if (group.ignoreFailure) {
        this.io.warning(
          `Build group ${id} ended ${group.status} (ignore-failure, so the batch does not fail for it)${reason}`,
        );
      } else {
        this.io.error(
          `Build group ${id} ended ${group.status}${reason}`,
          `Build group ${id} ${group.status}`,
        );
      }
    }
  }

  /** Failure reasons and durations, from the groups' builds: one BatchGetBuilds call per 100 groups. */
  private async buildDetails(
    outcome: BatchOutcome,
    codebuild: Pick<CodeBuild, 'getBuilds'>,
    signal: AbortSignal,
  ): Promise<{ reasons?: Record<string, string>; durations?: Record<string, number> }> {
    const byArn = new Map(
      outcome.groups.filter((g) => g.buildArn).map((g) => [g.buildArn!, g.identifier]),
    );
    if (byArn.size === 0) return {};
    try {
      const builds = await codebuild.getBuilds([...byArn.keys()], signal);
      const reasons: Record<string, string> = {};
      const durations: Record<string, number> = {};
      for (const build of builds) {
        const id = byArn.get(build.arn ?? '');
        if (!id) continue;
        const duration = buildDurationMs(build);
        if (duration !== undefined) durations[id] = duration;
        const reason = outcome.failedGroups.includes(id) ? failureReason(build) : undefined;
        if (reason) reasons[id] = reason;
      }
      return { reasons, durations };
    } catch (error) {
      const denied =
        error instanceof ServiceError && /AccessDenied|UnauthorizedOperation/.test(error.code);
      this.io.warning(
        denied
          ? 'Failure reasons and durations are left out: the role may not call codebuild:BatchGetBuilds. Add that permission to see them.'
          : `Failure reasons and durations are left out: ${messageOf(error)}`,
      );
      return {};
    }
  }
}
