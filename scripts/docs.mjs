// Writes the README's inputs and outputs tables from action.yml, and its workflow examples from examples/;
// with --check, fails when they differ.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
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
// Each <!-- example:NAME.yml:start --> … :end pair gets examples/NAME.yml whole, so the two never drift.
const withExamples = (text) =>
  text.replace(
    /(<!-- example:([\w.-]+\.yml):start -->)[\s\S]*?(<!-- example:\2:end -->)/g,
    (_, start, file, end) => {
      if (!existsSync(`examples/${file}`))
        throw new Error(`README.md shows examples/${file}, which does not exist.`);
      return `${start}\n\n\`\`\`yaml\n${readFileSync(`examples/${file}`, 'utf8')}\`\`\`\n\n${end}`;
    },
  );
// Formatted as prettier would, so that format:check and this check agree.
const updated = await prettier.format(
  withExamples(replace(replace(readme, 'inputs', inputs), 'outputs', outputs)),
  {
    ...(await prettier.resolveConfig('README.md')),
    filepath: 'README.md',
  },
);

if (process.argv.includes('--check')) {
  if (updated !== readme) {
    console.error(
      'README.md differs from action.yml (inputs/outputs tables) or examples/ (workflows): run npm run docs and commit README.md.',
    );
    process.exit(1);
  }
  console.log('README.md tables match action.yml, its workflows match examples/.');
} else {
  writeFileSync('README.md', updated);
}
