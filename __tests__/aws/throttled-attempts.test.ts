import { createCodeBuild } from '../../src/aws/codebuild.js';
import { startSimulator } from '../../simulator/server.mjs';

describe('throttledAttempts', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('counts throttled answers, those the SDK retried through included', async () => {
    const sim = await startSimulator({ scenario: 'already-succeeded' });
    try {
      Object.assign(process.env, sim.clientEnv(), { AWS_EC2_METADATA_DISABLED: 'true' });
      const codebuild = createCodeBuild({ region: sim.region });
      sim.inject({ kind: 'throttle', operation: 'BatchGetBuildBatches', count: 2 });
      const batch = await codebuild.getBatch(sim.batch.id);
      // The read succeeded on the SDK's third attempt: two throttled answers came before it.
      expect(batch?.id).toBe(sim.batch.id);
      expect(sim.calls('BatchGetBuildBatches').map((r) => r.status)).toEqual([400, 400, 200]);
      expect(codebuild.throttledAttempts()).toBe(2);
      await codebuild.getBatch(sim.batch.id);
      expect(codebuild.throttledAttempts()).toBe(2);
    } finally {
      await sim.close();
    }
  });
});
