import type { RetryBuildBatchType } from '@aws-sdk/client-codebuild';
import { ActionError } from './errors.js';
import { parseArn, partitionOf } from '../aws/arn.js';
import { consolePageOf } from './console-url.js';
import { invalid, readBoolean, readNumber, shown, type InputSource } from './input-source.js';
import { Inputs, type InputName } from './names.js';
import {
  quotedList,
  readStartInputs,
  refuseStartInputs,
  type StartInputs,
} from './start-inputs.js';
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
  /** Which groups' whole logs go into the step log as they end. */
  stepLog: StepLogMode;
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

/** step-log: whose whole log the step log gets, as each group ends. */
export type StepLogMode = 'failed' | 'all' | 'none';
const STEP_LOG_MODES: readonly StepLogMode[] = ['failed', 'all', 'none'];

const RETRY_TYPES: readonly RetryBuildBatchType[] = ['RETRY_FAILED_BUILDS', 'RETRY_ALL_BUILDS'];
// Project names: the service model's ProjectName (2 to 150 characters).
const BATCH_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{1,149}:[A-Za-z0-9-]{1,128}$/;
const PROJECT_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{1,149}$/;
// The shape every partition's regions share (us-east-1, cn-north-1, eusc-de-east-1, us-isob-east-1).
const REGION = /^[a-z]{2,4}(-[a-z]+)+-\d{1,2}$/;
/** Poll interval bounds: a tenth of a second (the simulator) to a day. */
const MIN_POLL_SECONDS = 0.1;
const MAX_POLL_SECONDS = 86_400;
const MAX_ATTEMPTS = 100;
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;
const MAX_LOG_LINES = 1000;
/** log-lines when the input is left out. */
export const DEFAULT_LOG_LINES = 30;

/** Inputs a workflow_dispatch event may supply when the step leaves them empty. */
const DISPATCH_INPUTS: readonly InputName[] = [
  Inputs.BatchId,
  Inputs.ProjectName,
  Inputs.RetryType,
];
/** The dispatch inputs that choose the batch. */
const TARGET_INPUTS: readonly InputName[] = [Inputs.BatchId, Inputs.ProjectName];

function readTarget(
  batchInput: string,
  projectInput: string,
  startBatch: boolean,
): { target: Target; region?: string } {
  if (startBatch && batchInput !== '') {
    throw new ActionError(
      `Inputs "${Inputs.BatchId}" and "${Inputs.StartBatch}" are both set: remove "${Inputs.BatchId}" to start a new batch of "${Inputs.ProjectName}", or "${Inputs.StartBatch}" to retry that batch.`,
    );
  }
  if (startBatch && projectInput === '') {
    throw new ActionError(
      `Input "${Inputs.StartBatch}" is true but "${Inputs.ProjectName}" is empty: set "${Inputs.ProjectName}" to the CodeBuild project to start.`,
    );
  }
  if (batchInput !== '' && projectInput !== '') {
    throw new ActionError(
      `Inputs "${Inputs.BatchId}" and "${Inputs.ProjectName}" are both set, but they are two ways to choose the batch: keep "${Inputs.BatchId}" to retry that batch, or "${Inputs.ProjectName}" to retry the newest failed batch of the project.`,
    );
  }
  if (batchInput !== '') {
    if (/^https?:\/\//i.test(batchInput)) return consolePage(batchInput);
    if (batchInput.startsWith('arn:')) {
      const arn = parseArn(batchInput);
      if (arn?.service === 'codebuild' && arn.resourceType === 'build') {
        throw new ActionError(
          `Input "${Inputs.BatchId}" is ${shown(batchInput)}, a build ARN (":build/"), not a batch build ARN (":build-batch/"): give the ARN of the batch the build belongs to (its buildBatchArn).`,
        );
      }
      if (
        !arn ||
        arn.service !== 'codebuild' ||
        arn.resourceType !== 'build-batch' ||
        !BATCH_ID.test(arn.resourceId)
      ) {
        throw invalid(
          Inputs.BatchId,
          batchInput,
          'a batch build id (project:uuid) or a batch build ARN (arn:aws:codebuild:REGION:ACCOUNT:build-batch/project:uuid)',
        );
      }
      const regionPartition = partitionOf(arn.region);
      if (!REGION.test(arn.region) || regionPartition !== arn.partition) {
        throw new ActionError(
          `Input "${Inputs.BatchId}" is ${shown(batchInput)}, whose partition ${arn.partition} does not hold region ${arn.region} (that region is in ${regionPartition}): copy the ARN again from the batch.`,
        );
      }
      return {
        target: { kind: 'batch', batchId: arn.resourceId, account: arn.account },
        region: arn.region,
      };
    }
    if (!BATCH_ID.test(batchInput)) {
      throw invalid(
        Inputs.BatchId,
        batchInput,
        "a batch build id (project:uuid), its ARN or its page's URL in the CodeBuild console",
      );
    }
    return { target: { kind: 'batch', batchId: batchInput } };
  }
  if (projectInput !== '') {
    if (!PROJECT_NAME.test(projectInput)) {
      throw invalid(
        Inputs.ProjectName,
        projectInput,
        'a CodeBuild project name (2 to 150 letters, digits, "-" or "_")',
      );
    }
    return { target: { kind: 'project', projectName: projectInput } };
  }
  throw new ActionError(
    `No batch to retry: set "${Inputs.BatchId}" to a batch build id, its ARN or its console page's URL, or "${Inputs.ProjectName}" to retry the newest failed batch of that project.`,
  );
}

/** batch-id given as the batch's page in the CodeBuild console. */
function consolePage(batchInput: string): { target: Target; region?: string } {
  const page = consolePageOf(batchInput);
  if (page?.kind === 'build')
    throw new ActionError(
      `Input "${Inputs.BatchId}" is a build's page in the CodeBuild console (…/build/…), not a batch build's (…/batch/…): open the batch the build belongs to (its Batch build link) and copy that page's address.`,
    );
  if (!page || !BATCH_ID.test(page.id) || (page.region && !REGION.test(page.region)))
    throw invalid(
      Inputs.BatchId,
      batchInput,
      'a batch build id (project:uuid), its ARN, or its page in the CodeBuild console (https://…/projects/PROJECT/batch/PROJECT%3AUUID…, from the address bar)',
    );
  // As for an ARN: a region the console's partition does not hold reaches no endpoint of it.
  if (page.region && partitionOf(page.region) !== page.partition)
    throw new ActionError(
      `Input "${Inputs.BatchId}" is a console page of partition ${page.partition}, which does not hold region ${page.region} (its region= says so): copy the page's address again from the browser.`,
    );
  return {
    target: { kind: 'batch', batchId: page.id, account: page.account },
    region: page.region,
  };
}

const TRUE = /^(true|True|TRUE)$/;

/**
 * Whether the step was asked to start a batch, read without failing: a failure's summary says what
 * the step was doing even when the failure is a bad input, this one included.
 */
export function startRequested(source: InputSource): boolean {
  return TRUE.test(source.get(Inputs.StartBatch));
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
  const stepChoseTarget = ownTarget(source).length > 0;
  return {
    get(name) {
      const own = source.get(name);
      const fromEvent = dispatchInputs[name];
      if (
        own === '' &&
        DISPATCH_INPUTS.includes(name) &&
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

/**
 * The inputs by which the step chose its batch itself (batch-id, project-name, start-batch): such a
 * step takes no target from the dispatch form, so that a form's batch-id cannot collide with the
 * step's project-name.
 */
function ownTarget(source: InputSource): InputName[] {
  const set = TARGET_INPUTS.filter((name) => source.get(name) !== '');
  return startRequested(source) ? [...set, Inputs.StartBatch] : set;
}

/**
 * The dispatch form's batch-id or project-name that the step's own target sets aside, with the
 * sentence that says so: a batch id pasted in the form would otherwise be ignored without a word.
 */
export function setAsideDispatchTargets(
  source: InputSource,
  eventName: string | undefined,
  dispatchInputs: Record<string, unknown> | undefined,
): string[] {
  if (eventName !== 'workflow_dispatch' || !dispatchInputs) return [];
  const own = ownTarget(source);
  if (own.length === 0) return [];
  return TARGET_INPUTS.flatMap((name) => {
    const value = dispatchInputs[name];
    if (typeof value !== 'string' || value.trim() === '') return [];
    if (batchNamed(value.trim()) === batchNamed(source.get(name))) return [];
    return [
      `The dispatch form's ${name} ${shown(value.trim())} is not used: this step sets ${own.join(' and ')} itself. To use the form's, leave ${own.join(' and ')} out of the step's "with:".`,
    ];
  });
}

/** An input name as people spell it in a form: batch_id, batchId and BATCH_ID all read batch-id. */
const spelling = (name: string) =>
  name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[\s_.]+/g, '-');

/**
 * The dispatch form's inputs that the action does not read because they are spelled otherwise than
 * its own (batch_id for batch-id): their values would otherwise be dropped without a word. Only those
 * the step would have taken from the form: not when it sets the input, or chooses its batch, itself.
 */
function misnamed(
  source: InputSource,
  eventName: string | undefined,
  dispatchInputs: Record<string, unknown> | undefined,
): Array<{ name: InputName; sentence: string }> {
  if (eventName !== 'workflow_dispatch' || !dispatchInputs) return [];
  const stepChoseTarget = ownTarget(source).length > 0;
  const given = Object.keys(dispatchInputs);
  return DISPATCH_INPUTS.flatMap((name) => {
    if (source.get(name) !== '' || given.includes(name)) return [];
    if (stepChoseTarget && TARGET_INPUTS.includes(name)) return [];
    const key = given.find((k) => spelling(k) === name && String(dispatchInputs[k]).trim() !== '');
    if (key === undefined) return [];
    return [
      {
        name,
        sentence: `The dispatch form's input ${shown(key)} is not read: the action reads the form's "${name}". Rename the form's input to ${name}, or pass it in the step's "with:" as ${name}: \${{ inputs.${key} }}.`,
      },
    ];
  });
}

/** The sentences for the dispatch form's inputs the action does not read as they are spelled. */
export function misnamedDispatchInputs(
  source: InputSource,
  eventName: string | undefined,
  dispatchInputs: Record<string, unknown> | undefined,
): string[] {
  return misnamed(source, eventName, dispatchInputs).map((m) => m.sentence);
}

/**
 * When the form's batch-id or project-name is misspelt and nothing else names a batch, the sentence
 * that says so: it is the fix, where "No batch to retry: set batch-id" would send people to a form
 * that already has one.
 */
export function lostDispatchTarget(
  source: InputSource,
  eventName: string | undefined,
  dispatchInputs: Record<string, unknown> | undefined,
): string | undefined {
  const filled = withDispatchInputs(source, eventName, dispatchInputs);
  if (TARGET_INPUTS.some((name) => filled.get(name) !== '')) return undefined;
  return misnamed(source, eventName, dispatchInputs).find((m) => TARGET_INPUTS.includes(m.name))
    ?.sentence;
}

/** The batch id a batch-id value names, whichever form it takes (id, ARN, console page). */
function batchNamed(value: string): string {
  if (value.startsWith('arn:')) return parseArn(value)?.resourceId ?? value;
  if (/^https?:\/\//i.test(value)) return consolePageOf(value)?.id ?? value;
  return value;
}

/** role-duration-seconds' and audience's defaults, as action.yml gives them. */
const ROLE_DURATION_S = 3600;
const AUDIENCE = 'sts.amazonaws.com';

/** role-to-assume and its companions; undefined when no role is to be assumed. Also read by the post step. */
export function readRole(source: InputSource): RoleConfig | undefined {
  const arn = source.get(Inputs.RoleToAssume);
  if (arn === '') return undefined;
  if (!ROLE_ARN.test(arn))
    throw invalid(
      Inputs.RoleToAssume,
      arn,
      'an IAM role ARN such as arn:aws:iam::123456789012:role/ci',
    );
  const sessionName = source.get(Inputs.RoleSessionName);
  if (sessionName !== '' && !SESSION_NAME.test(sessionName))
    throw invalid(
      Inputs.RoleSessionName,
      sessionName,
      '2 to 64 letters, digits or any of _+=,.@- (as STS accepts)',
    );
  const durationSeconds = readNumber(
    source,
    Inputs.RoleDurationSeconds,
    ROLE_DURATION_S,
    'a whole number of seconds from 900 to 43200',
    (n) => Number.isInteger(n) && n >= 900 && n <= 43_200,
  );
  return {
    arn,
    sessionName: sessionName || undefined,
    durationSeconds,
    audience: source.get(Inputs.Audience) || AUDIENCE,
  };
}

/**
 * role-to-assume's companions, given without it, would change nothing: role-duration-seconds copied
 * from configure-aws-credentials' step would leave its one-hour credentials to expire while waiting.
 * Their defaults in action.yml, which the runner passes whatever the workflow says, do not count.
 */
function refuseRoleCompanions(source: InputSource): undefined {
  const defaults = new Map<InputName, string>([
    [Inputs.RoleSessionName, ''],
    [Inputs.RoleDurationSeconds, String(ROLE_DURATION_S)],
    [Inputs.Audience, AUDIENCE],
  ]);
  const given = [...defaults]
    .filter(([name, byDefault]) => ![byDefault, ''].includes(source.get(name)))
    .map(([name]) => name);
  if (given.length === 0) return undefined;
  const one = given.length === 1;
  throw new ActionError(
    `${one ? 'Input' : 'Inputs'} ${quotedList(given)} ${one ? 'applies' : 'apply'} only with "${Inputs.RoleToAssume}", which is not set: set "${Inputs.RoleToAssume}" for this action to assume the role itself, or remove ${one ? 'it' : 'them'}${given.includes(Inputs.RoleDurationSeconds) ? " (for the job's own credentials, set their duration in the step that gets them, such as aws-actions/configure-aws-credentials)" : ''}.`,
  );
}

/** Reads and validates every input, before anything touches AWS. Throws ActionError naming the input. */
export function readConfig(source: InputSource): Config {
  const startBatch = readBoolean(source, Inputs.StartBatch, false);
  if (!startBatch) refuseStartInputs(source);
  const { target: found, region: arnRegion } = readTarget(
    source.get(Inputs.BatchId),
    source.get(Inputs.ProjectName),
    startBatch,
  );
  const target: Target =
    startBatch && found.kind === 'project'
      ? { kind: 'start', projectName: found.projectName, start: readStartInputs(source) }
      : found;

  const regionInput = source.get(Inputs.AwsRegion);
  if (regionInput !== '' && !REGION.test(regionInput)) {
    throw invalid(Inputs.AwsRegion, regionInput, 'an AWS region such as us-east-1');
  }
  if (regionInput !== '' && arnRegion && regionInput !== arnRegion) {
    throw new ActionError(
      `Input "${Inputs.AwsRegion}" is ${shown(regionInput)}, but "${Inputs.BatchId}" names a batch in ${arnRegion}: remove "${Inputs.AwsRegion}" or make them agree.`,
    );
  }

  const retryRaw = source.get(Inputs.RetryType);
  const retryType = (
    retryRaw === '' ? 'RETRY_FAILED_BUILDS' : retryRaw.toUpperCase()
  ) as RetryBuildBatchType;
  if (!RETRY_TYPES.includes(retryType)) {
    throw invalid(Inputs.RetryType, retryRaw, 'RETRY_FAILED_BUILDS or RETRY_ALL_BUILDS');
  }

  const pollSeconds = readNumber(
    source,
    Inputs.PollIntervalSeconds,
    15,
    `a number of seconds from ${MIN_POLL_SECONDS} to ${MAX_POLL_SECONDS}, such as 15 or 30`,
    (n) => n >= MIN_POLL_SECONDS && n <= MAX_POLL_SECONDS,
  );
  const timeoutMinutes = readNumber(
    source,
    Inputs.TimeoutMinutes,
    0,
    'a number of minutes, 0 for no limit, such as 30 or 1.5',
    (n) => n >= 0,
  );
  // With start-batch, max-attempts counts the retries after the start: 0 only starts and waits.
  const fewestAttempts = startBatch ? 0 : 1;
  const maxAttempts = readNumber(
    source,
    Inputs.MaxAttempts,
    1,
    `a whole number from ${fewestAttempts} to ${MAX_ATTEMPTS}`,
    (n) => Number.isInteger(n) && n >= fewestAttempts && n <= MAX_ATTEMPTS,
  );
  const wait = readBoolean(source, Inputs.Wait, true);
  if (!wait && maxAttempts > 1) {
    throw new ActionError(
      `Input "${Inputs.MaxAttempts}" is ${maxAttempts} but "${Inputs.Wait}" is false: retrying again needs the outcome of the previous retry, so set "${Inputs.Wait}: true" or "${Inputs.MaxAttempts}: 1".`,
    );
  }

  const logLines = readNumber(
    source,
    Inputs.LogLines,
    DEFAULT_LOG_LINES,
    `a whole number from 0 (no log tails) to ${MAX_LOG_LINES}`,
    (n) => Number.isInteger(n) && n >= 0 && n <= MAX_LOG_LINES,
  );

  const stepLogRaw = source.get(Inputs.StepLog);
  const stepLog = (stepLogRaw === '' ? 'failed' : stepLogRaw.toLowerCase()) as StepLogMode;
  if (!STEP_LOG_MODES.includes(stepLog))
    throw invalid(Inputs.StepLog, stepLogRaw, 'failed, all or none');
  // Its default, failed, is passed whatever the workflow says: only all is known to be asked for.
  if (!wait && stepLog === 'all') {
    throw new ActionError(
      `Input "${Inputs.StepLog}" is all but "${Inputs.Wait}" is false: a group's log is written when the group ends, which only a waiting step sees, so set "${Inputs.Wait}: true" or leave "${Inputs.StepLog}" out.`,
    );
  }

  const token = source.get(Inputs.IdempotencyToken);
  return {
    target,
    region: regionInput || arnRegion,
    retryType,
    idempotencyToken: token === '' ? undefined : token,
    wait,
    pollIntervalMs: pollSeconds * 1000,
    timeoutMs: timeoutMinutes * 60_000,
    failOnBatchFailure: readBoolean(source, Inputs.FailOnBatchFailure, true),
    stopOnCancel: readBoolean(source, Inputs.StopOnCancel, true),
    maxAttempts,
    role: readRole(source) ?? refuseRoleCompanions(source),
    logLines,
    stepLog,
    github: readGitHubSettings(source, wait),
  };
}
