import * as core from '@actions/core';
import { connectCodeBuild } from '../aws/connect.js';
import { parseArn } from '../aws/arn.js';
import { messageOf } from '../config/errors.js';
import { readRole } from '../config/inputs.js';
import { Inputs, State } from '../config/names.js';
import { keepCredentialsOut, runnerInputs, runnerIo } from './io.js';
import type { OpenCheckRuns } from './leftover-checks.js';

/** The runner runs dist/index.js again as the post step, with the state the main step saved. */
export function isPostStep(): boolean {
  return core.getState(State.MainStepStarted) === 'true';
}

export function markMainStep(): void {
  core.saveState(State.MainStepStarted, 'true');
}

/**
 * The post step's other part: check runs the main step created and had not all completed (it was
 * killed, or cancelled with no time left) are completed as cancelled. Octokit loads only then.
 */
export async function completeLeftoverCheckRuns(): Promise<void> {
  const io = runnerIo;
  const saved = core.getState(State.OpenCheckRuns);
  const token = core.getInput(Inputs.GithubToken);
  if (!saved || !token) return;
  io.secret(token);
  let open: OpenCheckRuns;
  try {
    open = JSON.parse(saved) as OpenCheckRuns;
  } catch {
    return;
  }
  try {
    const { completeLeftoverCheckRuns: complete } = await import('./leftover-checks.js');
    await complete(open, token, io);
  } catch (error) {
    io.warning(`Check runs the main step left in progress were not completed: ${messageOf(error)}`);
  }
}

/**
 * The post step's one call is the last chance to stop the batch: its client retries longer
 * (clientConfig's lastChance), within this.
 */
const POST_STOP_MS = 10_000;

/** The post step: stops a batch the main step was waiting on when it was killed. */
export async function stopLeftoverBatch(): Promise<void> {
  const io = runnerIo;
  const saved = core.getState(State.RunningBatchId);
  if (!saved) return;
  keepCredentialsOut(process.env);
  const arn = parseArn(saved);
  const batchId = arn?.resourceId ?? saved;
  io.info(`The main step ended while waiting for ${batchId}: stopping it.`);
  try {
    const region = arn?.region ?? (core.getInput(Inputs.AwsRegion) || undefined);
    const role = readRole(runnerInputs);
    const codebuild = connectCodeBuild({
      region,
      role,
      env: process.env,
      getIdToken: (audience) => core.getIDToken(audience),
      setSecret: (value) => io.secret(value, { mask: true }),
      lastChance: true,
    });
    const stopped = await codebuild.stopBatch(batchId, AbortSignal.timeout(POST_STOP_MS));
    io.info(`Batch ${batchId} is ${stopped?.buildBatchStatus ?? 'stopped'}.`);
  } catch (error) {
    io.warning(`Could not stop batch ${batchId}: ${messageOf(error)}`);
  }
}
