import type { BuildBatch } from '@aws-sdk/client-codebuild';
import {
  choiceSentence,
  chooseProjectBatch,
  newestBatch,
  type ProjectChoice,
} from '../../src/steps/choose-batch.js';

const at = (n: number, status: string): BuildBatch => ({
  id: `web-app:${n}`,
  buildBatchNumber: n,
  buildBatchStatus: status as never,
});

describe('newestBatch', () => {
  it.each<[string, BuildBatch[], string | undefined]>([
    ['none', [], undefined],
    [
      'by number, whatever the order',
      [at(3, 'FAILED'), at(9, 'FAULT'), at(5, 'FAILED')],
      'web-app:9',
    ],
    [
      'a batch without a number counts as oldest',
      [{ id: 'web-app:x', buildBatchStatus: 'FAILED' }, at(1, 'FAILED')],
      'web-app:1',
    ],
  ])('%s', (_, batches, id) => {
    expect(newestBatch(batches)?.id).toBe(id);
  });
});

describe('chooseProjectBatch', () => {
  const failed = at(5, 'FAILED');
  it.each<[string, BuildBatch[], ProjectChoice['kind'], string | undefined]>([
    ['no other batch', [], 'retry', undefined],
    ['only older batches', [at(4, 'SUCCEEDED'), at(2, 'IN_PROGRESS')], 'retry', undefined],
    [
      'a newer success',
      [at(4, 'SUCCEEDED'), at(7, 'SUCCEEDED'), at(6, 'SUCCEEDED')],
      'superseded',
      'web-app:7',
    ],
    [
      'a newer running batch',
      [at(8, 'IN_PROGRESS'), at(6, 'IN_PROGRESS')],
      'overtaken',
      'web-app:8',
    ],
    [
      'a newer success and a newer running batch: the success decides',
      [at(9, 'IN_PROGRESS'), at(6, 'SUCCEEDED')],
      'superseded',
      'web-app:6',
    ],
    ['a newer stopped batch: not a verdict on the failure', [at(6, 'STOPPED')], 'retry', undefined],
  ])('%s', (_, others, kind, by) => {
    const choice = chooseProjectBatch(failed, others);
    expect(choice.kind).toBe(kind);
    expect(choice.failed).toBe(failed);
    expect(choice.kind === 'retry' ? undefined : choice.by.id).toBe(by);
  });
});

describe('choiceSentence', () => {
  it('names both batches when a newer one succeeded', () => {
    expect(
      choiceSentence('web-app', {
        kind: 'superseded',
        failed: at(5, 'FAILED'),
        by: at(7, 'SUCCEEDED'),
      }),
    ).toBe(
      'The newest failed batch build of web-app, #5 (web-app:5), is obsolete: the newer #7 (web-app:7) succeeded, so there is nothing to retry.',
    );
  });

  it('says what the step did and why when a newer one is running', () => {
    expect(
      choiceSentence('web-app', {
        kind: 'overtaken',
        failed: at(5, 'FAILED'),
        by: at(8, 'IN_PROGRESS'),
      }),
    ).toBe(
      'The newest failed batch build of web-app, #5 (web-app:5), is older than #8 (web-app:8), which is running: nothing was retried, as a retry of #5 would build older source beside #8 and race it; whoever started #8 owns its outcome (set batch-id to web-app:5 to retry it anyway).',
    );
  });
});
