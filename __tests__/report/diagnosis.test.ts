import type { ReportStatusType, Build, Report } from '@aws-sdk/client-codebuild';
import {
  artifactsOf,
  cleanLogLine,
  diagnose,
  failingReports,
  linesPerTail,
  logLeftOut,
  OWN_WARNINGS,
  planAnnotations,
  tailRequests,
  testResults,
  testTotals,
  WARNING_ANNOTATIONS,
  type Diagnosis,
  type Evidence,
  type GroupDiagnosis,
} from '../../src/report/diagnosis.js';
import { describeBatch } from '../../src/report/outcome.js';
import { batch, group } from '../fixtures.js';
import { PROTOTYPE_NAMES } from '../../simulator/scenarios.mjs';

const cloudWatch = (stream: string): Build['logs'] => ({
  groupName: '/aws/codebuild/web-app',
  streamName: stream,
  deepLink: `https://console.aws.amazon.com/cloudwatch/home#logEvent:stream=${stream}`,
  cloudWatchLogs: { status: 'ENABLED' },
  s3Logs: { status: 'DISABLED' },
});

const report = (arn: string, counts: Record<string, number>, extra: Partial<Report> = {}) =>
  ({
    arn,
    type: 'TEST',
    testSummary: {
      total: Object.values(counts).reduce((a, b) => a + b, 0),
      statusCounts: counts,
      durationInNanoSeconds: 1,
    },
    ...extra,
  }) as Report;

/** A red batch: build ok, unit failed, e2e blocked by unit, lint failed (ignore-failure). */
function redBatch() {
  const b = batch('FAILED', [
    group('build', 'SUCCEEDED'),
    group('unit', 'FAILED', { dependsOn: ['build'] }),
    group('e2e', 'STOPPED', { dependsOn: ['unit'] }),
    group('lint', 'FAILED', { ignoreFailure: true }),
  ]);
  const outcome = describeBatch(b);
  const arn = (id: string) => outcome.groups.find((g) => g.identifier === id)!.buildArn!;
  const builds: Build[] = [
    {
      arn: arn('build'),
      startTime: new Date(0),
      endTime: new Date(60_000),
      logs: cloudWatch('b'),
      reportArns: ['r-build', 'r-cov'],
    },
    {
      arn: arn('unit'),
      startTime: new Date(0),
      endTime: new Date(30_000),
      logs: cloudWatch('u'),
      reportArns: ['r-unit'],
      phases: [
        {
          phaseType: 'BUILD',
          phaseStatus: 'FAILED',
          contexts: [{ statusCode: 'COMMAND_EXECUTION_ERROR', message: 'exit status 1' }],
        },
      ],
    },
    { arn: arn('e2e'), startTime: new Date(30_000), endTime: new Date(30_000), logs: {} },
    {
      arn: arn('lint'),
      startTime: new Date(0),
      endTime: new Date(5_000),
      logs: {
        cloudWatchLogs: { status: 'DISABLED' },
        s3Logs: { status: 'ENABLED' },
        s3DeepLink: 'https://s3.console.aws.amazon.com/s3/object/logs/lint.gz',
      },
    },
  ];
  return { b, outcome, builds };
}

/** A red batch where two groups never started: queued was stopped while queued, waiting was PENDING. */
function neverStartedBatch() {
  const b = batch('STOPPED', [
    group('unit', 'FAILED'),
    group('queued', 'STOPPED', { priorBuildSummaryList: [{ arn: 'p', buildStatus: 'STOPPED' }] }),
    group('waiting', 'PENDING'),
  ]);
  const outcome = describeBatch(b);
  const arn = (id: string) => outcome.groups.find((g) => g.identifier === id)!.buildArn!;
  const builds: Build[] = [
    {
      arn: arn('unit'),
      startTime: new Date(0),
      endTime: new Date(30_000),
      logs: cloudWatch('u'),
      phases: [
        { phaseType: 'SUBMITTED', phaseStatus: 'SUCCEEDED' },
        { phaseType: 'QUEUED', phaseStatus: 'SUCCEEDED' },
        { phaseType: 'BUILD', phaseStatus: 'FAILED' },
      ],
    },
    {
      arn: arn('queued'),
      startTime: new Date(0),
      endTime: new Date(30_000),
      logs: cloudWatch('q'),
      phases: [
        { phaseType: 'SUBMITTED', phaseStatus: 'SUCCEEDED' },
        { phaseType: 'QUEUED', phaseStatus: 'STOPPED' },
        { phaseType: 'COMPLETED' },
      ],
    },
    { arn: arn('waiting'), startTime: new Date(0), logs: cloudWatch('w'), phases: [] },
  ];
  return { b, outcome, builds };
}

describe('tailRequests', () => {
  it('tails only groups that did not succeed, ran, and log to CloudWatch Logs', () => {
    const { outcome, builds } = redBatch();
    expect(tailRequests(outcome, builds)).toEqual([
      {
        identifier: 'unit',
        buildArn: outcome.groups.find((g) => g.identifier === 'unit')!.buildArn,
        groupName: '/aws/codebuild/web-app',
        streamName: 'u',
        logsLink: 'https://console.aws.amazon.com/cloudwatch/home#logEvent:stream=u',
      },
    ]);
  });

  it('does not tail a build that never started: stopped in the queue, or still pending', () => {
    const { outcome, builds } = neverStartedBatch();
    expect(tailRequests(outcome, builds).map((t) => t.identifier)).toEqual(['unit']);
  });

  it("links the build's console page when the build gives no CloudWatch link", () => {
    const { outcome, builds } = redBatch();
    const unlinked = builds.map((b) => ({ ...b, logs: { ...b.logs, deepLink: undefined } }));
    expect(tailRequests(outcome, unlinked)[0]!.logsLink).toMatch(
      /^https:\/\/us-east-1\.console\.aws\.amazon\.com\/codesuite\/codebuild\/123456789012\/projects\/web-app\/build\/web-app%3A/,
    );
  });
});

describe('linesPerTail', () => {
  const MiB = 1024 * 1024;
  it.each([
    ['one tail: log-lines', 1000, 1, 8 * MiB, 1000],
    ['16 tails of 1,000 lines of 503 bytes fit in 8 MiB', 1000, 16, 8 * MiB, 1000],
    ['20 tails: each gets its share', 1000, 20, 8 * MiB, 831],
    ['500 tails', 1000, 500, 8 * MiB, 31],
    ['500 tails at the default 30 lines', 30, 500, 8 * MiB, 30],
    ['more tails than bytes: still one line each', 30, 100_000, 8 * MiB, 1],
    ['no budget', 1000, 500, Infinity, 1000],
  ])('%s: %i lines, %i tails, %d bytes → %i', (_, logLines, tails, budget, expected) => {
    expect(linesPerTail(logLines, tails, budget)).toBe(expected);
    // At their longest (500 characters, "…" included, and the line break), with room for the rest.
    if (expected < logLines && expected > 1)
      expect(expected * 503 * tails).toBeLessThanOrEqual(budget);
  });
});

describe('logLeftOut', () => {
  const base = {
    identifier: 'unit',
    link: 'https://console.aws.amazon.com/cloudwatch/home#logEvent:stream=u',
    budgetBytes: 8 * 1024 * 1024,
  };
  it.each([
    [
      'lines cut by the budget',
      { count: 12, shown: 30, capped: false },
      'Build group unit: the 12 earlier log lines are left out of the step log (it holds at most 8 MiB of build logs); the whole log: https://console.aws.amazon.com/cloudwatch/home#logEvent:stream=u',
    ],
    [
      'one line',
      { count: 1, shown: 30, capped: false },
      'Build group unit: the 1 earlier log line is left out of the step log (it holds at most 8 MiB of build logs); the whole log: https://console.aws.amazon.com/cloudwatch/home#logEvent:stream=u',
    ],
    [
      'fewer lines read than log-lines',
      { count: 0, shown: 31, capped: true },
      'Build group unit: earlier log lines are left out of the step log (it holds at most 8 MiB of build logs); the whole log: https://console.aws.amazon.com/cloudwatch/home#logEvent:stream=u',
    ],
    [
      'nothing shown',
      { count: 31, shown: 0, capped: true },
      'Build group unit: its log tail is left out of the step log (it holds at most 8 MiB of build logs); the whole log: https://console.aws.amazon.com/cloudwatch/home#logEvent:stream=u',
    ],
  ])('%s', (_, part, line) => {
    expect(logLeftOut({ ...base, ...part })).toBe(line);
  });

  it("names the build's console page when there is no link", () => {
    expect(logLeftOut({ ...base, link: undefined, count: 1, shown: 0, capped: false })).toMatch(
      /the whole log: on the build's page in the CodeBuild console$/,
    );
  });
});

describe('failingReports', () => {
  it.each([
    [{ SUCCEEDED: 3 }, []],
    [{ SUCCEEDED: 3, FAILED: 1 }, ['FAILED']],
    [{ ERROR: 2 }, ['ERROR']],
    [{ FAILED: 1, ERROR: 1, SKIPPED: 4 }, ['FAILED', 'ERROR']],
  ])('a report counting %j asks for %j', (counts, statuses) => {
    const found = failingReports([report('r', counts)]);
    expect(found).toEqual(statuses.length ? [{ arn: 'r', statuses }] : []);
  });

  it('never asks for the cases of a coverage report', () => {
    expect(failingReports([report('r', { FAILED: 1 }, { type: 'CODE_COVERAGE' })])).toEqual([]);
  });
});

describe('cleanLogLine', () => {
  it.each([
    ['\u001b[31mred\u001b[39m text', 'red text'],
    ['progress 10%\rprogress 100%', 'progress 100%'],
    ['trailing spaces   ', 'trailing spaces'],
    ['a\u0007bell', 'abell'],
    ['x'.repeat(600), `${'x'.repeat(499)}…`],
    ['', ''],
  ])('%j → %j', (line, shown) => {
    expect(cleanLogLine(line)).toBe(shown);
  });
});

describe('testTotals', () => {
  it.each<[string, Report[], ReturnType<typeof testTotals>]>([
    ['no reports', [], undefined],
    [
      'one test report',
      [report('a', { SUCCEEDED: 412, FAILED: 3, SKIPPED: 1 })],
      { total: 416, passed: 412, failed: 3, skipped: 1 },
    ],
    [
      'errors count as failures',
      [report('a', { SUCCEEDED: 1, FAILED: 1, ERROR: 2 })],
      { total: 4, passed: 1, failed: 3, skipped: 0 },
    ],
    [
      'two test reports and a coverage report',
      [
        report('a', { SUCCEEDED: 2 }),
        report('b', { SUCCEEDED: 3, FAILED: 1 }),
        { arn: 'c', type: 'CODE_COVERAGE', codeCoverageSummary: { lineCoveragePercentage: 87.54 } },
      ],
      { total: 6, passed: 5, failed: 1, skipped: 0, lineCoverage: 87.5 },
    ],
    [
      'coverage only',
      [{ arn: 'c', type: 'CODE_COVERAGE', codeCoverageSummary: { lineCoveragePercentage: 50 } }],
      { total: 0, passed: 0, failed: 0, skipped: 0, lineCoverage: 50 },
    ],
    // Counts of a report CodeBuild has not finished (or could not) may be short: said so.
    // A status newer than the SDK's types is service text all the same.
    ...(['GENERATING', 'INCOMPLETE', 'A_STATUS_FROM_LATER'] as ReportStatusType[]).map(
      (status): [string, Report[], ReturnType<typeof testTotals>] => [
        `a ${status} test report beside a finished one`,
        [
          report('a', { SUCCEEDED: 2 }, { status: 'SUCCEEDED' }),
          report('b', { SUCCEEDED: 3 }, { status }),
        ],
        { total: 5, passed: 5, failed: 0, skipped: 0, incomplete: true },
      ],
    ),
    // An INCOMPLETE report (a wrong path in the buildspec) or a GENERATING one may carry no
    // testSummary at all: the counts beside it are as short as with one that has some.
    ...(['GENERATING', 'INCOMPLETE'] as const).map(
      (status): [string, Report[], ReturnType<typeof testTotals>] => [
        `a ${status} test report without counts beside a finished one`,
        [
          report('a', { SUCCEEDED: 2 }, { status: 'SUCCEEDED' }),
          { arn: 'b', type: 'TEST', status },
        ],
        { total: 2, passed: 2, failed: 0, skipped: 0, incomplete: true },
      ],
    ),
    [
      'an INCOMPLETE test report without counts, alone',
      [{ arn: 'b', type: 'TEST', status: 'INCOMPLETE' }],
      { total: 0, passed: 0, failed: 0, skipped: 0, incomplete: true },
    ],
    [
      'finished reports, failed or not',
      [
        report('a', { SUCCEEDED: 2 }, { status: 'SUCCEEDED' }),
        report('b', { FAILED: 1 }, { status: 'FAILED' }),
      ],
      { total: 3, passed: 2, failed: 1, skipped: 0 },
    ],
    [
      'an INCOMPLETE coverage report: coverage says nothing of test counts',
      [
        report('a', { SUCCEEDED: 2 }, { status: 'SUCCEEDED' }),
        {
          arn: 'c',
          type: 'CODE_COVERAGE',
          status: 'INCOMPLETE',
          codeCoverageSummary: { lineCoveragePercentage: 50 },
        },
      ],
      { total: 2, passed: 2, failed: 0, skipped: 0, lineCoverage: 50 },
    ],
  ])('%s', (_, reports, totals) => {
    expect(testTotals(reports)).toEqual(totals);
  });
});

describe('artifactsOf', () => {
  it('lists each group’s real artifacts, then the batch’s combined ones; no_artifacts is left out', () => {
    const b = batch('FAILED', [
      group('build', 'SUCCEEDED', {
        currentBuildSummary: {
          arn: 'x',
          buildStatus: 'SUCCEEDED',
          primaryArtifact: { type: 'S3', location: 'arn:aws:s3:::bucket/build.zip' },
          secondaryArtifacts: [
            { type: 'S3', location: 'arn:aws:s3:::bucket/sbom.json', identifier: 'sbom' },
          ],
        },
      }),
      group('lint', 'FAILED', {
        currentBuildSummary: {
          arn: 'y',
          buildStatus: 'FAILED',
          primaryArtifact: { type: 'no_artifacts' as never, location: '' },
        },
      }),
    ]);
    b.artifacts = { location: 'arn:aws:s3:::bucket/combined.zip' };
    expect(artifactsOf(b)).toEqual([
      { identifier: 'build', location: 'arn:aws:s3:::bucket/build.zip', type: 'S3' },
      {
        identifier: 'build',
        location: 'arn:aws:s3:::bucket/sbom.json',
        type: 'S3',
        artifactIdentifier: 'sbom',
      },
      { identifier: 'batch', location: 'arn:aws:s3:::bucket/combined.zip', type: 'S3' },
    ]);
  });
});

describe('diagnose', () => {
  const { b, outcome, builds } = redBatch();
  const evidence: Evidence = {
    builds,
    reports: [
      report('r-build', { SUCCEEDED: 10 }),
      { arn: 'r-cov', type: 'CODE_COVERAGE', codeCoverageSummary: { lineCoveragePercentage: 80 } },
      report('r-unit', { SUCCEEDED: 5, FAILED: 30 }),
    ],
    cases: new Map([
      [
        'r-unit',
        Array.from({ length: 25 }, (_, i) => ({
          name: `case ${i}`,
          testSuiteName: 'suite',
          status: 'FAILED',
          message: `\u001b[31mexpected ${i}\u001b[0m\n    at line ${i}`,
          durationInNanoSeconds: 2_000_000,
        })),
      ],
    ]),
    tails: new Map([['unit', { lines: ['one', 'two', 'three'], read: 3 }]]),
  };

  it.each<[string, number, GroupDiagnosis['log']]>([
    ['unit', 2, { kind: 'tail', lines: ['two', 'three'], read: 2 }],
    ['lint', 30, { kind: 's3', link: 'https://s3.console.aws.amazon.com/s3/object/logs/lint.gz' }],
    ['e2e', 30, undefined],
    ['build', 30, undefined],
    ['unit', 0, undefined],
  ])('the log of %s with log-lines %i', (id, lines, log) => {
    expect(diagnose(outcome, b, evidence, lines).groups.get(id)!.log).toEqual(log);
  });

  it('says the stream is empty, the logs are off, or the read did not happen', () => {
    const off = {
      ...evidence,
      builds: builds.map((x) => ({
        ...x,
        logs: {
          cloudWatchLogs: { status: 'DISABLED' as const },
          s3Logs: { status: 'DISABLED' as const },
        },
      })),
      tails: new Map(),
    };
    expect(diagnose(outcome, b, off, 30).groups.get('unit')!.log).toEqual({ kind: 'off' });
    expect(
      diagnose(outcome, b, { ...evidence, tails: new Map([['unit', undefined]]) }, 30).groups.get(
        'unit',
      )!.log,
    ).toEqual({ kind: 'empty' });
    expect(
      diagnose(outcome, b, { ...evidence, tails: new Map() }, 30).groups.get('unit')!.log,
    ).toEqual({
      kind: 'unread',
    });
  });

  const found = diagnose(outcome, b, evidence, 30);

  it("cuts a case's message to 300 characters, and its name to 300 in its middle, keeping its end", () => {
    const long = diagnose(
      outcome,
      b,
      {
        ...evidence,
        cases: new Map([
          [
            'r-unit',
            [{ name: `case ${'y'.repeat(1000)} end`, status: 'FAILED', message: 'x'.repeat(1000) }],
          ],
        ]),
      },
      30,
    ).groups.get('unit')!.failingCases[0]!;
    expect(long.message).toHaveLength(300);
    expect(long.message!.endsWith('…')).toBe(true);
    expect(long.name.length).toBeLessThanOrEqual(300);
    expect(long.name).toMatch(/^case y+ … y+ end$/);
  });

  it('lists at most 20 failing cases, the first message line without colours, and counts the rest', () => {
    expect(found.groups.get('unit')!.failingCases).toHaveLength(20);
    expect(found.groups.get('unit')!.failingCases[3]).toEqual({
      suite: 'suite',
      name: 'case 3',
      status: 'FAILED',
      message: 'expected 3',
      durationMs: 2,
    });
    expect(found.groups.get('unit')!.moreCases).toBe(10);
  });

  it('gives a not-run group no duration and no logs link, a failed one its reason', () => {
    expect(found.groups.get('e2e')!.durationMs).toBeUndefined();
    expect(found.groups.get('e2e')!.logsLink).toBeUndefined();
    expect(found.groups.get('unit')).toMatchObject({
      reason: 'BUILD — COMMAND_EXECUTION_ERROR: exit status 1',
      durationMs: 30_000,
      logsLink: expect.stringContaining('stream=u'),
    });
    expect(found.groups.get('build')!.reason).toBeUndefined();
  });

  it('marks a build that never started as not run: no log (not even an empty one), duration or logs link', () => {
    const { b, outcome, builds } = neverStartedBatch();
    // Had the streams been asked for, they would not exist.
    const tails = new Map([
      ['unit', { lines: ['boom'], read: 1 }],
      ['queued', undefined],
      ['waiting', undefined],
    ]);
    const groups = diagnose(
      outcome,
      b,
      { builds, reports: [], cases: new Map(), tails },
      30,
    ).groups;
    for (const id of ['queued', 'waiting']) {
      expect(groups.get(id)).toMatchObject({ notRun: true, log: undefined });
      expect(groups.get(id)!.durationMs).toBeUndefined();
      expect(groups.get(id)!.logsLink).toBeUndefined();
    }
    expect(groups.get('unit')).toMatchObject({
      log: { kind: 'tail', lines: ['boom'], read: 1 },
      durationMs: 30_000,
    });
    expect(groups.get('unit')!.notRun).toBeUndefined();
  });

  it('annotates a build that never started as not run, after the failures', () => {
    const { b, outcome, builds } = neverStartedBatch();
    const d = diagnose(outcome, b, { builds, reports: [], cases: new Map(), tails: new Map() }, 30);
    expect(planAnnotations(outcome, d, 9).map((a) => a.message)).toEqual([
      'Build group unit ended FAILED: BUILD — FAILED',
      'Build group queued did not run (STOPPED before it started): QUEUED — STOPPED',
      'Build group waiting did not run (PENDING before it started)',
    ]);
  });

  it('gives the test-results output one object per group with reports', () => {
    expect(testResults(found)).toEqual([
      { identifier: 'build', total: 10, passed: 10, failed: 0, skipped: 0, lineCoverage: 80 },
      { identifier: 'unit', total: 35, passed: 5, failed: 30, skipped: 0 },
    ]);
  });
});

describe('planAnnotations', () => {
  const { outcome } = redBatch();
  const withCases = (n: number, more = 0): Diagnosis => ({
    artifacts: [],
    groups: new Map([
      [
        'unit',
        {
          identifier: 'unit',
          reason: 'BUILD — exit status 1',
          failingCases: Array.from({ length: n }, (_, i) => ({
            suite: 's',
            name: `c${i}`,
            status: 'FAILED',
            message: 'boom',
            durationMs: 1500,
          })),
          moreCases: more,
        },
      ],
    ]),
  });
  const errors = (d: Diagnosis | undefined, budget: number) =>
    planAnnotations(outcome, d, budget)
      .filter((a) => a.kind === 'error')
      .map((a) => a.message);

  it.each<[string, Diagnosis | undefined, number, string[]]>([
    [
      'no diagnosis: the group failure and the group not run',
      undefined,
      9,
      ['Build group unit ended FAILED', 'Build group e2e did not run: unit failed'],
    ],
    [
      'cases fit: group failure, cases, then the group not run',
      withCases(2),
      9,
      [
        'Build group unit ended FAILED: BUILD — exit status 1',
        's › c0 FAILED in build group unit: boom (1.50s)',
        's › c1 FAILED in build group unit: boom (1.50s)',
        'Build group e2e did not run: unit failed',
      ],
    ],
    [
      'too many cases: the budget is filled, the last line counts what is left out',
      withCases(20, 5),
      4,
      [
        'Build group unit ended FAILED: BUILD — exit status 1',
        's › c0 FAILED in build group unit: boom (1.50s)',
        's › c1 FAILED in build group unit: boom (1.50s)',
        '1 more build group and 23 more failing test cases not annotated (GitHub shows at most 10 errors per step): see the job summary.',
      ],
    ],
    [
      'exactly as many as the budget: every one, and no line counting the rest',
      withCases(2),
      4,
      [
        'Build group unit ended FAILED: BUILD — exit status 1',
        's › c0 FAILED in build group unit: boom (1.50s)',
        's › c1 FAILED in build group unit: boom (1.50s)',
        'Build group e2e did not run: unit failed',
      ],
    ],
    [
      'cases fit but more exist than were listed: one line says so',
      withCases(1, 3),
      9,
      [
        'Build group unit ended FAILED: BUILD — exit status 1',
        's › c0 FAILED in build group unit: boom (1.50s)',
        'Build group e2e did not run: unit failed',
        '3 more failing test cases not annotated (GitHub shows at most 10 errors per step): see the job summary.',
      ],
    ],
  ])('%s', (_, diagnosis, budget, expected) => {
    expect(errors(diagnosis, budget)).toEqual(expected);
    expect(errors(diagnosis, budget).length).toBeLessThanOrEqual(budget);
  });

  it('warns, not errs, for a failed ignore-failure group, outside the error budget', () => {
    const warnings = planAnnotations(outcome, undefined, 1).filter((a) => a.kind === 'warning');
    expect(warnings.map((w) => w.message)).toEqual([
      'Build group lint ended FAILED (ignore-failure, so the batch does not fail for it)',
    ]);
    // Titled as the errors are: the annotation's headline says which group and that it may fail.
    expect(warnings.map((w) => w.title)).toEqual(['Build group lint FAILED (ignore-failure)']);
  });

  // GitHub drops a step's warnings after its tenth: the step's own come after these.
  it.each([
    [5, 5, 5, 'none'],
    [6, 5, 5, '2 more'],
    [12, 5, 5, '8 more'],
    [12, 1, 1, '12 more'],
    [3, 0, 0, 'none'],
  ])(
    '%i failed ignore-failure groups, %i warnings of room: %i warnings, %s counted',
    (groups, room, count, counted) => {
      const b = batch('FAILED', [
        group('unit', 'FAILED'),
        ...Array.from({ length: groups }, (_, i) =>
          group(`optional_${i}`, 'FAILED', { ignoreFailure: true }),
        ),
      ]);
      const warnings = planAnnotations(describeBatch(b), undefined, 9, room).filter(
        (a) => a.kind === 'warning',
      );
      expect(warnings).toHaveLength(count);
      const last = warnings.at(-1)?.message ?? '';
      expect(/^\d+ more/.test(last) ? last.split(' failed')[0] : 'none').toBe(counted);
      if (counted !== 'none') {
        expect(last).toMatch(
          /not annotated \(GitHub shows at most 10 warnings per step\): see the job summary\.$/,
        );
        // Titled like the warnings it counts, and like the errors' own count.
        expect(warnings.at(-1)?.title).toBe('More ignore-failure groups');
      }
    },
  );

  it('leaves at most 10 less the own warnings to the ignore-failure groups by default', () => {
    const b = batch(
      'FAILED',
      Array.from({ length: 30 }, (_, i) => group(`o${i}`, 'FAILED', { ignoreFailure: true })),
    );
    expect(planAnnotations(describeBatch(b), undefined, 9)).toHaveLength(
      WARNING_ANNOTATIONS - OWN_WARNINGS,
    );
  });
});

// Group identifiers are service text: a name that is a member of Object.prototype is a name like any.
describe.each(PROTOTYPE_NAMES)('a group named %s', (name) => {
  const b = batch('FAILED', [group(name, 'FAILED'), group('unit', 'FAILED')]);
  const outcome = describeBatch(b);
  const [named, unit] = outcome.groups as [(typeof outcome.groups)[0], (typeof outcome.groups)[0]];
  const build = (arn: string | undefined, stream: string): Build => ({
    arn,
    logs: cloudWatch(stream),
    reportArns: [`r-${stream}`],
  });

  it('is diagnosed, in test-results and annotated when its build was read', () => {
    const found = diagnose(
      outcome,
      b,
      {
        builds: [build(named.buildArn, name)],
        reports: [report(`r-${name}`, { SUCCEEDED: 1, FAILED: 1 })],
        cases: new Map([[`r-${name}`, [{ name: 'c', status: 'FAILED' }]]]),
        tails: new Map([[name, { lines: ['last line'], read: 1 }]]),
      },
      30,
    );
    expect([...found.groups.keys()]).toEqual([name]);
    expect(found.groups.get(name)).toMatchObject({
      log: { kind: 'tail', lines: ['last line'], read: 1 },
      failingCases: [{ name: 'c', status: 'FAILED' }],
    });
    expect(testResults(found)).toEqual([
      { identifier: name, total: 2, passed: 1, failed: 1, skipped: 0 },
    ]);
    expect(planAnnotations(outcome, found, 9).map((a) => a.message)).toEqual([
      `Build group ${name} ended FAILED`,
      'Build group unit ended FAILED',
      `c FAILED in build group ${name}`,
    ]);
  });

  it('is left out, and breaks nothing, when its build was not read', () => {
    const found = diagnose(
      outcome,
      b,
      { builds: [build(unit.buildArn, 'unit')], reports: [], cases: new Map(), tails: new Map() },
      30,
    );
    expect([...found.groups.keys()]).toEqual(['unit']);
    expect(found.groups.get('unit')!.log).toEqual({ kind: 'unread' });
    expect(testResults(found)).toEqual([]);
    expect(planAnnotations(outcome, found, 9).map((a) => a.message)).toEqual([
      `Build group ${name} ended FAILED`,
      'Build group unit ended FAILED',
    ]);
  });
});
