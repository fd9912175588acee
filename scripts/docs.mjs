// Writes the README's inputs and outputs tables from action.yml; with --check, fails when they differ.
import { readFileSync, writeFileSync } from 'node:fs';
import * as prettier from 'prettier';
import { parse } from 'yaml';

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

const readme = readFileSync('README.md', 'utf8');
const replace = (text, name, table) => {
  const pattern = new RegExp(`(<!-- ${name}:start -->)[\\s\\S]*?(<!-- ${name}:end -->)`);
  if (!pattern.test(text))
    throw new Error(`README.md has no <!-- ${name}:start --> … <!-- ${name}:end --> markers`);
  return text.replace(pattern, `$1\n\n${table}\n\n$2`);
};
// Formatted as prettier would, so that format:check and this check agree.
const updated = await prettier.format(
  replace(replace(readme, 'inputs', inputs), 'outputs', outputs),
  {
    ...(await prettier.resolveConfig('README.md')),
    filepath: 'README.md',
  },
);

if (process.argv.includes('--check')) {
  if (updated !== readme) {
    console.error(
      'README.md inputs/outputs tables differ from action.yml: run npm run docs and commit README.md.',
    );
    process.exit(1);
  }
  console.log('README.md tables match action.yml.');
} else {
  writeFileSync('README.md', updated);
}
