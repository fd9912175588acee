// The direct awsJson1_1 calls against a local server that answers as scripted: what is sent (signed,
// as the simulator's independent SigV4 check accepts), what a caller gets back, and the SDK's retry
// behaviour through faults, with the SDK's own retry strategy.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadJsonRpcErrorCode } from '@smithy/core/protocols';
import { createJsonService, errorCode, withDates, type JsonCall } from '../../src/aws/aws-json.js';
import { CODEBUILD_TIMESTAMPS } from '../../src/aws/codebuild.js';
import { verifySignature } from '../../simulator/sigv4.mjs';

process.env.AWS_EC2_METADATA_DISABLED = 'true';

const CREDENTIALS = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
  sessionToken: 'session-token',
};

interface Answer {
  status?: number;
  headers?: Record<string, string>;
  body?: string;
  /** Drop the connection without answering. */
  drop?: boolean;
  /** Send the body in two writes, split at this byte. */
  splitAt?: number;
  /** Never answer. */
  hang?: boolean;
}

interface Seen {
  path?: string;
  target?: string;
  body: string;
  signatureError?: { code: string };
  token?: string;
  date?: string;
}

let server: Server;
let endpoint: URL;
let answers: Answer[];
let seen: Seen[];
/** When each request arrived (performance.now()). */
let arrivals: number[];

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res) => {
    const parts: Buffer[] = [];
    req.on('data', (p: Buffer) => parts.push(p));
    req.on('end', () => {
      arrivals.push(performance.now());
      const body = Buffer.concat(parts);
      seen.push({
        path: req.url,
        target: req.headers['x-amz-target'] as string,
        body: body.toString(),
        signatureError: verifySignature(req, body, CREDENTIALS, 'codebuild'),
        token: req.headers['x-amz-security-token'] as string,
        date: req.headers['x-amz-date'] as string,
      });
      const answer = answers.shift() ?? { body: '{}' };
      if (answer.drop) return req.socket.destroy();
      if (answer.hang) return;
      res.writeHead(answer.status ?? 200, {
        'content-type': 'application/x-amz-json-1.1',
        'x-amzn-requestid': `req-${seen.length}`,
        ...answer.headers,
      });
      const bytes = Buffer.from(answer.body ?? '{}');
      if (answer.splitAt === undefined) return res.end(bytes);
      res.write(bytes.subarray(0, answer.splitAt));
      setTimeout(() => res.end(bytes.subarray(answer.splitAt)), 10);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
afterAll(() => new Promise((resolve) => server.close(resolve)));
beforeEach(() => {
  answers = [];
  seen = [];
  arrivals = [];
});

const codebuild = (overrides: Partial<Parameters<typeof createJsonService>[0]> = {}): JsonCall =>
  createJsonService({
    endpoint,
    region: 'us-east-1',
    signingName: 'codebuild',
    target: 'CodeBuild_20161006',
    credentials: async () => CREDENTIALS,
    timestamps: CODEBUILD_TIMESTAMPS,
    requestTimeoutMs: 2_000,
    userAgent: 'test',
    ...overrides,
  });
const error = (code: string, message: string, status = 400) => ({
  status,
  body: JSON.stringify({ __type: code, message }),
});

describe('createJsonService', () => {
  it('sends a signed POST with the target and the input as JSON, and answers with Dates', async () => {
    answers.push({
      body: JSON.stringify({
        buildBatches: [
          {
            id: 'p:1',
            startTime: 1700000000.123,
            buildGroups: [{ currentBuildSummary: { requestedOn: 1700000001 } }],
            phases: [{ durationInSeconds: 12, endTime: 1700000002.5 }],
          },
        ],
      }),
    });
    const out = await codebuild()<{ buildBatches: Record<string, unknown>[] }>(
      'BatchGetBuildBatches',
      { ids: ['p:1'] },
    );
    expect(seen).toEqual([
      {
        path: '/',
        target: 'CodeBuild_20161006.BatchGetBuildBatches',
        body: '{"ids":["p:1"]}',
        signatureError: undefined,
        token: 'session-token',
        date: expect.stringMatching(/^\d{8}T\d{6}Z$/),
      },
    ]);
    expect(out.buildBatches[0]).toEqual({
      id: 'p:1',
      startTime: new Date(1700000000123),
      buildGroups: [{ currentBuildSummary: { requestedOn: new Date(1700000001000) } }],
      // A number that is not a timestamp stays a number.
      phases: [{ durationInSeconds: 12, endTime: new Date(1700000002500) }],
    });
    expect(out.$metadata).toMatchObject({ httpStatusCode: 200, requestId: 'req-1', attempts: 1 });
  });

  it('keeps a character whole when the body arrives split inside it', async () => {
    const body = JSON.stringify({ message: 'größer → ✅' });
    answers.push({ body, splitAt: Buffer.from(body).indexOf(Buffer.from('✅')) + 1 });
    const out = await codebuild()<{ message: string }>('BatchGetBuildBatches', { ids: [] });
    expect(out.message).toBe('größer → ✅');
  });

  it('turns a refusal into an error named by its code, with message, status and request id', async () => {
    answers.push(error('com.amazonaws.codebuild#ResourceNotFoundException', 'no such batch'));
    const failure = codebuild()('RetryBuildBatch', { id: 'p:1' });
    await expect(failure).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'no such batch',
      $fault: 'client',
      $metadata: { httpStatusCode: 400, requestId: 'req-1' },
    });
    // Not retried: the service said no.
    expect(seen).toHaveLength(1);
  });

  it('sends again through throttling and 5xx, with the SDK strategy, then succeeds', async () => {
    answers.push(
      error('ThrottlingException', 'Rate exceeded'),
      error('InternalFailure', 'oops', 500),
    );
    answers.push({ body: '{"ids":["p:1"]}' });
    const out = await codebuild()<{ ids: string[] }>('ListBuildBatchesForProject', {});
    expect(out.ids).toEqual(['p:1']);
    expect(out.$metadata.attempts).toBe(3);
    expect(seen).toHaveLength(3);
  });

  // Without the hint a 5xx is sent again within the SDK's 50 ms base back-off.
  it.each([
    ['Retry-After in seconds', () => ({ 'retry-after': '1' }), 950],
    ['x-amz-retry-after in milliseconds', () => ({ 'x-amz-retry-after': '600' }), 550],
    // HTTP dates have whole seconds: 3 s from now is at least 2 s away.
    [
      'Retry-After as a date',
      () => ({ 'retry-after': new Date(Date.now() + 3_000).toUTCString() }),
      1_900,
    ],
  ])(
    'waits as long as a refusal asks (%s), as the SDK does, before sending again',
    async (_, headers, atLeastMs) => {
      answers.push(
        { ...error('ServiceUnavailable', 'busy', 503), headers: headers() },
        { body: '{}' },
      );
      await codebuild()('BatchGetBuildBatches', { ids: [] });
      expect(arrivals).toHaveLength(2);
      expect(arrivals[1]! - arrivals[0]!).toBeGreaterThanOrEqual(atLeastMs);
    },
  );

  it('reads a Retry-After on an answer that is not JSON too (a proxy saying it is busy)', async () => {
    answers.push({ status: 503, headers: { 'retry-after': '1' }, body: '<html>busy</html>' }, {});
    await codebuild()('BatchGetBuildBatches', { ids: [] });
    expect(arrivals[1]! - arrivals[0]!).toBeGreaterThanOrEqual(950);
  });

  it('gives up after three attempts with the last error', async () => {
    for (let i = 0; i < 3; i++) answers.push(error('ThrottlingException', 'Rate exceeded'));
    await expect(codebuild()('BatchGetBuildBatches', { ids: [] })).rejects.toMatchObject({
      name: 'ThrottlingException',
      $metadata: { requestId: 'req-3' },
    });
    expect(seen).toHaveLength(3);
  });

  it('sends again when the connection drops', async () => {
    answers.push({ drop: true }, { body: '{}' });
    await expect(codebuild()('StopBuildBatch', { id: 'p:1' })).resolves.toBeDefined();
    expect(seen).toHaveLength(2);
  });

  it('fails with SyntaxError on a body that is not JSON, as the SDK does', async () => {
    answers.push({ body: '<html>proxy</html>' });
    await expect(codebuild()('BatchGetBuildBatches', { ids: [] })).rejects.toMatchObject({
      name: 'SyntaxError',
      $metadata: { httpStatusCode: 200, requestId: 'req-1' },
    });
  });

  it("signs with the service's clock once it says ours is off, and sends again", async () => {
    const serverTime = new Date(Date.now() + 60 * 60_000);
    answers.push({
      ...error('InvalidSignatureException', 'Signature expired'),
      headers: { date: serverTime.toUTCString() },
    });
    answers.push({ body: '{}' });
    await codebuild()('BatchGetBuildBatches', { ids: [] });
    expect(seen).toHaveLength(2);
    const signedAt = (s: Seen) =>
      Date.parse(
        s.date!.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, '$1-$2-$3T$4:$5:$6Z'),
      );
    // (This server's own check now finds the second signature an hour early: its clock is ours.)
    expect(signedAt(seen[1]!) - signedAt(seen[0]!)).toBeGreaterThan(55 * 60_000);
  });

  it('stops at once when the signal aborts, with an AbortError', async () => {
    const controller = new AbortController();
    answers.push(error('ThrottlingException', 'Rate exceeded'));
    const call = codebuild()('BatchGetBuildBatches', { ids: [] }, controller.signal);
    const started = Date.now();
    setTimeout(() => controller.abort(), 20);
    await expect(call).rejects.toMatchObject({ name: 'AbortError' });
    // Not after the retry strategy's back-off for throttling (a second or more).
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('names the network error code when nothing answers', async () => {
    const closed = new URL('http://127.0.0.1:9');
    await expect(codebuild({ endpoint: closed })('BatchGetBuildBatches', {})).rejects.toMatchObject(
      {
        code: 'ECONNREFUSED',
      },
    );
  });
});

describe('as the SDK client sends it', () => {
  it('posts to the endpoint path with a trailing slash, without its query, signed', async () => {
    await codebuild({ endpoint: new URL(`${endpoint.href}aws?debug=1`) })('StopBuildBatch', {});
    expect(seen[0]).toMatchObject({ path: '/aws/', signatureError: undefined });
  });

  it('reaches an endpoint at an IPv6 address, signed for it', async () => {
    const v6 = createServer((req, res) => {
      const parts: Buffer[] = [];
      req.on('data', (p: Buffer) => parts.push(p));
      req.on('end', () => {
        const error = verifySignature(req, Buffer.concat(parts), CREDENTIALS, 'codebuild');
        res.writeHead(error ? 403 : 200).end(JSON.stringify(error ? { __type: error.code } : {}));
      });
    });
    await new Promise<void>((resolve) => v6.listen(0, '::1', resolve));
    try {
      const url = new URL(`http://[::1]:${(v6.address() as AddressInfo).port}`);
      await expect(codebuild({ endpoint: url })('StopBuildBatch', {})).resolves.toBeDefined();
    } finally {
      await new Promise((resolve) => v6.close(resolve));
    }
  });

  it('leaves out members set to null', async () => {
    await codebuild()('StopBuildBatch', { id: 'p:1', nested: { a: null, b: 1 }, gone: null });
    expect(seen[0]!.body).toBe('{"id":"p:1","nested":{"b":1}}');
  });

  it("gives the credential provider the caller's region, as the client gives its config", async () => {
    const regions: unknown[] = [];
    await codebuild({
      region: 'eu-west-1',
      credentials: async (properties) => {
        regions.push(await properties?.callerClientConfig?.region?.());
        return CREDENTIALS;
      },
    })('StopBuildBatch', {});
    expect(regions).toEqual(['eu-west-1']);
  });

  it('gives up on an answer that never comes, after the request timeout, three times', async () => {
    answers.push({ hang: true }, { hang: true }, { hang: true });
    const started = Date.now();
    await expect(
      codebuild({ requestTimeoutMs: 150 })('BatchGetBuildBatches', { ids: [] }),
    ).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(seen).toHaveLength(3);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe('error codes, read as the SDK reads them', () => {
  it.each<[string, Record<string, string>, unknown, string]>([
    ['a plain __type', {}, { __type: 'ResourceNotFoundException' }, 'ResourceNotFoundException'],
    [
      'a namespaced __type',
      {},
      { __type: 'com.amazonaws.codebuild#InvalidInputException' },
      'InvalidInputException',
    ],
    [
      '__type before the header',
      { 'x-amzn-errortype': 'AccessDeniedException' },
      { __type: 'InvalidInputException' },
      'InvalidInputException',
    ],
    ['a code in any case', {}, { Code: 'AccessDeniedException' }, 'AccessDeniedException'],
    [
      'the header, cut at "," and ":"',
      { 'x-amzn-errortype': 'AccessDeniedException,x:http://y' },
      {},
      'AccessDeniedException',
    ],
    ['nothing', {}, {}, 'UnknownError'],
  ])('%s', async (_, headers, body, code) => {
    answers.push({ status: 400, headers, body: JSON.stringify(body) });
    await expect(codebuild()('StopBuildBatch', { id: 'p:1' })).rejects.toMatchObject({
      name: code,
    });
  });
});

describe('errorCode', () => {
  // The SDK's own function is the judge: every combination of header and body members.
  const headers = [undefined, 'AccessDeniedException', 'ThrottlingException,foo:http://x', 'a#B:c'];
  const bodies = [
    {},
    { __type: 'com.amazonaws.codebuild#InvalidInputException' },
    { __type: 'ResourceNotFoundException:http://internal' },
    { code: 'LimitExceeded' },
    { Code: 'AccessDenied', __type: 'X#Y' },
    { CODE: 404 },
    { message: 'no code' },
  ];
  it.each(headers.flatMap((header) => bodies.map((body) => [header, body] as const)))(
    'header %s, body %j: as loadJsonRpcErrorCode',
    (header, body) => {
      const sdk = loadJsonRpcErrorCode(
        { statusCode: 400, headers: header === undefined ? {} : { 'x-amzn-errortype': header } },
        body,
      );
      expect(errorCode(header, body)).toBe(sdk);
    },
  );
});

describe('withDates', () => {
  it('turns only the named members, at any depth, and leaves the rest alone', () => {
    const value = { a: [{ startTime: 1, x: { endTime: '2.5' } }], startTime: null, other: 3 };
    expect(withDates(value, new Set(['startTime', 'endTime']))).toEqual({
      a: [{ startTime: new Date(1000), x: { endTime: new Date(2500) } }],
      startTime: null,
      other: 3,
    });
  });
});
