// Every console link the action draws itself comes from an ARN and points at the AWS console
// (report/links.ts); a build's logs.deepLink comes from the service, so it is shown only when it
// leads to an AWS console. A BatchGetBuilds answer whose deepLink points elsewhere must not put a
// link to another host in the job summary or a check run.
import { act, rewritingProxy, simulators } from './helpers.js';

const start = simulators();

/** BatchGetBuilds answers with every deepLink replaced by `link`. */
const withDeepLinks = (link: string) => (operation: string, status: number, body: object) => {
  if (operation !== 'BatchGetBuilds' || status !== 200) return undefined;
  const { builds } = body as { builds?: Array<{ logs?: { deepLink?: string } }> };
  for (const build of builds ?? []) if (build.logs?.deepLink) build.logs.deepLink = link;
  return { body };
};

describe('a build whose logs.deepLink does not lead to the AWS console', () => {
  it.each([
    ['another host', 'https://console.aws.amazon.com.evil.example/login'],
    // The URL parser reads the host as the console's and "evil.example…" as user info; escaping
    // for the page strips the OSC sequence up to its BEL, which would leave https://evil.example.
    [
      'the console only before it is escaped',
      'https://evil.example\u001b]@console.aws.amazon.com/\u0007',
    ],
  ])(
    'links no other host from the summary or the check runs (%s)',
    async (_, link) => {
      const sim = await start('fails-again');
      const proxy = await rewritingProxy(sim, withDeepLinks(link));
      const { port } = proxy.address() as { port: number };
      try {
        const run = await act(
          sim,
          { checks: 'true', 'github-token': sim.github.token },
          { env: { ...sim.clientEnv(), AWS_ENDPOINT_URL_CODEBUILD: `http://127.0.0.1:${port}` } },
        );
        expect(run.code).toBe(1);
        // The diagnosis was read through the proxy (the failed group has its reason).
        expect(run.summary).toContain('COMMAND_EXECUTION_ERROR');
        expect(run.summary).not.toContain('evil.example');
        expect(run.stdout).not.toContain('https://evil.example');
        for (const check of sim.github.checkRuns)
          expect(JSON.stringify(check.output)).not.toContain('evil.example');
      } finally {
        proxy.close();
      }
    },
    60_000,
  );
});
