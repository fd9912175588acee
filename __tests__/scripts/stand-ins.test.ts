// The bundle's stand-ins (scripts/tsconfig.bundle.json maps them), which load a library at its first
// use: what the action's libraries call still reaches the real one. A ProxyAgent made from the
// runner's proxy variables still carries @actions/github's requests through the proxy.
import { createServer, get, type Agent, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const deferred = require('../../scripts/undici-deferred.cjs') as {
  ProxyAgent: new (options: { uri: string }) => object;
  fetch: (url: string, init?: { dispatcher?: object }) => Promise<Response>;
};
const tunnel = require('../../scripts/tunnel-deferred.cjs') as {
  httpOverHttp: (options: { proxy: { host: string; port: number } }) => Agent;
};

const servers: Server[] = [];
async function listen(server: Server): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve).closeAllConnections())),
  );
});

/** A forward proxy that tunnels CONNECT requests and remembers their targets. */
function proxy(tunnels: string[]): Server {
  return createServer((_req, res) => res.writeHead(405).end()).on('connect', (req, client) => {
    tunnels.push(req.url ?? '');
    const [host, port] = (req.url ?? '').split(':');
    const upstream = connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.pipe(client).pipe(upstream);
    });
  });
}

describe('the bundle’s deferred undici', () => {
  const api = () => listen(createServer((_req, res) => res.end('{"ok":true}')));

  it('sends a fetch given its ProxyAgent through the proxy', async () => {
    const target = await api();
    const tunnels: string[] = [];
    const agent = new deferred.ProxyAgent({ uri: await listen(proxy(tunnels)) });
    const response = await deferred.fetch(`${target}/repos`, { dispatcher: agent });
    expect(await response.json()).toEqual({ ok: true });
    expect(tunnels).toEqual([new URL(target).host]);
  });

  it('sends a fetch without a proxy straight to the server', async () => {
    const target = await api();
    const response = await deferred.fetch(`${target}/repos`);
    expect(await response.json()).toEqual({ ok: true });
  });
});

describe('the bundle’s deferred tunnel', () => {
  it('makes the agent @actions/http-client uses for a proxy', async () => {
    const target = await listen(createServer((_req, res) => res.end('through')));
    const tunnels: string[] = [];
    const proxyUrl = new URL(await listen(proxy(tunnels)));
    const agent = tunnel.httpOverHttp({
      proxy: { host: proxyUrl.hostname, port: Number(proxyUrl.port) },
    });
    const body = await new Promise<string>((resolve, reject) =>
      get(`${target}/`, { agent }, (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve(text));
      }).on('error', reject),
    );
    expect(body).toBe('through');
    expect(tunnels).toEqual([new URL(target).host]);
  });
});

describe('the bundle’s deferred @actions/exec', () => {
  it('runs a command for @actions/core and returns its output', async () => {
    const { getExecOutput } = (await import('../../scripts/exec-deferred.mjs')) as {
      getExecOutput: (
        command: string,
        args: string[],
        options: object,
      ) => Promise<{ stdout: string }>;
    };
    const result = await getExecOutput(process.execPath, ['-e', 'console.log("platform")'], {
      silent: true,
    });
    expect(result.stdout.trim()).toBe('platform');
  });
});
