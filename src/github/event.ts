import { context } from '@actions/github';
import type { RunIdentity } from '../config/token.js';

/** The workflow event: its name, dispatch inputs, GITHUB_SHA and a pull request's head commit. */
export interface RunEvent {
  name?: string;
  inputs?: Record<string, unknown>;
  sha?: string;
  headSha?: string;
}

/** The event as @actions/github's context reads it from the runner's variables and event file. */
export function eventOf(): RunEvent {
  const { payload } = context;
  const head = (payload.pull_request as { head?: { sha?: unknown } } | undefined)?.head;
  const inputs: unknown = payload.inputs;
  return {
    name: context.eventName || undefined,
    inputs: inputs && typeof inputs === 'object' ? (inputs as Record<string, unknown>) : undefined,
    sha: context.sha || undefined,
    headSha: typeof head?.sha === 'string' ? head.sha : undefined,
  };
}

/** A number the context parsed from the environment, as the string the runner gave (none outside one). */
const shown = (n: number) => (Number.isFinite(n) ? String(n) : undefined);

/** This execution of the step: run, attempt, job and step (the job's step id, GITHUB_ACTION). */
export function runIdentity(): RunIdentity {
  return {
    runId: shown(context.runId),
    runAttempt: shown(context.runAttempt),
    job: context.job || undefined,
    step: context.action || undefined,
  };
}
