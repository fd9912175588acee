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
import { CODEBUILD_SERVICE, sdkClientConfig, type CodeBuildSend } from './codebuild.js';

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

export function sdkClient(options: {
  region?: string;
  credentials?: AwsCredentialIdentityProvider;
}): CodeBuildClient {
  return new CodeBuildClient(sdkClientConfig(options, CODEBUILD_SERVICE));
}

export function sdkSend(client: CodeBuildClient): CodeBuildSend {
  return (operation, input, signal) => {
    const Command = COMMANDS[operation] as new (
      input: unknown,
    ) => Parameters<CodeBuildClient['send']>[0];
    return client.send(new Command(input), { abortSignal: signal }) as never;
  };
}
