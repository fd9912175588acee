// The direct calls' signer against the SDK's: for every request below, the headers sigv4.ts sends
// are the ones @smithy/signature-v4 gives, with the options the SDK's clients give it.
import { Sha256 } from '@smithy/core/checksum';
import { SignatureV4 } from '@smithy/signature-v4';
import { signedHeaders, type SignInput } from '../../src/aws/sigv4.js';

const KEYS = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
};
const BASE: SignInput = {
  path: '/',
  headers: {
    'content-type': 'application/x-amz-json-1.1',
    'x-amz-target': 'CodeBuild_20161006.BatchGetBuildBatches',
    'user-agent': 'codebuild-batch-retry',
    host: 'codebuild.eu-west-1.amazonaws.com',
    'content-length': '24',
  },
  body: '{"ids":["proj:1234-abcd"]}',
  credentials: KEYS,
  region: 'eu-west-1',
  service: 'codebuild',
  date: new Date('2026-11-27T13:52:53.456Z'),
};

const cases: [string, Partial<SignInput>][] = [
  ['a CodeBuild call with the job keys', {}],
  ['a session token', { credentials: { ...KEYS, sessionToken: 'IQoJb3JpZ2luX2VjE//token+=' } }],
  [
    'CloudWatch Logs in another region',
    {
      region: 'ap-southeast-2',
      service: 'logs',
      headers: {
        ...BASE.headers,
        'x-amz-target': 'Logs_20140328.GetLogEvents',
        host: 'logs.ap-southeast-2.amazonaws.com',
      },
    },
  ],
  ['an endpoint with a port', { headers: { ...BASE.headers, host: '127.0.0.1:4566' } }],
  ['an endpoint with a path', { path: '/aws/' }],
  ['a path to normalize and encode', { path: '/a/./b/../c d/%7Euser/x(1)*!/' }],
  ['a path without a trailing slash', { path: '/proxy/codebuild' }],
  ['an empty body', { body: '' }],
  ['a body beyond ASCII', { body: '{"name":"größe ✅ 🚫"}' }],
  [
    'header values with runs of spaces, tabs and line breaks',
    {
      headers: {
        ...BASE.headers,
        'user-agent': ' two  spaces\tand\r\na break ',
        'x-custom': '  a \t b  ',
      },
    },
  ],
  [
    'headers SigV4 leaves unsigned',
    {
      headers: {
        ...BASE.headers,
        'x-amzn-trace-id': 'Root=1',
        'proxy-authorization': 'Basic x',
        'sec-fetch-mode': 'cors',
        connection: 'keep-alive',
        expect: '100-continue',
      },
    },
  ],
  [
    'a content hash given',
    { headers: { ...BASE.headers, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' } },
  ],
  ['midnight at the end of a year', { date: new Date('2026-12-31T23:59:59.999Z') }],
  ['an empty session token', { credentials: { ...KEYS, sessionToken: '' } }],
  ['a secret with spaces around it', { credentials: { ...KEYS, secretAccessKey: ' s e c ' } }],
  ['an empty secret', { credentials: { ...KEYS, secretAccessKey: '' } }],
  [
    'headers that signing writes, given in the request',
    {
      headers: {
        ...BASE.headers,
        date: 'Mon, 01 Jan 2024 00:00:00 GMT',
        'x-amz-date': '20240101T000000Z',
        authorization: 'stale',
      },
    },
  ],
];

/** What the SDK's signer sends for the same request. */
async function sdkHeaders(input: SignInput): Promise<Record<string, string>> {
  const signed = await new SignatureV4({
    service: input.service,
    region: input.region,
    credentials: input.credentials,
    sha256: Sha256,
  }).sign(
    {
      method: 'POST',
      protocol: 'https:',
      hostname: input.headers.host ?? '',
      path: input.path,
      query: {},
      headers: { ...input.headers },
      body: input.body,
    },
    { signingDate: input.date },
  );
  return signed.headers;
}

test.each(cases)('sigv4.ts signs as @smithy/signature-v4: %s', async (_, change) => {
  const input = { ...BASE, ...change };
  expect(signedHeaders(input)).toEqual(await sdkHeaders(input));
});

// Requests as the direct calls build them from an endpoint variable (aws-json.ts: a trailing slash,
// no query), with credentials, regions, bodies and dates drawn from awkward sets; a fixed seed, so a
// difference names a request that can be replayed.
test('sigv4.ts signs 500 drawn requests as @smithy/signature-v4 does', async () => {
  let seed = 20261127;
  const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x80000000;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const text = (length: number) =>
    Array.from({ length }, () => pick([...'aZ09/+= -_.~!"#%&\'()*,:;?@[]^`{|}\tü€🚀\u00a0'])).join(
      '',
    );
  const segments = [
    'aws',
    'a b',
    '.',
    '..',
    '%2e',
    '%2F',
    '%41',
    '~',
    'ü',
    '🚀',
    "!'()*",
    '%25',
    '',
  ];
  const hosts = [
    'codebuild.eu-west-1.amazonaws.com',
    '127.0.0.1:4566',
    '[::1]:8080',
    'proxy.example',
  ];
  let compared = 0;
  while (compared < 500) {
    const path = Array.from({ length: Math.floor(random() * 5) }, () => pick(segments)).join('/');
    const raw = `${pick(['http', 'https'])}://${pick(hosts)}/${path}${random() < 0.3 ? '?q=1' : ''}`;
    if (!URL.canParse(raw)) continue;
    const endpoint = new URL(raw);
    if (!endpoint.pathname.endsWith('/')) endpoint.pathname += '/';
    const token = pick([undefined, '', 'IQoJb3JpZ2luX2VjE//token+=', ` ${text(30)} `]);
    const input: SignInput = {
      ...BASE,
      path: endpoint.pathname,
      headers: { ...BASE.headers, host: endpoint.host, 'user-agent': text(12) },
      body: pick(['', '{}', JSON.stringify({ ids: [text(20)] }), '{"name":"größe ✅"}']),
      credentials: {
        accessKeyId: pick(['AKIDEXAMPLE', text(20)]),
        secretAccessKey: pick([KEYS.secretAccessKey, text(40), '']),
        ...(token === undefined ? {} : { sessionToken: token }),
      },
      region: pick(['us-east-1', 'eu-west-1', 'cn-north-1', 'local']),
      service: pick(['codebuild', 'logs']),
      date: new Date(Math.floor(random() * 4_102_444_800_000)),
    };
    expect({ raw, headers: signedHeaders(input) }).toEqual({
      raw,
      headers: await sdkHeaders(input),
    });
    compared++;
  }
});

test.each([
  ['without a secret', { accessKeyId: 'AKID' }],
  ['that is nothing', undefined],
])('a credential %s is refused before anything is signed, as the SDK refuses it', (_, given) => {
  expect(() => signedHeaders({ ...BASE, credentials: given as never })).toThrow(
    'Resolved credential object is not valid',
  );
});
