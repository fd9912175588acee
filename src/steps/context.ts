import type { CodeBuild } from '../aws/codebuild.js';
import { formatDuration } from '../report/outcome.js';
import { checkEndpointVariables, checkRegionVariable } from '../config/endpoint-variables.js';
import { ActionError } from '../config/errors.js';
import {
  lostDispatchTarget,
  misnamedDispatchInputs,
  readConfig,
  setAsideDispatchTargets,
  withDispatchInputs,
  type Config,
} from '../config/inputs.js';
import type { RunEvent } from '../github/event.js';
import type { Io } from '../github/io.js';
import type { InputSource } from '../config/input-source.js';
import type { RunIdentity } from '../config/token.js';
import type { GitHubSettings } from '../config/github-inputs.js';
import type { ReportSink } from './reporter.js';
import type { Reporter } from './reporter.js';
import { persist, type Clock } from './wait.js';

/** Everything the story needs from the outside world, handed in so it runs with fakes in tests. */
export interface Deps {
  inputs: InputSource;
  /** The workflow event: its name, dispatch inputs, GITHUB_SHA and a pull request's head commit. */
  event: RunEvent;
  /** The step's environment (start-batch reads env-vars-for-codebuild and the GitHub context). */
  env: NodeJS.ProcessEnv;
  run: RunIdentity;
  codebuild: (config: Config) => CodeBuild;
  clock: Clock;
  /** The wall clock (epoch ms), only to compare with times CodeBuild reports: never for a deadline. */
  wallClock: () => number;
  /** Aborts when the workflow is cancelled. */
  cancelled: AbortSignal;
  io: Io;
  /**
   * Check runs and the pull request's comment, opened only when checks or pr-comment asks for them
   * (the runner edge loads Octokit then, not before).
   */
  github?: (settings: GitHubSettings, step: GitHubStep) => Promise<ReportSink | undefined>;
}

/** What the check runs and the comment need of the step besides their inputs. */
export interface GitHubStep {
  io: Io;
  clock: Clock;
  cancelled: AbortSignal;
  /** The step starts the batch: its check runs go on the commit CodeBuild builds. */
  started: boolean;
  /** From cancellation, the time the step has left (interrupt's budget). */
  cancelBudgetMs: number;
}

/** What every step of the story works with: the outside world, the inputs, CodeBuild, the record. */
export interface Step {
  deps: Deps;
  config: Config;
  codebuild: CodeBuild;
  reporter: Reporter;
  /** When the step began (clock ms), and when timeout-minutes ends the wait (undefined: never). */
  startedAt: number;
  deadline?: number;
  /** Time since the step began. */
  elapsed(): number;
  /** One call before the wait, sent again through a burst of passing faults (see persist). */
  patiently<T>(call: () => Promise<T>): Promise<T>;
}

/** Reads the inputs (throwing the sentence that names a bad one) and sets up the step. */
export function beginStep(deps: Deps, reporter: Reporter, startedAt: number): Step {
  const { io, clock } = deps;
  const lost = lostDispatchTarget(deps.inputs, deps.event.name, deps.event.inputs);
  if (lost) throw new ActionError(lost);
  const config = readConfig(withDispatchInputs(deps.inputs, deps.event.name, deps.event.inputs));
  for (const sentence of misnamedDispatchInputs(deps.inputs, deps.event.name, deps.event.inputs))
    io.warning(sentence);
  for (const sentence of setAsideDispatchTargets(deps.inputs, deps.event.name, deps.event.inputs))
    io.notice(sentence);
  checkEndpointVariables(deps.env);
  checkRegionVariable(deps.env, config.region);
  return {
    deps,
    config,
    codebuild: deps.codebuild(config),
    reporter,
    startedAt,
    deadline: config.timeoutMs > 0 ? startedAt + config.timeoutMs : undefined,
    elapsed: () => clock.now() - startedAt,
    patiently: (call) =>
      persist(call, clock, {
        signal: deps.cancelled,
        onRetry: (error, delayMs) =>
          io.info(`${error.message}; sending it again in ${formatDuration(delayMs)}.`),
      }),
  };
}
