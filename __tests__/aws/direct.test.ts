// The action calls CodeBuild and CloudWatch Logs directly (src/aws-json.ts) where the SDK's client
// would send the same requests (src/endpoints.ts). Here both ways read the same simulated batch over
// real HTTP, and must answer alike: the same shapes, the same Dates, the same errors.
import * as codebuildSdk from '@aws-sdk/client-codebuild';
import { CodeBuildClient } from '@aws-sdk/client-codebuild';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import * as logsSdk from '@aws-sdk/client-cloudwatch-logs';
import { CODEBUILD_TIMESTAMPS, createCodeBuild, type CodeBuild } from '../../src/aws/codebuild.js';
import { route } from '../../src/aws/endpoints.js';
import { createLogs } from '../../src/aws/logs.js';
import { startSimulator, type Simulator } from '../../simulator/server.mjs';

process.env.AWS_EC2_METADATA_DISABLED = 'true';

let sim: Simulator;
let direct: CodeBuild;
let sdk: CodeBuild;
let debug: string[];

beforeAll(async () => {
  sim = await startSimulator({ scenario: 'diagnosis' });
  const env = sim.clientEnv();
  debug = [];
  direct = createCodeBuild({
    env,
    routeTo: (service, region) =>
      route({ ...service, env, region, credentialsGiven: false, sharedFiles: false }),
    debug: (message) => debug.push(message),
  });
  sdk = createCodeBuild({
    client: new CodeBuildClient({
      region: sim.region,
      endpoint: sim.endpoint,
      credentials: { ...sim.credentials },
    }),
  });
});
afterAll(() => sim.close());

/** What a caller reads: the output without the transport's metadata. */
const same = async <T>(read: (codebuild: CodeBuild) => Promise<T>) => {
  const [a, b] = [await read(direct), await read(sdk)];
  expect(a).toEqual(b);
  return a;
};

describe('direct calls answer as the SDK client does', () => {
  it('reads the batch, its builds, reports and failing test cases alike', async () => {
    const batch = (await same((c) => c.getBatch(sim.batch.id)))!;
    expect(batch.startTime).toBeInstanceOf(Date);
    const arns = batch.buildGroups!.flatMap((g) => g.currentBuildSummary?.arn ?? []);
    const builds = await same((c) => c.getBuilds(arns));
    expect(builds.length).toBeGreaterThan(1);
    const reportArns = builds.flatMap((b) => b.reportArns ?? []);
    const reports = await same((c) => c.getReports(reportArns));
    expect(reports.length).toBeGreaterThan(0);
    expect(reports[0]!.created).toBeInstanceOf(Date);
    for (const report of reports)
      await same((c) => c.describeTestCases(report.arn!, 'FAILED', 100));
    await same((c) => c.listBatchIds(batch.projectName!, 'IN_PROGRESS', 10));
    expect(debug).toEqual([`CodeBuild is called directly at ${sim.endpoint}.`]);
  });

  it('say alike that a batch or build is unknown', async () => {
    expect(await same((c) => c.getBatch('web-app:nope'))).toBeUndefined();
    expect(await same((c) => c.getBuilds(['web-app:nope']))).toEqual([]);
  });

  it('fail alike, with the code, message and request id', async () => {
    const failure = async (c: CodeBuild) =>
      c.stopBatch('web-app:nope').then(
        () => 'no failure',
        (e: Error) => e.message.replace(/request id [0-9a-f-]+/, 'request id …'),
      );
    const message = await same(failure);
    expect(message).toMatch(
      /^CodeBuild StopBuildBatch failed: ResourceNotFoundException: .*request id …/,
    );
  });

  it('read a log tail alike, and say alike that a stream is missing', async () => {
    const batch = (await direct.getBatch(sim.batch.id))!;
    const builds = await direct.getBuilds(
      batch.buildGroups!.flatMap((g) => g.currentBuildSummary?.arn ?? []),
    );
    const logged = builds.find((b) => b.buildStatus === 'FAILED' && b.logs?.streamName)!;
    const viaDirect = await direct.openLogs(sim.region);
    const viaSdk = createLogs({
      client: new CloudWatchLogsClient({
        region: sim.region,
        endpoint: sim.endpoint,
        credentials: { ...sim.credentials },
      }),
    });
    const tail = await viaDirect.tail(logged.logs!.groupName!, logged.logs!.streamName!, 30);
    expect(tail!.length).toBeGreaterThan(0);
    expect(tail).toEqual(await viaSdk.tail(logged.logs!.groupName!, logged.logs!.streamName!, 30));
    expect(await viaDirect.tail(logged.logs!.groupName!, 'missing', 30)).toBeUndefined();
    expect(await viaSdk.tail(logged.logs!.groupName!, 'missing', 30)).toBeUndefined();
  });
});

describe('routing', () => {
  it('asks the way to CloudWatch Logs for Logs, in the region asked', async () => {
    const asked: unknown[] = [];
    const codebuild = createCodeBuild({
      routeTo: (service, region) => {
        asked.push([service.serviceId, service.prefix, region]);
        return { direct: false, why: 'test' };
      },
    });
    await codebuild.openLogs('eu-west-1');
    expect(asked).toEqual([
      ['CODEBUILD', 'codebuild', undefined],
      ['CLOUDWATCH_LOGS', 'logs', 'eu-west-1'],
    ]);
  });
});

/**
 * The member names that the SDK's schemas type as timestamps (schema codes 4 to 7) in the outputs
 * of these operations, and every other member name met on the way.
 */
function memberNames(module: Record<string, unknown>, operations: string[]) {
  const timestamps = new Set<string>();
  const others = new Set<string>();
  const seen = new Set<unknown>();
  const walk = (schema: unknown): void => {
    const s = typeof schema === 'function' ? (schema as () => unknown)() : schema;
    if (!Array.isArray(s) || seen.has(s)) return;
    seen.add(s);
    if (s[0] === 3 || s[0] === -3) {
      const [, , , , names, members] = s as [
        unknown,
        unknown,
        unknown,
        unknown,
        string[],
        unknown[],
      ];
      names.forEach((name, i) => {
        const member =
          typeof members[i] === 'function' ? (members[i] as () => unknown)() : members[i];
        if (typeof member === 'number' && member >= 4 && member <= 7) timestamps.add(name);
        else {
          others.add(name);
          walk(member);
        }
      });
    } else if (s[0] === 1) walk(s[4]);
    else if (s[0] === 2) walk(s[5]);
  };
  for (const operation of operations) {
    const schema = module[`${operation}$`] as unknown[];
    expect(schema?.[0]).toBe(9); // an operation: [9, namespace, name, traits, input, output]
    walk(schema[5]);
  }
  return { timestamps, others };
}

describe('timestamps', () => {
  it("are the members the SDK's CodeBuild schemas type as timestamps, and no other", () => {
    const { timestamps, others } = memberNames(codebuildSdk, [
      'BatchGetBuildBatches',
      'BatchGetBuilds',
      'BatchGetReports',
      'DescribeTestCases',
      'ListBuildBatchesForProject',
      'RetryBuildBatch',
      'StartBuildBatch',
      'StopBuildBatch',
    ]);
    expect([...timestamps].sort()).toEqual([...CODEBUILD_TIMESTAMPS].sort());
    // A name used for a timestamp in one shape and for something else in another could not be turned
    // by name.
    expect([...timestamps].filter((name) => others.has(name))).toEqual([]);
  });

  it('GetLogEvents has none (its event times are numbers of milliseconds)', () => {
    expect([...memberNames(logsSdk, ['GetLogEvents']).timestamps]).toEqual([]);
  });
});
