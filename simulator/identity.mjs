// The identity side of the simulator: GitHub's OIDC token endpoint (what ACTIONS_ID_TOKEN_REQUEST_URL
// and ACTIONS_ID_TOKEN_REQUEST_TOKEN point at), STS AssumeRoleWithWebIdentity (awsQuery: a form-encoded
// POST answered in XML, unsigned), and the credential store every signed request is checked against:
// the fixed long-term test key plus the temporary keys STS issued, each with its session token and
// expiry. A development tool: never bundled.
import { createHmac, randomBytes, randomUUID } from 'node:crypto';

const STS_NS = 'https://sts.amazonaws.com/doc/2011-06-15/';
const ISSUER = 'https://token.actions.githubusercontent.com';
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

const base64url = (data) => Buffer.from(data).toString('base64url');
const xmlEscape = (text) =>
  String(text).replace(
    /[<>&'"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c],
  );

function randomKeyId() {
  const bytes = randomBytes(16);
  return `ASIA${[...bytes].map((b) => ALNUM[b % 32]).join('')}`;
}

/** A trust condition as IAM's StringLike reads it: `*` any run of characters, `?` one. */
function like(pattern, value) {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${source}$`).test(value);
}

class StsError {
  constructor(code, message, status = 400) {
    Object.assign(this, { code, message, status });
  }
}

/**
 * @param {object} options
 * @param {string} options.account
 * @param {{ accessKeyId: string, secretAccessKey: string }} options.longTerm  the fixed test key
 * @param {object} [options.identity]
 * @param {string} [options.identity.roleArn]  the role that trusts GitHub's tokens
 * @param {string} [options.identity.subject]  the sub claim the OIDC endpoint issues
 * @param {string | string[]} [options.identity.trustSubject]  the role's token.actions.githubusercontent.com:sub condition (StringLike)
 * @param {string} [options.identity.trustAudience]  the role's aud condition
 * @param {number} [options.identity.maxSessionSeconds]  the role's maximum session duration
 * @param {number} [options.identity.credentialSeconds]  issued credentials last this long (for tests), not DurationSeconds
 * @param {number} [options.identity.idTokenSeconds]  the OIDC token's lifetime
 */
export function createIdentity({ account, longTerm, identity = {} }) {
  const roleArn = identity.roleArn ?? `arn:aws:iam::${account}:role/codebuild-batch-retry`;
  const roleName = roleArn.slice(roleArn.lastIndexOf('/') + 1);
  const subject = identity.subject ?? 'repo:example/web-app:ref:refs/heads/main';
  const trustSubjects = [identity.trustSubject ?? 'repo:example/web-app:*'].flat();
  const trustAudience = identity.trustAudience ?? 'sts.amazonaws.com';
  const maxSessionSeconds = identity.maxSessionSeconds ?? 3600;
  const requestToken = `sim-oidc-request-${randomUUID()}`;
  const signingKey = randomBytes(32);
  /** Every temporary key STS issued, by access key id. */
  const issued = new Map();
  /** Every value that must never be printed: request token, ID tokens, keys, secrets, session tokens. */
  const secrets = [requestToken, longTerm.secretAccessKey];

  function idToken(audience) {
    const now = Math.floor(Date.now() / 1000);
    const [, repository = 'example/web-app'] = /^repo:([^:]+)/.exec(subject) ?? [];
    const claims = {
      jti: randomUUID(),
      sub: subject,
      aud: audience ?? 'https://github.com/example',
      iss: ISSUER,
      repository,
      repository_owner: repository.split('/')[0],
      run_id: '7012345678',
      nbf: now - 5,
      iat: now,
      exp: now + (identity.idTokenSeconds ?? 300),
    };
    const unsigned = `${base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT', kid: 'simulator' }))}.${base64url(JSON.stringify(claims))}`;
    const token = `${unsigned}.${createHmac('sha256', signingKey).update(unsigned).digest('base64url')}`;
    secrets.push(token);
    return token;
  }

  /** The claims of a token this simulator issued, or undefined when it did not issue it. */
  function verifiedClaims(token) {
    const parts = String(token ?? '').split('.');
    if (parts.length !== 3) return undefined;
    const expected = createHmac('sha256', signingKey)
      .update(`${parts[0]}.${parts[1]}`)
      .digest('base64url');
    if (expected !== parts[2]) return undefined;
    return JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
  }

  /** GET ACTIONS_ID_TOKEN_REQUEST_URL&audience=…, Bearer ACTIONS_ID_TOKEN_REQUEST_TOKEN → { value }. */
  function handleOidc(req, url) {
    if (req.headers.authorization !== `Bearer ${requestToken}`)
      return { status: 401, body: { message: 'Bad credentials' } };
    return {
      status: 200,
      body: { count: 1, value: idToken(url.searchParams.get('audience') ?? undefined) },
    };
  }

  function assume(params) {
    const token = params.get('WebIdentityToken');
    const sessionName = params.get('RoleSessionName') ?? '';
    const duration = Number(params.get('DurationSeconds') ?? 3600);
    if (!SESSION_NAME.test(sessionName))
      throw new StsError(
        'ValidationError',
        `1 validation error detected: Value '${sessionName}' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*`,
      );
    if (!Number.isInteger(duration) || duration < 900 || duration > 43200)
      throw new StsError(
        'ValidationError',
        `1 validation error detected: Value '${params.get('DurationSeconds')}' at 'durationSeconds' failed to satisfy constraint: Member must have value between 900 and 43200`,
      );
    const claims = verifiedClaims(token);
    if (!claims)
      throw new StsError('InvalidIdentityToken', "Couldn't verify the token's signature");
    if (claims.exp * 1000 <= Date.now())
      throw new StsError(
        'ExpiredTokenException',
        'Token expired: current date/time must be before the expiration date/time',
      );
    if (claims.aud !== trustAudience)
      throw new StsError('InvalidIdentityToken', 'Incorrect token audience');
    if (params.get('RoleArn') !== roleArn || !trustSubjects.some((p) => like(p, claims.sub)))
      throw new StsError(
        'AccessDenied',
        'Not authorized to perform sts:AssumeRoleWithWebIdentity',
        403,
      );
    if (duration > maxSessionSeconds)
      throw new StsError(
        'ValidationError',
        'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
      );

    const credentials = issueTemporary(identity.credentialSeconds ?? duration);
    return `<AssumeRoleWithWebIdentityResponse xmlns="${STS_NS}">
  <AssumeRoleWithWebIdentityResult>
    <SubjectFromWebIdentityToken>${xmlEscape(claims.sub)}</SubjectFromWebIdentityToken>
    <Audience>${xmlEscape(claims.aud)}</Audience>
    <AssumedRoleUser>
      <Arn>arn:aws:sts::${account}:assumed-role/${xmlEscape(roleName)}/${xmlEscape(sessionName)}</Arn>
      <AssumedRoleId>AROA${randomKeyId().slice(4)}:${xmlEscape(sessionName)}</AssumedRoleId>
    </AssumedRoleUser>
    <Credentials>
      <SessionToken>${credentials.sessionToken}</SessionToken>
      <SecretAccessKey>${credentials.secretAccessKey}</SecretAccessKey>
      <Expiration>${new Date(credentials.expiresAt).toISOString()}</Expiration>
      <AccessKeyId>${credentials.accessKeyId}</AccessKeyId>
    </Credentials>
    <Provider>arn:aws:iam::${account}:oidc-provider/token.actions.githubusercontent.com</Provider>
  </AssumeRoleWithWebIdentityResult>`;
  }

  /** POST / form-encoded Action=AssumeRoleWithWebIdentity: XML answer or XML error, as STS does. */
  function handleSts(raw, requestId, record) {
    const params = new URLSearchParams(raw.toString('utf8'));
    record.operation = params.get('Action') ?? '';
    // The token is a credential: the record keeps only what a test may look at.
    record.body = {
      RoleArn: params.get('RoleArn'),
      RoleSessionName: params.get('RoleSessionName'),
      DurationSeconds: params.get('DurationSeconds'),
    };
    try {
      if (record.operation !== 'AssumeRoleWithWebIdentity')
        throw new StsError(
          'InvalidAction',
          `Could not find operation ${record.operation} for version 2011-06-15`,
        );
      const result = assume(params);
      return {
        status: 200,
        body: `${result}\n  <ResponseMetadata>\n    <RequestId>${requestId}</RequestId>\n  </ResponseMetadata>\n</AssumeRoleWithWebIdentityResponse>\n`,
      };
    } catch (error) {
      if (!(error instanceof StsError)) throw error;
      record.error = error.code;
      return {
        status: error.status,
        body: `<ErrorResponse xmlns="${STS_NS}">\n  <Error>\n    <Type>Sender</Type>\n    <Code>${error.code}</Code>\n    <Message>${xmlEscape(error.message)}</Message>\n  </Error>\n  <RequestId>${requestId}</RequestId>\n</ErrorResponse>\n`,
      };
    }
  }

  /** Temporary credentials as a job gets them from another step (configure-aws-credentials). */
  function issueTemporary(seconds) {
    const now = Date.now();
    const credentials = {
      accessKeyId: randomKeyId(),
      secretAccessKey: randomBytes(30).toString('base64'),
      sessionToken: `IQoJb3JpZ2luX2VjE${randomBytes(120).toString('base64')}`,
      issuedAt: now,
      expiresAt: now + seconds * 1000,
    };
    issued.set(credentials.accessKeyId, credentials);
    secrets.push(credentials.accessKeyId, credentials.secretAccessKey, credentials.sessionToken);
    return credentials;
  }

  /**
   * The credentials a signed request names, checked as AWS checks them: an unknown key or a session
   * token that does not belong to it is UnrecognizedClientException, an expired one
   * ExpiredTokenException. Returns { credentials } or { error }.
   */
  function credentialsFor(accessKeyId, sessionToken) {
    if (accessKeyId === longTerm.accessKeyId && !sessionToken) return { credentials: longTerm };
    const temporary = issued.get(accessKeyId);
    if (!temporary || temporary.sessionToken !== sessionToken)
      return {
        error: {
          status: 400,
          code: 'UnrecognizedClientException',
          message: 'The security token included in the request is invalid.',
        },
      };
    if (temporary.expiresAt <= Date.now())
      return {
        credentials: temporary,
        error: {
          status: 400,
          code: 'ExpiredTokenException',
          message: 'The security token included in the request is expired',
        },
      };
    return { credentials: temporary };
  }

  return {
    roleArn,
    requestToken,
    handleOidc,
    handleSts,
    credentialsFor,
    issueTemporary,
    issued,
    secrets: () => [...secrets],
  };
}
