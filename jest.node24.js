// The node24 project (jest.config.js): simulator/run-action.mjs runs the bundle with this node.
process.env.ACTION_NODE = process.env.ACTION_NODE_24;
