// npm run demo [-- <scenario>] [--time-scale N]: starts the simulator with a failed batch, runs the
// bundled action exactly as a runner does, streams its log, then shows the outputs and the job summary.
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startSimulator } from './server.mjs';
import { scenarios } from './scenarios.mjs';
import { startAction } from './run-action.mjs';
import { summaryAsText, writePreview } from './render.mjs';

/**
 * The two stories, in the order a newcomer should see them: what the action is for (a red batch
 * retried to green), then what it does when a batch stays red, with build output that tries to pass
 * itself off as the runner's commands or as HTML.
 */
const STORIES = new Map([
  [
    'retry-succeeds',
    'A batch build ended FAILED: integration_tests failed (and lint, which may fail). The action ' +
      'retries the failed groups, waits, and the batch ends SUCCEEDED.',
  ],
  [
    'diagnosis',
    'A red batch that stays red after its retry, to show the diagnosis: failing tests, coverage, ' +
      "log tails. The failed build's log holds hostile lines (a ::error workflow command, ##[error], " +
      '<script> HTML): the action defuses them, so the step log shows them broken up (": :error", ' +
      '"## [error]") and the summary shows them as text. The step fails, as it should.',
  ],
]);

const [GREEN_STORY, RED_STORY] = [...STORIES.keys()];

const args = process.argv.slice(2);
const option = (flag) => {
  const at = args.indexOf(flag);
  return at === -1 ? undefined : args.splice(at, 2)[1];
};
// Builds last a few seconds each by default, so the wait and its log lines can be watched.
const timeScale = Number(option('--time-scale') ?? 8);
const name = args.find((a) => !a.startsWith('-')) ?? GREEN_STORY;
if (args.includes('--list') || args.includes('--help') || !scenarios[name] || !(timeScale > 0)) {
  if (!scenarios[name]) console.error(`Unknown scenario "${name}".\n`);
  if (!(timeScale > 0)) console.error('--time-scale takes a number above 0.\n');
  console.log('Usage: npm run demo -- [scenario] [--time-scale N]\n');
  console.log('The two stories:');
  console.log(`  npm run demo                 ${STORIES.get(GREEN_STORY)}`);
  console.log(`  npm run demo -- ${RED_STORY.padEnd(12)} ${STORIES.get(RED_STORY)}`);
  console.log('\nEvery scenario:');
  for (const [key, s] of Object.entries(scenarios))
    console.log(`  ${key.padEnd(22)} ${s.description}`);
  console.log(
    '\n--time-scale N multiplies every build duration (default 8: builds take seconds, to watch).',
  );
  process.exit(scenarios[name] && timeScale > 0 ? 0 : 2);
}

const scenario = scenarios[name];
const PULL_REQUEST = 1;
const HEAD_SHA = 'feedfacefeedfacefeedfacefeedfacefeedface';
const bold = (s) => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s);
const dim = (s) => (process.stdout.isTTY ? `\x1b[2m${s}\x1b[0m` : s);

const sim = await startSimulator({ scenario: name, timeScale });
const byProject = name === 'project-history' || name === 'no-failed-batch';
// Scenarios with a `start` plan show start-batch: the action starts the batch itself.
const starts = Boolean(scenario.start);
const inputs = {
  ...(starts
    ? { 'start-batch': 'true', 'project-name': scenario.project }
    : byProject
      ? { 'project-name': scenario.project }
      : { 'batch-id': sim.batch.id }),
  'poll-interval-seconds': '1',
  // Where people look besides the summary: a check run per group and the pull request's comment.
  checks: 'true',
  'pr-comment': 'always',
  'github-token': sim.github.token,
  ...(name === 'flaky-twice' ? { 'max-attempts': '3' } : {}),
  ...(name === 'long-running' || name === 'start-long-running' ? { 'timeout-minutes': '0.1' } : {}),
};

console.log(bold(`\nScenario ${name}: ${STORIES.get(name) ?? scenario.description}`));
console.log(
  dim(
    `Local CodeBuild simulator on ${sim.endpoint} (region ${sim.region}, account ${sim.account}).`,
  ),
);
console.log(
  dim(
    `Running node dist/index.js as a GitHub runner would, for pull request #${PULL_REQUEST} (GitHub's REST API: ${sim.github.apiUrl}), with these inputs:`,
  ),
);
for (const [key, value] of Object.entries(inputs))
  console.log(dim(`  ${key}: ${key === 'github-token' ? '***' : value}`));
console.log(bold('\n── Step log ──'));

// Show the log as the Actions UI does: debug lines hidden, annotations spelled out.
const red = (s) => (process.stdout.isTTY ? `\x1b[31m${s}\x1b[0m` : s);
const yellow = (s) => (process.stdout.isTTY ? `\x1b[33m${s}\x1b[0m` : s);
function showLine(line) {
  const command = /^::(error|warning|notice|debug)[^:]*::(.*)$/.exec(line);
  if (!command) return console.log(line);
  const [, kind, message] = command;
  const text = decodeURIComponent(message.replace(/%(?![0-9A-F]{2})/g, '%25'));
  if (kind === 'error') console.log(red(`Error: ${text}`));
  else if (kind === 'warning') console.log(yellow(`Warning: ${text}`));
  else if (kind === 'notice') console.log(bold(`Notice: ${text}`));
}
let pending = '';
const { done } = startAction({
  inputs,
  env: sim.clientEnv(),
  eventName: 'pull_request',
  event: {
    number: PULL_REQUEST,
    pull_request: {
      number: PULL_REQUEST,
      head: { sha: HEAD_SHA, repo: { full_name: sim.github.repository } },
      base: { repo: { full_name: sim.github.repository } },
    },
    repository: { full_name: sim.github.repository },
  },
  onOutput: (chunk) => {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop();
    lines.forEach(showLine);
  },
});
const run = await done;
if (pending) showLine(pending);
// The commit the check runs went on: the pull request's head, or a started batch's own commit.
const sha = sim.github.checkRuns.at(-1)?.head_sha ?? HEAD_SHA;
const github = {
  // In the order the batch lists its groups (the API lists the newest first).
  checkRuns: sim.github.checkRunsFor(sha).reverse(),
  comments: sim.github.commentsOn(PULL_REQUEST),
};
await sim.close();

console.log(
  bold(
    `\n── Exit code ${run.code} (${run.code === 0 ? 'step succeeded' : 'step failed'}) after ${(run.elapsedMs / 1000).toFixed(1)} s ──`,
  ),
);
console.log(bold('\n── Outputs ──'));
for (const [key, value] of Object.entries(run.outputs)) {
  const shown = value.startsWith('[{')
    ? `${JSON.parse(value).length} ${key === 'build-groups' ? 'groups' : 'entries'} (JSON)`
    : value;
  console.log(`  ${key.padEnd(20)} ${shown}`);
}
console.log(bold('\n── Job summary ──'));
console.log(summaryAsText(run.summary));
console.log(bold(`\n── Check runs on ${sha.slice(0, 7)} ──`));
for (const r of github.checkRuns)
  console.log(
    `  ${r.name.padEnd(30)} ${(r.conclusion ?? r.status).padEnd(12)} ${r.output.title ?? ''}`,
  );
console.log(
  bold(
    `\n── Pull request #${PULL_REQUEST}: ${github.comments.length} comment(s) from the action ──`,
  ),
);

const dir = resolve('.demo');
mkdirSync(dir, { recursive: true });
writeFileSync(resolve(dir, 'summary.md'), run.summary);
const page = writePreview(dir, run.summary, `codebuild-batch-retry demo: ${name}`, github);
writeFileSync(resolve(dir, 'outputs.json'), `${JSON.stringify(run.outputs, null, 2)}\n`);
console.log(
  `\nThe summary, the check runs and the comment as GitHub will render them (works offline): ${page}`,
);
console.log(
  dim(`Markdown: ${resolve(dir, 'summary.md')} · outputs: ${resolve(dir, 'outputs.json')}`),
);
console.log(
  dim(
    name === GREEN_STORY
      ? `Next: a batch that stays red, with hostile log lines the action defuses: npm run demo -- ${RED_STORY}`
      : 'Other scenarios: npm run demo -- --list',
  ),
);
