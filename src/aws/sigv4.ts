import { createHash, createHmac } from 'node:crypto';
import type { AwsCredentialIdentity } from '@aws-sdk/types';

/**
 * AWS Signature Version 4 for the direct calls' one kind of request (a POST with a JSON body, no
 * query), signed as @smithy/signature-v4's SignatureV4 signs it with the options the SDK's clients
 * give it: x-amz-date, the session token and x-amz-content-sha256 added, the same headers left
 * unsigned, the path normalized and encoded twice. sigv4.test.ts holds the two equal, header for
 * header; the simulator checks signatures on its own. Not that class: loading it and its first
 * signature cost about 3 ms of every start on Node 20 and 4 on Node 24 (the action's time to its first
 * request, run beside the class's way 41 times), for an algorithm of a few lines.
 */

export interface SignInput {
  /** The URL's path as sent, e.g. / or /aws/. */
  path: string;
  /** Every header to send, host included; names in lower case. */
  headers: Readonly<Record<string, string>>;
  body: string;
  credentials: AwsCredentialIdentity;
  region: string;
  /** The signing name, e.g. codebuild. */
  service: string;
  date: Date;
}

/** Headers SigV4 leaves unsigned (@smithy/signature-v4's ALWAYS_UNSIGNABLE_HEADERS, proxy-*, sec-*). */
const UNSIGNED = new Set([
  'authorization',
  'cache-control',
  'connection',
  'expect',
  'from',
  'keep-alive',
  'max-forwards',
  'pragma',
  'referer',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'user-agent',
  'x-amzn-trace-id',
]);
/** Headers signing writes itself: never taken from the request. */
const GENERATED = new Set(['authorization', 'x-amz-date', 'date']);
const signed = (name: string) => !UNSIGNED.has(name) && !/^(proxy|sec)-/.test(name);

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const hmac = (key: string | Buffer, text: string) =>
  createHmac('sha256', key).update(text, 'utf8').digest();

/** RFC 3986 encoding, as the SDK's escapeUri. */
const escapeUri = (text: string) =>
  encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );

/** The canonical path: "." and ".." resolved, empty segments dropped, then encoded again. */
function canonicalPath(path: string): string {
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  const normalized = `${path.startsWith('/') ? '/' : ''}${segments.join('/')}${segments.length > 0 && path.endsWith('/') ? '/' : ''}`;
  return escapeUri(normalized).replace(/%2F/g, '/');
}

/** The headers to send: the request's, with the ones signing adds and the authorization. */
export function signedHeaders(input: SignInput): Record<string, string> {
  // A provider's answer, checked as the SDK checks it.
  const credentials = input.credentials as Partial<AwsCredentialIdentity> | undefined;
  if (
    typeof credentials?.accessKeyId !== 'string' ||
    typeof credentials.secretAccessKey !== 'string'
  )
    throw new Error('Resolved credential object is not valid');
  const { accessKeyId, secretAccessKey, sessionToken } = credentials;
  const longDate = input.date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
  const shortDate = longDate.slice(0, 8);
  const headers: Record<string, string> = {};
  // What signing writes is never taken from the request (the SDK's prepareRequest).
  for (const [name, value] of Object.entries(input.headers))
    if (!GENERATED.has(name)) headers[name] = value;
  headers['x-amz-date'] = longDate;
  if (sessionToken) headers['x-amz-security-token'] = sessionToken;
  // A hash given in the header is what is signed (UNSIGNED-PAYLOAD, say), as the SDK signs it.
  const payloadHash = (headers['x-amz-content-sha256'] ??= sha256(input.body));

  const names = Object.keys(headers).filter(signed).sort();
  const canonicalHeaders = names.map((name) => {
    const value = headers[name]!.replace(/[\r\n]/g, ' ').replace(/[ \t]+/g, ' ');
    return `${name}:${value.replace(/^ | $/g, '')}`;
  });
  const canonicalRequest = [
    'POST',
    canonicalPath(input.path),
    '',
    ...canonicalHeaders,
    '',
    names.join(';'),
    payloadHash,
  ].join('\n');
  const scope = `${shortDate}/${input.region}/${input.service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', longDate, scope, sha256(canonicalRequest)].join('\n');
  let key = hmac(`AWS4${secretAccessKey}`, shortDate);
  for (const part of [input.region, input.service, 'aws4_request']) key = hmac(key, part);
  const signature = createHmac('sha256', key).update(stringToSign, 'utf8').digest('hex');
  headers.authorization =
    `AWS4-HMAC-SHA256 Credential=${accessKeyId}/${scope}, ` +
    `SignedHeaders=${names.join(';')}, Signature=${signature}`;
  return headers;
}
