import {
  checkRunBodies,
  checkRunBody,
  checkRunName,
  checksCommit,
  checkState,
  OUTPUT_MAX_BYTES,
  planCheckRuns,
  sharingBatches,
  leftOpenUpdates,
  LEFT_OPEN_NOTE,
  type CheckRunBody,
} from '../../src/report/checks.js';
import { writerLine } from '../../src/report/comment.js';
import type { Diagnosis, GroupDiagnosis } from '../../src/report/diagnosis.js';
import { describeBatch, type GroupOutcome } from '../../src/report/outcome.js';
import { batch, group } from '../fixtures.js';

const outcomeOf = (status: string, groups = [group('build', status)]) =>
  describeBatch(batch(status, groups));

function groupOf(status: string, extra: Partial<GroupOutcome> = {}): GroupOutcome {
  return {
    identifier: 'unit',
    status,
    attempts: 1,
    ignoreFailure: false,
    dependsOn: [],
    flaky: false,
    blockedBy: [],
    notRun: false,
    ranBefore: false,
    ...extra,
  };
}

describe('checkState: a group status → the check run status and conclusion', () => {
  it.each([
    ['SUCCEEDED', {}, false, 'completed', 'success'],
    ['FAILED', {}, false, 'completed', 'failure'],
    ['FAULT', {}, false, 'completed', 'failure'],
    ['TIMED_OUT', {}, false, 'completed', 'failure'],
    ['FAILED', { ignoreFailure: true }, false, 'completed', 'neutral'],
    ['TIMED_OUT', { ignoreFailure: true }, false, 'completed', 'neutral'],
    ['STOPPED', {}, false, 'completed', 'cancelled'],
    ['STOPPED', { blockedBy: ['build'] }, false, 'completed', 'skipped'],
    ['STOPPED', { ignoreFailure: true }, false, 'completed', 'neutral'],
    ['CANCELLED', {}, false, 'completed', 'cancelled'],
    ['IN_PROGRESS', {}, false, 'in_progress', undefined],
    ['PENDING', {}, false, 'queued', undefined],
    ['SUBMITTED', {}, false, 'queued', undefined],
    // The batch is over and the group never ran.
    ['PENDING', {}, true, 'completed', 'skipped'],
    // An unknown status in a finished batch: not a success.
    ['CLIENT_ERROR', {}, true, 'completed', 'cancelled'],
  ] as const)('%s %j (batch complete: %s) → %s %s', (status, extra, complete, want, conclusion) => {
    const state = checkState(groupOf(status, extra as Partial<GroupOutcome>), { complete }, false);
    expect(state).toEqual(conclusion ? { status: want, conclusion } : { status: want });
  });

  it('completes a group still running as cancelled once the step has ended', () => {
    expect(checkState(groupOf('IN_PROGRESS'), { complete: false }, true)).toEqual({
      status: 'completed',
      conclusion: 'cancelled',
    });
  });
});

describe('checkRunBody', () => {
  it('names the run <check-name>/<group> and links the build, or the batch before there is one', () => {
    const outcome = outcomeOf('IN_PROGRESS', [
      group('build', 'IN_PROGRESS'),
      group('unit', undefined),
    ]);
    const bodies = checkRunBodies(outcome, { checkName: 'CodeBuild' });
    expect([...bodies.keys()]).toEqual(['build', 'unit']);
    const build = bodies.get('build')!;
    expect(build).toMatchObject({
      name: 'CodeBuild/build',
      status: 'in_progress',
      external_id: `${outcome.id}/build`,
      output: { title: 'Running' },
    });
    expect(build.details_url).toMatch(/\/projects\/web-app\/build\/web-app%3A/);
    expect(build).not.toHaveProperty('conclusion');
    expect(bodies.get('unit')).toMatchObject({
      status: 'queued',
      output: { title: 'Waiting to run' },
    });
    expect(bodies.get('unit')!.details_url).toMatch(/\/projects\/web-app\/batch\/web-app%3A/);
  });

  it('shows the status line, reason, tests, failing cases and the log tail of a failed group', () => {
    const outcome = outcomeOf('FAILED', [group('unit', 'FAILED', { prior: 1 })]);
    const found: GroupDiagnosis = {
      identifier: 'unit',
      reason: 'BUILD — COMMAND_EXECUTION_ERROR: exit status 1',
      logsLink: 'https://console.aws.amazon.com/cloudwatch/home#logs',
      tests: { total: 10, passed: 8, failed: 2, skipped: 0 },
      failingCases: [
        {
          suite: 'orders',
          name: 'rejects',
          status: 'FAILED',
          message: 'expected 1',
          durationMs: 12,
        },
        { name: 'connects', status: 'ERROR' },
      ],
      moreCases: 3,
      log: { kind: 'tail', lines: ['npm test', '', 'exit 1'], read: 3 },
    };
    const diagnosis: Diagnosis = { groups: new Map([['unit', found]]), artifacts: [] };
    const body = checkRunBody(outcome.groups[0]!, outcome, { checkName: 'ci', diagnosis });
    expect(body).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(body.output.title).toBe('FAILED: BUILD — COMMAND_EXECUTION_ERROR: exit status 1');
    const { summary, text } = body.output;
    expect(summary).toContain('❌ <strong>FAILED</strong> · build group <code>unit</code>');
    expect(summary).toContain('build 2 of this group in this batch');
    expect(summary).toContain('<p>Tests: 8 passed · 2 failed</p>');
    expect(summary).toContain('<li><code>orders › rejects</code>: expected 1 (0s)</li>');
    expect(summary).toContain('<li><code>connects</code> ERROR</li>');
    expect(summary).toContain('<li>… and 3 more failing test cases</li>');
    expect(summary).toContain('>Logs</a>');
    expect(text).toBe('<p>Last 3 log lines:</p>\n\n<pre>\nnpm test\n&#160;\nexit 1\n</pre>');
  });

  it('keeps the end of a long reason in the title: the command and its exit status', () => {
    const outcome = outcomeOf('FAILED', [group('lint', 'FAILED', { ignoreFailure: true })]);
    const reason =
      'BUILD — COMMAND_EXECUTION_ERROR: Error while executing command: npm run lint. Reason: exit status 2';
    const diagnosis: Diagnosis = {
      groups: new Map([['lint', { identifier: 'lint', reason, failingCases: [], moreCases: 0 }]]),
      artifacts: [],
    };
    const { title } = checkRunBody(outcome.groups[0]!, outcome, {
      checkName: 'ci',
      diagnosis,
    }).output;
    expect(title.length).toBeLessThanOrEqual(120);
    expect(title).toMatch(/^FAILED \(ignore-failure\): BUILD — COMMAND_EXECUTION_ERROR: /);
    expect(title).toMatch(/ npm run lint\. Reason: exit status 2$/);
  });

  it('says why a group did not run, and that an ignore-failure group does not fail the batch', () => {
    const outcome = describeBatch(
      batch('FAILED', [
        group('build', 'FAILED'),
        group('unit', 'STOPPED', { dependsOn: ['build'] }),
        group('lint', 'FAILED', { ignoreFailure: true }),
      ]),
    );
    const bodies = checkRunBodies(outcome, { checkName: 'ci' });
    expect(bodies.get('unit')!.output.title).toBe('Not run: build failed');
    expect(bodies.get('unit')!.output.summary).toContain(
      'Not run: build failed, and this group depends on it.',
    );
    expect(bodies.get('lint')!).toMatchObject({
      conclusion: 'neutral',
      output: { title: 'FAILED (ignore-failure)' },
    });
    expect(bodies.get('lint')!.output.summary).toContain('⚠️ <strong>FAILED</strong>');
  });

  it('counts no builds for a group that never ran, however many stopped builds it has', () => {
    const outcome = describeBatch(
      batch('FAILED', [
        group('build', 'FAILED', { prior: 1 }),
        group('unit', 'STOPPED', {
          dependsOn: ['build'],
          priorBuildSummaryList: [{ arn: 'arn:x', buildStatus: 'STOPPED' }],
        }),
      ]),
    );
    const bodies = checkRunBodies(outcome, { checkName: 'ci' });
    expect(bodies.get('unit')!.output.summary).not.toContain('build 2 of this group');
    expect(bodies.get('build')!.output.summary).toContain('build 2 of this group in this batch');
  });

  it('says the step stopped following a group it did not see end', () => {
    const outcome = outcomeOf('IN_PROGRESS', [group('unit', 'IN_PROGRESS')]);
    const body = checkRunBody(outcome.groups[0]!, outcome, {
      checkName: 'ci',
      stepEnded: 'Timed out after 5m waiting for the batch.',
    });
    expect(body).toMatchObject({
      status: 'completed',
      conclusion: 'cancelled',
      output: { title: 'Cancelled: the step stopped following it' },
    });
    expect(body.output.summary).toContain('<p>Timed out after 5m waiting for the batch.</p>');
  });

  it('lets no service text mention anyone, link anything, or break out of its HTML', () => {
    const hostile = '@octocat <img src=x onerror=alert(1)> [x](https://evil.example) #1 <!-- x -->';
    const outcome = outcomeOf('FAILED', [group('unit', 'FAILED')]);
    const found: GroupDiagnosis = {
      identifier: 'unit',
      reason: hostile,
      failingCases: [
        { name: hostile, status: 'FAILED', message: hostile },
        { name: 'c', status: hostile, message: 'm' },
      ],
      moreCases: 0,
      log: { kind: 'tail', lines: [hostile, '</pre><script>x</script>'], read: 2 },
    };
    const body = checkRunBody(outcome.groups[0]!, outcome, {
      checkName: 'ci',
      diagnosis: { groups: new Map([['unit', found]]), artifacts: [] },
    });
    const { summary, text } = body.output;
    expect(`${summary}\n${text}`).not.toMatch(/<img|<script|<!--|<\/pre></);
    expect(summary).not.toContain('](');
    expect(summary).not.toMatch(/@octocat|#1\b/);
    expect(summary).toContain('@\u2060octocat &#60;img src=x onerror=alert&#40;1&#41;&#62;');
    // In <pre> GitHub reads no mention or reference: a log line stays as the build wrote it, escaped.
    expect(text).toContain(
      '@octocat &#60;img src=x onerror=alert(1)&#62; [x](https://evil.example) #1',
    );
    expect(text).toContain('&#60;/pre&#62;&#60;script&#62;x&#60;/script&#62;');
  });

  it('keeps the newest lines of a huge log tail within the Checks API limit, saying how many were left out', () => {
    const lines = Array.from({ length: 1000 }, (_, i) => `line ${i} ${'é'.repeat(490)}`);
    const outcome = outcomeOf('FAILED', [group('unit', 'FAILED')]);
    const body = checkRunBody(outcome.groups[0]!, outcome, {
      checkName: 'ci',
      diagnosis: {
        groups: new Map([
          [
            'unit',
            {
              identifier: 'unit',
              failingCases: [],
              moreCases: 0,
              log: { kind: 'tail', lines, read: lines.length },
            },
          ],
        ]),
        artifacts: [],
      },
    });
    const text = body.output.text!;
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(OUTPUT_MAX_BYTES);
    expect(Buffer.byteLength(text)).toBeGreaterThan(OUTPUT_MAX_BYTES - 1_500);
    expect(text).toContain('line 999 ');
    expect(text).not.toContain('line 0 ');
    const kept = text.split('\n').filter((l) => l.startsWith('line ')).length;
    expect(text).toContain(`Last ${kept} log lines (${1000 - kept} earlier lines left out`);
  });

  it('keeps a service key like __proto__ a group like any other', () => {
    const outcome = outcomeOf('FAILED', [group('__proto__', 'FAILED')]);
    const body = checkRunBody(outcome.groups[0]!, outcome, {
      checkName: 'ci',
      diagnosis: { groups: new Map(), artifacts: [] },
    });
    expect(body.name).toBe('ci/__proto__');
    expect(body.output.title).toBe('FAILED');
  });

  it('puts a name on one line', () => {
    expect(checkRunName('Code\nBuild', 'unit')).toBe('Code Build/unit');
  });
});

describe('planCheckRuns: the calls from what GitHub shows to what it should show', () => {
  const body = (status: CheckRunBody['status'], title: string = status): CheckRunBody => ({
    name: 'ci/unit',
    status,
    external_id: 'x',
    output: { title, summary: 's' },
  });
  const map = (entries: Array<[string, CheckRunBody]>) => new Map(entries);

  it.each([
    ['a group GitHub has no run for is created', [], [['unit', body('queued')]], ['create unit']],
    [
      'a run whose status changed is updated',
      [['unit', body('queued')]],
      [['unit', body('in_progress')]],
      ['update unit'],
    ],
    [
      'a run whose output changed is updated',
      [['unit', body('completed', 'a')]],
      [['unit', body('completed', 'b')]],
      ['update unit'],
    ],
    ['nothing while nothing changes', [['unit', body('queued')]], [['unit', body('queued')]], []],
    [
      'several groups at once, in the order of the batch',
      [['b', body('queued')]],
      [
        ['a', body('queued')],
        ['b', body('in_progress')],
        ['c', body('queued')],
      ],
      ['create a', 'update b', 'create c'],
    ],
    [
      'failures first, then other ends, then runs still going (GitHub may not take them all in time)',
      [],
      [
        ['a', body('in_progress')],
        ['b', { ...body('completed'), conclusion: 'success' }],
        ['c', { ...body('completed'), conclusion: 'failure' }],
        ['d', { ...body('completed'), conclusion: 'skipped' }],
        ['e', { ...body('completed'), conclusion: 'failure' }],
      ],
      ['create c', 'create e', 'create b', 'create d', 'create a'],
    ],
  ] as const)('%s', (_, sent, wanted, calls) => {
    const plan = planCheckRuns(
      map(sent as unknown as Array<[string, CheckRunBody]>),
      map(wanted as unknown as Array<[string, CheckRunBody]>),
    );
    expect(plan.map((c) => `${c.kind} ${c.group}`)).toEqual(calls);
  });
});

describe('checksCommit: the commit the check runs go on', () => {
  const HEAD = 'a'.repeat(40);
  const SHA = 'b'.repeat(40);
  const RESOLVED = 'c'.repeat(40);
  it.each([
    ['a pull request: its head commit', {}, HEAD],
    ['a push: GITHUB_SHA', { headSha: undefined }, SHA],
    [
      'a batch: the commit CodeBuild resolved, wherever the workflow runs',
      { batch: { resolvedSourceVersion: RESOLVED, sourceVersion: 'main' } },
      RESOLVED,
    ],
    [
      'a batch not resolved yet: the SHA it was asked to build',
      { batch: { sourceVersion: RESOLVED.toUpperCase() } },
      RESOLVED,
    ],
    [
      'a batch of a short SHA, not resolved yet: the event (GitHub takes only a full SHA)',
      { batch: { sourceVersion: RESOLVED.slice(0, 7) } },
      HEAD,
    ],
    [
      'a batch of a branch, not resolved yet (or an S3 source): the event',
      { batch: { sourceVersion: 'main' } },
      HEAD,
    ],
  ])('%s', (_, options, commit) => {
    expect(checksCommit({ headSha: HEAD, sha: SHA, ...options })).toBe(commit);
  });
  it('nothing outside a runner', () => {
    expect(checksCommit({})).toBeUndefined();
  });
});

describe('sharingBatches: other batches this run attempt reports under the same check run names', () => {
  const RUN = 'https://github.com/o/r/actions/runs/7/attempts/1';
  const summaryOf = (run: string, batch: string) => ({
    output: {
      summary: `${writerLine({ run, batch })}\n\n<p>✅ <strong>SUCCEEDED</strong></p>`,
    },
  });
  it.each([
    ['another leg of this attempt', [summaryOf(RUN, 'web-app:b')], ['web-app:b']],
    [
      'two other legs, one twice',
      [summaryOf(RUN, 'web-app:b'), summaryOf(RUN, 'web-app:c'), summaryOf(RUN, 'web-app:b')],
      ['web-app:b', 'web-app:c'],
    ],
    ['this batch (the step itself)', [summaryOf(RUN, 'web-app:a')], []],
    ['an earlier attempt (the job re-run)', [summaryOf(RUN.replace('/1', '/2'), 'web-app:b')], []],
    ['another workflow run', [summaryOf(RUN.replace('/7/', '/8/'), 'web-app:b')], []],
    [
      'a run of another tool, or of an earlier version',
      [{ output: { summary: '<p>ok</p>' } }, { output: { summary: null } }],
      [],
    ],
  ])('%s', (_, listed, expected) => {
    expect(sharingBatches(listed, { run: RUN, batch: 'web-app:a' })).toEqual(expected);
  });

  it('every run says which step wrote it, first and hidden', () => {
    const outcome = describeBatch({ ...batch('SUCCEEDED'), id: 'web-app:a' });
    const body = checkRunBody(outcome.groups[0]!, outcome, { checkName: 'web-app', writer: RUN });
    expect(body.output.summary.split('\n', 1)[0]).toBe(
      writerLine({ run: RUN, batch: 'web-app:a' }),
    );
    expect(sharingBatches([body], { run: RUN, batch: 'web-app:b' })).toEqual(['web-app:a']);
  });
});

describe('leftOpenUpdates: the post step completes what this step left open, and nothing else', () => {
  const RUN = 'https://github.com/o/r/actions/runs/7/attempts/1';
  const listed = (
    id: number,
    status: 'queued' | 'in_progress' | 'completed',
    run: string,
    batch: string,
    rest = '',
    name = 'web-app/build',
  ) => ({
    id,
    status,
    name,
    output: { summary: `${writerLine({ run, batch })}\n\n<p>build</p>${rest}` },
  });
  it.each([
    ['in progress, this step', listed(1, 'in_progress', RUN, 'web-app:a'), [1]],
    ['queued, this step', listed(2, 'queued', RUN, 'web-app:a'), [2]],
    ['completed already', listed(3, 'completed', RUN, 'web-app:a'), []],
    ['another leg of this attempt, still running', listed(4, 'in_progress', RUN, 'web-app:b'), []],
    ['an earlier attempt', listed(5, 'in_progress', RUN.replace('/1', '/2'), 'web-app:a'), []],
    [
      "another tool's run",
      { id: 6, status: 'in_progress' as const, name: 'web-app/build', output: { summary: null } },
      [],
    ],
    [
      'another step of this attempt on the same batch, with its own check-name',
      listed(7, 'in_progress', RUN, 'web-app:a', '', 'web-app-arm/build'),
      [],
    ],
    [
      'a check-name that only begins as this one',
      listed(8, 'in_progress', RUN, 'web-app:a', '', 'web-app-x/build'),
      [],
    ],
    [
      "another step's check-name that has this one and a slash before its own (web-app/arm)",
      listed(9, 'in_progress', RUN, 'web-app:a', '', 'web-app/arm/build'),
      [],
    ],
  ])('%s', (_, run, ids) => {
    expect(
      leftOpenUpdates([run], { run: RUN, batch: 'web-app:a' }, 'web-app').map((u) => u.id),
    ).toEqual(ids);
  });

  it('cancelled, its summary kept with the note; the note alone when both would not fit', () => {
    const writer = { run: RUN, batch: 'web-app:a' };
    const [kept] = leftOpenUpdates([listed(1, 'in_progress', RUN, 'web-app:a')], writer, 'web-app');
    expect(kept!.body).toMatchObject({ status: 'completed', conclusion: 'cancelled' });
    expect(kept!.body.output.summary).toMatch(/<p>build<\/p>\n\n<p>The step ended before/);
    const full = listed(1, 'in_progress', RUN, 'web-app:a', 'x'.repeat(OUTPUT_MAX_BYTES - 100));
    const [alone] = leftOpenUpdates([full], writer, 'web-app');
    expect(Buffer.byteLength(alone!.body.output.summary)).toBeLessThanOrEqual(OUTPUT_MAX_BYTES);
    expect(alone!.body.output.summary).not.toContain('<p>build</p>');
    expect(alone!.body.output.summary).toContain(LEFT_OPEN_NOTE.slice(0, 40));
    // Still the run of this step: another leg's look for runs of the same name reads who wrote it.
    expect(sharingBatches([alone!.body], { run: RUN, batch: 'web-app:b' })).toEqual(['web-app:a']);
  });
});
