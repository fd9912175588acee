import { randomUUID } from 'node:crypto';
import type { BuildBatch } from '@aws-sdk/client-codebuild';
import { ActionError } from '../config/errors.js';
import type { Config } from '../config/inputs.js';
import { batchConsoleUrl } from '../report/links.js';
import { startToken } from '../config/token.js';
import type { Step } from './context.js';

/**
 * start-batch: StartBuildBatch for this commit (the request is built by start-request.ts, loaded only
 * here). The outputs and a notice with the console link come as soon as CodeBuild accepts it.
 */
export async function startBatch(
  step: Step,
  target: Extract<Config['target'], { kind: 'start' }>,
): Promise<BuildBatch> {
  const { deps, codebuild, reporter } = step;
  const { io } = deps;
  if (deps.cancelled.aborted) {
    throw new ActionError(
      'The workflow was cancelled before the batch build was started: nothing was started.',
    );
  }
  const { startRequest } = await import('../config/start-request.js');
  const built = startRequest(target.projectName, target.start, {
    env: deps.env,
    eventName: deps.event.name,
    sha: deps.event.sha,
    headSha: deps.event.headSha,
  });
  const request = { ...built, idempotencyToken: startToken(deps.run, built) ?? randomUUID() };
  io.info(
    `Starting a batch build of ${target.projectName} at ${request.sourceVersion ?? "the project's own source version"}.`,
  );
  // A resend carries the same token: CodeBuild starts one batch however often it is sent.
  const batch = await step.patiently(() => codebuild.startBatch(request));
  io.setOutput('batch-id', batch.id ?? '');
  reporter.seen(batch);
  const link = batchConsoleUrl(batch.arn);
  io.notice(
    `Started batch build #${batch.buildBatchNumber ?? '?'} of ${target.projectName}: ${link ?? batch.id}`,
  );
  return batch;
}
