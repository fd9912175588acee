import {
  CloudWatchLogsClient,
  CloudWatchLogsServiceException,
  GetLogEventsCommand,
  ResourceNotFoundException,
} from '@aws-sdk/client-cloudwatch-logs';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { ServiceError } from '../../src/aws/errors.js';
import { createLogs, eventLines } from '../../src/aws/logs.js';

const mock = mockClient(CloudWatchLogsClient);
const logs = () => createLogs({ client: new CloudWatchLogsClient({ region: 'us-east-1' }) });
beforeEach(() => mock.reset());

describe('eventLines', () => {
  it.each([
    [['a\n', 'b\n', 'c\n'], 2, ['b', 'c']],
    [['one\ntwo\n', 'three'], 10, ['one', 'two', 'three']],
    [['x\r\n', 'y\r\n'], 1, ['y']],
    [[], 5, []],
  ])('%j, last %i → %j', (messages, lines, expected) => {
    expect(
      eventLines(
        messages.map((message) => ({ message })),
        lines,
      ),
    ).toEqual(expected);
  });
});

describe('createLogs', () => {
  it('asks for the newest events from the tail, in one call', async () => {
    mock.on(GetLogEventsCommand).resolves({ events: [{ message: 'last line\n' }] });
    expect(await logs().tail('/ci/group', 'prefix/uuid', 30)).toEqual(['last line']);
    expect(mock).toHaveReceivedCommandTimes(GetLogEventsCommand, 1);
    expect(mock).toHaveReceivedCommandWith(GetLogEventsCommand, {
      logGroupName: '/ci/group',
      logStreamName: 'prefix/uuid',
      startFromHead: false,
      limit: 30,
    });
  });

  it('says a stream that does not exist is empty, not a failure', async () => {
    mock.on(GetLogEventsCommand).rejects(
      new ResourceNotFoundException({
        message: 'The specified log stream does not exist.',
        $metadata: {},
      }),
    );
    expect(await logs().tail('g', 's', 30)).toBeUndefined();
  });

  it('turns a refusal into a ServiceError naming CloudWatch Logs, the code and the request id', async () => {
    mock.on(GetLogEventsCommand).rejects(
      new CloudWatchLogsServiceException({
        name: 'AccessDeniedException',
        message: 'not authorized to perform: logs:GetLogEvents',
        $fault: 'client',
        $metadata: { requestId: 'req-7', httpStatusCode: 400 },
      }),
    );
    const thrown = await logs()
      .tail('g', 's', 30)
      .catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(ServiceError);
    expect((thrown as ServiceError).denied).toBe(true);
    expect((thrown as Error).message).toBe(
      'CloudWatch Logs GetLogEvents failed: AccessDeniedException: not authorized to perform: logs:GetLogEvents (request id req-7)',
    );
  });
});

describe('createLogs().read, a whole log from its end', () => {
  /** A stream of `count` one-line events of `size` bytes, paged as CloudWatch Logs pages backwards. */
  function stream(count: number, size = 10) {
    const events = Array.from({ length: count }, (_, i) => ({
      message: `${String(i).padStart(size - 1, '0')}\n`,
    }));
    mock.on(GetLogEventsCommand).callsFake(({ limit, nextToken }) => {
      const end = nextToken ? Number(nextToken.slice(2)) : events.length;
      const start = Math.max(0, end - (limit ?? 10_000));
      // At the start of the stream, AWS gives the same backward token again, with no events.
      return {
        events: events.slice(start, end),
        nextBackwardToken: `b/${start}`,
        nextForwardToken: `f/${end}`,
      };
    });
    return events.map((e) => e.message.trimEnd());
  }
  const bounds = { maxLines: 10_000, maxBytes: 1_000_000, lineBytes: 10 };

  it('reads a log that fits whole, oldest line first, and says it is whole', async () => {
    const all = stream(25_000);
    const read = await logs().read('g', 's', { ...bounds, maxLines: 30_000 });
    expect(read).toEqual({ lines: all, complete: true });
    const limits = mock.commandCalls(GetLogEventsCommand).map((c) => c.args[0].input.limit);
    // Pages of at most 10,000 events; the last finds no events before the start of the stream.
    expect(limits).toEqual([10_000, 10_000, 10_000, 5_000]);
  });

  it.each([
    ['lines', { maxLines: 100 }, 100],
    ['bytes', { maxBytes: 250 }, 25],
  ])(
    'stops at the bound on %s, with the newest lines, and says earlier ones exist',
    async (_, bound, kept) => {
      const all = stream(1_000);
      const read = await logs().read('g', 's', { ...bounds, ...bound });
      expect(read).toEqual({ lines: all.slice(-kept), complete: false });
      // Never more events asked for than the bounds let be shown.
      expect(mock).toHaveReceivedCommandTimes(GetLogEventsCommand, 1);
      expect(mock).toHaveReceivedCommandWith(GetLogEventsCommand, {
        limit: kept,
        startFromHead: false,
      });
    },
  );

  it('says a stream that does not exist is undefined, not a failure', async () => {
    mock.on(GetLogEventsCommand).rejects(
      new ResourceNotFoundException({
        message: 'The specified log stream does not exist.',
        $metadata: {},
      }),
    );
    expect(await logs().read('g', 's', bounds)).toBeUndefined();
  });
});

describe('createLogs().read, pages CloudWatch Logs may give', () => {
  const bounds = { maxLines: 100, maxBytes: 10_000, lineBytes: 10 };
  /** Pages by the token they answer (`first`: no token). */
  const answer = (
    pages: Record<string, { events: Array<{ message: string }>; nextBackwardToken: string }>,
  ) => mock.on(GetLogEventsCommand).callsFake(({ nextToken }) => pages[nextToken ?? 'first']);

  it('goes on past an empty page while the token moves, to the start of the log', async () => {
    answer({
      first: { events: [{ message: 'c\n' }], nextBackwardToken: 'b/1' },
      'b/1': { events: [], nextBackwardToken: 'b/2' },
      'b/2': { events: [{ message: 'a\n' }, { message: 'b\n' }], nextBackwardToken: 'b/3' },
      'b/3': { events: [], nextBackwardToken: 'b/3' },
    });
    expect(await logs().read('g', 's', bounds)).toEqual({ lines: ['a', 'b', 'c'], complete: true });
  });

  it('stops after three empty pages in a row, without calling the log whole', async () => {
    answer({
      first: { events: [{ message: 'c\n' }], nextBackwardToken: 'b/1' },
      'b/1': { events: [], nextBackwardToken: 'b/2' },
      'b/2': { events: [], nextBackwardToken: 'b/3' },
      'b/3': { events: [], nextBackwardToken: 'b/4' },
      'b/4': { events: [{ message: 'never asked for\n' }], nextBackwardToken: 'b/4' },
    });
    expect(await logs().read('g', 's', bounds)).toEqual({ lines: ['c'], complete: false });
    expect(mock).toHaveReceivedCommandTimes(GetLogEventsCommand, 4);
  });

  it('counts the lines of an event that holds many against maxLines', async () => {
    answer({
      first: { events: [{ message: 'x\n'.repeat(150) }], nextBackwardToken: 'b/1' },
      'b/1': { events: [{ message: 'older\n' }], nextBackwardToken: 'b/2' },
    });
    const read = await logs().read('g', 's', bounds);
    expect(read?.complete).toBe(false);
    expect(mock).toHaveReceivedCommandTimes(GetLogEventsCommand, 1);
  });
});
