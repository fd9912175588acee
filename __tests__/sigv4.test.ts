// The direct calls' signer against the SDK's: for every request below, the headers sigv4.ts sends
// are the ones @smithy/signature-v4 gives, with the options the SDK's clients give it.
import { Sha256 } from '@smithy/core/checksum';
import { SignatureV4 } from '@smithy/signature-v4';
import { signedHeaders, type SignInput } from '../src/sigv4.js';

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
];

test.each(cases)('sigv4.ts signs as @smithy/signature-v4: %s', async (_, change) => {
  const input = { ...BASE, ...change };
  const sdk = await new SignatureV4({
    service: input.service,
    region: input.region,
    credentials: input.credentials,
    sha256: Sha256,
  }).sign(
    {
      method: 'POST',
      protocol: 'https:',
      hostname: input.headers.host!.split(':')[0]!,
      path: input.path,
      query: {},
      headers: { ...input.headers },
      body: input.body,
    },
    { signingDate: input.date },
  );
  expect(signedHeaders(input)).toEqual(sdk.headers);
});

test('a credential without a secret is refused before anything is signed, as the SDK refuses it', () => {
  expect(() => signedHeaders({ ...BASE, credentials: { accessKeyId: 'AKID' } as never })).toThrow(
    'Resolved credential object is not valid',
  );
});
