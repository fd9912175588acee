import type { Build, BuildBatch, BuildGroup } from '@aws-sdk/client-codebuild';
import type { LogBounds, Logs } from '../../src/aws/logs.js';
import { ServiceError } from '../../src/aws/errors.js';
import type { StepLogMode } from '../../src/config/inputs.js';
import type { EvidenceSource } from '../../src/steps/evidence.js';
import { Reporter, type FinalReport } from '../../src/steps/reporter.js';
import { batch, recorder } from '../fixtures.js';

// step-log: each group's whole log goes into the step log when the group ends, never before, one
// collapsed group at a time; the end of the step does not write its tail again.

const arn = (id: string) =>
  `arn:aws:codebuild:us-east-1:123456789012:build/web-app:${id.padEnd(8, '0')}-0000-4000-8000-000000000000`;
/** A group whose current build is `build` (a retry gives it another). */
const g = (identifier: string, status: string, build = identifier): BuildGroup => ({
  identifier,
  currentBuildSummary: { arn: arn(build), buildStatus: status as never },
});
const state = (status: string, ...groups: BuildGroup[]): BuildBatch => batch(status, groups);

/** A CodeBuild and CloudWatch Logs that record what is asked, and when, among what the step prints. */
function world(
  options: {
    lines?: (stream: string) => string[];
    failRead?: Error;
    failBuilds?: Error;
    /** The whole-log read answers only when aborted. */
    hangRead?: boolean;
  } = {},
) {
  const r = recorder();
  const calls: string[] = [];
  const reads: LogBounds[] = [];
  const lines = options.lines ?? ((stream: string) => [`first of ${stream}`, `last of ${stream}`]);
  const logs: Logs = {
    tail: async (_, stream, count) => {
      calls.push(`tail ${stream}`);
      return lines(stream).slice(-count);
    },
    read: async (_, stream, bounds, signal) => {
      calls.push(`read ${stream}`);
      r.log.push(`(read ${stream})`);
      reads.push(bounds);
      if (options.failRead) throw options.failRead;
      if (options.hangRead)
        await new Promise((_, reject) =>
          signal!.addEventListener('abort', () => reject(signal!.reason)),
        );
      const all = lines(stream);
      return { lines: all.slice(-bounds.maxLines), complete: all.length <= bounds.maxLines };
    },
  };
  const source: EvidenceSource = {
    region: async () => 'us-east-1',
    openLogs: async () => logs,
    getBuilds: async (arns) => {
      if (options.failBuilds) throw options.failBuilds;
      return built(arns);
    },
    getReports: async () => [],
    describeTestCases: async () => [],
  };
  const built = (arns: string[]) =>
    arns.map((a): Build => ({
      arn: a,
      logs: { groupName: '/aws/codebuild/web-app', streamName: a.split(':').at(-1)!.slice(0, 8) },
    }));
  const reporter = new Reporter(r.io);
  const follow = (mode: StepLogMode, cancelled = new AbortController().signal) =>
    reporter.followLogs(mode, 30, source, cancelled);
  const finish = (b: BuildBatch, extra: Partial<FinalReport> = {}) =>
    reporter.finish({
      batch: b,
      headline: 'Done.',
      elapsedMs: 1,
      builds: source,
      logLines: 30,
      ...extra,
    });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { r, calls, reads, reporter, follow, finish, settle };
}

const titles = (log: string[]) => log.filter((l) => l.startsWith('::group::'));

describe('step-log: failed (the default)', () => {
  it("writes a failed group's whole log as it ends, before the next read; never a running group's", async () => {
    const w = world();
    w.follow('failed');
    w.reporter.seen(state('IN_PROGRESS', g('unit', 'IN_PROGRESS'), g('lint', 'IN_PROGRESS')));
    await w.settle();
    expect(w.calls).toEqual([]);
    w.r.log.push('(poll 2)');
    w.reporter.seen(state('IN_PROGRESS', g('unit', 'FAILED'), g('lint', 'IN_PROGRESS')));
    await w.settle();
    expect(w.calls).toEqual(['read unit0000']);
    expect(w.r.log).toEqual([
      '(poll 2)',
      '(read unit0000)',
      '::group::Build group unit FAILED: its whole log, 2 lines',
      'first of unit0000',
      'last of unit0000',
      '::endgroup::',
    ]);
    w.reporter.seen(state('IN_PROGRESS', g('unit', 'FAILED'), g('lint', 'SUCCEEDED')));
    await w.finish(state('FAILED', g('unit', 'FAILED'), g('lint', 'SUCCEEDED')));
    // The green group's log is not read; the summary's tail of the failed one comes from its read.
    expect(w.calls).toEqual(['read unit0000']);
    expect(titles(w.r.log)).toEqual(['::group::Build group unit FAILED: its whole log, 2 lines']);
    expect(w.r.summary()).toContain('last of unit0000');
  });

  it('reads each ended build once, however often it is seen while its log is read', async () => {
    const w = world();
    w.follow('failed');
    w.reporter.seen(state('IN_PROGRESS', g('unit', 'IN_PROGRESS')));
    for (let i = 0; i < 3; i++) w.reporter.seen(state('IN_PROGRESS', g('unit', 'FAILED')));
    await w.settle();
    w.reporter.seen(state('FAILED', g('unit', 'FAILED')));
    await w.finish(state('FAILED', g('unit', 'FAILED')));
    expect(w.calls).toEqual(['read unit0000']);
    expect(titles(w.r.log)).toHaveLength(1);
  });

  it('leaves groups that had ended before the step looked to the tails at the end', async () => {
    const w = world();
    w.follow('failed');
    w.reporter.seen(state('FAILED', g('unit', 'FAILED'), g('lint', 'SUCCEEDED')));
    await w.finish(state('FAILED', g('unit', 'FAILED'), g('lint', 'SUCCEEDED')));
    expect(w.calls).toEqual(['tail unit0000']);
    expect(titles(w.r.log)).toEqual(['::group::Build group unit: last 2 log lines']);
  });

  it('writes a retried group again when its new build ends', async () => {
    const w = world();
    w.follow('failed');
    w.reporter.seen(state('FAILED', g('unit', 'FAILED', 'unit1')));
    w.reporter.retried();
    w.reporter.seen(state('IN_PROGRESS', g('unit', 'IN_PROGRESS', 'unit2')));
    w.reporter.seen(state('IN_PROGRESS', g('unit', 'FAILED', 'unit2')));
    w.reporter.seen(state('IN_PROGRESS', g('unit', 'IN_PROGRESS', 'unit3')));
    w.reporter.seen(state('FAILED', g('unit', 'FAILED', 'unit3')));
    await w.finish(state('FAILED', g('unit', 'FAILED', 'unit3')));
    expect(w.calls.filter((c) => c.startsWith('read'))).toEqual(['read unit2000', 'read unit3000']);
    expect(titles(w.r.log)).toHaveLength(2);
  });

  it('writes the groups that ended in the last poll before the tails of the rest', async () => {
    const w = world();
    w.follow('failed');
    w.reporter.seen(state('IN_PROGRESS', g('unit', 'IN_PROGRESS')));
    const final = state('FAILED', g('unit', 'FAILED'));
    w.reporter.seen(final);
    await w.finish(final);
    expect(titles(w.r.log)).toEqual(['::group::Build group unit FAILED: its whole log, 2 lines']);
  });

  it('says in one line when a log cannot be read, and the tail at the end is still written', async () => {
    const denied = new ServiceError(
      'GetLogEvents',
      'AccessDeniedException',
      'no',
      'r-1',
      'other',
      'CloudWatch Logs',
    );
    const w = world({ failRead: denied });
    w.follow('failed');
    w.reporter.seen(state('IN_PROGRESS', g('unit', 'IN_PROGRESS')));
    w.reporter.seen(state('FAILED', g('unit', 'FAILED')));
    await w.finish(state('FAILED', g('unit', 'FAILED')));
    expect(w.r.log).toContain(
      'Build group unit FAILED: its log could not be read: CloudWatch Logs GetLogEvents failed: AccessDeniedException: no (request id r-1)',
    );
    expect(titles(w.r.log)).toEqual(['::group::Build group unit: last 2 log lines']);
  });
});

describe('step-log: all and none', () => {
  it('all: writes green groups too', async () => {
    const w = world();
    w.follow('all');
    w.reporter.seen(state('IN_PROGRESS', g('build', 'IN_PROGRESS')));
    const final = state('SUCCEEDED', g('build', 'SUCCEEDED'));
    w.reporter.seen(final);
    await w.finish(final);
    expect(titles(w.r.log)).toEqual([
      '::group::Build group build SUCCEEDED: its whole log, 2 lines',
    ]);
  });

  it('none: reads no whole log', async () => {
    const w = world();
    w.follow('none');
    w.reporter.seen(state('IN_PROGRESS', g('unit', 'IN_PROGRESS')));
    const final = state('FAILED', g('unit', 'FAILED'));
    w.reporter.seen(final);
    await w.finish(final);
    expect(w.calls).toEqual(['tail unit0000']);
  });
});

describe('step-log bounds', () => {
  it('shows at most 10,000 lines of a group, then says where the rest is', async () => {
    const w = world({ lines: () => Array.from({ length: 12_000 }, (_, i) => `line ${i}`) });
    w.follow('failed');
    w.reporter.seen(state('IN_PROGRESS', g('unit', 'IN_PROGRESS')));
    const final = state('FAILED', g('unit', 'FAILED'));
    w.reporter.seen(final);
    await w.finish(final);
    const start = w.r.log.indexOf(
      '::group::Build group unit FAILED: the last 10,000 lines of its log',
    );
    expect(start).toBeGreaterThanOrEqual(0);
    expect(w.r.log[start + 1]).toMatch(
      /^Build group unit: earlier log lines are left out of the step log \(it shows at most 10,000 lines of a group, and 2 MiB of build logs in all\); the whole log: https:\/\/us-east-1\.console\.aws\.amazon\.com\/codesuite\/codebuild\//,
    );
    expect(w.r.log[start + 2]).toBe('line 2000');
    expect(w.r.log[start + 10_001]).toBe('line 11999');
  });

  it('gives each group that may still end an even share of the step log', async () => {
    const w = world();
    w.follow('failed');
    const ids = ['a', 'b', 'c', 'd'];
    w.reporter.seen(state('IN_PROGRESS', ...ids.map((id) => g(id, 'IN_PROGRESS'))));
    w.reporter.seen(
      state('IN_PROGRESS', g('a', 'FAILED'), ...ids.slice(1).map((id) => g(id, 'IN_PROGRESS'))),
    );
    await w.settle();
    // Four groups may still write: a quarter of 2 MiB for the first.
    expect(w.reads[0]!.maxBytes).toBe(Math.floor((2 * 1024 * 1024) / 4));
  });

  it('ends the step promptly when a group ends in the answer to the stop after a cancel', async () => {
    const w = world();
    const cancel = new AbortController();
    w.follow('failed', cancel.signal);
    w.reporter.seen(state('IN_PROGRESS', g('unit', 'IN_PROGRESS')));
    cancel.abort();
    const started = performance.now();
    await w.finish(state('STOPPED', g('unit', 'FAILED')), {
      interrupted: true,
      signal: AbortSignal.timeout(2_000),
    });
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(w.calls).not.toContain('read unit0000');
  });

  it('gives whole logs still being read at the end at most 5 s, then reads builds, reports and tails', async () => {
    const w = world({ hangRead: true });
    w.follow('failed');
    w.reporter.seen(state('IN_PROGRESS', g('unit', 'IN_PROGRESS')));
    const final = state('FAILED', g('unit', 'FAILED'));
    w.reporter.seen(final);
    const started = performance.now();
    await w.finish(final);
    expect(performance.now() - started).toBeLessThan(6_000);
    // The tail takes the place of the log that was not written; the summary has it.
    expect(w.calls).toEqual(['read unit0000', 'tail unit0000']);
    expect(titles(w.r.log)).toEqual(['::group::Build group unit: last 2 log lines']);
    expect(w.r.outputs['test-results']).toBe('[]');
  }, 10_000);

  it('says in one line when the builds of several ended groups cannot be read', async () => {
    const w = world({
      failBuilds: new ServiceError(
        'BatchGetBuilds',
        'ThrottlingException',
        'Rate exceeded',
        'r-2',
        'throttling',
      ),
    });
    w.follow('failed');
    const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    w.reporter.seen(state('IN_PROGRESS', ...ids.map((id) => g(id, 'IN_PROGRESS'))));
    w.reporter.seen(state('IN_PROGRESS', ...ids.map((id) => g(id, 'FAILED'))));
    await w.settle();
    expect(w.r.log).toEqual([
      'The logs of build groups a, b, c, d, e and 2 more could not be read: CodeBuild BatchGetBuilds failed: ThrottlingException: Rate exceeded (request id r-2)',
    ]);
  });

  it('stops reading when the workflow is cancelled', async () => {
    const w = world();
    const cancel = new AbortController();
    w.follow('failed', cancel.signal);
    w.reporter.seen(state('IN_PROGRESS', g('a', 'IN_PROGRESS'), g('b', 'IN_PROGRESS')));
    cancel.abort();
    w.reporter.seen(state('IN_PROGRESS', g('a', 'FAILED'), g('b', 'FAILED')));
    await w.settle();
    expect(w.calls).toEqual([]);
  });
});
