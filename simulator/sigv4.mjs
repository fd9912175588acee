// SigV4 verification for the simulator, written from the AWS specification rather than taken from the
// SDK: the SDK signs, this checks, and the AWS CLI (botocore, a second independent signer) proves both.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

const sha256 = (data) => createHash('sha256').update(data).digest('hex');
const hmac = (key, data) => createHmac('sha256', key).update(data).digest();

const AUTH =
  /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/;

/** The access key id a request's Authorization header names, or undefined. */
export function accessKeyOf(req) {
  return /Credential=([^/,\s]+)\//.exec(String(req.headers.authorization ?? ''))?.[1];
}

/** The canonical form of a URI path: each segment URI-encoded (RFC 3986), '/' kept. */
function canonicalPath(path) {
  return path
    .split('/')
    .map((s) =>
      encodeURIComponent(decodeURIComponent(s)).replace(
        /[!'()*]/g,
        (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
      ),
    )
    .join('/');
}

function canonicalQuery(search) {
  const params = [...new URLSearchParams(search)].map(([k, v]) => [
    encodeURIComponent(k),
    encodeURIComponent(v),
  ]);
  params.sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
  return params.map(([k, v]) => `${k}=${v}`).join('&');
}

/**
 * Checks a request's SigV4 signature. Returns undefined when it is valid, or the error AWS would
 * answer: { status, code, message }.
 * @param {import('node:http').IncomingMessage} req
 * @param {Buffer} body
 * @param {{ accessKeyId: string, secretAccessKey: string }} credentials
 * @param {string} service
 */
export function verifySignature(req, body, credentials, service = 'codebuild') {
  const header = req.headers.authorization;
  if (!header)
    return {
      status: 400,
      code: 'MissingAuthenticationTokenException',
      message: 'Missing Authentication Token',
    };
  const match = AUTH.exec(header);
  if (!match) {
    return {
      status: 400,
      code: 'IncompleteSignatureException',
      message: `Authorization header requires 'Credential', 'Signature' and 'SignedHeaders' parameters. Authorization=${header.split(' ')[0]}`,
    };
  }
  const [, keyId, day, region, signedService, signedHeaders, signature] = match;
  if (keyId !== credentials.accessKeyId) {
    return {
      status: 400,
      code: 'UnrecognizedClientException',
      message: 'The security token included in the request is invalid.',
    };
  }
  if (signedService !== service) {
    return {
      status: 400,
      code: 'InvalidSignatureException',
      message: `Credential should be scoped to correct service: '${service}'.`,
    };
  }
  const amzDate = req.headers['x-amz-date'];
  if (!amzDate || !amzDate.startsWith(day)) {
    return {
      status: 400,
      code: 'IncompleteSignatureException',
      message:
        'Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP.',
    };
  }
  const when = Date.parse(
    amzDate.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'),
  );
  if (!Number.isFinite(when) || Math.abs(Date.now() - when) > 15 * 60_000) {
    return {
      status: 400,
      code: 'InvalidSignatureException',
      message: `Signature expired: ${amzDate} is now earlier or later than the allowed 15 minutes.`,
    };
  }

  const names = signedHeaders.split(';');
  if (!names.includes('host')) {
    return {
      status: 400,
      code: 'InvalidSignatureException',
      message: "'Host' must be a 'SignedHeader' in the AWS Authorization.",
    };
  }
  const canonicalHeaders = names
    .map((name) => {
      const value = req.headers[name];
      const text = Array.isArray(value) ? value.join(',') : (value ?? '');
      return `${name}:${String(text).trim().replace(/\s+/g, ' ')}\n`;
    })
    .join('');
  const url = new URL(req.url ?? '/', 'http://simulator');
  const payloadHash = req.headers['x-amz-content-sha256'] ?? sha256(body);
  const canonicalRequest = [
    req.method,
    canonicalPath(url.pathname),
    canonicalQuery(url.search),
    canonicalHeaders,
    signedHeaders,
    payloadHash,
  ].join('\n');
  const scope = `${day}/${region}/${service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonicalRequest)].join('\n');
  const key = hmac(
    hmac(hmac(hmac(`AWS4${credentials.secretAccessKey}`, day), region), service),
    'aws4_request',
  );
  const expected = Buffer.from(createHmac('sha256', key).update(stringToSign).digest('hex'));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return {
      status: 400,
      code: 'InvalidSignatureException',
      message:
        'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
    };
  }
  return undefined;
}
