import type { BuildBatch } from '@aws-sdk/client-codebuild';
import { ActionError, messageOf } from '../config/errors.js';
import { ServiceError } from '../aws/errors.js';
import { describeBatch, formatDuration, isFinalStatus } from '../report/outcome.js';
import type { Step } from './context.js';
import { persist } from './wait.js';
import { Inputs } from '../config/names.js';

/**
 * From SIGINT the runner allows 7.5 s before SIGTERM: stopping the batch, reading failure reasons,
 * the summary and the outputs all fit in this budget. StopBuildBatch may use at most STOP_MAX_MS of
 * it; the summary and outputs keep SUMMARY_RESERVE_MS, and what does not fit is left out.
 */
export const INTERRUPT_BUDGET_MS = 5_000;
const STOP_MAX_MS = 3_000;
const SUMMARY_RESERVE_MS = 500;

/**
 * For the reads after the batch is final: aborts once the workflow has been cancelled for as long as
 * INTERRUPT_BUDGET_MS leaves for them, so the summary and outputs are still written well before the
 * runner's SIGTERM. A timer, as AbortSignal.timeout: monotonic, and it keeps no process alive.
 */
export function cancelBudget(cancelled: AbortSignal): AbortSignal {
  const controller = new AbortController();
  const arm = () =>
    setTimeout(
      () => controller.abort(new DOMException('The workflow was cancelled.', 'TimeoutError')),
      INTERRUPT_BUDGET_MS - SUMMARY_RESERVE_MS,
    ).unref();
  if (cancelled.aborted) arm();
  else cancelled.addEventListener('abort', arm, { once: true });
  return controller.signal;
}

/**
 * Cancelled or timed out while waiting, or cancelled while a retry went unanswered ('retrying':
 * CodeBuild may have acted on a send whose answer was lost): stop the batch (when asked to), report
 * what is known, fail. All of it fits in INTERRUPT_BUDGET_MS, so a cancelled step exits well before
 * the runner's SIGTERM.
 */
export async function interrupt(
  step: Step,
  kind: 'cancelled' | 'timeout' | 'retrying',
  lastKnown: BuildBatch,
  /** With 'retrying': how the last send failed (code, message, request id). */
  lastFailure?: string,
): Promise<never> {
  const { config, codebuild, reporter } = step;
  const { clock } = step.deps;
  const budgetEnd = clock.now() + INTERRUPT_BUDGET_MS;
  const left = () => budgetEnd - clock.now() - SUMMARY_RESERVE_MS;
  const batchId = lastKnown.id ?? '';
  const doing = describeBatch(lastKnown);
  const unfinished = doing.groups.filter((g) => !isFinalStatus(g.status));
  // A group waiting for one it depends on (PENDING, or no build yet) has not started: not "running".
  const running = unfinished.filter((g) => g.status === 'IN_PROGRESS').map((g) => g.identifier);
  const waiting = unfinished.filter((g) => g.status !== 'IN_PROGRESS').map((g) => g.identifier);
  const still = [
    running.length > 0 ? `${running.join(', ')} still running` : '',
    waiting.length > 0 ? `${waiting.join(', ')} not started` : '',
  ].filter(Boolean);
  const what =
    `the batch was ${doing.status}` + (still.length > 0 ? ` with ${still.join(' and ')}` : '');
  let batch = lastKnown;
  let stopped = `it was left running (${Inputs.StopOnCancel} is false)`;
  let handOver = false;
  if (config.stopOnCancel) {
    let lastAnswer: ServiceError | undefined;
    try {
      // Sent again after a passing failure (a 503 through the SDK's attempts takes a fraction of a
      // second) while its window lasts: a batch left running costs more than the seconds it takes.
      const stopWindow = Math.min(STOP_MAX_MS, left());
      const stopEnd = clock.now() + stopWindow;
      const answer = await persist(
        () =>
          codebuild
            .stopBatch(batchId, AbortSignal.timeout(Math.max(1, stopEnd - clock.now())))
            .catch((error: unknown) => {
              if (error instanceof ServiceError) lastAnswer = error;
              throw error;
            }),
        clock,
        { limitMs: stopWindow },
      );
      batch = answer ?? lastKnown;
      // A batch that ended before the stop is answered with its final state, not an error.
      const status = answer?.buildBatchStatus;
      stopped =
        answer?.complete === true && status && status !== 'STOPPED' && isFinalStatus(status)
          ? `it had ended ${status} before it could be stopped`
          : 'it has been stopped';
    } catch (error) {
      // Not refused, only not answered in time (or a passing failure): the post step's stop, with
      // more time, is the next chance.
      handOver = !(error instanceof ServiceError) || error.transient;
      // A send cut off by the window ends in the SDK's bare 'Request aborted': CodeBuild's last
      // answer (code, message, request id) says more.
      stopped = `stopping it failed: ${messageOf(error instanceof ServiceError ? error : (lastAnswer ?? error))}`;
    }
  }
  const sentence =
    kind === 'timeout'
      ? `Timed out after ${formatDuration(config.timeoutMs)} (${Inputs.TimeoutMinutes}) waiting for batch build ${batchId}: ${what}; ${stopped}.`
      : kind === 'retrying'
        ? `The workflow was cancelled while RetryBuildBatch for batch build ${batchId} went unanswered (CodeBuild may have acted on it${lastFailure ? `; the last send: ${lastFailure}` : ''}): ${stopped}.`
        : `The workflow was cancelled while waiting for batch build ${batchId}: ${what}; ${stopped}.`;
  // The retry this wait followed ends here: the summary's list of retries shows how (STOPPED when
  // stopped, still IN_PROGRESS when left running).
  if (reporter.attempts.at(-1)?.result === 'IN_PROGRESS' && batch.buildBatchStatus)
    reporter.retryEnded(batch.buildBatchStatus);
  const remaining = left();
  await reporter.finish({
    batch,
    headline: sentence,
    elapsedMs: step.elapsed(),
    interrupted: true,
    // Failure reasons, logs and reports only in what is left of the budget; none when nothing is.
    builds: remaining > 0 ? codebuild : undefined,
    signal: remaining > 0 ? AbortSignal.timeout(remaining) : undefined,
    logLines: config.logLines,
  });
  throw handOver ? new StopNotAnswered(sentence) : new ActionError(sentence);
}

/**
 * The step's failure when its stop did not get through: the batch may still run, and the state
 * keeps it for the post step to stop (main.ts leaves State.RunningBatchId set).
 */
export class StopNotAnswered extends ActionError {}
