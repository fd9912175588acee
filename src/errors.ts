import { formatDuration } from './outcome.js';

/**
 * Two kinds of failure reach the user. An ActionError is something they can fix (a bad input, a batch
 * that does not exist, a refused retry, expired credentials): its message is the one sentence they read,
 * and no stack trace is printed. A ServiceError is what CodeBuild answered, with the code, message and
 * request id that AWS support asks for. Anything else is a bug and keeps its stack (in the debug log).
 */
export class ActionError extends Error {
  override readonly name = 'ActionError';
}

export type ServiceErrorKind =
  | 'throttling'
  | 'transient'
  | 'expired-credentials'
  | 'invalid-credentials'
  /** An AWS_ENDPOINT_URL… override that cannot be reached: a setup mistake at the start, a blip later. */
  | 'unreachable-endpoint'
  | 'other';

export class ServiceError extends Error {
  override readonly name = 'ServiceError';
  constructor(
    readonly operation: string,
    readonly code: string,
    readonly detail: string,
    readonly requestId: string | undefined,
    readonly kind: ServiceErrorKind,
    /** The service that answered, as users name it. */
    readonly service = 'CodeBuild',
  ) {
    super(
      `${service} ${operation} failed: ${code}: ${detail || 'no message'}` +
        (requestId ? ` (request id ${requestId})` : ''),
    );
  }

  /** A failure worth polling through: it says nothing about the batch, only about this one call. */
  get transient(): boolean {
    return (
      this.kind === 'throttling' ||
      this.kind === 'transient' ||
      this.kind === 'unreachable-endpoint'
    );
  }

  /** The caller's role may not call this operation (IAM said no). */
  get denied(): boolean {
    return /AccessDenied|UnauthorizedOperation|NotAuthorized/.test(this.code);
  }
}

/** The sentence a user reads for any error, without a stack trace. */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/**
 * Credentials that ran out, or that the service does not know, end the step at once: two mistakes
 * with two different fixes, each said in one sentence.
 */
export function explainCredentials(error: unknown, elapsedMs: number): unknown {
  if (!(error instanceof ServiceError)) return error;
  const ref = `${error.code}${error.requestId ? `, request id ${error.requestId}` : ''}`;
  if (error.kind === 'expired-credentials') {
    return new ActionError(
      `The AWS credentials expired after ${formatDuration(elapsedMs)} of waiting (${ref}): set role-to-assume so that this action assumes the role itself and renews the credentials while it waits, or raise role-duration-seconds of aws-actions/configure-aws-credentials (and the role's maximum session duration) above the batch's duration.`,
    );
  }
  if (error.kind === 'invalid-credentials') {
    return new ActionError(
      `AWS did not accept the credentials (${ref}): the access key is not valid for this account or partition, or its secret is wrong; check what aws-actions/configure-aws-credentials (or the AWS_* variables) set, and that the region (${error.operation} was sent to it) is in the key's partition.`,
    );
  }
  return error;
}
