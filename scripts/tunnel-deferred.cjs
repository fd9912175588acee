// Bundling only: scripts/tsconfig.bundle.json maps `tunnel` here. @actions/http-client imports it at
// its top level for a proxy's agent, and tunnel loads assert, net and tls at import: the real one is
// evaluated at the first proxy agent.
const tunnel = () => require('../node_modules/tunnel/index.js');

module.exports = {
  httpOverHttp: (options) => tunnel().httpOverHttp(options),
  httpsOverHttp: (options) => tunnel().httpsOverHttp(options),
  httpOverHttps: (options) => tunnel().httpOverHttps(options),
  httpsOverHttps: (options) => tunnel().httpsOverHttps(options),
};
