import type { RetryBuildBatchType } from '@aws-sdk/client-codebuild';
import { ActionError } from './errors.js';
import { parseArn, partitionOf } from '../aws/arn.js';
import { readStartInputs, type StartInputs } from './start-inputs.js';
import { readGitHubSettings, type GitHubSettings } from './github-inputs.js';

/**
 * Where the batch to retry comes from: a batch named by the user, the newest failed batch of a
 * project, or a batch this step starts (start-batch).
 */
export type Target =
  | { kind: 'batch'; batchId: string; account?: string }
  | { kind: 'project'; projectName: string }
  | { kind: 'start'; projectName: string; start: StartInputs };

export interface Config {
  target: Target;
  /** Explicit region (input or ARN); undefined lets the SDK find one (AWS_REGION, profile, …). */
  region?: string;
  retryType: RetryBuildBatchType;
  /** Sent as given when set; otherwise derived per attempt (see token.ts). */
  idempotencyToken?: string;
  wait: boolean;
  pollIntervalMs: number;
  /** 0 means no limit beyond the job's own. */
  timeoutMs: number;
  failOnBatchFailure: boolean;
  stopOnCancel: boolean;
  maxAttempts: number;
  /** role-to-assume: the action assumes this role with the job's OIDC token, instead of the job's credentials. */
  role?: RoleConfig;
  /** Log lines shown per failed group; 0 reads no logs. */
  logLines: number;
  /** checks, check-name, github-token, pr-comment. */
  github: GitHubSettings;
}

export interface RoleConfig {
  arn: string;
  /** As given; undefined to derive it from the repository and run (see credentials.ts). */
  sessionName?: string;
  durationSeconds: number;
  audience: string;
}

/** How inputs are read: backed by @actions/core in the action, by a plain object in tests. */
export interface InputSource {
  /** The trimmed value, '' when not given. */
  get(name: string): string;
  /** YAML 1.2 core-schema boolean; throws on anything else. */
  getBoolean(name: string): boolean;
}

const RETRY_TYPES: readonly RetryBuildBatchType[] = ['RETRY_FAILED_BUILDS', 'RETRY_ALL_BUILDS'];
// Project names: the service model's ProjectName (2 to 150 characters).
const BATCH_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{1,149}:[A-Za-z0-9-]{1,128}$/;
const PROJECT_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{1,149}$/;
// The shape every partition's regions share (us-east-1, cn-north-1, eusc-de-east-1, us-isob-east-1).
const REGION = /^[a-z]{2,4}(-[a-z]+)+-\d{1,2}$/;
/** Poll interval bounds: a tenth of a second (the simulator) to a day. */
const MIN_POLL_SECONDS = 0.1;
const MAX_POLL_SECONDS = 86_400;
const DECIMAL = /^(\d+(\.\d*)?|\.\d+)$/;
const MAX_ATTEMPTS = 100;
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;
const MAX_LOG_LINES = 1000;

/** Inputs a workflow_dispatch event may supply when the step leaves them empty. */
const DISPATCH_INPUTS = ['batch-id', 'project-name', 'retry-type'] as const;
/** The dispatch inputs that choose the batch. */
const TARGET_INPUTS: readonly string[] = ['batch-id', 'project-name'];

/** Shows a value the user gave, safely: quoted, escaped, and short. */
export function shown(value: string): string {
  return JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value);
}

function invalid(name: string, value: string, accepted: string): ActionError {
  return new ActionError(`Input "${name}" is ${shown(value)}, but it must be ${accepted}.`);
}

function readNumber(
  source: InputSource,
  name: string,
  fallback: number,
  accepted: string,
  valid: (n: number) => boolean,
): number {
  const raw = source.get(name);
  if (raw === '') return fallback;
  const n = DECIMAL.test(raw) ? Number(raw) : NaN;
  if (!Number.isFinite(n) || !valid(n)) throw invalid(name, raw, accepted);
  return n;
}

function readBoolean(source: InputSource, name: string, fallback: boolean): boolean {
  if (source.get(name) === '') return fallback;
  try {
    return source.getBoolean(name);
  } catch {
    throw invalid(name, source.get(name), '"true" or "false"');
  }
}

function readTarget(
  batchInput: string,
  projectInput: string,
  startBatch: boolean,
): { target: Target; region?: string } {
  if (startBatch && batchInput !== '') {
    throw new ActionError(
      'Inputs "batch-id" and "start-batch" are both set: remove "batch-id" to start a new batch of "project-name", or "start-batch" to retry that batch.',
    );
  }
  if (startBatch && projectInput === '') {
    throw new ActionError(
      'Input "start-batch" is true but "project-name" is empty: set "project-name" to the CodeBuild project to start.',
    );
  }
  if (batchInput !== '' && projectInput !== '') {
    throw new ActionError(
      'Inputs "batch-id" and "project-name" are both set, but they are two ways to choose the batch: keep "batch-id" to retry that batch, or "project-name" to retry the newest failed batch of the project.',
    );
  }
  if (batchInput !== '') {
    if (batchInput.startsWith('arn:')) {
      const arn = parseArn(batchInput);
      if (arn?.service === 'codebuild' && arn.resourceType === 'build') {
        throw new ActionError(
          `Input "batch-id" is ${shown(batchInput)}, a build ARN (":build/"), not a batch build ARN (":build-batch/"): give the ARN of the batch the build belongs to (its buildBatchArn).`,
        );
      }
      if (
        !arn ||
        arn.service !== 'codebuild' ||
        arn.resourceType !== 'build-batch' ||
        !BATCH_ID.test(arn.resourceId)
      ) {
        throw invalid(
          'batch-id',
          batchInput,
          'a batch build id (project:uuid) or a batch build ARN (arn:aws:codebuild:REGION:ACCOUNT:build-batch/project:uuid)',
        );
      }
      const regionPartition = partitionOf(arn.region);
      if (!REGION.test(arn.region) || regionPartition !== arn.partition) {
        throw new ActionError(
          `Input "batch-id" is ${shown(batchInput)}, whose partition ${arn.partition} does not hold region ${arn.region} (that region is in ${regionPartition}): copy the ARN again from the batch.`,
        );
      }
      return {
        target: { kind: 'batch', batchId: arn.resourceId, account: arn.account },
        region: arn.region,
      };
    }
    if (!BATCH_ID.test(batchInput)) {
      throw invalid('batch-id', batchInput, 'a batch build id (project:uuid) or a batch build ARN');
    }
    return { target: { kind: 'batch', batchId: batchInput } };
  }
  if (projectInput !== '') {
    if (!PROJECT_NAME.test(projectInput)) {
      throw invalid(
        'project-name',
        projectInput,
        'a CodeBuild project name (2 to 150 letters, digits, "-" or "_")',
      );
    }
    return { target: { kind: 'project', projectName: projectInput } };
  }
  throw new ActionError(
    'No batch to retry: set "batch-id" to a batch build id or ARN, or "project-name" to retry the newest failed batch of that project.',
  );
}

/**
 * Under workflow_dispatch, inputs the step leaves empty are taken from the dispatch form's inputs of
 * the same name, so the smallest re-run workflow needs no `with:` wiring.
 */
export function withDispatchInputs(
  source: InputSource,
  eventName: string | undefined,
  dispatchInputs: Record<string, unknown> | undefined,
): InputSource {
  if (eventName !== 'workflow_dispatch' || !dispatchInputs) return source;
  // A step that chose its batch itself (batch-id, project-name or start-batch) takes no target from
  // the form: a form's batch-id must not collide with the step's project-name.
  const stepChoseTarget =
    source.get('batch-id') !== '' ||
    source.get('project-name') !== '' ||
    /^(true|True|TRUE)$/.test(source.get('start-batch'));
  return {
    get(name) {
      const own = source.get(name);
      const fromEvent = dispatchInputs[name];
      if (
        own === '' &&
        (DISPATCH_INPUTS as readonly string[]).includes(name) &&
        !(stepChoseTarget && TARGET_INPUTS.includes(name)) &&
        typeof fromEvent === 'string'
      ) {
        return fromEvent.trim();
      }
      return own;
    },
    getBoolean: (name) => source.getBoolean(name),
  };
}

/** role-to-assume and its companions; undefined when no role is to be assumed. Also read by the post step. */
export function readRole(source: InputSource): RoleConfig | undefined {
  const arn = source.get('role-to-assume');
  if (arn === '') return undefined;
  if (!ROLE_ARN.test(arn))
    throw invalid(
      'role-to-assume',
      arn,
      'an IAM role ARN such as arn:aws:iam::123456789012:role/ci',
    );
  const sessionName = source.get('role-session-name');
  if (sessionName !== '' && !SESSION_NAME.test(sessionName))
    throw invalid(
      'role-session-name',
      sessionName,
      '2 to 64 letters, digits or any of _+=,.@- (as STS accepts)',
    );
  const durationSeconds = readNumber(
    source,
    'role-duration-seconds',
    3600,
    'a whole number of seconds from 900 to 43200',
    (n) => Number.isInteger(n) && n >= 900 && n <= 43_200,
  );
  return {
    arn,
    sessionName: sessionName || undefined,
    durationSeconds,
    audience: source.get('audience') || 'sts.amazonaws.com',
  };
}

/** Reads and validates every input, before anything touches AWS. Throws ActionError naming the input. */
export function readConfig(source: InputSource): Config {
  const startBatch = readBoolean(source, 'start-batch', false);
  const { target: found, region: arnRegion } = readTarget(
    source.get('batch-id'),
    source.get('project-name'),
    startBatch,
  );
  const target: Target =
    startBatch && found.kind === 'project'
      ? { kind: 'start', projectName: found.projectName, start: readStartInputs(source) }
      : found;

  const regionInput = source.get('aws-region');
  if (regionInput !== '' && !REGION.test(regionInput)) {
    throw invalid('aws-region', regionInput, 'an AWS region such as us-east-1');
  }
  if (regionInput !== '' && arnRegion && regionInput !== arnRegion) {
    throw new ActionError(
      `Input "aws-region" is ${shown(regionInput)}, but "batch-id" is an ARN in ${arnRegion}: remove "aws-region" or make them agree.`,
    );
  }

  const retryRaw = source.get('retry-type');
  const retryType = (
    retryRaw === '' ? 'RETRY_FAILED_BUILDS' : retryRaw.toUpperCase()
  ) as RetryBuildBatchType;
  if (!RETRY_TYPES.includes(retryType)) {
    throw invalid('retry-type', retryRaw, 'RETRY_FAILED_BUILDS or RETRY_ALL_BUILDS');
  }

  const pollSeconds = readNumber(
    source,
    'poll-interval-seconds',
    15,
    `a number of seconds from ${MIN_POLL_SECONDS} to ${MAX_POLL_SECONDS}, such as 15 or 30`,
    (n) => n >= MIN_POLL_SECONDS && n <= MAX_POLL_SECONDS,
  );
  const timeoutMinutes = readNumber(
    source,
    'timeout-minutes',
    0,
    'a number of minutes, 0 for no limit, such as 30 or 1.5',
    (n) => n >= 0,
  );
  // With start-batch, max-attempts counts the retries after the start: 0 only starts and waits.
  const fewestAttempts = startBatch ? 0 : 1;
  const maxAttempts = readNumber(
    source,
    'max-attempts',
    1,
    `a whole number from ${fewestAttempts} to ${MAX_ATTEMPTS}`,
    (n) => Number.isInteger(n) && n >= fewestAttempts && n <= MAX_ATTEMPTS,
  );
  const wait = readBoolean(source, 'wait', true);
  if (!wait && maxAttempts > 1) {
    throw new ActionError(
      `Input "max-attempts" is ${maxAttempts} but "wait" is false: retrying again needs the outcome of the previous retry, so set "wait: true" or "max-attempts: 1".`,
    );
  }

  const logLines = readNumber(
    source,
    'log-lines',
    30,
    `a whole number from 0 (no log tails) to ${MAX_LOG_LINES}`,
    (n) => Number.isInteger(n) && n >= 0 && n <= MAX_LOG_LINES,
  );

  const token = source.get('idempotency-token');
  return {
    target,
    region: regionInput || arnRegion,
    retryType,
    idempotencyToken: token === '' ? undefined : token,
    wait,
    pollIntervalMs: pollSeconds * 1000,
    timeoutMs: timeoutMinutes * 60_000,
    failOnBatchFailure: readBoolean(source, 'fail-on-batch-failure', true),
    stopOnCancel: readBoolean(source, 'stop-on-cancel', true),
    maxAttempts,
    role: readRole(source),
    logLines,
    github: readGitHubSettings(source, wait),
  };
}
