import {
  CloudWatchLogsClient,
  GetLogEventsCommand,
  type OutputLogEvent,
} from '@aws-sdk/client-cloudwatch-logs';
import type { AwsCredentialIdentityProvider } from '@aws-sdk/types';
import { clientConfig } from './client-config.js';
import { toServiceError } from './errors.js';

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

/** GetLogEvents returns at most this many events per call. */
const MAX_EVENTS = 10_000;
/** A tail is not worth a longer wait. */
const REQUEST_TIMEOUT_MS = 10_000;

/** The events' messages as lines: an event is usually one line with its line break, but may hold several. */
export function eventLines(events: OutputLogEvent[], lines: number): string[] {
  const all = events.flatMap((e) => (e.message ?? '').replace(/\r?\n$/, '').split(/\r?\n/));
  return all.slice(Math.max(0, all.length - lines));
}

export function createLogs(
  options: {
    region?: string;
    /** An SDK client to send with (tests); default: one built with clientConfig. */
    client?: CloudWatchLogsClient;
    /** role-to-assume's credentials, shared with CodeBuild's client; default: the SDK's chain. */
    credentials?: AwsCredentialIdentityProvider;
  } = {},
): Logs {
  const client =
    options.client ?? new CloudWatchLogsClient(clientConfig(options, REQUEST_TIMEOUT_MS));
  return {
    async tail(logGroupName, logStreamName, lines, signal) {
      try {
        // From the tail: the newest `limit` events, oldest first. Each event holds at least one line.
        const out = await client.send(
          new GetLogEventsCommand({
            logGroupName,
            logStreamName,
            startFromHead: false,
            limit: Math.min(MAX_EVENTS, lines),
          }),
          { abortSignal: signal },
        );
        return eventLines(out.events ?? [], lines);
      } catch (thrown) {
        if ((thrown as Error).name === 'ResourceNotFoundException') return undefined;
        throw toServiceError('GetLogEvents', thrown, { service: 'CloudWatch Logs' });
      }
    },
  };
}
