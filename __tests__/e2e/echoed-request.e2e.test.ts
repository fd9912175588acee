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

describe('a 5xx whose body echoes the request', () => {
  it('puts no credential in the pull request comment', async () => {
    const sim = await start('retry-succeeds');
    const proxy = await echoingProxy(sim, 'RetryBuildBatch');
    const { port } = proxy.address() as { port: number };
    const home = mkdtempSync(join(tmpdir(), 'echo-home-'));
    try {
      const run = await runAction({
        inputs: {
          'batch-id': sim.batch.id,
          ...FAST,
          'role-to-assume': sim.roleArn,
          'pr-comment': 'always',
          checks: 'true',
          'github-token': sim.github.token,
        },
        env: {
          ...sim.roleEnv(),
          HOME: home,
          AWS_CONFIG_FILE: join(home, 'config'),
          AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
          AWS_ENDPOINT_URL_CODEBUILD: `http://127.0.0.1:${port}`,
        },
        eventName: 'pull_request',
        event: {
          number: 1,
          pull_request: {
            number: 1,
            head: { sha: 'feedfacefeedfacefeedfacefeedfacefeedface' },
            base: { repo: { full_name: 'example/web-app' } },
          },
          repository: { full_name: 'example/web-app' },
        },
      });
      expect(run.code).toBe(1);
      const comments = sim.github.commentsOn(1).map((c) => c.body);
      expect(comments).toHaveLength(1);
      // The sentence is still there, with the echo's credentials taken out.
      expect(comments[0]).toContain('InternalFailure');
      expect(comments[0]).toContain('x-amz-security-token&#34;:&#34;***');
      const checkRuns = JSON.stringify(
        sim.github.checkRunsFor('feedfacefeedfacefeedfacefeedfacefeedface'),
      );

      const written = [
        comments[0],
        checkRuns,
        run.stdout
          .split('\n')
          .filter((line) => !line.startsWith('::add-mask::'))
          .join('\n'),
        run.summary,
        JSON.stringify(run.outputs),
      ].join('\n');
      const issued = [...sim.issued.values()];
      expect(issued.length).toBeGreaterThan(0);
      for (const credentials of issued) {
        expect(written).not.toContain(credentials.sessionToken);
        expect(written).not.toContain(credentials.accessKeyId);
      }
    } finally {
      proxy.close();
    }
  }, 120_000);

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

describe("a 5xx echoing the request signed with the job's credentials (configure-aws-credentials)", () => {
  it('puts neither the key id nor the session token in the comment or the check runs', async () => {
    const sim = await start('retry-succeeds');
    const proxy = await echoingProxy(sim, 'RetryBuildBatch');
    const { port } = proxy.address() as { port: number };
    const job = sim.issueTemporary(900);
    try {
      const run = await runAction({
        inputs: {
          'batch-id': sim.batch.id,
          ...FAST,
          'pr-comment': 'always',
          checks: 'true',
          'github-token': sim.github.token,
        },
        env: {
          ...sim.clientEnv(),
          AWS_ACCESS_KEY_ID: job.accessKeyId,
          AWS_SECRET_ACCESS_KEY: job.secretAccessKey,
          AWS_SESSION_TOKEN: job.sessionToken,
          AWS_ENDPOINT_URL_CODEBUILD: `http://127.0.0.1:${port}`,
        },
        eventName: 'pull_request',
        event: {
          number: 1,
          pull_request: {
            number: 1,
            head: { sha: 'feedfacefeedfacefeedfacefeedfacefeedface' },
            base: { repo: { full_name: 'example/web-app' } },
          },
          repository: { full_name: 'example/web-app' },
        },
      });
      expect(run.code).toBe(1);
      const comments = sim.github.commentsOn(1).map((c) => c.body);
      expect(comments).toHaveLength(1);
      expect(comments[0]).toContain('InternalFailure');
      const written = [
        comments[0],
        JSON.stringify(sim.github.checkRunsFor('feedfacefeedfacefeedfacefeedfacefeedface')),
        run.summary,
        JSON.stringify(run.outputs),
      ].join('\n');
      expect(written).not.toContain(job.sessionToken);
      expect(written).not.toContain(job.accessKeyId);
    } finally {
      proxy.close();
    }
  }, 120_000);
});

// A self-hosted runner often has no AWS_* keys: a profile, an EC2 instance role or a container's
// credentials endpoint. The SDK's chain finds them; every request carries the session token all the same.
describe('a failure echoing the request signed with credentials from a profile (no AWS_* keys)', () => {
  it('puts the session token neither in the comment nor in the check runs', async () => {
    const sim = await start('retry-succeeds');
    const proxy = await echoingProxy(sim, 'RetryBuildBatch', 400);
    const { port } = proxy.address() as { port: number };
    const job = sim.issueTemporary(900);
    const home = mkdtempSync(join(tmpdir(), 'echo-home-'));
    writeFileSync(
      join(home, 'credentials'),
      `[ci]\naws_access_key_id = ${job.accessKeyId}\naws_secret_access_key = ${job.secretAccessKey}\naws_session_token = ${job.sessionToken}\n`,
    );
    const { AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, ...endpointAndRegion } = sim.clientEnv();
    void [AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY];
    try {
      const run = await runAction({
        inputs: {
          'batch-id': sim.batch.id,
          ...FAST,
          'pr-comment': 'always',
          checks: 'true',
          'github-token': sim.github.token,
        },
        env: {
          ...endpointAndRegion,
          HOME: home,
          AWS_CONFIG_FILE: join(home, 'config'),
          AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
          AWS_PROFILE: 'ci',
          AWS_EC2_METADATA_DISABLED: 'true',
          AWS_ENDPOINT_URL_CODEBUILD: `http://127.0.0.1:${port}`,
        },
        eventName: 'pull_request',
        event: {
          number: 1,
          pull_request: {
            number: 1,
            head: { sha: 'feedfacefeedfacefeedfacefeedfacefeedface' },
            base: { repo: { full_name: 'example/web-app' } },
          },
          repository: { full_name: 'example/web-app' },
        },
      });
      expect(run.code).toBe(1);
      const comments = sim.github.commentsOn(1).map((c) => c.body);
      expect(comments).toHaveLength(1);
      expect(comments[0]).toContain('InvalidInputException');
      const written = [
        comments[0],
        JSON.stringify(sim.github.checkRunsFor('feedfacefeedfacefeedfacefeedfacefeedface')),
        run.summary,
      ].join('\n');
      expect(written).not.toContain(job.sessionToken);
    } finally {
      proxy.close();
    }
  }, 120_000);
});
