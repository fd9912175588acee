import {
  StartBuildBatchInput$,
  type EnvironmentVariable,
  type EnvironmentVariableType,
  type StartBuildBatchCommandInput,
} from '@aws-sdk/client-codebuild';
import { ActionError } from './errors.js';
import { readBoolean, shown, type InputSource } from './input-source.js';
import { Inputs, type InputName } from './names.js';
import { nearest, shapeProblem, type ShapeProblem } from './request-shape.js';

/** Members of StartBuildBatch's request that start-overrides may set (the others belong to inputs). */
export type StartOverrides = Omit<Partial<StartBuildBatchCommandInput>, OwnedMember>;

/** What start-batch sends besides the project name, as the inputs say. */
export interface StartInputs {
  /** source-version; undefined sends the workflow's commit. */
  sourceVersion?: string;
  /** False with disable-source-override: no sourceVersion, the project's own is used. */
  overrideSource: boolean;
  /** env-vars-for-codebuild: names whose values are read from the step's environment. */
  envVarNames: string[];
  /**
   * parameter-store-env-vars and secrets-manager-env-vars: each value is the name of a parameter or
   * secret, which CodeBuild reads when the build starts. Not secrets themselves.
   */
  referencedEnvVars: EnvironmentVariable[];
  /** False with disable-github-env-vars. */
  githubEnvVars: boolean;
  buildspecOverride?: string;
  overrides: StartOverrides;
}

/**
 * Every member of StartBuildBatch's input, and what sets it when the action does (undefined:
 * start-overrides may). Typed against the SDK, so a member the SDK adds or drops fails the type check.
 */
const START_MEMBERS: Record<keyof StartBuildBatchCommandInput, string | undefined> = {
  projectName: `the input "${Inputs.ProjectName}"`,
  sourceVersion: `the inputs "${Inputs.SourceVersion}" and "${Inputs.DisableSourceOverride}"`,
  environmentVariablesOverride: `the inputs "${Inputs.EnvVarsForCodebuild}", "${Inputs.ParameterStoreEnvVars}", "${Inputs.SecretsManagerEnvVars}" and "${Inputs.DisableGithubEnvVars}"`,
  buildspecOverride: `the input "${Inputs.BuildspecOverride}"`,
  idempotencyToken:
    'the workflow run (run, attempt, job and step), so a resent start starts one batch',
  secondarySourcesOverride: undefined,
  secondarySourcesVersionOverride: undefined,
  artifactsOverride: undefined,
  secondaryArtifactsOverride: undefined,
  sourceTypeOverride: undefined,
  sourceLocationOverride: undefined,
  sourceAuthOverride: undefined,
  gitCloneDepthOverride: undefined,
  gitSubmodulesConfigOverride: undefined,
  insecureSslOverride: undefined,
  reportBuildBatchStatusOverride: undefined,
  environmentTypeOverride: undefined,
  imageOverride: undefined,
  computeTypeOverride: undefined,
  certificateOverride: undefined,
  cacheOverride: undefined,
  serviceRoleOverride: undefined,
  privilegedModeOverride: undefined,
  buildTimeoutInMinutesOverride: undefined,
  queuedTimeoutInMinutesOverride: undefined,
  encryptionKeyOverride: undefined,
  logsConfigOverride: undefined,
  registryCredentialOverride: undefined,
  imagePullCredentialsTypeOverride: undefined,
  buildBatchConfigOverride: undefined,
  debugSessionEnabled: undefined,
};
type OwnedMember =
  | 'projectName'
  | 'sourceVersion'
  | 'environmentVariablesOverride'
  | 'buildspecOverride'
  | 'idempotencyToken';

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A comma- or newline-separated list of environment variable names, each once. */
function readEnvNames(raw: string): string[] {
  const names = raw
    .split(/[,\n]/)
    .map((n) => n.trim())
    .filter(Boolean);
  const bad = names.find((n) => !ENV_NAME.test(n));
  if (bad !== undefined) {
    throw new ActionError(
      `Input "${Inputs.EnvVarsForCodebuild}" lists ${shown(bad)}, which is not an environment variable name: list names such as DEPLOY_ENV, separated by commas or new lines.`,
    );
  }
  return [...new Set(names)];
}

/** The inputs of variables CodeBuild reads from a store, one NAME=reference per line. */
const REFERENCED: ReadonlyArray<{
  input: InputName;
  type: Extract<EnvironmentVariableType, 'PARAMETER_STORE' | 'SECRETS_MANAGER'>;
  what: string;
  example: string;
}> = [
  {
    input: Inputs.ParameterStoreEnvVars,
    type: 'PARAMETER_STORE',
    what: 'parameter',
    example: 'DB_PASSWORD=/ci/db-password',
  },
  {
    input: Inputs.SecretsManagerEnvVars,
    type: 'SECRETS_MANAGER',
    what: 'secret',
    example: 'DOCKER_TOKEN=ci/docker:token',
  },
];
// Parameter names, secret ids and ARNs hold neither spaces nor commas: a comma means two on one line.
const REFERENCE_LINE = /^([A-Za-z_][A-Za-z0-9_]*)\s*=\s*([^\s,]+)$/;

/** One variable per line, NAME=reference; blank lines are skipped. */
function readReferenced(
  source: InputSource,
  kind: (typeof REFERENCED)[number],
): EnvironmentVariable[] {
  const variables: EnvironmentVariable[] = [];
  for (const line of source
    .get(kind.input)
    .split('\n')
    .map((l) => l.trim())) {
    if (line === '') continue;
    const match = REFERENCE_LINE.exec(line);
    if (!match) {
      throw new ActionError(
        `Input "${kind.input}" has the line ${shown(line)}, which is not NAME=${kind.what}: write one variable per line, such as ${kind.example}.`,
      );
    }
    const [, name, value] = match as unknown as [string, string, string];
    if (variables.some((v) => v.name === name)) {
      throw new ActionError(`Input "${kind.input}" sets ${name} twice: keep one.`);
    }
    variables.push({ name, value, type: kind.type });
  }
  return variables;
}

/** A variable set by two inputs would leave CodeBuild to pick one: refused, naming both. */
function refuseTwice(sets: ReadonlyArray<[InputName, readonly string[]]>): void {
  const seen = new Map<string, InputName>();
  for (const [input, names] of sets) {
    for (const name of names) {
      const other = seen.get(name);
      if (other) {
        throw new ActionError(`Inputs "${other}" and "${input}" both set ${name}: keep it in one.`);
      }
      seen.set(name, input);
    }
  }
}

/**
 * What JSON.parse found wrong, without the quote of the input V8 appends (`Unexpected token 'o',
 * "oops" is not valid JSON`): the sentence already says so, and the quote may span lines.
 */
function jsonProblem(error: Error): string {
  const problem = error.message
    .replace(/,?\s*(\.\.\.)?"[\s\S]*"(\.\.\.)?\s+is not valid JSON$/, '')
    .split('\n')[0]!
    .trim();
  return problem || 'not a JSON value';
}

/**
 * start-overrides: a JSON object of StartBuildBatch members. The SDK silently drops members it does
 * not know, at any depth, so an unknown one is an error here; so is a value of the wrong JSON type,
 * whose SerializationException would name no member. Values themselves (ranges, enums) are left to
 * CodeBuild, whose answer names the member.
 */
function readOverrides(raw: string): StartOverrides {
  if (raw === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    throw new ActionError(
      `Input "${Inputs.StartOverrides}" is not valid JSON (${jsonProblem(error as Error)}): give a JSON object such as {"computeTypeOverride": "BUILD_GENERAL1_LARGE"}.`,
    );
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ActionError(
      `Input "${Inputs.StartOverrides}" must be a JSON object of StartBuildBatch members, such as {"computeTypeOverride": "BUILD_GENERAL1_LARGE"}.`,
    );
  }
  for (const member of Object.keys(parsed)) {
    if (!Object.hasOwn(START_MEMBERS, member))
      throw notAMember(member, nearest(member, Object.keys(START_MEMBERS)));
    const owner = START_MEMBERS[member as keyof StartBuildBatchCommandInput];
    if (owner) {
      throw new ActionError(
        `Input "${Inputs.StartOverrides}" sets "${member}", which the action sets from ${owner}: leave it out of ${Inputs.StartOverrides}.`,
      );
    }
  }
  const problem = shapeProblem(StartBuildBatchInput$, parsed as Record<string, unknown>);
  if (problem?.kind === 'unknown') throw notAMember(problem.path, problem.near);
  if (problem?.kind === 'type') throw wrongType(problem);
  return parsed as StartOverrides;
}

/** A member the SDK would leave out of the request without a word. */
function notAMember(path: string, near: string | undefined): ActionError {
  return new ActionError(
    `Input "${Inputs.StartOverrides}" sets ${shown(path)}, which StartBuildBatch does not have` +
      (near ? ` (did you mean ${shown(near)}?)` : '') +
      ': see the StartBuildBatch API reference for its members.',
  );
}

/** A value CodeBuild could not read, whose SerializationException would name no member. */
function wrongType(problem: Extract<ShapeProblem, { kind: 'type' }>): ActionError {
  const { value } = problem;
  const given =
    typeof value === 'string'
      ? shown(value)
      : typeof value === 'number' && !Number.isFinite(value)
        ? 'a number too large to send'
        : Array.isArray(value)
          ? 'a list'
          : typeof value === 'object'
            ? 'an object'
            : String(value);
  // "60" for a number, "true" for a flag: the same without quotes is what was meant.
  const unquoted =
    typeof value === 'string' &&
    ((problem.takes === 'a number' && /^-?\d+(\.\d+)?$/.test(value.trim())) ||
      (problem.takes === 'true or false' && /^(true|false)$/.test(value.trim())));
  return new ActionError(
    `Input "${Inputs.StartOverrides}" sets ${shown(problem.path)} to ${given}, but StartBuildBatch takes ${problem.takes} there` +
      (unquoted ? ': write it without quotes.' : '.'),
  );
}

/** The inputs only start-batch reads, and whether each is a flag (given when not false, its default). */
const START_ONLY: ReadonlyArray<[InputName, 'flag' | 'text']> = [
  [Inputs.SourceVersion, 'text'],
  [Inputs.DisableSourceOverride, 'flag'],
  [Inputs.EnvVarsForCodebuild, 'text'],
  [Inputs.ParameterStoreEnvVars, 'text'],
  [Inputs.SecretsManagerEnvVars, 'text'],
  [Inputs.DisableGithubEnvVars, 'flag'],
  [Inputs.BuildspecOverride, 'text'],
  [Inputs.StartOverrides, 'text'],
];
const FALSE = /^(false|False|FALSE)$/;

/** "a", "a" and "b", "a", "b" and "c" */
export function quotedList(names: readonly string[]): string {
  const quoted = names.map((n) => `"${n}"`);
  return quoted.length < 2
    ? quoted.join('')
    : `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`;
}

/**
 * Without start-batch, a start input would be ignored: the batch retried is not the one the user
 * meant to build (another source version, buildspec or compute type). Throws naming each one given.
 */
export function refuseStartInputs(source: InputSource): void {
  const given = START_ONLY.filter(([name, kind]) => {
    const value = source.get(name);
    return value !== '' && !(kind === 'flag' && FALSE.test(value));
  }).map(([name]) => name);
  if (given.length === 0) return;
  const one = given.length === 1;
  throw new ActionError(
    `${one ? 'Input' : 'Inputs'} ${quotedList(given)} ${one ? 'applies' : 'apply'} only with "${Inputs.StartBatch}: true", which is not set: set "${Inputs.StartBatch}: true" to start a new batch of "${Inputs.ProjectName}", or remove ${one ? quotedList(given) : 'them'} to retry a batch.`,
  );
}

/** Reads and validates the inputs of start-batch. Throws ActionError naming the input. */
export function readStartInputs(source: InputSource): StartInputs {
  const sourceVersion = source.get(Inputs.SourceVersion);
  const overrideSource = !readBoolean(source, Inputs.DisableSourceOverride, false);
  if (sourceVersion !== '' && !overrideSource) {
    throw new ActionError(
      `Inputs "${Inputs.SourceVersion}" and "${Inputs.DisableSourceOverride}" are both set: remove one (${Inputs.DisableSourceOverride} sends no source version at all).`,
    );
  }
  const buildspec = source.get(Inputs.BuildspecOverride);
  const envVarNames = readEnvNames(source.get(Inputs.EnvVarsForCodebuild));
  const [parameters, secrets] = REFERENCED.map((kind) => readReferenced(source, kind)) as [
    EnvironmentVariable[],
    EnvironmentVariable[],
  ];
  refuseTwice([
    [Inputs.EnvVarsForCodebuild, envVarNames],
    [Inputs.ParameterStoreEnvVars, parameters.map((v) => v.name!)],
    [Inputs.SecretsManagerEnvVars, secrets.map((v) => v.name!)],
  ]);
  return {
    sourceVersion: sourceVersion || undefined,
    overrideSource,
    envVarNames,
    referencedEnvVars: [...parameters, ...secrets],
    githubEnvVars: !readBoolean(source, Inputs.DisableGithubEnvVars, false),
    buildspecOverride: buildspec || undefined,
    overrides: readOverrides(source.get(Inputs.StartOverrides)),
  };
}
