// The start of an action built the conventional way, as the official aws-codebuild-run-build is: it
// imports @actions/core, @actions/github (Octokit with it) and the CodeBuild and CloudWatch Logs
// aggregated clients at its top, builds both clients and sends one request. npm run bench bundles it
// with ncc's defaults (CommonJS builds of the SDK, nothing deferred) and times it beside the action,
// so that each run checks the action starts no slower than such a build.
import * as core from '@actions/core';
import * as github from '@actions/github';
import { CloudWatchLogs } from '@aws-sdk/client-cloudwatch-logs';
import { CodeBuild } from '@aws-sdk/client-codebuild';

const customUserAgent = 'codebuild-batch-retry-bench';
const codeBuild = new CodeBuild({ customUserAgent });
new CloudWatchLogs({ customUserAgent });
core.info(`${github.context.repo.owner}/${github.context.repo.repo}`);
await codeBuild.batchGetBuildBatches({ ids: [core.getInput('batch-id')] });
