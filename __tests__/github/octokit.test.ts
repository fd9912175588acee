// The client the action builds (getOctokit with the retry and throttling plugins) against the
// simulator's GitHub side, and how its failures are told apart.
import { RequestError } from '@octokit/request-error';
import { startSimulator, type Simulator } from '../../simulator/server.mjs';

const SHA = '0a1b2c3d4e5f60718293a4b5c6d7e8f901234567';
const REPO = { owner: 'example', repo: 'web-app' };

let sim: Simulator;
let octokit: typeof import('../../src/github/octokit.js');

beforeAll(async () => {
  sim = await startSimulator();
  // @actions/github reads GITHUB_API_URL when it is loaded, as a GitHub Enterprise Server runner sets it.
  process.env.GITHUB_API_URL = sim.github.apiUrl;
  octokit = await import('../../src/github/octokit.js');
});
afterAll(async () => {
  delete process.env.GITHUB_API_URL;
  await sim.close();
});

function client(fits: (ms: number) => boolean = () => true, debug: string[] = []) {
  return octokit.createClient(sim.github.token, { fits, debug: (m) => debug.push(m) });
}

async function failure(call: Promise<unknown>) {
  try {
    await call;
  } catch (error) {
    return octokit.classify(error);
  }
  throw new Error('the call succeeded');
}

describe('createClient', () => {
  it('reaches GitHub through GITHUB_API_URL, and writes without 1 s between writes', async () => {
    const github = client();
    const before = sim.github.calls('checks/create').length;
    const started = performance.now();
    for (let i = 0; i < 5; i++)
      await github.rest.checks.create({ ...REPO, name: `ci/g${i}`, head_sha: SHA });
    expect(performance.now() - started).toBeLessThan(2_000);
    const calls = sim.github.calls('checks/create').slice(before);
    expect(calls).toHaveLength(5);
    expect(calls.map((c) => c.status)).toEqual([201, 201, 201, 201, 201]);
  });

  it('waits out a secondary limit when the wait fits, reading retry-after (429 included)', async () => {
    const asked: number[] = [];
    const github = client((ms) => (asked.push(ms), true));
    sim.github.inject({
      kind: 'secondary',
      operation: 'checks/update',
      status: 429,
      retryAfter: 1,
    });
    const { data } = await github.rest.checks.create({
      ...REPO,
      name: 'ci/limited',
      head_sha: SHA,
    });
    const started = performance.now();
    await github.rest.checks.update({ ...REPO, check_run_id: data.id, status: 'in_progress' });
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    expect(asked).toEqual([1_000]);
    expect(
      sim.github
        .calls('checks/update')
        .slice(-2)
        .map((c) => c.status),
    ).toEqual([429, 200]);
  });

  it('does not wait when the wait would outlast the budget: a rate-limit failure, with the reset time', async () => {
    const github = client(() => false);
    sim.github.inject({ kind: 'primary', resetInSeconds: 600 });
    const started = performance.now();
    const failed = await failure(
      github.rest.checks.create({ ...REPO, name: 'ci/spent', head_sha: SHA }),
    );
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(failed).toMatchObject({
      kind: 'rate-limit',
      detail: expect.stringMatching(
        /^403 API rate limit exceeded for installation ID \d+\. \(request [0-9A-F:]+\)$/,
      ),
    });
    expect(failed.kind === 'rate-limit' && failed.waitMs).toBeGreaterThan(590_000);
    // The window renews for the next test.
    sim.github.rateLimit.used = 0;
    sim.github.rateLimit.reset = Math.ceil(Date.now() / 1000) + 3600;
  });

  it.each<[string, Parameters<Simulator['github']['inject']>[0]]>([
    ['retry-after', { kind: 'secondary', retryAfter: 1e20 }],
    ['x-ratelimit-reset', { kind: 'primary', resetInSeconds: 1e20 }],
  ])(
    'a %s past the last date there is: a rate-limit failure without a reset time',
    async (_, fault) => {
      sim.github.inject(fault);
      try {
        const failed = await failure(
          client(() => false).rest.checks.create({ ...REPO, name: 'ci/far', head_sha: SHA }),
        );
        expect(failed).toMatchObject({ kind: 'rate-limit' });
        expect(failed.kind === 'rate-limit' && failed.resetAt).toBeUndefined();
      } finally {
        sim.github.rateLimit.used = 0;
        sim.github.rateLimit.reset = Math.ceil(Date.now() / 1000) + 3600;
      }
    },
  );

  it('resends a 5xx with the retry plugin, as many times as the request allows', async () => {
    const github = client();
    sim.github.inject({ kind: '5xx', operation: 'checks/create', status: 502 });
    const { status } = await github.rest.checks.create({ ...REPO, name: 'ci/5xx', head_sha: SHA });
    expect(status).toBe(201);
    sim.github.inject({ kind: '5xx', operation: 'checks/create', status: 502 });
    const refused = await failure(
      github.rest.checks.create({
        ...REPO,
        name: 'ci/5xx',
        head_sha: SHA,
        request: { retries: 0 },
      }),
    );
    expect(refused).toMatchObject({
      kind: 'other',
      detail: expect.stringMatching(/^502 Server Error/),
    });
  });
  it.each([
    ['a refusal (403)', { kind: 'secondary', retryAfter: 600 } as const, 403],
    ['a missing permission (403)', undefined, 403],
  ])('sends %s once, also from a call that allows resends', async (_, fault, status) => {
    const before = sim.github.calls('issues/create-comment').length;
    if (fault) sim.github.inject({ ...fault, operation: 'issues/create-comment' });
    else sim.github.setPermissions({ 'pull-requests': 'read', issues: 'read' });
    try {
      const refused = await failure(
        client(() => false).rest.issues.createComment({
          ...REPO,
          issue_number: 1,
          body: 'x',
          request: { retries: 3 },
        }),
      );
      expect(refused).toMatchObject({ detail: expect.stringMatching(new RegExp(`^${status} `)) });
      // Before: four requests within 20 ms.
      expect(
        sim.github
          .calls('issues/create-comment')
          .slice(before)
          .map((c) => c.status),
      ).toEqual([status]);
    } finally {
      sim.github.setPermissions({ checks: 'write', 'pull-requests': 'write', issues: 'write' });
    }
  });

  it('still resends a 5xx as many times as a call allows', async () => {
    const before = sim.github.calls('checks/create').length;
    sim.github.inject({ kind: '5xx', operation: 'checks/create', status: 502, count: 5 });
    await failure(
      client().rest.checks.create({
        ...REPO,
        name: 'ci/5xx',
        head_sha: SHA,
        request: { retries: 2 },
      }),
    );
    expect(
      sim.github
        .calls('checks/create')
        .slice(before)
        .map((c) => c.status),
    ).toEqual([502, 502, 502]);
  });
});

describe('classify: what GitHub answered, as the user is told', () => {
  it('a missing permission: 403 Resource not accessible by integration, with the request id', async () => {
    sim.github.setPermissions({ contents: 'read' });
    try {
      const refused = await failure(
        client().rest.checks.create({ ...REPO, name: 'ci/x', head_sha: SHA }),
      );
      expect(refused).toEqual({
        kind: 'permission',
        detail: expect.stringMatching(
          /^403 Resource not accessible by integration \(request [0-9A-F:]+\)$/,
        ),
      });
    } finally {
      sim.github.setPermissions({ checks: 'write', 'pull-requests': 'write', issues: 'write' });
    }
  });

  it('a token GitHub does not know: credentials', async () => {
    const github = octokit.createClient('ghs_wrong', { fits: () => true, debug: () => undefined });
    expect(
      await failure(github.rest.checks.create({ ...REPO, name: 'ci/x', head_sha: SHA })),
    ).toEqual({
      kind: 'credentials',
      detail: expect.stringMatching(/^401 Bad credentials/),
    });
  });

  it('a call the step aborted: aborted, never a warning', async () => {
    const controller = new AbortController();
    controller.abort();
    let thrown: unknown;
    await client()
      .rest.checks.create({
        ...REPO,
        name: 'ci/x',
        head_sha: SHA,
        request: { signal: controller.signal, retries: 0 },
      })
      .catch((error: unknown) => (thrown = error));
    expect(octokit.classify(thrown, controller.signal)).toEqual({ kind: 'aborted' });
  });

  it('a commit GitHub does not have: unknown-commit, with its status and message', async () => {
    expect(
      await failure(client().rest.checks.create({ ...REPO, name: 'ci/x', head_sha: 'nope' })),
    ).toEqual({
      kind: 'unknown-commit',
      detail: expect.stringMatching(/^422 No commit found for SHA: nope/),
    });
  });

  it('another validation error: other, with its status and message', async () => {
    expect(
      await failure(
        client().rest.checks.create({
          ...REPO,
          name: 'ci/x',
          head_sha: SHA,
          status: 'completed',
        }),
      ),
    ).toEqual({ kind: 'other', detail: expect.stringMatching(/^422 /) });
  });

  it("a message of megabytes (a proxy's page, a hostile answer): cut in its middle, its end kept", () => {
    const message = `Validation Failed: ${'x '.repeat(1_000_000)}the end`;
    const error = new RequestError(message, 422, {
      request: { method: 'POST', url: 'https://api.github.com/x', headers: {} },
      response: { status: 422, url: 'https://api.github.com/x', headers: {}, data: { message } },
    });
    const { detail } = octokit.classify(error) as { detail: string };
    expect(detail.length).toBeLessThan(2_100);
    expect(detail).toMatch(/^422 Validation Failed: [x ]+ … [x ]+the end$/);
  });

  it('a fault of this code while drawing a run: a fault, not "GitHub answered"', () => {
    expect(octokit.classify(new TypeError('e3.replace is not a function'))).toEqual({
      kind: 'fault',
      detail: 'e3.replace is not a function',
    });
  });
});
