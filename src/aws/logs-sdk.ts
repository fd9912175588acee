import { CloudWatchLogsClient, GetLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import type { AwsCredentialIdentityProvider } from '@aws-sdk/types';
import { LOGS_SERVICE, type GetLogEvents } from './logs.js';
import { sdkClientConfig } from './codebuild.js';

/**
 * GetLogEvents through the SDK's client, for setups the action does not call directly
 * (endpoints.ts). Loaded only then, or with a client handed in (tests).
 */
export function sdkGetLogEvents(options: {
  region?: string;
  client?: CloudWatchLogsClient;
  credentials?: AwsCredentialIdentityProvider;
}): GetLogEvents {
  // The endpoint comes from AWS_ENDPOINT_URL_CLOUDWATCH_LOGS / AWS_ENDPOINT_URL when set.
  const client = options.client ?? new CloudWatchLogsClient(sdkClientConfig(options, LOGS_SERVICE));
  return (input, signal) => client.send(new GetLogEventsCommand(input), { abortSignal: signal });
}
