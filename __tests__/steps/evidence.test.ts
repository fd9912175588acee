import type { Build, Report, TestCase } from '@aws-sdk/client-codebuild';
import { ServiceError } from '../../src/aws/errors.js';
import {
  problemWarning,
  readEvidence,
  type EvidenceSource,
  type Problem,
  type ReadTail,
} from '../../src/steps/evidence.js';
import { SUMMARY_LIMIT_BYTES } from '../../src/report/summary.js';
import type { Logs } from '../../src/aws/logs.js';
import { describeBatch } from '../../src/report/outcome.js';
import { batch, group, noWholeLogs } from '../fixtures.js';

const denied = (operation: string) =>
  new ServiceError(operation, 'AccessDeniedException', 'not authorized', 'req-1', 'other');

/** A batch of `failed` failed groups, each build with a stream and a report with 30 failed cases. */
function setup(failed: number) {
  const outcome = describeBatch(
    batch(
      'FAILED',
      Array.from({ length: failed }, (_, i) => group(`g${i}`, 'FAILED')),
    ),
  );
  const builds: Build[] = outcome.groups.map((g) => ({
    arn: g.buildArn,
    logs: { groupName: '/aws/codebuild/web-app', streamName: g.identifier },
    reportArns: [`report-${g.identifier}`],
  }));
  const reports: Report[] = builds.map((b) => ({
    arn: b.reportArns![0],
    type: 'TEST',
    testSummary: {
      total: 40,
      statusCounts: { FAILED: 15, ERROR: 15, SUCCEEDED: 10 },
      durationInNanoSeconds: 1,
    },
  }));
  const calls: string[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const track = async <T>(name: string, value: T): Promise<T> => {
    calls.push(name);
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await new Promise((r) => setTimeout(r, 5));
    inFlight -= 1;
    return value;
  };
  const source: EvidenceSource & { failWith?: Record<string, Error> } = {
    region: async () => 'eu-west-1',
    getBuilds: async () => {
      if (source.failWith?.getBuilds) throw source.failWith.getBuilds;
      return track('BatchGetBuilds', builds);
    },
    getReports: async () => track('BatchGetReports', reports),
    openLogs: (region) => loadLogs(region),
    describeTestCases: async (arn, status, max) => {
      if (source.failWith?.describeTestCases) throw source.failWith.describeTestCases;
      return track(
        `DescribeTestCases ${arn} ${status} ${max}`,
        Array.from({ length: Math.min(max, 15) }, (_, i): TestCase => ({
          name: `${status} ${i}`,
          status,
        })),
      );
    },
  };
  const logs: Logs & { failWith?: Error } = {
    read: noWholeLogs,
    tail: async (groupName, streamName, lines) => {
      if (logs.failWith) throw logs.failWith;
      return track(`GetLogEvents ${streamName}`, [`last of ${streamName}`].slice(-lines));
    },
  };
  const loaded: Array<string | undefined> = [];
  const loadLogs = async (region: string | undefined) => {
    loaded.push(region);
    return logs;
  };
  return { outcome, source, logs, loadLogs, loaded, calls, maxInFlight: () => maxInFlight };
}

describe('readEvidence', () => {
  it('reads builds once, reports once, at most 20 cases per group (FAILED then ERROR), one tail per failed group', async () => {
    const s = setup(6);
    const { evidence, problems } = await readEvidence(s.outcome, s.source, {
      logLines: 30,
      signal: new AbortController().signal,
    });
    expect(problems).toEqual([]);
    expect(s.calls.filter((c) => c === 'BatchGetBuilds')).toHaveLength(1);
    expect(s.calls.filter((c) => c === 'BatchGetReports')).toHaveLength(1);
    expect(s.calls.filter((c) => c.startsWith('DescribeTestCases report-g0'))).toEqual([
      'DescribeTestCases report-g0 FAILED 20',
      'DescribeTestCases report-g0 ERROR 5',
    ]);
    expect(evidence!.cases.get('report-g0')).toHaveLength(20);
    expect([...evidence!.tails.keys()].sort()).toEqual(['g0', 'g1', 'g2', 'g3', 'g4', 'g5']);
    // The logs client is made once, in the CodeBuild client's region.
    expect(s.loaded).toEqual(['eu-west-1']);
    expect(s.maxInFlight()).toBeLessThanOrEqual(4 * 2);
  });

  it('keeps each kind of read to the concurrency it is given', async () => {
    const s = setup(12);
    await readEvidence(s.outcome, s.source, {
      logLines: 30,
      signal: new AbortController().signal,
      concurrency: 2,
    });
    // Tails and test cases run side by side, each at most 2 at a time.
    expect(s.maxInFlight()).toBeLessThanOrEqual(4);
  });

  it('loads no logs client when no tail is needed', async () => {
    for (const [failed, logLines] of [
      [3, 0],
      [0, 30],
    ] as const) {
      const s = setup(failed);
      await readEvidence(s.outcome, s.source, {
        logLines,
        signal: new AbortController().signal,
      });
      expect(s.loaded).toEqual([]);
    }
  });

  it('skips what has not started when the signal aborts, and says so', async () => {
    const s = setup(8);
    const controller = new AbortController();
    const tail = s.logs.tail;
    let tails = 0;
    s.logs.tail = async (...args) => {
      if (++tails === 2) controller.abort(new DOMException('budget spent', 'TimeoutError'));
      return tail(...args);
    };
    const { evidence, problems } = await readEvidence(s.outcome, s.source, {
      logLines: 30,
      signal: controller.signal,
      concurrency: 1,
    });
    expect(evidence!.tails.size).toBeLessThan(8);
    expect(problemWarning(problems)).toMatch(/did not fit in the time allowed/);
  });

  it('names the reads it never began when the time runs out right after the builds', async () => {
    const s = setup(2);
    const controller = new AbortController();
    const getBuilds = s.source.getBuilds;
    s.source.getBuilds = async (...args) => {
      const builds = await getBuilds(...args);
      controller.abort(new DOMException('The workflow was cancelled.', 'TimeoutError'));
      return builds;
    };
    const { evidence, problems } = await readEvidence(s.outcome, s.source, {
      logLines: 30,
      signal: controller.signal,
    });
    expect(evidence!.builds).toHaveLength(2);
    expect(s.calls).toEqual(['BatchGetBuilds']);
    expect(problemWarning(problems)).toBe(
      'Test results and log tails are left out: reading them did not fit in the time allowed.',
    );
  });

  it('records a denied read as a problem and carries on with the rest', async () => {
    const s = setup(2);
    s.logs.failWith = denied('GetLogEvents');
    s.source.failWith = { describeTestCases: denied('DescribeTestCases') };
    const { evidence, problems } = await readEvidence(s.outcome, s.source, {
      logLines: 30,
      signal: new AbortController().signal,
    });
    expect(evidence!.reports).toHaveLength(2);
    expect(problems.map((p) => p.permission).sort()).toEqual([
      'codebuild:DescribeTestCases',
      'logs:GetLogEvents',
    ]);
  });

  it('reads nothing more when the builds cannot be read', async () => {
    const s = setup(2);
    s.source.failWith = { getBuilds: denied('BatchGetBuilds') };
    const { evidence, problems } = await readEvidence(s.outcome, s.source, {
      logLines: 30,
      signal: new AbortController().signal,
    });
    expect(evidence).toBeUndefined();
    expect(problemWarning(problems)).toBe(
      'Failure reasons, durations, log tails and test results are left out: the role may not call codebuild:BatchGetBuilds. Add that permission to see them.',
    );
  });
});

describe('log tails, as they are read', () => {
  /** `failed` groups whose streams hold `lines` lines of `width` characters, with colour codes. */
  function large(failed: number, lines: number, width: number) {
    const s = setup(failed);
    const asked: number[] = [];
    s.logs.tail = async (_, stream, count) => {
      asked.push(count);
      return Array.from(
        { length: Math.min(lines, count) },
        (_, i) => `\u001b[31m${stream} ${i} ${'x'.repeat(width)}\u001b[0m`,
      );
    };
    return { ...s, asked };
  }

  it('hands each over as soon as it is read, cleaned, counting those still to come', async () => {
    const s = large(3, 5, 10);
    const handed: ReadTail[] = [];
    await readEvidence(s.outcome, s.source, {
      logLines: 30,
      signal: new AbortController().signal,
      concurrency: 1,
      onTail: (tail) => handed.push(tail),
    });
    expect(handed.map((t) => [t.request.identifier, t.left, t.capped])).toEqual([
      ['g0', 3, false],
      ['g1', 2, false],
      ['g2', 1, false],
    ]);
    expect(handed[0]!.lines).toHaveLength(5);
    expect(handed[0]!.lines![4]).toBe(`g0 4 ${'x'.repeat(10)}`);
  });

  it('reads fewer lines of each when log-lines of all would not fit their budget, and says so', async () => {
    const s = large(500, 1000, 1000);
    const handed: ReadTail[] = [];
    const { evidence } = await readEvidence(s.outcome, s.source, {
      logLines: 1000,
      signal: new AbortController().signal,
      tailBudgetBytes: 8 * 1024 * 1024,
      onTail: (tail) => handed.push(tail),
    });
    expect(new Set(s.asked)).toEqual(new Set([31]));
    expect(handed).toHaveLength(500);
    expect(handed.every((t) => t.capped && t.lines!.length === 31)).toBe(true);
    expect(evidence!.tails.get('g0')!.read).toBe(31);
  });

  it('keeps of all tails only what the summary can show, and how many lines each had', async () => {
    const s = large(100, 1000, 400);
    const { evidence } = await readEvidence(s.outcome, s.source, {
      logLines: 1000,
      signal: new AbortController().signal,
    });
    expect(s.asked.every((n) => n === 1000)).toBe(true);
    const kept = [...evidence!.tails.values()];
    expect(kept).toHaveLength(100);
    expect(kept.every((t) => t!.read === 1000)).toBe(true);
    const held = kept.reduce(
      (n, t) => n + t!.lines.reduce((m, l) => m + Buffer.byteLength(l) + 1, 0),
      0,
    );
    expect(held).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES);
    expect(held).toBeGreaterThan(SUMMARY_LIMIT_BYTES * 0.9);
  });
});

describe('problemWarning', () => {
  const p = (permission: string, part: string, error: unknown): Problem => ({
    permission,
    part,
    error,
  });
  it.each<[string, Problem[], string | undefined]>([
    ['nothing wrong', [], undefined],
    [
      'two denied, named in a fixed order',
      [
        p('logs:GetLogEvents', 'log tails', denied('GetLogEvents')),
        p('codebuild:DescribeTestCases', 'failing test cases', denied('DescribeTestCases')),
      ],
      'Failing test cases and log tails are left out: the role may not call codebuild:DescribeTestCases or logs:GetLogEvents. Add those permissions to see them.',
    ],
    [
      'another failure is quoted with its code and request id',
      [
        p(
          'codebuild:BatchGetReports',
          'test results',
          new ServiceError('BatchGetReports', 'InternalFailure', 'oops', 'req-9', 'transient'),
        ),
      ],
      'Test results are left out: CodeBuild BatchGetReports failed: InternalFailure: oops (request id req-9)',
    ],
  ])('%s', (_, problems, warning) => {
    expect(problemWarning(problems)).toBe(warning);
  });
});
