import { describeBatch, type BatchOutcome } from '../../src/report/outcome.js';
import type { BuildBatch } from '@aws-sdk/client-codebuild';
import type { Diagnosis, GroupDiagnosis, TestTotals } from '../../src/report/diagnosis.js';
import {
  renderFailure,
  renderGraph,
  renderSummary,
  summaryParts,
  startedHeadline,
  testsCell,
  type SummaryInput,
} from '../../src/report/summary.js';
import { escapeHtml } from '../../src/report/text.js';
import { batch, group } from '../fixtures.js';
import { PROTOTYPE_NAMES } from '../../simulator/scenarios.mjs';

function input(outcome: BatchOutcome, extra: Partial<SummaryInput> = {}): SummaryInput {
  return {
    outcome,
    headline: 'Retried once (RETRY_FAILED_BUILDS); the batch ended FAILED.',
    attempts: [{ attempt: 1, result: 'FAILED' }],
    elapsedMs: 95_000,
    ...extra,
  };
}

const graph = describeBatch(
  batch('FAILED', [
    group('build', 'SUCCEEDED'),
    group('unit', 'FAILED', { dependsOn: ['build'], prior: 1 }),
    group('lint', 'FAILED', { ignoreFailure: true }),
    group('e2e', 'STOPPED', { dependsOn: ['unit'] }),
  ]),
);

describe('renderSummary', () => {
  const text = renderSummary(
    input(graph, {
      reasons: new Map([['unit', 'BUILD — COMMAND_EXECUTION_ERROR: exit status 1']]),
      durations: new Map([['unit', 125_000]]),
    }),
  );

  it('opens with the batch, its status, a console link and the retries made', () => {
    expect(text).toContain(
      '<h2>❌ CodeBuild batch <a href="https://us-east-1.console.aws.amazon.com/codesuite/codebuild/123456789012/projects/web-app/batch/web-app%3A',
    );
    expect(text).toContain(': FAILED</h2>');
    expect(text).toContain('batch #42');
    expect(text).toContain('retries by this step: 1 (#1 → ❌ FAILED)');
    expect(text).toContain('step time 1m 35s');
  });

  it('names what failed right under the headline, before the graph and the table', () => {
    const lines = text.split('\n');
    expect(lines[2]).toBe(
      '<p><strong>Failed:</strong> <code>unit</code> · <strong>not run as a result:</strong> <code>e2e</code> · <strong>failed, but ignore-failure:</strong> <code>lint</code></p>',
    );
  });

  it.each<[string, BuildBatch, boolean, string]>([
    [
      'a group a failed one blocked',
      batch('FAILED', [group('unit', 'FAILED'), group('e2e', 'STOPPED', { dependsOn: ['unit'] })]),
      false,
      '<p><strong>Failed:</strong> <code>unit</code> · <strong>not run as a result:</strong> <code>e2e</code></p>',
    ],
    [
      'a group still waiting when the step gave up',
      batch('STOPPED', [group('unit', 'IN_PROGRESS'), group('docs', 'PENDING')]),
      true,
      '<p><strong>Failed:</strong> <code>unit</code> · <strong>never started:</strong> <code>docs</code></p>',
    ],
    [
      'both',
      batch('STOPPED', [
        group('unit', 'FAILED'),
        group('e2e', 'STOPPED', { dependsOn: ['unit'] }),
        group('docs', 'PENDING'),
      ]),
      false,
      '<p><strong>Failed:</strong> <code>unit</code> · <strong>not run as a result:</strong> <code>e2e</code> · <strong>never started:</strong> <code>docs</code></p>',
    ],
  ])(
    'says "not run as a result" only of groups a failure blocked: %s',
    (_, read, interrupted, line) => {
      const outcome = describeBatch(read, { interrupted });
      expect(renderSummary(input(outcome)).split('\n')[2]).toBe(line);
    },
  );

  it('names at most 10 groups on that line, then counts the rest; none for a green batch', () => {
    const many = describeBatch(
      batch(
        'FAILED',
        Array.from({ length: 25 }, (_, i) => group(`shard_<${i}>`, 'FAILED')),
      ),
    );
    const line = renderSummary(input(many)).split('\n')[2]!;
    expect(line).toMatch(/^<p><strong>Failed:<\/strong> <code>shard_&#60;0&#62;<\/code>, /);
    expect(line).toContain('<code>shard_&#60;9&#62;</code> and 15 more</p>');
    expect(line).not.toContain('shard_&#60;10&#62;');
    const green = renderSummary(input(describeBatch(batch('SUCCEEDED')), { headline: 'Retried.' }));
    expect(green).not.toContain('<strong>Failed:</strong>');
  });

  it('counts even one group left unnamed, on that line and in Depends on', () => {
    const ids = Array.from({ length: 11 }, (_, i) => `shard_${i + 1}`);
    const out = renderSummary(
      input(
        describeBatch(
          batch('FAILED', [
            ...ids.map((id) => group(id, 'FAILED')),
            group('d1', 'SUCCEEDED'),
            group('package', 'SUCCEEDED', { dependsOn: ['d1', 'd2', 'd3', 'd4', 'd5', 'd6'] }),
          ]),
        ),
      ),
    );
    // Ten names and no count read as all of them: the eleventh failed group would go unseen.
    expect(out.split('\n')[2]).toMatch(/<code>shard_10<\/code> and 1 more<\/p>$/);
    const row = out.split('\n').find((l) => l.startsWith('<tr><td><code>package</code>'))!;
    expect(row).toContain('<code>d5</code> and 1 more</td>');
  });

  it('names no failed group while the batch has not ended: a group the step stopped waiting for is no failure', () => {
    const left = describeBatch(
      batch('IN_PROGRESS', [
        group('unit', 'FAILED'),
        group('e2e', 'IN_PROGRESS', { dependsOn: ['unit'] }),
      ]),
      { interrupted: true },
    );
    const out = renderSummary(input(left, { headline: 'Timed out after 10m.' }));
    expect(out).not.toContain('<strong>Failed:</strong>');
    expect(out).not.toContain('not run as a result');
  });

  it('draws a group the step stopped waiting for as cancelled, not in the blue of a running one', () => {
    // Timed out: the table said CANCELLED and the legend under the graph "blue: running".
    const stopped = describeBatch(
      batch('STOPPED', [
        group('build', 'SUCCEEDED'),
        group('e2e', 'IN_PROGRESS', { dependsOn: ['build'] }),
      ]),
      { interrupted: true },
    );
    const out = renderSummary(input(stopped, { headline: 'Timed out after 10m.' }));
    expect(out).toContain('🚫 CANCELLED');
    expect(out).toMatch(/g1\["e2e CANCELLED"\]:::CANCELLED/);
    expect(out).not.toContain('blue: running');
    expect(out).toMatch(/<sub>[^<]*cancelled[^<]*<\/sub>/);
  });

  it('says "Never started", not "as a result", when no group failed on its own', () => {
    const stopped = describeBatch(
      batch('STOPPED', [group('build', 'SUCCEEDED'), group('docs', 'PENDING')]),
    );
    expect(renderSummary(input(stopped)).split('\n')[2]).toBe(
      '<p><strong>Never started:</strong> <code>docs</code></p>',
    );
  });

  it('has one row per group with marker, attempts, duration, depends-on, ignore-failure and build link', () => {
    const rows = text.split('\n').filter((l) => l.startsWith('<tr><td>'));
    expect(rows).toHaveLength(4);
    expect(rows[1]).toMatch(
      /<td><code>unit<\/code><\/td><td>❌ FAILED<br><sub>BUILD — COMMAND_EXECUTION_ERROR: exit status 1<\/sub><\/td><td>2<\/td><td>2m 5s<\/td><td><\/td><td><code>build<\/code><\/td><td><\/td><td><a href="https:\/\/us-east-1\.console\.aws\.amazon\.com\/codesuite\/codebuild\/123456789012\/projects\/web-app\/build\/web-app%3A[^"]+\/\?region=us-east-1">build<\/a><\/td>/,
    );
    expect(rows[2]).toContain('<td>yes</td>');
    expect(rows[3]).toContain('⏹️ STOPPED');
  });

  it('draws the build graph with each node coloured by status', () => {
    expect(text).toContain('\n\n```mermaid\nflowchart LR\n');
    expect(text).toContain('g1["unit FAILED"]:::FAILED');
    expect(text).toContain('g0 --> g1');
    expect(text).toContain('g1 --> g3');
  });

  /** The graph's node labels for a failed batch with these groups (after "build"), as written. */
  const graphLabels = (names: string[]) => {
    const drawn = renderSummary(
      input(
        describeBatch(
          batch('FAILED', [
            group('build', 'SUCCEEDED'),
            ...names.map((name) => group(name, 'FAILED', { dependsOn: ['build'] })),
          ]),
        ),
      ),
    );
    return [...drawn.matchAll(/^ {2}g\d+\["([^"]*)"\]/gm)].map((m) => m[1]!);
  };

  // Mermaid reads Markdown in a label: "__proto__ FAILED" was drawn as a bold "proto FAILED", and "1.
  // FAILED", "- FAILED" and "www.example.com FAILED" as "Unsupported markdown: list" (or link),
  // without the name.
  it.each<[string, string[], RegExp]>([
    ['with underscores, never as emphasis', ['__proto__', '_private_', 'unit_tests'], /[_*]/],
    ['that Markdown reads as a list or a link', ['1.', '-', 'www.example.com'], /[.-]/],
  ])('draws group names %s, as they are', (_, names, markdown) => {
    const labels = graphLabels(names);
    expect(labels.filter((l) => markdown.test(l))).toEqual([]);
    const shown = labels.map((l) =>
      l.replace(/#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code))),
    );
    expect(shown).toEqual(expect.arrayContaining(names.map((name) => `${name} FAILED`)));
  });

  it('draws a character outside the BMP in a group name as one character, not two halves', () => {
    // An entity for each UTF-16 half (#55357;#56832;) is not a character: the browser draws "��".
    const codes = graphLabels(['deploy_🚀']).flatMap((label) =>
      [...label.matchAll(/#(\d+);/g)].map((c) => Number(c[1])),
    );
    expect(codes).toContain('🚀'.codePointAt(0));
    expect(codes.filter((c) => c >= 0xd800 && c <= 0xdfff)).toEqual([]);
  });

  it('puts the graph of more than 20 groups after the table, and that of fewer before it', () => {
    const shards = (n: number) =>
      describeBatch(
        batch('FAILED', [
          group('build', 'SUCCEEDED'),
          ...Array.from({ length: n - 1 }, (_, i) =>
            group(`shard_${i}`, i === 3 ? 'FAILED' : 'SUCCEEDED', { dependsOn: ['build'] }),
          ),
        ]),
      );
    // 21 boxes are taller than a screen: drawn first, they hid the failed rows and their reasons.
    const big = renderSummary(input(shards(21)));
    expect(big.indexOf('<table>')).toBeGreaterThan(0);
    expect(big.indexOf('```mermaid')).toBeGreaterThan(big.indexOf('</table>'));
    const small = renderSummary(input(shards(20)));
    expect(small.indexOf('```mermaid')).toBeGreaterThan(0);
    expect(small.indexOf('```mermaid')).toBeLessThan(small.indexOf('<table>'));
  });

  it('names at most 5 groups a group depends on, then counts the rest', () => {
    const shards = Array.from({ length: 118 }, (_, i) => `shard_${String(i + 1).padStart(3, '0')}`);
    const rows = renderSummary(
      input(
        describeBatch(
          batch('FAILED', [
            ...shards.map((id) => group(id, id === 'shard_005' ? 'FAILED' : 'SUCCEEDED')),
            group('package', 'STOPPED', { dependsOn: shards }),
          ]),
        ),
      ),
    )
      .split('\n')
      .filter((l) => l.startsWith('<tr><td><code>package</code>'));
    // 118 names made the column half the table wide, squeezing Status onto two lines in every row.
    const dependsOn = rows[0]!.split('</td><td>')[5]!;
    expect(dependsOn).toBe(
      '<code>shard_001</code> <code>shard_002</code> <code>shard_003</code> <code>shard_004</code> <code>shard_005</code> and 113 more',
    );
  });

  it('escapes everything that came from the service', () => {
    const hostile = describeBatch(
      batch('FAILED', [
        group('<img src=x onerror=alert(1)>', 'FAILED', { dependsOn: ['a"b'] }),
        group('a"b', '<script>' as never),
      ]),
    );
    const out = renderSummary(
      input(hostile, {
        reasons: new Map([['<img src=x onerror=alert(1)>', 'line one\n\n# heading\n<b>x</b>']]),
      }),
    );
    expect(out).not.toMatch(/<img|<script>|<b>x/);
    expect(out).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(out).toContain('line one # heading &#60;b&#62;x&#60;/b&#62;');
    expect(out).toContain('["#60;img src#61;x onerror#61;alert#40;1#41;#62; FAILED"]');
  });

  it('lets a long build-matrix name wrap in its cell, and copy as it is', () => {
    const long =
      'build_matrix_env_IMAGE_aws_codebuild_standard_7_0_ENV_VAR_NODE_VERSION_24_DATABASE_mysql_8_4';
    const rows = renderSummary(
      input(
        describeBatch(
          batch('FAILED', [
            group(long, 'FAILED'),
            group('package', 'STOPPED', { dependsOn: [long] }),
          ]),
        ),
      ),
    )
      .split('\n')
      .filter((l) => l.startsWith('<tr><td>'));
    // The name cell, and the depends-on cell of the group after it.
    const cells = [
      /^<tr><td>(.*?)<\/td>/.exec(rows[0]!)![1]!,
      /<td>(<code>build_.*?)<\/td>/.exec(rows[1]!)![1]!,
    ];
    for (const cell of cells) {
      // Without a break opportunity at least every 30 characters, the name pushes the Status column
      // out of sight (a table scrolls sideways on GitHub).
      const runs = cell.replace(/<\/?code>/g, '').split('<wbr>');
      expect(Math.max(...runs.map((r) => r.length))).toBeLessThanOrEqual(30);
      // <wbr> is no character: the name copies as it is.
      expect(cell.replaceAll('<wbr>', '')).toBe(`<code>${long}</code>`);
    }
  });

  it('stays under 100 KB for a 120-group batch', () => {
    const groups = [
      group('build', 'SUCCEEDED'),
      ...Array.from({ length: 119 }, (_, i) =>
        group(`shard_${i}`, i % 10 ? 'SUCCEEDED' : 'FAILED', { dependsOn: ['build'] }),
      ),
    ];
    const out = renderSummary(input(describeBatch(batch('FAILED', groups))));
    expect(Buffer.byteLength(out)).toBeLessThan(100 * 1024);
    expect(out.split('<tr><td>')).toHaveLength(121);
    // Too many nodes for a readable graph.
    expect(out).not.toContain('```mermaid');
  });

  it('degrades instead of exceeding the limit: links go, then succeeded rows, then rows are cut', () => {
    const groups = Array.from({ length: 400 }, (_, i) =>
      group(`group_${i}`, i % 2 ? 'SUCCEEDED' : 'FAILED'),
    );
    const outcome = describeBatch(batch('FAILED', groups));
    const full = renderSummary(input(outcome));
    const size = Buffer.byteLength(full);

    const noLinks = renderSummary(input(outcome), size - 1);
    expect(noLinks).not.toContain('>build</a>');
    expect(noLinks.split('<tr><td>')).toHaveLength(401);

    const failedOnly = renderSummary(input(outcome), Buffer.byteLength(noLinks) - 1);
    expect(failedOnly).toContain('200 of 400 build groups succeeded; the others:');
    expect(failedOnly.split('<tr><td>')).toHaveLength(201);

    const cut = renderSummary(input(outcome), 20_000);
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(20_000);
    expect(cut).toMatch(/… and \d+ more build groups that did not succeed/);
  });
});

describe('renderGraph', () => {
  // CodeBuild's synthetic group, with no dependsOn key at all.
  const downloadSource = (status = 'SUCCEEDED') => {
    const g = group('DOWNLOAD_SOURCE', status);
    delete g.dependsOn;
    return g;
  };

  it('is left out when no group depends on another', () => {
    expect(
      renderGraph(
        describeBatch(
          batch('FAILED', [downloadSource(), group('a', 'FAILED'), group('b', 'SUCCEEDED')]),
        ).groups,
      ),
    ).toBeUndefined();
  });

  // Unconnected, DOWNLOAD_SOURCE was laid out beside build and the edge build → unit ran under its
  // box, reading as DOWNLOAD_SOURCE → unit. Joined to the groups that start from it, it comes first.
  it('is drawn for up to 50 groups, as the docs say, and left out above', () => {
    const chain = (n: number) =>
      describeBatch(
        batch(
          'FAILED',
          Array.from({ length: n }, (_, i) =>
            group(`g${i}`, 'FAILED', { dependsOn: i > 0 ? [`g${i - 1}`] : [] }),
          ),
        ),
      );
    expect(renderGraph(chain(50).groups)).toContain('flowchart LR');
    expect(renderGraph(chain(51).groups)).toBeUndefined();
  });

  it('starts from DOWNLOAD_SOURCE: a dotted arrow to each group that depends on no other', () => {
    const text = renderGraph(
      describeBatch(
        batch('FAILED', [
          downloadSource(),
          group('build', 'SUCCEEDED'),
          group('lint', 'FAILED', { ignoreFailure: true }),
          group('unit', 'FAILED', { dependsOn: ['build'] }),
        ]),
      ).groups,
    )!;
    const arrows = text.split('\n').filter((l) => l.includes('->'));
    expect(arrows.sort()).toEqual(['  g0 -.-> g1', '  g0 -.-> g2', '  g1 --> g3']);
  });

  it('ends with a one-line legend naming the colours and boxes it uses, and only those', () => {
    const text = renderGraph(graph.groups)!;
    const legend = text.slice(text.lastIndexOf('```') + 3).trim();
    expect(legend.split('\n')).toHaveLength(1);
    expect(legend).toMatch(/^<p><sub>.*<\/sub><\/p>$/);
    for (const shown of [
      'green: succeeded',
      'red: failed',
      'dashed orange: failed, ignore-failure',
      'dashed grey: not run',
      'an arrow points from a group to the groups that depend on it',
    ])
      expect(legend).toContain(shown);
    for (const absent of ['flaky', 'stopped', 'timed out', 'running', 'DOWNLOAD_SOURCE'])
      expect(legend).not.toContain(absent);
  });

  // A status newer than the action (CodeBuild adds values to StatusType) in a batch that has ended:
  // the failure sentence counts the group as failed, so the graph must not draw it as running.
  it('draws a status it does not know, in a batch that has ended, as failed, not running', () => {
    const ended = describeBatch(
      batch('FAILED', [
        group('build', 'SUCCEEDED'),
        group('unit', 'PARTIALLY_SUCCEEDED', { dependsOn: ['build'] }),
      ]),
    );
    expect(ended.failedGroups).toEqual(['unit']);
    const text = renderGraph(ended.groups, ended.complete)!;
    expect(text).toContain('["unit PARTIALLY#95;SUCCEEDED"]:::FAILED');
    expect(text).not.toContain('running');
    // While the batch runs, a status the action does not know is still taken for running.
    const running = describeBatch(
      batch('IN_PROGRESS', [
        group('build', 'SUCCEEDED'),
        group('unit', 'PARTIALLY_SUCCEEDED', { dependsOn: ['build'] }),
      ]),
    );
    expect(renderGraph(running.groups, running.complete)).toContain(
      '["unit PARTIALLY#95;SUCCEEDED"]:::RUNNING',
    );
  });

  it('names flaky and the source arrows in the legend when they are drawn', () => {
    const text = renderGraph(
      describeBatch(
        batch('FAILED', [
          downloadSource(),
          group('build', 'SUCCEEDED', { prior: 1 }),
          group('unit', 'FAILED', { dependsOn: ['build'] }),
          group('e2e', undefined, { dependsOn: ['unit'] }),
        ]),
      ).groups,
    )!;
    const legend = text.slice(text.lastIndexOf('```') + 3);
    expect(legend).toContain('thick amber border: flaky');
    expect(legend).toContain('dotted from DOWNLOAD_SOURCE');
  });

  it("labels a box with its group's text in its order: no bidirectional control nor colour code", () => {
    const text = renderGraph(
      describeBatch(
        batch('FAILED', [
          group('build', 'SUCCEEDED'),
          group('unit\u202e\u001b[32m', 'FAILED', { dependsOn: ['build'] }),
        ]),
      ).groups,
    )!;
    expect(text).toContain('g1["unit FAILED"]');
  });
});

describe('escapeHtml', () => {
  it('escapes markup and folds line breaks', () => {
    expect(escapeHtml(`<a href='x'>&"\r\n\n`)).toBe('&#60;a href=&#39;x&#39;&#62;&#38;&#34; ');
  });
});

describe('renderFailure', () => {
  it.each([
    ['start', '<h2>❌ CodeBuild batch start failed</h2>'],
    ['retry', '<h2>❌ CodeBuild batch retry failed</h2>'],
  ] as const)('heads a failure of a %s step with what it was asked to do', (mode, heading) => {
    expect(renderFailure('Input "x" is "<b>".', 61_000, mode)).toBe(
      `${heading}\n<p>${escapeHtml('Input "x" is "<b>".')}</p>\n<p>step time 1m 1s</p>\n`,
    );
  });
});

describe('startedHeadline', () => {
  const SHA = '0a1b2c3d4e5f60718293a4b5c6d7e8f901234567';
  it.each<[string, Partial<BuildBatch>, number, string]>([
    [
      'the resolved commit, short',
      { resolvedSourceVersion: SHA, sourceVersion: 'main' },
      0,
      'Started batch #42 for 0a1b2c3, not retried, ended SUCCEEDED.',
    ],
    [
      'a requested commit before it resolved',
      { sourceVersion: SHA.toUpperCase() },
      1,
      'Started batch #42 for 0A1B2C3, retried once, ended SUCCEEDED.',
    ],
    [
      'a branch as it is',
      { sourceVersion: 'pr/123' },
      3,
      'Started batch #42 for pr/123, retried 3 times, ended SUCCEEDED.',
    ],
    [
      'no version at all',
      {},
      2,
      "Started batch #42 for the project's source version, retried 2 times, ended SUCCEEDED.",
    ],
  ])('names %s', (_, extra, retries, expected) => {
    expect(startedHeadline({ ...batch('SUCCEEDED'), ...extra }, retries)).toBe(expected);
  });

  it('says when the step followed a batch another step with the same request started', () => {
    expect(startedHeadline({ ...batch('SUCCEEDED'), sourceVersion: SHA }, 1, true)).toBe(
      'Followed batch #42 for 0a1b2c3 (started by another step with the same request), retried once, ended SUCCEEDED.',
    );
  });
});

describe('the diagnosis in the summary', () => {
  const outcome = describeBatch(
    batch('FAILED', [
      group('build', 'SUCCEEDED', {
        priorBuildSummaryList: [{ arn: 'p', buildStatus: 'FAILED' }],
      }),
      group('unit', 'FAILED', { dependsOn: ['build'] }),
      group('e2e', 'STOPPED', { dependsOn: ['unit'] }),
      group('lint', 'FAILED', { ignoreFailure: true }),
    ]),
  );
  const groupOf = (id: string, extra: Partial<GroupDiagnosis> = {}): GroupDiagnosis => ({
    identifier: id,
    failingCases: [],
    moreCases: 0,
    ...extra,
  });
  /** unit: `lines` log lines of `width` characters and `cases` failing cases. */
  const diagnosis = (lines: number, width: number, cases: number): Diagnosis => ({
    artifacts: [{ identifier: 'batch', location: 'arn:aws-cn:s3:::bucket/out.zip', type: 'S3' }],
    groups: new Map([
      ['build', groupOf('build', { tests: { total: 10, passed: 10, failed: 0, skipped: 0 } })],
      [
        'unit',
        groupOf('unit', {
          logsLink: 'https://console.aws.amazon.com/cloudwatch/home#logEvent:group=x;stream=y',
          log: {
            kind: 'tail',
            lines: Array.from({ length: lines }, (_, i) => `${i}:${'<'.repeat(width)}`),
            read: lines,
          },
          tests: { total: 12, passed: 9, failed: cases, skipped: 0, lineCoverage: 71.2 },
          failingCases: Array.from({ length: cases }, (_, i) => ({
            suite: 'suite',
            name: `case ${i} ${'y'.repeat(100)}`,
            status: 'FAILED',
            message: 'boom',
            durationMs: 10,
          })),
        }),
      ],
      ['lint', groupOf('lint', { log: { kind: 's3', link: 'https://s3.example/lint.gz' } })],
    ]),
  });
  const rows = (text: string) => text.split('\n').filter((l) => l.startsWith('<tr><td><code>'));

  it.each<[TestTotals | undefined, string]>([
    [undefined, ''],
    [{ total: 416, passed: 412, failed: 3, skipped: 1 }, '412 passed · 3 failed · 1 skipped'],
    [{ total: 5, passed: 5, failed: 0, skipped: 0, lineCoverage: 87.5 }, '5 passed · 87.5% lines'],
    [{ total: 0, passed: 0, failed: 0, skipped: 0, lineCoverage: 50 }, '50% lines'],
    [
      { total: 5, passed: 4, failed: 1, skipped: 0, incomplete: true },
      '4 passed · 1 failed · report incomplete',
    ],
    // A test report with no counts yet: not "0 passed".
    [{ total: 0, passed: 0, failed: 0, skipped: 0, incomplete: true }, 'report incomplete'],
  ])('the Tests cell of %j is %j', (tests, cell) => {
    expect(testsCell(tests)).toBe(cell);
  });

  it('marks flaky, not-run and ignored groups, each in its own style', () => {
    const text = renderSummary(input(outcome, { diagnosis: diagnosis(3, 5, 1) }));
    const [build, unit, e2e, lint] = rows(text);
    expect(build).toContain(
      '✅ SUCCEEDED<br><sub>flaky: failed earlier in this batch, then passed</sub>',
    );
    expect(unit).toContain('❌ FAILED');
    expect(e2e).toContain('⏹️ STOPPED<br><sub>not run: unit failed</sub>');
    expect(lint).toContain('⚠️ FAILED<br><sub>ignore-failure: does not fail the batch</sub>');
    expect(text).toContain('["build SUCCEEDED flaky"]:::FLAKY');
    expect(text).toContain('["e2e not run"]:::NOT_RUN');
    expect(text).toContain('["lint FAILED ignored"]:::IGNORED');
    expect(unit).toContain('<td>9 passed · 1 failed · 71.2% lines</td>');
    expect(unit).toContain('>logs</a>');
    expect(text).toContain('href="https://console.amazonaws.cn/s3/buckets/bucket?prefix=out.zip"');
    expect(text).toContain('The log is in S3 only: <a href="https://s3.example/lint.gz">');
  });

  it('says "not run" for a group that never ran, in the Attempts column, with no log note', () => {
    const notRun = describeBatch(
      batch('FAILED', [
        group('unit', 'FAILED'),
        group('e2e', 'STOPPED', {
          dependsOn: ['unit'],
          priorBuildSummaryList: [{ arn: 'p', buildStatus: 'STOPPED' }],
        }),
        group('api', 'STOPPED', {
          dependsOn: ['unit'],
          priorBuildSummaryList: [{ arn: 'q', buildStatus: 'FAILED' }],
        }),
        group('queued', 'STOPPED'),
      ]),
    );
    const text = renderSummary(
      input(notRun, {
        diagnosis: {
          artifacts: [],
          groups: new Map([
            ['e2e', groupOf('e2e')],
            ['api', groupOf('api')],
            ['queued', groupOf('queued', { notRun: true })],
          ]),
        },
      }),
    );
    const [, e2e, api, queued] = rows(text);
    expect(e2e).toContain(
      '<td>⏹️ STOPPED<br><sub>not run: unit failed</sub></td><td>not run</td><td>—</td>',
    );
    // Its first build ran and failed: the attempts it had are kept.
    expect(api).toContain('<td>⏹️ STOPPED<br><sub>not run: unit failed</sub></td><td>2</td>');
    expect(queued).toContain('<td>⏹️ STOPPED<br><sub>not run</sub></td><td>not run</td><td>—</td>');
    expect(text).not.toContain('wrote no log lines');
  });

  it("escapes the project, the groups depended on, and a failing case's status and message", () => {
    const tag = '<img src=x onerror=alert(1)>';
    const hostile = describeBatch({
      ...batch('FAILED', [group('unit', 'FAILED', { dependsOn: [tag] })]),
      projectName: tag,
    });
    const d: Diagnosis = {
      artifacts: [],
      groups: new Map([
        [
          'unit',
          groupOf('unit', {
            failingCases: [{ suite: 's', name: 'c', status: tag, message: tag }],
          }),
        ],
      ]),
    };
    const text = renderSummary(input(hostile, { diagnosis: d }));
    expect(text).not.toContain('<img');
    const escaped = escapeHtml(tag);
    expect(text).toContain(`Project <code>${escaped}</code>`);
    expect(rows(text)[0]).toContain(`<code>${escaped}</code>`);
    expect(text).toContain(`<li><code>s › c</code> ${escaped}: ${escaped}</li>`);
  });

  it('keeps a blank log line from ending the HTML block', () => {
    const d = diagnosis(0, 0, 0);
    d.groups.get('unit')!.log = { kind: 'tail', lines: ['a', '', '   ', 'b'], read: 4 };
    const text = renderSummary(input(outcome, { diagnosis: d }));
    const table = text.slice(text.indexOf('<table>'), text.indexOf('</table>'));
    expect(table).not.toMatch(/\n\s*\n/);
    expect(table).toContain('<pre>a\n&#160;\n&#160;\nb</pre>');
  });

  it('measures a rendering to the byte before it keeps it, and gives it as parts to write', () => {
    const d = diagnosis(300, 5, 3);
    const full = renderSummary(input(outcome, { diagnosis: d }), Infinity);
    const size = Buffer.byteLength(full);
    // Exactly the limit: the whole rendering; one byte less: shrunk to fit.
    expect(renderSummary(input(outcome, { diagnosis: d }), size)).toBe(full);
    const shrunk = renderSummary(input(outcome, { diagnosis: d }), size - 1);
    expect(shrunk).not.toBe(full);
    expect(Buffer.byteLength(shrunk)).toBeLessThanOrEqual(size - 1);
    expect(summaryParts(input(outcome, { diagnosis: d }), size - 1).join('')).toBe(shrunk);
  });

  it('shrinks log tails first (newest lines kept), then failing cases, never the group rows', () => {
    const d = diagnosis(1000, 200, 20);
    const full = renderSummary(input(outcome, { diagnosis: d }), Infinity);
    expect(full).toContain('<summary>Last 1000 log lines</summary>');

    const limit = 200_000;
    const tailsCut = renderSummary(input(outcome, { diagnosis: d }), limit);
    expect(Buffer.byteLength(tailsCut)).toBeLessThanOrEqual(limit);
    expect(tailsCut).toMatch(
      /<summary>Last \d+ log lines \(\d+ earlier lines left out to fit the summary\)/,
    );
    expect(tailsCut).toContain(`999:${'&#60;'.repeat(200)}`);
    expect(tailsCut).not.toContain(`\n0:`);
    expect(tailsCut.match(/<li><code>suite › case/g)).toHaveLength(20);

    // No room for any tail: the tail goes, then cases are cut down (4,300 bytes: the head, the graph
    // and its legend, the rows and five cases per group).
    const casesCut = renderSummary(input(outcome, { diagnosis: d }), 4_300);
    expect(Buffer.byteLength(casesCut)).toBeLessThanOrEqual(4_300);
    expect(casesCut).not.toContain('log lines</summary>');
    expect(casesCut).toContain('left out to keep the summary under');
    // Cut to the first step that fits: five cases per group (the rest counted).
    expect(casesCut.match(/<li><code>suite › case/g)).toHaveLength(5);
    expect(rows(casesCut)).toHaveLength(4);
  });
});

// Identifiers and statuses are service text: a member of Object.prototype is a name like any other.
describe.each(PROTOTYPE_NAMES)('a group, and a status, named %s', (name) => {
  const outcome = describeBatch(
    batch('FAILED', [group('unit', name), group(name, 'FAILED', { dependsOn: ['unit'] })]),
  );
  const diagnosis: Diagnosis = {
    artifacts: [{ identifier: name, location: 'arn:aws:s3:::bucket/out.zip', type: 'S3' }],
    groups: new Map([
      [
        name,
        {
          identifier: name,
          log: { kind: 'tail', lines: ['the last line'], read: 1 },
          tests: { total: 2, passed: 1, failed: 1, skipped: 0 },
          failingCases: [{ name: 'a case', status: 'FAILED' }],
          moreCases: 0,
        },
      ],
    ]),
  };

  it.each([
    ['with the diagnosis of that group only', { diagnosis }],
    ['with reasons and durations', { reasons: new Map([[name, 'why']]), durations: new Map() }],
    ['with nothing read', {}],
  ])('renders every row %s', (_, extra: Partial<SummaryInput>) => {
    const text = renderSummary(input(outcome, extra));
    const rows = text.split('\n').filter((l) => l.startsWith('<tr><td><code>'));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain(`<td><code>unit</code></td><td>❔ ${name}</td>`);
    expect(rows[1]).toContain(`<td><code>${name}</code></td><td>❌ FAILED`);
    // A status it does not know, in a batch that ended: counted, and drawn, as failed; underscores are
    // drawn from entities (Mermaid would read __proto__ as bold).
    expect(text).toContain(`["unit ${name.replaceAll('_', '#95;')}"]:::FAILED`);
    expect(text).not.toMatch(/native code|undefined|function/);
  });

  it('shows its tests, failing case, log tail and artifact', () => {
    const text = renderSummary(input(outcome, { diagnosis }));
    expect(text).toContain('<td>1 passed · 1 failed</td>');
    expect(text).toContain('<li><code>a case</code></li>');
    expect(text).toContain('<pre>the last line</pre>');
    expect(text).toContain(`<li><code>${name}</code>: <a href=`);
  });

  it('takes the reason given for it', () => {
    const text = renderSummary(input(outcome, { reasons: new Map([[name, 'why']]) }));
    expect(text).toContain('❌ FAILED<br><sub>why</sub>');
  });
});
