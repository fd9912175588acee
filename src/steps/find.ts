import type { BuildBatch } from '@aws-sdk/client-codebuild';
import type { CodeBuild } from '../aws/codebuild.js';
import { ActionError } from '../config/errors.js';
import type { Config } from '../config/inputs.js';
import { Outputs } from '../config/names.js';
import type { Step } from './context.js';

/** A project search reads at most this many ids per failed status. */
const MAX_LISTED_BATCHES = 1_000;
/** The statuses of a batch that failed on its own (STOPPED means somebody stopped it). */
const FAILED_STATUSES = ['FAILED', 'FAULT', 'TIMED_OUT'] as const;

/**
 * The batch to retry as it is now: the one batch-id names, or the newest failed batch of
 * project-name. Undefined (with a notice and a short summary) when the project has none.
 */
export async function findBatch(
  step: Step,
  target: Exclude<Config['target'], { kind: 'start' }>,
): Promise<BuildBatch | undefined> {
  const { reporter } = step;
  const batchId =
    target.kind === 'batch' ? target.batchId : await newestFailedBatch(step, target.projectName);
  if (!batchId) {
    await reporter.nothingToRetry(
      `Project ${target.kind === 'project' ? target.projectName : batchId} has no failed, faulted or timed-out batch build: nothing to retry.`,
      step.elapsed(),
    );
    return undefined;
  }
  const batch = await step.patiently(() => step.codebuild.getBatch(batchId));
  // Set once CodeBuild knows the batch: later steps guarded on it must not act on a wrong id.
  if (batch) {
    step.deps.io.setOutput(Outputs.BatchId, batchId);
    return batch;
  }
  const account = target.kind === 'batch' && target.account ? ` of account ${target.account}` : '';
  const where = `${await step.codebuild.region()}${account}`;
  throw new ActionError(
    `Batch build ${batchId} was not found in ${where}: ${await notFoundHint(step.codebuild, batchId)}`,
  );
}

/** What to do about a batch id CodeBuild does not know: a build id looks just like a batch id. */
async function notFoundHint(codebuild: CodeBuild, id: string): Promise<string> {
  const build = await codebuild
    .getBuilds([id], AbortSignal.timeout(5_000))
    .then((builds) => builds[0])
    .catch(() => undefined);
  if (build) {
    const batch = build.buildBatchArn?.split('/').slice(1).join('/');
    return batch
      ? `${id} is a build id, not a batch build id; it belongs to batch build ${batch}: set "batch-id" to that.`
      : `${id} is a build id, not a batch build id, and that build is not part of a batch.`;
  }
  return 'check "batch-id" (a batch build id, from the project\'s Batch history, not a build id) and the region (aws-region, or the ARN\'s).';
}

/** The newest batch of a project that failed on its own (FAILED, FAULT or TIMED_OUT), by number. */
async function newestFailedBatch(step: Step, projectName: string): Promise<string | undefined> {
  const { codebuild, patiently } = step;
  const { io } = step.deps;
  const ids: string[] = [];
  for (const status of FAILED_STATUSES) {
    const listed = await patiently(() =>
      codebuild.listBatchIds(projectName, status, MAX_LISTED_BATCHES),
    );
    if (listed.more)
      io.warning(
        `Project ${projectName} has more than ${MAX_LISTED_BATCHES} ${status} batch builds; the newest is chosen among the first ${MAX_LISTED_BATCHES} listed.`,
      );
    ids.push(...listed.ids);
  }
  // The service lists by identifier, not by age: the batch number tells which is newest.
  const batches = await patiently(() => codebuild.getBatches(ids));
  const newest = batches.reduce<BuildBatch | undefined>(
    (best, b) => ((b.buildBatchNumber ?? 0) > (best?.buildBatchNumber ?? -1) ? b : best),
    undefined,
  );
  if (!newest?.id) {
    io.notice(
      `Project ${projectName} has no failed, faulted or timed-out batch build in ${await codebuild.region()}: nothing to retry.`,
    );
    io.setOutput(Outputs.Attempts, '0');
    for (const name of [
      Outputs.FailedBuildGroups,
      Outputs.NotRunBuildGroups,
      Outputs.IgnoredBuildGroups,
    ])
      io.setOutput(name, '[]');
    return undefined;
  }
  io.info(
    `Newest failed batch build of ${projectName}: ${newest.id} (#${newest.buildBatchNumber}, ${newest.buildBatchStatus}).`,
  );
  return newest.id;
}
