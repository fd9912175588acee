// Relative links between the repository's Markdown files must lead somewhere: to a file or folder that
// exists and, with #anchor, to a heading of that file. Anchors as GitHub makes them (github-slugger's
// rule): the heading's text in lower case, punctuation dropped, each space a hyphen, -1, -2 … on repeats.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';

/** Markdown without fenced code blocks and inline code, where brackets are not links. */
function prose(markdown) {
  return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/`[^`\n]*`/g, '');
}

/** The anchors GitHub gives a file's headings. */
export function anchorsOf(markdown) {
  const seen = new Map();
  const anchors = new Set();
  for (const [, heading] of markdown
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '')
    .matchAll(/^#{1,6} +(.+?) *#*$/gm)) {
    const text = heading
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/<[^>]+>/g, '')
      .replace(/[*`]/g, '');
    const slug = text
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
      .replace(/ /g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
}

/** One sentence per relative link in `files` (paths from the repository root) that leads nowhere. */
export function brokenLinks(files, read = (file) => readFileSync(file, 'utf8')) {
  const problems = [];
  for (const file of files) {
    const text = read(file);
    for (const [, target] of prose(text).matchAll(/\]\(([^)\s]+)(?: "[^"]*")?\)/g)) {
      if (/^[a-z][a-z+.-]*:/i.test(target)) continue; // https:, mailto: …
      const [path, anchor] = target.split('#', 2);
      const to = path ? normalize(join(dirname(file), decodeURI(path))) : file;
      if (path && !existsSync(to)) {
        problems.push(`${file}: the link to ${target} leads to no file (${to}).`);
        continue;
      }
      if (anchor === undefined) continue;
      if (path && (statSync(to).isDirectory() || !to.endsWith('.md'))) {
        problems.push(`${file}: the link to ${target} has an anchor, but ${to} is not Markdown.`);
      } else if (!anchorsOf(to === file ? text : read(to)).has(anchor)) {
        problems.push(`${file}: the link to ${target}: ${to} has no heading #${anchor}.`);
      }
    }
  }
  return problems;
}
