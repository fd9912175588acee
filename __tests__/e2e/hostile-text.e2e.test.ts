// Text a build controls (its test reports, its buildspec's commands) written where people look, end
// to end: dist/index.js against the simulator. A pull request's code runs in the build, so its author
// writes this text.
import { act, annotations, simulators, type Simulator } from './helpers.js';

const start = simulators();

/** One group that fails with the given failing test case, first time and on each retry. */
function failingCase(testCase: Record<string, unknown>) {
  const unit = { status: 'FAILED', tests: { passed: 1, failed: [testCase] } };
  return {
    description: 'one red group whose failing test case the build wrote',
    project: 'web-app',
    groups: [{ identifier: 'unit', dependsOn: [] }],
    initial: { groups: { unit } },
    retries: [{ unit }],
  };
}

describe('a test message with a long run of spaces and no line break', () => {
  it('is reported in moments, its first 300 characters shown', async () => {
    const message = `expected ${' '.repeat(300_000)}to be empty`;
    const sim = await start(failingCase({ suite: 'orders', name: 'pads', message, ms: 5 }));
    const run = await act(sim, {});
    expect(run.code).toBe(1);
    // Before: minutes spent putting the message on one line, before anything was written.
    expect(run.elapsedMs).toBeLessThan(15_000);
    const shown = `expected ${' '.repeat(290)}…`;
    expect(annotations(run, 'error')).toContain(
      `orders › pads FAILED in build group unit: ${shown} (0.01s)`,
    );
    expect(run.summary).toContain(`<li><code>orders › pads</code>: ${shown} (0s)</li>`);
  }, 30_000);
});

/**
 * A run on a pull request with check runs and the comment: what it wrote in each place people look,
 * the group's check run and the comment.
 */
async function onPullRequest(sim: Simulator, group: string) {
  const pullRequest = {
    number: 1,
    pull_request: { number: 1, head: { sha: 'feedface'.repeat(5) } },
    repository: { full_name: 'example/web-app' },
  };
  const run = await act(
    sim,
    { checks: 'true', 'pr-comment': 'always', 'github-token': sim.github.token },
    { eventName: 'pull_request', event: pullRequest },
  );
  const check = sim.github.checkRuns.find((r) => r.name === `web-app/${group}`)!;
  const comment = sim.github.commentsOn(1)[0]!;
  const shown = {
    log: run.stdout,
    summary: run.summary,
    checkRun: JSON.stringify(check.output),
    comment: comment.body,
  };
  return { run, check, comment, shown };
}

/** The controls that reorder the text after them on screen (Trojan Source, CVE-2021-42574). */
const BIDI = /[\u202a-\u202e\u2066-\u2069]/;

describe('bidirectional controls in a test name and message', () => {
  it('reach no place people look: what they read is the text in its order', async () => {
    // On screen, the override turns "… in build group unit" into "tinu puorg dliub ni …".
    const name = 'refunds \u202eecno';
    const message = 'got \u2067\u202edeliaf\u202c\u2069 twice';
    const sim = await start(failingCase({ suite: 'payments', name, message, ms: 5 }));
    const { run, shown } = await onPullRequest(sim, 'unit');
    expect(run.code).toBe(1);
    for (const [where, text] of Object.entries(shown))
      expect([where, BIDI.test(text)]).toEqual([where, false]);
    expect(annotations(run, 'error')).toContain(
      'payments › refunds ecno FAILED in build group unit: got deliaf twice (0.01s)',
    );
    expect(run.summary).toContain('<li><code>payments › refunds ecno</code>: got deliaf twice');
  }, 30_000);
});

describe('many failed ignore-failure groups', () => {
  it("leave room among GitHub's 10 warnings per step for the step's own", async () => {
    const optional = Array.from({ length: 12 }, (_, i) => `optional_${i + 1}`);
    const failed = Object.fromEntries(
      [...optional, 'unit'].map((id) => [id, { status: 'FAILED' }]),
    );
    const sim = await start({
      description: 'twelve failed ignore-failure groups and one failed group',
      project: 'web-app',
      groups: [
        { identifier: 'unit', dependsOn: [] },
        ...optional.map((identifier) => ({ identifier, dependsOn: [], ignoreFailure: true })),
      ],
      initial: { groups: failed },
      retries: [failed],
    });
    const run = await act(sim, { 'fail-on-batch-failure': 'false' });
    expect(run.code).toBe(0);
    // GitHub shows the first 10 warnings of a step and drops the others without a word.
    const shown = annotations(run, 'warning').slice(0, 10);
    expect(shown.at(-1)).toMatch(
      /ended FAILED; .* The step succeeds because fail-on-batch-failure is false\.$/,
    );
    expect(shown).toContain(
      '8 more failed ignore-failure build groups not annotated (GitHub shows at most 10 warnings per step): see the job summary.',
    );
    expect(run.stdout).toContain(
      '::warning title=More ignore-failure groups::8 more failed ignore-failure build groups',
    );
  }, 30_000);
});

/** A batch of one group, unit, as given (failed the same way again when retried), run with checks. */
async function checkedUnit(description: string, unit: object) {
  const sim = await start({
    description,
    project: 'web-app',
    groups: [{ identifier: 'unit', dependsOn: [] }],
    initial: { groups: { unit } },
    retries: [{ unit }],
  });
  return { sim, run: await act(sim, { checks: 'true', 'github-token': sim.github.token }) };
}

describe('a failed command 100 KB long (a generated shard list in the buildspec)', () => {
  it("keeps the check run's build link and tests, and the reason's end", async () => {
    const command = `node run.js ${Array.from({ length: 8000 }, (_, i) => `--shard=${i}`).join(' ')}`;
    const unit = {
      status: 'FAILED',
      reason: {
        phase: 'BUILD',
        code: 'COMMAND_EXECUTION_ERROR',
        message: `Error while executing command: ${command}. Reason: exit status 1`,
      },
      tests: { passed: 3, failed: 1 },
    };
    const { sim, run } = await checkedUnit('one group whose failed command is very long', unit);
    expect(run.code).toBe(1);
    // Before: the summary fell back to "unit: FAILED", without links, tests or reason.
    const { summary } = sim.github.checkRuns.find((r) => r.name === 'web-app/unit')!.output;
    expect(summary).toMatch(/<p>Tests: 3 passed · 1 failed<\/p>/);
    expect(summary).toMatch(/<a href="https:\/\/[^"]+">Build<\/a>/);
    expect(summary).toMatch(
      /<p>BUILD — COMMAND&#95;EXECUTION&#95;ERROR: Error while executing command: node run.js --shard=0 .*… .*--shard=7999. Reason: exit status 1<\/p>/,
    );
    expect(annotations(run, 'error')[0]).toMatch(/--shard=7999\. Reason: exit status 1$/);
  }, 30_000);
});

describe('a test name 100 KB long (a parametrised test whose id is its whole input)', () => {
  it('is cut in its middle: the check run still lists the failing cases, the annotation is short', async () => {
    const name = `shards[${Array.from({ length: 16_000 }, (_, i) => `s${i}`).join(',')}]`;
    const unit = {
      status: 'FAILED',
      tests: {
        passed: 3,
        failed: [
          { suite: 'orders', name, message: 'boom', ms: 5 },
          { suite: 'orders', name: 'totals', message: 'off by one', ms: 5 },
        ],
      },
    };
    const { sim, run } = await checkedUnit(
      'one group whose failing test case has a very long name',
      unit,
    );
    expect(run.code).toBe(1);
    // Before: the name made the summary too large for any failing case, and the annotation 200 KB.
    const { summary } = sim.github.checkRuns.find((r) => r.name === 'web-app/unit')!.output;
    expect(summary).toContain('<li><code>orders › totals</code>: off by one');
    expect(summary).toMatch(/<li><code>orders › shards&#91;s0,s1,.*… .*,s15999&#93;<\/code>: boom/);
    const long = annotations(run, 'error').find((a) => a.startsWith('orders › shards'));
    expect(long).toMatch(
      /^orders › shards\[s0,s1,.*… .*,s15999\] FAILED in build group unit: boom/,
    );
    expect(long!.length).toBeLessThan(1_000);
  }, 30_000);
});

describe('emoji where a text is cut', () => {
  it('are kept whole or left out, never halved, in the check run title', async () => {
    const lone = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
    // One of the two lands an emoji across the cut (the title keeps its start and its end).
    const failed = (pad: string) => ({
      status: 'FAILED',
      reason: {
        phase: 'BUILD',
        code: 'COMMAND_EXECUTION_ERROR',
        message: `${pad}${'💥'.repeat(80)}`,
      },
    });
    const plan = { even: failed(''), odd: failed('x') };
    const sim = await start({
      description: 'two groups whose failure reasons are emoji',
      project: 'web-app',
      groups: [
        { identifier: 'even', dependsOn: [] },
        { identifier: 'odd', dependsOn: [] },
      ],
      initial: { groups: plan },
      retries: [plan],
    });
    const run = await act(sim, { checks: 'true', 'github-token': sim.github.token });
    expect(run.code).toBe(1);
    const titles = sim.github.checkRuns
      .filter((r) => r.name !== 'web-app/DOWNLOAD_SOURCE')
      .map((r) => r.output.title);
    expect(titles).toHaveLength(2);
    for (const title of titles) {
      expect(title).toMatch(/^FAILED: BUILD — COMMAND_EXECUTION_ERROR: x?💥+ … 💥+$/u);
      expect(title).not.toMatch(lone);
    }
  }, 30_000);
});

describe('a rate limit whose retry-after is past the last date there is', () => {
  it('is one warning, and the step ends as the batch did', async () => {
    const sim = await start('retry-succeeds');
    sim.github.inject({ kind: 'secondary', retryAfter: 1e20, count: 100 });
    const run = await act(sim, { checks: 'true', 'github-token': sim.github.token });
    // Before: RangeError: Invalid time value, the step failed with a stack trace and no summary.
    expect(run.stderr).not.toContain('RangeError');
    expect(run.code).toBe(0);
    expect(run.summary).toContain('CodeBuild batch');
    expect(annotations(run, 'warning')).toEqual([
      expect.stringMatching(
        /^Check runs were not brought up to date: GitHub's rate limit for this token asks for a wait, longer than the step can wait \(403 You have exceeded a secondary rate limit/,
      ),
    ]);
  }, 30_000);
});

/** A red group whose deploy script and test print `token`: its log, a failed case, its reason. */
const printing = (token: string) => ({
  status: 'FAILED',
  reason: {
    phase: 'BUILD',
    code: 'COMMAND_EXECUTION_ERROR',
    message: `Error while executing command: ./deploy.sh ${token}. Reason: exit status 1`,
  },
  log: ['deploying', `curl -H "Authorization: Bearer ${token}" https://deploy.example`, 'HTTP 401'],
  tests: {
    passed: 1,
    failed: [{ suite: 'deploy', name: 'authorises', message: `401 for ${token}`, ms: 5 }],
  },
});

/** The run on a pull request, with the token nowhere people look, and *** where it was. */
async function expectHidden(sim: Simulator, token: string) {
  const reported = await onPullRequest(sim, 'unit_tests');
  const { run, check, shown } = reported;
  expect(run.code).toBe(1);
  // CloudWatch Logs is the account's; the check run is public on a public repository.
  for (const [where, text] of Object.entries(shown))
    expect([where, text.includes(token)]).toEqual([where, false]);
  expect(run.summary).toContain('curl -H &#34;Authorization: Bearer ***&#34;');
  expect(check.output.text).toContain('Bearer ***');
  expect(check.output.title).toContain('./deploy.sh ***');
  expect(annotations(run, 'error')).toContain(
    'deploy › authorises FAILED in build group unit_tests: 401 for *** (0.01s)',
  );
  return reported;
}

describe("a build that prints one of the batch's PLAINTEXT variables", () => {
  it('has the value hidden in the log, the summary, the check run and the comment', async () => {
    // A token kept in clear in the project's settings, echoed by a failing deploy script and test.
    const token = 'sim-plaintext-secret-7f3a9c1e';
    const unit = printing(token);
    const sim = await start({
      description: 'one red group whose build prints a PLAINTEXT variable of the project',
      project: 'web-app',
      environmentVariables: [
        { name: 'DEPLOY_TOKEN', value: token, type: 'PLAINTEXT' },
        { name: 'NODE_ENV', value: 'test', type: 'PLAINTEXT' },
        // The usual variables of a project that pushes images: not secrets, and also in the
        // batch's ARN and links, which must keep them.
        { name: 'AWS_ACCOUNT_ID', value: '123456789012', type: 'PLAINTEXT' },
        { name: 'AWS_DEFAULT_REGION', value: 'us-east-1', type: 'PLAINTEXT' },
      ],
      groups: [{ identifier: 'unit_tests', dependsOn: [] }],
      initial: { groups: { unit_tests: unit } },
      retries: [{ unit_tests: unit }],
    });
    const { run, comment } = await expectHidden(sim, token);
    // A short value (NODE_ENV=test) is a word, not a secret: the group's name keeps it.
    expect(run.summary).toContain('<code>unit_tests</code>');
    // Only what the build printed is touched: the action's own links keep the account and region.
    expect(run.summary).toContain(
      'https://us-east-1.console.aws.amazon.com/codesuite/codebuild/123456789012/projects/web-app/batch/',
    );
    expect(comment.body).toContain(
      'https://us-east-1.console.aws.amazon.com/codesuite/codebuild/123456789012/',
    );
    expect(run.outputs['batch-arn']).toBe(sim.batch.arn);
  }, 30_000);

  it("also one its group's entry in the build graph sets: it is on the group's builds, not the batch", async () => {
    // The buildspec's batch section gives the group its own variable (env: variables:): CodeBuild
    // returns it in clear on the group's builds only.
    const token = 'group-plaintext-secret-4b2d9e';
    const unit = printing(token);
    const sim = await start({
      description: "one red group whose build prints its own graph entry's PLAINTEXT variable",
      project: 'web-app',
      groups: [{ identifier: 'unit_tests', dependsOn: [], variables: { DEPLOY_TOKEN: token } }],
      initial: { groups: { unit_tests: unit } },
      retries: [{ unit_tests: unit }],
    });
    await expectHidden(sim, token);
  }, 30_000);
});

describe('a PLAINTEXT value where a long line, a test message or a failure reason is cut', () => {
  it('shows none of its start before the cut, nor of its end after it: it is hidden first', async () => {
    const token = 'sim-plaintext-secret-7f3a9c1e';
    // Each text is cut with the token across the cut: a log line at 500 characters, a message at
    // 300, the reason in its middle (its start and end kept), the check run's title likewise.
    const unit = {
      status: 'FAILED',
      reason: {
        phase: 'BUILD',
        code: 'COMMAND_EXECUTION_ERROR',
        message: `Error while executing command: ${'x'.repeat(420)} ${token} ${'y'.repeat(80)}. Reason: exit status 1`,
      },
      log: ['deploying', `${'a'.repeat(485)} ${token} done`],
      tests: {
        passed: 1,
        failed: [
          { suite: 'deploy', name: 'authorises', message: `${'b'.repeat(285)} ${token}`, ms: 5 },
        ],
      },
    };
    const sim = await start({
      description: 'one red group whose long lines hold a PLAINTEXT variable of the project',
      project: 'web-app',
      environmentVariables: [{ name: 'DEPLOY_TOKEN', value: token, type: 'PLAINTEXT' }],
      groups: [{ identifier: 'unit_tests', dependsOn: [] }],
      initial: { groups: { unit_tests: unit } },
      retries: [{ unit_tests: unit }],
    });
    const run = await act(sim, { checks: 'true', 'github-token': sim.github.token });
    expect(run.code).toBe(1);
    const check = sim.github.checkRuns.find((r) => r.name === 'web-app/unit_tests')!;
    const shown = { log: run.stdout, summary: run.summary, checkRun: JSON.stringify(check.output) };
    // Before: "aaa… sim-plaintext…", half the token, in each place.
    for (const [where, text] of Object.entries(shown))
      expect([where, text.includes(token.slice(0, 8)), text.includes(token.slice(-8))]).toEqual([
        where,
        false,
        false,
      ]);
    expect(run.summary).toContain(`${'a'.repeat(20)} *** done`);
    expect(annotations(run, 'error')).toContain(
      `deploy › authorises FAILED in build group unit_tests: ${'b'.repeat(285)} *** (0.01s)`,
    );
  }, 30_000);
});

/** The step's run over a batch of `groups` (a pull request's buildspec) whose group `first` failed. */
async function failedFirstUnder(
  description: string,
  groups: Array<{ identifier: string; dependsOn: string[] }>,
  first: string,
) {
  const plan = { [first]: { status: 'FAILED' } };
  const sim = await start({
    description,
    project: 'web-app',
    groups,
    initial: { groups: plan },
    retries: [plan],
  });
  return act(sim, {});
}

describe('a deep build graph two groups wide, under a failed first group', () => {
  it('is reported in moments: each group that did not run names the failed group once', async () => {
    // The buildspec is the pull request's: 30 layers, each group depending on both of the layer above.
    const groups = [{ identifier: 'compile', dependsOn: [] as string[] }];
    let above = ['compile'];
    for (let layer = 1; layer <= 30; layer++) {
      const ids = [`left_${layer}`, `right_${layer}`];
      for (const identifier of ids) groups.push({ identifier, dependsOn: above });
      above = ids;
    }
    const run = await failedFirstUnder(
      'a failed first group under a lattice of 60 groups',
      groups,
      'compile',
    );
    // Before: every path through the lattice was walked (2^30 for the last layer) on each read.
    expect(run.elapsedMs).toBeLessThan(20_000);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.outputs['failed-build-groups']!)).toEqual(['compile']);
    expect(JSON.parse(run.outputs['not-run-build-groups']!)).toHaveLength(60);
    expect(run.summary).toContain('<strong>Failed:</strong> <code>compile</code>');
  }, 60_000);
});

describe('a build graph 3,000 groups deep, one chain listed deepest first, under a failed first group', () => {
  it('is reported: each group that did not run names the failed group', async () => {
    // The buildspec is the pull request's: each group depends on the one after it in the list.
    const groups = Array.from({ length: 3_000 }, (_, i) => ({
      identifier: `step_${3_000 - i}`,
      dependsOn: [`step_${2_999 - i}`],
    }));
    groups.push({ identifier: 'step_0', dependsOn: [] });
    const run = await failedFirstUnder(
      'a failed first group under a chain of 3,000 groups',
      groups,
      'step_0',
    );
    // Before: "Unexpected error (a bug in codebuild-batch-retry …): Maximum call stack size
    // exceeded", nothing retried and no summary.
    expect(run.stdout).not.toContain('Unexpected error');
    expect(run.code).toBe(1);
    expect(run.outputs.attempts).toBe('1');
    expect(JSON.parse(run.outputs['failed-build-groups']!)).toEqual(['step_0']);
    expect(JSON.parse(run.outputs['not-run-build-groups']!)).toHaveLength(3_000);
    expect(run.summary).toContain('<strong>Failed:</strong> <code>step_0</code>');
  }, 60_000);
});
