import { isServerError, isThrottlingError, isTransientError } from '@smithy/core/retry';
import { ActionError } from '../config/errors.js';
import { redact, secretForms, serviceMessage } from '../report/text.js';
import { noCredentials, noRegion, unreachableEndpoint, type EndpointOverride } from './setup.js';

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
  /** The service's message as shown: cut in its middle, for a service may answer with megabytes. */
  readonly detail: string;
  constructor(
    readonly operation: string,
    readonly code: string,
    /** The whole message, for withoutValues: a value cut through would no longer be found. */
    readonly wholeDetail: string,
    readonly requestId: string | undefined,
    readonly kind: ServiceErrorKind,
    /** The service that answered, as users name it. */
    readonly service = 'CodeBuild',
  ) {
    const detail = serviceMessage(wholeDetail);
    super(
      `${service} ${operation} failed: ${code}: ${detail || 'no message'}` +
        (requestId ? ` (request id ${requestId})` : ''),
    );
    this.detail = detail;
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

/** Codes that mean the session's credentials ran out: retrying cannot help. */
const EXPIRED_CODES = new Set(['ExpiredTokenException', 'ExpiredToken', 'TokenRefreshRequired']);
/** Codes that mean the service does not know the key, or the signature is wrong: another mistake. */
const INVALID_CODES = new Set([
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'SignatureDoesNotMatch',
  'InvalidSignatureException',
]);

/** What the SDK throws: a service exception with its metadata, or a client-side error. */
type SdkFailure = Error & {
  code?: string;
  $metadata?: { requestId?: string; httpStatusCode?: number };
};

function classify(error: SdkFailure, code: string): ServiceErrorKind {
  if (EXPIRED_CODES.has(code)) return 'expired-credentials';
  if (INVALID_CODES.has(code)) return 'invalid-credentials';
  const sdkError = error as Parameters<typeof isThrottlingError>[0];
  if (isThrottlingError(sdkError)) return 'throttling';
  // A body that does not parse (a proxy's page, a cut-off answer) says nothing about the batch either.
  if (isTransientError(sdkError) || isServerError(sdkError) || error.name === 'SyntaxError')
    return 'transient';
  return 'other';
}

/**
 * Turns whatever the SDK threw into one ServiceError with code, message and request id; a setup
 * mistake (no credentials, no region) into the ActionError saying what to do. The endpoint override
 * in effect, when given, is named when it cannot be reached; service names who answered.
 */
export function toServiceError(
  operation: string,
  thrown: unknown,
  options: { endpoint?: EndpointOverride; service?: string } = {},
): unknown {
  if (!(thrown instanceof Error) || thrown.name === 'AbortError') return thrown;
  // Already said (the role's credential provider fails this way).
  if (thrown instanceof ActionError || thrown instanceof ServiceError) return thrown;
  const error = thrown as SdkFailure;
  const code = error.code && /^E[A-Z]+$/.test(error.code) ? error.code : error.name;
  const status = error.$metadata?.httpStatusCode;
  // Deserialization errors add lines about the raw response: the first line is the message.
  const detail = error.message?.split('\n')[0]?.trim() || (status ? `HTTP ${status}` : '');
  if (code === 'CredentialsProviderError' && !error.$metadata)
    return new ActionError(noCredentials(detail));
  // No region, or an empty one (AWS_REGION set to an unset workflow variable): the same mistake.
  if (detail === 'Region is missing' || detail.startsWith('Region not accepted: region=""'))
    return new ActionError(noRegion(process.env));
  const unreachable = unreachableEndpoint(code, options.endpoint);
  return new ServiceError(
    operation,
    code,
    unreachable ?? detail,
    error.$metadata?.requestId,
    unreachable ? 'unreachable-endpoint' : classify(error, code),
    options.service,
  );
}

/**
 * The failure with these values taken out of the service's message, for a request that carried
 * them: a failure may echo its request (a proxy's error page does).
 */
export function withoutValues(thrown: unknown, values: readonly string[]): unknown {
  if (!(thrown instanceof ServiceError)) return thrown;
  const detail = redact(thrown.wholeDetail, secretForms(values));
  if (detail === thrown.wholeDetail) return thrown;
  const { operation, code, requestId, kind, service } = thrown;
  return new ServiceError(operation, code, detail, requestId, kind, service);
}
