import { createHash } from 'node:crypto';
import type { RetryBuildBatchType } from '@aws-sdk/client-codebuild';

/** What identifies one execution of this step inside a workflow run. */
export interface RunIdentity {
  runId?: string;
  runAttempt?: string;
  job?: string;
  /** GITHUB_ACTION: the step's id (or a generated name), unique within the job. */
  step?: string;
}

/**
 * The one hashing scheme for derived tokens: this execution of the step (run, run attempt, job, step)
 * plus what the call is about. Undefined outside a runner: the caller then uses a random one.
 */
function derived(run: RunIdentity, ...about: Array<string | number>): string | undefined {
  if (!run.runId) return undefined;
  const material = [run.runId, run.runAttempt ?? '1', run.job ?? '', run.step ?? '', ...about];
  return `gh-${createHash('sha256').update(material.join('\n')).digest('hex').slice(0, 40)}`;
}

/**
 * The idempotency token of one RetryBuildBatch call. The same step executed twice within the token's
 * five minutes sends the same token (so CodeBuild retries once), while a re-run of the job has a new
 * run attempt and so a new token. Undefined outside a runner: the caller then uses a random one.
 */
export function idempotencyToken(
  run: RunIdentity,
  batchId: string,
  retryType: RetryBuildBatchType,
  attempt: number,
): string | undefined {
  return derived(run, batchId, retryType, attempt);
}

/**
 * The idempotency token of the StartBuildBatch call (start-batch): a resent or repeated start of the
 * same step within five minutes gets the batch already started instead of a second one.
 */
export function startToken(run: RunIdentity, projectName: string): string | undefined {
  return derived(run, 'StartBuildBatch', projectName);
}

/**
 * The token of retry `attempt`: a token the user gave is sent as given on the first attempt and
 * suffixed on later ones (the same token again would only replay the first retry); otherwise derived.
 */
export function retryToken(
  given: string | undefined,
  run: RunIdentity,
  batchId: string,
  retryType: RetryBuildBatchType,
  attempt: number,
): string | undefined {
  if (given) return attempt === 1 ? given : `${given}-${attempt}`;
  return idempotencyToken(run, batchId, retryType, attempt);
}
