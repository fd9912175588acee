import type { AwsCredentialIdentityProvider } from '@aws-sdk/types';

const USER_AGENT = 'codebuild-batch-retry';

/**
 * How the action's SDK clients (CodeBuild, CloudWatch Logs) are configured: the standard retry
 * strategy for single calls (throttling, 5xx, network errors), three attempts, and request timeouts
 * that throw (without throwOnRequestTimeout the SDK's handler only warns, and a stalled answer is
 * waited on for ever). Endpoints come from AWS_ENDPOINT_URL_* as the SDK reads them.
 */
export function clientConfig(
  options: { region?: string; credentials?: AwsCredentialIdentityProvider },
  requestTimeoutMs: number,
) {
  return {
    region: options.region,
    credentials: options.credentials,
    retryMode: 'standard',
    maxAttempts: 3,
    requestHandler: {
      connectionTimeout: 5_000,
      requestTimeout: requestTimeoutMs,
      throwOnRequestTimeout: true,
    },
    customUserAgent: USER_AGENT,
  };
}
