import { createHash } from 'node:crypto';
import type { RetryBuildBatchType, StartBuildBatchCommandInput } from '@aws-sdk/client-codebuild';

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
 * The idempotency token of the StartBuildBatch call (start-batch): this step's run identity and the
 * whole request. Matrix legs share the run identity, so the request tells them apart: legs that send
 * different requests start a batch each (a shared token would be CodeBuild's parameter-mismatch
 * error), while a resend, or a leg with the very same request, gets the batch already started within
 * the token's five minutes. Hashed, so no value of the request (a variable's) shows in the token.
 */
export function startToken(
  run: RunIdentity,
  request: StartBuildBatchCommandInput,
): string | undefined {
  // The token covers the request it is sent with, not itself.
  return derived(
    run,
    'StartBuildBatch',
    canonicalJson({ ...request, idempotencyToken: undefined }),
  );
}

/**
 * JSON with object keys sorted at every depth (members left undefined are dropped, as the SDK does not
 * send them): the same request always gives the same text. Lists keep their order, as they are sent.
 */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_, member: unknown) =>
    member !== null && typeof member === 'object' && !Array.isArray(member)
      ? Object.fromEntries(Object.entries(member).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : member,
  );
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
