import { randomUUID } from 'node:crypto';
import type { BuildBatch } from '@aws-sdk/client-codebuild';
import type { CodeBuild } from './codebuild.js';
import { ActionError, explainExpiry, messageOf } from './errors.js';
import { readConfig, withDispatchInputs, type Config, type InputSource } from './inputs.js';
import {
  describeBatch,
  failureSentence,
  formatDuration,
  freshAfterRetry,
  isFinalStatus,
  nextStep,
} from './outcome.js';
import { ProgressLog } from './progress.js';
import {
  fail,
  isPostStep,
  markMainStep,
  runnerDeps,
  RUNNING_BATCH_STATE,
  stopLeftoverBatch,
} from './runtime.js';
import { Reporter, type Io } from './report.js';
import { retryToken, type RunIdentity } from './token.js';
import { waitForCompletion, type Clock } from './wait.js';

/** Everything the story needs from the outside world, handed in so it runs with fakes in tests. */
export interface Deps {
  inputs: InputSource;
  event: { name?: string; inputs?: Record<string, unknown> };
  run: RunIdentity;
  codebuild: (config: Config) => CodeBuild;
  clock: Clock;
  /** Aborts when the workflow is cancelled. */
  cancelled: AbortSignal;
  io: Io;
}

/** StopBuildBatch must return well inside the runner's 7.5 s between SIGINT and SIGTERM. */
const STOP_TIMEOUT_MS = 4_000;
/** A project search reads at most this many failed batch ids. */
const MAX_LISTED_BATCHES = 1_000;

/**
 * The action's entry, for the runner (dist/index.js) and for @github/local-action: the main step,
 * or, when the runner calls it again as the post step, the stop of a batch the main step left running.
 */
export async function run(): Promise<void> {
  if (isPostStep()) return stopLeftoverBatch();
  markMainStep();
  try {
    await retryAndReport(runnerDeps());
  } catch (error) {
    fail(error);
  }
}

/**
 * Reads the inputs, finds the batch, retries it while it is red (up to max-attempts), waits for each
 * retry, and reports. Resolves when the step succeeds; throws ActionError/ServiceError when it fails.
 */
export async function retryAndReport(deps: Deps): Promise<void> {
  const reporter = new Reporter(deps.io);
  const startedAt = deps.clock.now();
  try {
    await retryAndWait(deps, reporter, startedAt);
  } catch (error) {
    // Whatever went wrong, the summary says it, with what is known of the batch.
    const elapsedMs = deps.clock.now() - startedAt;
    const failure = explainExpiry(error, elapsedMs);
    await reporter.failed(messageOf(failure), elapsedMs);
    throw failure;
  }
}

async function retryAndWait(deps: Deps, reporter: Reporter, startedAt: number): Promise<void> {
  const { io, clock } = deps;
  const config = readConfig(withDispatchInputs(deps.inputs, deps.event.name, deps.event.inputs));
  const codebuild = deps.codebuild(config);
  const deadline = config.timeoutMs > 0 ? startedAt + config.timeoutMs : undefined;
  const elapsed = () => clock.now() - startedAt;

  const batchId =
    config.target.kind === 'batch'
      ? config.target.batchId
      : await newestFailedBatch(codebuild, config.target.projectName, io);
  if (!batchId)
    return reporter.nothingToRetry(
      `Project ${config.target.kind === 'project' ? config.target.projectName : ''} has no failed batch build: nothing to retry.`,
      elapsed(),
    );
  io.setOutput('batch-id', batchId);

  let batch = await readBatch(codebuild, batchId, config);
  reporter.seen(batch);
  const { attempts } = reporter;

  for (;;) {
    const step = nextStep(batch);
    if (step === 'nothing-to-retry' || (step === 'retry' && attempts.length >= config.maxAttempts))
      break;
    let isFresh: ((read: BuildBatch) => boolean) | undefined;
    if (step === 'retry') {
      if (deps.cancelled.aborted) {
        throw new ActionError(
          `The workflow was cancelled before batch build ${batchId} was retried: nothing was retried.`,
        );
      }
      const attempt = attempts.length + 1;
      const token =
        retryToken(config.idempotencyToken, deps.run, batchId, config.retryType, attempt) ??
        randomUUID();
      io.info(
        `Retrying ${batchId} (${config.retryType}, attempt ${attempt} of ${config.maxAttempts}).`,
      );
      // Not aborted by cancellation: once sent, its answer is needed to stop what it started.
      batch = await codebuild.retryBatch(batchId, config.retryType, token);
      reporter.retried();
      if (!config.wait) {
        await reporter.finish({
          batch,
          elapsedMs: elapsed(),
          headline: `Retry accepted (${config.retryType}); not waiting for the outcome (wait: false).`,
          groupsNote:
            'Build group statuses are from before the retry: CodeBuild answers a retry with the previous outcomes.',
        });
        return;
      }
      // The retry response still shows the old outcomes: only later reads that moved past it count.
      isFresh = freshAfterRetry(batch);
    }

    io.info(`Waiting for ${batchId} to finish (polling every ${config.pollIntervalMs / 1000}s).`);
    io.saveState(RUNNING_BATCH_STATE, config.stopOnCancel ? (batch.arn ?? batchId) : '');
    const progress = new ProgressLog((line) => io.info(line), clock, startedAt);
    const result = await waitForCompletion({
      describe: async (signal) => {
        const read = (await codebuild.getBatch(batchId, signal)) ?? batch;
        io.debug(
          `Read ${batchId}: ${read.buildBatchStatus}, complete ${read.complete}, ${read.phases?.length ?? 0} phases.`,
        );
        return read;
      },
      clock,
      intervalMs: config.pollIntervalMs,
      deadline,
      signal: deps.cancelled,
      isFresh,
      onRead: (read) => {
        reporter.seen(read);
        progress.read(read);
      },
      onTransientError: (error, next) =>
        io.info(`Poll failed (${error.message}); trying again in ${formatDuration(next)}.`),
    });
    io.saveState(RUNNING_BATCH_STATE, '');

    if (result.kind !== 'complete') {
      return interrupt(result.kind, result.batch ?? batch, config, codebuild, reporter, elapsed());
    }
    batch = result.batch;
    if (step === 'retry') reporter.retryEnded(batch.buildBatchStatus ?? 'UNKNOWN');
  }

  const succeeded = batch.buildBatchStatus === 'SUCCEEDED';
  const headline =
    attempts.length === 0
      ? `Batch ${batchId} already ${batch.buildBatchStatus}: nothing to retry.`
      : `Retried ${attempts.length} time${attempts.length > 1 ? 's' : ''} (${config.retryType}); the batch ended ${batch.buildBatchStatus}.`;
  if (attempts.length === 0 && succeeded) io.notice(headline);
  const outcome = await reporter.finish({
    batch,
    headline,
    elapsedMs: elapsed(),
    builds: codebuild,
    logLines: config.logLines,
  });
  if (!succeeded) {
    const sentence = failureSentence(outcome);
    if (config.failOnBatchFailure) throw new ActionError(sentence);
    io.warning(`${sentence} The step succeeds because fail-on-batch-failure is false.`);
  }
}

async function readBatch(
  codebuild: CodeBuild,
  batchId: string,
  config: Config,
): Promise<BuildBatch> {
  const batch = await codebuild.getBatch(batchId);
  if (batch) return batch;
  const account =
    config.target.kind === 'batch' && config.target.account
      ? ` of account ${config.target.account}`
      : '';
  throw new ActionError(
    `Batch build ${batchId} was not found in ${await codebuild.region()}${account}: check "batch-id" and the region (aws-region, or the ARN's).`,
  );
}

/** The newest failed batch of a project, by batch number (the service lists them by identifier). */
async function newestFailedBatch(
  codebuild: CodeBuild,
  projectName: string,
  io: Io,
): Promise<string | undefined> {
  const { ids, more } = await codebuild.listBatchIds(projectName, 'FAILED', MAX_LISTED_BATCHES);
  if (more)
    io.warning(
      `Project ${projectName} has more than ${MAX_LISTED_BATCHES} failed batch builds; the newest is chosen among the first ${MAX_LISTED_BATCHES} listed.`,
    );
  const batches = await codebuild.getBatches(ids);
  const newest = batches.reduce<BuildBatch | undefined>(
    (best, b) => ((b.buildBatchNumber ?? 0) > (best?.buildBatchNumber ?? -1) ? b : best),
    undefined,
  );
  if (!newest?.id) {
    io.notice(
      `Project ${projectName} has no failed batch build in ${await codebuild.region()}: nothing to retry.`,
    );
    io.setOutput('attempts', '0');
    io.setOutput('failed-build-groups', '[]');
    return undefined;
  }
  io.info(
    `Newest failed batch build of ${projectName}: ${newest.id} (#${newest.buildBatchNumber}).`,
  );
  return newest.id;
}

/** Cancelled or timed out while waiting: stop the batch (when asked to), report what is known, fail. */
async function interrupt(
  kind: 'cancelled' | 'timeout',
  lastKnown: BuildBatch,
  config: Config,
  codebuild: CodeBuild,
  reporter: Reporter,
  elapsedMs: number,
): Promise<never> {
  const batchId = lastKnown.id ?? '';
  const doing = describeBatch(lastKnown);
  const running = doing.groups.filter((g) => !isFinalStatus(g.status)).map((g) => g.identifier);
  const what =
    `the batch was ${doing.status}` +
    (running.length > 0 ? ` with ${running.join(', ')} still running` : '');
  let batch = lastKnown;
  let stopped = 'it was left running (stop-on-cancel is false)';
  if (config.stopOnCancel) {
    try {
      batch =
        (await codebuild.stopBatch(batchId, AbortSignal.timeout(STOP_TIMEOUT_MS))) ?? lastKnown;
      stopped = 'it has been stopped';
    } catch (error) {
      stopped = `stopping it failed: ${messageOf(error)}`;
    }
  }
  const sentence =
    kind === 'timeout'
      ? `Timed out after ${config.timeoutMs / 60_000} minutes waiting for batch build ${batchId}: ${what}; ${stopped}.`
      : `The workflow was cancelled while waiting for batch build ${batchId}: ${what}; ${stopped}.`;
  await reporter.finish({
    batch,
    headline: sentence,
    elapsedMs,
    interrupted: true,
    builds: codebuild,
    logLines: config.logLines,
  });
  throw new ActionError(sentence);
}
