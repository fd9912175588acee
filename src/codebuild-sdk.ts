import {
  BatchGetBuildBatchesCommand,
  BatchGetBuildsCommand,
  BatchGetReportsCommand,
  CodeBuildClient,
  DescribeTestCasesCommand,
  ListBuildBatchesForProjectCommand,
  RetryBuildBatchCommand,
  StartBuildBatchCommand,
  StopBuildBatchCommand,
} from '@aws-sdk/client-codebuild';
import type { AwsCredentialIdentityProvider } from '@aws-sdk/types';
import { USER_AGENT, type CodeBuildSend } from './codebuild.js';

/**
 * CodeBuild through the SDK's client, for setups the action does not call directly (endpoints.ts):
 * profiles, SSO, instance roles, other partitions, FIPS. Loaded only then, or with a client handed in.
 */

const COMMANDS = {
  BatchGetBuildBatches: BatchGetBuildBatchesCommand,
  BatchGetBuilds: BatchGetBuildsCommand,
  BatchGetReports: BatchGetReportsCommand,
  DescribeTestCases: DescribeTestCasesCommand,
  ListBuildBatchesForProject: ListBuildBatchesForProjectCommand,
  RetryBuildBatch: RetryBuildBatchCommand,
  StartBuildBatch: StartBuildBatchCommand,
  StopBuildBatch: StopBuildBatchCommand,
};

/** The SDK's standard retry strategy handles single calls (throttling, 5xx, network errors). */
export function sdkClient(options: {
  region?: string;
  credentials?: AwsCredentialIdentityProvider;
}): CodeBuildClient {
  return new CodeBuildClient({
    region: options.region,
    credentials: options.credentials,
    retryMode: 'standard',
    maxAttempts: 3,
    // Without throwOnRequestTimeout the handler only warns, and a stalled answer is waited on for ever.
    requestHandler: {
      connectionTimeout: 5_000,
      requestTimeout: 30_000,
      throwOnRequestTimeout: true,
    },
    customUserAgent: USER_AGENT,
  });
}

export function sdkSend(client: CodeBuildClient): CodeBuildSend {
  return (operation, input, signal) => {
    const Command = COMMANDS[operation] as new (
      input: unknown,
    ) => Parameters<CodeBuildClient['send']>[0];
    return client.send(new Command(input), { abortSignal: signal }) as never;
  };
}
