// What the AWS SDK alone costs: a program that builds the CodeBuild client with src/codebuild.ts's
// options and sends one BatchGetBuildBatches, nothing else. npm run bench bundles it with
// scripts/build.mjs, as the action is bundled, and times it beside the action: the difference is what
// the action's own code adds to the start, and this program's figures are the floor under the action's.
import { BatchGetBuildBatchesCommand, CodeBuildClient } from '@aws-sdk/client-codebuild';

const client = new CodeBuildClient({
  region: process.env.AWS_REGION,
  retryMode: 'standard',
  maxAttempts: 3,
  requestHandler: { connectionTimeout: 5_000, requestTimeout: 30_000, throwOnRequestTimeout: true },
  customUserAgent: 'codebuild-batch-retry',
});
await client.send(new BatchGetBuildBatchesCommand({ ids: [process.env['INPUT_BATCH-ID'] ?? ''] }));
