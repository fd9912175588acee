// A large red batch within a runner's means: 500 failed groups, log-lines 1000, 1,000 lines of 1 KB per
// stream. The action's peak RSS, its step log and its job summary stay bounded; every group still gets
// its newest lines, or one line saying what was left out and where it is. dist/index.js against the
// simulator.
import { act, annotations, simulators, type ActionRun, type Simulator } from './helpers.js';

const start = simulators();

/** Runners with 2 GB are common; the action must leave the job most of it. */
const PEAK_RSS_MB = 150;
const STEP_LOG_MAX_BYTES = 10_000_000;
/** The runner drops a step's summary above 1 MiB. */
const SUMMARY_MAX_BYTES = 1024 * 1024;
const GROUPS = 500;
const LINES = 1_000;

/** Preloaded into the action's node: its peak resident set (getrusage, KiB), on stderr at exit. */
const REPORT_PEAK_RSS = `data:text/javascript;base64,${Buffer.from(
  "import { writeSync } from 'node:fs';\nprocess.on('exit', () => writeSync(2, `\\npeak-rss-kib=${process.resourceUsage().maxRSS}\\n`));\n",
).toString('base64')}`;
/**
 * Preloaded: the size of V8's young generation when the action exits, and where its memory was at
 * the largest resident set sampled (every 20 ms), on stderr: a run over its bound says why.
 */
const REPORT_HEAP = `data:text/javascript;base64,${Buffer.from(
  `import { writeSync } from 'node:fs';
import { getHeapSpaceStatistics } from 'node:v8';
const mb = (bytes) => (bytes / 1048576).toFixed(1);
let peak = { rss: 0 };
const sample = () => {
  const { rss, external, arrayBuffers } = process.memoryUsage();
  if (rss <= peak.rss) return;
  const spaces = getHeapSpaceStatistics()
    .filter((s) => s.space_size >= 52429)
    .map((s) => s.space_name.replace('_space', '') + ' ' + mb(s.space_size));
  peak = { rss, text: 'rss ' + mb(rss) + ' MiB; heap spaces ' + spaces.join(', ') + '; external ' + mb(external) + ', array buffers ' + mb(arrayBuffers) };
};
setInterval(sample, 20).unref();
process.on('exit', () => {
  sample();
  const young = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_size;
  writeSync(2, '\\nnew-space-bytes=' + young + '\\nat-peak=' + peak.text + '\\n');
});
`,
).toString('base64')}`;
const peakRssMb = (run: ActionRun) =>
  Number(/peak-rss-kib=(\d+)/.exec(run.stderr)?.[1] ?? NaN) / 1024;

describe(`a red batch of ${GROUPS} failed groups with ${LINES} lines of 1 KB each, log-lines ${LINES}`, () => {
  let sim: Simulator;
  let run: ActionRun;
  let lines: string[];
  beforeAll(async () => {
    sim = await start('large-red-batch');
    run = await act(
      sim,
      { 'log-lines': String(LINES) },
      { nodeArgs: ['--import', REPORT_PEAK_RSS] },
    );
    lines = run.stdout.split('\n');
  }, 120_000);

  it(`keeps the action's peak RSS at most ${PEAK_RSS_MB} MB`, () => {
    expect(peakRssMb(run)).toBeLessThanOrEqual(PEAK_RSS_MB);
  });

  it('writes at most 10 MB to the step log, and a summary under 1 MiB', () => {
    expect(Buffer.byteLength(run.stdout)).toBeLessThanOrEqual(STEP_LOG_MAX_BYTES);
    expect(Buffer.byteLength(run.summary)).toBeLessThanOrEqual(SUMMARY_MAX_BYTES);
    for (let i = 1; i <= GROUPS; i++)
      expect(run.summary).toContain(`<tr><td><code>group_${String(i).padStart(3, '0')}</code>`);
  });

  it('fails the step with the sentence naming the failed groups', () => {
    expect(run.code).toBe(1);
    expect(annotations(run, 'error').at(-1)).toMatch(
      new RegExp(
        `^Batch build ${sim.batch.id} ended FAILED; failed build groups: group_001, group_002, `,
      ),
    );
  });

  it("reads every group's tail", () => {
    expect(sim.calls('GetLogEvents')).toHaveLength(GROUPS);
    expect(annotations(run, 'warning')).toEqual([]);
  });

  it('gives every group its newest lines in a group of its own, with one line on the rest', () => {
    const shown = new Map<string, string[]>();
    for (let i = 0; i < lines.length; i++) {
      const title = /^::group::Build group (group_\d{3}): last \d+ log lines$/.exec(lines[i]!);
      if (!title) continue;
      const end = lines.indexOf('::endgroup::', i);
      shown.set(title[1]!, lines.slice(i + 1, end));
      i = end;
    }
    expect(shown.size).toBe(GROUPS);
    for (const [id, [note, ...body]] of shown) {
      // What was left out and where it is: the build's log in the CloudWatch console.
      expect(note).toMatch(
        new RegExp(
          `^Build group ${id}: earlier log lines are left out of the step log \\(it holds at most [\\d.]+ MiB of build logs\\); the whole log: https://console\\.aws\\.amazon\\.com/cloudwatch/home\\?region=us-east-1#logEvent:group=%2Faws%2Fcodebuild%2Fmonorepo;stream=[0-9a-f-]{36}$`,
        ),
      );
      // Never interleaved: only this group's lines, the newest, cleaned and cut as the summary shows them.
      expect(body.length).toBeGreaterThan(0);
      body.forEach((line, i) =>
        expect(line).toMatch(
          new RegExp(`^\\[${id}\\] line ${LINES - body.length + i + 1} of ${LINES}: x+…$`),
        ),
      );
      expect(body.at(-1)).toHaveLength(500);
    }
  });
});

describe('a 120-group batch, 30 groups failed with long logs and failing tests, default inputs', () => {
  it(`holds V8's young generation while step-log writes whole logs (src/github/heap.ts), within ${PEAK_RSS_MB} MB`, async () => {
    const sim = await start('diagnosis-oversize');
    const run = await act(
      sim,
      { 'poll-interval-seconds': '0.2' },
      { nodeArgs: ['--import', REPORT_PEAK_RSS, '--import', REPORT_HEAP] },
    );
    expect(run.code).toBe(1);
    // The logs were read and written as the groups ended: the memory is spent on them.
    expect(run.stdout).toMatch(
      /^::group::Build group shard_001 FAILED: the last \d+ lines of its log$/m,
    );
    // Measured on both Nodes: unheld, this run's young generation ends at 16 MiB; held, at 4 MiB,
    // the size a green run's has.
    const newSpace = Number(/new-space-bytes=(\d+)/.exec(run.stderr)?.[1] ?? NaN);
    expect(newSpace).toBeLessThanOrEqual(8 * 1024 * 1024);
    // The issue's 100 MB for this run is npm run bench's row (89.8 MB on Node 24, quiet machine):
    // one clean-clone CI run saw 118.8 MB here, which no rerun reproduced, so CI holds the bound a
    // 2 GB runner needs, and a run over it shows where the memory was.
    const atPeak = /at-peak=(.*)/.exec(run.stderr)?.[1];
    expect(
      peakRssMb(run) <= PEAK_RSS_MB ? 'within' : `${peakRssMb(run).toFixed(1)} MB: ${atPeak}`,
    ).toBe('within');
  }, 120_000);
});

describe('150 failed groups with test reports', () => {
  it("prints no warning of Node's on stderr (the reads at once listen on one signal)", async () => {
    const groups = [{ identifier: 'build', dependsOn: [] as string[] }];
    for (let i = 1; i < 300; i++) groups.push({ identifier: `shard_${i}`, dependsOn: ['build'] });
    const failed = Object.fromEntries(
      groups
        .filter((_, i) => i % 2 === 1)
        .map((g) => [g.identifier, { status: 'FAILED', tests: { passed: 3, failed: 2 } }]),
    );
    const sim = await start({
      description: '300 groups, every other one failing its tests',
      project: 'web-app',
      groups,
      initial: { groups: failed },
      retries: [failed],
    });
    const run = await act(sim, {});
    expect(run.code).toBe(1);
    // Before: "MaxListenersExceededWarning: Possible EventTarget memory leak detected".
    expect(run.stderr).toBe('');
  }, 60_000);
});
