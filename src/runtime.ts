import * as core from '@actions/core';
// Only the Context class of @actions/github: its package entry pulls in all of Octokit (~140 kB of
// bundle, and a dependency that wants Node 22) for an action that never calls the GitHub API. The
// package does not export this path, hence the relative import.
import { Context } from '../node_modules/@actions/github/lib/context.js';
import { setTimeout as delay } from 'node:timers/promises';
import type { AwsCredentialIdentityProvider } from '@aws-sdk/types';
import { createCodeBuild } from './codebuild.js';
import { ActionError, messageOf, ServiceError } from './errors.js';
import type { Deps } from './main.js';
import { readRole, type RoleConfig } from './inputs.js';
import { parseArn } from './links.js';
import type { Io } from './report.js';
import { endpointOverride } from './setup.js';
import { logSafe, oneLine } from './text.js';
import type { Clock } from './wait.js';

/** The ARN (or id) of the batch the main step waits on, so the post step can stop a batch left running. */
export const RUNNING_BATCH_STATE = 'running-batch-id';

const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) => delay(ms, undefined, { signal }).catch(() => undefined),
};

// Every message may carry service text: each line passes the one neutraliser before the runner reads it.
const io: Io = {
  info: (message) => core.info(logSafe(message)),
  debug: (message) => core.debug(logSafe(message)),
  notice: (message) => core.notice(logSafe(message)),
  warning: (message) => core.warning(logSafe(message)),
  error: (message, title) => core.error(logSafe(message), { title: title && logSafe(title) }),
  group: (title, body) => {
    core.startGroup(logSafe(oneLine(title)));
    try {
      body();
    } finally {
      core.endGroup();
    }
  },
  setOutput: core.setOutput,
  saveState: core.saveState,
  writeSummary: async (markdown) => {
    // A runner always sets it; outside one (@github/local-action) the summary must not vanish silently.
    if (!process.env.GITHUB_STEP_SUMMARY)
      return core.info(
        'No job summary written: GITHUB_STEP_SUMMARY is not set (set it to a file path).',
      );
    await core.summary.emptyBuffer().addRaw(markdown).write();
  },
};

/** The runner sends SIGINT on cancellation (SIGTERM 7.5 s later): both abort the wait. */
function cancellationSignal(): AbortSignal {
  const controller = new AbortController();
  const onSignal = (name: string) => {
    if (!controller.signal.aborted) core.info(`Received ${name}: the workflow is being cancelled.`);
    controller.abort();
  };
  process.on('SIGINT', () => onSignal('SIGINT'));
  process.on('SIGTERM', () => onSignal('SIGTERM'));
  return controller.signal;
}

/**
 * role-to-assume: the credentials module (STS, OIDC) loads at the first call that needs credentials,
 * so a run without role-to-assume never loads it.
 */
function roleCredentials(role: RoleConfig): AwsCredentialIdentityProvider {
  let provider: Promise<AwsCredentialIdentityProvider> | undefined;
  return async (properties) => {
    provider ??= import('./credentials.js').then((m) =>
      m.roleCredentials({
        role,
        env: process.env,
        getIdToken: (audience) => core.getIDToken(audience),
        setSecret: core.setSecret,
      }),
    );
    return (await provider)(properties);
  };
}

/** CodeBuild with the job's credentials, or the role's when role-to-assume is set. */
function codebuildFor(region: string | undefined, role: RoleConfig | undefined) {
  return createCodeBuild({
    region,
    credentials: role && roleCredentials(role),
    endpoint: endpointOverride(process.env, 'CODEBUILD'),
  });
}

function eventOf(context: Context): Deps['event'] {
  const head = (context.payload.pull_request as { head?: { sha?: unknown } } | undefined)?.head;
  return {
    name: context.eventName,
    inputs: context.payload.inputs as Record<string, unknown> | undefined,
    sha: context.sha || undefined,
    headSha: typeof head?.sha === 'string' ? head.sha : undefined,
  };
}

export function runnerDeps(): Deps {
  return {
    inputs: {
      get: (name) => core.getInput(name),
      getBoolean: (name) => core.getBooleanInput(name),
    },
    event: eventOf(new Context()),
    env: process.env,
    run: {
      runId: process.env.GITHUB_RUN_ID,
      runAttempt: process.env.GITHUB_RUN_ATTEMPT,
      job: process.env.GITHUB_JOB,
      step: process.env.GITHUB_ACTION,
    },
    codebuild: (config) => codebuildFor(config.region, config.role),
    clock: realClock,
    cancelled: cancellationSignal(),
    io,
  };
}

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

/** The post step: stops a batch the main step was waiting on when it was killed. */
export async function stopLeftoverBatch(): Promise<void> {
  const saved = core.getState(RUNNING_BATCH_STATE);
  if (!saved) return;
  const arn = parseArn(saved);
  const batchId = arn?.resourceId ?? saved;
  core.info(`The main step ended while waiting for ${batchId}: stopping it.`);
  try {
    const region = arn?.region ?? (core.getInput('aws-region') || undefined);
    const role = readRole({ get: (name) => core.getInput(name), getBoolean: core.getBooleanInput });
    const stopped = await codebuildFor(region, role).stopBatch(
      batchId,
      AbortSignal.timeout(10_000),
    );
    core.info(`Batch ${batchId} is ${stopped?.buildBatchStatus ?? 'stopped'}.`);
  } catch (error) {
    core.warning(logSafe(`Could not stop batch ${batchId}: ${messageOf(error)}`));
  }
}

const POST_MARKER = 'main-step-started';

/** The runner runs dist/index.js again as the post step, with the state the main step saved. */
export function isPostStep(): boolean {
  return core.getState(POST_MARKER) === 'true';
}

export function markMainStep(): void {
  core.saveState(POST_MARKER, 'true');
}
