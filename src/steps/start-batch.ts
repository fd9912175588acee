import { randomUUID } from 'node:crypto';
import type { BuildBatch } from '@aws-sdk/client-codebuild';
import { withoutValues } from '../aws/errors.js';
import { ActionError } from '../config/errors.js';
import type { Config } from '../config/inputs.js';
import { Outputs } from '../config/names.js';
import { batchConsoleUrl } from '../report/links.js';
import { startToken } from '../config/token.js';
import type { Step } from './context.js';
import { unknownProject } from './find.js';

/** The batch start-batch works on, and whether another step with the same request started it. */
export interface StartedBatch {
  batch: BuildBatch;
  followed: boolean;
}

/** Within this, a Date header (whole seconds) cannot tell a runner's clock from CodeBuild's. */
const CLOCKS_AGREE_MS = 1_500;

/**
 * Whether CodeBuild answered the start with a batch that began before this step sent it: the token
 * (run identity and request) was used already, by a matrix leg with the same request or by this step
 * earlier in the run attempt, and nothing new was started. CodeBuild's answer does not say so itself;
 * its startTime against the moment the request was sent is what tells. A resend of this step's own
 * request is no follower: `sentAt` is taken before the first send.
 *
 * startTime is CodeBuild's clock, sentAt the runner's: a runner whose clock runs seconds ahead would
 * take every batch it starts for another step's. `clockAheadMs` (CodeBuild's Date header less the
 * runner's clock, see CodeBuild.clockAheadMs) corrects sentAt when it shows the clocks apart, by
 * its low end, so that the correction errs towards "this step started it". Whole seconds cannot
 * tell a clock a second ahead from one in step: there the runner's own clock decides, which keeps
 * the judgement to the millisecond on runners in step (hosted ones), where matrix legs ask within
 * moments of each other.
 */
export function startedBefore(batch: BuildBatch, sentAt: number, clockAheadMs = 0): boolean {
  const started = batch.startTime?.getTime();
  const apart = clockAheadMs > 0 || clockAheadMs < -CLOCKS_AGREE_MS;
  return started !== undefined && started < sentAt + (apart ? clockAheadMs : 0);
}

/**
 * start-batch: StartBuildBatch for this commit (the request is built by start-request.ts, loaded only
 * here). The outputs and a notice with the console link come as soon as CodeBuild accepts it.
 */
export async function startBatch(
  step: Step,
  target: Extract<Config['target'], { kind: 'start' }>,
): Promise<StartedBatch> {
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
  // env-vars-for-codebuild's values are never printed, not even by a failure that echoes the request.
  const names = new Set(target.start.envVarNames);
  const values = (request.environmentVariablesOverride ?? [])
    .filter((variable) => names.has(variable.name ?? ''))
    .map((variable) => variable.value ?? '');
  const sentAt = deps.wallClock();
  // A resend carries the same token: CodeBuild starts one batch however often it is sent.
  const batch = await step
    .patiently(() =>
      codebuild.startBatch(request).catch((error: unknown) => {
        throw withoutValues(error, values);
      }),
    )
    .catch(async (thrown: unknown) => {
      throw await unknownProject(thrown, codebuild, target.projectName);
    });
  io.setOutput(Outputs.BatchId, batch.id ?? '');
  reporter.seen(batch);
  const link = batchConsoleUrl(batch.arn) ?? batch.id;
  const followed = startedBefore(batch, sentAt, codebuild.clockAheadMs());
  io.notice(
    followed
      ? `Following batch build #${batch.buildBatchNumber ?? '?'} of ${target.projectName}, which another step with the same request (such as another leg of this matrix) started before this one asked: ${link}`
      : `Started batch build #${batch.buildBatchNumber ?? '?'} of ${target.projectName}: ${link}`,
  );
  return { batch, followed };
}
