// A fleet of steps under one account's throttle: twelve workflows wait at once on one simulated
// account whose CodeBuild API allows 4 requests per second, together: at their 2 s polls they ask
// for 6. A CI-sized copy of the bench's 40 steps against 10 per second (which ask for twice the
// budget).
import { perSecondLines, runFleet } from '../../simulator/fleet.mjs';

const POLL_SECONDS = 2;
const STEPS = 12;

describe('a fleet of steps under one account budget', () => {
  it('every step ends as its batch did, none fails from throttling, the fleet settles under the budget while all of it waits, and each step sees its batch end within 2 × its interval + 5 s', async () => {
    const { sim, figures } = await runFleet({
      steps: STEPS,
      budget: { ratePerSecond: 4, burst: 4 },
      pollSeconds: POLL_SECONDS,
      // Batches end one after another, once the fleet has had time to start (up to 10 s for twelve
      // processes on a loaded machine) and a whole 10 s window to show it settled.
      firstEndMs: 35_000,
      lastEndMs: 45_000,
    });
    const seconds = (ms: number) => (ms / 1000).toFixed(1);
    const why = [
      `under the budget from ${figures.settledWhileAllWaitAt}s until the first batch ended at ${seconds(figures.thinsAt * 1000)}s; per second (all/throttled):`,
      ...perSecondLines(figures.perSecond),
      'detections (s), run end (or the last refused poll after it) → first read that saw it:',
      ...figures.steps.map(
        (s, i) =>
          `  ${i + 1} ${s.kind}: ${s.detections.map((d) => `${seconds(d.ms)} (longest unread ${seconds(d.gapMs)})`).join(', ')}`,
      ),
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
    // Every batch ended after that (the retries' runs too): each step saw each end within two poll
    // intervals and 5 s of the end, or of the account's last refusal of its poll after the end (the
    // batches' ends bring bursts of final reads and retries that take the budget for a while; a
    // pace that doubled under them saw an end 13 s late).
    expect({ judged: figures.detection.judged, why }).toEqual({
      judged: STEPS + Math.floor((STEPS * 2) / 3),
      why,
    });
    // Nor did any step leave its batch unread that long after the end, refused or not.
    const late = figures.steps.flatMap((s) =>
      s.detections.filter(
        (d) => d.ms > 2 * POLL_SECONDS * 1000 + 5_000 || d.gapMs > 2 * POLL_SECONDS * 1000 + 5_000,
      ),
    );
    expect({ late, why }).toEqual({ late: [], why });
  }, 150_000);
});
