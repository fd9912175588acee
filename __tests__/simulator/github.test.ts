// The simulator's GitHub side (simulator/github.mjs), driven by the Octokit the action will use:
// @actions/github's getOctokit with @octokit/plugin-retry and @octokit/plugin-throttling, over HTTP on
// 127.0.0.1, through GITHUB_API_URL as a GitHub Enterprise Server runner sets it.
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { githubAsHtml } from '../../simulator/render.mjs';
import { startSimulator, type Simulator } from '../../simulator/server.mjs';

const SHA = '0a1b2c3d4e5f60718293a4b5c6d7e8f901234567';
const REPO = { owner: 'example', repo: 'web-app' };

let sim: Simulator;
let actionsGithub: typeof import('@actions/github');
const started: Simulator[] = [];

beforeAll(async () => {
  sim = await startSimulator();
  started.push(sim);
  // @actions/github reads GITHUB_API_URL once, when it is loaded: set it first, then load it.
  process.env.GITHUB_API_URL = sim.github.apiUrl;
  actionsGithub = await import('@actions/github');
});
afterAll(async () => {
  delete process.env.GITHUB_API_URL;
  await Promise.all(started.map((s) => s.close()));
});

/** @octokit/plugin-retry's default: the statuses it never retries. */
const RETRY_PLUGIN_DO_NOT_RETRY = [400, 401, 403, 404, 410, 422, 451];

interface Waits {
  secondary: number[];
  primary: number[];
}

/**
 * The Octokit the action will build: getOctokit(token, options, retry, throttling). The throttling
 * plugin also spaces writes 1 s apart (3 s for comments, which notify), per throttle id: real, but it
 * would make this file take 20 s, so only the rate-limit tests keep it on (`paced`).
 */
function octokitFor(
  id: string,
  {
    target = sim,
    waits = { secondary: [], primary: [] },
    paced = false,
    doNotRetry = RETRY_PLUGIN_DO_NOT_RETRY,
  }: { target?: Simulator; waits?: Waits; paced?: boolean; doNotRetry?: number[] } = {},
) {
  return actionsGithub.getOctokit(
    target.github.token,
    {
      baseUrl: target.github.apiUrl,
      retry: { doNotRetry },
      throttle: {
        id,
        enabled: paced,
        onSecondaryRateLimit: (
          after: number,
          _options: object,
          _octokit: unknown,
          retries: number,
        ) => {
          waits.secondary.push(after);
          return retries < 2;
        },
        onRateLimit: (after: number) => {
          waits.primary.push(after);
          return false;
        },
      },
    },
    retry,
    throttling,
  );
}

/** GitHub's error body. */
interface ErrorBody {
  message: string;
  documentation_url?: string;
  status?: string;
  errors?: Array<Record<string, unknown>>;
}

/** What an Octokit call rejected with (a RequestError). */
async function refusal(call: Promise<unknown>) {
  try {
    await call;
  } catch (error) {
    return error as {
      status: number;
      message: string;
      response: { data: ErrorBody; headers: Record<string, string | undefined> };
    };
  }
  throw new Error('the call succeeded');
}

describe("the simulator's GitHub REST API, through Octokit", () => {
  it('is reached through GITHUB_API_URL, as @actions/github reads it', async () => {
    const octokit = actionsGithub.getOctokit(sim.github.token);
    expect(octokit.request.endpoint.DEFAULTS.baseUrl).toBe(sim.github.apiUrl);
    expect(sim.clientEnv().GITHUB_API_URL).toBe(sim.github.apiUrl);
    expect(sim.github.apiUrl).toBe(`${sim.endpoint}/api/v3`);
    const { data } = await octokit.rest.rateLimit.get();
    expect(data.resources.core.limit).toBe(1000);
    // Its own log: the CodeBuild one stays as it was.
    expect(sim.requests).toEqual([]);
  });

  it('creates a check run, updates it, and lists it by name on the commit', async () => {
    const octokit = octokitFor('checks');
    const { data: created, status } = await octokit.rest.checks.create({
      ...REPO,
      name: 'CodeBuild / integration_tests',
      head_sha: SHA,
      status: 'in_progress',
      external_id: 'web-app:uuid',
      details_url: 'https://us-east-1.console.aws.amazon.com/codesuite/codebuild/',
      output: { title: 'Retrying', summary: 'Attempt 2 of 3' },
    });
    expect(status).toBe(201);
    expect(created).toMatchObject({
      name: 'CodeBuild / integration_tests',
      head_sha: SHA,
      status: 'in_progress',
      conclusion: null,
      completed_at: null,
      external_id: 'web-app:uuid',
      html_url: `https://github.com/example/web-app/runs/${created.id}`,
      app: { slug: 'github-actions' },
      output: { title: 'Retrying', summary: 'Attempt 2 of 3', text: null, annotations_count: 0 },
    });
    expect(created.started_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);

    // A conclusion alone completes the run, as the reference says.
    const { data: updated } = await octokit.rest.checks.update({
      ...REPO,
      check_run_id: created.id,
      conclusion: 'success',
      output: {
        title: 'Passed on attempt 2',
        summary: 'integration_tests: SUCCEEDED',
        text: 'log',
      },
    });
    expect(updated).toMatchObject({ id: created.id, status: 'completed', conclusion: 'success' });
    expect(updated.completed_at).toMatch(/Z$/);
    await octokit.rest.checks.create({ ...REPO, name: 'CodeBuild / lint', head_sha: SHA });

    const { data: listed } = await octokit.rest.checks.listForRef({
      ...REPO,
      ref: SHA,
      check_name: 'CodeBuild / integration_tests',
    });
    expect(listed.total_count).toBe(1);
    expect(listed.check_runs.map((r) => [r.id, r.status, r.conclusion, r.output.title])).toEqual([
      [created.id, 'completed', 'success', 'Passed on attempt 2'],
    ]);
    const all = await octokit.rest.checks.listForRef({ ...REPO, ref: SHA });
    expect(all.data.check_runs.map((r) => r.name).sort()).toEqual([
      'CodeBuild / integration_tests',
      'CodeBuild / lint',
    ]);

    // A run of the same name again (a re-run): the list shows the newest unless filter=all.
    const { data: rerun } = await octokit.rest.checks.create({
      ...REPO,
      name: 'CodeBuild / integration_tests',
      head_sha: SHA,
    });
    const latest = await octokit.rest.checks.listForRef({
      ...REPO,
      ref: SHA,
      check_name: 'CodeBuild / integration_tests',
    });
    expect(latest.data.check_runs.map((r) => r.id)).toEqual([rerun.id]);
    const both = await octokit.rest.checks.listForRef({
      ...REPO,
      ref: SHA,
      check_name: 'CodeBuild / integration_tests',
      filter: 'all',
    });
    expect(both.data.check_runs.map((r) => r.id)).toEqual([rerun.id, created.id]);

    // The simulator keeps every change, as sent.
    const run = sim.github.checkRuns.find((r) => r.id === created.id)!;
    expect(run.history.map((h) => [h.operation, h.after?.status])).toEqual([
      ['checks/create', 'in_progress'],
      ['checks/update', 'completed'],
    ]);
    expect(run.history[1]!.request).toEqual({
      conclusion: 'success',
      output: {
        title: 'Passed on attempt 2',
        summary: 'integration_tests: SUCCEEDED',
        text: 'log',
      },
    });
  });

  it('finds its own comment among more than 100 with paginate, then edits it', async () => {
    const octokit = octokitFor('comments');
    const marker = '<!-- codebuild-batch-retry -->';
    sim.github.addPullRequest(7);
    for (let i = 0; i < 130; i++) {
      if (i === 117)
        sim.github.seedComment(7, `${marker}\nold report`, { login: 'github-actions[bot]' });
      else
        sim.github.seedComment(7, `comment ${i}`, { login: i % 2 ? 'octocat' : 'renovate[bot]' });
    }
    // Someone else quoting the marker is not ours: only github-actions[bot]'s counts.
    sim.github.seedComment(7, `> ${marker}`, { login: 'hubot' });
    const before = sim.github.calls('issues/list-comments').length;

    const all = await octokit.paginate(octokit.rest.issues.listComments, {
      ...REPO,
      issue_number: 7,
      per_page: 100,
    });
    expect(all).toHaveLength(131);
    expect(all.map((c) => c.id)).toEqual([...all.map((c) => c.id)].sort((a, b) => a - b));
    const ours = all.filter(
      (c) => c.user?.login === 'github-actions[bot]' && c.body?.includes(marker),
    );
    expect(ours).toHaveLength(1);
    expect(ours[0]!.user).toMatchObject({ login: 'github-actions[bot]', type: 'Bot' });
    const pages = sim.github.calls('issues/list-comments').slice(before);
    expect(pages.map((r) => r.url)).toEqual([
      '/api/v3/repos/example/web-app/issues/7/comments?per_page=100',
      // The Link header's next page, in GitHub's /repositories/{id} form.
      `/api/v3/repositories/${sim.github.repositoryId}/issues/7/comments?per_page=100&page=2`,
    ]);

    const { data: edited } = await octokit.rest.issues.updateComment({
      ...REPO,
      comment_id: ours[0]!.id,
      body: `${marker}\nnew report`,
    });
    expect(edited.body).toBe(`${marker}\nnew report`);
    expect(sim.github.comments.find((c) => c.id === ours[0]!.id)?.history).toHaveLength(1);

    const {
      data: posted,
      status,
      headers,
    } = await octokit.rest.issues.createComment({
      ...REPO,
      issue_number: 7,
      body: 'a new one',
    });
    expect(status).toBe(201);
    expect(headers.location).toBe(posted.url);
    expect(posted).toMatchObject({
      user: { login: 'github-actions[bot]', type: 'Bot' },
      html_url: `https://github.com/example/web-app/pull/7#issuecomment-${posted.id}`,
    });
  });

  it('pages as GitHub does: 30 by default, at most 100, a Link header with next and last', async () => {
    sim.github.addPullRequest(8);
    for (let i = 0; i < 250; i++) sim.github.seedComment(8, `c${i}`);
    const get = (query: string) =>
      fetch(`${sim.github.apiUrl}/repos/example/web-app/issues/8/comments${query}`, {
        headers: { authorization: `token ${sim.github.token}` },
      });
    const first = await get('');
    expect(await first.json()).toHaveLength(30);
    const big = await get('?per_page=500&page=2');
    expect(await big.json()).toHaveLength(100);
    const base = `${sim.github.apiUrl}/repositories/${sim.github.repositoryId}/issues/8/comments`;
    expect(big.headers.get('link')).toBe(
      [
        `<${base}?per_page=500&page=1>; rel="prev"`,
        `<${base}?per_page=500&page=3>; rel="next"`,
        `<${base}?per_page=500&page=3>; rel="last"`,
        `<${base}?per_page=500&page=1>; rel="first"`,
      ].join(', '),
    );
  });

  it('refuses writes the token has no permission for, as GitHub words it', async () => {
    const octokit = octokitFor('permissions');
    try {
      // What a pull request from a fork gets: read-only.
      sim.github.setPermissions('read-all');
      const create = await refusal(
        octokit.rest.checks.create({ ...REPO, name: 'fork', head_sha: SHA }),
      );
      expect(create.status).toBe(403);
      expect(create.response.data).toEqual({
        message: 'Resource not accessible by integration',
        documentation_url: 'https://docs.github.com/rest/checks/runs#create-a-check-run',
        status: '403',
      });
      expect(create.response.headers['x-accepted-github-permissions']).toBe('checks=write');
      const comment = await refusal(
        octokit.rest.issues.createComment({ ...REPO, issue_number: 1, body: 'hi' }),
      );
      expect(comment.message).toBe(
        'Resource not accessible by integration - https://docs.github.com/rest/issues/comments#create-an-issue-comment',
      );
      // Reading is allowed.
      const { status } = await octokit.rest.checks.listForRef({ ...REPO, ref: SHA });
      expect(status).toBe(200);

      // pull-requests: write alone is enough for a pull request's comment; checks stay refused.
      sim.github.setPermissions({ 'pull-requests': 'write' });
      await expect(
        octokit.rest.issues.createComment({ ...REPO, issue_number: 1, body: 'hi' }),
      ).resolves.toMatchObject({ status: 201 });
      expect((await refusal(octokit.rest.checks.listForRef({ ...REPO, ref: SHA }))).status).toBe(
        403,
      );
    } finally {
      sim.github.setPermissions({ checks: 'write', 'pull-requests': 'write', issues: 'write' });
    }
    // Without a token at all: 401.
    const anonymous = await fetch(`${sim.github.apiUrl}/repos/example/web-app/check-runs`, {
      method: 'POST',
      body: '{}',
    });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ message: 'Requires authentication' });
  });

  it('answers 422 as GitHub does: over-long summary, more than 50 annotations, blank comments', async () => {
    const octokit = octokitFor('validation');
    const output = { title: 't', summary: 's' };
    const tooLong = await refusal(
      octokit.rest.checks.create({
        ...REPO,
        name: 'long',
        head_sha: SHA,
        output: { title: 't', summary: 'x'.repeat(65_536) },
      }),
    );
    expect(tooLong.status).toBe(422);
    expect(tooLong.response.data.message).toBe(
      'Invalid request.\n\nOnly 65535 characters are allowed; 65536 were supplied.',
    );
    // Within 65,535 characters but over 65,535 bytes: the model's own check.
    const wide = await refusal(
      octokit.rest.checks.create({
        ...REPO,
        name: 'wide',
        head_sha: SHA,
        output: { title: 't', summary: 'é'.repeat(32_768) },
      }),
    );
    expect(wide.response.data).toMatchObject({
      message: 'Validation Failed',
      errors: [
        {
          resource: 'CheckRun',
          code: 'custom',
          field: 'summary',
          message: 'summary exceeds a maximum bytesize of 65535',
        },
      ],
    });

    const annotation = {
      path: 'buildspec.yml',
      start_line: 1,
      end_line: 1,
      annotation_level: 'failure' as const,
      message: 'integration_tests failed',
    };
    const many = await refusal(
      octokit.rest.checks.create({
        ...REPO,
        name: 'annotated',
        head_sha: SHA,
        output: { ...output, annotations: Array(51).fill(annotation) },
      }),
    );
    expect(many.status).toBe(422);
    expect(many.response.data.message).toBe(
      'Invalid request.\n\nNo more than 50 items are allowed; 51 were supplied.',
    );
    // 50 a request is allowed, and updates append.
    const { data: run } = await octokit.rest.checks.create({
      ...REPO,
      name: 'annotated',
      head_sha: SHA,
      output: { ...output, annotations: Array(50).fill(annotation) },
    });
    const { data: more } = await octokit.rest.checks.update({
      ...REPO,
      check_run_id: run.id,
      output: { summary: 's', annotations: Array(50).fill(annotation) },
    });
    expect([run.output.annotations_count, more.output.annotations_count]).toEqual([50, 100]);

    const completedWithout = await refusal(
      octokit.request('POST /repos/{owner}/{repo}/check-runs', {
        ...REPO,
        name: 'done',
        head_sha: SHA,
        status: 'completed',
      }),
    );
    expect(completedWithout.response.data.errors).toEqual([
      { resource: 'CheckRun', code: 'missing_field', field: 'conclusion' },
    ]);
    const missing = await refusal(octokit.request('POST /repos/example/web-app/check-runs'));
    expect(missing.response.data.message).toBe(
      'Invalid request.\n\n"head_sha", "name" weren\'t supplied.',
    );

    const blank = await refusal(
      octokit.rest.issues.createComment({ ...REPO, issue_number: 1, body: ' \n' }),
    );
    expect(blank.response.data.errors).toEqual([
      { resource: 'IssueComment', code: 'custom', field: 'body', message: 'body cannot be blank' },
    ]);
    const huge = await refusal(
      octokit.rest.issues.createComment({ ...REPO, issue_number: 1, body: 'x'.repeat(65_537) }),
    );
    expect(huge.response.data.errors?.[0]?.message).toBe(
      'Body is too long (maximum is 65536 characters)',
    );
    const unknown = await refusal(
      octokit.rest.checks.update({ ...REPO, check_run_id: 1, conclusion: 'success' }),
    );
    expect([unknown.status, unknown.response.data.message]).toEqual([404, 'Not Found']);
  });

  it('carries the rate-limit headers on every answer, the budget going down', async () => {
    const octokit = octokitFor('headers');
    const first = await octokit.rest.checks.listForRef({ ...REPO, ref: SHA });
    const second = await octokit.rest.checks.listForRef({ ...REPO, ref: SHA });
    const refused = await refusal(octokit.rest.checks.get({ ...REPO, check_run_id: 1 }));
    for (const headers of [first.headers, second.headers, refused.response.headers]) {
      expect(headers).toMatchObject({
        'content-type': 'application/json; charset=utf-8',
        'x-ratelimit-limit': '1000',
        'x-ratelimit-resource': 'core',
        'x-ratelimit-reset': expect.stringMatching(/^\d{10}$/),
        'x-github-request-id': expect.stringMatching(
          /^[0-9A-F]{4}:[0-9A-F]{4}:[0-9A-F]{6}:[0-9A-F]{7}:[0-9A-F]{8}$/,
        ),
      });
      expect(Number(headers['x-ratelimit-used']) + Number(headers['x-ratelimit-remaining'])).toBe(
        1000,
      );
    }
    expect(Number(second.headers['x-ratelimit-remaining'])).toBe(
      Number(first.headers['x-ratelimit-remaining']) - 1,
    );
  });
});

describe('rate limits, waited out by the throttling plugin', () => {
  /** The gap between a refused request and the next one for the same operation, from the log. */
  const gapAfterRefusal = (operation: Parameters<Simulator['github']['calls']>[0]) => {
    const calls = sim.github.calls(operation);
    const refused = calls.map((r) => r.status === 403 || r.status === 429).lastIndexOf(true);
    return calls[refused + 1]!.at - calls[refused]!.answeredAt;
  };

  it('a secondary limit (403, retry-after: 1): waits 1 s, then the write succeeds', async () => {
    const waits = { secondary: [] as number[], primary: [] as number[] };
    const octokit = octokitFor('secondary-403', { waits, paced: true });
    sim.github.inject({ kind: 'secondary', operation: 'checks/create', retryAfter: 1 });
    const { status } = await octokit.rest.checks.create({
      ...REPO,
      name: 'limited',
      head_sha: SHA,
    });
    expect(status).toBe(201);
    expect(waits.secondary).toEqual([1]);
    expect(
      sim.github
        .calls('checks/create')
        .slice(-2)
        .map((r) => [r.status, r.fault]),
    ).toEqual([
      [403, 'secondary'],
      [201, undefined],
    ]);
    expect(gapAfterRefusal('checks/create')).toBeGreaterThanOrEqual(1000);
  });

  it('a secondary limit answered 429: waited out too, once the retry plugin leaves 429 alone', async () => {
    const waits = { secondary: [] as number[], primary: [] as number[] };
    const octokit = octokitFor('secondary-429', {
      waits,
      paced: true,
      doNotRetry: [...RETRY_PLUGIN_DO_NOT_RETRY, 429],
    });
    sim.github.inject({
      kind: 'secondary',
      operation: 'checks/list-for-ref',
      status: 429,
      retryAfter: 1,
    });
    const { status } = await octokit.rest.checks.listForRef({ ...REPO, ref: SHA });
    expect(status).toBe(200);
    expect(waits.secondary).toEqual([1]);
    const calls = sim.github.calls('checks/list-for-ref').slice(-2);
    expect(calls.map((r) => [r.status, r.fault])).toEqual([
      [429, 'secondary'],
      [200, undefined],
    ]);
    expect(gapAfterRefusal('checks/list-for-ref')).toBeGreaterThanOrEqual(1000);
  });

  it("with the retry plugin's defaults, a 429 is sent again after its own 1 s, before retry-after has passed", async () => {
    // What the action must configure against: the retry plugin retries 429 (its doNotRetry lists
    // 403 but not 429) with its own back-off, 1 s first, and ignores retry-after; the throttling
    // plugin, which reads retry-after, never sees the 429.
    const waits = { secondary: [] as number[], primary: [] as number[] };
    const octokit = octokitFor('secondary-429-default', { waits, paced: true });
    sim.github.inject({
      kind: 'secondary',
      operation: 'checks/get',
      status: 429,
      retryAfter: 2,
    });
    const { data: run } = await octokit.rest.checks.create({ ...REPO, name: 'any', head_sha: SHA });
    await octokit.rest.checks.get({ ...REPO, check_run_id: run.id });
    expect(waits.secondary).toEqual([]);
    const gap = gapAfterRefusal('checks/get');
    expect(gap).toBeGreaterThanOrEqual(900);
    expect(gap).toBeLessThan(2000);
  });

  it('a spent primary budget: 403 with x-ratelimit-remaining 0 and the reset time', async () => {
    const own = await startSimulator();
    started.push(own);
    const waits = { secondary: [] as number[], primary: [] as number[] };
    const octokit = octokitFor('primary', { target: own, waits, paced: true });
    own.github.inject({ kind: 'primary', resetInSeconds: 30 });
    const spent = await refusal(octokit.rest.checks.listForRef({ ...REPO, ref: SHA }));
    expect(spent.status).toBe(403);
    expect(spent.response.data.message).toMatch(
      /^API rate limit exceeded for installation ID \d+\.$/,
    );
    expect(spent.response.headers['x-ratelimit-remaining']).toBe('0');
    const reset = Number(spent.response.headers['x-ratelimit-reset']);
    expect(reset * 1000 - Date.now()).toBeGreaterThan(28_000);
    // The plugin would wait until just after the reset (the handler here declines).
    expect(waits.primary).toHaveLength(1);
    expect(waits.primary[0]).toBeGreaterThanOrEqual(29);
    // The budget stays spent until the reset: the next request is refused too.
    expect(own.github.rateLimit.used).toBe(own.github.rateLimit.limit);
    const again = await refusal(octokit.rest.issues.listComments({ ...REPO, issue_number: 1 }));
    expect([again.status, again.response.headers['x-ratelimit-remaining']]).toEqual([403, '0']);
  });
});

describe('faults a test can arm', () => {
  it('a 5xx; a slow answer, the work already done; a dropped connection, nothing done', async () => {
    const post = (body: string) =>
      fetch(`${sim.github.apiUrl}/repos/example/web-app/issues/1/comments`, {
        method: 'POST',
        headers: { authorization: `Bearer ${sim.github.token}` },
        body: JSON.stringify({ body }),
      });
    const count = () => sim.github.commentsOn(1).length;
    const before = count();
    sim.github.inject({ kind: '5xx', operation: 'issues/create-comment', status: 502 });
    expect((await post('refused')).status).toBe(502);
    sim.github.inject({ kind: 'slow', operation: 'issues/create-comment', ms: 300 });
    const slow = post('late');
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(count()).toBe(before + 1);
    expect((await slow).status).toBe(201);
    sim.github.inject({ kind: 'drop', operation: 'issues/create-comment' });
    await expect(post('dropped')).rejects.toThrow();
    expect(count()).toBe(before + 1);
    expect(
      sim.github
        .calls('issues/create-comment')
        .slice(-3)
        .map((r) => [r.status, r.fault]),
    ).toEqual([
      [502, '5xx'],
      [201, 'slow'],
      [-1, 'drop'],
    ]);
  });
});

describe('the preview of checks and comments (simulator/render.mjs)', () => {
  it('draws what the API returns: the checks box, then the comments', async () => {
    const octokit = octokitFor('preview');
    const sha = 'f'.repeat(40);
    await octokit.rest.checks.create({
      ...REPO,
      name: 'CodeBuild / <integration_tests>',
      head_sha: sha,
      conclusion: 'failure',
      output: {
        title: 'Failed twice',
        summary: '<b>npm test</b> exited 1\n```mermaid\nflowchart LR\n  a --> b\n```',
        text: 'the log tail',
      },
    });
    await octokit.rest.checks.create({ ...REPO, name: 'CodeBuild / lint', head_sha: sha });
    sim.github.addPullRequest(9);
    sim.github.seedComment(9, 'Looks flaky to me', { login: 'octocat' });
    await octokit.rest.issues.createComment({ ...REPO, issue_number: 9, body: '<h3>Retried</h3>' });

    const html = githubAsHtml({
      checkRuns: sim.github.checkRunsFor(sha),
      comments: sim.github.commentsOn(9),
    });
    expect(html).toContain("Some checks haven't completed yet");
    expect(html).toContain('(1 queued, 1 failing)');
    expect(html).toContain('<strong>CodeBuild / &lt;integration_tests&gt;</strong>');
    expect(html).toMatch(/<span class="gh-icon" style="color: #d1242f" title="Failing">✗<\/span>/);
    expect(html).toContain('<details class="gh-check"><summary>');
    expect(html).toContain('<b>npm test</b> exited 1\n<pre class="mermaid">flowchart LR');
    expect(html).toContain('<summary>Details</summary>');
    expect(html.indexOf('Looks flaky to me')).toBeLessThan(html.indexOf('<h3>Retried</h3>'));
    expect(html).toContain('<strong>github-actions[bot]</strong> <span class="gh-bot">bot</span>');
  });
});
