import type { BuildBatch, StatusType } from '@aws-sdk/client-codebuild';
import type { CodeBuild } from '../aws/codebuild.js';
import { ServiceError } from '../aws/errors.js';
import { ActionError } from '../config/errors.js';
import type { Config } from '../config/inputs.js';
import { Inputs, Outputs } from '../config/names.js';
import { choiceSentence, chooseProjectBatch, newestBatch } from './choose-batch.js';
import type { Step } from './context.js';

/** A project search reads at most this many ids per status. */
const MAX_LISTED_BATCHES = 1_000;
/** The statuses of a batch that failed on its own (STOPPED means somebody stopped it). */
const FAILED_STATUSES: readonly StatusType[] = ['FAILED', 'FAULT', 'TIMED_OUT'];
/** The statuses of a newer batch that make the newest failed one not worth retrying. */
const NEWER_STATUSES: readonly StatusType[] = ['SUCCEEDED', 'IN_PROGRESS'];

/**
 * The batch to retry as it is now: the one batch-id names, or the newest failed batch of
 * project-name while no newer batch succeeded or runs. Undefined (with a notice and a short
 * summary) when there is nothing to retry.
 */
export async function findBatch(
  step: Step,
  target: Exclude<Config['target'], { kind: 'start' }>,
): Promise<BuildBatch | undefined> {
  const { reporter } = step;
  const { io } = step.deps;
  const chosen =
    target.kind === 'batch'
      ? target.batchId
      : await projectBatch(step, target.projectName).catch(
          abandoned(
            step,
            `looking for the newest failed batch build of project ${target.projectName}`,
          ),
        );
  if (typeof chosen !== 'string') {
    io.notice(chosen.notice);
    io.setOutput(Outputs.Attempts, '0');
    // A later step's fromJSON() of any group list reads an empty list.
    for (const name of [
      Outputs.BuildGroups,
      Outputs.FailedBuildGroups,
      Outputs.NotRunBuildGroups,
      Outputs.IgnoredBuildGroups,
      Outputs.FlakyBuildGroups,
    ])
      io.setOutput(name, '[]');
    await reporter.nothingToRetry(chosen.summary, step.elapsed());
    return undefined;
  }
  const batchId = chosen;
  const batch = await step
    .patiently(() => step.codebuild.getBatch(batchId, step.deps.cancelled))
    .catch(abandoned(step, `batch build ${batchId} was being read`));
  // Set once CodeBuild knows the batch: later steps guarded on it must not act on a wrong id.
  if (batch) {
    io.setOutput(Outputs.BatchId, batchId);
    return batch;
  }
  // CodeBuild looks in the account of the credentials, whatever account the ARN or console page names.
  const account =
    target.kind === 'batch' && target.account
      ? ` "${Inputs.BatchId}" names account ${target.account}: the job's AWS credentials must be of that account.`
      : '';
  throw new ActionError(
    `Batch build ${batchId} was not found in ${await step.codebuild.region()}: ${await notFoundHint(step.codebuild, batchId)}${account}`,
  );
}

/**
 * Cancellation ends the reads before anything is retried (they take the step's cancellation signal):
 * the runner kills a step still waiting for an answer, without a summary. A failure that came
 * before the cancellation, or persist()'s own sentence, goes on as it is.
 */
function abandoned(step: Step, doing: string): (thrown: unknown) => never {
  return (thrown) => {
    if (!step.deps.cancelled.aborted || thrown instanceof ActionError) throw thrown;
    throw new ActionError(`The workflow was cancelled while ${doing}: nothing was retried.`);
  };
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
      ? `${id} is a build id, not a batch build id; it belongs to batch build ${batch}: set "${Inputs.BatchId}" to that.`
      : `${id} is a build id, not a batch build id, and that build is not part of a batch.`;
  }
  return `check "${Inputs.BatchId}" (a batch build id, from the project's Batch history, not a build id) and the region (${Inputs.AwsRegion}, or the ARN's).`;
}

/**
 * A project-name CodeBuild does not know (a typo, another region) as the mistake it is: one sentence
 * naming the input and the region, with the service's own words and request id. Anything else as
 * it came.
 */
export async function unknownProject(
  thrown: unknown,
  codebuild: CodeBuild,
  projectName: string,
): Promise<unknown> {
  if (!(thrown instanceof ServiceError) || thrown.code !== 'ResourceNotFoundException')
    return thrown;
  return new ActionError(
    `Project ${projectName} was not found in ${await codebuild.region()}: check "${Inputs.ProjectName}" and the region (${Inputs.AwsRegion}). ${thrown.message.replace(/\.$/, '')}.`,
  );
}

/** Nothing to retry in a project: the notice for the log and the summary's sentence. */
interface NothingToRetry {
  notice: string;
  summary: string;
}

/**
 * The id of the newest batch of a project that failed on its own (FAILED, FAULT or TIMED_OUT), or
 * why there is nothing to retry: no such batch, or a newer one that succeeded or is running.
 */
async function projectBatch(step: Step, projectName: string): Promise<string | NothingToRetry> {
  const { codebuild } = step;
  const { io } = step.deps;
  const failed = newestBatch(
    await listedBatches(step, projectName, FAILED_STATUSES).catch(async (thrown: unknown) => {
      throw await unknownProject(thrown, codebuild, projectName);
    }),
  );
  if (!failed?.id) {
    return {
      notice: `Project ${projectName} has no failed, faulted or timed-out batch build in ${await codebuild.region()}: nothing to retry.`,
      summary: `Project ${projectName} has no failed, faulted or timed-out batch build: nothing to retry.`,
    };
  }
  io.info(
    `Newest failed batch build of ${projectName}: ${failed.id} (#${failed.buildBatchNumber}, ${failed.buildBatchStatus}).`,
  );
  // Only a failure that is still the project's latest word is retried.
  const others = await listedBatches(step, projectName, NEWER_STATUSES);
  const choice = chooseProjectBatch(failed, others);
  if (choice.kind === 'retry') return failed.id;
  const sentence = choiceSentence(projectName, choice);
  return { notice: sentence, summary: sentence };
}

/** The project's batches in these statuses, read whole (their numbers tell which is newest). */
async function listedBatches(
  step: Step,
  projectName: string,
  statuses: readonly StatusType[],
): Promise<BuildBatch[]> {
  const { codebuild, patiently } = step;
  const { io } = step.deps;
  const ids: string[] = [];
  for (const status of statuses) {
    const listed = await patiently(() =>
      codebuild.listBatchIds(projectName, status, MAX_LISTED_BATCHES, step.deps.cancelled),
    );
    if (listed.more)
      io.warning(
        listed.ids.length >= MAX_LISTED_BATCHES
          ? `Project ${projectName} has more than ${MAX_LISTED_BATCHES} ${status} batch builds; only the first ${MAX_LISTED_BATCHES} listed (by id, not age) are compared.`
          : `CodeBuild's list of project ${projectName}'s ${status} batch builds did not end (${listed.ids.length} listed, page after page): only those are compared.`,
      );
    ids.push(...listed.ids);
  }
  return ids.length === 0
    ? []
    : await patiently(() => codebuild.getBatches(ids, step.deps.cancelled));
}
