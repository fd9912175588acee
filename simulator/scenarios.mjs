// Scripted batch lifecycles. A scenario names the groups (dependencies, ignore-failure), how the first
// run went (or that it is still running), what each retry yields per group and after how long (ms),
// and faults to inject. Groups a plan does not name succeed after `durationMs`; the last retry plan
// repeats for further retries.

/** A value the service returns in clear: it must never reach a log, an output or a summary. */
export const PLAINTEXT_SECRET = 'sim-plaintext-secret-7f3a9c1e';

const environmentVariables = [
  { name: 'DEPLOY_TOKEN', value: PLAINTEXT_SECRET, type: 'PLAINTEXT' },
  { name: 'DB_PASSWORD', value: '/ci/db-password', type: 'PARAMETER_STORE' },
  { name: 'NODE_ENV', value: 'test', type: 'PLAINTEXT' },
];

/** A realistic build graph: compile, then tests in parallel, then e2e and packaging; lint may fail. */
const webApp = [
  { identifier: 'build', dependsOn: [] },
  { identifier: 'lint', dependsOn: [], ignoreFailure: true },
  { identifier: 'unit_tests', dependsOn: ['build'] },
  { identifier: 'integration_tests', dependsOn: ['build'] },
  { identifier: 'e2e_tests', dependsOn: ['unit_tests', 'integration_tests'] },
  { identifier: 'package', dependsOn: ['e2e_tests'] },
];

const integrationFailed = {
  integration_tests: {
    status: 'FAILED',
    reason: {
      phase: 'BUILD',
      code: 'COMMAND_EXECUTION_ERROR',
      message: 'Error while executing command: npm run test:integration. Reason: exit status 1',
    },
  },
  lint: {
    status: 'FAILED',
    reason: {
      phase: 'BUILD',
      code: 'COMMAND_EXECUTION_ERROR',
      message: 'Error while executing command: npm run lint. Reason: exit status 2',
    },
  },
};

const base = {
  project: 'web-app',
  groups: webApp,
  environmentVariables,
  initial: { groups: integrationFailed },
};

function manyGroups(count) {
  const groups = [{ identifier: 'build', dependsOn: [] }];
  for (let i = 1; i < count; i++)
    groups.push({ identifier: `shard_${String(i).padStart(3, '0')}`, dependsOn: ['build'] });
  return groups;
}

export const scenarios = {
  'retry-succeeds': {
    ...base,
    description: 'integration_tests failed (lint too, but it may fail); the retry passes.',
    retries: [{}],
  },
  'fails-again': {
    ...base,
    description: 'integration_tests fails again on the retry.',
    retries: [integrationFailed],
  },
  'flaky-twice': {
    ...base,
    description: 'The first retry fails again, the second passes (for max-attempts).',
    retries: [integrationFailed, {}],
  },
  'ignore-failure-only': {
    ...base,
    description: 'Only lint (ignore-failure) fails on the retry: the batch succeeds.',
    retries: [{ lint: integrationFailed.lint }],
  },
  'already-succeeded': {
    ...base,
    description: 'The batch already succeeded: nothing to retry.',
    initial: { groups: {} },
  },
  'running-then-fails': {
    ...base,
    description: 'The batch is still running; it fails, then the retry passes.',
    initial: { running: true, groups: { integration_tests: 'FAILED' } },
  },
  refused: {
    ...base,
    description: 'CodeBuild refuses the retry.',
    refuseRetry: {
      code: 'InvalidInputException',
      message: 'Batch build cannot be retried: the project was deleted.',
    },
  },
  'long-running': {
    ...base,
    description: 'The retried builds take a minute: for cancellation and timeouts.',
    retries: [{ integration_tests: { status: 'SUCCEEDED', ms: 60_000 } }],
  },
  throttled: {
    ...base,
    description:
      'Polls are throttled many times in a row (Rate exceeded) while the retried builds run.',
    retries: [{ integration_tests: { status: 'SUCCEEDED', ms: 8_000 } }],
    faults: [{ kind: 'throttle', operation: 'BatchGetBuildBatches', skip: 1, count: 6 }],
  },
  'flaky-network': {
    ...base,
    description: '5xx answers, dropped connections and malformed bodies while waiting.',
    retries: [{ integration_tests: { status: 'SUCCEEDED', ms: 2_000 } }],
    faults: [
      { kind: '5xx', operation: 'BatchGetBuildBatches', skip: 1, count: 4 },
      { kind: 'drop', operation: 'BatchGetBuildBatches', skip: 1, count: 4 },
      { kind: 'malformed', operation: 'BatchGetBuildBatches', skip: 1, count: 4 },
    ],
  },
  'stale-reads': {
    ...base,
    description: 'Reads right after the retry still return the old, failed batch.',
    retries: [{}],
    faults: [{ kind: 'stale', operation: 'BatchGetBuildBatches', count: 3 }],
  },
  'expired-credentials': {
    ...base,
    description: 'The credentials expire while waiting.',
    retries: [{ integration_tests: { status: 'SUCCEEDED', ms: 60_000 } }],
    faults: [{ kind: 'expired', operation: 'BatchGetBuildBatches', skip: 3, count: 1_000 }],
  },
  'no-reasons': {
    ...base,
    description: 'Fails again, and the role may not call BatchGetBuilds.',
    retries: [integrationFailed],
    faults: [{ kind: 'denied', operation: 'BatchGetBuilds', count: 1_000 }],
  },
  'project-history': {
    ...base,
    description: 'The project has older batches; the newest failed one is retried (project-name).',
    history: [
      { initial: { groups: {} } },
      { initial: { groups: integrationFailed } },
      { initial: { groups: {} } },
    ],
  },
  'no-failed-batch': {
    ...base,
    description: 'The project has no failed batch (project-name): nothing to do.',
    initial: { groups: {} },
    history: [{ initial: { groups: {} } }],
  },
  'start-succeeds': {
    ...base,
    description: 'start-batch: a new batch of web-app (its last one succeeded), and it succeeds.',
    initial: { groups: {} },
    start: {},
  },
  'start-flaky': {
    ...base,
    description:
      'start-batch: integration_tests fails in the started batch; the automatic retry passes.',
    initial: { groups: {} },
    start: { groups: integrationFailed },
    retries: [{}],
  },
  'start-long-running': {
    ...base,
    description: 'start-batch: the started builds take a minute (cancellation, timeouts).',
    initial: { groups: {} },
    start: { groups: { integration_tests: { status: 'SUCCEEDED', ms: 60_000 } } },
  },
  'hundred-groups': {
    project: 'monorepo',
    description: '120 build groups, 7 of them failed; the retry passes.',
    groups: manyGroups(120),
    environmentVariables,
    initial: {
      groups: Object.fromEntries(
        [5, 17, 33, 48, 64, 90, 111].map((i) => [`shard_${String(i).padStart(3, '0')}`, 'FAILED']),
      ),
    },
    retries: [{}],
  },
};
