import type { Build } from '@aws-sdk/client-codebuild';
import type { EvidenceSource } from '../../src/steps/evidence.js';
import type { Logs } from '../../src/aws/logs.js';
import { Reporter } from '../../src/steps/reporter.js';
import { lineBytes, STEP_LOG_BUDGET_BYTES } from '../../src/steps/step-log.js';
import { batch, group, noWholeLogs, recorder } from '../fixtures.js';

const red = () =>
  batch('FAILED', [
    group('build', 'SUCCEEDED'),
    group('unit', 'FAILED', { dependsOn: ['build'] }),
    group('lint', 'FAILED', { ignoreFailure: true }),
  ]);

function source(openLogs: EvidenceSource['openLogs']): EvidenceSource {
  return {
    region: async () => 'us-east-1',
    openLogs,
    getBuilds: async (arns) =>
      arns.map((arn): Build => ({
        arn,
        logs: { groupName: '/aws/codebuild/web-app', streamName: arn.split(':').at(-1) },
      })),
    getReports: async () => [],
    describeTestCases: async () => [],
  };
}

describe('Reporter.finish: the outputs name the groups as the failure sentence does', () => {
  it('failed-build-groups holds only the groups that fail the batch; not run and ignored apart', async () => {
    const r = recorder();
    const b = batch('FAILED', [
      group('build', 'SUCCEEDED'),
      group('unit', 'FAILED', { dependsOn: ['build'] }),
      group('e2e', 'STOPPED', { dependsOn: ['unit'] }),
      group('lint', 'FAILED', { ignoreFailure: true }),
    ]);
    await new Reporter(r.io).finish({ batch: b, headline: 'Retried once.', elapsedMs: 1000 });
    expect(r.outputs).toMatchObject({
      'failed-build-groups': '["unit"]',
      'not-run-build-groups': '["e2e"]',
      'ignored-build-groups': '["lint"]',
    });
  });
});

describe('Reporter.finish with a diagnosis', () => {
  it('prints each failed group’s tail in its own log group, and shows it in the summary', async () => {
    const r = recorder();
    const b = red();
    const loaded: string[] = [];
    const logs: Logs = {
      tail: async (_, stream) => [`\u001b[31mboom\u001b[0m in ${stream}`],
      read: noWholeLogs,
    };
    await new Reporter(r.io).finish({
      batch: b,
      headline: 'Retried once; the batch ended FAILED.',
      elapsedMs: 1000,
      builds: source(async (region) => {
        loaded.push(region ?? '');
        return logs;
      }),
      logLines: 30,
    });
    expect(loaded).toEqual(['us-east-1']);
    const groups = r.log.filter((l) => l.startsWith('::group::'));
    expect(groups).toEqual(
      ['Build group unit: last log line', 'Build group lint: last log line'].map(
        (t) => `::group::${t}`,
      ),
    );
    expect(r.log).toContainEqual(expect.stringMatching(/^boom in /));
    expect(r.summary()).toContain('<summary>Last log line</summary>');
    expect(r.outputs['test-results']).toBe('[]');
  });

  it("hides the batch's PLAINTEXT values in the forms a build prints them: URL-encoded, and a longer value whole", async () => {
    const r = recorder();
    const b = batch('FAILED', [group('unit', 'FAILED')]);
    b.environment!.environmentVariables = [
      { name: 'DEPLOY_TOKEN', value: 'tok+en/value=1', type: 'PLAINTEXT' },
      // The shorter first: hidden first, it would leave the longer one's end in clear.
      { name: 'DB_PASSWORD', value: 's3cr3t-pass', type: 'PLAINTEXT' },
      { name: 'DB_PASSWORD_OLD', value: 's3cr3t-pass-2024', type: 'PLAINTEXT' },
    ];
    const logs: Logs = {
      tail: async () => [
        `curl https://deploy.example/?token=${encodeURIComponent('tok+en/value=1')}`,
        'login s3cr3t-pass-2024 refused',
      ],
      read: noWholeLogs,
    };
    await new Reporter(r.io).finish({
      batch: b,
      headline: 'Failed.',
      elapsedMs: 1000,
      builds: source(async () => logs),
      logLines: 30,
    });
    expect(r.log).toContain('curl https://deploy.example/?token=***');
    expect(r.log).toContain('login *** refused');
    expect(r.summary()).toContain('login *** refused');
    expect(r.summary()).not.toContain('2024');
  });

  it('shares the step log among many failed groups: their newest lines, and where the rest is', async () => {
    const r = recorder();
    const ids = Array.from({ length: 40 }, (_, i) => `g${i}`);
    const b = batch(
      'FAILED',
      ids.map((id) => group(id, 'FAILED')),
    );
    const logs: Logs = {
      read: noWholeLogs,
      tail: async (_, stream, lines) =>
        Array.from({ length: lines }, (_, i) => `${stream} ${i} ${'x'.repeat(1000)}`),
    };
    await new Reporter(r.io).finish({
      batch: b,
      headline: 'Failed.',
      elapsedMs: 1000,
      builds: source(async () => logs),
      logLines: 1000,
    });
    const titles = r.log.filter((l) => l.startsWith('::group::'));
    expect(titles).toHaveLength(40);
    const notes = r.log.filter((l) => l.includes('left out of the step log'));
    expect(notes).toHaveLength(40);
    expect(notes[0]).toMatch(
      /^Build group g\d+: earlier log lines are left out of the step log \(it holds at most 2 MiB of build logs\); the whole log: https:\/\/us-east-1\.console\.aws\.amazon\.com\/codesuite\/codebuild\/123456789012\/projects\/web-app\/build\//,
    );
    const tails = r.log.slice(r.log.indexOf(titles[0]!), r.log.lastIndexOf('::endgroup::') + 1);
    expect(tails.reduce((n, l) => n + lineBytes(l), 0)).toBeLessThanOrEqual(STEP_LOG_BUDGET_BYTES);
  });

  it('reads nothing after an interruption once the caller’s signal has aborted, and still reports', async () => {
    const r = recorder();
    const b = red();
    const controller = new AbortController();
    controller.abort(new DOMException('no time left', 'TimeoutError'));
    const calls: string[] = [];
    const aborting: EvidenceSource = {
      ...source(async () => {
        throw new Error('no log is read after the signal aborted');
      }),
      getBuilds: async (_, signal) => {
        calls.push('BatchGetBuilds');
        signal?.throwIfAborted();
        return [];
      },
    };
    await new Reporter(r.io).finish({
      batch: b,
      headline: 'Cancelled.',
      elapsedMs: 1000,
      interrupted: true,
      builds: aborting,
      signal: controller.signal,
    });
    expect(r.log.filter((l) => l.startsWith('warning: Failure reasons'))).toEqual([
      'warning: Failure reasons, durations, log tails and test results are left out: reading them did not fit in the time allowed.',
    ]);
    expect(r.summary()).toContain('<code>unit</code>');
  });
});

describe('Reporter: the reads of a red batch hold the heap (main.ts: V8’s young generation)', () => {
  const green = () => batch('SUCCEEDED', [group('build', 'SUCCEEDED'), group('unit', 'SUCCEEDED')]);
  it.each([
    ['a red batch whose builds are read: held', red, true, 1],
    ['a green batch: not held', green, true, 0],
    ['a red batch when CodeBuild is not to be asked: not held', red, false, 0],
  ])('%s', async (_, make, withBuilds, held) => {
    const r = recorder();
    let calls = 0;
    const logs: Logs = { tail: async () => ['boom'], read: noWholeLogs };
    await new Reporter(r.io, () => (calls += 1)).finish({
      batch: make(),
      headline: 'Done.',
      elapsedMs: 1,
      ...(withBuilds ? { builds: source(async () => logs) } : {}),
      logLines: 30,
    });
    expect(calls).toBe(held);
  });

  it('as step-log begins to read the whole log of a group that ended', async () => {
    const r = recorder();
    let calls = 0;
    const reporter = new Reporter(r.io, () => (calls += 1));
    const logs: Logs = { tail: async () => ['boom'], read: noWholeLogs };
    reporter.followLogs(
      'failed',
      30,
      source(async () => logs),
      new AbortController().signal,
    );
    reporter.seen(batch('IN_PROGRESS', [group('unit', 'IN_PROGRESS')]));
    expect(calls).toBe(0);
    reporter.seen(batch('IN_PROGRESS', [group('unit', 'FAILED'), group('lint', 'IN_PROGRESS')]));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(calls).toBe(1);
  });
});
