import {
  BatchGetBuildBatchesCommand,
  BatchGetBuildsCommand,
  BatchGetReportsCommand,
  CodeBuildClient,
  DescribeTestCasesCommand,
  CodeBuildServiceException,
  ListBuildBatchesForProjectCommand,
  ResourceNotFoundException,
  RetryBuildBatchCommand,
  StartBuildBatchCommand,
  StopBuildBatchCommand,
} from '@aws-sdk/client-codebuild';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { createCodeBuild } from '../../src/aws/codebuild.js';
import { ActionError } from '../../src/config/errors.js';
import { ServiceError, toServiceError, withoutValues } from '../../src/aws/errors.js';
import { BATCH_ID, batch } from '../fixtures.js';

const mock = mockClient(CodeBuildClient);
const codebuild = () => createCodeBuild({ client: new CodeBuildClient({ region: 'us-east-1' }) });

function serviceException(name: string, message: string, httpStatusCode = 400) {
  return new CodeBuildServiceException({
    name,
    message,
    $fault: httpStatusCode >= 500 ? 'server' : 'client',
    $metadata: { requestId: 'req-123', httpStatusCode },
  });
}

beforeEach(() => mock.reset());

describe('createCodeBuild', () => {
  it('reads one batch, and says when CodeBuild does not know it', async () => {
    mock
      .on(BatchGetBuildBatchesCommand)
      .resolvesOnce({ buildBatches: [batch('FAILED')] })
      .resolvesOnce({ buildBatches: [], buildBatchesNotFound: [BATCH_ID] });
    expect((await codebuild().getBatch(BATCH_ID))?.buildBatchStatus).toBe('FAILED');
    expect(await codebuild().getBatch(BATCH_ID)).toBeUndefined();
    expect(mock).toHaveReceivedCommandWith(BatchGetBuildBatchesCommand, { ids: [BATCH_ID] });
  });

  it('takes only the batch asked for from the answer, never another it lists', async () => {
    const other = {
      ...batch('SUCCEEDED'),
      id: 'other:0000',
      arn: 'arn:aws:codebuild:us-east-1:123456789012:build-batch/other:0000',
    };
    const wrongArn = { ...batch('SUCCEEDED'), arn: other.arn };
    mock
      .on(BatchGetBuildBatchesCommand)
      .resolvesOnce({ buildBatches: [other, batch('FAILED')] })
      .resolvesOnce({ buildBatches: [other] })
      .resolvesOnce({ buildBatches: [wrongArn] });
    expect((await codebuild().getBatch(BATCH_ID))?.buildBatchStatus).toBe('FAILED');
    expect(await codebuild().getBatch(BATCH_ID)).toBeUndefined();
    expect(await codebuild().getBatch(BATCH_ID)).toBeUndefined();
  });

  it('always sends the retry type and the idempotency token', async () => {
    mock.on(RetryBuildBatchCommand).resolves({ buildBatch: batch('IN_PROGRESS') });
    await codebuild().retryBatch(BATCH_ID, 'RETRY_FAILED_BUILDS', 'gh-token');
    expect(mock).toHaveReceivedCommandWith(RetryBuildBatchCommand, {
      id: BATCH_ID,
      retryType: 'RETRY_FAILED_BUILDS',
      idempotencyToken: 'gh-token',
    });
  });

  it('starts a batch with the request as built, and fails on an answer without one', async () => {
    const request = { projectName: 'web-app', sourceVersion: 'main', idempotencyToken: 'gh-t' };
    mock
      .on(StartBuildBatchCommand)
      .resolvesOnce({ buildBatch: batch('IN_PROGRESS') })
      .resolvesOnce({ $metadata: { requestId: 'req-9' } });
    expect((await codebuild().startBatch(request)).id).toBe(BATCH_ID);
    expect(mock).toHaveReceivedCommandWith(StartBuildBatchCommand, request);
    await expect(codebuild().startBatch(request)).rejects.toThrow(
      'CodeBuild StartBuildBatch failed: EmptyResponse: the response held no batch (request id req-9)',
    );
  });

  it('stops a batch', async () => {
    mock.on(StopBuildBatchCommand).resolves({ buildBatch: batch('STOPPED') });
    expect((await codebuild().stopBatch(BATCH_ID))?.buildBatchStatus).toBe('STOPPED');
  });

  it('reads builds 100 ids per call', async () => {
    mock
      .on(BatchGetBuildsCommand)
      .callsFake(({ ids }) => ({ builds: ids.map((id: string) => ({ id })) }));
    const ids = Array.from({ length: 250 }, (_, i) => `p:${i}`);
    expect(await codebuild().getBuilds(ids)).toHaveLength(250);
    expect(
      mock.commandCalls(BatchGetBuildsCommand).map((c) => c.args[0].input.ids?.length),
    ).toEqual([100, 100, 50]);
  });

  it('lists failed batch ids across pages, newest-first order requested', async () => {
    mock
      .on(ListBuildBatchesForProjectCommand)
      .resolvesOnce({ ids: ['p:1', 'p:2'], nextToken: 't' })
      .resolvesOnce({ ids: ['p:3'] });
    expect(await codebuild().listBatchIds('p', 'FAILED', 1000)).toEqual({
      ids: ['p:1', 'p:2', 'p:3'],
      more: false,
    });
    expect(mock).toHaveReceivedNthSpecificCommandWith(1, ListBuildBatchesForProjectCommand, {
      projectName: 'p',
      filter: { status: 'FAILED' },
      sortOrder: 'DESCENDING',
      maxResults: 100,
    });
    expect(mock).toHaveReceivedNthSpecificCommandWith(2, ListBuildBatchesForProjectCommand, {
      nextToken: 't',
    });
  });

  it('says when the list was cut short', async () => {
    mock.on(ListBuildBatchesForProjectCommand).resolves({ ids: ['p:1', 'p:2'], nextToken: 'more' });
    expect(await codebuild().listBatchIds('p', 'FAILED', 2)).toEqual({
      ids: ['p:1', 'p:2'],
      more: true,
    });
  });

  it.each([
    ['the same token again', () => 'same'],
    ['a new token every time', (n: number) => `t${n}`],
  ])('ends a list whose empty pages give %s, and a report whose cases do', async (_, token) => {
    let lists = 0;
    let cases = 0;
    mock
      .on(ListBuildBatchesForProjectCommand)
      .callsFake(() => ({ ids: [], nextToken: token(++lists) }));
    mock
      .on(DescribeTestCasesCommand)
      .callsFake(() => ({ testCases: [], nextToken: token(++cases) }));
    expect(await codebuild().listBatchIds('p', 'FAILED', 1000)).toEqual({ ids: [], more: true });
    expect(await codebuild().describeTestCases('arn:r', 'FAILED', 50)).toEqual([]);
    // Before: the step asked again without end (31,513 calls in 30 s through a proxy).
    expect(lists).toBeLessThanOrEqual(100);
    expect(cases).toBeLessThanOrEqual(100);
  });

  it('turns a refusal into a ServiceError with code, message and request id', async () => {
    mock.on(RetryBuildBatchCommand).rejects(
      new ResourceNotFoundException({
        message: 'Build batch p:1 does not exist',
        $metadata: { requestId: 'req-9' },
      }),
    );
    const failure = codebuild().retryBatch('p:1', 'RETRY_ALL_BUILDS', 't');
    await expect(failure).rejects.toBeInstanceOf(ServiceError);
    await expect(failure).rejects.toThrow(
      'CodeBuild RetryBuildBatch failed: ResourceNotFoundException: Build batch p:1 does not exist (request id req-9)',
    );
  });
});

describe('toServiceError', () => {
  it.each([
    [serviceException('ThrottlingException', 'Rate exceeded'), 'ThrottlingException', 'throttling'],
    [
      serviceException('ServiceUnavailableException', 'down', 503),
      'ServiceUnavailableException',
      'transient',
    ],
    [serviceException('InternalFailure', '', 500), 'InternalFailure', 'transient'],
    [Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), 'ECONNRESET', 'transient'],
    [
      Object.assign(new SyntaxError('Unexpected end of JSON input'), {
        $metadata: { httpStatusCode: 200 },
      }),
      'SyntaxError',
      'transient',
    ],
    [
      serviceException(
        'ExpiredTokenException',
        'The security token included in the request is expired',
      ),
      'ExpiredTokenException',
      'expired-credentials',
    ],
    // STS and the query-protocol services say it without "Exception".
    [
      serviceException('ExpiredToken', 'The security token included in the request is expired'),
      'ExpiredToken',
      'expired-credentials',
    ],
    [serviceException('AccessDeniedException', 'not authorized'), 'AccessDeniedException', 'other'],
    [serviceException('InvalidInputException', 'bad'), 'InvalidInputException', 'other'],
  ])('classifies %p', (thrown, code, kind) => {
    const error = toServiceError('BatchGetBuildBatches', thrown) as ServiceError;
    expect(error).toBeInstanceOf(ServiceError);
    expect([error.code, error.kind]).toEqual([code, kind]);
  });

  it('says HTTP status when the service sent no message', () => {
    expect(
      (toServiceError('StopBuildBatch', serviceException('InternalFailure', '', 500)) as Error)
        .message,
    ).toBe('CodeBuild StopBuildBatch failed: InternalFailure: HTTP 500 (request id req-123)');
  });

  it('says what to do when the SDK found no credentials or no region', () => {
    const noCredentials = Object.assign(
      new Error('Could not load credentials from any providers'),
      { name: 'CredentialsProviderError' },
    );
    const none = toServiceError('BatchGetBuildBatches', noCredentials);
    expect(none).toBeInstanceOf(ActionError);
    expect((none as Error).message).toMatch(
      /^No AWS credentials were found \(Could not load credentials from any providers\): add a step with aws-actions\/configure-aws-credentials/,
    );
    const noRegion = toServiceError('BatchGetBuildBatches', new Error('Region is missing'));
    expect(noRegion).toBeInstanceOf(ActionError);
    expect((noRegion as Error).message).toMatch(/^No AWS region is set: set the aws-region input/);
    // AWS_REGION set to an empty workflow variable: the same mistake, the same sentence.
    const empty = toServiceError(
      'BatchGetBuildBatches',
      new Error('Region not accepted: region="" is not a valid hostname component.'),
    );
    expect(empty).toBeInstanceOf(ActionError);
    expect((empty as Error).message).toMatch(/^No AWS region is set/);
  });

  it('names the endpoint variable when the endpoint refuses connections, and stays transient', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4566'), {
      code: 'ECONNREFUSED',
    });
    const endpoint = { name: 'AWS_ENDPOINT_URL_CODEBUILD', value: 'http://127.0.0.1:4566' };
    const error = toServiceError('BatchGetBuildBatches', refused, { endpoint }) as ServiceError;
    expect(error.message).toBe(
      'CodeBuild BatchGetBuildBatches failed: ECONNREFUSED: AWS_ENDPOINT_URL_CODEBUILD is "http://127.0.0.1:4566", which refuses connections (ECONNREFUSED): correct it, or remove it so the SDK reaches AWS.',
    );
    expect(error.transient).toBe(true);
    expect((toServiceError('x', refused) as Error).message).toBe(
      'CodeBuild x failed: ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:4566',
    );
  });

  it("passes on what the role's credential provider already said", () => {
    const said = new ActionError('role-to-assume needs a GitHub OIDC token');
    expect(toServiceError('BatchGetBuildBatches', said)).toBe(said);
  });

  it('leaves an abort alone', () => {
    const abort = Object.assign(new Error('aborted'), { name: 'AbortError' });
    expect(toServiceError('x', abort)).toBe(abort);
  });
});

describe('withoutValues: a failure that echoes its request', () => {
  const echoed = new ServiceError(
    'StartBuildBatch',
    'InternalFailure',
    'Error processing {"value":"deploy-key-42"}',
    'req-1',
    'transient',
  );
  it('takes the values out of the message and keeps code, request id and kind', () => {
    const error = withoutValues(echoed, ['deploy-key-42']) as ServiceError;
    expect(error.message).toBe(
      'CodeBuild StartBuildBatch failed: InternalFailure: Error processing {"value":"***"} (request id req-1)',
    );
    expect([error.code, error.requestId, error.kind, error.transient]).toEqual([
      'InternalFailure',
      'req-1',
      'transient',
      true,
    ]);
  });
  it('cuts a message of megabytes in its middle, after taking out a value the cut goes through', () => {
    const secret = 'deploy-key-42';
    const whole = `${'a '.repeat(745)}${secret} ${'b '.repeat(1_000_000)}the end`;
    const error = withoutValues(
      new ServiceError('StartBuildBatch', 'InvalidInputException', whole, 'req-1', 'other'),
      [secret],
    ) as ServiceError;
    expect(error.message.length).toBeLessThan(2_100);
    expect(error.message).toMatch(
      /^CodeBuild StartBuildBatch failed: InvalidInputException: [a ]+\*\*\* [b ]+ … [b ]+the end \(request id req-1\)$/,
    );
    expect(error.message).not.toMatch(/deploy|key-42/);
  });
  it.each([
    ['a message without the values', echoed, ['other-value']],
    ['a setup mistake', new ActionError('Input "x" is bad.'), ['deploy-key-42']],
  ])('leaves %s as it is', (_, thrown, values) => {
    expect(withoutValues(thrown, values)).toBe(thrown);
  });
});

describe('reports and test cases', () => {
  it('reads reports 100 ARNs per call', async () => {
    mock.on(BatchGetReportsCommand).callsFake(({ reportArns }: { reportArns: string[] }) => ({
      reports: reportArns.map((arn) => ({ arn })),
    }));
    const arns = Array.from({ length: 250 }, (_, i) => `arn:report/${i}`);
    expect(await codebuild().getReports(arns)).toHaveLength(250);
    expect(
      mock.commandCalls(BatchGetReportsCommand).map((c) => c.args[0].input.reportArns!.length),
    ).toEqual([100, 100, 50]);
  });

  it('reads up to max test cases of one status, following nextToken only as far as needed', async () => {
    mock
      .on(DescribeTestCasesCommand)
      .resolvesOnce({ testCases: [{ name: 'a' }, { name: 'b' }], nextToken: 't1' })
      .resolvesOnce({ testCases: [{ name: 'c' }], nextToken: 't2' });
    const cases = await codebuild().describeTestCases('arn:report/1', 'FAILED', 3);
    expect(cases.map((c) => c.name)).toEqual(['a', 'b', 'c']);
    // The SDK's paginator: pages of max cases, the next page by its token, none once max are read
    // (t2 is never followed).
    const calls = mock.commandCalls(DescribeTestCasesCommand).map((c) => c.args[0].input);
    expect(calls).toHaveLength(2);
    expect(calls[1]).toMatchObject({
      reportArn: 'arn:report/1',
      filter: { status: 'FAILED' },
      maxResults: 3,
      nextToken: 't1',
    });
  });
});
