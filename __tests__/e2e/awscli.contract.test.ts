// Contract tests: the AWS CLI, a client nobody here wrote (botocore signs and parses on its own), must
// get well-formed answers from the simulator for every operation, the errors included.
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { simulators, type Simulator } from './helpers.js';

const exec = promisify(execFile);
const start = simulators();

// Without the AWS CLI these tests cannot run: on a developer's machine they are skipped with one line
// saying how to get it; CI sets REQUIRE_AWS_CLI=1 (.ci/run), where a missing CLI fails them instead.
const INSTALL =
  'install the AWS CLI (Debian/Ubuntu: apt-get install awscli; elsewhere: pip install awscli)';
const cliFound = spawnSync('aws', ['--version'], { stdio: 'ignore' }).status === 0;
const required = process.env.REQUIRE_AWS_CLI === '1';
if (!cliFound && !required)
  process.stderr.write(
    `AWS CLI contract tests skipped: no \`aws\` on PATH; ${INSTALL} to run them.\n`,
  );

interface CliResult {
  code: number;
  json?: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  stderr: string;
}

async function aws(
  sim: Simulator,
  args: string[],
  env: Record<string, string | undefined> = {},
  service: 'codebuild' | 'logs' = 'codebuild',
): Promise<CliResult> {
  const environment: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    ...sim.clientEnv(),
    AWS_MAX_ATTEMPTS: '1',
    AWS_PAGER: '',
    ...env,
  };
  delete environment.AWS_ENDPOINT_URL_CODEBUILD;
  delete environment.AWS_ENDPOINT_URL_CLOUDWATCH_LOGS;
  try {
    const { stdout, stderr } = await exec(
      'aws',
      [
        service,
        ...args,
        '--endpoint-url',
        sim.endpoint,
        '--region',
        sim.region,
        '--output',
        'json',
      ],
      { env: environment as NodeJS.ProcessEnv },
    );
    return { code: 0, json: stdout.trim() ? JSON.parse(stdout) : {}, stderr };
  } catch (error) {
    const failure = error as { code?: number | string; stderr?: string };
    return { code: Number(failure.code), stderr: failure.stderr ?? '' };
  }
}

(cliFound || required ? describe : describe.skip)('the AWS CLI against the simulator', () => {
  let sim: Simulator;
  beforeAll(async () => {
    if (!cliFound)
      throw new Error(`REQUIRE_AWS_CLI=1 but there is no \`aws\` on PATH: ${INSTALL}.`);
    sim = await start('long-running');
  });

  it('BatchGetBuildBatches: found ids in buildBatches, unknown ones in buildBatchesNotFound', async () => {
    const { code, json } = await aws(sim, [
      'batch-get-build-batches',
      '--ids',
      sim.batch.id,
      'web-app:unknown',
    ]);
    expect(code).toBe(0);
    expect(json!.buildBatchesNotFound).toEqual(['web-app:unknown']);
    const [batch] = json!.buildBatches;
    expect(batch).toMatchObject({
      id: sim.batch.id,
      arn: sim.batch.arn,
      buildBatchStatus: 'FAILED',
      complete: true,
      buildBatchNumber: 1,
    });
    const download = batch.buildGroups.find(
      (g: { identifier: string }) => g.identifier === 'DOWNLOAD_SOURCE',
    );
    expect(download).not.toHaveProperty('dependsOn');
    expect(batch.environment.environmentVariables[0]).toMatchObject({ type: 'PLAINTEXT' });
  });

  it('RetryBuildBatch: IN_PROGRESS and SUBMITTED, with the old group outcomes; then StopBuildBatch', async () => {
    const retry = await aws(sim, [
      'retry-build-batch',
      '--id',
      sim.batch.id,
      '--retry-type',
      'RETRY_FAILED_BUILDS',
      '--idempotency-token',
      'contract-1',
    ]);
    expect(retry.code).toBe(0);
    const b = retry.json!.buildBatch;
    expect(b).toMatchObject({
      buildBatchStatus: 'IN_PROGRESS',
      complete: false,
      currentPhase: 'SUBMITTED',
    });
    expect(b).not.toHaveProperty('endTime');
    expect(b.phases.map((p: { phaseStatus?: string }) => p.phaseStatus)).toEqual([
      'SUCCEEDED',
      'SUCCEEDED',
      'CLIENT_ERROR',
      'RETRY',
      undefined,
    ]);
    expect(
      b.buildGroups.find((g: { identifier: string }) => g.identifier === 'integration_tests')
        .currentBuildSummary.buildStatus,
    ).toBe('FAILED');

    const stop = await aws(sim, ['stop-build-batch', '--id', sim.batch.id]);
    expect(stop.code).toBe(0);
    expect(stop.json!.buildBatch).toMatchObject({ buildBatchStatus: 'STOPPED', complete: true });
    const statuses = stop.json!.buildBatch.buildGroups.map(
      (g: { currentBuildSummary?: { buildStatus: string } }) => g.currentBuildSummary?.buildStatus,
    );
    expect(statuses).toEqual(expect.arrayContaining(['PENDING']));
  });

  it('ListBuildBatchesForProject: filtered, sorted, paginated', async () => {
    const history = await start('project-history');
    const all = await aws(history, [
      'list-build-batches-for-project',
      '--project-name',
      'web-app',
      '--filter',
      'status=SUCCEEDED',
      '--sort-order',
      'ASCENDING',
    ]);
    expect(all.code).toBe(0);
    expect(all.json!.ids).toHaveLength(2);
    expect([...all.json!.ids].sort()).toEqual(all.json!.ids);
    const page = await aws(history, [
      'list-build-batches-for-project',
      '--project-name',
      'web-app',
      '--max-results',
      '1',
      '--no-paginate',
    ]);
    expect(page.json!.ids).toHaveLength(1);
    expect(typeof page.json!.nextToken).toBe('string');
  });

  it('BatchGetBuilds: builds with the failing phase and its context', async () => {
    const batch = (await aws(sim, ['batch-get-build-batches', '--ids', sim.batch.id])).json!
      .buildBatches[0];
    const failed = batch.buildGroups.find(
      (g: { identifier: string }) => g.identifier === 'integration_tests',
    ).priorBuildSummaryList[0].arn;
    const { code, json } = await aws(sim, ['batch-get-builds', '--ids', failed, 'web-app:missing']);
    expect(code).toBe(0);
    expect(json!.buildsNotFound).toEqual(['web-app:missing']);
    const phase = json!.builds[0].phases.find(
      (p: { phaseStatus?: string }) => p.phaseStatus === 'FAILED',
    );
    expect(phase).toMatchObject({
      phaseType: 'BUILD',
      contexts: [
        {
          statusCode: 'COMMAND_EXECUTION_ERROR',
          message: expect.stringContaining('exit status 1'),
        },
      ],
    });
  });

  it.each([
    [
      'an unknown batch',
      ['retry-build-batch', '--id', 'web-app:unknown', '--retry-type', 'RETRY_ALL_BUILDS'],
      {},
      'ResourceNotFoundException',
    ],
    [
      'a bad retry type',
      ['retry-build-batch', '--id', 'SIM_BATCH', '--retry-type', 'SOME'],
      {},
      'InvalidInputException',
    ],
    [
      'a retry with only an idempotency token (no id)',
      ['retry-build-batch', '--idempotency-token', 'contract-no-id'],
      {},
      'InvalidInputException',
    ],
    [
      'a list filter status outside the model (PENDING)',
      ['list-build-batches-for-project', '--project-name', 'web-app', '--filter', 'status=PENDING'],
      {},
      'InvalidInputException',
    ],
    [
      'a list sort order outside the model',
      ['list-build-batches-for-project', '--project-name', 'web-app', '--sort-order', 'NEWEST'],
      {},
      'InvalidInputException',
    ],
    [
      'maxResults above the model bound of 100',
      [
        'list-build-batches-for-project',
        '--project-name',
        'web-app',
        '--max-results',
        '101',
        '--no-paginate',
      ],
      {},
      'InvalidInputException',
    ],
    [
      'more than 100 batch ids',
      [
        'batch-get-build-batches',
        '--ids',
        ...Array.from({ length: 101 }, (_, i) => `web-app:${i}`),
      ],
      {},
      'InvalidInputException',
    ],
    [
      'an unsigned request',
      ['batch-get-builds', '--ids', 'x:1', '--no-sign-request'],
      {},
      'MissingAuthenticationTokenException',
    ],
    [
      'a wrong secret key',
      ['batch-get-builds', '--ids', 'x:1'],
      { AWS_SECRET_ACCESS_KEY: 'wrong' },
      'InvalidSignatureException',
    ],
    [
      'an unknown access key',
      ['batch-get-builds', '--ids', 'x:1'],
      { AWS_ACCESS_KEY_ID: 'AKIAUNKNOWN000000000' },
      'UnrecognizedClientException',
    ],
  ])('answers %s with a modelled error the CLI names', async (_, args, env, code) => {
    const result = await aws(
      sim,
      (args as string[]).map((a) => (a === 'SIM_BATCH' ? sim.batch.id : a)),
      env,
    );
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(
      new RegExp(`An error occurred \\((${code})\\) when calling the \\w+ operation`),
    );
  });

  it.each([
    ['throttle', 'ThrottlingException', 'Rate exceeded'],
    ['expired', 'ExpiredTokenException', 'The security token included in the request is expired'],
    ['5xx', 'ServiceUnavailableException', 'temporarily unavailable'],
  ])('injects %s faults the CLI understands', async (kind, code, message) => {
    sim.inject({ kind: kind as 'throttle', operation: 'BatchGetBuilds', count: 1 });
    const result = await aws(sim, ['batch-get-builds', '--ids', 'x:1']);
    expect(result.stderr).toContain(`(${code})`);
    expect(result.stderr).toContain(message);
    expect(sim.calls('BatchGetBuilds').at(-1)!.fault).toBe(kind);
  });
});

describe('the AWS CLI starting batches on the simulator', () => {
  const SHA = '0a1b2c3d4e5f60718293a4b5c6d7e8f901234567';
  const startArgs = (token: string, ...more: string[]) => [
    'start-build-batch',
    '--project-name',
    'web-app',
    '--source-version',
    SHA,
    '--environment-variables-override',
    'name=DEPLOY_ENV,value=staging,type=PLAINTEXT',
    '--idempotency-token',
    token,
    ...more,
  ];

  it('StartBuildBatch: a new batch, numbered after the others, echoing the source and overrides', async () => {
    const sim = await start('start-long-running');
    const { code, json } = await aws(
      sim,
      startArgs('contract-start-1', '--compute-type-override', 'BUILD_GENERAL1_LARGE'),
    );
    expect(code).toBe(0);
    const b = json!.buildBatch;
    expect(b).toMatchObject({
      projectName: 'web-app',
      buildBatchStatus: 'IN_PROGRESS',
      complete: false,
      buildBatchNumber: 2,
      sourceVersion: SHA,
      environment: { computeType: 'BUILD_GENERAL1_LARGE' },
    });
    expect(b.id).toMatch(/^web-app:[0-9a-f-]{36}$/);
    expect(b.environment.environmentVariables).toEqual(
      expect.arrayContaining([{ name: 'DEPLOY_ENV', value: 'staging', type: 'PLAINTEXT' }]),
    );

    // The same token and parameters within five minutes: the same batch, nothing new started.
    const again = await aws(
      sim,
      startArgs('contract-start-1', '--compute-type-override', 'BUILD_GENERAL1_LARGE'),
    );
    expect(again.json!.buildBatch.id).toBe(b.id);
    expect(sim.batches).toHaveLength(2);

    // The same token with other parameters: refused.
    const other = await aws(sim, startArgs('contract-start-1'));
    expect(other.stderr).toMatch(
      /An error occurred \(InvalidInputException\) when calling the StartBuildBatch operation: The idempotency token was already used with different parameters/,
    );
  });

  it.each([
    ['an unknown project', ['--project-name', 'nope'], 'ResourceNotFoundException', /nope/],
    [
      'a compute type outside the model',
      ['--compute-type-override', 'BUILD_GENERAL1_HUGE'],
      'InvalidInputException',
      /Value 'BUILD_GENERAL1_HUGE' at 'computeTypeOverride' failed to satisfy constraint: Member must satisfy enum value set/,
    ],
    [
      'a timeout above the bound',
      ['--build-timeout-in-minutes-override', '500'],
      'InvalidInputException',
      /Value '500' at 'buildTimeoutInMinutesOverride' failed to satisfy constraint: Member must have value less than or equal to 480/,
    ],
  ])('StartBuildBatch answers %s as the service does', async (_, args, code, message) => {
    const sim = await start('start-succeeds');
    const result = await aws(sim, ['start-build-batch', '--project-name', 'web-app', ...args]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(
      new RegExp(`An error occurred \\(${code}\\) when calling the StartBuildBatch operation`),
    );
    expect(result.stderr).toMatch(message);
    expect(sim.batches).toHaveLength(1);
  });
});

describe('the AWS CLI against the simulator: reports and logs', () => {
  let sim: Simulator;
  let build: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  beforeAll(async () => {
    sim = await start('diagnosis');
    const { json } = await aws(sim, ['batch-get-build-batches', '--ids', sim.batch.id]);
    const group = json!.buildBatches[0].buildGroups.find(
      (g: { identifier: string }) => g.identifier === 'integration_tests',
    );
    const builds = await aws(sim, ['batch-get-builds', '--ids', group.currentBuildSummary.arn]);
    build = builds.json!.builds[0];
  });

  it('BatchGetBuilds: a build carries its logs location and report ARNs', () => {
    expect(build.logs).toMatchObject({
      groupName: '/ci/web-app/builds',
      streamName: expect.stringMatching(/^batch\//),
      cloudWatchLogs: { status: 'ENABLED', groupName: '/ci/web-app/builds', streamName: 'batch' },
      s3Logs: { status: 'DISABLED' },
    });
    expect(build.reportArns).toHaveLength(2);
  });

  it('BatchGetReports: test and coverage summaries; unknown ARNs in reportsNotFound', async () => {
    const unknown = 'arn:aws:codebuild:us-east-1:123456789012:report/web-app-tests:unknown';
    const { code, json } = await aws(sim, [
      'batch-get-reports',
      '--report-arns',
      ...build.reportArns,
      unknown,
    ]);
    expect(code).toBe(0);
    expect(json!.reportsNotFound).toEqual([unknown]);
    expect(json!.reports[0]).toMatchObject({
      type: 'TEST',
      status: 'FAILED',
      testSummary: { total: 102, statusCounts: { SUCCEEDED: 97, FAILED: 3, ERROR: 1, SKIPPED: 1 } },
    });
    // botocore parsed the epoch-seconds timestamp: a number of seconds, not milliseconds.
    expect(json!.reports[0].created).toBeGreaterThan(1e9);
    expect(json!.reports[0].created).toBeLessThan(1e11);
    expect(json!.reports[1]).toMatchObject({
      type: 'CODE_COVERAGE',
      codeCoverageSummary: { lineCoveragePercentage: 81.4 },
    });
  });

  it('DescribeTestCases: filtered by status, paginated', async () => {
    const { code, json } = await aws(sim, [
      'describe-test-cases',
      '--report-arn',
      build.reportArns[0],
      '--filter',
      'status=FAILED',
      '--max-items',
      '2',
    ]);
    expect(code).toBe(0);
    expect(json!.testCases.map((c: { name: string }) => c.name)).toEqual([
      'rejects an empty cart',
      'applies a <b>discount</b>',
    ]);
    expect(json!.NextToken).toBeTruthy();
    const missing = await aws(sim, ['describe-test-cases', '--report-arn', 'arn:nope']);
    expect(missing.stderr).toMatch(/ResourceNotFoundException/);
  });

  it('GetLogEvents (logs, its own signing name): the newest events from the tail; a missing stream', async () => {
    const { code, json } = await aws(
      sim,
      [
        'get-log-events',
        '--log-group-name',
        build.logs.groupName,
        '--log-stream-name',
        build.logs.streamName,
        '--no-start-from-head',
        '--limit',
        '2',
      ],
      {},
      'logs',
    );
    expect(code).toBe(0);
    expect(json!.events.map((e: { message: string }) => e.message)).toEqual([
      '[Container] 2026/11/27 06:02:00.000000 Command did not exit successfully npm run test:integration exit status 1\n',
      '[Container] 2026/11/27 06:02:00.000000 Phase complete: BUILD State: FAILED\n',
    ]);
    expect(typeof json!.events[0].timestamp).toBe('number');
    expect(json!.nextBackwardToken).toMatch(/^b\//);
    const missing = await aws(
      sim,
      ['get-log-events', '--log-group-name', build.logs.groupName, '--log-stream-name', 'nope'],
      {},
      'logs',
    );
    expect(missing.stderr).toMatch(/ResourceNotFoundException.*log stream does not exist/);
  });
});
