// Answers CodeBuild should never give, made by a proxy that rewrites the simulator's (the simulator
// itself keeps to AWS's model): the step must still end, report the batch it was asked about, and
// keep its summary and comment within GitHub's limits.
import { startAction } from '../../simulator/run-action.mjs';
import {
  act,
  annotations,
  FAST,
  rewritingProxy,
  simulators,
  through,
  type Rewrite,
  type Simulator,
} from './helpers.js';

const start = simulators();

const PULL_REQUEST = {
  eventName: 'pull_request',
  event: {
    number: 1,
    pull_request: { number: 1, head: { sha: 'feedface'.repeat(5) } },
    repository: { full_name: 'example/web-app' },
  },
};

/** The step on a pull request, with its comment, CodeBuild's answers going through `rewrite`. */
async function actThrough(sim: Simulator, rewrite: Rewrite) {
  const proxy = await rewritingProxy(sim, rewrite);
  try {
    return await act(
      sim,
      { 'pr-comment': 'always', 'github-token': sim.github.token },
      { ...PULL_REQUEST, env: { ...sim.clientEnv(), AWS_ENDPOINT_URL_CODEBUILD: through(proxy) } },
    );
  } finally {
    proxy.close();
  }
}

describe('ListBuildBatchesForProject paging without end (empty pages, a token with each)', () => {
  it.each([
    ['the same token', () => 'the-same-token'],
    ['a new token each time', (n: number) => `token-${n}`],
  ])(
    'ends the step, saying so (%s)',
    async (_, token) => {
      const sim = await start('project-history');
      let calls = 0;
      const proxy = await rewritingProxy(sim, (operation) => {
        if (operation !== 'ListBuildBatchesForProject') return undefined;
        calls += 1;
        return { status: 200, body: { ids: [], nextToken: token(calls) } };
      });
      try {
        const step = startAction({
          inputs: { 'project-name': 'web-app', ...FAST },
          env: { ...sim.clientEnv(), AWS_ENDPOINT_URL_CODEBUILD: through(proxy) },
        });
        const kill = setTimeout(() => step.child.kill('SIGKILL'), 25_000);
        const run = await step.done;
        clearTimeout(kill);
        // Before: killed after 25 s with nothing in the log or summary, some 25,000 list calls sent.
        expect({ killed: run.signal, few: calls <= 300 }).toEqual({ killed: null, few: true });
        expect(run.summary).not.toBe('');
        expect(annotations(run, 'warning')).toContain(
          "CodeBuild's list of project web-app's FAILED batch builds did not end (0 listed, page after page): only those are compared.",
        );
      } finally {
        proxy.close();
      }
    },
    40_000,
  );
});

describe('a final report that throws while it is written (a group status that is not a string)', () => {
  it('still writes a job summary with the failure, and does not blame GitHub for it', async () => {
    const sim = await start('fails-again');
    const run = await actThrough(sim, (operation, status, body) => {
      const batches = body.buildBatches as Array<{
        buildGroups: Array<{
          identifier?: string;
          currentBuildSummary?: { buildStatus?: unknown };
        }>;
      }>;
      if (operation !== 'BatchGetBuildBatches' || status !== 200 || !batches?.length) return;
      const build = batches[0]!.buildGroups.find((g) => g.identifier === 'build');
      if (build?.currentBuildSummary) build.currentBuildSummary.buildStatus = 7;
      return { body };
    });
    expect(run.code).toBe(1);
    // Before: "Unexpected error (a bug …)" in the log, and an empty job summary.
    expect(run.summary).not.toBe('');
    const said = 'Unexpected error (a bug in codebuild-batch-retry, please report it): ';
    expect(run.summary).toContain(`<p>${said}`);
    expect(annotations(run, 'error')).toContainEqual(expect.stringContaining(said));
    expect(run.stdout).not.toMatch(/GitHub answered \w+\.replace is not a function/);
  }, 30_000);
});

describe('a RetryBuildBatch refusal with a 2 MB message', () => {
  it("keeps the job summary under the runner's 1 MiB and the comment under GitHub's 65,536 characters", async () => {
    const sim = await start('fails-again');
    const run = await actThrough(sim, (operation) =>
      operation === 'RetryBuildBatch'
        ? {
            status: 400,
            body: { __type: 'InvalidInputException', message: `bad: ${'A'.repeat(2_000_000)}` },
          }
        : undefined,
    );
    expect(run.code).toBe(1);
    // Before: a 2 MB summary (the runner drops a step's summary above 1 MiB whole), the comment
    // refused (422), a 2 MB error annotation.
    expect(Buffer.byteLength(run.summary)).toBeLessThanOrEqual(512 * 1024);
    expect(sim.github.commentsOn(1)).toHaveLength(1);
  }, 60_000);
});

describe('a BatchGetBuildBatches answer that lists another batch first', () => {
  it('is not taken for the batch asked for: the red batch is not reported green', async () => {
    const sim = await start('fails-again');
    const run = await actThrough(sim, (operation, status, body) => {
      const batches = body.buildBatches as Array<Record<string, unknown>>;
      if (operation !== 'BatchGetBuildBatches' || status !== 200 || !batches?.length) return;
      const other = { ...batches[0], id: 'other-project:0000', buildBatchStatus: 'SUCCEEDED' };
      return { body: { ...body, buildBatches: [other, ...batches] } };
    });
    // Before: "Batch other-project:0000 already SUCCEEDED: nothing to retry.", exit 0.
    expect(run.summary).not.toContain('other-project:0000');
    expect(run.code).not.toBe(0);
  }, 30_000);
});
