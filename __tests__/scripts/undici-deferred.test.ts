// The bundle's stand-in for undici (scripts/undici-deferred.cjs): a ProxyAgent made from the
// runner's proxy variables still carries @actions/github's requests through the proxy, though the
// real undici loads only at the first fetch.
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { createRequire } from 'node:module';

const deferred = createRequire(import.meta.url)('../../scripts/undici-deferred.cjs') as {
  ProxyAgent: new (options: { uri: string }) => object;
  fetch: (url: string, init?: { dispatcher?: object }) => Promise<Response>;
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
