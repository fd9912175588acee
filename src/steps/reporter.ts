import { setMaxListeners } from 'node:events';
import type { Build, BuildBatch } from '@aws-sdk/client-codebuild';
import {
  artifactsOf,
  diagnose,
  ERROR_ANNOTATIONS,
  logLeftOut,
  planAnnotations,
  testResults,
  type Diagnosis,
} from '../report/diagnosis.js';
import { messageOf } from '../config/errors.js';
import type { Io } from '../github/io.js';
import { Outputs } from '../config/names.js';
import { problemWarning, readEvidence, type EvidenceSource, type ReadTail } from './evidence.js';
import { StepLog } from './step-log.js';
import { GroupLogs } from './group-logs.js';
import { DEFAULT_LOG_LINES, type StepLogMode } from '../config/inputs.js';
import { describeBatch, failureBreakdown, type BatchOutcome } from '../report/outcome.js';
import { plaintextValues } from '../report/plaintext-values.js';
import { redact, secretForms } from '../report/text.js';
import { hidingBuildText } from './build-text.js';
import {
  lastLines,
  renderFailure,
  renderNothing,
  summaryParts,
  type AttemptRecord,
  type StepMode,
} from '../report/summary.js';

/** The report as the step ends, for the other places it goes. */
export interface FinishedReport {
  batch: BuildBatch;
  outcome: BatchOutcome;
  /** The sentence under the summary's title. */
  headline: string;
  diagnosis?: Diagnosis;
  /** A caveat about the group statuses (a retry's answer, when the step does not wait). */
  groupsNote?: string;
}

/**
 * Another place the report goes (the check runs, the pull request's comment), told as the step learns.
 * It never throws and never changes the step's result; settle() waits for it within its own budget.
 */
export interface ReportSink {
  /** A believed state of the batch: a read, the start's answer; never the answer to a retry. */
  seen(batch: BuildBatch): void;
  /** A retry was accepted: the state last seen has ended, and the batch runs again. */
  retried(): void;
  /** The final report, once. */
  finished(report: FinishedReport): void;
  /** Resolves once what it sends is sent, or its budget is spent. */
  settle(): Promise<void>;
}

/** The caveat on a retry response: CodeBuild answers a retry with the groups' previous outcomes. */
export const RETRY_RESPONSE_NOTE =
  'Build group statuses are from before the retry: CodeBuild answers a retry with the previous outcomes.';

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
  /** Where builds, reports and logs are read from; left out when CodeBuild is not to be asked. */
  builds?: EvidenceSource;
  /** Log lines to show per failed group (the log-lines input); 0 reads no logs. */
  logLines?: number;
  /** Bounds the diagnosis reads (interrupt.ts: what its budget leaves); they never take longer than DIAGNOSIS_TIMEOUT_MS. */
  signal?: AbortSignal;
}

/** The reads after a batch is final take at most this long; what did not fit is left out. */
const DIAGNOSIS_TIMEOUT_MS = 15_000;
/** Of DIAGNOSIS_TIMEOUT_MS, whole logs still being read when the batch ends (step-log) take at most this. */
const WHOLE_LOGS_TIMEOUT_MS = 5_000;

/**
 * The record of what the step did (the last batch seen, the retries made) and its writer: outputs as
 * soon as they are known, then annotations and the job summary, once, whether the step ends well or not.
 */
export class Reporter {
  private newest: BuildBatch | undefined;
  /** The PLAINTEXT values of the batch and of the builds read, and the forms a build prints them in. */
  private readonly plaintext = {
    batch: [] as string[],
    builds: new Set<string>(),
    forms: [] as string[],
  };
  private readonly hideBuildText = (text: string): string =>
    this.plaintext.forms.length > 0 ? redact(text, this.plaintext.forms) : text;
  private readonly learnBuilds = (builds: readonly Build[]): void => {
    const known = this.plaintext.builds.size;
    for (const build of builds)
      for (const value of plaintextValues(build)) this.plaintext.builds.add(value);
    if (this.plaintext.builds.size > known) this.hidePlaintext();
  };
  private newestNote: string | undefined;
  private reported = false;
  /** finish() threw before its summary was written (a fault drawing the batch): failed() writes one. */
  private unwritten = false;
  private readonly sinks: ReportSink[] = [];
  private groupLogs: GroupLogs | undefined;
  /** Build logs in the step log (each group's as it ends, tails at the end) share one budget. */
  private readonly stepLog: StepLog;
  readonly attempts: AttemptRecord[] = [];

  constructor(
    private readonly io: Io,
    /**
     * Called as the reads of a red batch's logs and reports begin, which make the most garbage of a
     * run: main.ts holds V8's young generation there (github/heap.ts).
     */
    private readonly holdHeap: () => void = () => undefined,
  ) {
    this.stepLog = new StepLog(io);
  }

  /**
   * Before a further retry: the logs of the groups that ended (step-log), so that they come before
   * the retry in the step log, not under it as if the new attempt had failed; at most
   * WHOLE_LOGS_TIMEOUT_MS, and the reads go on when it passes.
   */
  async logsWritten(cancelled: AbortSignal): Promise<void> {
    await this.groupLogs?.written(
      AbortSignal.any([cancelled, AbortSignal.timeout(WHOLE_LOGS_TIMEOUT_MS)]),
    );
  }

  /** step-log: from now on, each group's log goes into the step log as the group ends. */
  followLogs(
    mode: StepLogMode,
    logLines: number,
    source: EvidenceSource,
    cancelled: AbortSignal,
  ): void {
    if (mode !== 'none')
      this.groupLogs = new GroupLogs(
        mode,
        logLines,
        hidingBuildText(source, this.hideBuildText, this.learnBuilds),
        this.stepLog,
        cancelled,
        this.holdHeap,
      );
  }

  /** From now on the report also goes there (check runs, the pull request's comment), if anywhere. */
  attach(sink: ReportSink | undefined): void {
    if (sink) this.sinks.push(sink);
  }

  /** Waits for the other places the report goes, each within its own budget. */
  async settle(): Promise<void> {
    await Promise.all(this.sinks.map((sink) => sink.settle()));
  }

  /**
   * Called with the newest state of the batch: every believed read, and the answer to a retry (with
   * the note that its group statuses predate it). The ARN and number become outputs at the first.
   */
  seen(batch: BuildBatch, note?: string): void {
    // Before any log line or test case of the batch is read: a build may print one of them.
    const values = plaintextValues(batch);
    if (values.join('\0') !== this.plaintext.batch.join('\0')) {
      this.plaintext.batch = values;
      this.hidePlaintext();
    }
    if (!this.newest) {
      this.io.setOutput(Outputs.BatchArn, batch.arn ?? '');
      this.io.setOutput(Outputs.BuildBatchNumber, String(batch.buildBatchNumber ?? ''));
    }
    this.newest = batch;
    this.newestNote = note;
    // With a note, the groups' statuses are older than the batch (a retry's answer): not told.
    if (note !== undefined) return;
    this.groupLogs?.seen(batch);
    for (const sink of this.sinks) sink.seen(batch);
  }

  /** The forms of every PLAINTEXT value known, worked out again only when the values change. */
  private hidePlaintext(): void {
    const { batch, builds } = this.plaintext;
    this.plaintext.forms = secretForms([...batch, ...builds]);
  }

  /** The newest state of the batch seen so far. */
  get lastSeen(): BuildBatch | undefined {
    return this.newest;
  }

  /** Records an accepted RetryBuildBatch call. */
  retried(): void {
    this.attempts.push({ attempt: this.attempts.length + 1, result: 'IN_PROGRESS' });
    for (const sink of this.sinks) sink.retried();
  }

  /** Records how the latest retry ended. */
  retryEnded(status: string): void {
    this.attempts[this.attempts.length - 1]!.result = status;
  }

  /** After a failure: the outputs and summary with what is known, unless the step already reported. */
  async failed(sentence: string, elapsedMs: number, mode: StepMode): Promise<void> {
    if (this.reported && !this.unwritten) return;
    if (this.newest && !this.unwritten) {
      try {
        await this.finish({
          batch: this.newest,
          headline: sentence,
          elapsedMs,
          annotateGroups: false,
          groupsNote: this.newestNote,
        });
        return;
      } catch (error) {
        this.io.debug(`The batch could not be drawn: ${messageOf(error)}`);
      }
    }
    this.reported = true;
    this.unwritten = false;
    await this.write([renderFailure(sentence, elapsedMs, mode)]);
  }

  /** Nothing to retry and no batch to show (a project without a failed batch): a short summary. */
  async nothingToRetry(sentence: string, elapsedMs: number): Promise<void> {
    this.reported = true;
    await this.write([renderNothing(sentence, elapsedMs)]);
  }

  /** Outputs, annotations, reads, sinks and the summary of the batch as it ended (or was left). */
  async finish(report: FinalReport): Promise<BatchOutcome> {
    this.reported = true;
    try {
      return await this.report(report);
    } catch (error) {
      // An answer the SDK passed through unchecked (a status that is no string) must not leave
      // the job summary empty: the step's failure is written in its place.
      this.unwritten = true;
      throw error;
    }
  }

  private async report(report: FinalReport): Promise<BatchOutcome> {
    // The batch last seen keeps its caveat: a step that stops waiting before any read after a retry
    // (a timeout, a cancellation, with the batch left running) reports the retry's answer.
    const groupsNote =
      report.groupsNote ?? (report.batch === this.newest ? this.newestNote : undefined);
    const groupsKnown = groupsNote !== RETRY_RESPONSE_NOTE;
    const outcome = describeBatch(report.batch, { interrupted: report.interrupted });
    if (report.batch !== this.newest) this.seen(report.batch, groupsNote);
    this.setOutputs(outcome, this.attempts.length, groupsKnown);

    const finished = outcome.complete || report.interrupted === true;
    // Known from the batch alone: set before the reads, which a cancellation may cut short.
    if (finished && groupsKnown)
      this.io.setOutput(Outputs.Artifacts, JSON.stringify(artifactsOf(report.batch)));
    // The builds of groups from before the retry say nothing of the batch as it is: not read.
    const reads =
      finished && report.builds && groupsKnown ? this.readSignal(report) : AbortSignal.abort();
    if (!reads.aborted && outcome.failedGroups.length > 0) this.holdHeap();
    // The logs of groups that ended last, then the tails of the others; a slow read there leaves
    // the rest of the budget to the builds, reports and tails (which take the place of what it skips).
    await this.groupLogs?.drain(
      AbortSignal.any([reads, AbortSignal.timeout(WHOLE_LOGS_TIMEOUT_MS)]),
    );
    const diagnosis =
      finished && report.builds && groupsKnown
        ? await this.diagnose(
            outcome,
            report,
            hidingBuildText(report.builds, this.hideBuildText, this.learnBuilds),
            reads,
          )
        : undefined;
    // Only when the reports could be read.
    if (diagnosis) this.io.setOutput(Outputs.TestResults, JSON.stringify(testResults(diagnosis)));
    if (outcome.complete && report.annotateGroups !== false) this.annotate(outcome, diagnosis);
    if (diagnosis) this.logElsewhere(outcome, diagnosis);
    for (const sink of this.sinks)
      sink.finished({
        batch: report.batch,
        outcome,
        headline: report.headline,
        diagnosis,
        groupsNote,
      });

    await this.write(
      summaryParts({ outcome, ...report, groupsNote, attempts: this.attempts, diagnosis }),
    );
    return outcome;
  }

  /** Writing the summary never fails the step. */
  private async write(parts: readonly string[]): Promise<void> {
    try {
      await this.io.writeSummary(parts);
    } catch (error) {
      this.io.warning(`Could not write the job summary: ${messageOf(error)}`);
    }
  }

  private setOutputs(outcome: BatchOutcome, attempts: number, groupsKnown: boolean): void {
    this.io.setOutput(Outputs.BatchStatus, outcome.status);
    this.io.setOutput(Outputs.Attempts, String(attempts));
    // A retry's answer holds the outcomes from before it (its failed groups run again): a later step
    // must not take them for the retry's.
    if (!groupsKnown) return;
    this.io.setOutput(
      Outputs.BuildGroups,
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
    const { failed, notRun, ignored } = failureBreakdown(outcome);
    this.io.setOutput(Outputs.FailedBuildGroups, JSON.stringify(failed));
    this.io.setOutput(Outputs.NotRunBuildGroups, JSON.stringify(notRun));
    this.io.setOutput(Outputs.IgnoredBuildGroups, JSON.stringify(ignored));
    this.io.setOutput(Outputs.FlakyBuildGroups, JSON.stringify(outcome.flakyGroups));
  }

  /** Within GitHub's budget of error annotations: one is kept for the step's own failure message. */
  private annotate(outcome: BatchOutcome, diagnosis: Diagnosis | undefined): void {
    for (const a of planAnnotations(outcome, diagnosis, ERROR_ANNOTATIONS - 1)) {
      if (a.kind === 'error') this.io.error(a.message, a.title);
      else this.io.warning(a.message, a.title);
    }
  }

  /**
   * A failed group's log tail, as soon as it is read: a collapsible group in the step log, with an
   * even share of what is left of its budget.
   */
  private logTail(tail: ReadTail): void {
    const { stepLog } = this;
    const { request, lines, capped, left } = tail;
    if (!lines || lines.length === 0) return;
    // Written whole when its group ended (step-log).
    if (this.groupLogs?.wrote(request.buildArn)) return;
    const identifier = request.identifier;
    stepLog.write({
      title: (shown) => `Build group ${identifier}: ${lastLines(shown)}`,
      lines,
      partial: capped,
      maxBytes: stepLog.share(left),
      leftOut: (count, shown) =>
        logLeftOut({
          identifier,
          count,
          shown,
          capped,
          link: request.logsLink,
          budgetBytes: stepLog.budgetBytes,
        }),
    });
  }

  /** Where the log of a failed group is when it is not in CloudWatch Logs. */
  private logElsewhere(outcome: BatchOutcome, diagnosis: Diagnosis): void {
    const { stepLog } = this;
    for (const id of outcome.failedGroups) {
      const log = diagnosis.groups.get(id)?.log;
      if (log?.kind === 's3')
        stepLog.line(`Build group ${id}: its log is in S3 only${log.link ? `: ${log.link}` : ''}.`);
      else if (log?.kind === 'off')
        stepLog.line(
          `Build group ${id}: its build kept no log (CloudWatch Logs and S3 logs are off).`,
        );
    }
  }

  /** The signal that bounds the reads once the batch is final. */
  private readSignal(report: FinalReport): AbortSignal {
    const timeout = AbortSignal.timeout(DIAGNOSIS_TIMEOUT_MS);
    const signal = report.signal ? AbortSignal.any([report.signal, timeout]) : timeout;
    // The reads run several at a time, each watched by this code and by the SDK's middleware (up
    // to four listeners a request): past Node's 10, a "memory leak" warning reached the step log.
    setMaxListeners(64, signal);
    return signal;
  }

  /**
   * Builds, reports, failing test cases and log tails, read once the batch is final, within
   * DIAGNOSIS_TIMEOUT_MS and the caller's signal. A part that cannot be read is left out with one
   * warning; the step's result never depends on it.
   */
  private async diagnose(
    outcome: BatchOutcome,
    report: FinalReport,
    source: EvidenceSource,
    signal: AbortSignal,
  ): Promise<Diagnosis | undefined> {
    const logLines = report.logLines ?? DEFAULT_LOG_LINES;
    const { evidence, problems } = await readEvidence(outcome, source, {
      logLines,
      signal,
      tailBudgetBytes: this.stepLog.budgetBytes,
      onTail: (tail) => this.logTail(tail),
      readAlready: (buildArn, lines) => this.groupLogs?.tail(buildArn, lines),
    });
    const warning = problemWarning(problems);
    if (warning) this.io.warning(warning);
    return evidence ? diagnose(outcome, report.batch, evidence, logLines) : undefined;
  }
}
