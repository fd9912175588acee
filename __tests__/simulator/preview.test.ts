// The demo's HTML preview (simulator/render.mjs) must draw its graph offline: no script from the network,
// and every script it loads written next to it.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writePreview } from '../../simulator/render.mjs';

const markdown = [
  '<h2>✅ CodeBuild batch <a href="https://console.aws.amazon.com/codesuite/codebuild">web-app:1</a></h2>',
  '```mermaid',
  'flowchart LR',
  '  g0["build SUCCEEDED"] --> g1["test SUCCEEDED"]',
  '```',
].join('\n');

describe('the demo preview page', () => {
  const dir = mkdtempSync(join(tmpdir(), 'preview-'));
  const page = readFileSync(writePreview(dir, markdown, 'demo'), 'utf8');
  const scripts = [...page.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];

  it('loads no script from the network', () => {
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).not.toMatch(/src="(https?:)?\/\//);
      expect(body).not.toMatch(/https?:\/\//);
    }
  });

  it('has every script it loads next to it, mermaid among them', () => {
    const sources = scripts.flatMap(
      ([, attributes]) => /src="([^"]+)"/.exec(attributes!)?.[1] ?? [],
    );
    expect(sources).toContain('mermaid.min.js');
    for (const source of sources) expect(existsSync(join(dir, source))).toBe(true);
  });

  it('hands the graph to mermaid and keeps the rest of the summary', () => {
    expect(page).toContain('<pre class="mermaid">flowchart LR');
    expect(page).toContain('href="https://console.aws.amazon.com/codesuite/codebuild"');
  });
});

describe('the demo preview with the GitHub side', () => {
  it('draws the check runs and the comment beside the summary', () => {
    const dir = mkdtempSync(join(tmpdir(), 'preview-'));
    const page = readFileSync(
      writePreview(dir, markdown, 'demo', {
        checkRuns: [
          {
            name: 'web-app/unit',
            status: 'completed',
            conclusion: 'failure',
            output: { title: 'FAILED', summary: '<p>unit failed</p>', text: '<pre>log</pre>' },
          },
        ],
        comments: [
          {
            body: '<!-- codebuild-batch-retry project=web-app job=ci -->\n<h3>❌ CodeBuild batch</h3>',
            user: { login: 'github-actions[bot]', type: 'Bot' },
          },
        ],
      }),
      'utf8',
    );
    const columns = page.indexOf('<div class="columns">');
    expect(columns).toBeGreaterThan(0);
    expect(page.indexOf('CodeBuild batch <a')).toBeGreaterThan(columns);
    expect(page.indexOf('<strong>web-app/unit</strong>')).toBeGreaterThan(
      page.indexOf('CodeBuild batch <a'),
    );
    expect(page).toContain('<p>unit failed</p>');
    expect(page).toContain('<h3>❌ CodeBuild batch</h3>');
  });
});
