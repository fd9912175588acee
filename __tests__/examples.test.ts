// The README's and examples/' workflows must stay true to action.yml: valid YAML, `uses:` pointing at
// this action, only inputs and outputs that exist; safe and long-lived enough to copy (no expression in a
// script, credentials that outlast the job, reports that run whatever the outcome); each example names
// the OIDC subjects its triggers present, and the README's trust policy allows ci.yml's. The README's
// IAM policy must list exactly the CodeBuild and CloudWatch Logs actions the code calls.
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';

const action = parse(readFileSync('action.yml', 'utf8'));
const inputs = Object.keys(action.inputs);
const outputs = Object.keys(action.outputs);
const readme = readFileSync('README.md', 'utf8');
const USES = /^codebuild-batch-retry\/codebuild-batch-retry@v\d+$/;

/** Every object in a parsed workflow (or list of steps) that has a `uses:` naming this action. */
function ourSteps(node: unknown): Array<{ uses: string; with?: Record<string, unknown> }> {
  if (Array.isArray(node)) return node.flatMap(ourSteps);
  if (!node || typeof node !== 'object') return [];
  const step = node as { uses?: unknown };
  const own =
    typeof step.uses === 'string' && step.uses.includes('codebuild-batch-retry')
      ? [step as { uses: string }]
      : [];
  return [...own, ...Object.values(node).flatMap(ourSteps)];
}

function checkWorkflow(text: string) {
  const steps = ourSteps(parse(text));
  for (const step of steps) {
    expect(step.uses).toMatch(USES);
    for (const key of Object.keys(step.with ?? {})) expect(inputs).toContain(key);
  }
  for (const [, name] of text.matchAll(/steps\.\w+\.outputs\.([\w-]+)/g))
    expect(outputs).toContain(name);
  return steps;
}

/** Every `run:` script in a parsed workflow. */
function scripts(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(scripts);
  if (!node || typeof node !== 'object') return [];
  const { run } = node as { run?: unknown };
  return [...(typeof run === 'string' ? [run] : []), ...Object.values(node).flatMap(scripts)];
}

interface Job {
  'timeout-minutes'?: number;
  environment?: string | { name: string };
  steps: Array<{
    id?: string;
    if?: string;
    uses?: string;
    with?: Record<string, unknown>;
    env?: Record<string, unknown>;
  }>;
}

const examples = readdirSync('examples').filter((f) => f.endsWith('.yml'));
const exampleText = (file: string) => readFileSync(`examples/${file}`, 'utf8');
const yamlBlocks = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);

describe('examples/', () => {
  it('has one workflow per way of using the action', () => {
    expect(examples.sort()).toEqual([
      'chained.yml',
      'ci.yml',
      'manual-rerun.yml',
      'oidc.yml',
      'outputs.yml',
      'scheduled.yml',
    ]);
  });

  it.each(examples)(
    '%s is valid, uses this action, and only with: keys from action.yml',
    (file) => {
      const steps = checkWorkflow(exampleText(file));
      expect(steps.length).toBeGreaterThan(0);
    },
  );

  // GitHub's hardening guide: an expression in a script is pasted into its text before the shell runs.
  it('passes values to scripts through env:, never as ${{ }} inside run:', () => {
    const all = examples.flatMap((file) => scripts(parse(exampleText(file))));
    expect(all.length).toBeGreaterThan(0);
    for (const script of all) expect(script).not.toContain('${{');
  });

  // The outputs are set even when the step fails (batch-id as soon as it is known): a step that reports
  // them must run then too, and a step after a failed one is skipped unless its if: says always().
  it.each(examples)(
    "%s: steps that read this action's outputs run whatever its outcome",
    (file) => {
      const jobs = Object.values(parse(exampleText(file)).jobs as Record<string, Job>);
      for (const job of jobs) {
        const ids = job.steps.filter((s) => ourSteps([s]).length > 0 && s.id).map((s) => s.id!);
        const readers = job.steps.filter((s) =>
          ids.some((id) => JSON.stringify(s.env ?? {}).includes(`steps.${id}.outputs.`)),
        );
        for (const step of readers) expect(String(step.if ?? '')).toMatch(/\balways\(\)/);
      }
    },
  );

  // The default one-hour session expires in the middle of a long wait.
  it.each(examples)('%s: a job timeout, and credentials that outlast it', (file) => {
    const jobs = Object.values(parse(exampleText(file)).jobs as Record<string, Job>).filter(
      (job) => ourSteps(job.steps).length > 0,
    );
    expect(jobs.length).toBeGreaterThan(0);
    for (const job of jobs) {
      expect(job['timeout-minutes']).toBeGreaterThan(0);
      // role-to-assume: the action renews its own credentials, so they outlast any job.
      if (ourSteps(job.steps).every((step) => step.with?.['role-to-assume'])) continue;
      const credentials = job.steps.find((step) =>
        step.uses?.startsWith('aws-actions/configure-aws-credentials@'),
      );
      expect(Number(credentials?.with?.['role-duration-seconds'])).toBeGreaterThanOrEqual(
        job['timeout-minutes']! * 60,
      );
    }
  });
});

/**
 * The OIDC subjects (token.actions.githubusercontent.com:sub) a workflow's jobs present, per GitHub's
 * default subject format: a job with an environment presents that; otherwise a pull request presents
 * `pull_request`, and a push, a dispatch or a schedule the ref it runs on (dispatches and schedules:
 * the default branch, `main` in the examples). Throws for a trigger it does not know, so that a new
 * example is documented on purpose.
 */
function subjectsOf(workflow: { on: unknown; jobs: Record<string, Job> }): string[] {
  const repo = 'repo:OWNER/REPO';
  const on = workflow.on;
  const events: Record<string, unknown> =
    typeof on === 'string'
      ? { [on]: null }
      : Array.isArray(on)
        ? Object.fromEntries(on.map((e: string) => [e, null]))
        : (on as Record<string, unknown>);
  const byEvent = Object.entries(events).flatMap(([event, filter]) => {
    const f = (filter ?? {}) as { branches?: string[]; tags?: string[] };
    switch (event) {
      case 'push':
        if (!f.branches && !f.tags) throw new Error('push without branches: or tags: to name');
        return [
          ...(f.branches ?? []).map((b) => `${repo}:ref:refs/heads/${b}`),
          ...(f.tags ?? []).map((t) => `${repo}:ref:refs/tags/${t}`),
        ];
      case 'pull_request':
        return [`${repo}:pull_request`];
      case 'workflow_dispatch':
      case 'schedule':
        return [`${repo}:ref:refs/heads/main`];
      default:
        throw new Error(`no subject known for the ${event} event`);
    }
  });
  const subjects = Object.values(workflow.jobs)
    .filter((job) => ourSteps(job.steps).length > 0)
    .flatMap((job) => {
      const environment =
        typeof job.environment === 'string' ? job.environment : job.environment?.name;
      return environment ? [`${repo}:environment:${environment}`] : byEvent;
    });
  return [...new Set(subjects)].sort();
}

/** The subjects an example documents: the `#   repo:OWNER/REPO:…` lines of its opening comment. */
function documentedSubjects(text: string): string[] {
  const opening = text.slice(0, text.search(/^[^#]/m));
  return [...opening.matchAll(/^#\s+(repo:OWNER\/REPO:\S+)/gm)].map((m) => m[1]!).sort();
}

describe('OIDC trust-policy subjects', () => {
  const job = (extra: Partial<Job> = {}): Record<string, Job> => ({
    j: { steps: [{ uses: 'codebuild-batch-retry/codebuild-batch-retry@v1' }], ...extra },
  });
  it.each<[string, unknown, Partial<Job>, string[]]>([
    [
      'a push to main',
      { push: { branches: ['main'] } },
      {},
      ['repo:OWNER/REPO:ref:refs/heads/main'],
    ],
    ['a tag push', { push: { tags: ['v1'] } }, {}, ['repo:OWNER/REPO:ref:refs/tags/v1']],
    ['a pull request', 'pull_request', {}, ['repo:OWNER/REPO:pull_request']],
    [
      'a push and a pull request',
      { push: { branches: ['main'] }, pull_request: null },
      {},
      ['repo:OWNER/REPO:pull_request', 'repo:OWNER/REPO:ref:refs/heads/main'],
    ],
    [
      'a dispatch and a schedule: the default branch',
      ['workflow_dispatch', 'schedule'],
      {},
      ['repo:OWNER/REPO:ref:refs/heads/main'],
    ],
    [
      'a job with an environment, whatever the event',
      { pull_request: null, push: { branches: ['main'] } },
      { environment: 'production' },
      ['repo:OWNER/REPO:environment:production'],
    ],
    [
      'an environment given with its url',
      'workflow_dispatch',
      { environment: { name: 'staging' } },
      ['repo:OWNER/REPO:environment:staging'],
    ],
  ])('%s', (_, on, extra, subjects) => {
    expect(subjectsOf({ on, jobs: job(extra) })).toEqual(subjects);
  });

  it('refuses a trigger it has no subject for, so a new example is documented on purpose', () => {
    expect(() => subjectsOf({ on: 'pull_request_target', jobs: job() })).toThrow(
      'pull_request_target',
    );
  });

  it.each(examples)('%s documents the subjects its triggers present', (file) => {
    const text = exampleText(file);
    const documented = documentedSubjects(text);
    expect(documented.length).toBeGreaterThan(0);
    expect(documented).toEqual(subjectsOf(parse(text)));
  });
});

describe('README', () => {
  it('lists each workflow of examples/, with a link to it, once', () => {
    const section = readme.slice(
      readme.indexOf('## Examples'),
      readme.indexOf('\n## ', readme.indexOf('## Examples') + 1),
    );
    const linked = [...section.matchAll(/^- \[`([\w.-]+\.yml)`\]\(examples\/\1\)/gm)].map(
      (m) => m[1],
    );
    expect(linked.sort()).toEqual(examples.sort());
  });

  it.each(yamlBlocks.map((b, i) => [i + 1, b]))(
    'YAML block %i is valid and true to action.yml',
    (_, block) => {
      checkWorkflow(block as string);
    },
  );

  it("shows a trust policy that allows the subjects examples/ci.yml's triggers present", () => {
    const policies = [...readme.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]!));
    const trust = policies.find((p) => p.Statement[0].Action === 'sts:AssumeRoleWithWebIdentity');
    const allowed = [
      trust.Statement[0].Condition.StringLike['token.actions.githubusercontent.com:sub'],
    ]
      .flat()
      .map((sub: string) => sub.replace('my-org/web-app', 'OWNER/REPO'))
      .sort();
    expect(allowed).toEqual(subjectsOf(parse(exampleText('ci.yml'))));
  });

  it('asks for exactly the CodeBuild and CloudWatch Logs actions the code calls', () => {
    // Each operation is one SDK command (new XCommand) or paginator (paginateX) in the aws/ edge.
    const calls = (file: string, service: string) =>
      [...readFileSync(file, 'utf8').matchAll(/new (\w+)Command\(|\bpaginate(\w+)\(/g)].map(
        (m) => `${service}:${m[1] ?? m[2]}`,
      );
    const sent = [
      ...calls('src/aws/codebuild.ts', 'codebuild'),
      ...calls('src/aws/logs.ts', 'logs'),
    ];
    expect(sent).toContain('logs:GetLogEvents');
    expect(sent).toContain('codebuild:DescribeTestCases');
    const policy = JSON.parse(/```json\n([\s\S]*?)```/.exec(readme)![1]!);
    expect([...new Set(sent)].sort()).toEqual([...policy.Statement[0].Action].sort());
  });
});
