import type { BuildBatch } from '@aws-sdk/client-codebuild';
import { Inputs } from '../config/names.js';

/**
 * What project-name retries, given the project's newest failed batch and its newer batches. A red
 * batch is retried only while it is still the project's latest word: a nightly retry must not
 * rebuild an old commit after a newer batch went green, nor race one that is running. Pure.
 */
export type ProjectChoice =
  | { kind: 'retry'; failed: BuildBatch }
  /** A newer batch succeeded: the failure is obsolete. */
  | { kind: 'superseded'; failed: BuildBatch; by: BuildBatch }
  /** A newer batch is running: whoever started it owns the project's next outcome. */
  | { kind: 'overtaken'; failed: BuildBatch; by: BuildBatch };

/** Batch numbers grow with each batch of a project; ListBuildBatchesForProject sorts by id, not age. */
const numberOf = (batch: BuildBatch) => batch.buildBatchNumber ?? -1;

/** The newest of a project's batches, by batch number. */
export function newestBatch(batches: readonly BuildBatch[]): BuildBatch | undefined {
  return batches.reduce<BuildBatch | undefined>(
    (best, b) => (best === undefined || numberOf(b) > numberOf(best) ? b : best),
    undefined,
  );
}

/**
 * `others`: the project's SUCCEEDED and IN_PROGRESS batches. A newer success decides over a newer
 * running batch; a newer STOPPED one says nothing about the failure, which is retried.
 */
export function chooseProjectBatch(
  failed: BuildBatch,
  others: readonly BuildBatch[],
): ProjectChoice {
  const newer = others.filter((b) => numberOf(b) > numberOf(failed));
  const succeeded = newestBatch(newer.filter((b) => b.buildBatchStatus === 'SUCCEEDED'));
  if (succeeded) return { kind: 'superseded', failed, by: succeeded };
  const running = newestBatch(newer.filter((b) => b.buildBatchStatus === 'IN_PROGRESS'));
  if (running) return { kind: 'overtaken', failed, by: running };
  return { kind: 'retry', failed };
}

const named = (batch: BuildBatch) => `#${batch.buildBatchNumber ?? '?'} (${batch.id})`;

/** The notice of a choice that retries nothing. */
export function choiceSentence(
  projectName: string,
  choice: Exclude<ProjectChoice, { kind: 'retry' }>,
): string {
  const { failed, by } = choice;
  const head = `The newest failed batch build of ${projectName}, ${named(failed)}`;
  if (choice.kind === 'superseded')
    return `${head}, is obsolete: the newer ${named(by)} succeeded, so there is nothing to retry.`;
  const f = `#${failed.buildBatchNumber ?? '?'}`;
  const b = `#${by.buildBatchNumber ?? '?'}`;
  return `${head}, is older than ${named(by)}, which is running: nothing was retried, as a retry of ${f} would build older source beside ${b} and race it; whoever started ${b} owns its outcome (set ${Inputs.BatchId} to ${failed.id} to retry it anyway).`;
}
