// A fleet of steps under one account's throttle: twelve workflows wait at once on one simulated
// account whose CodeBuild API allows 4 requests per second, together: at their 2 s polls they ask
// for 6. A CI-sized copy of the bench's 40 steps against 10 per second (which ask for twice the
// budget); a budget this small leaves a little more room, or a chance cluster of polls throttles.
import { perSecondLines, runFleet } from '../../simulator/fleet.mjs';

const POLL_SECONDS = 2;

describe('a fleet of steps under one account budget', () => {
  it('every step ends as its batch did, none fails from throttling, and the fleet settles under the budget while all of it waits', async () => {
    const { sim, figures } = await runFleet({
      steps: 12,
      budget: { ratePerSecond: 4, burst: 4 },
      pollSeconds: POLL_SECONDS,
      // Batches end one after another, once the fleet has had time to start and settle.
      firstEndMs: 28_000,
      lastEndMs: 38_000,
    });
    const why = [
      `under the budget from ${figures.settledWhileAllWaitAt}s until the first batch ended at ${figures.thinsAt.toFixed(1)}s; per second (all/throttled):`,
      ...perSecondLines(figures.perSecond),
    ].join('\n');

    expect(sim.violations).toEqual([]);
    expect(figures.steps.filter((s) => !s.right)).toEqual([]);
    expect(figures.steps.filter((s) => s.throttled)).toEqual([]);
    // The rate comes under the budget while every step still waits (at least one whole 10 s window
    // before the first batch ends), not because steps leave.
    expect({ settled: figures.settledWhileAllWaitAt !== undefined, why }).toEqual({
      settled: true,
      why,
    });
    // Every batch ended after that: each step saw it within two poll intervals and 5 s.
    const late = figures.steps.flatMap((s) =>
      s.detections.filter((d) => d.ms > 2 * POLL_SECONDS * 1000 + 5_000),
    );
    expect(late).toEqual([]);
  }, 120_000);
});
