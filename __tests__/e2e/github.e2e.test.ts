// Where people look (issue 23): the bundle against the simulator's GitHub side, reached through
// GITHUB_API_URL on GitHub Enterprise Server's /api/v3 path: a check run per build group on the
// commit built, one living comment on the pull request, and GitHub's answers never changing the
// step's result.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ACTION_ENTRY, runAction, startAction } from '../../simulator/run-action.mjs';
import { scenarios } from '../../simulator/scenarios.mjs';
import {
  act,
  annotations,
  cancelLikeRunner,
  logged,
  simulators,
  startAct,
  type ActionRun,
  type Simulator,
} from './helpers.js';

const start = simulators();

/** run-action.mjs's GITHUB_SHA, and a pull request's head commit. */
const PUSH_SHA = '0a1b2c3d4e5f60718293a4b5c6d7e8f901234567';
const HEAD_SHA = 'feedfacefeedfacefeedfacefeedfacefeedface';
/** The commit the simulated project's own source version (refs/heads/main) resolves to. */
const MAIN_HEAD = '4f3c2b1a0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b';

function pullRequest(number = 1, headRepo = 'example/web-app') {
  return {
    eventName: 'pull_request',
    event: {
      number,
      pull_request: {
        number,
        head: { sha: HEAD_SHA, repo: { full_name: headRepo } },
        base: { repo: { full_name: 'example/web-app' } },
      },
      repository: { full_name: 'example/web-app' },
    },
  };
}

/** A scenario whose batch built `sha`, as the batch a workflow retries for its own commit did. */
const builtFrom = (name: keyof typeof scenarios, sha: string) => ({
  ...scenarios[name],
  request: { sourceVersion: sha },
});

const withGitHub = (sim: Simulator, inputs: Record<string, string> = {}) => ({
  checks: 'true',
  'github-token': sim.github.token,
  ...inputs,
});

/** Each check run, by name: its commit, status, conclusion, and its history as sent. */
function runsOf(sim: Simulator) {
  return new Map(
    sim.github.checkRuns.map((r) => [
      r.name,
      {
        sha: r.head_sha,
        status: r.status,
        conclusion: r.conclusion,
        output: r.output,
        detailsUrl: r.details_url,
        history: r.history.map(
          (h) => `${h.operation.split('/')[1]} ${h.after!.conclusion ?? h.after!.status}`,
        ),
      },
    ]),
  );
}

/** Every update changes what GitHub shows: status, conclusion or output. None while nothing changes. */
function expectNoIdleUpdates(sim: Simulator) {
  for (const run of sim.github.checkRuns) {
    const shown = run.history.map((h) =>
      JSON.stringify([h.after!.status, h.after!.conclusion, h.after!.output]),
    );
    for (let i = 1; i < shown.length; i++) expect(shown[i]).not.toBe(shown[i - 1]);
  }
}

function expectNoTokenAnywhere(run: ActionRun, sim: Simulator) {
  for (const text of [run.stdout, run.stderr, run.summary, JSON.stringify(run.outputs)])
    expect(text).not.toContain(sim.github.token);
}

/** The summary without what differs between two simulators (ids, log times, durations). */
const comparable = (summary: string) =>
  summary
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'UUID')
    .replace(/\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d\.\d+/g, 'WHEN')
    .replace(/\b\d+(\.\d)?s\b|\b\d+m \d+s\b/g, 'T');

describe('check runs, on a push', () => {
  it('one per build group on GITHUB_SHA, created once, completed with the right conclusion', async () => {
    const sim = await start(builtFrom('retry-succeeds', PUSH_SHA));
    const run = await act(sim, withGitHub(sim, { 'pr-comment': 'always' }));
    expect(run.code).toBe(0);
    const runs = runsOf(sim);
    expect([...runs.keys()].sort()).toEqual(
      [
        'DOWNLOAD_SOURCE',
        'build',
        'lint',
        'unit_tests',
        'integration_tests',
        'e2e_tests',
        'package',
      ]
        .map((g) => `web-app/${g}`)
        .sort(),
    );
    for (const [, r] of runs) {
      expect(r).toMatchObject({ sha: PUSH_SHA, status: 'completed', conclusion: 'success' });
      expect(r.history.filter((h) => h.startsWith('create'))).toHaveLength(1);
      expect(r.detailsUrl).toMatch(
        /^https:\/\/us-east-1\.console\.aws\.amazon\.com\/codesuite\/codebuild\/\d+\/projects\/web-app\/build\/web-app%3A/,
      );
    }
    // Groups that ran again show it; a flaky one says so.
    expect(runs.get('web-app/integration_tests')!.output.title).toBe(
      'Succeeded after failing earlier in this batch (build 2)',
    );
    expect(sim.github.calls('checks/create')).toHaveLength(7);
    expectNoIdleUpdates(sim);
    // A push has no pull request: the comment input does nothing, said once in the debug log.
    expect(sim.github.calls('issues/list-comments')).toHaveLength(0);
    expect(run.stdout).toContain(
      '::debug::pr-comment: always does nothing on push events: the comment goes on pull requests.',
    );
    expectNoTokenAnywhere(run, sim);
  });

  it('a retry within the step updates the same runs back to in progress and completes them again', async () => {
    // start-batch on a branch: the runs go on the commit CodeBuild resolved it to, not GITHUB_SHA.
    // The retried build runs for 3 s, so polls every 0.3 s see it running on a loaded machine too
    // (the scenario's 0.4 s could end between two reads, and a state never read is never sent).
    const sim = await start({
      ...scenarios['start-flaky'],
      retries: [{ integration_tests: { status: 'SUCCEEDED', ms: 3_000 } }],
    });
    const run = await runActionStarted(sim);
    expect(run.code).toBe(0);
    const resolved = createHash('sha1').update('release').digest('hex');
    const runs = runsOf(sim);
    for (const [, r] of runs) expect(r.sha).toBe(resolved);
    const tests = runs.get('web-app/integration_tests')!;
    expect(tests.history[0]).toMatch(/^create /);
    expect(tests.history.filter((h) => h.startsWith('create'))).toHaveLength(1);
    const failedAt = tests.history.indexOf('update failure');
    expect(failedAt).toBeGreaterThan(0);
    expect(tests.history.slice(failedAt + 1)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^update (queued|in_progress)$/)]),
    );
    expect(tests.history.at(-1)).toBe('update success');
    expect(tests.conclusion).toBe('success');
    expect(sim.github.calls('checks/create')).toHaveLength(runs.size);
    expectNoIdleUpdates(sim);
  });

  it('a batch of another commit (an id pasted in a dispatch form): its runs go on the commit it built, never on GITHUB_SHA', async () => {
    // The batch built refs/heads/main at 4f3c2b1…, while the workflow runs on 0a1b2c3…: runs on
    // GITHUB_SHA would show that batch's results, and pass its required checks, on a commit it
    // never built.
    const sim = await start('retry-succeeds');
    const run = await act(sim, withGitHub(sim), {
      eventName: 'workflow_dispatch',
      event: { inputs: {} },
    });
    expect(run.code).toBe(0);
    const built = MAIN_HEAD;
    expect(sim.github.checkRunsFor(PUSH_SHA)).toEqual([]);
    const runs = runsOf(sim);
    expect(runs.size).toBe(7);
    for (const [, r] of runs) expect(r.sha).toBe(built);
  });

  it("a batch of a commit GitHub does not have (another repository's source): one warning naming it, one try", async () => {
    // A CodeCommit source, or another repository: GitHub answers "No commit found for SHA".
    const sim = await start('retry-succeeds', { github: { commits: [PUSH_SHA] } });
    const run = await act(sim, withGitHub(sim));
    expect(run.code).toBe(0);
    expect(sim.github.checkRuns).toEqual([]);
    const [warning, ...more] = annotations(run, 'warning');
    expect(more).toEqual([]);
    expect(warning!.replace(/ \(request [^)]*\)/, '')).toBe(
      `Check runs were not written: batch ${sim.batch.id} built commit ${MAIN_HEAD}, which GitHub does not have in example/web-app (GitHub answered 422 No commit found for SHA: ${MAIN_HEAD}). Check runs go on the commit the batch built: a batch of another repository's source gets none.`,
    );
    expect(sim.github.calls('checks/create')).toHaveLength(1);
  });

  it('a pasted id of a batch still downloading its source: its runs wait for the commit it builds, never on GITHUB_SHA', async () => {
    // Just started (a webhook's push to main): CodeBuild names the commit only once DOWNLOAD_SOURCE
    // ends, 3 s from now; the step's first read comes before.
    const sim = await start({
      project: 'web-app',
      groups: [{ identifier: 'unit_tests', dependsOn: [] }],
      initial: { running: true, groups: {} },
      downloadMs: 3_000,
    });
    const run = await act(sim, withGitHub(sim, { 'poll-interval-seconds': '0.3' }), {
      eventName: 'workflow_dispatch',
      event: { inputs: {} },
    });
    expect(run.code).toBe(0);
    expect(sim.github.checkRunsFor(PUSH_SHA)).toEqual([]);
    const runs = runsOf(sim);
    expect([...runs.keys()].sort()).toEqual(['web-app/DOWNLOAD_SOURCE', 'web-app/unit_tests']);
    for (const [, r] of runs) expect(r).toMatchObject({ sha: MAIN_HEAD, conclusion: 'success' });
  });
});

function runActionStarted(sim: Simulator) {
  return act(
    sim,
    withGitHub(sim, {
      'batch-id': '',
      'start-batch': 'true',
      'project-name': 'web-app',
      'source-version': 'release',
      'poll-interval-seconds': '0.3',
    }),
  );
}

describe('check runs and the comment, on a pull request', () => {
  it('runs on the head commit with each conclusion, the diagnosis in their output; one comment, edited by the next run', async () => {
    const sim = await start(builtFrom('diagnosis', HEAD_SHA));
    const first = await act(
      sim,
      withGitHub(sim, { 'pr-comment': 'failure', 'check-name': 'CodeBuild' }),
      pullRequest(),
    );
    expect(first.code).toBe(1);
    const runs = runsOf(sim);
    const conclusions = Object.fromEntries(
      [...runs].map(([name, r]) => [name.replace('CodeBuild/', ''), r.conclusion]),
    );
    expect(conclusions).toEqual({
      DOWNLOAD_SOURCE: 'success',
      build: 'success',
      lint: 'neutral',
      unit_tests: 'success',
      integration_tests: 'failure',
      e2e_tests: 'skipped',
      package: 'skipped',
      docs: 'neutral',
    });
    for (const [, r] of runs) expect(r.sha).toBe(HEAD_SHA);
    const failed = runs.get('CodeBuild/integration_tests')!;
    expect(failed.output.title).toBe(
      'FAILED: BUILD — COMMAND_EXECUTION_ERROR: Error while executing command: npm run test:integration. Reason: exit status 1',
    );
    expect(failed.output.summary).toContain(
      '<p>Tests: 97 passed · 4 failed · 1 skipped · 81.4% lines</p>',
    );
    expect(failed.output.summary).toContain('<code>orders › rejects an empty cart</code>');
    // The log tail, escaped: nothing the build printed becomes HTML.
    expect(failed.output.text).toContain(
      '&#60;script&#62;alert(&#34;build output&#34;)&#60;/script&#62;',
    );
    expect(failed.output.text).not.toContain('<script>');
    expect(runs.get('CodeBuild/e2e_tests')!.output.title).toBe('Not run: integration_tests failed');
    // A title too long for the checks box keeps its end: which command failed, and how.
    expect(runs.get('CodeBuild/lint')!.output.title).toMatch(
      /npm run lint\. Reason: exit status 2$/,
    );
    // It never ran (two builds, both stopped before they started): the summary says "not run"
    // under Attempts, and so do its check run and the comment.
    expect(first.summary).toMatch(/<code>e2e_tests<\/code><\/td><td>[^\n]*<\/td><td>not run<\/td>/);
    expect(runs.get('CodeBuild/e2e_tests')!.output.summary).not.toContain('build 2');
    expectNoIdleUpdates(sim);

    const comments = sim.github.commentsOn(1);
    expect(comments).toHaveLength(1);
    const [comment] = comments;
    expect(comment!.user.login).toBe('github-actions[bot]');
    // check-name is part of the key: matrix legs that set their own keep their own comment.
    expect(comment!.body.split('\n').slice(0, 2)).toEqual([
      '<!-- codebuild-batch-retry project=web-app job=retry name=CodeBuild -->',
      `<!-- codebuild-batch-retry-writer run=${encodeURIComponent('https://github.com/example/web-app/actions/runs/7012345678/attempts/1')} batch=${encodeURIComponent(sim.batch.id)} -->`,
    ]);
    expect(comment!.body).toContain(': FAILED</h3>');
    // What failed, named before the table, in the comment as in the summary.
    const whatFailed =
      '<strong>Failed:</strong> <code>integration&#95;tests</code> · <strong>not run as a result:</strong> <code>e2e&#95;tests</code>, <code>package</code> · <strong>failed, but ignore-failure:</strong> <code>lint</code>, <code>docs</code>';
    expect(comment!.body.indexOf(whatFailed)).toBeGreaterThan(comment!.body.indexOf('</h3>'));
    expect(comment!.body.indexOf(whatFailed)).toBeLessThan(comment!.body.indexOf('<table>'));
    expect(first.summary.split('\n')[2]).toBe(
      '<p><strong>Failed:</strong> <code>integration_tests</code> · <strong>not run as a result:</strong> <code>e2e_tests</code>, <code>package</code> · <strong>failed, but ignore-failure:</strong> <code>lint</code>, <code>docs</code></p>',
    );
    expect(comment!.body).toContain(
      '<tr><td><code>integration&#95;tests</code></td><td>❌ FAILED</td><td>97 passed · 4 failed · 1 skipped · 81.4% lines</td><td>2</td></tr>',
    );
    expect(comment!.body).toContain(
      '<a href="https://github.com/example/web-app/actions/runs/7012345678/attempts/1">Workflow run</a>',
    );
    expect(comment!.body).toContain(
      '<tr><td><code>e2e&#95;tests</code></td><td>⏹️ STOPPED &#40;not run&#41;</td><td></td><td>not run</td></tr>',
    );

    // The workflow runs again (a re-run, attempt 2): the same comment is edited, not a second one.
    const second = await act(
      sim,
      withGitHub(sim, { 'pr-comment': 'failure', 'check-name': 'CodeBuild' }),
      { ...pullRequest(), env: { ...sim.clientEnv(), GITHUB_RUN_ATTEMPT: '2' } },
    );
    expect(second.code).toBe(1);
    const after = sim.github.commentsOn(1);
    expect(after).toHaveLength(1);
    expect(after[0]!.id).toBe(comment!.id);
    expect(after[0]!.body).toContain('/actions/runs/7012345678/attempts/2');
    expect(sim.github.calls('issues/create-comment')).toHaveLength(1);
    expect(sim.github.calls('issues/update-comment')).toHaveLength(1);
    expectNoTokenAnywhere(second, sim);
  });

  it('with pr-comment: failure, a later green run edits the comment to say the batch is green now', async () => {
    const sim = await start('flaky-twice');
    sim.github.seedComment(1, 'Looks flaky to me', { login: 'octocat' });
    const red = await act(
      sim,
      withGitHub(sim, { checks: 'false', 'pr-comment': 'failure' }),
      pullRequest(),
    );
    expect(red.code).toBe(1);
    const green = await act(sim, withGitHub(sim, { checks: 'false', 'pr-comment': 'failure' }), {
      ...pullRequest(),
      env: { ...sim.clientEnv(), GITHUB_RUN_ATTEMPT: '2' },
    });
    expect(green.code).toBe(0);
    const comments = sim.github.commentsOn(1);
    expect(comments.map((c) => c.user.login)).toEqual(['octocat', 'github-actions[bot]']);
    expect(comments[1]!.body).toContain(': SUCCEEDED — green now</h3>');
    expect(sim.github.calls('checks/create')).toHaveLength(0);
  });
});

describe('matrix legs that start the same batch and end together', () => {
  it('leave one pull request comment', async () => {
    const sim = await start('start-flaky');
    const inputs = {
      'batch-id': '',
      'start-batch': 'true',
      'project-name': 'web-app',
      'pr-comment': 'always',
      'github-token': sim.github.token,
      'step-log': 'none',
    };
    const runs = await Promise.all([1, 2].map(() => startAct(sim, inputs, pullRequest()).done));
    expect(runs[1]!.outputs['batch-id']).toBe(runs[0]!.outputs['batch-id']);
    // Before: two comments, of which later runs edited only the oldest.
    expect(sim.github.commentsOn(1)).toHaveLength(1);
  });

  it('legs of two batches (another buildspec each) keep a comment each', async () => {
    const sim = await start('start-flaky');
    const inputs = (buildspec: string) => ({
      'batch-id': '',
      'start-batch': 'true',
      'project-name': 'web-app',
      'buildspec-override': buildspec,
      'pr-comment': 'always',
      'github-token': sim.github.token,
      'step-log': 'none',
    });
    const runs = await Promise.all(
      ['leg-a.yml', 'leg-b.yml'].map((b) => startAct(sim, inputs(b), pullRequest()).done),
    );
    const ids = runs.map((r) => r.outputs['batch-id']!);
    expect(ids[0]).not.toBe(ids[1]);
    const bodies = sim.github.commentsOn(1).map((c) => c.body);
    for (const id of ids) expect(bodies.some((b) => b.includes(encodeURIComponent(id)))).toBe(true);
  });
});

describe('a comment on a pull request (issue_comment, a "/retry" command)', () => {
  it('the comment goes on that pull request', async () => {
    const sim = await start('fails-again');
    const run = await act(sim, withGitHub(sim, { checks: 'false', 'pr-comment': 'always' }), {
      eventName: 'issue_comment',
      event: {
        issue: {
          number: 1,
          pull_request: { url: 'https://api.github.com/repos/example/web-app/pulls/1' },
        },
        comment: { body: '/retry' },
        repository: { full_name: 'example/web-app' },
      },
    });
    expect(run.code).toBe(1);
    // Before: nothing, and a debug line nobody reads.
    expect(sim.github.commentsOn(1).map((c) => c.user.login)).toEqual(['github-actions[bot]']);
  });

  it('a comment on an issue that is no pull request: no comment anywhere', async () => {
    const sim = await start('fails-again');
    const run = await act(sim, withGitHub(sim, { checks: 'false', 'pr-comment': 'always' }), {
      eventName: 'issue_comment',
      event: {
        issue: { number: 1 },
        comment: { body: '/retry' },
        repository: { full_name: 'example/web-app' },
      },
    });
    expect(run.code).toBe(1);
    expect(sim.github.calls('issues/create-comment')).toHaveLength(0);
  });
});

describe('GitHub never changes the step’s result', () => {
  it('a token without checks: write: the same result, outputs and summary, and one warning naming the permission', async () => {
    const plain = await start('fails-again');
    const without = await act(plain, {}, pullRequest());

    const sim = await start('fails-again');
    sim.github.setPermissions({ contents: 'read', 'pull-requests': 'write' });
    const run = await act(sim, withGitHub(sim, { 'pr-comment': 'always' }), pullRequest());

    expect(run.code).toBe(without.code);
    expect(run.code).toBe(1);
    expect(comparable(run.summary)).toBe(comparable(without.summary));
    const outputs = (r: ActionRun) =>
      comparable(JSON.stringify({ ...r.outputs, 'batch-id': '', 'batch-arn': '' }));
    expect(outputs(run)).toBe(outputs(without));
    expect(annotations(run, 'error').map(comparable)).toEqual(
      annotations(without, 'error').map(comparable),
    );
    const added = annotations(run, 'warning').filter(
      (w) => !annotations(without, 'warning').includes(w),
    );
    expect(added).toEqual([
      expect.stringMatching(
        /^Check runs were not written: GitHub answered 403 Resource not accessible by integration \(request [0-9A-F:]+\)\. The job's token needs "checks: write": add it to the job's "permissions:", keeping the ones it has \(a job that lists permissions gets none of those it leaves out, id-token: write included\)\.$/,
      ),
    ]);
    // One refused create, then no more calls for check runs; the comment, allowed, was written.
    expect(sim.github.calls('checks/create').map((c) => c.status)).toEqual([403]);
    expect(sim.github.calls('checks/update')).toHaveLength(0);
    expect(sim.github.commentsOn(1)).toHaveLength(1);
  });

  it('a secondary rate limit is waited out (retry-after), a spent budget past the step’s is one warning', async () => {
    const sim = await start('retry-succeeds');
    sim.github.inject({ kind: 'secondary', operation: 'checks/create', retryAfter: 1 });
    const run = await act(sim, withGitHub(sim));
    expect(run.code).toBe(0);
    expect(annotations(run, 'warning')).toEqual([]);
    const creates = sim.github.calls('checks/create');
    expect(creates.slice(0, 2).map((c) => c.status)).toEqual([403, 201]);
    expect(creates[1]!.at - creates[0]!.answeredAt).toBeGreaterThanOrEqual(1_000);
    expect(sim.github.checkRuns.every((r) => r.conclusion === 'success')).toBe(true);

    const spent = await start('retry-succeeds');
    spent.github.exhaust(3_600);
    const limited = await act(spent, withGitHub(spent));
    expect(limited.code).toBe(0);
    expect(annotations(limited, 'warning')).toEqual([
      expect.stringMatching(
        /^Check runs were not brought up to date: GitHub's rate limit for this token is spent until \S+Z, longer than the step can wait \(403 API rate limit exceeded/,
      ),
    ]);
    expect(limited.summary).toContain('SUCCEEDED');
    // Nothing more is sent before the reset: one refused call, not one per change of the batch.
    expect(spent.github.requests.map((r) => `${r.operation} ${r.status}`)).toEqual([
      'checks/create 403',
    ]);
  });

  it('an update GitHub fails through every resend as the batch ends: the end is sent once more', async () => {
    const sim = await start({
      ...scenarios['retry-succeeds'],
      retries: [{ integration_tests: { status: 'SUCCEEDED', ms: 3_000 } }],
    });
    const step = startAct(sim, withGitHub(sim), pullRequest());
    await logged(step.child, /package: PENDING → IN_PROGRESS/);
    sim.github.inject({ kind: '5xx', operation: 'checks/update', count: 4 });
    const run = await step.done;
    expect(run.code).toBe(0);
    // Before: the runs of the groups that ended last stayed in progress on a green batch.
    expect(sim.github.checkRuns.filter((r) => r.status !== 'completed')).toEqual([]);
    expect(sim.github.checkRuns.every((r) => r.conclusion === 'success')).toBe(true);
  }, 60_000);

  it.each([
    ['a token without pull-requests: write', undefined],
    ['a secondary limit longer than the step can wait', 60],
  ])('the comment refused at the end (%s): sent once, one warning', async (_, retryAfter) => {
    const sim = await start('fails-again');
    if (retryAfter === undefined)
      sim.github.setPermissions({ checks: 'write', contents: 'read', 'pull-requests': 'read' });
    else
      sim.github.inject({
        kind: 'secondary',
        operation: 'issues/create-comment',
        retryAfter,
        count: 10,
      });
    const run = await act(
      sim,
      { 'pr-comment': 'always', 'github-token': sim.github.token },
      pullRequest(),
    );
    expect(run.code).toBe(1);
    expect(annotations(run, 'warning')).toContainEqual(
      expect.stringMatching(/^The pull request's comment (was )?not (written|brought up to date)/),
    );
    // Before: four creates within 20 ms, whatever GitHub had answered.
    expect(sim.github.calls('issues/create-comment').map((c) => c.status)).toEqual([403]);
  });

  it('a fork’s read-only token: one notice, no warning, the same result', async () => {
    const sim = await start('retry-succeeds');
    sim.github.setPermissions('read-all');
    const run = await act(
      sim,
      withGitHub(sim, { 'pr-comment': 'always' }),
      pullRequest(1, 'someone/web-app'),
    );
    expect(run.code).toBe(0);
    expect(annotations(run, 'warning')).toEqual([]);
    expect(annotations(run, 'notice')).toEqual([
      expect.stringMatching(
        /^No check runs or pull request comment: this pull request comes from a fork/,
      ),
    ]);
    expect(sim.github.checkRuns).toEqual([]);
  });
});

describe('a bundle that cannot load Octokit (its chunk missing)', () => {
  it('reports the batch as ever, with one warning', async () => {
    const dist = join(ACTION_ENTRY, '..');
    const copy = mkdtempSync(join(tmpdir(), 'cbr-entry-only-'));
    for (const file of ['index.js', 'package.json'])
      copyFileSync(join(dist, file), join(copy, file));
    const sim = await start('retry-succeeds');
    const run = await act(sim, withGitHub(sim), { entry: join(copy, 'index.js') });
    expect(run.code).toBe(0);
    expect(run.outputs['batch-status']).toBe('SUCCEEDED');
    expect(annotations(run, 'warning')).toEqual([
      expect.stringMatching(/^No check runs or pull request comment: /),
    ]);
    expect(sim.github.requests).toEqual([]);
  });
});

describe('cancellation', () => {
  it('completes the runs left in progress as cancelled, and exits well inside the runner’s 7.5 s', async () => {
    const sim = await start('long-running');
    const step = startAct(sim, withGitHub(sim), pullRequest());
    await logged(step.child, /integration_tests: IN_PROGRESS/);
    // Let the runs of the retry's first reads reach GitHub.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const { run, exitAfterMs } = await cancelLikeRunner(step);
    expect(run.code).toBe(1);
    expect(exitAfterMs).toBeLessThan(5_000);
    const runs = runsOf(sim);
    const tests = runs.get('web-app/integration_tests')!;
    expect(tests).toMatchObject({ status: 'completed', conclusion: 'cancelled' });
    expect(tests.output.title).toBe('Cancelled: the step stopped following it');
    for (const [, r] of runs) expect(r.status).toBe('completed');
    expect(sim.calls('StopBuildBatch')).toHaveLength(1);
  });
});

describe('cancelled after the batch was reported, while GitHub takes its last calls', () => {
  it('exits inside the runner’s 7.5 s, however late GitHub answers the comment', async () => {
    const sim = await start('retry-succeeds');
    // GitHub writes the comment; its answer comes 30 s late.
    sim.github.inject({ kind: 'slow', operation: 'issues/create-comment', ms: 30_000 });
    const step = startAct(sim, withGitHub(sim, { 'pr-comment': 'always' }), pullRequest());
    while (sim.github.calls('issues/create-comment').length === 0)
      await new Promise((resolve) => setTimeout(resolve, 20));
    const { run, exitAfterMs } = await cancelLikeRunner(step);
    // Not killed by the runner: the step ended on its own, with the batch's outputs.
    expect(run.signal).toBeNull();
    expect(exitAfterMs).toBeLessThan(7_500);
    expect(run.outputs['batch-status']).toBe('SUCCEEDED');
  });
});

describe('a check run GitHub created but whose answer the step never got', () => {
  it.each(['SIGINT', 'SIGKILL'] as const)(
    'the post step completes it as cancelled when the main step ends by %s during the create',
    async (how) => {
      const sim = await start('start-long-running');
      // GitHub creates the first run (queued), and answers 30 s late.
      sim.github.inject({ kind: 'slow', operation: 'checks/create', ms: 30_000 });
      const inputs = withGitHub(sim, { 'start-batch': 'true', 'project-name': 'web-app' });
      const step = startAction({
        inputs: { ...inputs, 'poll-interval-seconds': '0.1' },
        env: sim.clientEnv(),
      });
      while (sim.github.checkRuns.length === 0)
        await new Promise((resolve) => setTimeout(resolve, 20));
      const main =
        how === 'SIGINT'
          ? (await cancelLikeRunner(step)).run
          : (step.child.kill(how), await step.done);
      const post = await runAction({ inputs, env: sim.clientEnv(), state: main.state });
      expect(post.code).toBe(0);
      expect(annotations(post, 'warning')).toEqual([]);
      const runs = [...runsOf(sim)];
      expect(runs.length).toBeGreaterThan(0);
      for (const [name, r] of runs) expect([name, r.status]).toEqual([name, 'completed']);
    },
  );
});

describe('a main step killed before it completed its check runs', () => {
  it('the post step completes the runs it left open as cancelled; a finished step leaves it nothing', async () => {
    const sim = await start('long-running');
    const inputs = withGitHub(sim);
    const step = startAct(sim, inputs);
    // Once GitHub shows the retried group in progress, and the groups after it queued, kill the step
    // as an OOM killer would.
    const shown = (name: string) => runsOf(sim).get(`web-app/${name}`)?.status;
    while (shown('integration_tests') !== 'in_progress' || shown('e2e_tests') !== 'queued')
      await new Promise((resolve) => setTimeout(resolve, 20));
    step.child.kill('SIGKILL');
    const killed = await step.done;
    const open = [...runsOf(sim).values()].filter((r) => r.status !== 'completed').length;

    // The runner runs the post step with the same inputs and the state the main step saved.
    const post = await act(sim, inputs, { state: killed.state });
    expect(post.code).toBe(0);
    const runs = runsOf(sim);
    for (const [, r] of runs) expect(r.status).toBe('completed');
    const tests = runs.get('web-app/integration_tests')!;
    expect(tests.conclusion).toBe('cancelled');
    expect(tests.output.title).toBe('Cancelled: the step stopped following it');
    expect(tests.output.summary).toContain(
      // Its summary as the main step left it (the build's link), and why it is completed now.
      '<p>The step ended before this build group did &#40;cancelled or killed&#41;: the post step completed its check run.</p>',
    );
    expect(annotations(post, 'warning')).toEqual([]);
    // Only the runs left open were touched, once each.
    expect(sim.github.calls('checks/update').filter((c) => c.at >= post.startedAt)).toHaveLength(
      open,
    );

    // A step that told its story to the end leaves the post step nothing to do on GitHub.
    const calm = await start('retry-succeeds');
    const done = await act(calm, withGitHub(calm));
    const before = calm.github.requests.length;
    const quiet = await act(calm, withGitHub(calm), { state: done.state });
    expect(quiet.code).toBe(0);
    expect(calm.github.requests).toHaveLength(before);
  });
});

describe('two steps of one run following the same batch, each with its own check-name', () => {
  it.each([
    ['leg-a', 'leg-b'],
    // 'ci/arm64/integration_tests' starts with 'ci/': it was once taken as ci's own.
    ['ci', 'ci/arm64'],
  ])(
    "the post step of the one killed (%s) completes its own runs, not the other step's (%s), still running",
    async (killedName, otherName) => {
      const sim = await start('long-running');
      const inProgress = async (name: string) => {
        while (runsOf(sim).get(name)?.status !== 'in_progress')
          await new Promise((resolve) => setTimeout(resolve, 20));
      };
      // Leg a retries the batch; leg b (another job of the same run) finds it running and waits.
      // Leg a leaves the batch running when it ends, so its post step stops nothing.
      const legA = withGitHub(sim, { 'check-name': killedName, 'stop-on-cancel': 'false' });
      const a = startAct(sim, legA);
      await inProgress(`${killedName}/integration_tests`);
      const b = startAct(sim, withGitHub(sim, { 'check-name': otherName }));
      try {
        await inProgress(`${otherName}/integration_tests`);
        a.child.kill('SIGKILL');
        const killed = await a.done;
        const post = await act(sim, legA, { state: killed.state });
        expect(post.code).toBe(0);
        const runs = runsOf(sim);
        expect(runs.get(`${killedName}/integration_tests`)!.conclusion).toBe('cancelled');
        // Leg b still follows its group: GitHub must not show it cancelled.
        expect(runs.get(`${otherName}/integration_tests`)!.status).toBe('in_progress');
      } finally {
        // A failed expectation must not leave leg b waiting for its batch, and jest with it.
        b.child.kill('SIGKILL');
        await b.done;
      }
    },
  );
});

describe('check runs in a matrix whose legs report different batches', () => {
  it('legs without their own check-name: each is warned that the other batch writes the same check runs', async () => {
    // Two legs on one commit, both with checks: true and no check-name: GitHub shows the newest run of
    // each name, so whichever leg writes last hides the other (a green leg would pass a required check
    // for a red one). Leg red is still running when leg green reports.
    const sim = await start({
      ...builtFrom('fails-again', PUSH_SHA),
      retries: [{ integration_tests: { status: 'FAILED', ms: 4_000 } }],
    });
    const green = sim.addBatch(builtFrom('retry-succeeds', PUSH_SHA));
    const redLeg = startAct(sim, withGitHub(sim));
    await logged(redLeg.child, /integration_tests: IN_PROGRESS/);
    const greenLeg = await act(sim, withGitHub(sim, { 'batch-id': green.id }));
    const red = await redLeg.done;
    expect([red.code, greenLeg.code]).toEqual([1, 0]);
    const warning = (other: string) =>
      `Check runs: batch ${other} also reports check runs named web-app/… on commit ${PUSH_SHA} in this run (another matrix leg): GitHub shows the newest run of each name, in the pull request's checks and for required checks, so each batch's runs hide the other's. Give each leg its own "check-name" (e.g. web-app-\${{ matrix.target }}).`;
    expect(annotations(greenLeg, 'warning')).toContain(warning(sim.batch.id));
    expect(annotations(red, 'warning')).toContain(warning(green.id));
  });

  it('legs with their own check-name, and a re-run of the same leg, are not warned', async () => {
    const sim = await start('fails-again');
    const other = sim.addBatch({ ...scenarios['retry-succeeds'] });
    const leg = (id: string, name: string, attempt = '1') =>
      act(sim, withGitHub(sim, { 'batch-id': id, 'check-name': name }), {
        env: { ...sim.clientEnv(), GITHUB_RUN_ATTEMPT: attempt },
      });
    const legs = await Promise.all([
      leg(sim.batch.id, 'web-app-x64'),
      leg(other.id, 'web-app-arm'),
    ]);
    const rerun = await leg(sim.batch.id, 'web-app-x64', '2');
    for (const run of [...legs, rerun])
      expect(annotations(run, 'warning').filter((w) => w.startsWith('Check runs'))).toEqual([]);
  });
});

describe('pr-comment in a matrix whose legs report different batches', () => {
  it("a green leg leaves the red leg's comment, writes none of its own and says why", async () => {
    // Two legs of one matrix (same run, attempt, job and step), each retrying its own batch.
    const sim = await start('fails-again');
    const red = sim.batch;
    const green = sim.addBatch({ ...scenarios['retry-succeeds'] });
    const inputs = { 'pr-comment': 'failure', 'github-token': sim.github.token };

    const redLeg = await act(sim, { ...inputs, 'batch-id': red.id }, pullRequest());
    expect(redLeg.code).toBe(1);
    const greenLeg = await act(sim, { ...inputs, 'batch-id': green.id }, pullRequest());
    expect(greenLeg.code).toBe(0);

    const bodies = sim.github.commentsOn(1).map((c) => c.body);
    expect(bodies).toHaveLength(1);
    expect(bodies[0]).toContain(': FAILED</h3>');
    expect(annotations(greenLeg, 'warning')).toEqual([
      `pr-comment: another step of this run (batch ${red.id}) writes the same pull request comment: this step left it as it is. Give each matrix leg its own "check-name" (e.g. web-app-\${{ matrix.target }}): their comments and check runs then stay apart across runs.`,
    ]);
  });

  it('legs with their own check-name keep a comment each', async () => {
    const sim = await start('fails-again');
    const other = sim.addBatch({ ...scenarios['fails-again'] });
    const leg = (id: string, name: string) =>
      act(
        sim,
        {
          'pr-comment': 'always',
          'github-token': sim.github.token,
          'batch-id': id,
          'check-name': name,
        },
        pullRequest(),
      );
    expect((await leg(sim.batch.id, 'web-app-x64')).code).toBe(1);
    expect((await leg(other.id, 'web-app-arm')).code).toBe(1);
    // A re-run edits each leg's own comment.
    const rerun = await leg(other.id, 'web-app-arm');
    expect(annotations(rerun, 'warning').filter((w) => w.startsWith('pr-comment'))).toEqual([]);
    const bodies = sim.github.commentsOn(1).map((c) => c.body);
    expect(bodies.map((b) => b.split('\n', 1)[0])).toEqual([
      '<!-- codebuild-batch-retry project=web-app job=retry name=web-app-x64 -->',
      '<!-- codebuild-batch-retry project=web-app job=retry name=web-app-arm -->',
    ]);
  });
});
