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
