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

/** GitHub-flavoured Markdown with HTML, as the action writes it: the HTML as is, Mermaid blocks handed to mermaid. */
function markdownAsHtml(markdown) {
  return markdown.replace(
    /```mermaid\n([\s\S]*?)```/g,
    (_, graph) => `<pre class="mermaid">${graph.replace(/</g, '&lt;')}</pre>`,
  );
}

/**
 * A standalone page: the summary's HTML as is, Mermaid drawn by the mermaid.min.js next to it; with
 * `aside` (githubAsHtml's fragment), the pull request's checks and comments beside it.
 */
export function summaryAsHtml(markdown, title, aside) {
  const summary = markdownAsHtml(markdown);
  const body = aside
    ? `<div class="columns"><div><p>The job summary:</p><div class="frame">\n${summary}\n</div></div>\n<div><p>The pull request's checks box and conversation:</p>\n${aside}\n</div></div>`
    : `<p>Preview of the job summary GitHub shows for this step.</p><div class="frame">\n${summary}\n</div>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>
body { font: 14px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", Helvetica, Arial, sans-serif; color: #1f2328; max-width: 1100px; margin: 2em auto; padding: 0 1em; }
table { border-collapse: collapse; display: block; width: max-content; max-width: 100%; overflow: auto; } th, td { border: 1px solid #d1d9e0; padding: 6px 13px; text-align: left; vertical-align: top; }
tr:nth-child(2n) { background: #f6f8fa; } code { background: #eff1f3; padding: .2em .4em; border-radius: 6px; font-size: 85%; }
a { color: #0969da; } h2 { border-bottom: 1px solid #d1d9e0; padding-bottom: .3em; } .frame { border: 1px solid #d1d9e0; border-radius: 6px; padding: 16px 24px; }
.columns { display: flex; gap: 24px; align-items: flex-start; } .columns > div { flex: 1 1 0; min-width: 0; } body:has(.columns) { max-width: 1800px; }
@media (max-width: 1200px) { .columns { flex-direction: column; } }
</style></head>
<body>${body}
<script src="${MERMAID_FILE}"></script>
<script>
if (window.mermaid) mermaid.initialize({ startOnLoad: true });
else for (const graph of document.querySelectorAll('pre.mermaid'))
  graph.insertAdjacentHTML('beforebegin', '<p><em>The graph below is Mermaid source: ${MERMAID_FILE} did not load (it is copied next to this page from node_modules/mermaid by npm run demo).</em></p>');
</script>
</body></html>
`;
}

const escapeHtml = (text) =>
  String(text ?? '').replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&#39;' })[c],
  );

/** How the pull request's checks box shows a run: icon, colour and word, by conclusion (or status while it runs). */
const CHECK_LOOKS = {
  success: { icon: '✓', colour: '#1a7f37', word: 'Successful' },
  failure: { icon: '✗', colour: '#d1242f', word: 'Failing' },
  timed_out: { icon: '✗', colour: '#d1242f', word: 'Timed out' },
  action_required: { icon: '!', colour: '#9a6700', word: 'Action required' },
  cancelled: { icon: '⊘', colour: '#59636e', word: 'Cancelled' },
  neutral: { icon: '◻', colour: '#59636e', word: 'Neutral' },
  skipped: { icon: '⤼', colour: '#59636e', word: 'Skipped' },
  stale: { icon: '↻', colour: '#59636e', word: 'Stale' },
  in_progress: { icon: '●', colour: '#9a6700', word: 'In progress' },
  queued: { icon: '○', colour: '#9a6700', word: 'Queued' },
};
const RED = new Set(['failure', 'timed_out', 'action_required', 'cancelled']);

/**
 * The GitHub side of a run, beside its job summary: the commit's check runs as the pull request's
 * checks box shows them (name, conclusion icon and colour, title; summary and text folded), then the
 * pull request's comments, their bodies rendered as the summary is. Takes what the REST API returns
 * (check runs and issue comments, e.g. sim.github.checkRunsFor(sha) and sim.github.commentsOn(1));
 * returns an HTML fragment with its own styles.
 */
export function githubAsHtml({ checkRuns = [], comments = [] } = {}) {
  const done = checkRuns.filter((r) => r.status === 'completed');
  const headline =
    checkRuns.length === 0
      ? 'No checks'
      : done.length < checkRuns.length
        ? "Some checks haven't completed yet"
        : done.some((r) => RED.has(r.conclusion))
          ? 'Some checks were not successful'
          : 'All checks have passed';
  const counts = Object.entries(
    checkRuns.reduce((n, r) => {
      const look = CHECK_LOOKS[r.status === 'completed' ? r.conclusion : r.status];
      const word = (look?.word ?? r.conclusion ?? r.status).toLowerCase();
      return { ...n, [word]: (n[word] ?? 0) + 1 };
    }, {}),
  )
    .map(([word, n]) => `${n} ${word}`)
    .join(', ');
  const runs = checkRuns.map((run) => {
    const key = run.status === 'completed' ? run.conclusion : run.status;
    const look = CHECK_LOOKS[key] ?? { icon: '?', colour: '#59636e', word: String(key) };
    const output = run.output ?? {};
    const text = output.text
      ? `<details class="gh-text"><summary>Details</summary>\n\n${markdownAsHtml(output.text)}\n\n</details>`
      : '';
    return `<details class="gh-check"><summary><span class="gh-icon" style="color: ${look.colour}" title="${escapeHtml(look.word)}">${look.icon}</span> <strong>${escapeHtml(run.name)}</strong>${output.title ? ` <span class="gh-dim">— ${escapeHtml(output.title)}</span>` : ''} <span class="gh-state" style="color: ${look.colour}">${escapeHtml(look.word)}</span>${run.details_url ? ` <a href="${escapeHtml(run.details_url)}">Details</a>` : ''}</summary>
<div class="gh-output">

${markdownAsHtml(output.summary ?? '')}

${text}
</div></details>`;
  });
  const notes = comments.map(
    (
      c,
    ) => `<div class="gh-comment"><div class="gh-comment-head"><strong>${escapeHtml(c.user?.login)}</strong>${c.user?.type === 'Bot' ? ' <span class="gh-bot">bot</span>' : ''} <span class="gh-dim">commented ${escapeHtml(c.created_at)}${c.updated_at && c.updated_at !== c.created_at ? ` · edited ${escapeHtml(c.updated_at)}` : ''}</span></div>
<div class="gh-comment-body">

${markdownAsHtml(c.body ?? '')}

</div></div>`,
  );
  return `<style>
.gh-box { border: 1px solid #d1d9e0; border-radius: 6px; margin: 1em 0; } .gh-box > h3 { margin: 0; padding: 12px 16px; border-bottom: 1px solid #d1d9e0; font-size: 14px; }
.gh-check { border-top: 1px solid #d1d9e0; padding: 8px 16px; } .gh-check:first-of-type { border-top: 0; } .gh-check > summary { cursor: pointer; }
.gh-icon { display: inline-block; width: 1.2em; text-align: center; font-weight: bold; } .gh-state { float: right; font-size: 12px; } .gh-dim { color: #59636e; }
.gh-output { padding: 8px 0 0 1.5em; } .gh-comment { border: 1px solid #d1d9e0; border-radius: 6px; margin: 1em 0; }
.gh-comment-head { background: #f6f8fa; border-bottom: 1px solid #d1d9e0; padding: 8px 16px; } .gh-comment-body { padding: 0 16px; }
.gh-bot { border: 1px solid #d1d9e0; border-radius: 2em; padding: 0 6px; font-size: 12px; color: #59636e; }
</style>
<section class="gh-box gh-checks"><h3>${headline}${counts ? ` <span class="gh-dim">(${escapeHtml(counts)})</span>` : ''}</h3>
${runs.join('\n')}
</section>
<section class="gh-comments"><h3>Pull request comments (${comments.length})</h3>
${notes.join('\n')}
</section>`;
}

/**
 * Writes summary.html and the mermaid.min.js it loads into dir; returns the page's path. With
 * `github` ({ checkRuns, comments } as the REST API returns them), they are drawn beside the summary.
 */
export function writePreview(dir, markdown, title, github) {
  mkdirSync(dir, { recursive: true });
  const require = createRequire(import.meta.url);
  copyFileSync(require.resolve(`mermaid/dist/${MERMAID_FILE}`), join(dir, MERMAID_FILE));
  const page = join(dir, 'summary.html');
  writeFileSync(page, summaryAsHtml(markdown, title, github && githubAsHtml(github)));
  return page;
}
