// Bundling only: scripts/tsconfig.bundle.json maps `@actions/exec` here. @actions/core imports it
// for core.platform.getDetails(), which the action never calls, and @actions/exec loads
// child_process (and with it dgram) at import: the real one is a chunk of its own, loaded at a call.
const exec = () => import('../node_modules/@actions/exec/lib/exec.js');

export const getExecOutput = async (...args) => (await exec()).getExecOutput(...args);
