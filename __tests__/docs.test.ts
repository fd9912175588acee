// The README is for users, read top to bottom: short, opening with a step that works; the rest of the
// docs sit in docs/ and CONTRIBUTING.md, and every relative link between them leads somewhere.
// CONTRIBUTING's test command is the one CI runs.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { anchorsOf, brokenLinks } from '../scripts/links.mjs';

const readme = readFileSync('README.md', 'utf8');
const contributing = readFileSync('CONTRIBUTING.md', 'utf8');
const inputs = Object.keys(parse(readFileSync('action.yml', 'utf8')).inputs);
const docs = readdirSync('docs')
  .filter((f) => f.endsWith('.md'))
  .map((f) => `docs/${f}`);

describe('README.md', () => {
  it('is at most 20 KB', () => {
    expect(Buffer.byteLength(readme)).toBeLessThanOrEqual(20_000);
  });

  it('opens with a minimal step of this action, before permissions, inputs or examples', () => {
    const first = /```(\w+)\n([\s\S]*?)```/.exec(readme)!;
    expect(first[1]).toBe('yaml');
    const before = readme.slice(0, first.index);
    expect([...before.matchAll(/^## (.+)$/gm)].map((m) => m[1])).toEqual(['Usage']);
    const lines = first[2]!.trimEnd().split('\n');
    expect(lines.length).toBeLessThanOrEqual(12);
    const steps = parse(first[2]!).steps as Array<{ uses: string; with?: object }>;
    const ours = steps.find((s) => s.uses.startsWith('codebuild-batch-retry/'))!;
    expect(ours.uses).toMatch(/@v\d+$/);
    for (const key of Object.keys(ours.with ?? {})) expect(inputs).toContain(key);
  });

  it('says what to write in uses: (the owner is a placeholder; a tag or a commit sha)', () => {
    const section = readme.slice(readme.indexOf('### What to write in `uses:`'));
    expect(section).toMatch(/placeholder/);
    expect(section).toMatch(/commit sha/);
    expect(section).toContain('.github/workflows/release.yml');
  });

  it('gives the permissions the features need, and says fork pull requests get no OIDC token', () => {
    for (const permission of ['id-token: write', 'checks: write', 'pull-requests: write'])
      expect(readme).toContain(permission);
    expect(readme).toMatch(/pull request from a fork gets no OIDC token/i);
  });
});

describe('links between the docs', () => {
  it('all lead to a file, and to a heading of it', () => {
    expect(brokenLinks(['README.md', 'CONTRIBUTING.md', 'CHANGELOG.md', ...docs])).toEqual([]);
  });

  it('are found broken when the file or the heading is missing', () => {
    const files = new Map([
      [
        'docs/x.md',
        [
          '# X',
          '[ok](../README.md#troubleshooting) [ok too](#x) [web](https://example.com/#nowhere)',
          '[no file](missing.md) [no heading](../README.md#no-such-heading) [anchor on a folder](../examples#a)',
          '`[in code](missing-too.md)`',
        ].join('\n'),
      ],
      ['README.md', readme],
    ]);
    expect(brokenLinks(['docs/x.md'], (file: string) => files.get(file)!)).toEqual([
      'docs/x.md: the link to missing.md leads to no file (docs/missing.md).',
      'docs/x.md: the link to ../README.md#no-such-heading: README.md has no heading #no-such-heading.',
      'docs/x.md: the link to ../examples#a has an anchor, but examples is not Markdown.',
    ]);
  });

  it.each([
    ['## What to write in `uses:`', 'what-to-write-in-uses'],
    [
      '### Long batches: let the action assume the role',
      'long-batches-let-the-action-assume-the-role',
    ],
    ['## OIDC trust policy', 'oidc-trust-policy'],
    ['## The [examples](x.md), explained', 'the-examples-explained'],
    ['## snake_case stays', 'snake_case-stays'],
  ])('give %s the anchor GitHub gives it', (heading, anchor) => {
    expect([...anchorsOf(heading)]).toEqual([anchor]);
  });

  it('number repeated headings as GitHub does', () => {
    expect([...anchorsOf('## Notes\n## Notes\n```\n## not a heading\n```\n## Notes')]).toEqual([
      'notes',
      'notes-1',
      'notes-2',
    ]);
  });
});

describe('CONTRIBUTING.md', () => {
  it('names every file and folder of src/ in its layout table', () => {
    const layout = contributing.slice(contributing.indexOf('## Layout'));
    const table = layout.slice(0, layout.indexOf('\n## '));
    const missing = readdirSync('src', { recursive: true, encoding: 'utf8' })
      .map((path) => path.split('/').at(-1)!)
      .filter((name) => !table.includes(`\`${name}`) && !table.includes(`/${name}`));
    expect(missing).toEqual([]);
  });

  it('gives the test command .ci/run runs, with how long it takes and what it skips', () => {
    const ci = readFileSync('.ci/run', 'utf8');
    expect(ci).toMatch(/^step "npm ci";.*\bnpm ci\b/m);
    expect(ci).toMatch(/^step "tests"; +npm test\b/m);
    expect(contributing).toContain('npm ci && npm test');
    expect(contributing).toMatch(/On 2 cores:[\s\S]*?unit tests \d+ s[\s\S]*?about \d+ minutes/);
    for (const skipped of ['AWS CLI', 'botocore']) expect(contributing).toContain(skipped);
  });
});

describe('.github/workflows/release.yml', () => {
  interface Step {
    run?: string;
    uses?: string;
  }
  const workflow = parse(readFileSync('.github/workflows/release.yml', 'utf8')) as {
    on: Record<string, unknown>;
    jobs: Record<string, { needs?: string; steps: Step[]; permissions?: object }>;
  };
  const scripts = (job: string) =>
    workflow.jobs[job]!.steps.flatMap((s) => (s.run ? [s.run] : [])).join('\n');

  it('tags only after the checks CI runs (the tests, and dist/ is current) have passed', () => {
    expect(scripts('check')).toContain('bash .ci/run');
    expect(workflow.jobs.release!.needs).toBe('check');
    expect(scripts('release')).toMatch(/git tag "\$VERSION"/);
    expect(scripts('release')).toMatch(/git push --force origin "refs\/tags\/\$major"/);
    // Only the job that pushes tags may write.
    expect(workflow.jobs.check!.permissions).toBeUndefined();
    expect(workflow.jobs.release!.permissions).toEqual({ contents: 'write' });
  });

  it.each(readdirSync('.github/workflows'))('%s: every run: script is valid bash', (file) => {
    const jobs = parse(readFileSync(`.github/workflows/${file}`, 'utf8')).jobs as Record<
      string,
      { steps: Step[] }
    >;
    for (const job of Object.values(jobs))
      for (const { run } of job.steps)
        if (run) execFileSync('bash', ['-n'], { input: run, stdio: ['pipe', 'pipe', 'pipe'] });
  });
});
