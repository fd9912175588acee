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
