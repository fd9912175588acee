import {
  COMMENT_MAX_CHARS,
  commentAction,
  commentBody,
  commentMarker,
  isOurComment,
  siblingBatch,
  writerLine,
} from '../../src/report/comment.js';
import { describeBatch } from '../../src/report/outcome.js';
import { batch, group } from '../fixtures.js';

const MARKER = commentMarker({ project: 'web-app', job: 'ci' });
const RUN = 'https://github.com/example/web-app/actions/runs/7/attempts/2';

describe('the marker', () => {
  it('names the project and the job, and nothing in them can end the HTML comment', () => {
    expect(MARKER).toBe('<!-- codebuild-batch-retry project=web-app job=ci -->');
    const odd = commentMarker({ project: 'a-->b', job: 'job <x>' });
    expect(odd).toBe('<!-- codebuild-batch-retry project=a--%3Eb job=job%20%3Cx%3E -->');
    expect(odd.indexOf('-->')).toBe(odd.length - 3);
  });

  it.each([
    ['a bot comment that begins with it', { type: 'Bot' }, `${MARKER}\nbody`, true],
    // A comment saved from GitHub's web editor comes back with CRLF line ends.
    ['the same, edited by a maintainer on GitHub', { type: 'Bot' }, `${MARKER}\r\nbody`, true],
    ['a person quoting it', { type: 'User' }, `${MARKER}\nbody`, false],
    ['a bot comment that mentions it later', { type: 'Bot' }, `hello\n${MARKER}\n`, false],
    [
      "another job's comment",
      { type: 'Bot' },
      `${commentMarker({ project: 'web-app', job: 'deploy' })}\nbody`,
      false,
    ],
    [
      'a longer project name that begins with this one',
      { type: 'Bot' },
      `${commentMarker({ project: 'web-app-2', job: 'ci' })}\nbody`,
      false,
    ],
    ['a deleted user', null, `${MARKER}\nbody`, false],
    ['a bot comment that quotes it on its first line', { type: 'Bot' }, `${MARKER} said\n`, false],
  ])('%s → %s', (_, user, body, ours) => {
    expect(isOurComment({ body, user: user as never }, MARKER)).toBe(ours);
  });
});

describe('the marker with check-name and a batch', () => {
  it('adds them only when given, so comments of earlier versions are found again', () => {
    expect(commentMarker({ project: 'web-app', job: 'ci', name: 'web-app-arm' })).toBe(
      '<!-- codebuild-batch-retry project=web-app job=ci name=web-app-arm -->',
    );
    expect(commentMarker({ project: 'web-app', job: 'ci', batch: 'web-app:1-->' })).toBe(
      '<!-- codebuild-batch-retry project=web-app job=ci batch=web-app%3A1--%3E -->',
    );
  });
});

describe('siblingBatch: another leg of this run attempt wrote the comment', () => {
  const me = { run: RUN, batch: 'web-app:b' };
  it.each([
    ['another batch, this run attempt', { run: RUN, batch: 'web-app:a' }, 'web-app:a'],
    ['this batch, this run attempt (this step, earlier)', me, undefined],
    ['another batch, an earlier attempt', { run: `${RUN}x`, batch: 'web-app:a' }, undefined],
  ])('%s → %s', (_, writer, expected) => {
    const body = `${MARKER}\n${writerLine(writer)}\n<h3>…</h3>`;
    expect(siblingBatch(body, me)).toBe(expected);
  });

  it('reads the line of a comment edited on GitHub (CRLF line ends)', () => {
    const body = `${MARKER}\r\n${writerLine({ run: RUN, batch: 'web-app:a' })}\r\n<h3>…</h3>`;
    expect(siblingBatch(body, me)).toBe('web-app:a');
  });

  it('finds nothing in a comment without the line (an earlier version wrote it)', () => {
    expect(siblingBatch(`${MARKER}\n<h3>…</h3>`, me)).toBeUndefined();
  });
});

describe('commentAction', () => {
  it.each([
    ['never', false, false, 'none'],
    ['never', false, true, 'none'],
    ['always', true, false, 'create'],
    ['always', false, true, 'update'],
    ['failure', false, false, 'create'],
    ['failure', false, true, 'update'],
    // Green with no red comment before: nothing to say.
    ['failure', true, false, 'none'],
    // Green after a red comment: it is edited to say so, not deleted.
    ['failure', true, true, 'update'],
  ] as const)('%s, succeeded %s, existing %s → %s', (mode, succeeded, existing, action) => {
    expect(commentAction(mode, succeeded, existing)).toBe(action);
  });
});

describe('commentBody', () => {
  const outcome = describeBatch(
    batch('FAILED', [
      group('build', 'SUCCEEDED'),
      group('unit', 'FAILED', { prior: 1 }),
      group('e2e', 'STOPPED', { dependsOn: ['unit'] }),
      group('lint', 'FAILED', { ignoreFailure: true }),
    ]),
  );

  it('begins with the marker, then a headline, the groups (status, tests, attempts) and links', () => {
    const body = commentBody({
      marker: MARKER,
      outcome,
      headline: 'Retried once (RETRY_FAILED_BUILDS); the batch ended FAILED.',
      runUrl: RUN,
      diagnosis: {
        groups: new Map([
          [
            'unit',
            {
              identifier: 'unit',
              failingCases: [],
              moreCases: 0,
              tests: { total: 9, passed: 7, failed: 2, skipped: 0 },
            },
          ],
        ]),
        artifacts: [],
      },
    });
    const lines = body.split('\n');
    expect(lines[0]).toBe(MARKER);
    expect(lines[1]).toMatch(
      /^<h3>❌ CodeBuild batch <a href="https:\/\/us-east-1\.console\.aws\.amazon\.com\/codesuite\/codebuild\/123456789012\/projects\/web-app\/batch\/web-app%3A[^"]+">web-app #\u206042<\/a>: FAILED<\/h3>$/,
    );
    expect(lines[2]).toBe(
      '<p>Retried once &#40;RETRY&#95;FAILED&#95;BUILDS&#41;; the batch ended FAILED.</p>',
    );
    // What failed, before the table: on a pull request it is the first thing looked for.
    expect(lines[3]).toBe(
      '<p><strong>Failed:</strong> <code>unit</code> · <strong>not run as a result:</strong> <code>e2e</code> · <strong>failed, but ignore-failure:</strong> <code>lint</code></p>',
    );
    expect(body).toContain(
      '<tr><th>Build group</th><th>Status</th><th>Tests</th><th>Attempts</th></tr>',
    );
    expect(body).toContain(
      '<tr><td><code>unit</code></td><td>❌ FAILED</td><td>7 passed · 2 failed</td><td>2</td></tr>',
    );
    expect(body).toContain('<td>⏹️ STOPPED &#40;not run&#41;</td>');
    expect(body).toContain('<td>⚠️ FAILED &#40;ignore-failure&#41;</td>');
    expect(body).toContain(`<a href="${RUN}">Workflow run</a>`);
    expect(body).toContain('>Batch in the CodeBuild console</a>');
    expect(body).not.toContain('green now');
  });

  it("promises the job summary's reasons, tests and log tails only for a batch that ended red", () => {
    const foot = (status: 'FAILED' | 'SUCCEEDED' | 'IN_PROGRESS') =>
      commentBody({
        marker: MARKER,
        outcome: describeBatch(batch(status, [group('unit', status)])),
        headline: 'h',
        runUrl: RUN,
      })
        .split('\n')
        .find((line) => line.includes('Workflow run'));
    expect(foot('FAILED')).toContain(
      'its job summary has each failed group’s reason, tests and log tail',
    );
    // Green, or still running (wait: false): there is no reason or log tail to point to.
    for (const status of ['SUCCEEDED', 'IN_PROGRESS'] as const) {
      expect(foot(status)).toContain('its job summary has every group');
      expect(foot(status)).not.toContain('log tail');
    }
  });

  it('says "not run" under Attempts for a group that never ran, as the summary does', () => {
    // Retried after its dependency failed twice: two builds, both stopped before they started.
    const stopped = describeBatch(
      batch('FAILED', [
        group('unit', 'FAILED', { prior: 1 }),
        group('e2e', 'STOPPED', {
          dependsOn: ['unit'],
          priorBuildSummaryList: [{ arn: 'arn:x', buildStatus: 'STOPPED' }],
        }),
      ]),
    );
    const body = commentBody({ marker: MARKER, outcome: stopped, headline: 'h' });
    expect(body).toContain(
      '<tr><td><code>e2e</code></td><td>⏹️ STOPPED &#40;not run&#41;</td><td></td><td>not run</td></tr>',
    );
  });

  it('says a batch is green now when the comment had said it was red', () => {
    const green = describeBatch(batch('SUCCEEDED', [group('unit', 'SUCCEEDED', { prior: 1 })]));
    const body = commentBody({ marker: MARKER, outcome: green, headline: 'ok', greenNow: true });
    expect(body.split('\n')[1]).toMatch(/^<h3>✅ .*: SUCCEEDED — green now<\/h3>$/);
  });

  it('lets no service text mention anyone, link anything or close the marker', () => {
    const hostile = describeBatch(batch('FAILED', [group('@admin <!-- -->', 'FAILED')]));
    const body = commentBody({
      marker: MARKER,
      outcome: hostile,
      headline: 'ping @admin, see [x](y) #3',
    });
    expect(body.indexOf('-->')).toBe(MARKER.length - 3);
    expect(body).not.toMatch(/@admin|#3|\]\(/);
  });

  it('lets a long build-matrix name wrap in its cell, and copy as it is', () => {
    const long =
      'build_matrix_env_IMAGE_aws_codebuild_standard_7_0_ENV_VAR_NODE_VERSION_24_DATABASE_mysql_8_4';
    const body = commentBody({
      marker: MARKER,
      outcome: describeBatch(batch('FAILED', [group(long, 'FAILED')])),
      headline: 'h',
    });
    const cell = /<tr><td><code>(.*?)<\/code><\/td>/.exec(body)![1]!;
    // Without a break opportunity at least every 30 characters, the name pushes the Status column
    // out of sight (a table scrolls sideways on GitHub).
    const runs = cell.replaceAll('&#95;', '_').split('<wbr>');
    expect(Math.max(...runs.map((r) => r.length))).toBeLessThanOrEqual(30);
    expect(cell.replaceAll('<wbr>', '')).toBe(long.replaceAll('_', '&#95;'));
  });

  it('stays within 65,536 characters: the groups that succeeded are counted, then the rest are cut', () => {
    const many = describeBatch(
      batch(
        'FAILED',
        Array.from({ length: 3000 }, (_, i) =>
          group(`shard_${'x'.repeat(20)}_${i}`, i % 3 === 0 ? 'FAILED' : 'SUCCEEDED'),
        ),
      ),
    );
    const body = commentBody({ marker: MARKER, outcome: many, headline: 'h', runUrl: RUN });
    expect(body.length).toBeLessThanOrEqual(COMMENT_MAX_CHARS);
    expect(body).toContain('<p>2000 more build groups succeeded.</p>');
    expect(body).toMatch(
      /<p>… and \d+ more build groups that did not succeed \(see the job summary\)\.<\/p>/,
    );
    expect(body.startsWith(`${MARKER}\n`)).toBe(true);
    expect(body).toContain(`<a href="${RUN}">Workflow run</a>`);
  });
});
