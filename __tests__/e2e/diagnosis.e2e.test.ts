// A red batch understood from the job summary alone: log tails, test results, flaky and not-run
// groups, ignore-failure styling, artifacts, the new outputs, and the limits (denied permissions,
// size), end to end: dist/index.js against the simulator.
import { copyFileSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ACTION_ENTRY } from '../../simulator/run-action.mjs';
import { HOSTILE_LOG_LINES, PLAINTEXT_SECRET } from '../../simulator/scenarios.mjs';
import { SUMMARY_LIMIT_BYTES } from '../../src/report/summary.js';
import { STEP_LOG_BUDGET_BYTES } from '../../src/steps/step-log.js';
import {
  act,
  annotations,
  simulators,
  startAct,
  type ActionRun,
  type Simulator,
} from './helpers.js';

const start = simulators();

/** The step log's lines between ::group::title and ::endgroup::. */
function logGroup(run: ActionRun, title: string): string[] | undefined {
  const lines = run.stdout.split('\n');
  const at = lines.indexOf(`::group::${title}`);
  if (at < 0) return undefined;
  return lines.slice(at + 1, lines.indexOf('::endgroup::', at));
}

/** A group's row and the detail row under it, if any. */
function rowsOf(run: ActionRun, identifier: string): { row: string; detail: string } {
  const lines = run.summary.split('\n');
  const at = lines.findIndex((l) => l.startsWith(`<tr><td><code>${identifier}</code></td>`));
  const row = lines[at] ?? '';
  if (!lines[at + 1]?.startsWith('<tr><td colspan=')) return { row, detail: '' };
  const end = lines.findIndex((l, i) => i > at && l.endsWith('</td></tr>'));
  return { row, detail: lines.slice(at + 1, end + 1).join('\n') };
}

describe('a red batch, diagnosed', () => {
  let sim: Simulator;
  let run: ActionRun;
  beforeAll(async () => {
    sim = await start('diagnosis');
    // The end-of-run diagnosis alone: step-log.e2e.test.ts follows the logs written as groups end.
    run = await act(sim, { 'step-log': 'none' });
  }, 60_000);

  it('fails the step as before, naming the cause, the groups not run and the ignored failures', () => {
    expect(run.code).toBe(1);
    expect(annotations(run, 'error').at(-1)).toBe(
      `Batch build ${sim.batch.id} ended FAILED; failed build groups: integration_tests; not run as a result: e2e_tests, package; lint, docs failed too, but they are marked ignore-failure, so they do not fail the batch.`,
    );
  });

  it('lists only the groups that fail the batch as failed; the groups not run and ignored apart', () => {
    expect(run.outputs).toMatchObject({
      'failed-build-groups': '["integration_tests"]',
      'not-run-build-groups': '["e2e_tests","package"]',
      'ignored-build-groups': '["lint","docs"]',
    });
  });

  it('reads builds, reports, failing cases and the log tail once, after the batch is final', () => {
    const final = sim.calls('BatchGetBuildBatches').at(-1)!.at;
    const reads = ['BatchGetBuilds', 'BatchGetReports', 'DescribeTestCases', 'GetLogEvents'];
    for (const operation of reads)
      for (const call of sim.calls(operation)) expect(call.at).toBeGreaterThanOrEqual(final);
    expect(sim.calls('BatchGetBuilds')).toHaveLength(1);
    expect(sim.calls('BatchGetReports')).toHaveLength(1);
    // integration_tests' report has failed and errored cases: one call per status.
    expect(sim.calls('DescribeTestCases').map((c) => c.body)).toEqual([
      {
        reportArn: expect.stringContaining(':report/web-app-tests:'),
        filter: { status: 'FAILED' },
        maxResults: 20,
      },
      {
        reportArn: expect.stringContaining(':report/web-app-tests:'),
        filter: { status: 'ERROR' },
        maxResults: 17,
      },
    ]);
    // Only integration_tests ran, failed and logs to CloudWatch: lint logs to S3, docs keeps no log,
    // e2e_tests and package never ran. The project's own log group and stream prefix are used.
    const logs = sim.calls('GetLogEvents');
    expect(logs.map((c) => c.body)).toEqual([
      {
        logGroupName: '/ci/web-app/builds',
        logStreamName: expect.stringMatching(/^batch\/[0-9a-f-]{36}$/),
        startFromHead: false,
        limit: 30,
      },
    ]);
    expect(logs[0]!.service).toBe('logs');
  });

  it('shows the log tail under the group, cleaned: no colour codes, escaped, long lines cut', () => {
    const { detail } = rowsOf(run, 'integration_tests');
    expect(detail).toContain('<details><summary>Last 30 log lines</summary>');
    expect(detail).toContain('✗ orders › rejects an empty cart');
    expect(detail).toContain('downloading fixtures 100%');
    expect(detail).not.toContain('downloading fixtures 10%');
    expect(detail).not.toContain('\u001b');
    expect(detail).toContain(
      '&#60;script&#62;alert(&#34;build output&#34;)&#60;/script&#62;&#60;/pre&#62;&#60;/details&#62;',
    );
    const long = detail.split('\n').find((l) => l.startsWith('payload: '))!;
    expect(long.replaceAll(/&#\d+;/g, '_')).toHaveLength(500);
    expect(long.endsWith('…')).toBe(true);
    // The summary's own structure is intact: one <details> and one </details> for this tail.
    expect(detail.match(/<\/details>/g)).toHaveLength(1);
    expect(run.summary).not.toMatch(/<script|<img/);
  });

  it('prints the tail in a collapsible group of the step log, with no workflow command in it', () => {
    const lines = logGroup(run, 'Build group integration_tests: last 30 log lines')!;
    expect(lines).toHaveLength(30);
    expect(lines.at(-1)).toMatch(/Phase complete: BUILD State: FAILED$/);
    for (const command of HOSTILE_LOG_LINES.filter((l) => /::|##\[/.test(l)))
      expect(run.stdout).not.toContain(`\n${command}`);
    expect(lines).toContain(
      ': :error title=From the build::this line came from the build, not from the action',
    );
    expect(lines).toContain('## [error]a legacy workflow command printed by the build');
    expect(lines.join('\n')).not.toContain('\u001b');
  });

  it('has a Tests column with counts and line coverage, and lists the failing cases', () => {
    const { row, detail } = rowsOf(run, 'integration_tests');
    expect(row).toContain('<td>97 passed · 4 failed · 1 skipped · 81.4% lines</td>');
    expect(rowsOf(run, 'unit_tests').row).toContain('<td>412 passed · 87.5% lines</td>');
    expect(detail).toContain(
      '<li><code>orders › rejects an empty cart</code>: AssertionError: expected 400 to equal 201 (1.2s)</li>',
    );
    expect(detail).toContain(
      '<li><code>orders › applies a &#60;b&#62;discount&#60;/b&#62;</code>: ::error::expected 90 to equal 81 (0.3s)</li>',
    );
    expect(detail).toContain(
      '<li><code>payments › connects to the sandbox</code> ERROR: ECONNREFUSED 127.0.0.1:5432',
    );
  });

  it('annotates the group failure first, then each failing case, then the groups not run', () => {
    const errors = annotations(run, 'error');
    expect(errors).toHaveLength(8);
    expect(errors.slice(0, 7)).toEqual([
      expect.stringMatching(/^Build group integration_tests ended FAILED: BUILD — /),
      'orders › rejects an empty cart FAILED in build group integration_tests: AssertionError: expected 400 to equal 201 (1.23s)',
      'orders › applies a <b>discount</b> FAILED in build group integration_tests: ::error::expected 90 to equal 81 (0.31s)',
      'payments › refunds twice FAILED in build group integration_tests: Error: timeout of 2000ms exceeded (2.00s)',
      'payments › connects to the sandbox ERROR in build group integration_tests: ECONNREFUSED 127.0.0.1:5432 (0.01s)',
      'Build group e2e_tests did not run: integration_tests failed',
      'Build group package did not run: integration_tests failed',
    ]);
  });

  it('marks the flaky group in the table, the graph and the outputs', () => {
    expect(rowsOf(run, 'unit_tests').row).toContain(
      '✅ SUCCEEDED<br><sub>flaky: failed earlier in this batch, then passed</sub>',
    );
    // Underscores go into the graph as entities (Mermaid reads Markdown in a label).
    expect(run.summary).toMatch(/g\d\["unit#95;tests SUCCEEDED flaky"\]:::FLAKY/);
    expect(JSON.parse(run.outputs['flaky-build-groups']!)).toEqual(['unit_tests']);
  });

  it('says why a group did not run instead of a 0.0s duration', () => {
    for (const id of ['e2e_tests', 'package']) {
      const { row } = rowsOf(run, id);
      expect(row).toContain(
        '⏹️ STOPPED<br><sub>not run: integration_tests failed</sub></td><td>not run</td><td>—</td>',
      );
      const label = id.replaceAll('_', '#95;');
      expect(run.summary).toMatch(new RegExp(`g\\d\\["${label} not run"\\]:::NOT_RUN`));
    }
  });

  it('says "not run" for groups still waiting to start when the step gave up, and reads no log for them', async () => {
    const waiting = await start('long-running');
    const run = await act(waiting, { 'timeout-minutes': '0.05' });
    expect(run.code).toBe(1);
    for (const id of ['e2e_tests', 'package']) {
      const { row, detail } = rowsOf(run, id);
      expect(row).toContain('🚫 CANCELLED<br><sub>not run</sub></td><td>not run</td><td>—</td>');
      expect(detail).toBe('');
      expect(annotations(run, 'error')).toContain(
        `Build group ${id} did not run (CANCELLED before it started)`,
      );
    }
    expect(run.summary).not.toContain('wrote no log lines');
    // They never started because the step gave up, not as a result of integration_tests.
    expect(run.summary).toContain(
      '<p><strong>Failed:</strong> <code>integration_tests</code> · <strong>never started:</strong> <code>e2e_tests</code>, <code>package</code></p>',
    );
    expect(run.outputs).toMatchObject({
      'failed-build-groups': '["integration_tests"]',
      'not-run-build-groups': '["e2e_tests","package"]',
    });
    // Only integration_tests, which was running, has a log to read.
    expect(waiting.calls('GetLogEvents')).toHaveLength(1);
  });

  it('styles failed ignore-failure groups apart from failures that fail the batch', () => {
    for (const id of ['lint', 'docs']) {
      const { row } = rowsOf(run, id);
      expect(row).toContain('<td>⚠️ FAILED<br><sub>BUILD — COMMAND_EXECUTION_ERROR');
      expect(row).toContain('<sub>ignore-failure: does not fail the batch</sub>');
      expect(run.summary).toMatch(new RegExp(`g\\d\\["${id} FAILED ignored"\\]:::IGNORED`));
    }
    expect(rowsOf(run, 'integration_tests').row).toContain('<td>❌ FAILED');
    // A warning with a headline of its own, as each error has: untitled, the annotation showed none.
    for (const id of ['lint', 'docs'])
      expect(run.stdout).toContain(
        `::warning title=Build group ${id} FAILED (ignore-failure)::Build group ${id} ended FAILED (ignore-failure,`,
      );
  });

  it('links each build’s logs, and says where a log is when it is not in CloudWatch Logs', () => {
    expect(rowsOf(run, 'integration_tests').row).toMatch(
      /">build<\/a> · <a href="https:\/\/console\.aws\.amazon\.com\/cloudwatch\/home\?region=us-east-1#logEvent:group=%2Fci%2Fweb-app%2Fbuilds;stream=batch%2F[0-9a-f-]+">logs<\/a><\/td><\/tr>$/,
    );
    expect(rowsOf(run, 'lint').detail).toMatch(
      /The log is in S3 only: <a href="https:\/\/s3\.console\.aws\.amazon\.com\/s3\/object\/web-app-build-logs\/logs\/[0-9a-f-]+\.gz\?region=us-east-1">/,
    );
    expect(rowsOf(run, 'docs').detail).toContain('This build kept no log');
    expect(run.stdout).toContain(
      'Build group lint: its log is in S3 only: https://s3.console.aws.amazon.com/',
    );
  });

  it('links the artifacts and sets the outputs', () => {
    expect(run.summary).toContain('<h3>Artifacts</h3>');
    expect(run.summary).toMatch(
      /<li>the batch \(combined\): <a href="https:\/\/s3\.console\.aws\.amazon\.com\/s3\/buckets\/web-app-artifacts\?prefix=batch%2F[0-9a-f-]+%2Fcombined\.zip">arn:aws:s3:::web-app-artifacts\/batch\//,
    );
    const artifacts = JSON.parse(run.outputs.artifacts!);
    expect(artifacts).toEqual([
      {
        identifier: 'build',
        location: expect.stringMatching(/^arn:aws:s3:::web-app-artifacts\/.*\/build\.zip$/),
        type: 'S3',
      },
      {
        identifier: 'build',
        location: expect.stringMatching(/\/sbom\.json$/),
        type: 'S3',
        artifactIdentifier: 'sbom.json',
      },
      { identifier: 'batch', location: expect.stringMatching(/combined\.zip$/), type: 'S3' },
    ]);
    expect(JSON.parse(run.outputs['test-results']!)).toEqual([
      {
        identifier: 'unit_tests',
        total: 412,
        passed: 412,
        failed: 0,
        skipped: 0,
        lineCoverage: 87.5,
      },
      {
        identifier: 'integration_tests',
        total: 102,
        passed: 97,
        failed: 4,
        skipped: 1,
        lineCoverage: 81.4,
      },
    ]);
  });

  it('shows no environment variable value anywhere', () => {
    for (const text of [run.stdout, run.summary, JSON.stringify(run.outputs)])
      expect(text).not.toContain(PLAINTEXT_SECRET);
  });
});

describe('the limits', () => {
  it('a denied logs:GetLogEvents and codebuild:DescribeTestCases: one warning naming them, the rest unchanged', async () => {
    const sim = await start('diagnosis-denied');
    const run = await act(sim, {});
    expect(run.code).toBe(1);
    expect(annotations(run, 'error').at(-1)).toMatch(
      /ended FAILED; failed build groups: integration_tests;/,
    );
    const warnings = annotations(run, 'warning').filter((w) => !w.startsWith('Build group'));
    expect(warnings).toEqual([
      'Failing test cases and log tails are left out: the role may not call codebuild:DescribeTestCases or logs:GetLogEvents. Add those permissions to see them.',
    ]);
    // The summary is complete but for those parts: every row, the Tests column, reasons, links.
    expect(run.summary.split('\n').filter((l) => l.startsWith('<tr><td><code>'))).toHaveLength(8);
    expect(rowsOf(run, 'integration_tests').row).toContain('97 passed · 4 failed · 1 skipped');
    expect(run.summary).toContain('COMMAND_EXECUTION_ERROR');
    expect(run.summary).not.toContain('log lines</summary>');
    expect(run.summary).toContain("<p>4 failing test cases: see the build's test report.</p>");
    expect(run.outputs['test-results']).toContain('"integration_tests"');
  });

  it('a 120-group batch with long tails stays under the size limit, group table intact', async () => {
    const sim = await start('diagnosis-oversize');
    const run = await act(sim, { 'log-lines': '1000', 'step-log': 'none' });
    expect(run.code).toBe(1);
    const size = Buffer.byteLength(run.summary);
    expect(size).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES);
    // Every group keeps its row, with its status, tests and links.
    const rows = run.summary.split('\n').filter((l) => l.startsWith('<tr><td><code>'));
    expect(rows).toHaveLength(121);
    expect(rows.filter((r) => r.includes('50 passed · 25 failed'))).toHaveLength(30);
    expect(rows.filter((r) => r.includes('">logs</a>'))).toHaveLength(121 - 1);
    // Tails were shrunk (newest lines kept), not the table.
    expect(sim.calls('GetLogEvents')).toHaveLength(30);
    expect(run.summary).toContain('earlier lines left out to fit the summary');
    expect(run.summary).toContain('line 999 ');
    // At most 10 error annotations: 9 for the batch, the step's own failure last.
    const errors = annotations(run, 'error');
    expect(errors).toHaveLength(10);
    expect(errors[8]).toMatch(
      /^22 more build groups and 750 more failing test cases not annotated .*: see the job summary\.$/,
    );
    // The step log shares its budget among the 30 tails: each group's newest lines, a line on the rest.
    const title = run.stdout.match(/^::group::(Build group shard_001: last (\d+) log lines)$/m)!;
    expect(Number(title[2])).toBeLessThan(1000);
    const lines = logGroup(run, title[1]!)!;
    expect(lines[0]).toMatch(
      /^Build group shard_001: earlier log lines are left out of the step log .*: https:\/\/console\.aws\.amazon\.com\/cloudwatch\//,
    );
    expect(lines.at(-1)).toMatch(/^line 999 /);
    expect(Buffer.byteLength(run.stdout)).toBeLessThanOrEqual(STEP_LOG_BUDGET_BYTES + 100_000);
  }, 120_000);

  it('a runner slow to read the step log still gets all of it: the failure and its annotations last', async () => {
    const sim = await start('diagnosis-oversize');
    const step = startAct(sim, { 'log-lines': '1000', 'step-log': 'none' });
    // The runner reads the step's output at its own pace: here it reads nothing until a second
    // after the step wrote its summary (its last act), while megabytes of log tails wait in the pipe.
    step.child.stdout!.pause();
    while (statSync(step.files.summary).size === 0) await sleep(50);
    await sleep(1_000);
    step.child.stdout!.resume();
    const run = await step.done;
    expect(run.code).toBe(1);
    expect(Buffer.byteLength(run.stdout)).toBeGreaterThan(1_000_000);
    const errors = annotations(run, 'error');
    expect(errors).toHaveLength(10);
    expect(errors.at(-1)).toMatch(new RegExp(`^Batch build ${sim.batch.id} ended FAILED;`));
  }, 120_000);

  it('log-lines 0 and step-log none read no logs; test results still show', async () => {
    const sim = await start('diagnosis');
    const run = await act(sim, { 'log-lines': '0', 'step-log': 'none' });
    expect(sim.calls('GetLogEvents')).toHaveLength(0);
    expect(run.summary).not.toContain('log lines</summary>');
    expect(run.summary).toContain('<code>orders › rejects an empty cart</code>');
    expect(run.stdout).not.toContain('::group::');
  });

  it('a green run never loads the CloudWatch Logs chunk', async () => {
    // A copy of the bundle without its lazily loaded chunks: loading one would crash the step.
    const dist = join(ACTION_ENTRY, '..');
    const copy = mkdtempSync(join(tmpdir(), 'cbr-no-chunks-'));
    for (const file of ['index.js', 'package.json'])
      copyFileSync(join(dist, file), join(copy, file));
    expect(readdirSync(dist).filter((f) => /^\d+\.index\.js$/.test(f)).length).toBeGreaterThan(0);
    const sim = await start('retry-succeeds');
    const run = await act(sim, {}, { entry: join(copy, 'index.js') });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.outputs['batch-status']).toBe('SUCCEEDED');
    // Both failed before the retry and passed on it.
    expect(run.outputs['flaky-build-groups']).toBe('["lint","integration_tests"]');
  });

  it('a refused retry and a project with no failed batch still write a short, complete summary', async () => {
    const refused = await start('refused');
    const run = await act(refused, {});
    expect(run.code).toBe(1);
    expect(run.summary).toContain('Batch build cannot be retried: the project was deleted.');
    expect(run.summary.split('\n').filter((l) => l.startsWith('<tr><td><code>'))).toHaveLength(7);

    const none = await start('no-failed-batch');
    const nothing = await act(none, { 'batch-id': '', 'project-name': 'web-app' });
    expect(nothing.code).toBe(0);
    expect(nothing.summary).toMatch(
      /^<h2>✅ CodeBuild batch retry: nothing to retry<\/h2>\n<p>Project web-app has no failed, faulted or timed-out batch build: nothing to retry\.<\/p>\n<p>step time \d/,
    );
  });

  it('rejects a log-lines value out of range with one sentence', async () => {
    const sim = await start('diagnosis');
    const run = await act(sim, { 'log-lines': '5000' });
    expect(run.code).toBe(1);
    expect(annotations(run, 'error')).toEqual([
      'Input "log-lines" is "5000", but it must be a whole number from 0 (no log tails) to 1000.',
    ]);
    expect(sim.calls()).toHaveLength(0);
  });
});
