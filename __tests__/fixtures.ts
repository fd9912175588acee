import type { BuildBatch, BuildGroup } from '@aws-sdk/client-codebuild';
import { ActionError } from '../src/config/errors.js';
import type { InputSource } from '../src/config/input-source.js';
import type { Io } from '../src/github/io.js';

export const BATCH_ID = 'web-app:0b8e4f3a-5c2d-4e1f-9a7b-6c5d4e3f2a1b';
/** What a step with nothing to retry outputs: a later step's fromJSON() of any group list reads []. */
export const NOTHING_RETRIED = {
  attempts: '0',
  'build-groups': '[]',
  'failed-build-groups': '[]',
  'not-run-build-groups': '[]',
  'ignored-build-groups': '[]',
  'flaky-build-groups': '[]',
};
export const BATCH_ARN = `arn:aws:codebuild:us-east-1:123456789012:build-batch/${BATCH_ID}`;

let builds = 0;
export const buildArn = () =>
  `arn:aws:codebuild:us-east-1:123456789012:build/web-app:00000000-0000-4000-8000-${String(++builds).padStart(12, '0')}`;

/** A group: status of its current build, and how many builds it had before. */
export function group(
  identifier: string,
  status: string | undefined,
  extra: Partial<BuildGroup> & { prior?: number } = {},
): BuildGroup {
  const { prior = 0, ...rest } = extra;
  return {
    identifier,
    dependsOn: [],
    ignoreFailure: false,
    currentBuildSummary:
      status === undefined ? undefined : { arn: buildArn(), buildStatus: status as never },
    priorBuildSummaryList: Array.from({ length: prior }, () => ({
      arn: buildArn(),
      buildStatus: 'FAILED' as const,
    })),
    ...rest,
  };
}

/** A batch in a given status; complete unless IN_PROGRESS. */
export function batch(
  status: string,
  groups: BuildGroup[] = [group('build', status === 'IN_PROGRESS' ? 'IN_PROGRESS' : status)],
  phases = 4,
): BuildBatch {
  return {
    id: BATCH_ID,
    arn: BATCH_ARN,
    projectName: 'web-app',
    buildBatchNumber: 42,
    buildBatchStatus: status as never,
    complete: status !== 'IN_PROGRESS',
    phases: Array.from({ length: phases }, () => ({ phaseType: 'SUBMITTED' as const })),
    buildGroups: groups,
    environment: {
      type: 'LINUX_CONTAINER',
      image: 'x',
      computeType: 'BUILD_GENERAL1_SMALL',
      environmentVariables: [
        { name: 'TOKEN', value: 'clear-text-secret-value', type: 'PLAINTEXT' },
      ],
    },
  };
}

/** Inputs as the runner gives them, booleans parsed the way core.getBooleanInput does. */
export function source(values: Record<string, string>): InputSource {
  return {
    get: (name) => (values[name] ?? '').trim(),
    getBoolean: (name) => {
      const value = (values[name] ?? '').trim();
      if (['true', 'True', 'TRUE'].includes(value)) return true;
      if (['false', 'False', 'FALSE'].includes(value)) return false;
      throw new TypeError(`Input does not meet YAML 1.2 "Core Schema" specification: ${name}`);
    },
  };
}

/** The error a user can cause: one ActionError sentence, matching message, no stack, short. */
export function expectOneSentence(act: () => unknown, message: RegExp): void {
  let thrown: unknown;
  try {
    act();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(ActionError);
  const text = (thrown as Error).message;
  expect(text).toMatch(message);
  expect(text).not.toMatch(/\n|\s{2}at /);
  expect(text.length).toBeLessThan(400);
}

/** For a Logs fake whose whole logs no test here reads (step-log reads them as groups end). */
export const noWholeLogs = async (): Promise<never> => {
  throw new Error('a whole log was read, though no group ended while the step watched');
};

/** An Io that records what the step would print, with groups spelled out as the runner shows them. */
export function recorder() {
  const log: string[] = [];
  const outputs: Record<string, string> = {};
  let summary = '';
  const io: Io = {
    info: (m) => log.push(m),
    debug: () => undefined,
    notice: (m) => log.push(`notice: ${m}`),
    warning: (m) => log.push(`warning: ${m}`),
    error: (m) => log.push(`error: ${m}`),
    group: (title, body) => {
      log.push(`::group::${title}`);
      body();
      log.push('::endgroup::');
    },
    setOutput: (n, v) => (outputs[n] = v),
    saveState: () => undefined,
    writeSummary: async (parts) => void (summary += parts.join('')),

    secret: () => undefined,
    redact: (text) => text,
  };
  return { io, log, outputs, summary: () => summary };
}
