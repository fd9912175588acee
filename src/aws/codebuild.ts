import type {
  BatchGetBuildBatchesCommandInput,
  BatchGetBuildBatchesCommandOutput,
  BatchGetBuildsCommandInput,
  BatchGetBuildsCommandOutput,
  BatchGetReportsCommandInput,
  BatchGetReportsCommandOutput,
  Build,
  BuildBatch,
  CodeBuildClient,
  DescribeTestCasesCommandInput,
  DescribeTestCasesCommandOutput,
  ListBuildBatchesForProjectCommandInput,
  ListBuildBatchesForProjectCommandOutput,
  Report,
  RetryBuildBatchCommandInput,
  RetryBuildBatchCommandOutput,
  RetryBuildBatchType,
  StartBuildBatchCommandInput,
  StartBuildBatchCommandOutput,
  StatusType,
  StopBuildBatchCommandInput,
  StopBuildBatchCommandOutput,
  TestCase,
} from '@aws-sdk/client-codebuild';
import type { AwsCredentialIdentityProvider } from '@aws-sdk/types';
import { isServerError, isThrottlingError, isTransientError } from '@smithy/core/retry';
import { createJsonService, type JsonCall, type JsonServiceOptions } from './aws-json.js';
import type { Route } from './endpoints.js';
import { ActionError } from '../config/errors.js';
import { ServiceError, type ServiceErrorKind } from './errors.js';
import type { Logs } from './logs.js';
import {
  NO_REGION,
  noCredentials,
  unreachableEndpoint,
  type EndpointOverride,
  type Env,
} from './setup.js';

/**
 * Everything the action asks of CodeBuild, with the SDK's types. Sent directly (aws-json.ts) where
 * endpoints.ts finds that the SDK's client would send the same requests, else through that client
 * (codebuild-sdk.ts, loaded then).
 */
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

/**
 * The job's credentials as the SDK's chain takes them from the environment (its fromEnv), read at
 * each signing so a later step's export is not missed. endpoints.ts routes here only when they are set.
 */
function environmentCredentials(env: Env = process.env): AwsCredentialIdentityProvider {
  return async () => ({
    accessKeyId: env.AWS_ACCESS_KEY_ID ?? '',
    secretAccessKey: env.AWS_SECRET_ACCESS_KEY ?? '',
    sessionToken: env.AWS_SESSION_TOKEN || undefined,
    expiration: env.AWS_CREDENTIAL_EXPIRATION ? new Date(env.AWS_CREDENTIAL_EXPIRATION) : undefined,
  });
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

/** The operations the action sends, with the SDK's input and output types. */
interface Operations {
  BatchGetBuildBatches: [BatchGetBuildBatchesCommandInput, BatchGetBuildBatchesCommandOutput];
  BatchGetBuilds: [BatchGetBuildsCommandInput, BatchGetBuildsCommandOutput];
  BatchGetReports: [BatchGetReportsCommandInput, BatchGetReportsCommandOutput];
  DescribeTestCases: [DescribeTestCasesCommandInput, DescribeTestCasesCommandOutput];
  ListBuildBatchesForProject: [
    ListBuildBatchesForProjectCommandInput,
    ListBuildBatchesForProjectCommandOutput,
  ];
  RetryBuildBatch: [RetryBuildBatchCommandInput, RetryBuildBatchCommandOutput];
  StartBuildBatch: [StartBuildBatchCommandInput, StartBuildBatchCommandOutput];
  StopBuildBatch: [StopBuildBatchCommandInput, StopBuildBatchCommandOutput];
}

/** Sends one operation: through the SDK's client (codebuild-sdk.ts) or directly (aws-json.ts). */
export type CodeBuildSend = <Op extends keyof Operations>(
  operation: Op,
  input: Operations[Op][0],
  signal?: AbortSignal,
) => Promise<Operations[Op][1]>;

/**
 * The output members of these operations that are timestamps, which the SDK turns into Dates
 * (direct.test.ts holds this list to the SDK's schemas).
 */
export const CODEBUILD_TIMESTAMPS: ReadonlySet<string> = new Set([
  'created',
  'endTime',
  'expired',
  'requestedOn',
  'startTime',
]);

/** Which way a service is reached from a region (endpoints.ts's route, with the run's facts). */
export type RouteTo = (service: { serviceId: string; prefix: string }, region?: string) => Route;

const USER_AGENT = 'codebuild-batch-retry';

/** An awsJson1_1 service as the action calls it (CodeBuild, CloudWatch Logs), either way. */
export type JsonService = Pick<
  JsonServiceOptions,
  'signingName' | 'target' | 'timestamps' | 'requestTimeoutMs'
>;

export const CODEBUILD_SERVICE: JsonService = {
  signingName: 'codebuild',
  target: 'CodeBuild_20161006',
  timestamps: CODEBUILD_TIMESTAMPS,
  requestTimeoutMs: 30_000,
};

/** Whose credentials sign: role-to-assume's provider, else the job's from the environment. */
interface Signer {
  credentials?: AwsCredentialIdentityProvider;
  /** Where the job's credentials are read (AWS_ACCESS_KEY_ID, …); default: process.env. */
  env?: Env;
}

/** A service called directly, at the endpoint and region endpoints.ts decided. */
export function directCall(
  route: Extract<Route, { direct: true }>,
  signer: Signer,
  service: JsonService,
): JsonCall {
  return createJsonService({
    ...route,
    ...service,
    credentials: signer.credentials ?? environmentCredentials(signer.env),
    userAgent: USER_AGENT,
  });
}

/**
 * How the SDK's clients are built, for CodeBuild and CloudWatch Logs alike: the standard retry
 * strategy for single calls (throttling, 5xx, network errors), three attempts, and the same timeouts
 * the direct calls keep. Without throwOnRequestTimeout the SDK's handler only warns, and a stalled
 * answer is waited on for ever.
 */
export function sdkClientConfig(
  options: { region?: string; credentials?: AwsCredentialIdentityProvider },
  service: JsonService,
) {
  return {
    region: options.region,
    credentials: options.credentials,
    retryMode: 'standard',
    maxAttempts: 3,
    requestHandler: {
      connectionTimeout: 5_000,
      requestTimeout: service.requestTimeoutMs,
      throwOnRequestTimeout: true,
    },
    customUserAgent: USER_AGENT,
  };
}

export function createCodeBuild(
  options: {
    region?: string;
    /** An SDK client to send with (tests); default: routeTo decides. */
    client?: CodeBuildClient;
    /** Direct calls or the SDK, per service; default: the SDK. */
    routeTo?: RouteTo;
    /** Where direct calls find the job's credentials (AWS_ACCESS_KEY_ID, …); default: process.env. */
    env?: Env;
    /** The credentials to sign with (role-to-assume); default: the job's credentials. */
    credentials?: AwsCredentialIdentityProvider;
    /** AWS_ENDPOINT_URL_CODEBUILD / AWS_ENDPOINT_URL when set, named when it cannot be reached. */
    endpoint?: EndpointOverride;
    /** Told once which way CodeBuild is called, and why not directly. */
    debug?: (message: string) => void;
  } = {},
): CodeBuild {
  const routed = options.client
    ? undefined
    : options.routeTo?.({ serviceId: 'CODEBUILD', prefix: 'codebuild' }, options.region);
  let transport: Promise<{ send: CodeBuildSend; region: () => Promise<string> }> | undefined;
  // The SDK's client is built (and its chunk loaded) at the first call that needs it, never on the
  // direct path.
  const connect = () =>
    (transport ??= (async () => {
      if (routed?.direct) {
        said = `CodeBuild is called directly at ${routed.endpoint.origin}.`;
        const { region } = routed;
        const call = directCall(routed, options, CODEBUILD_SERVICE);
        return { send: (op, input, signal) => call(op, input, signal), region: async () => region };
      }
      const sdk = await import('./codebuild-sdk.js');
      if (routed) said = `CodeBuild is called through the AWS SDK: ${routed.why}.`;
      const client =
        options.client ??
        sdk.sdkClient({ region: options.region, credentials: options.credentials });
      return { send: sdk.sdkSend(client), region: () => client.config.region() };
    })());
  // Which way calls go is told once the first call is answered: the log's first write costs a few
  // milliseconds that need not delay the first request.
  let said: string | undefined;
  const send: CodeBuildSend = async (operation, input, signal) => {
    const way = await connect();
    try {
      return await way.send(operation, input, signal);
    } finally {
      if (said) options.debug?.(said);
      said = undefined;
    }
  };
  const call = <T>(operation: string, run: () => Promise<T>) =>
    callService(operation, run, options.endpoint);

  async function getBatches(ids: string[], signal?: AbortSignal): Promise<BuildBatch[]> {
    const batches: BuildBatch[] = [];
    for (const page of chunks(ids)) {
      const out = await call('BatchGetBuildBatches', () =>
        send('BatchGetBuildBatches', { ids: page }, signal),
      );
      batches.push(...(out.buildBatches ?? []));
    }
    return batches;
  }

  return {
    region: async () => (await connect()).region(),

    async openLogs(region) {
      const { createLogs } = await import('./logs.js');
      const route = options.routeTo?.({ serviceId: 'CLOUDWATCH_LOGS', prefix: 'logs' }, region);
      if (route && !route.direct)
        options.debug?.(`CloudWatch Logs is called through the AWS SDK: ${route.why}.`);
      return createLogs({ region, route, credentials: options.credentials, env: options.env });
    },

    async getBatch(id, signal) {
      const [batch] = await getBatches([id], signal);
      return batch;
    },

    async retryBatch(id, retryType, idempotencyToken) {
      const out = await call('RetryBuildBatch', () =>
        send('RetryBuildBatch', { id, retryType, idempotencyToken }),
      );
      return batchOf('RetryBuildBatch', out);
    },

    async startBatch(request) {
      const out = await call('StartBuildBatch', () => send('StartBuildBatch', request));
      return batchOf('StartBuildBatch', out);
    },

    async stopBatch(id, signal) {
      const out = await call('StopBuildBatch', () => send('StopBuildBatch', { id }, signal));
      return out.buildBatch;
    },

    async listBatchIds(projectName, status, maxIds) {
      const ids: string[] = [];
      let nextToken: string | undefined;
      do {
        const out = await call('ListBuildBatchesForProject', () =>
          send('ListBuildBatchesForProject', {
            projectName,
            filter: { status },
            sortOrder: 'DESCENDING',
            maxResults: PAGE,
            nextToken,
          }),
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
          send('BatchGetBuilds', { ids: page }, signal),
        );
        builds.push(...(out.builds ?? []));
      }
      return builds;
    },

    async getReports(arns, signal) {
      const reports: Report[] = [];
      for (const page of chunks(arns)) {
        const out = await call('BatchGetReports', () =>
          send('BatchGetReports', { reportArns: page }, signal),
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
          send(
            'DescribeTestCases',
            {
              reportArn,
              filter: { status },
              maxResults: Math.min(PAGE, max - cases.length),
              nextToken,
            },
            signal,
          ),
        );
        cases.push(...(out.testCases ?? []));
        nextToken = out.nextToken;
      } while (nextToken && cases.length < max);
      return cases.slice(0, max);
    },
  };
}
