import type { Build } from '@aws-sdk/client-codebuild';
import {
  buildDurationMs,
  describeBatch,
  failureBreakdown,
  failureReason,
  failureSentence,
  formatDuration,
  isOlder,
  nextStep,
  progressLine,
  statusChanges,
} from '../../src/report/outcome.js';
import { batch, group } from '../fixtures.js';

describe('nextStep', () => {
  it.each([
    ['IN_PROGRESS', 'wait'],
    ['SUCCEEDED', 'nothing-to-retry'],
    ['FAILED', 'retry'],
    ['FAULT', 'retry'],
    ['TIMED_OUT', 'retry'],
    ['STOPPED', 'retry'],
    ['SOMETHING_NEW', 'retry'],
  ])('a %s batch → %s', (status, step) => {
    expect(nextStep(batch(status))).toBe(step);
  });

  it('waits while the batch is not complete, whatever its status says', () => {
    expect(nextStep({ ...batch('FAILED'), complete: false })).toBe('wait');
  });

  it('waits while the status says IN_PROGRESS, whatever complete says: a running batch is not retried', () => {
    expect(nextStep({ ...batch('IN_PROGRESS'), complete: true })).toBe('wait');
  });
});

describe('describeBatch', () => {
  const b = batch('FAILED', [
    {
      identifier: 'DOWNLOAD_SOURCE',
      ignoreFailure: false,
      currentBuildSummary: { arn: 'a', buildStatus: 'SUCCEEDED' },
    },
    group('unit', 'FAILED', { dependsOn: ['DOWNLOAD_SOURCE'], prior: 2 }),
    group('lint', 'FAILED', { ignoreFailure: true }),
    group('e2e', 'PENDING' as never, { dependsOn: ['unit'] }),
    group('docs', undefined),
  ]);
  const outcome = describeBatch(b);

  it('counts attempts as prior builds plus the current one', () => {
    expect(outcome.groups.map((g) => [g.identifier, g.attempts])).toEqual([
      ['DOWNLOAD_SOURCE', 1],
      ['unit', 3],
      ['lint', 1],
      ['e2e', 1],
      ['docs', 0],
    ]);
  });

  it('keeps statuses outside the enum and treats a group without a build as PENDING', () => {
    expect(outcome.groups.find((g) => g.identifier === 'e2e')!.status).toBe('PENDING');
    expect(outcome.groups.find((g) => g.identifier === 'docs')!.status).toBe('PENDING');
  });

  it('gives the synthetic DOWNLOAD_SOURCE group (no dependsOn key) an empty list', () => {
    expect(outcome.groups[0]!.dependsOn).toEqual([]);
  });

  it('lists failed groups, and separately those that fail the batch', () => {
    expect(outcome.failedGroups).toEqual(['unit', 'lint', 'e2e', 'docs']);
    expect(outcome.blockingFailures).toEqual(['unit', 'e2e', 'docs']);
  });

  it('names the final status and failed groups in one sentence; a group without a run never started', () => {
    expect(failureSentence(outcome)).toBe(
      `Batch build ${b.id} ended FAILED; failed build groups: unit; never started: e2e, docs; lint failed too, but it is marked ignore-failure, so it does not fail the batch.`,
    );
  });
});

describe('describeBatch: failed groups', () => {
  const running = batch('IN_PROGRESS', [
    group('build', 'SUCCEEDED'),
    group('unit', 'IN_PROGRESS'),
    group('e2e', 'PENDING'),
    group('lint', 'FAILED', { ignoreFailure: true }),
  ]);
  it('does not count groups still running as failed', () => {
    expect(describeBatch(running).failedGroups).toEqual(['lint']);
  });
  it('counts them as CANCELLED failures once the step stopped waiting', () => {
    const outcome = describeBatch(running, { interrupted: true });
    expect(outcome.failedGroups).toEqual(['unit', 'e2e', 'lint']);
    expect(outcome.groups.map((g) => g.status)).toEqual([
      'SUCCEEDED',
      'CANCELLED',
      'CANCELLED',
      'FAILED',
    ]);
  });
});

describe('failureBreakdown', () => {
  it.each<[string, Parameters<typeof batch>[1], ReturnType<typeof failureBreakdown>]>([
    ['a green batch', [group('build', 'SUCCEEDED')], { failed: [], notRun: [], ignored: [] }],
    [
      'an ignore-failure group that failed, alone',
      [group('build', 'SUCCEEDED'), group('lint', 'FAILED', { ignoreFailure: true })],
      { failed: [], notRun: [], ignored: ['lint'] },
    ],
    [
      'a failure, the group after it, and an ignore-failure group stopped behind it',
      [
        group('unit', 'TIMED_OUT'),
        group('e2e', 'STOPPED', { dependsOn: ['unit'] }),
        group('docs', 'STOPPED', { dependsOn: ['unit'], ignoreFailure: true }),
      ],
      { failed: ['unit'], notRun: ['e2e'], ignored: ['docs'] },
    ],
    [
      'a group still PENDING when the batch ended: it never started',
      [group('unit', 'FAILED'), group('docs', 'PENDING')],
      { failed: ['unit'], notRun: ['docs'], ignored: [] },
    ],
    [
      'a STOPPED group whose dependencies succeeded: it fails the batch itself',
      [group('build', 'SUCCEEDED'), group('deploy', 'STOPPED', { dependsOn: ['build'] })],
      { failed: ['deploy'], notRun: [], ignored: [] },
    ],
  ])('%s', (_, groups, expected) => {
    expect(failureBreakdown(describeBatch(batch('FAILED', groups)))).toEqual(expected);
  });

  it('counts a group cancelled while it ran as failed, one that had not started as not run', () => {
    const running = batch('IN_PROGRESS', [group('unit', 'IN_PROGRESS'), group('e2e', 'PENDING')]);
    expect(failureBreakdown(describeBatch(running))).toEqual({
      failed: [],
      notRun: [],
      ignored: [],
    });
    expect(failureBreakdown(describeBatch(running, { interrupted: true }))).toEqual({
      failed: ['unit'],
      notRun: ['e2e'],
      ignored: [],
    });
  });

  it('says which groups never started in the sentence, apart from those not run as a result', () => {
    const stopped = describeBatch(
      batch('STOPPED', [
        group('unit', 'FAILED'),
        group('e2e', 'STOPPED', { dependsOn: ['unit'] }),
        group('docs', 'PENDING'),
      ]),
    );
    expect(failureBreakdown(stopped).notRun).toEqual(['e2e', 'docs']);
    expect(failureSentence(stopped)).toBe(
      `Batch build ${stopped.id} ended STOPPED; failed build groups: unit; not run as a result: e2e; never started: docs.`,
    );
  });
});

describe('describeBatch: groups that never ran', () => {
  const before = (buildStatus: 'STOPPED' | 'FAILED') => ({
    priorBuildSummaryList: [{ arn: 'p', buildStatus }],
  });
  it.each<[string, string, ReturnType<typeof group>, boolean, boolean, boolean]>([
    [
      'stopped because the group it depends on failed, as before',
      'FAILED',
      group('e2e', 'STOPPED', { dependsOn: ['unit'], ...before('STOPPED') }),
      false,
      true,
      false,
    ],
    [
      'stopped because the group it depends on failed, after a build of its own failed',
      'FAILED',
      group('e2e', 'STOPPED', { dependsOn: ['unit'], ...before('FAILED') }),
      false,
      true,
      true,
    ],
    ['still PENDING in a batch that ended', 'STOPPED', group('e2e', 'PENDING'), false, true, false],
    [
      'without a build in a batch that ended',
      'STOPPED',
      group('e2e', undefined),
      false,
      true,
      false,
    ],
    [
      'PENDING when the step stopped waiting',
      'IN_PROGRESS',
      group('e2e', 'PENDING'),
      true,
      true,
      false,
    ],
    [
      'IN_PROGRESS when the step stopped waiting',
      'IN_PROGRESS',
      group('e2e', 'IN_PROGRESS'),
      true,
      false,
      false,
    ],
    [
      'PENDING in a batch still running',
      'IN_PROGRESS',
      group('e2e', 'PENDING'),
      false,
      false,
      false,
    ],
    ['that failed', 'FAILED', group('e2e', 'FAILED', before('STOPPED')), false, false, false],
  ])('a group %s (batch %s)', (_, status, g, interrupted, notRun, ranBefore) => {
    const outcome = describeBatch(batch(status, [group('unit', 'FAILED'), g]), { interrupted });
    expect(outcome.groups[1]).toMatchObject({ notRun, ranBefore });
  });
});

describe('isOlder: a read older than one already seen is never believed', () => {
  // The retry response: the old run's 4 phases plus SUBMITTED, running, groups as before the retry.
  const retryResponse = { ...batch('IN_PROGRESS', [group('build', 'FAILED')], 5) };
  const running = (finished: string, builds = 1) =>
    batch('IN_PROGRESS', [group('build', finished, { prior: builds })], 5);

  it.each([
    [
      'the pre-retry read (fewer phases, complete)',
      batch('FAILED', undefined, 4),
      retryResponse,
      true,
    ],
    [
      'a completed read with as many phases as a running one (completion follows running)',
      batch('FAILED', undefined, 5),
      retryResponse,
      false,
    ],
    ['the retried batch running', running('IN_PROGRESS'), retryResponse, false],
    [
      'the pre-retry read after the batch was seen running',
      batch('FAILED', undefined, 4),
      running('IN_PROGRESS'),
      true,
    ],
    [
      'a read with fewer builds in the same phase',
      running('IN_PROGRESS', 0),
      running('IN_PROGRESS', 1),
      true,
    ],
    [
      'a read with fewer finished groups in the same phase',
      running('IN_PROGRESS'),
      running('SUCCEEDED'),
      true,
    ],
    [
      'the retried batch completed (one more phase)',
      batch('SUCCEEDED', undefined, 6),
      running('SUCCEEDED'),
      false,
    ],
    ['the same read again', running('IN_PROGRESS'), running('IN_PROGRESS'), false],
    [
      'a running read after the batch was seen complete with as many phases',
      running('SUCCEEDED'),
      { ...running('SUCCEEDED'), buildBatchStatus: 'SUCCEEDED' as const, complete: true },
      true,
    ],
    [
      'a read as recent as a replayed, complete retry response',
      batch('FAILED', undefined, 8),
      batch('FAILED', undefined, 8),
      false,
    ],
    [
      'a read before a replayed, complete retry response',
      batch('FAILED', undefined, 7),
      batch('FAILED', undefined, 8),
      true,
    ],
  ])('%s → older: %s', (_, read, seen, older) => {
    expect(isOlder(read, seen)).toBe(older);
  });
});

describe('statusChanges', () => {
  it('keeps text from the service on one line, so it cannot start a workflow command', () => {
    const evil = describeBatch(
      batch('IN_PROGRESS', [group('a\n::error::forged', 'PENDING')]),
    ).groups;
    expect(statusChanges(undefined, evil)).toEqual(['  a ::error::forged: PENDING']);
  });

  it('lists every group on the first read and only changes after that', () => {
    const first = describeBatch(
      batch('IN_PROGRESS', [group('a', 'PENDING'), group('b', 'IN_PROGRESS')]),
    ).groups;
    expect(statusChanges(undefined, first)).toEqual(['  a: PENDING', '  b: IN_PROGRESS']);
    const second = [{ ...first[0]!, status: 'IN_PROGRESS' }, first[1]!];
    expect(statusChanges(first, second)).toEqual(['  a: PENDING → IN_PROGRESS']);
    expect(statusChanges(second, second)).toEqual([]);
  });

  it('lists a group that ran again between two reads, though it ended as before', () => {
    const first = describeBatch(batch('IN_PROGRESS', [group('unit', 'FAILED')])).groups;
    const again = [{ ...first[0]!, buildArn: `${first[0]!.buildArn}-2` }];
    expect(statusChanges(first, again)).toEqual(['  unit: FAILED → FAILED']);
  });
});

describe('failureReason', () => {
  it('names the failing phase and its context', () => {
    const build: Build = {
      phases: [
        { phaseType: 'INSTALL', phaseStatus: 'SUCCEEDED' },
        {
          phaseType: 'BUILD',
          phaseStatus: 'FAILED',
          contexts: [
            {
              statusCode: 'COMMAND_EXECUTION_ERROR',
              message: 'Error while executing command: npm test. Reason: exit status 1',
            },
          ],
        },
        { phaseType: 'COMPLETED' },
      ],
    };
    expect(failureReason(build)).toBe(
      'BUILD — COMMAND_EXECUTION_ERROR: Error while executing command: npm test. Reason: exit status 1',
    );
  });

  it('falls back to the phase status, and to nothing for a build that did not fail', () => {
    expect(
      failureReason({
        phases: [{ phaseType: 'PROVISIONING', phaseStatus: 'CLIENT_ERROR' as never, contexts: [] }],
      }),
    ).toBe('PROVISIONING — CLIENT_ERROR');
    expect(
      failureReason({ phases: [{ phaseType: 'BUILD', phaseStatus: 'SUCCEEDED' }] }),
    ).toBeUndefined();
    // A build cancelled while it ran: its running phase is no reason.
    expect(
      failureReason({
        phases: [
          { phaseType: 'INSTALL', phaseStatus: 'SUCCEEDED' },
          { phaseType: 'BUILD', phaseStatus: 'IN_PROGRESS' },
        ],
      }),
    ).toBeUndefined();
  });

  it('keeps the start and the end of a long context message (a generated command), cut between', () => {
    const command = `node run.js ${Array.from({ length: 4000 }, (_, i) => `--shard=${i}`).join(' ')}`;
    const reason = failureReason({
      phases: [
        {
          phaseType: 'BUILD',
          phaseStatus: 'FAILED',
          contexts: [
            {
              statusCode: 'COMMAND_EXECUTION_ERROR',
              message: `Error while executing command: ${command}. Reason: exit status 1`,
            },
          ],
        },
      ],
    })!;
    // 500 characters: a reason a person reads whole, well inside a check run's 64 KiB.
    expect(reason).toHaveLength(500);
    expect(reason).toMatch(
      /^BUILD — COMMAND_EXECUTION_ERROR: Error while executing command: node run\.js --shard=0 --shard=1 .*… .*--shard=3999\. Reason: exit status 1$/,
    );
  });
});

describe('buildDurationMs', () => {
  it.each([
    ['a build that ran', { startTime: new Date(1_000), endTime: new Date(91_000) }, 90_000],
    [
      'a build that never started (end before start)',
      { startTime: new Date(5_000), endTime: new Date(4_000) },
      undefined,
    ],
    ['a build still running', { startTime: new Date(1_000) }, undefined],
    [
      'a build that ended as it started',
      { startTime: new Date(1_000), endTime: new Date(1_000) },
      0,
    ],
  ])('%s → %s', (_, build, ms) => {
    expect(buildDurationMs(build)).toBe(ms);
  });
});

describe('formatDuration and progressLine', () => {
  it.each([
    [400, '0.4s'],
    [6_000, '6s'],
    [1_200, '1.2s'],
    [9_940, '9.9s'],
    [9_950, '10s'],
    [59_000, '59s'],
    [60_000, '1m 0s'],
    [61_000, '1m 1s'],
    [3_600_000 + 120_000, '1h 2m'],
  ])('%i ms → %s', (ms, text) => expect(formatDuration(ms)).toBe(text));

  it('says how many groups have finished', () => {
    const outcome = describeBatch(
      batch('IN_PROGRESS', [
        group('a', 'SUCCEEDED'),
        group('b', 'IN_PROGRESS'),
        group('c', 'FAILED'),
      ]),
    );
    expect(progressLine(outcome, 185_000)).toBe(
      `Still waiting for ${outcome.id} (IN_PROGRESS): 2 of 3 build groups finished, 3m 5s elapsed.`,
    );
  });
});

describe('flaky and not-run groups', () => {
  const failedBefore = (status: string) => ({ arn: 'p', buildStatus: status as never });
  it.each<[string, Parameters<typeof group>[2], string, boolean]>([
    [
      'succeeded after a failure',
      { priorBuildSummaryList: [failedBefore('FAILED')] },
      'SUCCEEDED',
      true,
    ],
    [
      'succeeded after a fault',
      { priorBuildSummaryList: [failedBefore('FAULT')] },
      'SUCCEEDED',
      true,
    ],
    [
      'succeeded after a timeout',
      { priorBuildSummaryList: [failedBefore('TIMED_OUT')] },
      'SUCCEEDED',
      true,
    ],
    [
      'succeeded after it was not run (STOPPED)',
      { priorBuildSummaryList: [failedBefore('STOPPED')] },
      'SUCCEEDED',
      false,
    ],
    ['succeeded the first time', {}, 'SUCCEEDED', false],
    [
      'succeeded again (RETRY_ALL_BUILDS)',
      { priorBuildSummaryList: [failedBefore('SUCCEEDED')] },
      'SUCCEEDED',
      false,
    ],
    ['failed again', { priorBuildSummaryList: [failedBefore('FAILED')] }, 'FAILED', false],
  ])('a group that %s: flaky %s', (_, extra, status, flaky) => {
    const outcome = describeBatch(batch('SUCCEEDED', [group('unit', status, extra)]));
    expect(outcome.groups[0]!.flaky).toBe(flaky);
    expect(outcome.flakyGroups).toEqual(flaky ? ['unit'] : []);
  });

  const graph = describeBatch(
    batch('FAILED', [
      group('build', 'SUCCEEDED'),
      group('lint', 'FAILED', { ignoreFailure: true }),
      group('unit', 'FAILED', { dependsOn: ['build'] }),
      group('api', 'FAULT', { dependsOn: ['build'] }),
      group('e2e', 'STOPPED', { dependsOn: ['unit', 'api'] }),
      group('package', 'STOPPED', { dependsOn: ['e2e'] }),
      group('docs', 'STOPPED', { dependsOn: ['lint'] }),
      group('deploy', 'STOPPED', { dependsOn: ['build'] }),
    ]),
  );
  it.each([
    ['e2e', ['unit', 'api']],
    ['package', ['unit', 'api']],
    ['docs', []],
    ['deploy', []],
    ['unit', []],
  ])('%s was blocked by %j', (id, blockedBy) => {
    expect(graph.groups.find((g) => g.identifier === id)!.blockedBy).toEqual(blockedBy);
  });

  it('names the causes, the groups not run and the ignored failures apart in the sentence', () => {
    expect(failureSentence(graph)).toBe(
      `Batch build ${graph.id} ended FAILED; failed build groups: unit, api, docs, deploy; not run as a result: e2e, package; lint failed too, but it is marked ignore-failure, so it does not fail the batch.`,
    );
  });

  it('names several ignored failures in the plural', () => {
    const two = describeBatch(
      batch('FAILED', [
        group('unit', 'FAILED'),
        group('lint', 'FAILED', { ignoreFailure: true }),
        group('docs', 'FAULT', { ignoreFailure: true }),
      ]),
    );
    expect(failureSentence(two)).toBe(
      `Batch build ${two.id} ended FAILED; failed build groups: unit; lint, docs failed too, but they are marked ignore-failure, so they do not fail the batch.`,
    );
  });

  it('splits the groups that did not succeed as the sentence does: failed, not run, ignored', () => {
    expect(failureBreakdown(graph)).toEqual({
      failed: ['unit', 'api', 'docs', 'deploy'],
      notRun: ['e2e', 'package'],
      ignored: ['lint'],
    });
  });
});

describe('describeBatch: the groups a stopped group waited for', () => {
  it('walks a deep graph two groups wide once, each not-run group naming the failed one once', () => {
    const groups = [group('compile', 'FAILED')];
    let above = ['compile'];
    for (let layer = 1; layer <= 40; layer++) {
      const ids = [`left_${layer}`, `right_${layer}`];
      for (const id of ids) groups.push(group(id, 'STOPPED', { dependsOn: above }));
      above = ids;
    }
    const began = performance.now();
    const outcome = describeBatch(batch('FAILED', groups));
    // Before: 2^40 paths for the last layer.
    expect(performance.now() - began).toBeLessThan(1_000);
    expect(outcome.groups.slice(1).map((g) => g.blockedBy)).toEqual(
      Array.from({ length: 80 }, () => ['compile']),
    );
  });

  it('walks a chain of 10,000 stopped groups listed deepest first without running out of stack', () => {
    // The buildspec's order: each group is met before the one it depends on.
    const chain = Array.from({ length: 10_000 }, (_, i) =>
      group(`step_${10_000 - i}`, 'STOPPED', { dependsOn: [`step_${9_999 - i}`] }),
    );
    const outcome = describeBatch(batch('FAILED', [...chain, group('step_0', 'FAILED')]));
    // Before: RangeError: Maximum call stack size exceeded.
    expect(outcome.groups.slice(0, -1).every((g) => g.blockedBy.join() === 'step_0')).toBe(true);
  });

  it.each([
    [
      'a chain',
      [group('a', 'STOPPED', { dependsOn: ['b'] }), group('b', 'STOPPED', { dependsOn: ['c'] })],
      ['c'],
    ],
    [
      'two roots',
      [
        group('a', 'STOPPED', { dependsOn: ['b', 'c'] }),
        group('b', 'STOPPED', { dependsOn: ['c'] }),
      ],
      ['c'],
    ],
    [
      'a cycle among stopped groups',
      [
        group('a', 'STOPPED', { dependsOn: ['b'] }),
        group('b', 'STOPPED', { dependsOn: ['a', 'c'] }),
      ],
      ['c'],
    ],
  ])('%s', (_, stopped, expected) => {
    const outcome = describeBatch(batch('FAILED', [...stopped, group('c', 'FAILED')]));
    expect(outcome.groups[0]!.blockedBy).toEqual(expected);
  });
});
