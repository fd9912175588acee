// npm run simulator -- [scenario] [--port N] [--time-scale N] [--id project:uuid]: a local CodeBuild (and GitHub's REST
// API for check runs and comments) for people to point the action, the AWS CLI or their own code at.
import { startSimulator } from './server.mjs';
import { scenarios } from './scenarios.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i === -1 ? fallback : args.splice(i, 2)[1];
};
const port = Number(option('--port', '0'));
const timeScale = Number(option('--time-scale', '10'));
const id = option('--id', undefined);
const name = args.find((a) => !a.startsWith('-')) ?? 'retry-succeeds';
if (args.includes('--help') || !scenarios[name]) {
  console.log(
    'Usage: npm run simulator -- [scenario] [--port N] [--time-scale N] [--id project:uuid]\n\nScenarios:',
  );
  for (const [key, s] of Object.entries(scenarios))
    console.log(`  ${key.padEnd(22)} ${s.description}`);
  process.exit(scenarios[name] ? 0 : 2);
}

const sim = await startSimulator({
  scenario: id ? { ...scenarios[name], id } : name,
  port,
  timeScale,
  onRequest: (r) =>
    console.log(
      `${new Date(r.at).toISOString()}  ${(r.service === 'github' ? `GitHub ${r.operation}` : r.operation).padEnd(28)} ${r.status}${r.error ? ` ${r.error}` : ''}${r.fault ? ` (fault: ${r.fault})` : ''}`,
    ),
});
const env = sim.clientEnv();
console.log(`CodeBuild simulator: scenario ${name} — ${scenarios[name].description}`);
console.log(`Endpoint ${sim.endpoint}; batch ${sim.batch.id} (project ${sim.batch.project}).\n`);
console.log('Point a client at it:');
for (const [key, value] of Object.entries(env)) console.log(`  export ${key}='${value}'`);
console.log(
  `  aws codebuild batch-get-build-batches --endpoint-url ${sim.endpoint} --ids ${sim.batch.id}`,
);
console.log(
  `  env 'INPUT_BATCH-ID=${sim.batch.id}' node dist/index.js   # with the exports above\n`,
);
console.log('Or let the action assume a role with GitHub OIDC (its own token endpoint and STS):');
for (const [key, value] of Object.entries(sim.roleEnv())) console.log(`  export ${key}='${value}'`);
console.log(
  `  env 'INPUT_BATCH-ID=${sim.batch.id}' 'INPUT_ROLE-TO-ASSUME=${sim.roleArn}' node dist/index.js\n`,
);
const { github } = sim;
console.log(
  `GitHub's REST API (check runs, pull request comments) on the same port: ${github.apiUrl}`,
);
console.log(
  `  repository ${github.repository}, pull request #1; the token's permissions: ${Object.entries(
    github.permissions,
  )
    .map(([scope, level]) => `${scope}: ${level}`)
    .join(', ')}`,
);
console.log(`  export GITHUB_API_URL='${github.apiUrl}' GITHUB_TOKEN='${github.token}'`);
console.log(
  `  curl -H "Authorization: Bearer $GITHUB_TOKEN" "$GITHUB_API_URL/repos/${github.repository}/issues/1/comments"\n`,
);
console.log('Requests (Ctrl-C to stop):');
process.on('SIGINT', async () => {
  await sim.close();
  process.exit(0);
});
