import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import type { AwsCredentialIdentityProvider } from '@aws-sdk/types';
import { createCodeBuild } from '../aws/codebuild.js';
import { route } from '../aws/endpoints.js';
import { ActionError, messageOf } from '../config/errors.js';
import { ServiceError } from '../aws/errors.js';
import type { Deps } from '../main.js';
import { readRole, type RoleConfig } from '../config/inputs.js';
import { parseArn } from '../report/links.js';
import type { Io } from '../steps/reporter.js';
import * as runner from './runner.js';
import { endpointOverride } from '../aws/setup.js';
import { logSafe, oneLine } from '../report/text.js';
import type { Clock } from '../steps/wait.js';

/** The ARN (or id) of the batch the main step waits on, so the post step can stop a batch left running. */
export const RUNNING_BATCH_STATE = 'running-batch-id';

const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) => delay(ms, undefined, { signal }).catch(() => undefined),
};

// Every message may carry service text: each line passes the one neutraliser before the runner reads it.
const io: Io = {
  info: (message) => runner.info(logSafe(message)),
  debug: (message) => runner.debug(logSafe(message)),
  notice: (message) => runner.notice(logSafe(message)),
  warning: (message) => runner.warning(logSafe(message)),
  error: (message, title) => runner.error(logSafe(message), title && logSafe(title)),
  group: (title, body) => {
    runner.startGroup(logSafe(oneLine(title)));
    try {
      body();
    } finally {
      runner.endGroup();
    }
  },
  setOutput: runner.setOutput,
  saveState: runner.saveState,
  writeSummary: async (parts) => {
    // A runner always sets it; outside one (@github/local-action) the summary must not vanish silently.
    if (!process.env.GITHUB_STEP_SUMMARY)
      return runner.info(
        'No job summary written: GITHUB_STEP_SUMMARY is not set (set it to a file path).',
      );
    runner.appendSummary(process.env.GITHUB_STEP_SUMMARY, parts);
  },
};

/** The runner sends SIGINT on cancellation (SIGTERM 7.5 s later): both abort the wait. */
function cancellationSignal(): AbortSignal {
  const controller = new AbortController();
  const onSignal = (name: string) => {
    if (!controller.signal.aborted)
      runner.info(`Received ${name}: the workflow is being cancelled.`);
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
    provider ??= import('../aws/credentials.js').then((m) =>
      m.roleCredentials({
        role,
        env: process.env,
        getIdToken: m.githubIdToken,
        setSecret: runner.setSecret,
      }),
    );
    return (await provider)(properties);
  };
}

/** CodeBuild with the job's credentials, or the role's when role-to-assume is set. */
function codebuildFor(region: string | undefined, role: RoleConfig | undefined) {
  const env = process.env;
  const home = env.HOME || homedir();
  // The SDK reads settings from these files; when one exists, calls go through it (endpoints.ts).
  const sharedFiles = [
    env.AWS_CONFIG_FILE || join(home, '.aws', 'config'),
    env.AWS_SHARED_CREDENTIALS_FILE || join(home, '.aws', 'credentials'),
  ].some((file) => existsSync(file));
  return createCodeBuild({
    region,
    credentials: role && roleCredentials(role),
    endpoint: endpointOverride(env, 'CODEBUILD'),
    env,
    routeTo: (service, serviceRegion) =>
      route({ ...service, env, region: serviceRegion, credentialsGiven: !!role, sharedFiles }),
    debug: (message) => runner.debug(message),
  });
}

/**
 * The workflow event, read from the runner's variables and event file as @actions/github's Context
 * does. Not through that package: its entry pulls in all of Octokit for an action that never calls
 * the GitHub API, and its Context class is not an exported path.
 */
function eventOf(env: Record<string, string | undefined>): Deps['event'] {
  let payload: { inputs?: unknown; pull_request?: { head?: { sha?: unknown } } } = {};
  try {
    if (env.GITHUB_EVENT_PATH) payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8'));
  } catch {
    // As Context: an unreadable event file means no payload (the inputs fall back to INPUT_*).
  }
  const head = payload.pull_request?.head;
  return {
    name: env.GITHUB_EVENT_NAME,
    inputs:
      payload.inputs && typeof payload.inputs === 'object'
        ? (payload.inputs as Record<string, unknown>)
        : undefined,
    sha: env.GITHUB_SHA || undefined,
    headSha: typeof head?.sha === 'string' ? head.sha : undefined,
  };
}

export function runnerDeps(): Deps {
  return {
    inputs: {
      get: (name) => runner.getInput(name),
      getBoolean: (name) => runner.getBooleanInput(name),
    },
    event: eventOf(process.env),
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
    runner.setFailed(logSafe(error.message));
    return;
  }
  const err = error instanceof Error ? error : new Error(String(error));
  runner.debug(logSafe(err.stack ?? err.message));
  runner.setFailed(
    logSafe(`Unexpected error (a bug in codebuild-batch-retry, please report it): ${err.message}`),
  );
}

/** The post step: stops a batch the main step was waiting on when it was killed. */
export async function stopLeftoverBatch(): Promise<void> {
  const saved = runner.getState(RUNNING_BATCH_STATE);
  if (!saved) return;
  const arn = parseArn(saved);
  const batchId = arn?.resourceId ?? saved;
  runner.info(`The main step ended while waiting for ${batchId}: stopping it.`);
  try {
    const region = arn?.region ?? (runner.getInput('aws-region') || undefined);
    const role = readRole({
      get: (name) => runner.getInput(name),
      getBoolean: runner.getBooleanInput,
    });
    const stopped = await codebuildFor(region, role).stopBatch(
      batchId,
      AbortSignal.timeout(10_000),
    );
    runner.info(`Batch ${batchId} is ${stopped?.buildBatchStatus ?? 'stopped'}.`);
  } catch (error) {
    runner.warning(logSafe(`Could not stop batch ${batchId}: ${messageOf(error)}`));
  }
}

const POST_MARKER = 'main-step-started';

/** The runner runs dist/index.js again as the post step, with the state the main step saved. */
export function isPostStep(): boolean {
  return runner.getState(POST_MARKER) === 'true';
}

export function markMainStep(): void {
  runner.saveState(POST_MARKER, 'true');
}
