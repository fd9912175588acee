import http from 'node:http';
import https from 'node:https';
import type { AwsCredentialIdentityProvider, ResponseMetadata } from '@aws-sdk/types';
import {
  isClockSkewError,
  isThrottlingError,
  isTransientError,
  StandardRetryStrategy,
} from '@smithy/core/retry';
import type { SdkError } from '@smithy/types';
import { signedHeaders } from './sigv4.js';

/**
 * Signed awsJson1_1 calls (CodeBuild, CloudWatch Logs) without the SDK's client. Building that client
 * and its middleware costs a run more start-up time and memory than the rest of the action together
 * (npm run bench: "the AWS SDK alone"). What the client does for these calls is done here with the
 * SDK's own retry strategy and error classification (@smithy/core/retry), SigV4 as its signer signs
 * (sigv4.ts), timestamps as the SDK parses them. endpoints.ts decides when this is the same as what
 * the SDK client would do; everything else goes through the client.
 */

export interface JsonServiceOptions {
  /** Where calls go: AWS_ENDPOINT_URL_* as given, or the service's regional endpoint. */
  endpoint: URL;
  region: string;
  /** SigV4 signing name, e.g. codebuild. */
  signingName: string;
  /** The X-Amz-Target prefix, e.g. CodeBuild_20161006. */
  target: string;
  credentials: AwsCredentialIdentityProvider;
  /** Output member names that are timestamps (epoch seconds on the wire, Date as the SDK gives them). */
  timestamps: ReadonlySet<string>;
  requestTimeoutMs: number;
  userAgent: string;
}

export type JsonCall = <Output>(
  operation: string,
  input: object,
  signal?: AbortSignal,
) => Promise<Output & { $metadata: ResponseMetadata }>;

/** The SDK's defaults, as src/codebuild.ts configures its client. */
const MAX_ATTEMPTS = 3;
const CONNECTION_TIMEOUT_MS = 5_000;
/** The SDK corrects its clock when the service's differs by this much (AwsSdkSigV4Signer). */
const SKEW_MS = 5 * 60_000;

interface HttpAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A failure shaped as the SDK shapes its own, so src/codebuild.ts reads both alike. */
type CallError = SdkError & { code?: string };

function failure(name: string, message: string, metadata: ResponseMetadata) {
  const error = new Error(message) as CallError;
  error.name = name;
  return Object.assign(error, {
    $metadata: metadata,
    $fault: (metadata.httpStatusCode ?? 0) >= 500 ? 'server' : 'client',
  }) as CallError & { $metadata: ResponseMetadata };
}

/**
 * The error code as the SDK's loadJsonRpcErrorCode reads it (aws-json.test.ts holds the two equal):
 * __type, then a code member in any case, then the X-Amzn-ErrorType header; cut at "," and ":", and
 * after "#". Not imported: @smithy/core/protocols adds 14 kB to what every run loads at start.
 */
export function errorCode(
  header: string | undefined,
  body: Record<string, unknown>,
): string | undefined {
  const codeKey = Object.keys(body).find((key) => key.toLowerCase() === 'code');
  const raw = [body.__type, codeKey === undefined ? undefined : body[codeKey], header].find(
    (value) => value !== undefined,
  );
  if (raw === undefined) return undefined;
  const clean = String(raw).split(',')[0]!.split(':')[0]!;
  return clean.includes('#') ? clean.split('#')[1] : clean;
}

/**
 * Turns every timestamp member of parsed JSON into a Date, at any depth, in place (the value is fresh
 * from JSON.parse: a copy would double what a 100-build answer allocates). Epoch seconds with a
 * fraction, rounded to the millisecond, as the SDK's parseEpochTimestamp; not imported from
 * @smithy/core/serde, whose date module is larger than the rest of this file.
 */
export function withDates<T>(value: T, timestamps: ReadonlySet<string>): T {
  if (!value || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (const item of value) withDates(item, timestamps);
    return value;
  }
  const object = value as Record<string, unknown>;
  for (const key of Object.keys(object)) {
    const v = object[key];
    if (timestamps.has(key) && (typeof v === 'number' || typeof v === 'string'))
      object[key] = new Date(Math.round(Number(v) * 1000));
    else withDates(v, timestamps);
  }
  return value;
}

function post(
  url: URL,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    // Host, port and path only: a query in an endpoint variable is neither signed nor sent (the SDK's
    // way too).
    const request = (url.protocol === 'http:' ? http : https).request({
      protocol: url.protocol,
      // An IPv6 address without its brackets (http://[::1]:4566), as the SDK's handler gives it.
      hostname: url.hostname.replace(/^\[(.*)\]$/, '$1'),
      port: url.port || undefined,
      path: url.pathname,
      method: 'POST',
      headers,
      signal,
    });
    // As the SDK's handler: no socket within 5 s, or no answer within the request timeout, is a
    // TimeoutError, which its retry strategy counts as transient.
    const connect = setTimeout(() => {
      const error = new Error(
        `Socket timed out without establishing a connection within ${CONNECTION_TIMEOUT_MS} ms`,
      );
      error.name = 'TimeoutError';
      request.destroy(error);
    }, CONNECTION_TIMEOUT_MS);
    request.on('socket', (socket) =>
      socket.connecting
        ? socket.once('connect', () => clearTimeout(connect))
        : clearTimeout(connect),
    );
    request.setTimeout(timeoutMs, () => {
      const error = new Error(`Connection timed out after ${timeoutMs} ms`);
      error.name = 'TimeoutError';
      request.destroy(error);
    });
    request.on('error', (error) => {
      clearTimeout(connect);
      if (signal?.aborted) {
        const aborted = new Error('Request aborted');
        aborted.name = 'AbortError';
        reject(aborted);
      } else reject(error);
    });
    request.on('response', (response) => {
      // Decoded as it comes (a character split across chunks is kept whole): no copy of the body
      // as bytes beside it.
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (part: string) => (body += part));
      response.on('error', reject);
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body }),
      );
    });
    request.end(body);
  });
}

function raceAbort<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      const aborted = new Error('Request aborted');
      aborted.name = 'AbortError';
      reject(aborted);
    };
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

export function createJsonService(options: JsonServiceOptions): JsonCall {
  // As the SDK's client asks its identity provider: with its own config, whose region a provider that
  // calls STS itself (role-to-assume's fromWebToken) uses.
  const identity = { callerClientConfig: { region: async () => options.region } };
  // One strategy per service, as one client has: its retry quota is shared by all calls.
  const retries = new StandardRetryStrategy(MAX_ATTEMPTS);
  let clockOffsetMs = 0;
  /** When a refusal asked to be sent again no sooner than (Retry-After), by the error it became. */
  const retryAfter = new WeakMap<Error, Date>();
  // The SDK posts to the endpoint's path with a trailing slash (https://proxy/aws → /aws/).
  const endpoint = new URL(options.endpoint.href);
  if (!endpoint.pathname.endsWith('/')) endpoint.pathname += '/';
  endpoint.search = '';

  async function attempt(operation: string, body: string, signal?: AbortSignal) {
    const headers = signedHeaders({
      path: endpoint.pathname,
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': `${options.target}.${operation}`,
        'user-agent': options.userAgent,
        host: endpoint.host,
        'content-length': String(Buffer.byteLength(body)),
      },
      body,
      credentials: await options.credentials(identity),
      region: options.region,
      service: options.signingName,
      date: new Date(Date.now() + clockOffsetMs),
    });
    const answer = await post(endpoint, headers, body, options.requestTimeoutMs, signal);
    const header = (name: string) => [answer.headers[name]].flat()[0];
    const requestId =
      header('x-amzn-requestid') ?? header('x-amzn-request-id') ?? header('x-amz-request-id');
    const metadata: ResponseMetadata = { httpStatusCode: answer.status, requestId };
    const ok = answer.status >= 200 && answer.status < 300;
    // Rare, so its reader loads only then.
    const hint =
      !ok && (header('retry-after') ?? header('x-amz-retry-after')) !== undefined
        ? (await import('./retry-after.js')).retryAfterHint(answer.status, answer.headers)
        : undefined;
    const failed = <E extends Error>(error: E) => {
      if (hint) retryAfter.set(error, hint);
      return error;
    };
    let json: unknown;
    try {
      json = answer.body ? JSON.parse(answer.body) : {};
    } catch (error) {
      // As the SDK: a body that is not JSON fails the call, whatever the status.
      throw failed(Object.assign(error as Error, { $metadata: metadata }));
    }
    const parsed = (json && typeof json === 'object' ? json : {}) as Record<string, unknown>;
    if (ok) return { parsed, metadata };
    const message = parsed.message ?? parsed.Message;
    const error = failure(
      errorCode(header('x-amzn-errortype'), parsed) ?? 'UnknownError',
      typeof message === 'string' ? message : '',
      metadata,
    );
    // The service's clock differs from ours: sign with its time from now on, and try again.
    const serverTime = Date.parse(header('date') ?? '');
    if (
      !Number.isNaN(serverTime) &&
      Math.abs(serverTime - (Date.now() + clockOffsetMs)) >= SKEW_MS
    ) {
      clockOffsetMs = serverTime - Date.now();
      // The SDK's signer marks the error so that its retry strategy counts it as transient.
      if (isClockSkewError(error)) Object.assign(error.$metadata, { clockSkewCorrected: true });
    }
    throw failed(error);
  }

  return async <Output>(operation: string, input: object, signal?: AbortSignal) => {
    // Members set to null are left out, as the SDK's serializer leaves them out.
    const body = JSON.stringify(input, (_, value: unknown) => (value === null ? undefined : value));
    let token = await retries.acquireInitialRetryToken('');
    for (;;) {
      try {
        const { parsed, metadata } = await attempt(operation, body, signal);
        retries.recordSuccess(token);
        return {
          ...(withDates(parsed, options.timestamps) as Output),
          $metadata: { ...metadata, attempts: token.getRetryCount() + 1 },
        };
      } catch (thrown) {
        const error = thrown as CallError;
        if (error.name === 'AbortError') throw error;
        const errorType = isThrottlingError(error)
          ? 'THROTTLING'
          : isTransientError(error)
            ? 'TRANSIENT'
            : 'CLIENT_ERROR';
        try {
          const retryAfterHint = retryAfter.get(error);
          token = await raceAbort(
            retries.refreshRetryTokenForRetry(token, { errorType, retryAfterHint }),
            signal,
          );
        } catch (refusal) {
          if ((refusal as Error).name === 'AbortError') throw refusal;
          throw error;
        }
      }
    }
  };
}
