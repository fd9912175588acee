import {
  BatchGetBuildBatchesCommand,
  BatchGetBuildsCommand,
  BatchGetReportsCommand,
  CodeBuildClient,
  DescribeTestCasesCommand,
  ListBuildBatchesForProjectCommand,
  RetryBuildBatchCommand,
  StartBuildBatchCommand,
  StopBuildBatchCommand,
  type Build,
  type BuildBatch,
  type Report,
  type RetryBuildBatchType,
  type StatusType,
  type StartBuildBatchCommandInput,
  type TestCase,
} from '@aws-sdk/client-codebuild';
import type { AwsCredentialIdentityProvider } from '@aws-sdk/types';
import { isServerError, isThrottlingError, isTransientError } from '@smithy/core/retry';
import { ActionError, ServiceError, type ServiceErrorKind } from './errors.js';
import type { Logs } from './logs.js';
import { NO_REGION, noCredentials, unreachableEndpoint, type EndpointOverride } from './setup.js';

/** Everything the action asks of CodeBuild. The only module that imports the SDK. */
export interface CodeBuild {
  /** CloudWatch Logs in this region, signed like CodeBuild's calls (loaded on first use). */
  openLogs(region: string | undefined): Promise<Logs>;
  /** The region calls go to, for messages. */
  region(): Promise<string>;
  /** The batch as it is now; undefined when CodeBuild does not know the id. */
  getBatch(id: string, signal?: AbortSignal): Promise<BuildBatch | undefined>;
  retryBatch(id: string, retryType: RetryBuildBatchType, token: string): Promise<BuildBatch>;
  /** start-batch: a new batch of the request's project. */
  startBatch(request: StartBuildBatchCommandInput): Promise<BuildBatch>;
  stopBatch(id: string, signal?: AbortSignal): Promise<BuildBatch | undefined>;
  /** Ids of the project's batches with this status, as the service lists them (up to maxIds). */
  listBatchIds(
    projectName: string,
    status: StatusType,
    maxIds: number,
  ): Promise<{ ids: string[]; more: boolean }>;
  /** Batches by id (any number; fetched 100 at a time). */
  getBatches(ids: string[], signal?: AbortSignal): Promise<BuildBatch[]>;
  /** Builds by id or ARN (any number; fetched 100 at a time). */
  getBuilds(ids: string[], signal?: AbortSignal): Promise<Build[]>;
  /** Test and coverage reports by ARN (any number; fetched 100 at a time). */
  getReports(arns: string[], signal?: AbortSignal): Promise<Report[]>;
  /** Up to max test cases of a report with this status (FAILED, ERROR, …), in as few pages as that takes. */
  describeTestCases(
    reportArn: string,
    status: string,
    max: number,
    signal?: AbortSignal,
  ): Promise<TestCase[]>;
}

/** Codes that mean the session's credentials ran out: retrying cannot help. */
const EXPIRED_CODES = new Set(['ExpiredTokenException', 'ExpiredToken', 'TokenRefreshRequired']);
/** Codes that mean the service does not know the key, or the signature is wrong: another mistake. */
const INVALID_CODES = new Set([
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'SignatureDoesNotMatch',
  'InvalidSignatureException',
]);
const PAGE = 100;

interface SdkFailure {
  name?: string;
  code?: string;
  message?: string;
  $metadata?: { requestId?: string; httpStatusCode?: number };
  $response?: unknown;
}

function classify(error: SdkFailure, code: string): ServiceErrorKind {
  if (EXPIRED_CODES.has(code)) return 'expired-credentials';
  if (INVALID_CODES.has(code)) return 'invalid-credentials';
  const sdkError = error as Parameters<typeof isThrottlingError>[0];
  if (isThrottlingError(sdkError)) return 'throttling';
  // A body that does not parse (a proxy's page, a cut-off answer) says nothing about the batch either.
  if (isTransientError(sdkError) || isServerError(sdkError) || error.name === 'SyntaxError')
    return 'transient';
  return 'other';
}

/**
 * Turns whatever the SDK threw into one ServiceError with code, message and request id; a setup
 * mistake (no credentials, no region) into the ActionError saying what to do. The endpoint override
 * in effect, when given, is named when it cannot be reached; service names who answered.
 */
export function toServiceError(
  operation: string,
  thrown: unknown,
  options: { endpoint?: EndpointOverride; service?: string } = {},
): unknown {
  if (!(thrown instanceof Error) || thrown.name === 'AbortError') return thrown;
  // Already said (the role's credential provider fails this way).
  if (thrown instanceof ActionError || thrown instanceof ServiceError) return thrown;
  const error = thrown as Error & SdkFailure;
  const code = error.code && /^E[A-Z]+$/.test(error.code) ? error.code : error.name;
  const status = error.$metadata?.httpStatusCode;
  // Deserialization errors add lines about the raw response: the first line is the message.
  const detail = error.message?.split('\n')[0]?.trim() || (status ? `HTTP ${status}` : '');
  if (code === 'CredentialsProviderError' && !error.$metadata)
    return new ActionError(noCredentials(detail));
  // No region, or an empty one (AWS_REGION set to an unset workflow variable): the same mistake.
  if (detail === 'Region is missing' || detail.startsWith('Region not accepted: region=""'))
    return new ActionError(NO_REGION);
  const unreachable = unreachableEndpoint(code, options.endpoint);
  return new ServiceError(
    operation,
    code,
    unreachable ?? detail,
    error.$metadata?.requestId,
    unreachable ? 'unreachable-endpoint' : classify(error, code),
    options.service,
  );
}

async function callService<T>(
  operation: string,
  send: () => Promise<T>,
  endpoint?: EndpointOverride,
): Promise<T> {
  try {
    return await send();
  } catch (thrown) {
    throw toServiceError(operation, thrown, { endpoint });
  }
}

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += PAGE) out.push(items.slice(i, i + PAGE));
  return out;
}

/** The batch a start or retry answered with; an answer without one is a service failure. */
function batchOf(
  operation: string,
  out: { buildBatch?: BuildBatch; $metadata: { requestId?: string } },
): BuildBatch {
  if (out.buildBatch) return out.buildBatch;
  throw new ServiceError(
    operation,
    'EmptyResponse',
    'the response held no batch',
    out.$metadata.requestId,
    'other',
  );
}

export function createCodeBuild(
  options: {
    region?: string;
    client?: CodeBuildClient;
    /** The credentials to sign with (role-to-assume); default: the SDK's chain (the job's credentials). */
    credentials?: AwsCredentialIdentityProvider;
    /** AWS_ENDPOINT_URL_CODEBUILD / AWS_ENDPOINT_URL when set, named when it cannot be reached. */
    endpoint?: EndpointOverride;
  } = {},
): CodeBuild {
  const call = <T>(operation: string, send: () => Promise<T>) =>
    callService(operation, send, options.endpoint);
  // The SDK's standard retry strategy handles single calls (throttling, 5xx, network errors); the
  // endpoint comes from AWS_ENDPOINT_URL_CODEBUILD / AWS_ENDPOINT_URL when set.
  const client =
    options.client ??
    new CodeBuildClient({
      region: options.region,
      credentials: options.credentials,
      retryMode: 'standard',
      maxAttempts: 3,
      requestHandler: { connectionTimeout: 5_000, requestTimeout: 30_000 },
      customUserAgent: 'codebuild-batch-retry',
    });

  async function getBatches(ids: string[], signal?: AbortSignal): Promise<BuildBatch[]> {
    const batches: BuildBatch[] = [];
    for (const page of chunks(ids)) {
      const out = await call('BatchGetBuildBatches', () =>
        client.send(new BatchGetBuildBatchesCommand({ ids: page }), { abortSignal: signal }),
      );
      batches.push(...(out.buildBatches ?? []));
    }
    return batches;
  }

  return {
    region: () => client.config.region(),

    async openLogs(region) {
      const { createLogs } = await import('./logs.js');
      return createLogs({ region, credentials: options.credentials });
    },

    async getBatch(id, signal) {
      const [batch] = await getBatches([id], signal);
      return batch;
    },

    async retryBatch(id, retryType, idempotencyToken) {
      const out = await call('RetryBuildBatch', () =>
        client.send(new RetryBuildBatchCommand({ id, retryType, idempotencyToken })),
      );
      return batchOf('RetryBuildBatch', out);
    },

    async startBatch(request) {
      const out = await call('StartBuildBatch', () =>
        client.send(new StartBuildBatchCommand(request)),
      );
      return batchOf('StartBuildBatch', out);
    },

    async stopBatch(id, signal) {
      const out = await call('StopBuildBatch', () =>
        client.send(new StopBuildBatchCommand({ id }), { abortSignal: signal }),
      );
      return out.buildBatch;
    },

    async listBatchIds(projectName, status, maxIds) {
      const ids: string[] = [];
      let nextToken: string | undefined;
      do {
        const out = await call('ListBuildBatchesForProject', () =>
          client.send(
            new ListBuildBatchesForProjectCommand({
              projectName,
              filter: { status },
              sortOrder: 'DESCENDING',
              maxResults: PAGE,
              nextToken,
            }),
          ),
        );
        ids.push(...(out.ids ?? []));
        nextToken = out.nextToken;
      } while (nextToken && ids.length < maxIds);
      return { ids: ids.slice(0, maxIds), more: Boolean(nextToken) || ids.length > maxIds };
    },

    getBatches,

    async getBuilds(ids, signal) {
      const builds: Build[] = [];
      for (const page of chunks(ids)) {
        const out = await call('BatchGetBuilds', () =>
          client.send(new BatchGetBuildsCommand({ ids: page }), { abortSignal: signal }),
        );
        builds.push(...(out.builds ?? []));
      }
      return builds;
    },

    async getReports(arns, signal) {
      const reports: Report[] = [];
      for (const page of chunks(arns)) {
        const out = await call('BatchGetReports', () =>
          client.send(new BatchGetReportsCommand({ reportArns: page }), { abortSignal: signal }),
        );
        reports.push(...(out.reports ?? []));
      }
      return reports;
    },

    async describeTestCases(reportArn, status, max, signal) {
      const cases: TestCase[] = [];
      let nextToken: string | undefined;
      do {
        const out = await call('DescribeTestCases', () =>
          client.send(
            new DescribeTestCasesCommand({
              reportArn,
              filter: { status },
              maxResults: Math.min(PAGE, max - cases.length),
              nextToken,
            }),
            { abortSignal: signal },
          ),
        );
        cases.push(...(out.testCases ?? []));
        nextToken = out.nextToken;
      } while (nextToken && cases.length < max);
      return cases.slice(0, max);
    },
  };
}
