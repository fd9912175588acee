import * as core from '@actions/core';
import { connectCodeBuild } from '../aws/connect.js';
import { messageOf } from '../config/errors.js';
import type { Deps } from '../steps/context.js';
import type { Clock } from '../steps/wait.js';
import { eventOf, runIdentity } from './event.js';
import { keepCredentialsOut, runnerInputs, runnerIo } from './io.js';
import { cancellationSignal } from './signals.js';

const realClock: Clock = {
  // Monotonic: deadlines and budgets must not follow a wall clock that NTP steps. Whole
  // milliseconds, as Date.now() gave: AbortSignal.timeout refuses fractions. process.hrtime, not
  // performance.now(): the first read of the global `performance` loads perf_hooks, about 2 ms of
  // the start, before the first request.
  now: () => Number(process.hrtime.bigint() / 1_000_000n),
  // timers/promises is loaded at the first sleep, after the first request. An abort ends a sleep
  // early; any other failure is a bug, not a reason to stop sleeping.
  sleep: (ms, signal) =>
    import('node:timers/promises')
      .then(({ setTimeout: delay }) => delay(ms, undefined, { signal }))
      .catch((error: unknown) => {
        if (!(error instanceof Error && error.name === 'AbortError')) throw error;
      }),
};

/** The story's outside world on a runner: @actions/core, @actions/github's context, the SDK, signals. */
export function runnerDeps(): Deps {
  const getIdToken = (audience: string) => core.getIDToken(audience);
  const setSecret = (value: string) => runnerIo.secret(value, { mask: true });
  keepCredentialsOut(process.env);
  return {
    inputs: runnerInputs,
    event: eventOf(),
    env: process.env,
    run: runIdentity(),
    codebuild: (config) =>
      connectCodeBuild({
        region: config.region,
        role: config.role,
        env: process.env,
        getIdToken,
        setSecret,
      }),
    clock: realClock,
    wallClock: Date.now,
    cancelled: cancellationSignal((line) => runnerIo.info(line)),
    io: runnerIo,
    // Octokit and @actions/github's client load here, for a step that asks for check runs or a
    // comment; a bundle that cannot load them still reports the batch.
    github: (settings, step) => {
      runnerIo.secret(settings.token);
      return import('./report.js')
        .then((m) => m.openGitHubReport({ settings, ...step }))
        .catch((error: unknown) => {
          runnerIo.warning(`No check runs or pull request comment: ${messageOf(error)}`);
          return undefined;
        });
    },
  };
}
