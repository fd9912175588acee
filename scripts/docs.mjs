// Writes the generated parts of the docs: the README's inputs and outputs tables from action.yml, and
// any <!-- example:NAME.yml --> block of README.md or docs/*.md from examples/. With --check, fails
// when one differs, or when a relative link between Markdown files leads nowhere (scripts/links.mjs).
// (docs/performance.md's table is the bench's: npm run bench -- --write-docs.)
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as prettier from 'prettier';
import { parse } from 'yaml';
import { brokenLinks } from './links.mjs';

const action = parse(readFileSync('action.yml', 'utf8'));
const cell = (text) =>
  String(text ?? '')
    .replace(/\s+/g, ' ')
    .replace(/\|/g, '\\|')
    .trim();

const inputs = [
  '| Input | Required | Default | Description |',
  '| --- | --- | --- | --- |',
  ...Object.entries(action.inputs).map(
    ([name, i]) =>
      `| \`${name}\` | ${i.required ? 'yes' : 'no'} | ${i.default === undefined ? '' : `\`${i.default}\``} | ${cell(i.description)} |`,
  ),
].join('\n');
const outputs = [
  '| Output | Description |',
  '| --- | --- |',
  ...Object.entries(action.outputs).map(([name, o]) => `| \`${name}\` | ${cell(o.description)} |`),
].join('\n');

const replace = (file, text, name, table) => {
  const pattern = new RegExp(`(<!-- ${name}:start -->)[\\s\\S]*?(<!-- ${name}:end -->)`);
  if (!pattern.test(text))
    throw new Error(`${file} has no <!-- ${name}:start --> … <!-- ${name}:end --> markers`);
  return text.replace(pattern, `$1\n\n${table}\n\n$2`);
};
// Each <!-- example:NAME.yml:start --> … :end pair gets examples/NAME.yml whole, so the two never drift.
const withExamples = (file, text) =>
  text.replace(
    /(<!-- example:([\w.-]+\.yml):start -->)[\s\S]*?(<!-- example:\2:end -->)/g,
    (_, start, example, end) => {
      if (!existsSync(`examples/${example}`))
        throw new Error(`${file} shows examples/${example}, which does not exist.`);
      return `${start}\n\n\`\`\`yaml\n${readFileSync(`examples/${example}`, 'utf8')}\`\`\`\n\n${end}`;
    },
  );

const docs = readdirSync('docs')
  .filter((f) => f.endsWith('.md'))
  .map((f) => `docs/${f}`);
const generated = ['README.md', ...docs];
const stale = [];
for (const file of generated) {
  const text = readFileSync(file, 'utf8');
  let updated = withExamples(file, text);
  if (file === 'README.md')
    updated = replace(file, replace(file, updated, 'inputs', inputs), 'outputs', outputs);
  // Formatted as prettier would, so that format:check and this check agree.
  updated = await prettier.format(updated, {
    ...(await prettier.resolveConfig(file)),
    filepath: file,
  });
  if (updated === text) continue;
  if (process.argv.includes('--check')) stale.push(file);
  else writeFileSync(file, updated);
}

if (process.argv.includes('--check')) {
  const broken = brokenLinks(['README.md', 'CONTRIBUTING.md', 'CHANGELOG.md', ...docs]);
  for (const file of stale)
    console.error(
      `${file} differs from action.yml (the inputs and outputs tables) or examples/: run npm run docs and commit it.`,
    );
  for (const problem of broken) console.error(problem);
  if (stale.length > 0 || broken.length > 0) process.exit(1);
  console.log(
    'README.md tables match action.yml, example blocks match examples/, and every relative link between the docs leads somewhere.',
  );
}
