import * as core from '@actions/core';
import { ActionError } from '../config/errors.js';
import { ServiceError } from '../aws/errors.js';
import { logSafe, oneLine } from '../report/text.js';

/** What the action writes to the runner: the thin edge over @actions/core. */
export interface Io {
  info(message: string): void;
  debug(message: string): void;
  notice(message: string): void;
  warning(message: string): void;
  error(message: string, title?: string): void;
  /** A collapsible group of log lines in the step log; `body` writes them with info(). */
  group(title: string, body: () => void): void;
  setOutput(name: string, value: string): void;
  saveState(name: string, value: string): void;
  /** Appends the job summary, given as its parts in order (a summary may be up to 512 KiB). */
  writeSummary(parts: readonly string[]): Promise<void>;
}

/**
 * The runner through @actions/core. Every message may carry service text: each passes the one
 * neutraliser before the runner reads it.
 */
export const runnerIo: Io = {
  info: (message) => core.info(logSafe(message)),
  debug: (message) => core.debug(logSafe(message)),
  notice: (message) => core.notice(logSafe(message)),
  warning: (message) => core.warning(logSafe(message)),
  error: (message, title) => core.error(logSafe(message), title ? { title: logSafe(title) } : {}),
  group: (title, body) => {
    core.startGroup(logSafe(oneLine(title)));
    try {
      body();
    } finally {
      core.endGroup();
    }
  },
  setOutput: (name, value) => core.setOutput(name, value),
  saveState: (name, value) => core.saveState(name, value),
  writeSummary: async (parts) => {
    // A runner always sets it; outside one the summary must not vanish silently.
    if (!process.env.GITHUB_STEP_SUMMARY)
      return core.info(
        'No job summary written: GITHUB_STEP_SUMMARY is not set (set it to a file path).',
      );
    await core.summary.emptyBuffer().addRaw(parts.join('')).write();
  },
};

/** One sentence for the user; the stack only in the debug log, and only for bugs. */
export function fail(error: unknown): void {
  if (error instanceof ActionError || error instanceof ServiceError) {
    core.setFailed(logSafe(error.message));
    return;
  }
  const err = error instanceof Error ? error : new Error(String(error));
  core.debug(logSafe(err.stack ?? err.message));
  core.setFailed(
    logSafe(`Unexpected error (a bug in codebuild-batch-retry, please report it): ${err.message}`),
  );
}
