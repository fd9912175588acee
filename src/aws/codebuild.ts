import {
  BatchGetBuildBatchesCommand,
  BatchGetBuildsCommand,
  BatchGetReportsCommand,
  CodeBuildClient,
  paginateDescribeTestCases,
  paginateListBuildBatchesForProject,
  RetryBuildBatchCommand,
  StartBuildBatchCommand,
  StopBuildBatchCommand,
  type Build,
  type BuildBatch,
  type Report,
  type RetryBuildBatchType,
  type StartBuildBatchCommandInput,
  type StatusType,
  type TestCase,
} from '@aws-sdk/client-codebuild';
import { isThrottlingError } from '@smithy/core/retry';
import type { AwsCredentialIdentityProvider, HttpResponse } from '@aws-sdk/types';
import { clientConfig, keepSigningSecrets } from './client-config.js';
import { ServiceError, toServiceError } from './errors.js';
import type { Logs } from './logs.js';
import type { EndpointOverride } from './setup.js';
import { untilAborted } from './until-aborted.js';

/** Everything the action asks of CodeBuild, with the SDK's types, through the SDK's client. */
export interface CodeBuild {
  /** CloudWatch Logs in this region, with CodeBuild's credentials (loaded on first use). */
  openLogs(region: string | undefined): Promise<Logs>;
  /** The region calls go to, for messages. */
  region(): Promise<string>;
  /** The batch as it is now; undefined when CodeBuild does not know the id. */
  getBatch(id: string, signal?: AbortSignal): Promise<BuildBatch | undefined>;
  /** How many answers so far were throttling, those the SDK's retries got past included. */
  throttledAttempts(): number;
  /**
   * How far CodeBuild's clock was ahead of this runner's wall clock at its latest answer, by that
   * answer's Date header: whole seconds, so the true figure may be up to a second more. Undefined
   * before any answer.
   */
  clockAheadMs(): number | undefined;
  retryBatch(id: string, retryType: RetryBuildBatchType, token: string): Promise<BuildBatch>;
  /** start-batch: a new batch of the request's project. */
  startBatch(request: StartBuildBatchCommandInput): Promise<BuildBatch>;
  stopBatch(id: string, signal?: AbortSignal): Promise<BuildBatch | undefined>;
  /**
   * Ids of the project's batches with this status, up to maxIds, in descending id order: not by age,
   * so the caller picks the newest by batch number.
   */
  listBatchIds(
    projectName: string,
    status: StatusType,
    maxIds: number,
    signal?: AbortSignal,
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

/** The batch-get operations take at most this many ids; lists give at most this many per page. */
const PAGE = 100;
/**
 * Pages read of one list at most, empty ones included: an answer that hands out a new token with
 * every page (or the same one, which the paginators' stopOnSameToken ends) must not hold the step.
 */
const MAX_PAGES = 100;

/** Items from a paginator's pages, at most `max` of them and MAX_PAGES pages; `more`: some were left. */
async function collect<P extends { nextToken?: string }, T>(
  pages: AsyncIterable<P>,
  itemsOf: (page: P) => T[] | undefined,
  max: number,
): Promise<{ items: T[]; more: boolean }> {
  const items: T[] = [];
  let more = false;
  let read = 0;
  for await (const page of pages) {
    items.push(...(itemsOf(page) ?? []));
    more = Boolean(page.nextToken);
    if (items.length >= max || ++read >= MAX_PAGES) break;
  }
  return { items: items.slice(0, max), more: more || items.length > max };
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
    /** An SDK client to send with (tests); default: one built with clientConfig. */
    client?: CodeBuildClient;
    /** The credentials to sign with (role-to-assume); default: the SDK's default chain. */
    credentials?: AwsCredentialIdentityProvider;
    /** AWS_ENDPOINT_URL_CODEBUILD / AWS_ENDPOINT_URL when set, named when it cannot be reached. */
    endpoint?: EndpointOverride;
    /** Takes the credentials requests are signed with (keepSigningSecrets), Logs' too. */
    secret?: (value: string) => void;
    /** One call that matters more than its time (the post step's stop): see clientConfig. */
    lastChance?: boolean;
  } = {},
): CodeBuild {
  const client = options.client ?? new CodeBuildClient(clientConfig(options, 30_000));
  if (options.secret) keepSigningSecrets(client.middlewareStack, options.secret);
  let throttled = 0;
  // Below the SDK's retry middleware, so inside its retry loop: every attempt's failure passes here,
  // and the poll learns that the account is throttling even when a retry got through.
  client.middlewareStack.add(
    (next) => async (args) => {
      try {
        return await next(args);
      } catch (error) {
        if (isThrottlingError(error as Parameters<typeof isThrottlingError>[0])) throttled += 1;
        throw error;
      }
    },
    { step: 'finalizeRequest', priority: 'low', name: 'countThrottledAttempts' },
  );
  let clockAhead: number | undefined;
  client.middlewareStack.add(
    (next) => async (args) => {
      const out = await next(args);
      const date = Date.parse(String((out.response as HttpResponse).headers?.date ?? ''));
      if (!Number.isNaN(date)) clockAhead = date - Date.now();
      return out;
    },
    { step: 'deserialize', name: 'readServerClock' },
  );
  /**
   * One operation, its failure turned into a ServiceError (or the sentence for a setup mistake); its
   * answer no longer waited for once `signal` aborts. The retry and the start pass none: their answer
   * says what to stop.
   */
  const call = async <T>(
    operation: string,
    signal: AbortSignal | undefined,
    send: () => Promise<T>,
  ): Promise<T> => {
    try {
      return await untilAborted(send(), signal);
    } catch (thrown) {
      throw toServiceError(operation, thrown, { endpoint: options.endpoint });
    }
  };

  /** A Batch* read of any number of ids, 100 a call (the operations' limit), one call at a time. */
  async function batched<T>(
    operation: string,
    ids: string[],
    signal: AbortSignal | undefined,
    send: (page: string[]) => Promise<T[] | undefined>,
  ): Promise<T[]> {
    const all: T[] = [];
    for (const page of chunks(ids))
      all.push(...((await call(operation, signal, () => send(page))) ?? []));
    return all;
  }

  const getBatches = (ids: string[], signal?: AbortSignal): Promise<BuildBatch[]> =>
    batched('BatchGetBuildBatches', ids, signal, async (page) => {
      const out = await client.send(new BatchGetBuildBatchesCommand({ ids: page }), {
        abortSignal: signal,
      });
      return out.buildBatches;
    });

  return {
    region: () => client.config.region(),
    throttledAttempts: () => throttled,
    clockAheadMs: () => clockAhead,

    async openLogs(region) {
      const { createLogs } = await import('./logs.js');
      return createLogs({ region, credentials: options.credentials, secret: options.secret });
    },

    // The one answered for this id: an answer listing another batch (or this id with another's
    // ARN) first must not be reported, retried or stopped in its place.
    async getBatch(id, signal) {
      const batches = await getBatches([id], signal);
      return batches.find((b) => b.id === id && (!b.arn || b.arn.endsWith(`:build-batch/${id}`)));
    },

    async retryBatch(id, retryType, idempotencyToken) {
      const out = await call('RetryBuildBatch', undefined, () =>
        client.send(new RetryBuildBatchCommand({ id, retryType, idempotencyToken })),
      );
      return batchOf('RetryBuildBatch', out);
    },

    async startBatch(request) {
      const out = await call('StartBuildBatch', undefined, () =>
        client.send(new StartBuildBatchCommand(request)),
      );
      return batchOf('StartBuildBatch', out);
    },

    async stopBatch(id, signal) {
      const out = await call('StopBuildBatch', signal, () =>
        client.send(new StopBuildBatchCommand({ id }), { abortSignal: signal }),
      );
      return out.buildBatch;
    },

    listBatchIds: (projectName, status, maxIds, signal) =>
      call('ListBuildBatchesForProject', signal, async () => {
        const pages = paginateListBuildBatchesForProject(
          { client, pageSize: PAGE, stopOnSameToken: true },
          { projectName, filter: { status }, sortOrder: 'DESCENDING' },
          { abortSignal: signal },
        );
        const { items, more } = await collect(pages, (page) => page.ids, maxIds);
        return { ids: items, more };
      }),

    getBatches,

    getBuilds: (ids, signal) =>
      batched<Build>('BatchGetBuilds', ids, signal, async (page) => {
        const out = await client.send(new BatchGetBuildsCommand({ ids: page }), {
          abortSignal: signal,
        });
        return out.builds;
      }),

    getReports: (arns, signal) =>
      batched<Report>('BatchGetReports', arns, signal, async (page) => {
        const out = await client.send(new BatchGetReportsCommand({ reportArns: page }), {
          abortSignal: signal,
        });
        return out.reports;
      }),

    describeTestCases: (reportArn, status, max, signal) =>
      call('DescribeTestCases', signal, async () => {
        const pages = paginateDescribeTestCases(
          { client, pageSize: Math.min(PAGE, max), stopOnSameToken: true },
          { reportArn, filter: { status } },
          { abortSignal: signal },
        );
        return (await collect(pages, (page) => page.testCases, max)).items;
      }),
  };
}
