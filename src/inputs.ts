import type { RetryBuildBatchType } from '@aws-sdk/client-codebuild';
import { ActionError } from './errors.js';
import { parseArn } from './links.js';

/** Where the batch to retry comes from: a batch named by the user, or the newest failed batch of a project. */
export type Target =
  { kind: 'batch'; batchId: string; account?: string } | { kind: 'project'; projectName: string };

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
  /** Log lines shown per failed group; 0 reads no logs. */
  logLines: number;
}

/** How inputs are read: backed by @actions/core in the action, by a plain object in tests. */
export interface InputSource {
  /** The trimmed value, '' when not given. */
  get(name: string): string;
  /** YAML 1.2 core-schema boolean; throws on anything else. */
  getBoolean(name: string): boolean;
}

const RETRY_TYPES: readonly RetryBuildBatchType[] = ['RETRY_FAILED_BUILDS', 'RETRY_ALL_BUILDS'];
const BATCH_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{1,254}:[A-Za-z0-9-]{1,128}$/;
const PROJECT_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{1,254}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
const DECIMAL = /^(\d+(\.\d*)?|\.\d+)$/;
const MAX_ATTEMPTS = 100;
const MAX_LOG_LINES = 1000;

/** Inputs a workflow_dispatch event may supply when the step leaves them empty. */
const DISPATCH_INPUTS = ['batch-id', 'project-name', 'retry-type'] as const;

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

function readTarget(batchInput: string, projectInput: string): { target: Target; region?: string } {
  if (batchInput !== '') {
    if (batchInput.startsWith('arn:')) {
      const arn = parseArn(batchInput);
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
        'a CodeBuild project name (2 to 255 letters, digits, "-" or "_")',
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
  return {
    get(name) {
      const own = source.get(name);
      const fromEvent = dispatchInputs[name];
      if (
        own === '' &&
        (DISPATCH_INPUTS as readonly string[]).includes(name) &&
        typeof fromEvent === 'string'
      ) {
        return fromEvent.trim();
      }
      return own;
    },
    getBoolean: (name) => source.getBoolean(name),
  };
}

/** Reads and validates every input, before anything touches AWS. Throws ActionError naming the input. */
export function readConfig(source: InputSource): Config {
  const { target, region: arnRegion } = readTarget(
    source.get('batch-id'),
    source.get('project-name'),
  );

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
    'a positive number of seconds, such as 15 or 0.5',
    (n) => n > 0,
  );
  const timeoutMinutes = readNumber(
    source,
    'timeout-minutes',
    0,
    'a number of minutes, 0 for no limit, such as 30 or 1.5',
    (n) => n >= 0,
  );
  const maxAttempts = readNumber(
    source,
    'max-attempts',
    1,
    `a whole number from 1 to ${MAX_ATTEMPTS}`,
    (n) => Number.isInteger(n) && n >= 1 && n <= MAX_ATTEMPTS,
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
    logLines,
  };
}
