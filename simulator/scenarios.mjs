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

/** Build output a test must never see become a workflow command, HTML or a broken summary. */
export const HOSTILE_LOG_LINES = [
  '::error title=From the build::this line came from the build, not from the action',
  '  ::add-mask::nothing to mask',
  '##[error]a legacy workflow command printed by the build',
  '<script>alert("build output")</script></pre></details></td></tr></table><img src=x onerror=alert(1)>',
];

/** The end of a failed integration test run: colours, a progress bar, a very long line, hostile text. */
function integrationLog() {
  const head = Array.from(
    { length: 40 },
    (_, i) =>
      `[Container] 2026/11/27 06:00:${String(i).padStart(2, '0')}.000000 setup step ${i + 1}`,
  );
  return [
    ...head,
    '[Container] 2026/11/27 06:01:00.000000 Running command npm run test:integration',
    '\u001b[32m✓\u001b[39m users › creates a user \u001b[90m(41 ms)\u001b[39m',
    'downloading fixtures 10%\rdownloading fixtures 100%',
    '\u001b[31m✗\u001b[39m orders › rejects an empty cart',
    ...HOSTILE_LOG_LINES,
    `payload: ${'{"order":"x"},'.repeat(60)}`,
    '',
    '\u001b[1m\u001b[31mAssertionError: expected 400 to equal 201\u001b[0m',
    '    at Context.<anonymous> (test/orders.test.js:42:7)',
    '\u001b[31m3 failing, 1 errored\u001b[39m',
    '[Container] 2026/11/27 06:02:00.000000 Command did not exit successfully npm run test:integration exit status 1',
    '[Container] 2026/11/27 06:02:00.000000 Phase complete: BUILD State: FAILED',
  ];
}

const integrationTests = {
  passed: 97,
  skipped: 1,
  failed: [
    {
      suite: 'orders',
      name: 'rejects an empty cart',
      message:
        'AssertionError: expected 400 to equal 201\n    at Context.<anonymous> (test/orders.test.js:42:7)',
      ms: 1_234,
    },
    {
      suite: 'orders',
      name: 'applies a <b>discount</b>',
      message: '::error::expected 90 to equal 81',
      ms: 310,
    },
    {
      suite: 'payments',
      name: 'refunds twice',
      message: 'Error: timeout of 2000ms exceeded',
      ms: 2_001,
    },
  ],
  error: [
    {
      suite: 'payments',
      name: 'connects to the sandbox',
      message: 'ECONNREFUSED 127.0.0.1:5432',
      ms: 12,
    },
  ],
};

const diagnosisGroups = [
  ...webApp,
  { identifier: 'docs', dependsOn: ['build'], ignoreFailure: true, logging: { kind: 'off' } },
].map((g) => (g.identifier === 'lint' ? { ...g, logging: { kind: 's3' } } : g));

const diagnosisFailures = {
  integration_tests: {
    ...integrationFailed.integration_tests,
    log: integrationLog(),
    tests: integrationTests,
    coverage: 81.4,
  },
  lint: integrationFailed.lint,
  docs: {
    status: 'FAILED',
    reason: {
      phase: 'BUILD',
      code: 'COMMAND_EXECUTION_ERROR',
      message: 'Error while executing command: npm run docs. Reason: exit status 1',
    },
  },
};

const diagnosis = {
  project: 'web-app',
  groups: diagnosisGroups,
  environmentVariables,
  // A project that names its own log group and stream prefix.
  logging: { kind: 'cloudwatch', groupName: '/ci/web-app/builds', streamPrefix: 'batch' },
  combineArtifacts: true,
  initial: {
    groups: {
      ...diagnosisFailures,
      unit_tests: 'FAILED',
      build: { status: 'SUCCEEDED', artifacts: { secondary: ['sbom.json'] } },
    },
  },
  retries: [{ ...diagnosisFailures, unit_tests: { tests: { passed: 412 }, coverage: 87.5 } }],
};

function oversize() {
  const groups = manyGroups(120);
  const failing = groups.filter((_, i) => i % 4 === 1).slice(0, 30);
  const line = (i) => `line ${i} ${'x'.repeat(520)}`;
  const plan = Object.fromEntries(
    failing.map((g) => [
      g.identifier,
      {
        status: 'FAILED',
        log: Array.from({ length: 1000 }, (_, i) => line(i)),
        tests: { passed: 50, failed: 25 },
      },
    ]),
  );
  return { groups, plan };
}
const big = oversize();

/** Build group names that are members of Object.prototype: service text a plain object would mistake. */
export const PROTOTYPE_NAMES = [
  'constructor',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__proto__',
];

/**
 * unit, then one group per PROTOTYPE_NAMES entry depending on it: toString logs to S3 only, valueOf
 * keeps no log. Plans are built with Object.fromEntries, so that __proto__ is an own key.
 */
function prototypeNames(failed) {
  const groups = [
    { identifier: 'unit', dependsOn: [] },
    ...PROTOTYPE_NAMES.map((identifier) => ({
      identifier,
      dependsOn: ['unit'],
      ...(identifier === 'toString' ? { logging: { kind: 's3' } } : {}),
      ...(identifier === 'valueOf' ? { logging: { kind: 'off' } } : {}),
    })),
  ];
  const status = failed ? 'FAILED' : 'SUCCEEDED';
  const plan = Object.fromEntries([
    ['unit', { tests: { passed: 10 }, artifacts: true }],
    // BatchGetBuilds does not return constructor's build (deleted), nor valueOf's on a green batch.
    ['constructor', { status, deleted: true }],
    ['toString', { status, tests: { passed: 3, failed: failed ? 2 : 0 }, artifacts: true }],
    ['valueOf', failed ? { status, artifacts: true } : { status, deleted: true }],
    ['hasOwnProperty', { status, tests: { passed: 4, failed: failed ? 1 : 0 } }],
    [
      '__proto__',
      { status, tests: { passed: 5, failed: failed ? 1 : 0 }, coverage: 90, artifacts: true },
    ],
  ]);
  return { groups, plan };
}
const prototypeRed = prototypeNames(true);

/**
 * A large red batch: `count` groups fail, twice, each log `lines` lines of about `width` bytes (line
 * break included), made at each read so that the simulator holds none of it.
 */
function largeRedBatch(count, lines, width) {
  const groups = Array.from({ length: count }, (_, i) => ({
    identifier: `group_${String(i + 1).padStart(3, '0')}`,
    dependsOn: [],
  }));
  const log = (identifier) =>
    Array.from({ length: lines }, (_, i) => {
      const head = `[${identifier}] line ${i + 1} of ${lines}: `;
      return head + 'x'.repeat(Math.max(0, width - 1 - head.length));
    });
  const plan = Object.fromEntries(groups.map((g) => [g.identifier, { status: 'FAILED', log }]));
  return { groups, plan };
}
const large = largeRedBatch(500, 1_000, 1_000);

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
  diagnosis: {
    ...diagnosis,
    description:
      'Fails again with everything a diagnosis shows: failing tests and coverage, a hostile log tail in a custom log group, a flaky group, groups not run, ignore-failure groups with S3-only or no logs, artifacts.',
  },
  'diagnosis-denied': {
    ...diagnosis,
    description:
      'As diagnosis, but the role may not call logs:GetLogEvents nor codebuild:DescribeTestCases.',
    faults: [
      { kind: 'denied', operation: 'GetLogEvents', count: 1_000 },
      { kind: 'denied', operation: 'DescribeTestCases', count: 1_000 },
    ],
  },
  'prototype-names': {
    project: 'web-app',
    description:
      "Groups named constructor, toString, valueOf, hasOwnProperty and __proto__ fail again on the retry; constructor's builds are deleted.",
    groups: prototypeRed.groups,
    environmentVariables,
    initial: { groups: prototypeRed.plan },
    retries: [prototypeRed.plan],
  },
  'prototype-names-green': {
    project: 'web-app',
    description:
      'A batch that succeeded with groups named constructor, toString, valueOf, hasOwnProperty and __proto__; the builds of constructor and valueOf are deleted.',
    groups: prototypeNames(false).groups,
    environmentVariables,
    initial: { groups: prototypeNames(false).plan },
  },
  'large-red-batch': {
    project: 'monorepo',
    description:
      '500 build groups fail, again on the retry, each with 1,000 log lines of 1 KB (with log-lines 1000: 500 MB of log tails).',
    groups: large.groups,
    environmentVariables,
    initial: { groups: large.plan },
    retries: [large.plan],
  },
  'diagnosis-oversize': {
    project: 'monorepo',
    description:
      '120 build groups, 30 of them fail twice with 1,000 long log lines and 25 failing tests each.',
    groups: big.groups,
    environmentVariables,
    initial: { groups: big.plan },
    retries: [big.plan],
  },
};
