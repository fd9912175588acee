import {
  defaultSessionName,
  refreshMarginMs,
  roleCredentials,
  stsKind,
} from '../../src/aws/credentials.js';
import { ActionError } from '../../src/config/errors.js';
import { startSimulator } from '../../simulator/server.mjs';

describe('refreshMarginMs', () => {
  it.each([
    [3_600_000, 300_000],
    [1_500_000, 300_000],
    [900_000, 180_000],
    [5_000, 1_000],
    [0, 0],
    [-1, 0],
  ])('credentials that live %i ms are renewed %i ms before they expire', (life, margin) => {
    expect(refreshMarginMs(life)).toBe(margin);
  });
});

describe('stsKind', () => {
  it.each([
    ['ExpiredTokenException', 'expired-credentials', 'transient'],
    ['IDPCommunicationErrorException', 'other', 'transient'],
    ['IDPCommunicationError', 'other', 'transient'],
    ['ThrottlingException', 'throttling', 'throttling'],
    ['InternalFailure', 'transient', 'transient'],
    ['MalformedPolicyDocumentException', 'other', 'other'],
  ] as const)('%s (%s) → %s', (code, kind, expected) => {
    expect(stsKind(code, kind)).toBe(expected);
  });
});

describe('defaultSessionName', () => {
  it.each([
    ['example/web-app', '7012345678', 'example@web-app-7012345678'],
    ['o/r', undefined, 'o@r'],
    [undefined, '123', '123'],
    [undefined, undefined, 'codebuild-batch-retry'],
    ['x', undefined, 'codebuild-batch-retry'],
    ['my org/repo!', '1', 'my-org@repo--1'],
    [`o/${'r'.repeat(100)}`, '7012345678', `o@${'r'.repeat(50)}-7012345678`],
  ])('%p, run %p → %p', (repository, runId, name) => {
    const made = defaultSessionName(repository, runId);
    expect(made).toBe(name);
    expect(made).toMatch(/^[\w+=,.@-]{2,64}$/);
  });
});

describe('roleCredentials', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('assumes the role with a fresh token, masks what it gets, and renews only within the margin', async () => {
    const sim = await startSimulator({ identity: { credentialSeconds: 1000 } });
    try {
      const env = sim.roleEnv();
      Object.assign(process.env, env);
      let offset = 0;
      const audiences: string[] = [];
      const masked: string[] = [];
      const idTokens: string[] = [];
      let tokens = 0;
      const provider = roleCredentials({
        role: { arn: sim.roleArn, durationSeconds: 3600, audience: 'sts.amazonaws.com' },
        env: { ...env, GITHUB_REPOSITORY: 'example/web-app', GITHUB_RUN_ID: '42' },
        getIdToken: async (audience) => {
          audiences.push(audience);
          tokens += 1;
          const answer = await fetch(`${env.ACTIONS_ID_TOKEN_REQUEST_URL}&audience=${audience}`, {
            headers: { authorization: `Bearer ${env.ACTIONS_ID_TOKEN_REQUEST_TOKEN}` },
          });
          const { value } = (await answer.json()) as { value: string };
          idTokens.push(value);
          return value;
        },
        setSecret: (value) => masked.push(value),
        now: () => Date.now() + offset,
      });

      const first = await provider();
      expect(sim.issued.get(first.accessKeyId)?.sessionToken).toBe(first.sessionToken);
      // GitHub's token too: STS gets it in the request body, which a failure may echo.
      expect(masked).toEqual([
        idTokens[0],
        first.accessKeyId,
        first.secretAccessKey,
        first.sessionToken,
      ]);
      expect(sim.calls('AssumeRoleWithWebIdentity')[0]!.body).toMatchObject({
        RoleSessionName: 'example@web-app-42',
      });

      // 1000 s of life: renewed 200 s before expiry, not earlier.
      offset = 790_000;
      expect(await provider()).toBe(first);
      offset = 801_000;
      const second = await provider();
      expect(second.accessKeyId).not.toBe(first.accessKeyId);
      expect(tokens).toBe(2);
      expect(audiences).toEqual(['sts.amazonaws.com', 'sts.amazonaws.com']);
      expect(sim.calls('AssumeRoleWithWebIdentity')).toHaveLength(2);
    } finally {
      await sim.close();
    }
  });

  it("treats STS's ExpiredTokenException (GitHub's token) as passing: the next call fetches a new one", async () => {
    const sim = await startSimulator({ identity: { idTokenSeconds: -10 } });
    try {
      const env = sim.roleEnv();
      Object.assign(process.env, env);
      const provider = roleCredentials({
        role: { arn: sim.roleArn, durationSeconds: 3600, audience: 'sts.amazonaws.com' },
        env,
        getIdToken: async (audience) => {
          const answer = await fetch(`${env.ACTIONS_ID_TOKEN_REQUEST_URL}&audience=${audience}`, {
            headers: { authorization: `Bearer ${env.ACTIONS_ID_TOKEN_REQUEST_TOKEN}` },
          });
          return ((await answer.json()) as { value: string }).value;
        },
        setSecret: () => undefined,
      });
      const error = await provider().catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'ExpiredTokenException', transient: true });
      expect((error as Error).message).toMatch(
        /^STS AssumeRoleWithWebIdentity failed: ExpiredTokenException: Token expired/,
      );
    } finally {
      await sim.close();
    }
  });

  it("asks STS in the calling client's region (the action's), through its request handler", async () => {
    process.env.AWS_REGION = 'us-east-1';
    delete process.env.AWS_ENDPOINT_URL_STS;
    delete process.env.AWS_ENDPOINT_URL;
    const hosts: string[] = [];
    // Records where the request would go and sends nothing.
    const requestHandler = {
      handle: async (request: { hostname: string }) => {
        hosts.push(request.hostname);
        throw Object.assign(new Error('not sent'), { code: 'ECONNREFUSED' });
      },
    };
    const provider = roleCredentials({
      role: {
        arn: 'arn:aws:iam::123456789012:role/ci',
        durationSeconds: 3600,
        audience: 'sts.amazonaws.com',
      },
      env: {
        ACTIONS_ID_TOKEN_REQUEST_URL: 'http://127.0.0.1:1/x?a=1',
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: 't',
      },
      getIdToken: async () => 'e30.e30.c2ln',
      setSecret: () => undefined,
    });
    const error = await provider({
      callerClientConfig: { region: async () => 'eu-west-1', requestHandler },
    } as never).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ECONNREFUSED', transient: true });
    expect(new Set(hosts)).toEqual(new Set(['sts.eu-west-1.amazonaws.com']));
  });

  it('fails with one sentence when the job may not ask for an OIDC token', async () => {
    const provider = roleCredentials({
      role: {
        arn: 'arn:aws:iam::123456789012:role/ci',
        durationSeconds: 3600,
        audience: 'sts.amazonaws.com',
      },
      env: {},
      getIdToken: () => Promise.reject(new Error('must not be called')),
      setSecret: () => undefined,
    });
    await expect(provider()).rejects.toThrow(ActionError);
    await expect(provider()).rejects.toThrow(/add "permissions: id-token: write" to the job/);
  });

  it('lets the wait poll through a failing GitHub token service', async () => {
    const provider = roleCredentials({
      role: {
        arn: 'arn:aws:iam::123456789012:role/ci',
        durationSeconds: 3600,
        audience: 'sts.amazonaws.com',
      },
      env: {
        ACTIONS_ID_TOKEN_REQUEST_URL: 'http://127.0.0.1:1/x?a=1',
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: 't',
      },
      getIdToken: () =>
        Promise.reject(new Error('Error message: Failed to get ID Token. \n\n Error Code : 503')),
      setSecret: () => undefined,
    });
    const error = await provider().catch((e: unknown) => e);
    expect(error).toMatchObject({ transient: true });
    expect((error as Error).message).toBe(
      'GitHub OIDC GetIDToken failed: IDTokenRequestFailed: Error message: Failed to get ID Token. Error Code : 503',
    );
  });
});
