// npm run demo [-- <scenario>] : starts the simulator with a failed batch, runs the bundled action
// exactly as a runner does, streams its log, then shows the outputs and the job summary.
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startSimulator } from './server.mjs';
import { scenarios } from './scenarios.mjs';
import { startAction } from './run-action.mjs';
import { summaryAsText, writePreview } from './render.mjs';

const args = process.argv.slice(2);
// By default a batch that stays red: its cause should read from the summary alone.
const name = args.find((a) => !a.startsWith('-')) ?? 'diagnosis';
if (args.includes('--list') || args.includes('--help') || !scenarios[name]) {
  if (!scenarios[name]) console.error(`Unknown scenario "${name}".\n`);
  console.log('Usage: npm run demo -- [scenario]\n\nScenarios:');
  for (const [key, s] of Object.entries(scenarios))
    console.log(`  ${key.padEnd(22)} ${s.description}`);
  process.exit(scenarios[name] ? 0 : 2);
}

const scenario = scenarios[name];
const PULL_REQUEST = 1;
const HEAD_SHA = 'feedfacefeedfacefeedfacefeedfacefeedface';
const bold = (s) => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s);
const dim = (s) => (process.stdout.isTTY ? `\x1b[2m${s}\x1b[0m` : s);

// Builds last a few seconds each, so the wait and its log lines can be watched.
const sim = await startSimulator({ scenario: name, timeScale: 8 });
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

console.log(bold(`\nScenario ${name}: ${scenario.description}`));
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
console.log(dim('Other scenarios: npm run demo -- --list'));
