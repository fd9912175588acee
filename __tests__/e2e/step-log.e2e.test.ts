// step-log: a failed group's whole log in the step log as one collapsed group, written when that
// group ended (while another still ran), read only after it ended, every line defused. dist/index.js
// against the simulator.
import { HOSTILE_LOG_LINES } from '../../simulator/scenarios.mjs';
import { act, simulators, type ActionRun, type Simulator } from './helpers.js';
import { runnerCommands } from '../runner-commands.js';

const start = simulators();

const UNIT_LOG = [
  '[Container] 2026/12/05 10:00:00.000 Running command npm test',
  ...Array.from({ length: 120 }, (_, i) => `test ${i + 1} ok`),
  ...HOSTILE_LOG_LINES,
  '\u0085::stop-commands::pwned',
  'Error: 3 tests failed',
];

/** unit fails quickly on the retry; e2e goes on for seconds after it, then passes. */
const scenario = {
  project: 'web-app',
  groups: [
    { identifier: 'unit', dependsOn: [] },
    { identifier: 'e2e', dependsOn: [] },
  ],
  initial: { groups: { unit: 'FAILED', e2e: 'FAILED' } },
  retries: [
    {
      unit: { status: 'FAILED', ms: 300, log: UNIT_LOG },
      e2e: { status: 'SUCCEEDED', ms: 4_000, log: ['e2e passed'] },
    },
  ],
};

describe.each(['failed', 'all', 'none'])('step-log: %s', (mode) => {
  let sim: Simulator;
  let run: ActionRun;
  let lines: string[];
  beforeAll(async () => {
    sim = await start(scenario);
    run = await act(sim, mode === 'failed' ? {} : { 'step-log': mode });
    lines = run.stdout.split('\n');
  }, 60_000);

  const title = `::group::Build group unit FAILED: its whole log, ${UNIT_LOG.length} lines`;

  if (mode === 'none') {
    it('writes no whole log; the tail at the end stays', () => {
      expect(lines.filter((l) => l.startsWith('::group::'))).toEqual([
        '::group::Build group unit: last 30 log lines',
      ]);
    });
    return;
  }

  it("writes the failed group's whole log as one collapsed group when it ended, while e2e still ran", () => {
    const at = lines.indexOf(title);
    const unitEnded = lines.indexOf('  unit: IN_PROGRESS → FAILED');
    const e2eEnded = lines.indexOf('  e2e: IN_PROGRESS → SUCCEEDED');
    expect(unitEnded).toBeGreaterThanOrEqual(0);
    expect(at).toBeGreaterThan(unitEnded);
    expect(at).toBeLessThan(e2eEnded);
    const body = lines.slice(at + 1, lines.indexOf('::endgroup::', at));
    expect(body).toHaveLength(UNIT_LOG.length);
    expect(body[0]).toBe(UNIT_LOG[0]);
    expect(body.at(-1)).toBe('Error: 3 tests failed');
    // Its tail is not written a second time at the end; the summary keeps it.
    expect(lines.filter((l) => l.startsWith('::group::Build group unit'))).toEqual([title]);
    expect(run.summary).toContain('Error: 3 tests failed');
  });

  it('reads a log only after its group ended, never while it runs', () => {
    const streams = (
      sim.batch as unknown as { logStreams: Map<string, { entry: { endAt: number } }> }
    ).logStreams;
    const reads = sim.calls('GetLogEvents');
    expect(reads.length).toBeGreaterThan(0);
    for (const read of reads) {
      const { logGroupName, logStreamName } = read.body as Record<string, string>;
      const stream = streams.get(`${logGroupName}\n${logStreamName}`)!;
      expect(read.at).toBeGreaterThanOrEqual(stream.entry.endAt);
    }
  });

  it('lets no line of the log become a workflow command', () => {
    // Only the action's own: its groups, and its failure last.
    const names = runnerCommands(run.stdout).map((c) => (c.legacy ? `##[${c.name}]` : c.name));
    expect(new Set(names)).toEqual(new Set(['debug', 'group', 'endgroup', 'error']));
    expect(names.at(-1)).toBe('error');
    expect(names.filter((n) => n === 'error')).toHaveLength(2);
  });

  it(mode === 'all' ? 'writes the green group too' : 'leaves the green group out', () => {
    const green = lines.filter((l) => l.startsWith('::group::Build group e2e SUCCEEDED'));
    expect(green).toEqual(
      mode === 'all' ? ['::group::Build group e2e SUCCEEDED: its whole log, 1 line'] : [],
    );
  });
});

// The log of a group that failed in one attempt belongs before the next retry: written after it, it
// read as the new attempt's failure.
describe('step-log with max-attempts', () => {
  it("writes a failed attempt's logs before the next retry starts", async () => {
    const sim = await start({
      project: 'web-app',
      groups: [{ identifier: 'unit', dependsOn: [] }],
      initial: { groups: { unit: 'FAILED' } },
      retries: [
        { unit: { status: 'FAILED', ms: 300, log: ['first retry: 3 tests failed'] } },
        { unit: { status: 'SUCCEEDED', ms: 300, log: ['second retry passed'] } },
      ],
    });
    const run = await act(sim, { 'max-attempts': '2' });
    const lines = run.stdout.split('\n');
    const failedLog = lines.indexOf('first retry: 3 tests failed');
    const secondRetry = lines.findIndex((l) => l.includes('attempt 2 of 2'));
    expect(run.code).toBe(0);
    expect(failedLog).toBeGreaterThan(lines.findIndex((l) => l.includes('attempt 1 of 2')));
    expect(failedLog).toBeLessThan(secondRetry);
  }, 60_000);
});
