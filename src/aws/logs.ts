import {
  CloudWatchLogsClient,
  GetLogEventsCommand,
  type GetLogEventsCommandInput,
  type OutputLogEvent,
} from '@aws-sdk/client-cloudwatch-logs';
import type { AwsCredentialIdentityProvider } from '@aws-sdk/types';
import { clientConfig, keepSigningSecrets } from './client-config.js';
import { toServiceError } from './errors.js';
import { untilAborted } from './until-aborted.js';

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
  /**
   * A whole log, or its end when it is longer than the bounds: read from the newest events back, a
   * page at a time, until the start of the stream or the bounds. Undefined when the stream does not exist.
   */
  read(
    groupName: string,
    streamName: string,
    bounds: LogBounds,
    signal?: AbortSignal,
  ): Promise<WholeLog | undefined>;
}

export interface LogBounds {
  maxLines: number;
  /** Bytes of messages (line breaks included): reading stops once this many are read. */
  maxBytes: number;
  /** The most a line may take where it is shown: sizes each page's limit so no page is read in vain. */
  lineBytes: number;
}

export interface WholeLog {
  /** Oldest first. */
  lines: string[];
  /** The stream starts with the first of them. */
  complete: boolean;
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

/** Empty pages in a row after which a read stops, the log's start not reached. */
const MAX_EMPTY_PAGES = 3;

/** The lines of pages read newest first, oldest line first. */
const linesOf = (pages: string[][]): string[] => pages.reverse().flat();

export function createLogs(
  options: {
    region?: string;
    /** An SDK client to send with (tests); default: one built with clientConfig. */
    client?: CloudWatchLogsClient;
    /** role-to-assume's credentials, shared with CodeBuild's client; default: the SDK's chain. */
    credentials?: AwsCredentialIdentityProvider;
    /** Takes the credentials requests are signed with (keepSigningSecrets). */
    secret?: (value: string) => void;
  } = {},
): Logs {
  const client =
    options.client ?? new CloudWatchLogsClient(clientConfig(options, REQUEST_TIMEOUT_MS));
  if (options.secret) keepSigningSecrets(client.middlewareStack, options.secret);
  /** From the end: the newest `limit` events (before nextToken), oldest first. */
  const newest = (input: GetLogEventsCommandInput, signal?: AbortSignal) =>
    untilAborted(
      client.send(new GetLogEventsCommand({ ...input, startFromHead: false }), {
        abortSignal: signal,
      }),
      signal,
    );
  return {
    async tail(logGroupName, logStreamName, lines, signal) {
      try {
        // From the tail: the newest `limit` events, oldest first. Each event holds at least one line.
        const out = await newest(
          { logGroupName, logStreamName, limit: Math.min(MAX_EVENTS, lines) },
          signal,
        );
        return eventLines(out.events ?? [], lines);
      } catch (thrown) {
        if ((thrown as Error).name === 'ResourceNotFoundException') return undefined;
        throw toServiceError('GetLogEvents', thrown, { service: 'CloudWatch Logs' });
      }
    },

    // Backwards, from the end: the paginator (paginateGetLogEvents) only follows nextForwardToken,
    // which would read a long log from its start to reach the lines that matter, its end.
    async read(logGroupName, logStreamName, bounds, signal) {
      const pages: string[][] = [];
      let lines = 0;
      let bytes = 0;
      let token: string | undefined;
      let empty = 0;
      try {
        for (;;) {
          const wanted = Math.min(
            bounds.maxLines - lines,
            Math.ceil((bounds.maxBytes - bytes) / bounds.lineBytes),
          );
          if (wanted <= 0) return { lines: linesOf(pages), complete: false };
          const out = await newest(
            { logGroupName, logStreamName, limit: Math.min(MAX_EVENTS, wanted), nextToken: token },
            signal,
          );
          const events = out.events ?? [];
          // The start of the stream: the token does not move (AWS answers the token it was sent).
          // An empty page alone is not the start: the service may answer one with more to come.
          if (!out.nextBackwardToken || out.nextBackwardToken === token)
            return { lines: linesOf([...pages, eventLines(events, Infinity)]), complete: true };
          empty = events.length === 0 ? empty + 1 : 0;
          if (empty >= MAX_EMPTY_PAGES) return { lines: linesOf(pages), complete: false };
          const page = eventLines(events, Infinity);
          pages.push(page);
          lines += page.length;
          for (const e of events) bytes += Buffer.byteLength(e.message ?? '') + 1;
          token = out.nextBackwardToken;
        }
      } catch (thrown) {
        if ((thrown as Error).name === 'ResourceNotFoundException') return undefined;
        throw toServiceError('GetLogEvents', thrown, { service: 'CloudWatch Logs' });
      }
    },
  };
}
