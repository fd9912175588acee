import type { getOctokit } from '@actions/github';
// GitHub and getOctokitOptions are what getOctokit is made of (its README's way to add plugins). From
// this entry, the bundle's start reads @actions/github's context alone: Octokit loads with this chunk.
import { GitHub, getOctokitOptions } from '@actions/github/lib/utils';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import type { RequestError } from '@octokit/request-error';
import Bottleneck from 'bottleneck/light.js';
import { serviceMessage } from '../report/text.js';

/** The REST client: @actions/github's Octokit (GITHUB_API_URL, the runner's proxy) with both plugins. */
export type GitHubClient = ReturnType<typeof getOctokit>;

/**
 * The retry plugin's own list of statuses it never resends, and 429: a secondary limit answered 429
 * names its wait in retry-after, which only the throttling plugin reads (the retry plugin would
 * resend after its own 1 s).
 */
const DO_NOT_RETRY = [400, 401, 403, 404, 410, 422, 451, 429];
/** A limit is waited out at most this many times for one request. */
const LIMIT_RETRIES = 2;

export interface ClientOptions {
  /** Whether waiting this long for a rate limit still ends within the step's budget. */
  fits(waitMs: number): boolean;
  /** Octokit's own warnings (deprecations, a failing limit handler): to the debug log. */
  debug(message: string): void;
}

/**
 * A refusal leaves without a resend count. The retry plugin resends any failure of a request that
 * names its own `retries` (as each call does once the step is finishing), doNotRetry's statuses
 * too, and at once: a refused comment went out four times in 20 ms, a secondary limit's too. Its
 * wrap reads the count from the failed request; this hook, inside it, sets that count to none.
 */
function refusalsNotResent(octokit: Parameters<typeof retry>[0]): void {
  octokit.hook.error('request', (error) => {
    const { status, request } = error as Partial<RequestError>;
    if (status !== undefined && DO_NOT_RETRY.includes(status) && request?.request)
      request.request = { ...request.request, retries: 0 };
    throw error;
  });
}

/**
 * getOctokit(token, options, retry, throttling), as @actions/github builds it. The throttling
 * plugin waits out primary and secondary limits when the wait fits the budget; it writes one
 * request at a time, but without its default 1 s between writes: the check runs of a batch's groups
 * change together, and 1 s each would hold the end of the step for as many seconds as there are
 * groups.
 */
export function createClient(token: string, options: ClientOptions): GitHubClient {
  const log = (message: string) => options.debug(`Octokit: ${message}`);
  const onLimit = (after: number, _request: unknown, _octokit: unknown, retries: number) =>
    retries < LIMIT_RETRIES && options.fits(after * 1000);
  const Client = GitHub.plugin(refusalsNotResent, retry, throttling);
  return new Client(
    getOctokitOptions(token, {
      userAgent: 'codebuild-batch-retry',
      log: { debug: () => undefined, info: () => undefined, warn: log, error: log },
      retry: { doNotRetry: DO_NOT_RETRY },
      throttle: {
        write: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }),
        onRateLimit: onLimit,
        onSecondaryRateLimit: onLimit,
      },
    }),
  );
}

/** Why a call to GitHub failed, as the user is told. */
export type GitHubFailure =
  /** 403 Resource not accessible by integration: the job's permissions lack a scope. */
  | { kind: 'permission'; detail: string }
  /**
   * 403 from a personal access token: check runs take only a GitHub App's token ("You must
   * authenticate via a GitHub App."), and a fine-grained one may lack the scope.
   */
  | { kind: 'personal-token'; detail: string }
  /** 401: the token is not valid. */
  | { kind: 'credentials'; detail: string }
  /** 422 No commit found for SHA: a check run's commit is not in the repository. */
  | { kind: 'unknown-commit'; detail: string }
  /**
   * A rate limit whose wait would outlast the step's budget; if GitHub says when it ends: waitMs
   * from now, and resetAt, the time to show.
   */
  | { kind: 'rate-limit'; detail: string; waitMs?: number; resetAt?: Date }
  /** The step's cancellation or budget ended the call. */
  | { kind: 'aborted' }
  /** Not GitHub's answer: this code failed (drawing a run from an answer it did not expect). */
  | { kind: 'fault'; detail: string }
  | { kind: 'other'; detail: string };

function isRequestError(error: unknown): error is RequestError {
  return error instanceof Error && typeof (error as Partial<RequestError>).status === 'number';
}

/** GitHub answered with a 4xx: the call did nothing. */
export function isRefusal(error: unknown): boolean {
  return (
    isRequestError(error) &&
    error.response !== undefined &&
    error.status >= 400 &&
    error.status < 500
  );
}

/** "403 Resource not accessible by integration (request 1A2B:…)": status, GitHub's message, request id. */
function detailOf(error: RequestError): string {
  const data = error.response?.data as { message?: unknown } | undefined;
  const message = typeof data?.message === 'string' ? data.message : error.message;
  const id = error.response?.headers['x-github-request-id'];
  // Cut: the text goes into a warning, and a proxy's error page may be its whole HTML.
  return `${error.status} ${serviceMessage(message)}${id ? ` (request ${id})` : ''}`;
}

export function classify(error: unknown, signal?: AbortSignal): GitHubFailure {
  if (signal?.aborted || (error as { name?: unknown } | undefined)?.name === 'AbortError')
    return { kind: 'aborted' };
  if (!isRequestError(error))
    return {
      kind: 'fault',
      detail: serviceMessage(error instanceof Error ? error.message : String(error)),
    };
  const detail = detailOf(error);
  const headers = error.response?.headers ?? {};
  const message = error.message;
  if (error.status === 401) return { kind: 'credentials', detail };
  if (
    (error.status === 403 || error.status === 429) &&
    (headers['x-ratelimit-remaining'] === '0' || /rate limit/i.test(message))
  ) {
    const reset = Number(headers['x-ratelimit-reset']);
    const after = Number(headers['retry-after']);
    // x-ratelimit-reset is a time on GitHub's clock (epoch seconds): the wall clock reads it.
    const waitMs =
      headers['x-ratelimit-remaining'] === '0' && reset > 0
        ? Math.max(0, reset * 1000 - Date.now())
        : after > 0
          ? after * 1000
          : undefined;
    // A header past the last date there is (retry-after: 1e20) makes no date: an Invalid Date
    // threw when the warning said it, and the step failed on GitHub's answer.
    const resetAt = waitMs === undefined ? undefined : new Date(Date.now() + waitMs);
    return {
      kind: 'rate-limit',
      detail,
      ...(waitMs === undefined ? {} : { waitMs }),
      ...(resetAt && !Number.isNaN(resetAt.getTime()) ? { resetAt } : {}),
    };
  }
  if (error.status === 403 && /not accessible by integration/i.test(message))
    return { kind: 'permission', detail };
  if (
    error.status === 403 &&
    /must authenticate via a GitHub App|not accessible by personal access token/i.test(message)
  )
    return { kind: 'personal-token', detail };
  if (error.status === 422 && /no commit found for sha/i.test(message))
    return { kind: 'unknown-commit', detail };
  if (error.status === 500 && !error.response)
    // Octokit's answer to a request that got no response: the network's message, not GitHub's.
    return { kind: 'other', detail: `no answer: ${message}` };
  return { kind: 'other', detail };
}
