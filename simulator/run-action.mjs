// Runs the bundled action the way a GitHub runner does: INPUT_* variables with hyphens kept, files for
// outputs, state and the job summary, and the workflow's environment.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ACTION_ENTRY = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'index.js');

/** Parses a GITHUB_OUTPUT / GITHUB_STATE file (name<<delimiter … delimiter blocks). */
export function parseCommandFile(text) {
  const values = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^<=]+)<<(.+)$/.exec(lines[i]);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const body = [];
      while (++i < lines.length && lines[i] !== delimiter) body.push(lines[i]);
      values[name] = body.join('\n');
    } else if (lines[i].includes('=')) {
      const at = lines[i].indexOf('=');
      values[lines[i].slice(0, at)] = lines[i].slice(at + 1);
    }
  }
  return values;
}

/**
 * Starts `node dist/index.js` as a runner step.
 * @param {object} options
 * @param {Record<string, string>} [options.inputs]  action inputs by name (as in `with:`)
 * @param {Record<string, string>} [options.env]  the rest of the environment (credentials, endpoint, …)
 * @param {object} [options.event]  a workflow event payload; with eventName, written to GITHUB_EVENT_PATH
 * @param {string} [options.eventName]
 * @param {Record<string, string>} [options.state]  saved state, as the runner passes it to a post step
 * @param {(chunk: string) => void} [options.onOutput]  streams stdout as it comes
 * @param {string[]} [options.wrapper]  a command that runs node, e.g. ['/usr/bin/time', '-f', '%M']
 * @param {string} [options.entry]  another copy of the bundle's entry (default dist/index.js)
 * @param {string[]} [options.nodeArgs]  node's own flags, e.g. ['--cpu-prof'] (simulator/profile.mjs)
 */
export function startAction(options = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'codebuild-batch-retry-'));
  const files = {
    output: join(dir, 'output'),
    summary: join(dir, 'summary.md'),
    state: join(dir, 'state'),
    event: join(dir, 'event.json'),
  };
  for (const file of [files.output, files.summary, files.state]) writeFileSync(file, '');
  writeFileSync(files.event, JSON.stringify(options.event ?? {}));

  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: 'true',
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_STATE: files.state,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_EVENT_NAME: options.eventName ?? 'push',
    GITHUB_RUN_ID: '7012345678',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'retry',
    GITHUB_ACTION: 'retry-batch',
    GITHUB_REPOSITORY: 'example/web-app',
    GITHUB_SHA: '0a1b2c3d4e5f60718293a4b5c6d7e8f901234567',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_ACTOR: 'octocat',
    // The runner uses node24, where the SDK has nothing to warn about.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    ...options.env,
  };
  for (const [name, value] of Object.entries(options.inputs ?? {}))
    env[`INPUT_${name.toUpperCase()}`] = value;
  for (const [name, value] of Object.entries(options.state ?? {})) env[`STATE_${name}`] = value;

  const started = performance.now();
  const startedAt = Date.now();
  // A wrapper (such as GNU time) may run node; the step is still node dist/index.js. ACTION_NODE picks
  // another node binary for the bundle (the e2e tests' node24 project sets it to Node 24, as runners use).
  const [command, ...prefix] = [
    ...(options.wrapper ?? []),
    process.env.ACTION_NODE || process.execPath,
  ];
  const child = spawn(
    command,
    [...prefix, ...(options.nodeArgs ?? []), options.entry ?? ACTION_ENTRY],
    {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk) => {
    stdout += chunk;
    options.onOutput?.(chunk);
  });
  child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));

  const done = new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => {
      resolve({
        code,
        signal,
        stdout,
        stderr,
        elapsedMs: performance.now() - started,
        startedAt,
        endedAt: Date.now(),
        outputs: parseCommandFile(readFileSync(files.output, 'utf8')),
        state: parseCommandFile(readFileSync(files.state, 'utf8')),
        summary: readFileSync(files.summary, 'utf8'),
        files,
      });
    });
  });
  return { child, done, files };
}

/** Runs the action to completion. */
export function runAction(options) {
  return startAction(options).done;
}
