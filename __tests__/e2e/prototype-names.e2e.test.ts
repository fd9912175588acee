// Build group names are text from the service: groups named after Object.prototype's members
// (constructor, toString, valueOf, hasOwnProperty, __proto__) get every output, annotation, log line
// and summary row any other group gets, end to end: dist/index.js against the simulator.
import { PROTOTYPE_NAMES } from '../../simulator/scenarios.mjs';
import { act, annotations, groupsOf, simulators, type ActionRun } from './helpers.js';

const start = simulators();
const ALL = ['unit', ...PROTOTYPE_NAMES];

/** The summary's row for a group, or undefined. */
const rowOf = (run: ActionRun, identifier: string) =>
  run.summary.split('\n').find((l) => l.startsWith(`<tr><td><code>${identifier}</code></td>`));

/** The JSON outputs, parsed into arrays of objects (never into objects keyed by service text). */
const json = (run: ActionRun, name: string): Array<Record<string, unknown>> =>
  JSON.parse(run.outputs[name] ?? 'null');

/** What no run may print, whatever the group names. */
function expectNoCrash(run: ActionRun): void {
  expect(run.stdout).not.toMatch(/Unexpected error|is not iterable|Cannot read properties/);
  expect(run.stderr).toBe('');
}

describe('a batch that succeeded, with groups named after Object.prototype members', () => {
  let run: ActionRun;
  beforeAll(async () => {
    const sim = await start('prototype-names-green');
    run = await act(sim, {});
  }, 60_000);

  it('succeeds, with nothing to retry', () => {
    expectNoCrash(run);
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ 'batch-status': 'SUCCEEDED', attempts: '0' });
    expect(annotations(run, 'error')).toEqual([]);
  });

  it('lists every group in build-groups, none in failed-build-groups', () => {
    expect(groupsOf(run).map((g) => [g.identifier, g.status])).toEqual(
      ['DOWNLOAD_SOURCE', ...ALL].map((id) => [id, 'SUCCEEDED']),
    );
    expect(JSON.parse(run.outputs['failed-build-groups']!)).toEqual([]);
  });

  it('gives test-results and artifacts for every group whose build was read, __proto__ included', () => {
    expect(json(run, 'test-results').map((t) => [t.identifier, t.passed])).toEqual([
      ['unit', 10],
      ['toString', 3],
      ['hasOwnProperty', 4],
      ['__proto__', 5],
    ]);
    expect(json(run, 'test-results').at(-1)).toMatchObject({ lineCoverage: 90 });
    expect(json(run, 'artifacts').map((a) => a.identifier)).toEqual([
      'unit',
      'toString',
      '__proto__',
    ]);
  });

  it('writes the summary: one row per group, with its tests and links', () => {
    for (const id of ALL) expect(rowOf(run, id)).toContain('✅ SUCCEEDED');
    expect(rowOf(run, '__proto__')).toContain('<td>5 passed · 90% lines</td>');
    expect(rowOf(run, 'constructor')).toContain('<td></td>');
    expect(run.summary).toContain('<h3>Artifacts</h3>');
    expect(run.summary).toMatch(/<li><code>__proto__<\/code>: <a href=/);
    // The graph has its node, underscores as entities (Mermaid drew "__proto__" as a bold "proto").
    expect(run.summary).toMatch(/\["#95;#95;proto#95;#95; SUCCEEDED"\]:::SUCCEEDED/);
  });
});

describe('a failed batch, with groups named after Object.prototype members', () => {
  let run: ActionRun;
  let batchId: string;
  beforeAll(async () => {
    const sim = await start('prototype-names');
    batchId = sim.batch.id;
    run = await act(sim, {});
  }, 60_000);

  it('fails the step with the sentence naming every failed group', () => {
    expectNoCrash(run);
    expect(run.code).toBe(1);
    expect(annotations(run, 'error').at(-1)).toBe(
      `Batch build ${batchId} ended FAILED; failed build groups: ${PROTOTYPE_NAMES.join(', ')}.`,
    );
  });

  it('sets build-groups, failed-build-groups, test-results and artifacts for every group', () => {
    expect(groupsOf(run).map((g) => [g.identifier, g.status])).toEqual([
      ['DOWNLOAD_SOURCE', 'SUCCEEDED'],
      ['unit', 'SUCCEEDED'],
      ...PROTOTYPE_NAMES.map((id) => [id, 'FAILED']),
    ]);
    expect(JSON.parse(run.outputs['failed-build-groups']!)).toEqual(PROTOTYPE_NAMES);
    expect(json(run, 'test-results').map((t) => [t.identifier, t.failed])).toEqual([
      ['unit', 0],
      ['toString', 2],
      ['hasOwnProperty', 1],
      ['__proto__', 1],
    ]);
    expect(json(run, 'artifacts').map((a) => a.identifier)).toEqual([
      'unit',
      'toString',
      'valueOf',
      '__proto__',
    ]);
  });

  it('annotates each failed group and its failing cases', () => {
    const errors = annotations(run, 'error');
    for (const id of PROTOTYPE_NAMES)
      expect(errors).toContainEqual(
        expect.stringMatching(new RegExp(`^Build group ${id} ended FAILED`)),
      );
    expect(errors).toContainEqual(expect.stringMatching(/FAILED in build group __proto__: /));
    expect(errors).toContainEqual(expect.stringMatching(/FAILED in build group hasOwnProperty: /));
  });

  it('prints each log where it is: whole logs in groups as they end, S3 and no log in a line', () => {
    for (const id of ['hasOwnProperty', '__proto__'])
      expect(run.stdout).toMatch(
        new RegExp(`^::group::Build group ${id} FAILED: its whole log, \\d+ lines$`, 'm'),
      );
    expect(run.stdout).toContain('Build group toString: its log is in S3 only: https://');
    expect(run.stdout).toContain('Build group valueOf: its build kept no log');
  });

  it('writes the summary: every group, its reason, tests, failing cases and log', () => {
    for (const id of PROTOTYPE_NAMES) expect(rowOf(run, id)).toContain('❌ FAILED');
    expect(rowOf(run, 'hasOwnProperty')).toContain('BUILD — COMMAND_EXECUTION_ERROR');
    expect(rowOf(run, '__proto__')).toContain('<td>5 passed · 1 failed · 90% lines</td>');
    expect(rowOf(run, 'toString')).toContain('<td>3 passed · 2 failed</td>');
    expect(run.summary).toMatch(/<li><code>__proto__\.suite0 › case 1 fails<\/code>/);
    expect(run.summary).toContain('The log is in S3 only');
    expect(run.summary).toContain('This build kept no log');
  });
});

// Input names are looked up in the step's environment, process.env, which inherits these names.
describe('env-vars-for-codebuild naming a variable the environment does not set', () => {
  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])(
    'says %s is not set, and starts nothing',
    async (name) => {
      const sim = await start('start-succeeds');
      const run = await act(sim, {
        'batch-id': '',
        'start-batch': 'true',
        'project-name': 'web-app',
        'env-vars-for-codebuild': name,
      });
      expect(run.code).toBe(1);
      expect(annotations(run, 'error')).toEqual([
        `Input "env-vars-for-codebuild" names ${name}, not set in the step's environment: set it under the step's env:, or leave it out.`,
      ]);
      expect(sim.calls('StartBuildBatch')).toHaveLength(0);
    },
  );
});
