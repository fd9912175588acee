import * as core from '@actions/core';
import { ActionError, messageOf } from '../config/errors.js';
import type { InputSource } from '../config/input-source.js';
import { ServiceError } from '../aws/errors.js';
import { logSafe, oneLine, redact, secretForms } from '../report/text.js';

/** What the action writes to the runner: the thin edge over @actions/core. */
export interface Io {
  info(message: string): void;
  debug(message: string): void;
  notice(message: string): void;
  warning(message: string, title?: string): void;
  error(message: string, title?: string): void;
  /** A collapsible group of log lines in the step log; `body` writes them with info(). */
  group(title: string, body: () => void): void;
  setOutput(name: string, value: string): void;
  saveState(name: string, value: string): void;
  /** Appends the job summary, given as its parts in order (a summary may be up to 512 KiB). */
  writeSummary(parts: readonly string[]): Promise<void>;
  /**
   * From now on the value (a credential or a token) is kept out of all the step writes for people:
   * log, summary, check runs and comment. With `mask`, the runner also masks it in the job's later
   * log lines (core.setSecret).
   */
  secret(value: string, options?: { mask?: boolean }): void;
  /** Text without the secrets named so far: for what goes to GitHub's API, which nothing masks. */
  redact(text: string): string;
}

/** The values runnerIo keeps out of what it writes: one step, one process, one list, as the runner's. */
const secrets = new Set<string>();
let forms: string[] = [];
const hide = (text: string) => redact(text, forms);
const clean = (text: string) => logSafe(hide(text));

/**
 * The runner through @actions/core. Every message may carry service text: each passes the one
 * neutraliser before the runner reads it.
 */
export const runnerIo: Io = {
  info: (message) => core.info(clean(message)),
  debug: (message) => core.debug(clean(message)),
  notice: (message) => core.notice(clean(message)),
  warning: (message, title) => core.warning(clean(message), title ? { title: clean(title) } : {}),
  error: (message, title) => core.error(clean(message), title ? { title: clean(title) } : {}),
  group: (title, body) => {
    core.startGroup(clean(oneLine(title)));
    try {
      body();
    } finally {
      core.endGroup();
    }
  },
  // Data other steps read (ids, JSON of what CodeBuild returned): never rewritten.
  setOutput: (name, value) => core.setOutput(name, value),
  saveState: (name, value) => core.saveState(name, value),
  writeSummary: async (parts) => {
    // A runner always sets it; outside one the summary must not vanish silently.
    if (!process.env.GITHUB_STEP_SUMMARY)
      return core.info(
        'No job summary written: GITHUB_STEP_SUMMARY is not set (set it to a file path).',
      );
    await core.summary
      .emptyBuffer()
      .addRaw(hide(parts.join('')))
      .write();
  },
  secret: (value, options) => {
    if (!value || secrets.has(value)) return;
    forms = secretForms(secrets.add(value), { token: true });
    if (options?.mask) core.setSecret(value);
  },
  redact: hide,
};

/** The step's inputs, as the runner passes them (INPUT_* variables). */
export const runnerInputs: InputSource = {
  get: (name) => core.getInput(name),
  getBoolean: (name) => core.getBooleanInput(name),
};

/**
 * Every request carries the credentials (the key id in its signature, the session token as a
 * header), and a failure may echo the request: whether or not the job's earlier steps masked them,
 * they are kept out of what the step writes where the runner's masking does not reach.
 */
export function keepCredentialsOut(env: NodeJS.ProcessEnv): void {
  for (const name of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'])
    runnerIo.secret(env[name] ?? '');
}

/** The step's failure in one sentence, as its log and its summary say it. */
export function failureMessage(error: unknown): string {
  if (error instanceof ActionError || error instanceof ServiceError) return error.message;
  return `Unexpected error (a bug in codebuild-batch-retry, please report it): ${messageOf(error)}`;
}

/** One sentence for the user; the stack only in the debug log, and only for bugs. */
export function fail(error: unknown): void {
  if (!(error instanceof ActionError || error instanceof ServiceError) && error instanceof Error)
    core.debug(clean(error.stack ?? error.message));
  core.setFailed(clean(failureMessage(error)));
}
