import type { BuildBatch } from '@aws-sdk/client-codebuild';
import { formatDuration } from '../report/outcome.js';
import { ProgressLog } from './progress.js';
import { waitForCompletion, type WaitResult } from './wait.js';
import type { Step } from './context.js';
import { HOLD_MS, heldRangeMs, isHeld, paceAt, startPace, type Pace } from './pace.js';
import { Inputs, State } from '../config/names.js';

/**
 * Each step's polling pace, and the client's count of throttled answers when its last wait ended: a
 * wait after a retry goes on at the pace the one before it ended with, held again if the retry met
 * throttling.
 */
const paces = new WeakMap<Step, { current?: Pace; throttled: number }>();

/**
 * Polls a running batch until it completes, times out or the workflow is cancelled; `known` is the
 * newest state seen before the wait. While it waits, the post step knows which batch to stop.
 */
export function waitFor(step: Step, known: BuildBatch): Promise<WaitResult> {
  const { deps, config, codebuild, reporter } = step;
  const { io, clock } = deps;
  const batchId = known.id ?? '';
  const configured = config.pollIntervalMs;
  io.saveState(State.RunningBatchId, config.stopOnCancel ? (known.arn ?? batchId) : '');
  const progress = new ProgressLog((line) => io.info(line), clock, step.startedAt);
  const before = paces.get(step);
  const throttled = codebuild.throttledAttempts();
  const pace =
    before && throttled === before.throttled
      ? before
      : {
          current: startPace(configured, throttled > (before?.throttled ?? 0), clock.now()),
          throttled,
        };
  // A held pace carried from the wait before, whose five minutes have passed, is over.
  if (pace.current) pace.current = paceAt(pace.current, configured, clock.now());
  paces.set(step, pace);
  io.info(
    `Waiting for ${batchId} to finish (polling ${
      pace.current && isHeld(pace.current) ? heldPace(configured) : every(configured)
    }).`,
  );
  return waitForCompletion({
    describe: async (signal) => {
      const read = await codebuild.getBatch(batchId, signal);
      io.debug(
        read
          ? `Read ${batchId}: ${read.buildBatchStatus}, complete ${read.complete}, ${read.phases?.length ?? 0} phases.`
          : `Read ${batchId}: not found.`,
      );
      return read;
    },
    clock,
    intervalMs: configured,
    deadline: step.deadline,
    signal: deps.cancelled,
    known,
    onRead: (read) => {
      reporter.seen(read);
      progress.read(read);
    },
    throttledAttempts: () => codebuild.throttledAttempts(),
    pace,
    onPoll: () => progress.tick(),
    onTransientError: (error, next) =>
      io.info(
        `Poll failed (${error.message}); ${
          next.poll
            ? `trying again in ${formatDuration(next.inMs)}`
            : `${Inputs.TimeoutMinutes} has passed`
        }.`,
      ),
    onPaceChange: (held, nextMs) =>
      io.info(
        held
          ? `CodeBuild is throttling this account's calls: polling ${
              nextMs < heldRangeMs(configured)[0] ? `in ${seconds(nextMs)}, then ` : ''
            }${heldPace(configured)}.`
          : `No throttling for ${formatDuration(HOLD_MS)}: polling ${every(configured)} again.`,
      ),
  }).finally(() => {
    pace.throttled = codebuild.throttledAttempts();
  });
}

/**
 * A pace in seconds to the tenth, as poll-interval-seconds and the docs give it: "32.5s", not
 * formatDuration's "33s".
 */
const seconds = (ms: number) => `${Number((ms / 1000).toFixed(1))}s`;
const every = (ms: number) => `every ${seconds(ms)}`;

/** The held pace (pace.ts), as the step log says it. */
function heldPace(configuredMs: number): string {
  const [lower, upper] = heldRangeMs(configuredMs).map(seconds);
  const range = lower === upper ? `every ${lower}` : `every ${lower} to ${upper}`;
  return `${range}, ${every(configuredMs)} again after ${formatDuration(HOLD_MS)} without throttling`;
}
