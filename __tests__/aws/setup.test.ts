import {
  endpointOverride,
  explainStsRefusal,
  noCredentials,
  subjectOf,
  unreachableEndpoint,
  type StsRefusal,
} from '../../src/aws/setup.js';

const jwt = (claims: object) =>
  `${Buffer.from('{"alg":"RS256"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.c2lnbmF0dXJl`;

describe('endpointOverride', () => {
  it.each([
    [{}, undefined],
    [{ AWS_ENDPOINT_URL: 'http://a' }, { name: 'AWS_ENDPOINT_URL', value: 'http://a' }],
    [
      { AWS_ENDPOINT_URL: 'http://a', AWS_ENDPOINT_URL_CODEBUILD: 'http://b' },
      { name: 'AWS_ENDPOINT_URL_CODEBUILD', value: 'http://b' },
    ],
    [{ AWS_ENDPOINT_URL_STS: 'http://s' }, undefined],
    [{ AWS_ENDPOINT_URL: 'http://a', AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true' }, undefined],
  ])('for CodeBuild in %p: %p', (env, expected) => {
    expect(endpointOverride(env, 'CODEBUILD')).toEqual(expected);
  });
});

describe('unreachableEndpoint', () => {
  it('never shows a password given in the URL', () => {
    const message = unreachableEndpoint('ECONNREFUSED', {
      name: 'AWS_ENDPOINT_URL',
      value: 'http://ci:s3cret@localhost:4566',
    });
    expect(message).toContain('"http://localhost:4566"');
    expect(message).not.toContain('s3cret');
  });

  const override = { name: 'AWS_ENDPOINT_URL', value: 'http://localhost:4566' };
  it('names the variable and its value when nothing answers there', () => {
    expect(unreachableEndpoint('ECONNREFUSED', override)).toBe(
      'AWS_ENDPOINT_URL is "http://localhost:4566", which refuses connections (ECONNREFUSED): correct it, or remove it so the SDK reaches AWS.',
    );
    expect(unreachableEndpoint('ENOTFOUND', override)).toMatch(
      /which cannot be reached \(ENOTFOUND\)/,
    );
  });
  it('says nothing without an override, or for failures an endpoint does not explain', () => {
    expect(unreachableEndpoint('ECONNREFUSED', undefined)).toBeUndefined();
    expect(unreachableEndpoint('ECONNRESET', override)).toBeUndefined();
    expect(unreachableEndpoint('ThrottlingException', override)).toBeUndefined();
  });
});

describe('subjectOf', () => {
  it.each([
    [jwt({ sub: 'repo:o/r:ref:refs/heads/main', aud: 'x' }), 'repo:o/r:ref:refs/heads/main'],
    [jwt({ aud: 'x' }), undefined],
    [jwt({ sub: 42 }), undefined],
    ['not-a-token', undefined],
    ['a.bm90IGpzb24.c', undefined],
  ])('%s → %p', (token, sub) => {
    expect(subjectOf(token)).toBe(sub);
  });
});

describe('noCredentials', () => {
  it("keeps the SDK's reason and names both ways to give credentials", () => {
    expect(noCredentials('Could not load credentials from any providers')).toBe(
      'No AWS credentials were found (Could not load credentials from any providers): add a step with aws-actions/configure-aws-credentials before this one, or set role-to-assume (with "permissions: id-token: write") so this action assumes the role itself.',
    );
  });
});

describe('explainStsRefusal', () => {
  const base: StsRefusal = {
    code: 'AccessDenied',
    message: 'Not authorized to perform sts:AssumeRoleWithWebIdentity',
    requestId: 'req-1',
    roleArn: 'arn:aws:iam::123456789012:role/ci',
    subject: 'repo:o/r:pull_request',
    audience: 'sts.amazonaws.com',
    durationSeconds: 7200,
  };
  it.each<[Partial<StsRefusal>, string | undefined]>([
    [
      {},
      `Role arn:aws:iam::123456789012:role/ci (role-to-assume) refused this run's GitHub token (AccessDenied: Not authorized to perform sts:AssumeRoleWithWebIdentity, request id req-1): its trust policy's token.actions.githubusercontent.com:sub condition must match "repo:o/r:pull_request", the subject this run presents, and its aud condition "sts.amazonaws.com".`,
    ],
    [
      {
        code: 'InvalidIdentityTokenException',
        message:
          'No OpenIDConnect provider found in your account for https://token.actions.githubusercontent.com',
        requestId: undefined,
      },
      `STS rejected this run's GitHub token for role arn:aws:iam::123456789012:role/ci (InvalidIdentityTokenException: No OpenIDConnect provider found in your account for https://token.actions.githubusercontent.com): the role's account needs the IAM OIDC identity provider token.actions.githubusercontent.com with the audience "sts.amazonaws.com" (the audience input).`,
    ],
    [
      {
        code: 'ValidationError',
        message: 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
      },
      `STS refused role-duration-seconds 7200 for role arn:aws:iam::123456789012:role/ci (ValidationError: The requested DurationSeconds exceeds the MaxSessionDuration set for this role, request id req-1): lower role-duration-seconds (this action refreshes the credentials before they expire) or raise the role's maximum session duration.`,
    ],
    [
      { code: 'ValidationError', message: 'roleSessionName failed to satisfy constraint' },
      undefined,
    ],
    [{ code: 'ThrottlingException', message: 'Rate exceeded' }, undefined],
  ])('%p', (refusal, sentence) => {
    expect(explainStsRefusal({ ...base, ...refusal })).toBe(sentence);
  });
});
