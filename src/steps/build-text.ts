import type { Build, TestCase } from '@aws-sdk/client-codebuild';
import type { Logs } from '../aws/logs.js';
import type { EvidenceSource } from './evidence.js';

/**
 * The reads of what the builds printed (log lines, test cases, the failed command in a phase's
 * context) with `hide` applied as they arrive, before anything is cut, shown or sent: the batch's
 * and its builds' PLAINTEXT values, which a build may print (a deploy script's curl) and CodeBuild
 * keeps in clear. A build is read (BatchGetBuilds) before its logs and test cases.
 * Only the build's text: the action's own ids, links and group names keep an account id or a region
 * that a project also sets as a variable.
 */
export function hidingBuildText(
  source: EvidenceSource,
  hide: (text: string) => string,
  /** Each build read, before its text is hidden: its own variables are hidden too from then on. */
  learn: (builds: readonly Build[]) => void = () => undefined,
): EvidenceSource {
  const maybe = (text: string | undefined) => (text === undefined ? undefined : hide(text));
  const build = (b: Build): Build => ({
    ...b,
    phases: b.phases?.map((phase) => ({
      ...phase,
      contexts: phase.contexts?.map((c) => ({ ...c, message: maybe(c.message) })),
    })),
  });
  const testCase = (c: TestCase): TestCase => ({
    ...c,
    name: maybe(c.name),
    prefix: maybe(c.prefix),
    testSuiteName: maybe(c.testSuiteName),
    message: maybe(c.message),
  });
  const logs = (read: Logs): Logs => ({
    tail: async (...args) => (await read.tail(...args))?.map(hide),
    read: async (...args) => {
      const whole = await read.read(...args);
      return whole && { ...whole, lines: whole.lines.map(hide) };
    },
  });
  return {
    region: () => source.region(),
    getReports: (arns, signal) => source.getReports(arns, signal),
    getBuilds: async (ids, signal) => {
      const builds = await source.getBuilds(ids, signal);
      learn(builds);
      return builds.map(build);
    },
    describeTestCases: async (...args) => (await source.describeTestCases(...args)).map(testCase),
    openLogs: async (region) => logs(await source.openLogs(region)),
  };
}
