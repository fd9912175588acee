import { randomUUID } from 'node:crypto';
import type { BuildBatch } from '@aws-sdk/client-codebuild';
import { ActionError } from '../config/errors.js';
import { ServiceError } from '../aws/errors.js';
import { formatDuration, nextStep } from '../report/outcome.js';
import { RETRY_RESPONSE_NOTE } from './reporter.js';
import { retryToken } from '../config/token.js';
import type { Step } from './context.js';
import { interrupt } from './interrupt.js';
import { waitFor } from './poll.js';
import { Inputs, State } from '../config/names.js';

/**
 * Waits while the batch runs and retries it while it is red, up to max-attempts RetryBuildBatch
 * calls. Returns the final batch, or undefined when the step has already reported (wait: false).
 * A cancellation or timeout while waiting ends in interrupt(), which throws.
 */
export async function retryWhileRed(
  step: Step,
  first: BuildBatch,
): Promise<BuildBatch | undefined> {
  const { deps, config, codebuild, reporter } = step;
  const { io } = deps;
  const batchId = first.id ?? '';
  const { attempts } = reporter;
  let batch = first;
  for (;;) {
    const next = nextStep(batch);
    if (next === 'nothing-to-retry' || (next === 'retry' && attempts.length >= config.maxAttempts))
      return batch;
    if (next === 'wait' && !config.wait) {
      const headline = `Batch ${batchId} is ${batch.buildBatchStatus ?? 'IN_PROGRESS'}: not waiting for it (${Inputs.Wait}: false), and nothing was retried.`;
      io.notice(headline);
      await reporter.finish({ batch, headline, elapsedMs: step.elapsed() });
      return undefined;
    }
    if (next === 'retry') {
      // Before the cancellation check: a cancellation while waiting for them retries nothing.
      await reporter.logsWritten(deps.cancelled);
      if (deps.cancelled.aborted) {
        throw new ActionError(
          `The workflow was cancelled before batch build ${batchId} was retried: nothing was retried.`,
        );
      }
      const attempt = attempts.length + 1;
      // A retry polled first at the deadline only ever ends stopped: its builds would start, to be
      // stopped moments later, and the groups' real outcome would show as not run. A step that
      // does not wait (wait: false) stops nothing: its retry goes.
      const left =
        step.deadline === undefined || !config.wait ? Infinity : step.deadline - deps.clock.now();
      if (left <= config.pollIntervalMs) {
        // The red batch is the outcome, reported whole and judged by fail-on-batch-failure.
        io.warning(
          `Not retrying ${batchId}${attempts.length > 0 ? ' again' : ''} (attempt ${attempt} of ${config.maxAttempts}): ${Inputs.TimeoutMinutes} ends in ${formatDuration(Math.max(0, left))}, less than one ${Inputs.PollIntervalSeconds} (${formatDuration(config.pollIntervalMs)}).`,
        );
        return batch;
      }
      const token =
        retryToken(config.idempotencyToken, deps.run, batchId, config.retryType, attempt) ??
        randomUUID();
      io.info(
        `Retrying ${batchId} (${config.retryType}, attempt ${attempt} of ${config.maxAttempts}).`,
      );
      // Not aborted by cancellation: once sent, its answer is needed to stop what it started. A
      // resend carries the same token, so CodeBuild retries once however often it is sent. A step
      // killed before the answer leaves the post step the batch to stop (a batch that did not start
      // again is final, and CodeBuild answers its stop with its state).
      io.saveState(State.RunningBatchId, config.stopOnCancel ? (batch.arn ?? batchId) : '');
      const before = batch;
      batch = await step
        .patiently(() => codebuild.retryBatch(batchId, config.retryType, token))
        .catch((thrown: unknown) => {
          // Cancellation ended the resends: an earlier send may have retried the batch, whose answer
          // was lost. It is stopped as a cancelled wait's batch is. CodeBuild's own refusal is its
          // answer: it goes on as it is, whenever the cancellation came.
          const answered = thrown instanceof ServiceError && !thrown.transient;
          const last = thrown instanceof ActionError ? thrown.cause : thrown;
          if (deps.cancelled.aborted && !answered)
            return interrupt(
              step,
              'retrying',
              before,
              last instanceof Error ? last.message : undefined,
            );
          throw withTokenHint(thrown, config.idempotencyToken);
        });
      reporter.retried();
      // The retry response still shows the old group outcomes: shown only with that caveat.
      reporter.seen(batch, RETRY_RESPONSE_NOTE);
      if (!config.wait) {
        await reporter.finish({
          batch,
          elapsedMs: step.elapsed(),
          headline: `Retry accepted (${config.retryType}); not waiting for the outcome (${Inputs.Wait}: false).`,
          groupsNote: RETRY_RESPONSE_NOTE,
        });
        return undefined;
      }
    }

    const result = await waitFor(step, batch);
    if (result.kind !== 'complete') return interrupt(step, result.kind, reporter.lastSeen ?? batch);
    batch = result.batch;
    if (next === 'retry') reporter.retryEnded(batch.buildBatchStatus ?? 'UNKNOWN');
  }
}

/**
 * CodeBuild's refusal of a retry sent with the token the user gave, with what to do about it: a fixed
 * token (the run id, say) reused within its five minutes for another batch or retry type is refused
 * ("The idempotency token was already used with different parameters"), in words that do not name
 * the input. Other refusals (a batch that cannot be retried) keep their own words; a derived token is
 * this step's own: nothing to add.
 */
function withTokenHint(thrown: unknown, given: string | undefined): unknown {
  if (
    !given ||
    !(thrown instanceof ServiceError) ||
    thrown.code !== 'InvalidInputException' ||
    !/token/i.test(thrown.message)
  )
    return thrown;
  return new ActionError(
    `${thrown.message} Input "${Inputs.IdempotencyToken}" is set: CodeBuild refuses a token used in the last five minutes for another batch or retry type; give each step its own token, or leave the input out to have one derived.`,
    { cause: thrown },
  );
}
