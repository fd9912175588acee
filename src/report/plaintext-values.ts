import type { BuildBatch } from '@aws-sdk/client-codebuild';
import { GITHUB_ENV_VARS } from '../config/names.js';

/**
 * The values of a batch's and its builds' PLAINTEXT environment variables that the step hides in
 * what the builds printed (steps/build-text.ts). CodeBuild returns them in clear, and a build may
 * print one (a deploy script's curl, a test's message): its log is the account's to read, the job
 * summary, a check run and the comment are not. Pure.
 */

/**
 * Shorter values are words (NODE_ENV=test, staging), not secrets: hidden, they would take words out
 * of log lines and test names.
 */
const MIN_VALUE_LENGTH = 8;

/** The GitHub context start-batch sends (the commit, the ref): public, and shown as such. */
const GITHUB_CONTEXT = new Set<string>(GITHUB_ENV_VARS);

/**
 * Of a batch, or of one of its builds: a group's entry in the buildspec's build graph may set
 * variables of its own (`env: variables:`), which only its builds carry.
 */
export function plaintextValues(of: Pick<BuildBatch, 'environment'>): string[] {
  return (of.environment?.environmentVariables ?? [])
    .flatMap((variable) =>
      (variable.type ?? 'PLAINTEXT') === 'PLAINTEXT' && !GITHUB_CONTEXT.has(variable.name ?? '')
        ? // A value of several lines (a key) reaches a log one line at a time: each is hidden.
          (variable.value ?? '').split(/\r\n|\r|\n/)
        : [],
    )
    .filter((value) => value.length >= MIN_VALUE_LENGTH);
}
