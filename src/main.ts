import { randomUUID } from 'node:crypto';
import type { BuildBatch } from '@aws-sdk/client-codebuild';
import type { CodeBuild } from './codebuild.js';
import { ActionError, explainCredentials, messageOf } from './errors.js';
import { readConfig, withDispatchInputs, type Config, type InputSource } from './inputs.js';
import {
  describeBatch,
  failureSentence,
  formatDuration,
  isFinalStatus,
  nextStep,
} from './outcome.js';
import { batchConsoleUrl } from './links.js';
import { ProgressLog } from './progress.js';
import {
  fail,
  isPostStep,
  markMainStep,
  runnerDeps,
  RUNNING_BATCH_STATE,
  stopLeftoverBatch,
} from './runtime.js';
import { Reporter, RETRY_RESPONSE_NOTE, type Io } from './report.js';
import { startedHeadline } from './summary.js';
import { retryToken, startToken, type RunIdentity } from './token.js';
import { persist, waitForCompletion, type Clock } from './wait.js';

/** Everything the story needs from the outside world, handed in so it runs with fakes in tests. */
export interface Deps {
  inputs: InputSource;
  /** The workflow event: its name, dispatch inputs, GITHUB_SHA and a pull request's head commit. */
  event: { name?: string; inputs?: Record<string, unknown>; sha?: string; headSha?: string };
  /** The step's environment (start-batch reads env-vars-for-codebuild and the GitHub context). */
  env: Record<string, string | undefined>;
  run: RunIdentity;
  codebuild: (config: Config) => CodeBuild;
  clock: Clock;
  /** Aborts when the workflow is cancelled. */
  cancelled: AbortSignal;
  io: Io;
}

/**
 * From SIGINT the runner allows 7.5 s before SIGTERM: stopping the batch, reading failure reasons,
 * the summary and the outputs all fit in this budget. StopBuildBatch may use at most STOP_MAX_MS of
 * it; the summary and outputs keep SUMMARY_RESERVE_MS, and what does not fit is left out.
 */
export const INTERRUPT_BUDGET_MS = 5_000;
const STOP_MAX_MS = 3_000;
const SUMMARY_RESERVE_MS = 500;
/** A project search reads at most this many ids per failed status. */
const MAX_LISTED_BATCHES = 1_000;
/** The statuses of a batch that failed on its own (STOPPED means somebody stopped it). */
const FAILED_STATUSES = ['FAILED', 'FAULT', 'TIMED_OUT'] as const;

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
    const failure = explainCredentials(error, elapsedMs);
    await reporter.failed(messageOf(failure), elapsedMs);
    throw failure;
  } finally {
    // The step told its own story to the end: the post step has no batch to stop. Only a step
    // killed before this line leaves the state set.
    deps.io.saveState(RUNNING_BATCH_STATE, '');
  }
}

async function retryAndWait(deps: Deps, reporter: Reporter, startedAt: number): Promise<void> {
  const { io, clock } = deps;
  const config = readConfig(withDispatchInputs(deps.inputs, deps.event.name, deps.event.inputs));
  const codebuild = deps.codebuild(config);
  const deadline = config.timeoutMs > 0 ? startedAt + config.timeoutMs : undefined;
  const elapsed = () => clock.now() - startedAt;
  // Every call before the wait rides out a burst of passing faults, as the wait itself does.
  const patiently = <T>(call: () => Promise<T>) =>
    persist(call, clock, {
      onRetry: (error, delayMs) =>
        io.info(`${error.message}; sending it again in ${formatDuration(delayMs)}.`),
    });

  const started =
    config.target.kind === 'start'
      ? await startBatch(deps, config.target, codebuild, reporter, patiently)
      : undefined;
  if (started && !config.wait) {
    await reporter.finish({
      batch: started,
      elapsedMs: elapsed(),
      headline: `Started batch #${started.buildBatchNumber ?? '?'}; not waiting for the outcome (wait: false).`,
    });
    return;
  }
  const batchId =
    started?.id ??
    (config.target.kind === 'batch'
      ? config.target.batchId
      : await newestFailedBatch(codebuild, config.target.projectName, io, patiently));
  if (!batchId)
    return reporter.nothingToRetry(
      `Project ${config.target.kind === 'project' ? config.target.projectName : ''} has no failed, faulted or timed-out batch build: nothing to retry.`,
      elapsed(),
    );
  io.setOutput('batch-id', batchId);

  // A batch just started is taken from the start's answer: a read this early may not find it yet.
  let batch = started ?? (await readBatch(codebuild, batchId, config, patiently));
  reporter.seen(batch);
  const { attempts } = reporter;

  for (;;) {
    const step = nextStep(batch);
    if (step === 'nothing-to-retry' || (step === 'retry' && attempts.length >= config.maxAttempts))
      break;
    if (step === 'wait' && !config.wait) {
      const headline = `Batch ${batchId} is ${batch.buildBatchStatus ?? 'IN_PROGRESS'}: not waiting for it (wait: false), and nothing was retried.`;
      io.notice(headline);
      await reporter.finish({ batch, headline, elapsedMs: elapsed() });
      return;
    }
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
      // Not aborted by cancellation: once sent, its answer is needed to stop what it started. A
      // resend carries the same token, so CodeBuild retries once however often it is sent.
      batch = await patiently(() => codebuild.retryBatch(batchId, config.retryType, token));
      reporter.retried();
      // The retry response still shows the old group outcomes: shown only with that caveat.
      reporter.seen(batch, RETRY_RESPONSE_NOTE);
      if (!config.wait) {
        await reporter.finish({
          batch,
          elapsedMs: elapsed(),
          headline: `Retry accepted (${config.retryType}); not waiting for the outcome (wait: false).`,
          groupsNote: RETRY_RESPONSE_NOTE,
        });
        return;
      }
    }

    const result = await waitFor(batch, codebuild, deps, config, reporter, deadline, startedAt);
    if (result.kind !== 'complete') {
      const lastSeen = reporter.lastSeen ?? batch;
      return interrupt(result.kind, lastSeen, deps.clock, config, codebuild, reporter, elapsed);
    }
    batch = result.batch;
    if (step === 'retry') reporter.retryEnded(batch.buildBatchStatus ?? 'UNKNOWN');
  }

  const succeeded = batch.buildBatchStatus === 'SUCCEEDED';
  const headline = started
    ? startedHeadline(batch, attempts.length)
    : attempts.length === 0
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

/** Polls a running batch until it completes; `known` is the newest state seen before the wait. */
async function waitFor(
  known: BuildBatch,
  codebuild: CodeBuild,
  deps: Deps,
  config: Config,
  reporter: Reporter,
  deadline: number | undefined,
  startedAt: number,
) {
  const { io, clock } = deps;
  const batchId = known.id ?? '';
  io.info(
    `Waiting for ${batchId} to finish (polling every ${formatDuration(config.pollIntervalMs)}).`,
  );
  io.saveState(RUNNING_BATCH_STATE, config.stopOnCancel ? (known.arn ?? batchId) : '');
  const progress = new ProgressLog((line) => io.info(line), clock, startedAt);
  return waitForCompletion({
    describe: async (signal) => {
      const read = await codebuild.getBatch(batchId, signal);
      io.debug(
        read
          ? `Read ${batchId}: ${read.buildBatchStatus}, complete ${read.complete}, ${read.phases?.length ?? 0} phases.`
          : `Read ${batchId}: not found.`,
      );
      return read;
    },
    clock,
    intervalMs: config.pollIntervalMs,
    deadline,
    signal: deps.cancelled,
    known,
    onRead: (read) => {
      reporter.seen(read);
      progress.read(read);
    },
    onPoll: () => progress.tick(),
    onTransientError: (error, next) =>
      io.info(`Poll failed (${error.message}); trying again in ${formatDuration(next)}.`),
  });
}

/**
 * start-batch: StartBuildBatch for this commit (the request is built by start.ts, loaded only here).
 * The outputs and a notice with the console link come as soon as CodeBuild accepts it.
 */
async function startBatch(
  deps: Deps,
  target: Extract<Config['target'], { kind: 'start' }>,
  codebuild: CodeBuild,
  reporter: Reporter,
  patiently: <T>(call: () => Promise<T>) => Promise<T>,
): Promise<BuildBatch> {
  const { io } = deps;
  if (deps.cancelled.aborted) {
    throw new ActionError(
      'The workflow was cancelled before the batch build was started: nothing was started.',
    );
  }
  const { startRequest } = await import('./start.js');
  const request = startRequest(target.projectName, target.start, {
    env: deps.env,
    eventName: deps.event.name,
    sha: deps.event.sha,
    headSha: deps.event.headSha,
    idempotencyToken: startToken(deps.run, target.projectName) ?? randomUUID(),
  });
  io.info(
    `Starting a batch build of ${target.projectName} at ${request.sourceVersion ?? "the project's own source version"}.`,
  );
  // A resend carries the same token: CodeBuild starts one batch however often it is sent.
  const batch = await patiently(() => codebuild.startBatch(request));
  io.setOutput('batch-id', batch.id ?? '');
  reporter.seen(batch);
  const link = batchConsoleUrl(batch.arn);
  io.notice(
    `Started batch build #${batch.buildBatchNumber ?? '?'} of ${target.projectName}: ${link ?? batch.id}`,
  );
  return batch;
}

async function readBatch(
  codebuild: CodeBuild,
  batchId: string,
  config: Config,
  patiently: <T>(call: () => Promise<T>) => Promise<T>,
): Promise<BuildBatch> {
  const batch = await patiently(() => codebuild.getBatch(batchId));
  if (batch) return batch;
  const account =
    config.target.kind === 'batch' && config.target.account
      ? ` of account ${config.target.account}`
      : '';
  const where = `${await codebuild.region()}${account}`;
  throw new ActionError(
    `Batch build ${batchId} was not found in ${where}: ${await notFoundHint(codebuild, batchId)}`,
  );
}

/** What to do about a batch id CodeBuild does not know: a build id looks just like a batch id. */
async function notFoundHint(codebuild: CodeBuild, id: string): Promise<string> {
  const build = await codebuild
    .getBuilds([id], AbortSignal.timeout(5_000))
    .then((builds) => builds[0])
    .catch(() => undefined);
  if (build) {
    const batch = build.buildBatchArn?.split('/').slice(1).join('/');
    return batch
      ? `${id} is a build id, not a batch build id; it belongs to batch build ${batch}: set "batch-id" to that.`
      : `${id} is a build id, not a batch build id, and that build is not part of a batch.`;
  }
  return 'check "batch-id" (a batch build id, from the project\'s Batch history, not a build id) and the region (aws-region, or the ARN\'s).';
}

/** The newest batch of a project that failed on its own (FAILED, FAULT or TIMED_OUT), by number. */
async function newestFailedBatch(
  codebuild: CodeBuild,
  projectName: string,
  io: Io,
  patiently: <T>(call: () => Promise<T>) => Promise<T>,
): Promise<string | undefined> {
  const ids: string[] = [];
  for (const status of FAILED_STATUSES) {
    const listed = await patiently(() =>
      codebuild.listBatchIds(projectName, status, MAX_LISTED_BATCHES),
    );
    if (listed.more)
      io.warning(
        `Project ${projectName} has more than ${MAX_LISTED_BATCHES} ${status} batch builds; the newest is chosen among the first ${MAX_LISTED_BATCHES} listed.`,
      );
    ids.push(...listed.ids);
  }
  // The service lists by identifier, not by age: the batch number tells which is newest.
  const batches = await patiently(() => codebuild.getBatches(ids));
  const newest = batches.reduce<BuildBatch | undefined>(
    (best, b) => ((b.buildBatchNumber ?? 0) > (best?.buildBatchNumber ?? -1) ? b : best),
    undefined,
  );
  if (!newest?.id) {
    io.notice(
      `Project ${projectName} has no failed, faulted or timed-out batch build in ${await codebuild.region()}: nothing to retry.`,
    );
    io.setOutput('attempts', '0');
    io.setOutput('failed-build-groups', '[]');
    return undefined;
  }
  io.info(
    `Newest failed batch build of ${projectName}: ${newest.id} (#${newest.buildBatchNumber}, ${newest.buildBatchStatus}).`,
  );
  return newest.id;
}

/**
 * Cancelled or timed out while waiting: stop the batch (when asked to), report what is known, fail.
 * All of it fits in INTERRUPT_BUDGET_MS, so a cancelled step exits well before the runner's SIGTERM.
 */
async function interrupt(
  kind: 'cancelled' | 'timeout',
  lastKnown: BuildBatch,
  clock: Clock,
  config: Config,
  codebuild: CodeBuild,
  reporter: Reporter,
  elapsed: () => number,
): Promise<never> {
  const budgetEnd = clock.now() + INTERRUPT_BUDGET_MS;
  const left = () => budgetEnd - clock.now() - SUMMARY_RESERVE_MS;
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
        (await codebuild.stopBatch(batchId, AbortSignal.timeout(Math.min(STOP_MAX_MS, left())))) ??
        lastKnown;
      stopped = 'it has been stopped';
    } catch (error) {
      stopped = `stopping it failed: ${messageOf(error)}`;
    }
  }
  const sentence =
    kind === 'timeout'
      ? `Timed out after ${formatDuration(config.timeoutMs)} waiting for batch build ${batchId}: ${what}; ${stopped}.`
      : `The workflow was cancelled while waiting for batch build ${batchId}: ${what}; ${stopped}.`;
  const remaining = left();
  await reporter.finish({
    batch,
    headline: sentence,
    elapsedMs: elapsed(),
    interrupted: true,
    // Failure reasons, logs and reports only in what is left of the budget; none when nothing is.
    builds: remaining > 0 ? codebuild : undefined,
    signal: remaining > 0 ? AbortSignal.timeout(remaining) : undefined,
    logLines: config.logLines,
  });
  throw new ActionError(sentence);
}
