// Shows a job summary outside GitHub: as plain text for a terminal, and as an HTML page.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** Mermaid's browser build, from the project's own dev dependency: the preview draws its graph offline. */
export const MERMAID_FILE = 'mermaid.min.js';

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };
const decode = (s) =>
  s.replace(/&(#\d+|\w+);/g, (m, e) =>
    e.startsWith('#') && e !== '#39'
      ? String.fromCodePoint(Number(e.slice(1)))
      : (ENTITIES[e] ?? m),
  );
const text = (html) => decode(html.replace(/<br>/g, ' — ').replace(/<[^>]+>/g, '')).trim();
// Emoji are two columns wide in a terminal.
const width = (s) =>
  [...s].reduce(
    (n, c) => n + (/\p{Extended_Pictographic}/u.test(c) ? 2 : c === '\ufe0f' ? 0 : 1),
    0,
  );
const pad = (s, n) => s + ' '.repeat(Math.max(0, n - width(s)));

/** A detail row's HTML (failing tests, a log tail, a note) as indented terminal lines. */
function detailLines(html) {
  return html
    .join('\n')
    .replace(/<li>/g, '\n• ')
    .replace(/<\/summary>|<pre>|<\/p>/g, '\n')
    .split('\n')
    .map((line) => decode(line.replace(/<[^>]+>/g, '')).replace(/\u00a0/g, ''))
    .filter((line) => line.trim() !== '')
    .map((line) => `      ${line}`);
}

/** The summary as terminal text: headings and paragraphs as lines, the table aligned (each group's details under its row), the graph left as is. */
export function summaryAsText(markdown) {
  const out = [];
  const table = [];
  const details = new Map();
  let detail;
  for (const line of markdown.split('\n')) {
    if (detail) {
      if (line.endsWith('</td></tr>')) {
        details.set(table.length - 1, detailLines(detail));
        detail = undefined;
      } else detail.push(line);
    } else if (line.startsWith('<tr><td colspan')) {
      detail = [];
    } else if (line.startsWith('<tr>')) {
      table.push([...line.matchAll(/<t[hd]>(.*?)<\/t[hd]>/g)].map((m) => text(m[1])));
    } else if (line === '</table>') {
      const columns = table[0].map((_, i) =>
        Math.min(60, Math.max(...table.map((r) => width(r[i] ?? '')))),
      );
      for (const [n, row] of table.entries()) {
        out.push(
          `  ${row.map((c, i) => pad(c.length > 60 ? `${c.slice(0, 57)}...` : c, columns[i])).join('  ')}`,
        );
        if (n === 0) out.push(`  ${columns.map((w) => '─'.repeat(w)).join('  ')}`);
        out.push(...(details.get(n) ?? []));
      }
      table.length = 0;
      details.clear();
    } else if (!line.startsWith('<table>')) {
      out.push(line.startsWith('<') ? text(line) : line);
    }
  }
  return out.join('\n');
}

/** A standalone page: the summary's HTML as is, Mermaid drawn by the mermaid.min.js next to it. */
export function summaryAsHtml(markdown, title) {
  const body = markdown.replace(
    /```mermaid\n([\s\S]*?)```/g,
    (_, graph) => `<pre class="mermaid">${graph.replace(/</g, '&lt;')}</pre>`,
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>
body { font: 14px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", Helvetica, Arial, sans-serif; color: #1f2328; max-width: 1100px; margin: 2em auto; padding: 0 1em; }
table { border-collapse: collapse; } th, td { border: 1px solid #d1d9e0; padding: 6px 13px; text-align: left; vertical-align: top; }
tr:nth-child(2n) { background: #f6f8fa; } code { background: #eff1f3; padding: .2em .4em; border-radius: 6px; font-size: 85%; }
a { color: #0969da; } h2 { border-bottom: 1px solid #d1d9e0; padding-bottom: .3em; } .frame { border: 1px solid #d1d9e0; border-radius: 6px; padding: 16px 24px; }
</style></head>
<body><p>Preview of the job summary GitHub shows for this step.</p><div class="frame">
${body}
</div>
<script src="${MERMAID_FILE}"></script>
<script>
if (window.mermaid) mermaid.initialize({ startOnLoad: true });
else for (const graph of document.querySelectorAll('pre.mermaid'))
  graph.insertAdjacentHTML('beforebegin', '<p><em>The graph below is Mermaid source: ${MERMAID_FILE} did not load (it is copied next to this page from node_modules/mermaid by npm run demo).</em></p>');
</script>
</body></html>
`;
}

/** Writes summary.html and the mermaid.min.js it loads into dir; returns the page's path. */
export function writePreview(dir, markdown, title) {
  mkdirSync(dir, { recursive: true });
  const require = createRequire(import.meta.url);
  copyFileSync(require.resolve(`mermaid/dist/${MERMAID_FILE}`), join(dir, MERMAID_FILE));
  const page = join(dir, 'summary.html');
  writeFileSync(page, summaryAsHtml(markdown, title));
  return page;
}
