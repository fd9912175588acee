import type {
  CloudWatchLogsClient,
  GetLogEventsCommandInput,
  GetLogEventsCommandOutput,
  OutputLogEvent,
} from '@aws-sdk/client-cloudwatch-logs';
import type { AwsCredentialIdentityProvider } from '@aws-sdk/types';
import { directCall, toServiceError, type JsonService } from './codebuild.js';
import type { Route } from './endpoints.js';
import type { Env } from './setup.js';

/**
 * What the action asks of CloudWatch Logs: the end of a build's log. Loaded only when a group failed
 * and log-lines is not 0 (a dynamic import at its one call site), so a green run never loads it.
 */
export interface Logs {
  /** The newest `lines` lines of a stream, oldest first; undefined when the stream does not exist (yet). */
  tail(
    groupName: string,
    streamName: string,
    lines: number,
    signal?: AbortSignal,
  ): Promise<string[] | undefined>;
}

export const LOGS_SERVICE: JsonService = {
  signingName: 'logs',
  target: 'Logs_20140328',
  // GetLogEvents's times are longs (milliseconds), not timestamps: nothing to turn.
  timestamps: new Set(),
  // A tail is not worth a longer wait.
  requestTimeoutMs: 10_000,
};

/** GetLogEvents returns at most this many events per call. */
const MAX_EVENTS = 10_000;

/** The events' messages as lines: an event is usually one line with its line break, but may hold several. */
export function eventLines(events: OutputLogEvent[], lines: number): string[] {
  const all = events.flatMap((e) => (e.message ?? '').replace(/\r?\n$/, '').split(/\r?\n/));
  return all.slice(Math.max(0, all.length - lines));
}

/** GetLogEvents, through the SDK's client (logs-sdk.ts) or directly (aws-json.ts). */
export type GetLogEvents = (
  input: GetLogEventsCommandInput,
  signal?: AbortSignal,
) => Promise<GetLogEventsCommandOutput>;

export function createLogs(
  options: {
    region?: string;
    /** An SDK client to send with (tests); default: route decides. */
    client?: CloudWatchLogsClient;
    /** Direct calls or the SDK (endpoints.ts); default: the SDK. */
    route?: Route;
    /** role-to-assume's credentials, shared with CodeBuild's client; default: the job's credentials. */
    credentials?: AwsCredentialIdentityProvider;
    /** Where direct calls find the job's credentials; default: process.env. */
    env?: Env;
  } = {},
): Logs {
  let getLogEvents: Promise<GetLogEvents> | undefined;
  const connect = () =>
    (getLogEvents ??= (async (): Promise<GetLogEvents> => {
      const { route } = options;
      if (!options.client && route?.direct) {
        const call = directCall(route, options, LOGS_SERVICE);
        return (input, signal) => call('GetLogEvents', input, signal);
      }
      const { sdkGetLogEvents } = await import('./logs-sdk.js');
      return sdkGetLogEvents(options);
    })());
  return {
    async tail(logGroupName, logStreamName, lines, signal) {
      try {
        // From the tail: the newest `limit` events, oldest first. Each event holds at least one line.
        const out = await (
          await connect()
        )(
          {
            logGroupName,
            logStreamName,
            startFromHead: false,
            limit: Math.min(MAX_EVENTS, lines),
          },
          signal,
        );
        return eventLines(out.events ?? [], lines);
      } catch (thrown) {
        if ((thrown as Error).name === 'ResourceNotFoundException') return undefined;
        throw toServiceError('GetLogEvents', thrown, { service: 'CloudWatch Logs' });
      }
    },
  };
}
