// A deepLink whose host changes when the report escapes it: the link is checked as it will be written.
import { createServer, request, type Server } from 'node:http';
import { act, simulators, type Simulator } from './helpers.js';

const start = simulators();

/** Forwards to the simulator; BatchGetBuilds answers come back with every deepLink replaced. */
async function rewritingProxy(sim: Simulator, link: string): Promise<Server> {
  const proxy = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const rewrite = String(req.headers['x-amz-target']).endsWith('.BatchGetBuilds');
      const forward = request(
        `${sim.endpoint}${req.url}`,
        { method: req.method, headers: req.headers },
        (answer) => {
          const body: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => body.push(chunk));
          answer.on('end', () => {
            let text = Buffer.concat(body).toString();
            if (rewrite && answer.statusCode === 200) {
              const parsed = JSON.parse(text) as {
                builds?: Array<{ logs?: { deepLink?: string } }>;
              };
              for (const build of parsed.builds ?? [])
                if (build.logs?.deepLink) build.logs.deepLink = link;
              text = JSON.stringify(parsed);
            }
            const headers = {
              ...answer.headers,
              'content-length': String(Buffer.byteLength(text)),
            };
            res.writeHead(answer.statusCode!, headers);
            res.end(text);
          });
        },
      );
      forward.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return proxy;
}

// awsConsoleLink judges the deepLink as the URL parser reads it, then hands back the text as it
// came; the summary and the check run escape it (escapeHtml strips ANSI sequences, an OSC running
// to its BEL) before a reader's browser parses it. An OSC sequence that swallows "@console…" leaves
// the userinfo as the host: judged a console link, shown as a link to another host.
const SMUGGLED = 'https://evil.example\u001b]@console.aws.amazon.com/\u0007';

describe('a build whose logs.deepLink reads as the console only before it is escaped', () => {
  it('links no other host than the AWS console from the summary or the check runs', async () => {
    const sim = await start('fails-again');
    const proxy = await rewritingProxy(sim, SMUGGLED);
    const { port } = proxy.address() as { port: number };
    try {
      const run = await act(
        sim,
        { checks: 'true', 'github-token': sim.github.token },
        { env: { ...sim.clientEnv(), AWS_ENDPOINT_URL_CODEBUILD: `http://127.0.0.1:${port}` } },
      );
      expect(run.code).toBe(1);
      expect(run.summary).toContain('COMMAND_EXECUTION_ERROR');
      expect(run.summary).not.toContain('href="https://evil.example"');
      expect(run.stdout).not.toContain('https://evil.example');
      for (const check of sim.github.checkRuns)
        expect(JSON.stringify(check.output)).not.toContain('evil.example');
    } finally {
      proxy.close();
    }
  }, 60_000);
});
