// A 5xx whose body echoes the request (a proxy's or a front end's error page does) carries the
// request's headers: the SigV4 Authorization (the access key id) and X-Amz-Security-Token (the
// session token), and its body (env-vars-for-codebuild's values). The runner masks what the action
// registers in the step log only; a comment and a check run go to GitHub's API as sent.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction } from '../../simulator/run-action.mjs';
import { annotations, FAST, simulators, type Simulator } from './helpers.js';

const start = simulators();

/**
 * Forwards to the simulator, but answers every `operation` with an error that echoes the request: a
 * 500 (sent again for 60 s, each resend in the step log) or a 400 (the step fails at once).
 */
async function echoingProxy(sim: Simulator, operation: string, status = 500): Promise<Server> {
  const proxy = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      if (String(req.headers['x-amz-target']).endsWith(`.${operation}`)) {
        const echo = JSON.stringify({ headers: req.headers, body: body.toString() });
        res.writeHead(status, {
          'content-type': 'application/x-amz-json-1.1',
          'x-amzn-requestid': 'echo-request-1',
        });
        const type = status === 500 ? 'InternalFailure' : 'InvalidInputException';
        res.end(JSON.stringify({ __type: type, message: `Error processing ${echo}` }));
        return;
      }
      const forward = request(
        `${sim.endpoint}${req.url}`,
        { method: req.method, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode!, answer.headers);
          answer.pipe(res);
        },
      );
      forward.end(body);
    });
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return proxy;
}

const HEAD_SHA = 'feedfacefeedfacefeedfacefeedfacefeedface';

/**
 * Retries the simulator's batch on a pull request, with a comment and check runs, through a proxy
 * that answers RetryBuildBatch with an echo of the request. What the step wrote where people read
 * (the runner's mask commands aside), and the comment.
 */
async function retriedThroughEcho(
  sim: Simulator,
  env: Record<string, string | undefined>,
  options: { inputs?: Record<string, string>; status?: number } = {},
) {
  const proxy = await echoingProxy(sim, 'RetryBuildBatch', options.status);
  const { port } = proxy.address() as { port: number };
  try {
    const run = await runAction({
      inputs: {
        'batch-id': sim.batch.id,
        ...FAST,
        'pr-comment': 'always',
        checks: 'true',
        'github-token': sim.github.token,
        ...options.inputs,
      },
      env: { ...env, AWS_ENDPOINT_URL_CODEBUILD: `http://127.0.0.1:${port}` },
      eventName: 'pull_request',
      event: {
        number: 1,
        pull_request: {
          number: 1,
          head: { sha: HEAD_SHA },
          base: { repo: { full_name: 'example/web-app' } },
        },
        repository: { full_name: 'example/web-app' },
      },
    });
    expect(run.code).toBe(1);
    const comments = sim.github.commentsOn(1).map((c) => c.body);
    expect(comments).toHaveLength(1);
    const written = [
      comments[0],
      JSON.stringify(sim.github.checkRuns),
      run.stdout
        .split('\n')
        .filter((line) => !line.startsWith('::add-mask::'))
        .join('\n'),
      run.summary,
      JSON.stringify(run.outputs),
    ].join('\n');
    return { comment: comments[0]!, written };
  } finally {
    proxy.close();
  }
}

/** An empty home: no shared config or credentials files but those a test writes. */
function emptyHome(): { home: string; env: Record<string, string> } {
  const home = mkdtempSync(join(tmpdir(), 'echo-home-'));
  return {
    home,
    env: {
      HOME: home,
      AWS_CONFIG_FILE: join(home, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
      AWS_EC2_METADATA_DISABLED: 'true',
    },
  };
}

describe('a failure whose body echoes the request keeps the credentials it was signed with out', () => {
  it("role-to-assume's, through 60 s of resends (a 5xx)", async () => {
    const sim = await start('retry-succeeds');
    const { comment, written } = await retriedThroughEcho(
      sim,
      { ...sim.roleEnv(), ...emptyHome().env },
      { inputs: { 'role-to-assume': sim.roleArn } },
    );
    // The sentence is still there, with the echo's credentials taken out.
    expect(comment).toContain('InternalFailure');
    expect(comment).toContain('x-amz-security-token&#34;:&#34;***');
    const issued = [...sim.issued.values()];
    expect(issued.length).toBeGreaterThan(0);
    for (const credentials of issued) {
      expect(written).not.toContain(credentials.sessionToken);
      expect(written).not.toContain(credentials.accessKeyId);
    }
  }, 120_000);

  it("the job's, from AWS_* variables (configure-aws-credentials)", async () => {
    const sim = await start('retry-succeeds');
    const job = sim.issueTemporary(900);
    const { comment, written } = await retriedThroughEcho(
      sim,
      {
        ...sim.clientEnv(),
        AWS_ACCESS_KEY_ID: job.accessKeyId,
        AWS_SECRET_ACCESS_KEY: job.secretAccessKey,
        AWS_SESSION_TOKEN: job.sessionToken,
      },
      { status: 400 },
    );
    expect(comment).toContain('InvalidInputException');
    expect(written).not.toContain(job.sessionToken);
    expect(written).not.toContain(job.accessKeyId);
  }, 60_000);

  // A self-hosted runner often has no AWS_* keys: a profile, an instance role, a container's
  // credentials endpoint. The SDK's chain finds them; every request carries them all the same.
  it('from a profile, with no AWS_* keys', async () => {
    const sim = await start('retry-succeeds');
    const job = sim.issueTemporary(900);
    const { home, env } = emptyHome();
    writeFileSync(
      join(home, 'credentials'),
      `[ci]\naws_access_key_id = ${job.accessKeyId}\naws_secret_access_key = ${job.secretAccessKey}\naws_session_token = ${job.sessionToken}\n`,
    );
    const { AWS_REGION, AWS_ENDPOINT_URL_CLOUDWATCH_LOGS, GITHUB_API_URL } = sim.clientEnv();
    const { comment, written } = await retriedThroughEcho(
      sim,
      { ...env, AWS_REGION, AWS_ENDPOINT_URL_CLOUDWATCH_LOGS, GITHUB_API_URL, AWS_PROFILE: 'ci' },
      { status: 400 },
    );
    expect(comment).toContain('InvalidInputException');
    expect(written).not.toContain(job.sessionToken);
    expect(written).not.toContain(job.accessKeyId);
  }, 60_000);
});

describe('a StartBuildBatch failure whose body echoes the request', () => {
  it('prints no value of env-vars-for-codebuild ("Their values are never printed")', async () => {
    const sim = await start('start-succeeds');
    const proxy = await echoingProxy(sim, 'StartBuildBatch', 400);
    const { port } = proxy.address() as { port: number };
    const value = 'deploy-key-value-not-from-secrets-42';
    try {
      const run = await runAction({
        inputs: {
          'batch-id': '',
          'start-batch': 'true',
          'project-name': 'web-app',
          'env-vars-for-codebuild': 'DEPLOY_KEY',
          ...FAST,
        },
        env: {
          ...sim.clientEnv(),
          AWS_ENDPOINT_URL_CODEBUILD: `http://127.0.0.1:${port}`,
          DEPLOY_KEY: value,
        },
      });
      expect(run.code).toBe(1);
      expect(annotations(run, 'error')[0]).toMatch(
        /^CodeBuild StartBuildBatch failed: InvalidInputException: .*\*\*\*/,
      );
      expect(run.stdout).not.toContain(value);
      expect(run.summary).not.toContain(value);
    } finally {
      proxy.close();
    }
  }, 120_000);
});
