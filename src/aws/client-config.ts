import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import type {
  AwsCredentialIdentityProvider,
  FinalizeRequestMiddleware,
  HttpRequest,
  MiddlewareStack,
} from '@aws-sdk/types';

const USER_AGENT = 'codebuild-batch-retry';

/**
 * A client's last chance at its one call (the post step's stop): six attempts, waiting 0.25, 0.5, 1,
 * 1.5 and 1.5 s between them, throttled or not (4.75 s in all), where the standard strategy's three
 * are spent by a passing 5xx in 0.3 s and its throttling back-off runs to 8 s and more.
 */
const lastChance = () =>
  new ConfiguredRetryStrategy(6, (attempt) => Math.min(1_500, 125 * 2 ** attempt));

/**
 * How the action's SDK clients (CodeBuild, CloudWatch Logs) are configured: the standard retry
 * strategy for single calls (throttling, 5xx, network errors), three attempts (or lastChance's), and
 * request timeouts that throw (without throwOnRequestTimeout the SDK's handler only warns, and a
 * stalled answer is waited on for ever). Endpoints come from AWS_ENDPOINT_URL_* as the SDK reads them.
 */
export function clientConfig(
  options: {
    region?: string;
    credentials?: AwsCredentialIdentityProvider;
    /** One call that matters more than its time (the post step's stop): see lastChance. */
    lastChance?: boolean;
  },
  requestTimeoutMs: number,
) {
  return {
    region: options.region,
    credentials: options.credentials,
    ...(options.lastChance
      ? { retryStrategy: lastChance() }
      : { retryMode: 'standard', maxAttempts: 3 }),
    requestHandler: {
      connectionTimeout: 5_000,
      requestTimeout: requestTimeoutMs,
      throwOnRequestTimeout: true,
    },
    customUserAgent: USER_AGENT,
  };
}

/**
 * Hands `secret` the key id and session token each request is signed with, wherever the SDK's chain
 * found them (variables, a profile, SSO, an instance role or container endpoint): a failure may echo
 * the request, and what the step writes must not hold them. Read from the signed request, after the
 * SDK's own signing; the secret key itself never travels.
 */
export function keepSigningSecrets<Input extends object, Output extends object>(
  stack: Pick<MiddlewareStack<Input, Output>, 'addRelativeTo'>,
  secret: (value: string) => void,
): void {
  const middleware: FinalizeRequestMiddleware<Input, Output> = (next) => async (args) => {
    const headers = (args.request as HttpRequest).headers ?? {};
    const token = headers['x-amz-security-token'];
    if (token) secret(token);
    const keyId = /Credential=([^/,\s]+)\//.exec(headers.authorization ?? '')?.[1];
    if (keyId) secret(keyId);
    return next(args);
  };
  stack.addRelativeTo(middleware, {
    relation: 'after',
    toMiddleware: 'httpSigningMiddleware',
    name: 'keepSigningSecrets',
  });
}
