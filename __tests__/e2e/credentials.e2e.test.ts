// Credentials, end to end: role-to-assume with GitHub OIDC through the simulator's token endpoint and
// STS, renewed for a wait that outlives them; and the setup mistakes a new user makes, each answered
// with one sentence at once.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  annotations,
  cancelLikeRunner,
  FAST,
  simulators,
  type ActionRun,
  type Simulator,
} from './helpers.js';
import { runAction, startAction } from '../../simulator/run-action.mjs';

/** A GitHub OIDC token endpoint that takes the connection and never answers. */
async function silentTokenEndpoint() {
  const held: import('node:net').Socket[] = [];
  const silent = createServer((socket) => held.push(socket));
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  const { port } = silent.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/token?api-version=2.0`,
    held,
    close: () => {
      for (const socket of held) socket.destroy();
      silent.close();
    },
  };
}

const start = simulators();

/** A home without ~/.aws, so the SDK finds nothing but what a test gives it. */
const bareHome = () => {
  const home = mkdtempSync(join(tmpdir(), 'creds-home-'));
  return {
    HOME: home,
    AWS_CONFIG_FILE: join(home, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
  };
};

function withRole(sim: Simulator, inputs: Record<string, string> = {}, env = sim.roleEnv()) {
  return runAction({
    inputs: { 'batch-id': sim.batch.id, ...FAST, 'role-to-assume': sim.roleArn, ...inputs },
    env: { ...bareHome(), ...env },
  });
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The failure is one sentence, annotated once, with no stack trace anywhere. */
function failedWith(run: ActionRun): string {
  expect(run.code).toBe(1);
  const errors = annotations(run, 'error');
  expect(errors).toHaveLength(1);
  expect(`${run.stdout}\n${run.stderr}`).not.toMatch(/^\s+at /m);
  return errors[0]!;
}

/** Every place the step writes: none may hold a credential or token, except the runner's mask commands. */
function expectNothingLeaked(run: ActionRun, secrets: string[]) {
  const written = [
    run.stdout
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'))
      .join('\n'),
    run.stderr,
    JSON.stringify(run.outputs),
    JSON.stringify(run.state),
    run.summary,
  ].join('\n');
  expect(secrets.length).toBeGreaterThan(0);
  for (const secret of secrets) expect(written).not.toContain(secret);
}

const CODEBUILD_OPERATIONS = /^(BatchGet|Retry|Stop|List)/;

describe('role-to-assume', () => {
  it('keeps a wait three times longer than the credentials live working, renewing them before they expire', async () => {
    const lifetimeMs = 6_000;
    const sim = await start('long-running', {
      // The retried integration tests last 21 s: more than three lifetimes.
      timeScale: 0.35,
      identity: { credentialSeconds: lifetimeMs / 1000 },
    });
    const run = await withRole(sim, { 'poll-interval-seconds': '0.25' });

    expect(run.code).toBe(0);
    expect(run.outputs['batch-status']).toBe('SUCCEEDED');
    const codebuild = sim.requests.filter((r) => CODEBUILD_OPERATIONS.test(r.operation));
    const waitedMs = codebuild.at(-1)!.at - codebuild[0]!.at;
    expect(waitedMs).toBeGreaterThan(3 * lifetimeMs);
    // Every CodeBuild request was signed by temporary credentials STS issued, before they expired.
    for (const request of codebuild) {
      expect(request.status).toBe(200);
      expect(sim.issued.has(request.accessKeyId!)).toBe(true);
      expect(request.credentialExpiresAt).toBeGreaterThan(request.at);
    }
    const assumed = sim.calls('AssumeRoleWithWebIdentity');
    expect(assumed.length).toBeGreaterThanOrEqual(3);
    expect(new Set(codebuild.map((r) => r.accessKeyId)).size).toBe(assumed.length);
    // A fresh GitHub token for each assume; the session named after the repository and run.
    expect(sim.calls('GetIDToken')).toHaveLength(assumed.length);
    for (const call of assumed) {
      expect(call.status).toBe(200);
      expect(call.body).toEqual({
        RoleArn: sim.roleArn,
        RoleSessionName: 'example@web-app-7012345678',
        DurationSeconds: '3600',
      });
    }
    // Renewed near the end of each life, not before every call.
    const issued = [...sim.issued.values()].sort((a, b) => a.issuedAt - b.issuedAt);
    for (let i = 1; i < issued.length; i++)
      expect(issued[i]!.issuedAt - issued[i - 1]!.issuedAt).toBeGreaterThan(lifetimeMs / 2);

    expectNothingLeaked(run, sim.secrets());
    // …and each credential was registered with the runner as a secret.
    const masked = run.stdout
      .split('\n')
      .filter((line) => line.startsWith('::add-mask::'))
      .map((line) => line.slice('::add-mask::'.length));
    for (const credentials of issued)
      expect(masked).toEqual(
        expect.arrayContaining([
          credentials.accessKeyId,
          credentials.secretAccessKey,
          credentials.sessionToken,
        ]),
      );
  }, 120_000);

  it('the post step assumes the role too, to stop a batch the main step left running', async () => {
    const sim = await start('long-running');
    const post = await runAction({
      inputs: { 'role-to-assume': sim.roleArn },
      env: { ...bareHome(), ...sim.roleEnv() },
      state: { 'main-step-started': 'true', 'running-batch-id': sim.batch.arn },
    });
    expect(post.code).toBe(0);
    const [stop] = sim.calls('StopBuildBatch');
    expect(stop).toMatchObject({ status: 200, body: { id: sim.batch.id } });
    expect(sim.issued.has(stop!.accessKeyId!)).toBe(true);
    expect(sim.calls('AssumeRoleWithWebIdentity')).toHaveLength(1);
    expectNothingLeaked(post, sim.secrets());
  });

  it('without "permissions: id-token: write" says exactly that, before calling anything', async () => {
    const sim = await start('retry-succeeds');
    const env = sim.roleEnv();
    delete env.ACTIONS_ID_TOKEN_REQUEST_URL;
    delete env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
    const run = await withRole(sim, {}, env);
    expect(failedWith(run)).toBe(
      'role-to-assume needs a GitHub OIDC token, but ACTIONS_ID_TOKEN_REQUEST_URL is not set: add "permissions: id-token: write" to the job (or the workflow); runs for pull requests from forks never get one.',
    );
    expect(sim.requests).toHaveLength(0);
    expect(run.elapsedMs).toBeLessThan(15_000);
  });

  it("names the role and the subject its trust policy must allow when STS refuses the run's token", async () => {
    const sim = await start('retry-succeeds', {
      identity: { trustSubject: 'repo:example/web-app:environment:production' },
    });
    const run = await withRole(sim);
    const sentence = failedWith(run);
    expect(sentence).toMatch(
      new RegExp(
        `^Role ${sim.roleArn} \\(role-to-assume\\) refused this run's GitHub token \\(AccessDenied: Not authorized to perform sts:AssumeRoleWithWebIdentity, request id [0-9a-f-]+\\): its trust policy's token\\.actions\\.githubusercontent\\.com:sub condition must match "repo:example/web-app:ref:refs/heads/main", the subject this run presents, and its aud condition "sts\\.amazonaws\\.com"\\.$`,
      ),
    );
    expect(sim.calls('AssumeRoleWithWebIdentity')).toHaveLength(1);
    expect(sim.requests.filter((r) => CODEBUILD_OPERATIONS.test(r.operation))).toHaveLength(0);
    expect(run.summary).toContain('refused this run');
    expectNothingLeaked(run, sim.secrets());
  });

  it('names the OIDC provider and the audience when STS rejects the token', async () => {
    const sim = await start('retry-succeeds');
    const run = await withRole(sim, { audience: 'https://github.com/example' });
    expect(failedWith(run)).toMatch(
      /^STS rejected this run's GitHub token for role \S+ \(InvalidIdentityToken(Exception)?: Incorrect token audience, request id [0-9a-f-]+\): the role's account needs the IAM OIDC identity provider token\.actions\.githubusercontent\.com with the audience "https:\/\/github\.com\/example" \(the audience input\)\.$/,
    );
  });

  it("says to lower role-duration-seconds when it exceeds the role's maximum", async () => {
    const sim = await start('retry-succeeds', { identity: { maxSessionSeconds: 3600 } });
    const run = await withRole(sim, { 'role-duration-seconds': '7200' });
    expect(failedWith(run)).toMatch(
      /^STS refused role-duration-seconds 7200 for role \S+ \(ValidationError: The requested DurationSeconds exceeds the MaxSessionDuration set for this role, request id [0-9a-f-]+\): lower role-duration-seconds \(this action refreshes the credentials before they expire\) or raise the role's maximum session duration\.$/,
    );
  });

  it('names AWS_ENDPOINT_URL_STS when it refuses connections', async () => {
    const sim = await start('retry-succeeds');
    const port = await closedPort();
    const run = await withRole(
      sim,
      {},
      { ...sim.roleEnv(), AWS_ENDPOINT_URL_STS: `http://127.0.0.1:${port}` },
    );
    expect(failedWith(run)).toBe(
      `STS AssumeRoleWithWebIdentity failed: ECONNREFUSED: AWS_ENDPOINT_URL_STS is "http://127.0.0.1:${port}", which refuses connections (ECONNREFUSED): correct it, or remove it so the SDK reaches AWS.`,
    );
    expect(run.elapsedMs).toBeLessThan(15_000);
  });

  it("exits at once when cancelled while GitHub's OIDC token endpoint does not answer", async () => {
    const sim = await start('retry-succeeds');
    const endpoint = await silentTokenEndpoint();
    try {
      const step = startAction({
        inputs: { 'batch-id': sim.batch.id, ...FAST, 'role-to-assume': sim.roleArn },
        env: {
          ...bareHome(),
          ...sim.roleEnv(),
          ACTIONS_ID_TOKEN_REQUEST_URL: endpoint.url,
        },
      });
      while (endpoint.held.length === 0) await new Promise((r) => setTimeout(r, 20));

      const { run, exitAfterMs } = await cancelLikeRunner(step);

      expect(run.signal).toBeNull();
      expect(exitAfterMs).toBeLessThan(3_000);
      expect(failedWith(run)).toBe(
        `The workflow was cancelled while batch build ${sim.batch.id} was being read: nothing was retried.`,
      );
      expect(sim.calls('RetryBuildBatch')).toHaveLength(0);
    } finally {
      endpoint.close();
    }
  });

  it("the post step gives up its stop after 10 s when GitHub's OIDC token endpoint does not answer", async () => {
    const sim = await start('long-running');
    const endpoint = await silentTokenEndpoint();
    try {
      const post = await runAction({
        inputs: { 'role-to-assume': sim.roleArn },
        env: {
          ...bareHome(),
          ...sim.roleEnv(),
          ACTIONS_ID_TOKEN_REQUEST_URL: endpoint.url,
        },
        state: { 'main-step-started': 'true', 'running-batch-id': sim.batch.arn },
      });
      // Before the read watched its signal, the post step waited on the token for good.
      expect(post.elapsedMs).toBeLessThan(15_000);
      expect(post.code).toBe(0);
      expect(annotations(post, 'warning')).toEqual([
        expect.stringMatching(new RegExp(`^Could not stop batch ${sim.batch.id}: `)),
      ]);
      expect(sim.calls('StopBuildBatch')).toHaveLength(0);
    } finally {
      endpoint.close();
    }
  }, 30_000);

  it('rejects a role-to-assume that is not a role ARN, naming the input', async () => {
    const sim = await start('retry-succeeds');
    const run = await withRole(sim, { 'role-to-assume': 'ci-role' });
    expect(failedWith(run)).toBe(
      'Input "role-to-assume" is "ci-role", but it must be an IAM role ARN such as arn:aws:iam::123456789012:role/ci.',
    );
    expect(sim.requests).toHaveLength(0);
  });
});

describe('how CodeBuild is called: the SDK client, whatever the setup', () => {
  it("with the job's credentials: every request carries the SDK's user agent and the action's name", async () => {
    const sim = await start('retry-succeeds');
    const run = await runAction({
      inputs: { 'batch-id': sim.batch.id, ...FAST },
      env: { ...bareHome(), ...sim.clientEnv() },
    });
    expect(run.code).toBe(0);
    expect(sim.requests.length).toBeGreaterThan(2);
    for (const request of sim.requests) {
      expect(request.userAgent).toMatch(/^aws-sdk-js\/3\./);
      expect(request.userAgent).toContain('codebuild-batch-retry');
    }
  });

  it('with a shared config file beside the credentials in the environment', async () => {
    const sim = await start('retry-succeeds');
    const home = bareHome();
    writeFileSync(home.AWS_CONFIG_FILE, '[default]\nregion = us-east-1\n');
    const run = await runAction({
      inputs: { 'batch-id': sim.batch.id, ...FAST },
      env: { ...home, ...sim.clientEnv() },
    });
    expect(run.code).toBe(0);
    expect(run.outputs['batch-status']).toBe('SUCCEEDED');
  });

  it("with a named profile, through the SDK's credential chain", async () => {
    const sim = await start('retry-succeeds');
    const home = bareHome();
    const { AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, ...endpointAndRegion } = sim.clientEnv();
    writeFileSync(
      home.AWS_SHARED_CREDENTIALS_FILE,
      `[ci]\naws_access_key_id = ${AWS_ACCESS_KEY_ID}\naws_secret_access_key = ${AWS_SECRET_ACCESS_KEY}\n`,
    );
    const run = await runAction({
      inputs: { 'batch-id': sim.batch.id, ...FAST },
      env: { ...home, ...endpointAndRegion, AWS_PROFILE: 'ci' },
    });
    expect(run.code).toBe(0);
    expect(run.outputs['batch-status']).toBe('SUCCEEDED');
    expect(sim.calls('RetryBuildBatch')).toHaveLength(1);
  });
});

describe('setup mistakes without role-to-assume', () => {
  it('no credentials at all: names configure-aws-credentials and role-to-assume', async () => {
    const sim = await start('retry-succeeds');
    const run = await runAction({
      inputs: { 'batch-id': sim.batch.id, ...FAST },
      env: { ...bareHome(), AWS_ENDPOINT_URL_CODEBUILD: sim.endpoint, AWS_REGION: sim.region },
    });
    expect(failedWith(run)).toMatch(
      /^No AWS credentials were found \(.+\): add a step with aws-actions\/configure-aws-credentials before this one, or set role-to-assume \(with "permissions: id-token: write"\) so this action assumes the role itself\.$/,
    );
    expect(sim.requests).toHaveLength(0);
    expect(run.elapsedMs).toBeLessThan(15_000);
  });

  it('no region: names aws-region, a batch ARN and AWS_REGION', async () => {
    const sim = await start('retry-succeeds');
    const env = sim.clientEnv();
    delete env.AWS_REGION;
    const run = await runAction({
      inputs: { 'batch-id': sim.batch.id, ...FAST },
      env: { ...bareHome(), ...env },
    });
    expect(failedWith(run)).toBe(
      'No AWS region is set: set the aws-region input, give batch-id as a batch ARN (its region is used), or set AWS_REGION in the environment.',
    );
    expect(sim.requests).toHaveLength(0);
  });

  it('no region but AWS_DEFAULT_REGION: says the SDK does not read it', async () => {
    const sim = await start('retry-succeeds');
    const env = sim.clientEnv();
    delete env.AWS_REGION;
    const run = await runAction({
      inputs: { 'batch-id': sim.batch.id, ...FAST },
      env: { ...bareHome(), ...env, AWS_DEFAULT_REGION: sim.region },
    });
    expect(failedWith(run)).toBe(
      "No AWS region is set: set the aws-region input, give batch-id as a batch ARN (its region is used), or set AWS_REGION in the environment (AWS_DEFAULT_REGION, which is set, is read by the AWS CLI but not by this action's SDK).",
    );
    expect(sim.requests).toHaveLength(0);
  });

  it.each([
    ['US-EAST-1', '"US-EAST-1"'],
    ['us-east-1\n', '"us-east-1\\n"'],
  ])('AWS_REGION=%j: names the variable before any call', async (region, shownValue) => {
    const sim = await start('retry-succeeds');
    const run = await runAction({
      inputs: { 'batch-id': sim.batch.id, ...FAST },
      env: { ...bareHome(), ...sim.clientEnv(), AWS_REGION: region },
    });
    expect(failedWith(run)).toBe(
      `AWS_REGION is ${shownValue}, which is not an AWS region such as us-east-1 (lower-case, no spaces): correct it where it is set, or set the aws-region input.`,
    );
    expect(sim.requests).toHaveLength(0);
  });

  it.each(['AWS_ENDPOINT_URL_CODEBUILD', 'AWS_ENDPOINT_URL'])(
    'an endpoint override that refuses connections (%s): names the variable and its value, at once',
    async (variable) => {
      const sim = await start('retry-succeeds');
      const port = await closedPort();
      const env = sim.clientEnv();
      delete env.AWS_ENDPOINT_URL_CODEBUILD;
      const run = await runAction({
        inputs: { 'batch-id': sim.batch.id, ...FAST },
        env: { ...bareHome(), ...env, [variable]: `http://127.0.0.1:${port}` },
      });
      expect(failedWith(run)).toBe(
        `CodeBuild BatchGetBuildBatches failed: ECONNREFUSED: ${variable} is "http://127.0.0.1:${port}", which refuses connections (ECONNREFUSED): correct it, or remove it so the SDK reaches AWS.`,
      );
      expect(run.elapsedMs).toBeLessThan(15_000);
    },
  );

  it.each([
    ['AWS_ENDPOINT_URL_CODEBUILD', 'not-a-url', '"not-a-url"'],
    ['AWS_ENDPOINT_URL_CLOUDWATCH_LOGS', 'localhost:4566', '"localhost:4566"'],
    ['AWS_ENDPOINT_URL_STS', 'ftp://127.0.0.1:21', '"ftp://127.0.0.1:21"'],
    // A colon left out: not a URL, and the password in it is still not shown.
    ['AWS_ENDPOINT_URL', 'http//ci:hunter2@127.0.0.1:4566', '"http//127.0.0.1:4566"'],
  ])(
    'an endpoint variable that is not an http(s) URL (%s): names it before any call',
    async (variable, value, shownValue) => {
      const sim = await start('retry-succeeds');
      const run = await runAction({
        inputs: { 'batch-id': sim.batch.id, ...FAST },
        env: { ...bareHome(), ...sim.clientEnv(), [variable]: value },
      });
      expect(failedWith(run)).toBe(
        `${variable} is ${shownValue}, which is not an http(s) URL: set it to the endpoint's URL, such as http://127.0.0.1:4566, or remove it so the SDK reaches AWS.`,
      );
      expect(sim.requests).toHaveLength(0);
      expect(`${run.stdout}${run.stderr}${run.summary}`).not.toContain('hunter2');
    },
  );

  it('keys CodeBuild does not know are refused as the service refuses them', async () => {
    const sim = await start('retry-succeeds');
    const job = sim.issueTemporary(900);
    const run = await runAction({
      inputs: { 'batch-id': sim.batch.id, ...FAST },
      env: {
        ...bareHome(),
        AWS_ENDPOINT_URL_CODEBUILD: sim.endpoint,
        AWS_REGION: sim.region,
        AWS_ACCESS_KEY_ID: job.accessKeyId,
        AWS_SECRET_ACCESS_KEY: job.secretAccessKey,
        // Another session's token: the key is not valid with it.
        AWS_SESSION_TOKEN: sim.issueTemporary(900).sessionToken,
      },
    });
    expect(failedWith(run)).toContain('UnrecognizedClientException');
    expect(sim.requests.map((r) => r.error)).toEqual(['UnrecognizedClientException']);
    expectNothingLeaked(run, sim.secrets());
  });

  it("the job's credentials expiring mid-wait: names role-to-assume and configure-aws-credentials' role-duration-seconds", async () => {
    const sim = await start('long-running', { timeScale: 0.2 });
    // What configure-aws-credentials would have left in the environment: credentials about to expire.
    const job = sim.issueTemporary(3);
    const run = await runAction({
      inputs: { 'batch-id': sim.batch.id, ...FAST },
      env: {
        ...bareHome(),
        AWS_ENDPOINT_URL_CODEBUILD: sim.endpoint,
        AWS_REGION: sim.region,
        AWS_ACCESS_KEY_ID: job.accessKeyId,
        AWS_SECRET_ACCESS_KEY: job.secretAccessKey,
        AWS_SESSION_TOKEN: job.sessionToken,
      },
    });
    expect(failedWith(run)).toMatch(
      /^The AWS credentials expired after [\d.]+s of waiting \(ExpiredTokenException, request id [0-9a-f-]+\): set role-to-assume so that this action assumes the role itself and renews the credentials while it waits, or raise role-duration-seconds of aws-actions\/configure-aws-credentials \(and the role's maximum session duration\) above the batch's duration\.$/,
    );
    expect(sim.requests.at(-1)!.error).toBe('ExpiredTokenException');
    expect(sim.calls('RetryBuildBatch')).toHaveLength(1);
    expectNothingLeaked(run, sim.secrets());
  }, 60_000);
});

describe("the AWS CLI against the simulator's OIDC and STS", () => {
  // botocore parses STS's XML and signs with a session token on its own: a second client that proves
  // the simulator answers as the service does.
  async function aws(sim: Simulator, args: string[], env: Record<string, string> = {}) {
    try {
      const { stdout } = await promisify(execFile)(
        'aws',
        [...args, '--endpoint-url', sim.endpoint, '--region', sim.region, '--output', 'json'],
        { env: { PATH: process.env.PATH, ...bareHome(), AWS_MAX_ATTEMPTS: '1', ...env } },
      );
      return { code: 0, json: JSON.parse(stdout), stderr: '' };
    } catch (error) {
      const failure = error as { code?: number; stderr?: string };
      return { code: Number(failure.code), json: undefined, stderr: failure.stderr ?? '' };
    }
  }

  async function idToken(sim: Simulator, audience = 'sts.amazonaws.com'): Promise<string> {
    const env = sim.roleEnv();
    const answer = await fetch(`${env.ACTIONS_ID_TOKEN_REQUEST_URL}&audience=${audience}`, {
      headers: { authorization: `Bearer ${env.ACTIONS_ID_TOKEN_REQUEST_TOKEN}` },
    });
    return ((await answer.json()) as { value: string }).value;
  }

  const assume = (sim: Simulator, token: string, roleArn = sim.roleArn) =>
    aws(sim, [
      'sts',
      'assume-role-with-web-identity',
      '--role-arn',
      roleArn,
      '--role-session-name',
      'cli',
      '--web-identity-token',
      token,
    ]);

  it('issues temporary credentials CodeBuild accepts until they expire', async () => {
    const sim = await start('retry-succeeds', { identity: { credentialSeconds: 3 } });
    const assumed = await assume(sim, await idToken(sim));
    expect(assumed.code).toBe(0);
    expect(assumed.json).toMatchObject({
      SubjectFromWebIdentityToken: 'repo:example/web-app:ref:refs/heads/main',
      Audience: 'sts.amazonaws.com',
      AssumedRoleUser: {
        Arn: `arn:aws:sts::${sim.account}:assumed-role/codebuild-batch-retry/cli`,
      },
    });
    const { AccessKeyId, SecretAccessKey, SessionToken, Expiration } = assumed.json.Credentials;
    expect(Date.parse(Expiration)).toBe(sim.issued.get(AccessKeyId)!.expiresAt);
    const keys = {
      AWS_ACCESS_KEY_ID: AccessKeyId,
      AWS_SECRET_ACCESS_KEY: SecretAccessKey,
      AWS_SESSION_TOKEN: SessionToken,
    };
    const read = ['codebuild', 'batch-get-build-batches', '--ids', sim.batch.id];
    expect((await aws(sim, read, keys)).code).toBe(0);
    await new Promise((resolve) =>
      setTimeout(resolve, sim.issued.get(AccessKeyId)!.expiresAt - Date.now() + 100),
    );
    const late = await aws(sim, read, keys);
    expect(late.stderr).toContain(
      'An error occurred (ExpiredTokenException) when calling the BatchGetBuildBatches operation: The security token included in the request is expired',
    );
  });

  it.each<[string, { roleArn?: string; audience?: string; token?: string }, string]>([
    ['another role', { roleArn: 'arn:aws:iam::123456789012:role/other' }, 'AccessDenied'],
    ['another audience', { audience: 'https://github.com/example' }, 'InvalidIdentityToken'],
    ['a token it did not issue', { token: 'a.b.c' }, 'InvalidIdentityToken'],
  ])('refuses %s with the error STS answers', async (_, change, code) => {
    const sim = await start('retry-succeeds');
    const token = change.token ?? (await idToken(sim, change.audience));
    const refused = await assume(sim, token, change.roleArn);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(
      new RegExp(
        `An error occurred \\(${code}\\) when calling the AssumeRoleWithWebIdentity operation`,
      ),
    );
  });
});
