// Types for the TypeScript tests; the simulator itself is plain JavaScript run by node.
import type { ActionRun } from './run-action.mjs';
import type { Simulator, SimulatedBatch } from './server.mjs';

export interface FleetStepPlan {
  kind: 'succeeds' | 'retried' | 'fails';
  code: number;
  status: string;
  attempts: number;
  endMs: number;
}
export interface FleetStep {
  kind: FleetStepPlan['kind'];
  code: number | null;
  status: string | undefined;
  attempts: string | undefined;
  /** Whether the step ended as planned: exit code, batch-status and attempts. */
  right: boolean;
  /** Whether the step's error named throttling. */
  throttled: boolean;
  /**
   * Each run of the batch: its end (endAt, epoch ms), or the last poll of it refused by the account
   * after that → the first read answered complete (ms); its end → that read (sinceEndMs), and → the
   * step acting on it (RetryBuildBatch accepted, or the step's exit; actedMs).
   */
  detections: Array<{
    endAt: number;
    ms: number;
    sinceEndMs: number;
    /** The longest gap between the run's end and the step's polls of it up to that read. */
    gapMs: number;
    actedMs: number;
  }>;
}
export interface FleetFigures {
  perSecond: Array<{ total: number; throttled: number }>;
  startupMs: number;
  windowSeconds: number;
  settledAt: number | undefined;
  thinsAt: number;
  settledWhileAllWaitAt: number | undefined;
  peak: number;
  requests: number;
  throttled: number;
  meanRate: number;
  seconds: number;
  steps: FleetStep[];
  wrong: number;
  failedByThrottling: number;
  detection: {
    limitMs: number;
    judged: number;
    worstMs: number | undefined;
    over: number;
    medianMs: number | undefined;
    p95Ms: number | undefined;
    worstAnyMs: number;
    worstSinceEndMs: number | undefined;
    worstGapMs: number | undefined;
    worstActedMs: number;
  };
}
export function fleetPlan(options: {
  steps: number;
  firstEndMs: number;
  lastEndMs: number;
}): FleetStepPlan[];
export function runFleet(options: {
  steps: number;
  budget: { ratePerSecond: number; burst?: number };
  pollSeconds: number;
  firstEndMs: number;
  lastEndMs: number;
  log?: (line: string) => void;
  entry?: string;
}): Promise<{
  sim: Simulator;
  plan: FleetStepPlan[];
  runs: ActionRun[];
  batches: SimulatedBatch[];
  figures: FleetFigures;
}>;
/** The figures from the simulator's request log and the steps' runs (pure). */
export function fleetFigures(input: {
  requests: Array<{
    at: number;
    service: string;
    operation?: string;
    status?: number;
    error?: string;
    body?: { ids?: string[] };
    response?: { buildBatches?: Array<{ id?: string; complete?: boolean }> };
  }>;
  spawnedAt: number;
  budget: number;
  pollMs: number;
  steps: Array<
    Omit<FleetStepPlan, 'endMs'> & {
      firstEndAt: number;
      retryAt?: number;
      run: Pick<ActionRun, 'endedAt' | 'code' | 'stdout' | 'outputs'>;
      batch: { id: string; endAt(): number };
    }
  >;
}): FleetFigures;
export function perSecondLines(perSecond: FleetFigures['perSecond']): string[];
