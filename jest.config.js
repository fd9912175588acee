// ESM jest: ts-jest compiles TypeScript, simulator modules (.mjs) run as they are.
import { cachedNode24 } from './scripts/node24.mjs';

const project = {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  resolver: 'ts-jest-resolver',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }],
  },
  setupFiles: ['<rootDir>/jest.setup.js'],
};

// The action ships for node24: when Node 24 is cached (node scripts/node24.mjs; .ci/run always fetches it),
// the e2e tests run a second time with the bundle on it. ACTION_NODE tells simulator/run-action.mjs which node.
const major = process.versions.node.split('.')[0];
const node24 = major === '24' ? undefined : cachedNode24();
if (!node24 && major !== '24' && process.env.REQUIRE_NODE24 === '1')
  throw new Error(
    'REQUIRE_NODE24=1 but Node 24 is not in .cache/node24: run node scripts/node24.mjs.',
  );
if (!node24 && major !== '24')
  process.stderr.write(
    `e2e tests on Node ${major} only: run node scripts/node24.mjs to test the bundle on Node 24, its runtime, too.\n`,
  );
const projects = [{ ...project, displayName: `node${major}` }];
if (node24) {
  process.env.ACTION_NODE_24 = node24;
  projects.push({
    ...project,
    displayName: 'node24',
    testMatch: ['**/e2e/*.e2e.test.ts'],
    setupFiles: [...project.setupFiles, '<rootDir>/jest.node24.js'],
  });
}

export default {
  projects,
  collectCoverageFrom: ['src/**/*.ts'],
  testTimeout: 30000,
};
