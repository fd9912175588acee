// A fleet of steps under one account's throttle: many workflows, each waiting on its own batch, all
// polling one simulated account whose CodeBuild API has a shared request budget. Used by the bench
// (40 steps) and by __tests__/e2e/fleet.e2e.test.ts (a smaller fleet).
import { startAction } from './run-action.mjs';
import { startSimulator } from './server.mjs';

/** What each step's batch does, in turn: succeed; fail, then pass on retry; fail again on retry. */
const KINDS = [
  {
    kind: 'succeeds',
    first: 'SUCCEEDED',
    retry: undefined,
    code: 0,
    status: 'SUCCEEDED',
    attempts: 0,
  },
  {
    kind: 'retried',
    first: 'FAILED',
    retry: 'SUCCEEDED',
    code: 0,
    status: 'SUCCEEDED',
    attempts: 1,
  },
  { kind: 'fails', first: 'FAILED', retry: 'FAILED', code: 1, status: 'FAILED', attempts: 1 },
];
/** How long a retried batch runs. */
const RETRY_MS = 5_000;

/**
 * The fleet's plan: step i's batch ends firstEndMs + i × spacing after the start (spread evenly up to
 * lastEndMs), and its outcome cycles through KINDS.
 */
export function fleetPlan({ steps, firstEndMs, lastEndMs }) {
  const spacing = steps > 1 ? (lastEndMs - firstEndMs) / (steps - 1) : 0;
  return Array.from({ length: steps }, (_, i) => ({
    ...KINDS[i % KINDS.length],
    endMs: Math.round(firstEndMs + i * spacing),
  }));
}

/**
 * Runs the fleet: one simulator with the account budget, one running batch per step, every step
 * started at once. Resolves with the request log, each step's run and batch, and the figures.
 * @param {object} options
 * @param {number} options.steps
 * @param {{ ratePerSecond: number, burst?: number }} options.budget
 * @param {number} options.pollSeconds  each step's poll-interval-seconds
 * @param {number} options.firstEndMs  when the first batch ends, after the start
 * @param {number} options.lastEndMs  when the last first run ends
 * @param {(line: string) => void} [options.log]
 * @param {string} [options.entry]  another build of the action (default dist/index.js)
 */
export async function runFleet(options) {
  const { steps, budget, pollSeconds, log = () => {}, entry } = options;
  const plan = fleetPlan(options);
  // Responses kept: a step sees its batch end at the first read answered complete (detection).
  const sim = await startSimulator({ accountBudget: budget, keepResponses: true });
  const groups = [{ identifier: 'build', dependsOn: [] }];
  const startedAt = Date.now();
  const batches = plan.map((p, i) =>
    sim.addBatch({
      project: `fleet-${String(i + 1).padStart(2, '0')}`,
      groups,
      // The synthetic source download and the queue come before the build: endAt() is exact.
      initial: { running: true, groups: { build: { status: p.first, ms: p.endMs } } },
      retries: [{ build: { status: p.retry ?? 'SUCCEEDED', ms: RETRY_MS } }],
    }),
  );
  log(`fleet: ${steps} steps, budget ${budget.ratePerSecond}/s, polls every ${pollSeconds}s`);
  try {
    const runs = await Promise.all(
      batches.map(
        (batch) =>
          startAction({
            entry,
            inputs: { 'batch-id': batch.id, 'poll-interval-seconds': String(pollSeconds) },
            env: sim.clientEnv(),
          }).done,
      ),
    );
    const figures = fleetFigures({
      requests: sim.requests,
      spawnedAt: startedAt,
      budget: budget.ratePerSecond,
      pollMs: pollSeconds * 1000,
      steps: plan.map((p, i) => ({
        ...p,
        run: runs[i],
        batch: batches[i],
        firstEndAt: batches[i].runs[0].endAt,
        retryAt: sim
          .calls('RetryBuildBatch')
          .find((r) => r.status === 200 && r.body?.id === batches[i].id)?.at,
      })),
    });
    return { sim, plan, runs, batches, figures };
  } finally {
    await sim.close();
  }
}

/**
 * The fleet's figures from the simulator's request log and the steps' runs (pure). Times count from
 * the fleet's first request (startupMs after the steps were spawned: on a shared machine, forty node
 * processes take a while to start):
 * - perSecond: CodeBuild requests in each second, all and throttled;
 * - settledAt: the second from which every 10 s window's request rate (throttled ones included) stays
 *   within the budget, up to the last step's exit (undefined when it never does);
 * - thinsAt: when the first batch ends (the fleet is whole until then), and settledWhileAllWaitAt:
 *   the second from which every 10 s window up to then is within the budget;
 * - steps: each step's outcome, whether it was the planned one, whether throttling failed it, and its
 *   detections: for each run of its batch (the first, and the retry's), the time to the first read
 *   of the batch answered complete (what the step's polling is judged on) from the run's end, or
 *   from the last poll of it the account refused after that (the issue's "once the budget has room
 *   again"; sinceEndMs counts from the end whatever the account did; gapMs is the longest the step
 *   left the batch unread from the end to that read), and to the step acting on it
 *   (RetryBuildBatch accepted, or the step's exit after its final report).
 * @param {object} input
 * @param {Array<{ at: number, service: string, error?: string }>} input.requests
 * @param {number} input.spawnedAt  when the steps were started
 * @param {number} input.budget  requests per second
 * @param {number} input.pollMs
 * @param {Array<object>} input.steps  plan entries with run, batch, firstEndAt, retryAt
 */
export function fleetFigures({ requests, spawnedAt, budget, pollMs, steps }) {
  const WINDOW_S = 10;
  const startedAt = Math.min(
    ...requests.filter((r) => r.service === 'codebuild' && r.at >= spawnedAt).map((r) => r.at),
  );
  const endedAt = Math.max(...steps.map((s) => s.run.endedAt));
  const seconds = Math.ceil((endedAt - startedAt) / 1000);
  const perSecond = Array.from({ length: seconds }, () => ({ total: 0, throttled: 0 }));
  for (const r of requests) {
    if (r.service !== 'codebuild') continue;
    const k = Math.floor((r.at - startedAt) / 1000);
    if (k < 0 || k >= seconds) continue;
    perSecond[k].total += 1;
    if (r.error === 'ThrottlingException') perSecond[k].throttled += 1;
  }
  const windowRate = (k) => {
    const slice = perSecond.slice(k, k + WINDOW_S);
    return slice.reduce((sum, s) => sum + s.total, 0) / slice.length;
  };
  const thinsAt = (Math.min(...steps.map((s) => s.firstEndAt)) - startedAt) / 1000;
  // The first second from which every whole window ending by `until` (s) is within the budget.
  const calmFrom = (until) => {
    let from;
    for (let k = Math.floor(until) - WINDOW_S; k >= 0 && windowRate(k) <= budget; k--) from = k;
    return from;
  };
  const settledAt = calmFrom(seconds);
  const limitMs = 2 * pollMs + 5_000;
  const figured = steps.map((s) => {
    const finalEndAt = s.batch.endAt();
    const throttled = /ThrottlingException|Rate exceeded/.test(
      s.run.stdout
        .split('\n')
        .filter((l) => l.startsWith('::error'))
        .join('\n'),
    );
    const sawEnd = (after) =>
      requests.find(
        (r) =>
          r.operation === 'BatchGetBuildBatches' &&
          r.status === 200 &&
          r.at >= after &&
          r.response?.buildBatches?.some((b) => b.id === s.batch.id && b.complete === true),
      )?.at;
    // A poll of this batch the account refused (every one of the SDK's attempts is recorded).
    const refused = (from, until) =>
      requests.findLast(
        (r) =>
          r.operation === 'BatchGetBuildBatches' &&
          r.error === 'ThrottlingException' &&
          r.at >= from &&
          r.at < until &&
          r.body?.ids?.includes(s.batch.id),
      )?.at;
    // The longest the step left its batch unread from the run's end to the read that saw it: a
    // refusal just before that read must not hide a step that slept too long.
    const longestGap = (endAt, seenAt) => {
      const polls = requests
        .filter(
          (r) =>
            r.operation === 'BatchGetBuildBatches' &&
            r.at > endAt &&
            r.at <= seenAt &&
            r.body?.ids?.includes(s.batch.id),
        )
        .map((r) => r.at);
      const times = [endAt, ...polls];
      return Math.max(...times.slice(1).map((at, i) => at - times[i]));
    };
    const detection = (endAt, after, actedAt) => {
      const seenAt = sawEnd(after);
      if (seenAt === undefined)
        return {
          endAt,
          ms: Infinity,
          sinceEndMs: Infinity,
          gapMs: Infinity,
          actedMs: actedAt - endAt,
        };
      // The promise holds once the account has room again: from the run's end, or from the last
      // poll of it the account refused after that, whichever is later.
      const roomAt = Math.max(endAt, refused(endAt, seenAt) ?? endAt);
      return {
        endAt,
        ms: Math.max(0, seenAt - roomAt),
        sinceEndMs: Math.max(0, seenAt - endAt),
        gapMs: longestGap(endAt, seenAt),
        actedMs: actedAt - endAt,
      };
    };
    const detections =
      s.retryAt === undefined
        ? [detection(finalEndAt, 0, s.run.endedAt)]
        : [detection(s.firstEndAt, 0, s.retryAt), detection(finalEndAt, s.retryAt, s.run.endedAt)];
    return {
      kind: s.kind,
      code: s.run.code,
      status: s.run.outputs['batch-status'],
      attempts: s.run.outputs.attempts,
      right:
        s.run.code === s.code &&
        s.run.outputs['batch-status'] === s.status &&
        s.run.outputs.attempts === String(s.attempts),
      throttled,
      detections,
    };
  });
  // Detection is held to its bound once the budget has room again: for completions after the rate
  // came under it with the whole fleet waiting.
  const roomAt = calmFrom(thinsAt);
  const judged = figured.flatMap((s) =>
    s.detections.filter((d) => roomAt !== undefined && d.endAt - startedAt >= roomAt * 1000),
  );
  const all = figured.flatMap((s) => s.detections.map((d) => d.ms));
  const sorted = (xs) => [...xs].sort((a, b) => a - b);
  const total = perSecond.reduce((sum, s) => sum + s.total, 0);
  const throttled = perSecond.reduce((sum, s) => sum + s.throttled, 0);
  return {
    perSecond,
    startupMs: startedAt - spawnedAt,
    windowSeconds: WINDOW_S,
    settledAt,
    thinsAt,
    settledWhileAllWaitAt: calmFrom(thinsAt),
    peak: Math.max(...perSecond.map((s) => s.total)),
    requests: total,
    throttled,
    meanRate: total / seconds,
    seconds,
    steps: figured,
    wrong: figured.filter((s) => !s.right).length,
    failedByThrottling: figured.filter((s) => s.throttled).length,
    detection: {
      limitMs,
      judged: judged.length,
      worstMs: judged.length ? Math.max(...judged.map((d) => d.ms)) : undefined,
      over: judged.filter((d) => d.ms > limitMs || d.gapMs > limitMs).length,
      worstGapMs: judged.length ? Math.max(...judged.map((d) => d.gapMs)) : undefined,
      medianMs: judged.length
        ? sorted(judged.map((d) => d.ms))[Math.floor(judged.length / 2)]
        : undefined,
      p95Ms: judged.length
        ? sorted(judged.map((d) => d.ms))[Math.ceil(judged.length * 0.95) - 1]
        : undefined,
      worstAnyMs: Math.max(...all),
      worstSinceEndMs: judged.length ? Math.max(...judged.map((d) => d.sinceEndMs)) : undefined,
      worstActedMs: Math.max(...figured.flatMap((s) => s.detections.map((d) => d.actedMs))),
    },
  };
}

/** Rows for a log: the per-second rates, ten seconds to a line. */
export function perSecondLines(perSecond) {
  const lines = [];
  for (let k = 0; k < perSecond.length; k += 10) {
    const slice = perSecond.slice(k, k + 10);
    lines.push(
      `  ${String(k).padStart(4)}s: ${slice.map((s) => `${s.total}${s.throttled ? `/${s.throttled}` : ''}`).join(' ')}`,
    );
  }
  return lines;
}
