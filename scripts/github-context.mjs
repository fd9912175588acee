// Bundling only: scripts/tsconfig.bundle.json maps `@actions/github` here. Its main module loads
// Octokit, its plugins and a proxy-aware fetch before it makes `context` (new Context(), as this
// does); the action needs Octokit only for check runs and comments, and takes it from
// @actions/github/lib/utils in that chunk (src/github/octokit.ts). src/ imports nothing else from
// `@actions/github`: scripts/build.mjs fails if it does.
import { Context } from '../node_modules/@actions/github/lib/context.js';

export const context = new Context();
