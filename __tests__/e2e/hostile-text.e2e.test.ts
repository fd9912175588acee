// Text a build controls (its test reports, its buildspec's commands) written where people look, end
// to end: dist/index.js against the simulator. A pull request's code runs in the build, so its author
// writes this text.
import { act, annotations, simulators } from './helpers.js';

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
