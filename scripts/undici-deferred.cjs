// Bundling only: scripts/tsconfig.bundle.json maps `undici` here. @actions/core (through
// @actions/http-client's proxy agent) and @actions/github (its proxy-aware fetch) import undici at
// their top level, yet only a request to GitHub's API uses it: the real undici, most of the bundle's
// code, is a chunk of its own, loaded at the first fetch. A ProxyAgent (made when a proxy variable is
// set) is only ever handed to that fetch as its dispatcher: the real one is made there.
let real;
const undici = () => (real ??= import('../node_modules/undici/index.js'));

class ProxyAgent {
  constructor(...args) {
    this.args = args;
  }
  async dispatcher() {
    const { ProxyAgent: Real } = await undici();
    return (this.real ??= new Real(...this.args));
  }
}

async function deferredFetch(input, init) {
  const real = await undici();
  const dispatcher = init?.dispatcher;
  if (!(dispatcher instanceof ProxyAgent)) return real.fetch(input, init);
  return real.fetch(input, { ...init, dispatcher: await dispatcher.dispatcher() });
}

module.exports = { ProxyAgent, fetch: deferredFetch };
