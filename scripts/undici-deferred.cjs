// Bundling only: scripts/tsconfig.bundle.json maps `undici` here. @actions/core (through
// @actions/http-client's proxy agent) and @actions/github (its proxy-aware fetch) import undici at
// their top level but use it only when called: a proxy agent, a GitHub API request. Requiring the real
// undici at that first call keeps its evaluation (most of the bundle's code) off every run's start.
let real;
const undici = () => (real ??= require('../node_modules/undici/index.js'));

class ProxyAgent {
  constructor(...args) {
    return new (undici().ProxyAgent)(...args);
  }
}

module.exports = { ProxyAgent, fetch: (...args) => undici().fetch(...args) };
