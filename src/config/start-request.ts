import type { EnvironmentVariable, StartBuildBatchCommandInput } from '@aws-sdk/client-codebuild';
import { ActionError } from './errors.js';
import { GITHUB_ENV_VARS, Inputs } from './names.js';
import type { StartInputs } from './start-inputs.js';

/** What the start request needs from the workflow run. */
export interface RunContext {
  /** The step's environment: values of env-vars-for-codebuild and of the GitHub context. */
  env: NodeJS.ProcessEnv;
  eventName?: string;
  /** GITHUB_SHA: on pull_request events, the merge commit. */
  sha?: string;
  /** The pull request's head commit (github.event.pull_request.head.sha). */
  headSha?: string;
}

/**
 * The workflow's commit: a pull request's head, not the merge commit GITHUB_SHA names then (on
 * pull_request, its review and review-comment events; on pull_request_target, the base's commit).
 */
export function defaultSourceVersion(context: RunContext): string | undefined {
  const pullRequest = (context.eventName ?? '').startsWith('pull_request');
  return (pullRequest ? context.headSha : undefined) || context.sha || undefined;
}

/**
 * The variables sent: the GitHub context (when set and not empty), then the PLAINTEXT names listed,
 * then those CodeBuild reads from Parameter Store and Secrets Manager. A variable an input names
 * replaces the GitHub context's of that name.
 */
function environmentVariables(start: StartInputs, env: RunContext['env']): EnvironmentVariable[] {
  // The environment's own variables only: process.env inherits `constructor`, `toString` and the rest.
  const valueOf = (name: string) => (Object.hasOwn(env, name) ? env[name] : undefined);
  const missing = start.envVarNames.filter((name) => valueOf(name) === undefined);
  if (missing.length > 0) {
    throw new ActionError(
      `Input "${Inputs.EnvVarsForCodebuild}" names ${missing.join(', ')}, not set in the step's environment: set ${missing.length > 1 ? 'them' : 'it'} under the step's env:, or leave ${missing.length > 1 ? 'them' : 'it'} out.`,
    );
  }
  const variables = new Map<string, EnvironmentVariable>();
  const plain = (name: string, value: string) =>
    variables.set(name, { name, value, type: 'PLAINTEXT' });
  if (start.githubEnvVars) {
    for (const name of GITHUB_ENV_VARS) {
      const value = valueOf(name);
      if (value) plain(name, value);
    }
  }
  for (const name of start.envVarNames) plain(name, valueOf(name)!);
  for (const variable of start.referencedEnvVars) variables.set(variable.name!, variable);
  return [...variables.values()];
}

/**
 * The StartBuildBatch request of start-batch: start-overrides, then what the inputs own (project,
 * source version, environment variables, buildspec). The idempotency token is added by the caller,
 * derived from this request (token.ts). Pure.
 */
export function startRequest(
  projectName: string,
  start: StartInputs,
  context: RunContext,
): StartBuildBatchCommandInput {
  const sourceVersion = start.overrideSource
    ? (start.sourceVersion ?? defaultSourceVersion(context))
    : undefined;
  const variables = environmentVariables(start, context.env);
  return {
    ...start.overrides,
    projectName,
    ...(sourceVersion ? { sourceVersion } : {}),
    ...(variables.length > 0 ? { environmentVariablesOverride: variables } : {}),
    ...(start.buildspecOverride ? { buildspecOverride: start.buildspecOverride } : {}),
  };
}
