import { RequestError } from '@octokit/request-error';
import type { CheckRunApi } from '../../src/github/checks.js';
import type { CommentApi } from '../../src/github/comment.js';
import {
  Budget,
  CANCELLED_NOTE,
  FINISH_BUDGET_MS,
  GitHubReport,
  openGitHubReport,
} from '../../src/github/report.js';
import type { RunEvent } from '../../src/github/event.js';
import type { GitHubSettings } from '../../src/config/github-inputs.js';
import type { CheckRunBody, ListedCheckRun } from '../../src/report/checks.js';
import { writerLine } from '../../src/report/comment.js';
import { describeBatch } from '../../src/report/outcome.js';
import type { Io } from '../../src/github/io.js';
import { batch, group } from '../fixtures.js';

const HEAD = 'a'.repeat(40);
const PUSH: RunEvent = {
  name: 'push',
  repo: { owner: 'example', repo: 'web-app' },
  sha: 'b'.repeat(40),
  job: 'ci',
  runUrl: 'https://github.com/example/web-app/actions/runs/7/attempts/1',
};
const PULL_REQUEST: RunEvent = {
  ...PUSH,
  name: 'pull_request',
  headSha: HEAD,
  pullRequest: { number: 5, fromFork: false },
};

/** GitHub's answer to a token without the permission, as Octokit throws it. */
function forbidden(): RequestError {
  return new RequestError(
    'Resource not accessible by integration - https://docs.github.com/rest/checks/runs#create-a-check-run',
    403,
    {
      request: { method: 'POST', url: 'https://api.github.com/x', headers: {} },
      response: {
        status: 403,
        url: 'https://api.github.com/x',
        headers: { 'x-github-request-id': 'AB12:CD34' },
        data: { message: 'Resource not accessible by integration' },
      },
    },
  );
}

/** GitHub's secondary rate limit, as Octokit throws it once its plugins give up. */
function rateLimited(headers: Record<string, string>): RequestError {
  return new RequestError('You have exceeded a secondary rate limit', 403, {
    request: { method: 'POST', url: 'https://api.github.com/x', headers: {} },
    response: {
      status: 403,
      url: 'https://api.github.com/x',
      headers: { 'x-github-request-id': 'AB12:CD35', ...headers },
      data: { message: 'You have exceeded a secondary rate limit' },
    },
  });
}

class Fakes {
  checkCalls: Array<{ sha: string; body: CheckRunBody } | { id: number; body: CheckRunBody }> = [];
  commentCalls: string[] = [];
  checksError?: Error;
  commentError?: Error;
  existing?: { id: number; body: string };
  /** A check-run call that never answers (until its signal aborts). */
  hang = false;
  lines = { debug: [] as string[], notice: [] as string[], warning: [] as string[] };
  t = 0;
  cancel = new AbortController();
  state = new Map<string, string>();
  lists: string[] = [];
  /** What GitHub lists for a check run name (the summaries matter: their writer lines). */
  listed: Array<{ output: { summary: string } }> = [];

  io: Io = {
    info: () => undefined,
    debug: (m) => this.lines.debug.push(m),
    notice: (m) => this.lines.notice.push(m),
    warning: (m) => this.lines.warning.push(m),
    error: () => undefined,
    group: () => undefined,
    setOutput: () => undefined,
    saveState: (name, value) => void this.state.set(name, value),
    writeSummary: async () => undefined,

    secret: () => undefined,
    redact: (text) => text,
  };
  /** Time passes for a sleep that is not cut short; a real moment passes first, for the calls. */
  clock = {
    now: () => this.t,
    sleep: async (ms: number, signal: AbortSignal) => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      if (!signal.aborted) this.t += ms;
    },
  };

  private async answer(signal: AbortSignal, error?: Error) {
    if (this.hang)
      await new Promise((_, reject) =>
        signal.addEventListener('abort', () => reject(signal.reason)),
      );
    if (error) throw error;
  }

  report(settings: Partial<GitHubSettings>, event: RunEvent = PULL_REQUEST, started = false) {
    const checks = (headSha: () => string): CheckRunApi => ({
      create: async (body, signal) => {
        // As Octokit's edge: the commit is read when the call is made, not when GitHub answers.
        const sha = headSha();
        await this.answer(signal, this.checksError);
        this.checkCalls.push({ sha, body });
        return this.checkCalls.length;
      },
      update: async (id, body, signal) => {
        await this.answer(signal, this.checksError);
        this.checkCalls.push({ id, body });
      },
      list: async (name) => {
        this.lists.push(name);
        return this.listed as ListedCheckRun[];
      },
    });
    const comment = (): CommentApi => ({
      find: async (marker) => {
        if (this.commentError) throw this.commentError;
        this.commentCalls.push(`find ${marker}`);
        return this.existing;
      },
      create: async (body) => {
        this.commentCalls.push(`create ${body}`);
        return 1;
      },
      update: async (id, body) => void this.commentCalls.push(`update ${id} ${body}`),
      remove: async (id) => void this.commentCalls.push(`remove ${id}`),
    });
    return new GitHubReport(
      {
        settings: { checks: false, token: 't', prComment: 'never', ...settings },
        io: this.io,
        clock: this.clock,
        cancelled: this.cancel.signal,
        started,
        cancelBudgetMs: 5_000,
      },
      new Budget(this.clock),
      { event, checks, comment },
    );
  }
}

/** A batch running, past DOWNLOAD_SOURCE: CodeBuild names the commit it builds. */
const running = (commit = HEAD) => ({
  ...batch('IN_PROGRESS', [group('build', 'SUCCEEDED'), group('unit', 'IN_PROGRESS')], 6),
  resolvedSourceVersion: commit,
});
const failedBatch = () =>
  batch('FAILED', [group('build', 'SUCCEEDED'), group('unit', 'FAILED', { prior: 1 })], 8);
const greenBatch = () =>
  batch('SUCCEEDED', [group('build', 'SUCCEEDED'), group('unit', 'SUCCEEDED', { prior: 1 })], 8);
const finish = (b = failedBatch()) => ({
  batch: b,
  outcome: describeBatch(b),
  headline: `Retried once; the batch ended ${b.buildBatchStatus}.`,
});

describe('GitHubReport: check runs and the comment, never the step’s result', () => {
  it('puts the check runs of a batch that ended naming no commit on the pull request’s head commit', async () => {
    const fakes = new Fakes();
    const report = fakes.report({ checks: true });
    report.seen(failedBatch());
    report.finished(finish());
    await report.settle();
    expect(fakes.checkCalls.map((c) => ('sha' in c ? c.sha : c.id))).toEqual([HEAD, HEAD]);
  });

  it('puts them on GITHUB_SHA for a push, and on the started batch’s commit for start-batch', async () => {
    const push = new Fakes();
    const onPush = push.report({ checks: true }, PUSH);
    onPush.seen(failedBatch());
    onPush.finished(finish());
    await onPush.settle();
    expect(push.checkCalls[0]).toMatchObject({ sha: PUSH.sha });

    const start = new Fakes();
    const started = start.report({ checks: true }, PUSH, true);
    started.seen({ ...running(), resolvedSourceVersion: 'c'.repeat(40) });
    await started.settle();
    expect(start.checkCalls[0]).toMatchObject({ sha: 'c'.repeat(40) });
  });

  it.each([
    ['started on a branch', true],
    ['found still running (a pasted id of a batch just started)', false],
  ])(
    'creates no run for a batch %s until CodeBuild has resolved its commit',
    async (_, started) => {
      const fakes = new Fakes();
      const report = fakes.report({ checks: true }, PUSH, started);
      report.seen({ ...running(), sourceVersion: 'main', resolvedSourceVersion: undefined });
      await new Promise((resolve) => setTimeout(resolve, 5));
      expect(fakes.checkCalls).toEqual([]);
      report.seen({ ...running(), sourceVersion: 'main', resolvedSourceVersion: 'd'.repeat(40) });
      await report.settle();
      expect(fakes.checkCalls.map((c) => 'sha' in c && c.sha)).toEqual([
        'd'.repeat(40),
        'd'.repeat(40),
      ]);
    },
  );

  it('warns once, naming checks: write and the permissions: line, when the token may not write check runs', async () => {
    const fakes = new Fakes();
    fakes.checksError = forbidden();
    const report = fakes.report({ checks: true, prComment: 'always' });
    report.seen(running());
    report.seen(failedBatch());
    report.finished(finish());
    await report.settle();
    expect(fakes.lines.warning).toEqual([
      'Check runs were not written: GitHub answered 403 Resource not accessible by integration (request AB12:CD34). The job\'s token needs "checks: write": add it to the job\'s "permissions:", keeping the ones it has (a job that lists permissions gets none of those it leaves out, id-token: write included).',
    ]);
    // The comment is another permission: it went on.
    // The second look: another step may have written the same comment at the same moment.
    expect(fakes.commentCalls.map((c) => c.split(' ')[0])).toEqual(['find', 'create', 'find']);
  });

  it.each([
    ['a classic personal access token', 'You must authenticate via a GitHub App.'],
    ['a fine-grained personal access token', 'Resource not accessible by personal access token'],
  ])(
    'says once that check runs need an app’s token, for %s, and tries no more',
    async (_, message) => {
      const fakes = new Fakes();
      fakes.checksError = new RequestError(message, 403, {
        request: { method: 'POST', url: 'https://api.github.com/x', headers: {} },
        response: {
          status: 403,
          url: 'https://api.github.com/x',
          headers: { 'x-github-request-id': 'AB12:CD36' },
          data: { message },
        },
      });
      const report = fakes.report({ checks: true }, PUSH);
      report.seen(running());
      await new Promise((resolve) => setTimeout(resolve, 5));
      // The next change of the batch: a personal access token is refused again, so nothing is sent.
      fakes.checksError = undefined;
      report.finished(finish());
      await report.settle();
      expect(fakes.lines.warning).toEqual([
        `Check runs were not written: GitHub answered 403 ${message} (request AB12:CD36). GitHub takes check runs only from a GitHub App's token: leave "github-token" out to use the job's own token, or give an app's installation token (e.g. from actions/create-github-app-token); a personal access token cannot write them.`,
      ]);
      expect(fakes.checkCalls).toEqual([]);
    },
  );

  it('names pull-requests: write when the comment is refused', async () => {
    const fakes = new Fakes();
    fakes.commentError = forbidden();
    const report = fakes.report({ prComment: 'failure' });
    report.finished(finish());
    await report.settle();
    expect(fakes.lines.warning).toEqual([
      expect.stringMatching(
        /^The pull request's comment was not written: GitHub answered 403 .*"pull-requests: write": add it to the job's "permissions:", keeping the ones it has/,
      ),
    ]);
  });

  it('gives one notice, not warnings, for a pull request from a fork (its token is read-only)', async () => {
    const fakes = new Fakes();
    fakes.checksError = forbidden();
    fakes.commentError = forbidden();
    const report = fakes.report(
      { checks: true, prComment: 'always' },
      { ...PULL_REQUEST, pullRequest: { number: 5, fromFork: true } },
    );
    report.seen(running());
    report.finished(finish());
    await report.settle();
    expect(fakes.lines.warning).toEqual([]);
    expect(fakes.lines.notice).toEqual([
      expect.stringMatching(
        /^No check runs or pull request comment: this pull request comes from a fork/,
      ),
    ]);
  });

  it('does nothing with pr-comment on other events, and says so once in the debug log', async () => {
    const fakes = new Fakes();
    const report = fakes.report({ prComment: 'always' }, PUSH);
    report.finished(finish());
    report.finished(finish());
    await report.settle();
    expect(fakes.commentCalls).toEqual([]);
    expect(fakes.lines.debug).toEqual([
      'pr-comment: always does nothing on push events: the comment goes on pull requests.',
    ]);
  });

  it('with failure: writes nothing for a green batch, and edits a red comment to say it is green now', async () => {
    const none = new Fakes();
    const quiet = none.report({ prComment: 'failure' });
    quiet.finished(finish(greenBatch()));
    await quiet.settle();
    expect(none.commentCalls.map((c) => c.split(' ')[0])).toEqual(['find']);

    const red = new Fakes();
    red.existing = { id: 42, body: '' };
    const edited = red.report({ prComment: 'failure' });
    edited.finished(finish(greenBatch()));
    await edited.settle();
    expect(red.commentCalls[1]).toMatch(
      /^update 42 <!-- codebuild-batch-retry project=web-app job=ci -->\n/,
    );
    expect(red.commentCalls[1]).toContain('SUCCEEDED — green now');
  });

  it('on cancellation, completes the runs still in progress as cancelled, then settles within the budget', async () => {
    const fakes = new Fakes();
    const report = fakes.report({ checks: true });
    report.seen(running());
    await new Promise((resolve) => setTimeout(resolve, 5));
    fakes.cancel.abort();
    await report.settle();
    const last = fakes.checkCalls.at(-1)!;
    expect(last).toMatchObject({ id: 2, body: { status: 'completed', conclusion: 'cancelled' } });
    expect(last.body.output.summary).toContain(CANCELLED_NOTE.replace(/'/g, '&#39;'));
    expect(fakes.t).toBe(0);
  });

  it('after a rate limit, tries the check runs again once its wait has passed on the step’s clock, not the wall clock', async () => {
    const fakes = new Fakes();
    const calls = () => new Promise((resolve) => setTimeout(resolve, 5));
    fakes.checksError = rateLimited({ 'retry-after': '120' });
    const report = fakes.report({ checks: true });
    report.seen(running());
    await calls();
    expect(fakes.lines.warning).toEqual([
      expect.stringMatching(/^Check runs were not brought up to date: GitHub's rate limit/),
    ]);
    fakes.checksError = undefined;
    fakes.t += 60_000;
    report.seen(batch('IN_PROGRESS', [group('build', 'FAILED'), group('unit', 'IN_PROGRESS')], 6));
    await calls();
    expect(fakes.checkCalls).toEqual([]);
    // Two minutes have passed on the step's monotonic clock; the wall clock has hardly moved.
    fakes.t += 61_000;
    report.finished(finish());
    await report.settle();
    expect(fakes.checkCalls.length).toBeGreaterThan(0);
  });

  it('stops waiting for GitHub once the budget is spent, and says so', async () => {
    const fakes = new Fakes();
    fakes.hang = true;
    const report = fakes.report({ checks: true });
    report.seen(running());
    await report.settle();
    expect(fakes.t).toBe(FINISH_BUDGET_MS);
    expect(fakes.lines.warning).toEqual([
      expect.stringMatching(/^GitHub did not take the report's last calls within 60 s/),
    ]);
  });

  it('cancelled while it waits for GitHub’s last calls: stops waiting when the cancel budget ends, not after 60 s', async () => {
    const fakes = new Fakes();
    fakes.hang = true;
    const report = fakes.report({ checks: true });
    report.seen(running());
    report.finished(finish());
    const settled = report.settle();
    await new Promise((resolve) => setTimeout(resolve, 5));
    fakes.cancel.abort();
    await settled;
    // The runner's SIGTERM comes 7.5 s after SIGINT: 5 s budget less the summary's reserve.
    expect(fakes.t).toBe(4_500);
    expect(fakes.lines.warning).toEqual([]);
  });

  it('leaves the post step the runs still open only when the workflow was cancelled or the step killed', async () => {
    const open = async (end: (report: GitHubReport, fakes: Fakes) => void) => {
      const fakes = new Fakes();
      const report = fakes.report({ checks: true }, PUSH);
      report.seen(running(PUSH.sha));
      await new Promise((resolve) => setTimeout(resolve, 5));
      // Killed here, the step leaves the commit and batch for the post step.
      const whileRunning = fakes.state.get('open-check-runs');
      fakes.hang = true;
      end(report, fakes);
      await report.settle();
      return [whileRunning, fakes.state.get('open-check-runs')];
    };
    const saved = JSON.stringify({
      sha: 'b'.repeat(40),
      batch: running().id,
      checkName: 'web-app',
    });
    // Cancelled, and GitHub did not take the completions in time: the post step completes them.
    expect(await open((_, fakes) => fakes.cancel.abort())).toEqual([saved, saved]);
    // Ended on its own: the runs ended as the batch did, not cancelled; a post step must not say so.
    expect(await open((report) => report.finished(finish()))).toEqual([saved, '']);
  });

  it('leaves the post step a run whose create GitHub had not answered when the step was cancelled or killed', async () => {
    const fakes = new Fakes();
    // GitHub may have made the run; its answer never comes before the budget ends.
    fakes.hang = true;
    const report = fakes.report({ checks: true }, PUSH);
    report.seen(running(PUSH.sha));
    await new Promise((resolve) => setTimeout(resolve, 5));
    const saved = JSON.stringify({
      sha: 'b'.repeat(40),
      batch: running().id,
      checkName: 'web-app',
    });
    // Killed here: the post step must look.
    expect(fakes.state.get('open-check-runs')).toBe(saved);
    fakes.cancel.abort();
    await report.settle();
    expect(fakes.checkCalls).toEqual([]);
    expect(fakes.state.get('open-check-runs')).toBe(saved);
  });

  it('leaves the post step nothing after a cancel when GitHub refused the create: a refusal made no run', async () => {
    const fakes = new Fakes();
    fakes.checksError = forbidden();
    const report = fakes.report({ checks: true }, PUSH);
    report.seen(running(PUSH.sha));
    await new Promise((resolve) => setTimeout(resolve, 5));
    fakes.cancel.abort();
    await report.settle();
    expect(fakes.checkCalls).toEqual([]);
    expect(fakes.state.get('open-check-runs')).toBe('');
  });

  it('looks once for another leg’s runs of the same name, and not after GitHub refused a call', async () => {
    const fakes = new Fakes();
    const report = fakes.report({ checks: true }, PUSH);
    report.seen(running());
    report.finished(finish());
    await report.settle();
    expect(fakes.lists).toEqual(['web-app/build']);

    const limited = new Fakes();
    const again = limited.report({ checks: true }, PUSH);
    again.seen(running());
    await new Promise((resolve) => setTimeout(resolve, 5));
    limited.checksError = rateLimited({ 'retry-after': '3600' });
    again.finished(finish());
    await again.settle();
    expect(limited.lines.warning).toEqual([
      expect.stringMatching(/^Check runs were not brought up to date/),
    ]);
    expect(limited.lists).toEqual([]);
  });

  it('warns once, naming every other batch, when other legs of this run attempt write runs of the same names', async () => {
    const fakes = new Fakes();
    const by = (batch: string) => ({
      output: { summary: `${writerLine({ run: PUSH.runUrl!, batch })}\n<p>build</p>` },
    });
    // Its own run, twice another leg's, and a third leg's.
    fakes.listed = [by(running().id!), by('web-app:arm'), by('web-app:arm'), by('web-app:x86')];
    const report = fakes.report({ checks: true }, PUSH);
    report.seen(running());
    report.finished(finish());
    await report.settle();
    expect(fakes.lines.warning).toEqual([
      expect.stringMatching(
        /^Check runs: batches web-app:arm, web-app:x86 also report check runs named web-app\/… on commit a{40} in this run /,
      ),
    ]);

    // Only its own runs under those names: nothing to say.
    const alone = new Fakes();
    alone.listed = [by(running().id!)];
    const quiet = alone.report({ checks: true }, PUSH);
    quiet.seen(running());
    quiet.finished(finish());
    await quiet.settle();
    expect(alone.lists).toEqual(['web-app/build']);
    expect(alone.lines.warning).toEqual([]);
  });

  it('once cancelled, spends none of its short time looking for other legs, and leaves nothing open when GitHub took every run', async () => {
    const fakes = new Fakes();
    const report = fakes.report({ checks: true }, PUSH);
    report.seen(running());
    await new Promise((resolve) => setTimeout(resolve, 5));
    fakes.cancel.abort();
    await report.settle();
    expect(fakes.checkCalls.at(-1)).toMatchObject({ body: { status: 'completed' } });
    expect(fakes.lists).toEqual([]);
    // Every run is completed: a post step would only list them again.
    expect(fakes.state.get('open-check-runs')).toBe('');
  });

  it('looks for no other leg once GitHub refused a call for good (a permission taken away)', async () => {
    const fakes = new Fakes();
    const report = fakes.report({ checks: true }, PUSH);
    report.seen(running());
    await new Promise((resolve) => setTimeout(resolve, 5));
    fakes.checksError = forbidden();
    report.finished(finish());
    await report.settle();
    expect(fakes.lines.warning).toEqual([
      expect.stringMatching(/^Check runs were not written: GitHub answered 403/),
    ]);
    expect(fakes.lists).toEqual([]);
  });

  it('an empty github-token: one warning, and nothing is sent', async () => {
    const fakes = new Fakes();
    const report = openGitHubReport({
      settings: { checks: true, token: '', prComment: 'always' },
      io: fakes.io,
      clock: fakes.clock,
      cancelled: fakes.cancel.signal,
      started: false,
      cancelBudgetMs: 5_000,
    });
    report.seen(running());
    report.finished(finish());
    await report.settle();
    expect(fakes.lines.warning).toEqual([
      'Input "github-token" is empty: no check runs or pull request comment. Leave it out to use the job\'s own token.',
    ]);
  });
});

describe('Budget', () => {
  it('lets rate limits be waited out within 60 s while the step waits, then within what is left', () => {
    let t = 0;
    const budget = new Budget({ now: () => t });
    expect(budget.fits(60_000)).toBe(true);
    expect(budget.fits(61_000)).toBe(false);
    expect(budget.retries()).toBeUndefined();
    budget.finishing();
    t += 50_000;
    expect(budget.fits(10_000)).toBe(true);
    expect(budget.fits(11_000)).toBe(false);
    // The retry plugin's resends wait 1, 4 and 9 s: only those that fit.
    expect(budget.retries()).toBe(2);
    budget.cancel(5_000);
    expect(budget.left()).toBe(4_500);
    expect(budget.retries()).toBe(1);
  });
});
