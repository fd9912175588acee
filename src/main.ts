import type { BuildBatch } from '@aws-sdk/client-codebuild';
import { ActionError } from './config/errors.js';
import { explainCredentials } from './report/explain.js';
import { startRequested } from './config/inputs.js';
import { failureSentence, nextStep } from './report/outcome.js';
import { runnerDeps } from './github/deps.js';
import { fail, failureMessage } from './github/io.js';
import { holdYoungGeneration } from './github/heap.js';
import {
  completeLeftoverCheckRuns,
  isPostStep,
  markMainStep,
  stopLeftoverBatch,
} from './github/post.js';
import { Reporter } from './steps/reporter.js';
import { wantsGitHub } from './config/github-inputs.js';
import { beginStep, type Deps, type GitHubStep, type Step } from './steps/context.js';
import { findBatch } from './steps/find.js';
import { cancelBudget, INTERRUPT_BUDGET_MS, StopNotAnswered } from './steps/interrupt.js';
import { retryWhileRed } from './steps/retry.js';
import { startBatch, type StartedBatch } from './steps/start-batch.js';
import { retriedHeadline, startedHeadline } from './report/summary.js';
import { Inputs, State } from './config/names.js';

/**
 * The action's entry, for the runner (dist/index.js) and for @github/local-action: the main step,
 * or, when the runner calls it again as the post step, the stop of a batch the main step left running.
 */
export async function run(): Promise<void> {
  if (isPostStep()) {
    await stopLeftoverBatch();
    return completeLeftoverCheckRuns();
  }
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
  const reporter = new Reporter(deps.io, () => void holdYoungGeneration());
  const startedAt = deps.clock.now();
  let stopLeft = false;
  try {
    await retryAndWait(deps, reporter, startedAt);
  } catch (error) {
    stopLeft = error instanceof StopNotAnswered;
    // Whatever went wrong, the summary says it, with what is known of the batch.
    const elapsedMs = deps.clock.now() - startedAt;
    const failure = explainCredentials(error, elapsedMs);
    await reporter.failed(
      failureMessage(failure),
      elapsedMs,
      startRequested(deps.inputs) ? 'start' : 'retry',
    );
    throw failure;
  } finally {
    // The check runs' last updates and the comment, within their own budget; never a failure.
    await reporter.settle();
    // The step told its own story to the end: the post step has no batch to stop. Only a step
    // killed before this line, or whose stop went unanswered, leaves the state set.
    if (!stopLeft) deps.io.saveState(State.RunningBatchId, '');
  }
}

/** The story: find or start the batch, retry it while it is red, wait, and report the outcome. */
async function retryAndWait(deps: Deps, reporter: Reporter, startedAt: number): Promise<void> {
  const step = beginStep(deps, reporter, startedAt);
  const { config } = step;
  const target = config.target;
  // step-log: only a waiting step sees groups end.
  if (config.wait)
    reporter.followLogs(config.stepLog, config.logLines, step.codebuild, deps.cancelled);
  // Check runs and the pull request's comment: Octokit is loaded only when one is asked for.
  if (deps.github && wantsGitHub(config.github))
    reporter.attach(await deps.github(config.github, githubStep(deps, target.kind === 'start')));
  const start = target.kind === 'start' ? await startBatch(step, target) : undefined;
  if (start && !config.wait) {
    const number = start.batch.buildBatchNumber ?? '?';
    await reporter.finish({
      batch: start.batch,
      elapsedMs: step.elapsed(),
      headline: start.followed
        ? `Following batch #${number}, started by another step with the same request; not waiting for the outcome (${Inputs.Wait}: false).`
        : `Started batch #${number}; not waiting for the outcome (${Inputs.Wait}: false).`,
    });
    return;
  }
  // A batch just started is taken from the start's answer: a read this early may not find it yet.
  const found =
    start?.batch ?? (target.kind !== 'start' ? await findBatch(step, target) : undefined);
  if (!found) return;
  reporter.seen(found);
  const final = await retryWhileRed(step, found);
  if (final) await conclude(step, final, start);
}

/** The final report: headline, outputs, summary, annotations; the step fails when the batch did. */
async function conclude(step: Step, batch: BuildBatch, start?: StartedBatch): Promise<void> {
  const { config, reporter } = step;
  const { io, cancelled } = step.deps;
  // The batch is final and nothing more is retried: even if the step is killed during the reads
  // below, the post step must not stop it.
  io.saveState(State.RunningBatchId, '');
  const { attempts } = reporter;
  const succeeded = batch.buildBatchStatus === 'SUCCEEDED';
  const headline = start
    ? startedHeadline(batch, attempts.length, start.followed)
    : attempts.length > 0
      ? retriedHeadline(batch, attempts.length, config.retryType)
      : // Red and retryable, yet not retried: timeout-minutes left no time to see a retry through.
        nextStep(batch) === 'retry'
        ? `Batch ${batch.id} is ${batch.buildBatchStatus}, and was not retried: ${Inputs.TimeoutMinutes} left less than one ${Inputs.PollIntervalSeconds} to see a retry through.`
        : `Batch ${batch.id} already ${batch.buildBatchStatus}: nothing to retry${succeeded && config.retryType === 'RETRY_ALL_BUILDS' ? ` (CodeBuild retries only a batch that did not succeed, ${config.retryType} too: start a new batch to run it again)` : ''}.`;
  if (attempts.length === 0 && succeeded) io.notice(headline);
  const outcome = await reporter.finish({
    batch,
    headline,
    elapsedMs: step.elapsed(),
    builds: step.codebuild,
    logLines: config.logLines,
    // On cancellation the reads get what is left of the cancel budget, not the diagnosis' 15 s.
    signal: cancelBudget(cancelled),
  });
  if (!succeeded) {
    const sentence = failureSentence(outcome);
    if (config.failOnBatchFailure) throw new ActionError(sentence);
    io.warning(`${sentence} The step succeeds because ${Inputs.FailOnBatchFailure} is false.`);
  }
}

/** What the check runs and the comment get of the step. */
function githubStep(deps: Deps, started: boolean): GitHubStep {
  const { io, clock, cancelled } = deps;
  return { io, clock, cancelled, started, cancelBudgetMs: INTERRUPT_BUDGET_MS };
}
