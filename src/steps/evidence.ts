import type { Report, TestCase } from '@aws-sdk/client-codebuild';
import type { CodeBuild } from '../aws/codebuild.js';
import {
  CASES_PER_GROUP,
  cleanLogLine,
  failingReports,
  linesPerTail,
  tailRequests,
  type Evidence,
  type TailRequest,
} from '../report/diagnosis.js';
import { KeptTails } from '../report/kept-tails.js';
import { capitalised } from '../report/text.js';
import { messageOf } from '../config/errors.js';
import { ServiceError } from '../aws/errors.js';
import type { Logs } from '../aws/logs.js';
import type { BatchOutcome } from '../report/outcome.js';

/**
 * The reads a finished batch's diagnosis needs, made once: one BatchGetBuilds per 100 builds, one
 * BatchGetReports per 100 reports, DescribeTestCases for reports with failures (one call per status
 * counted, FAILED then ERROR, as its filter takes one status), one GetLogEvents per failed group; a few
 * at a time, all under one AbortSignal. A read that fails or does not fit in time
 * leaves its part out and is recorded as a problem; nothing here throws (but onTail may).
 * Each log tail is handed over as soon as it is read, and only what the summary can show is kept.
 */

export type EvidenceSource = Pick<
  CodeBuild,
  'getBuilds' | 'getReports' | 'describeTestCases' | 'region' | 'openLogs'
>;

/** A part of the diagnosis left out, and why. */
export interface Problem {
  /** What is missing, for the user, in the plural: "log tails", "failing test cases", … */
  part: string;
  /** The IAM action the call needs, e.g. logs:GetLogEvents. */
  permission: string;
  error: unknown;
}

export interface EvidenceOptions {
  logLines: number;
  /** Aborts the reads: what has been read by then is used, the rest is skipped. */
  signal: AbortSignal;
  /** Reads in flight at once. */
  concurrency?: number;
  /**
   * The bytes all tails' lines may take together where they are shown (the step log's budget): of
   * each, fewer than log-lines are read when that many would not fit. Default: no bound.
   */
  tailBudgetBytes?: number;
  /** Each log tail as soon as it is read, one at a time (the step log writes it then). */
  onTail?: (tail: ReadTail) => void;
  /**
   * The newest `lines` lines of a build's log, cleaned, when they were read already (step-log read
   * the log as its group ended): no second read.
   */
  readAlready?: (buildArn: string, lines: number) => string[] | undefined;
}

/** A log tail, as soon as it is read. */
export interface ReadTail {
  request: TailRequest;
  /** The newest lines, cleaned (cleanLogLine); undefined: the stream does not exist. */
  lines: string[] | undefined;
  /** Fewer lines than log-lines were asked for, and that many came: earlier ones may exist. */
  capped: boolean;
  /** Tails not yet handed over, this one included. */
  left: number;
}

/** Runs tasks with at most `limit` in flight; a task not started when the signal aborts is skipped. */
async function pool(
  tasks: Array<() => Promise<void>>,
  limit: number,
  signal: AbortSignal,
): Promise<number> {
  let next = 0;
  let skipped = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const task = tasks[next++]!;
      if (signal.aborted) skipped += 1;
      else await task();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return skipped;
}

export async function readEvidence(
  outcome: BatchOutcome,
  source: EvidenceSource,
  options: EvidenceOptions,
): Promise<{ evidence?: Evidence; problems: Problem[] }> {
  const { signal } = options;
  const problems: Problem[] = [];
  const limit = options.concurrency ?? 4;
  const arns = outcome.groups.flatMap((g) => (g.buildArn ? [g.buildArn] : []));
  if (arns.length === 0) return { problems };

  const evidence: Evidence = { builds: [], reports: [], cases: new Map(), tails: new Map() };
  try {
    evidence.builds = await source.getBuilds(arns, signal);
  } catch (error) {
    problems.push({
      part: 'failure reasons, durations, log tails and test results',
      permission: 'codebuild:BatchGetBuilds',
      error,
    });
    return { problems };
  }

  // Asked for even when the time has run out: readTails and readReports then say what was left out.
  const tails = options.logLines > 0 ? tailRequests(outcome, evidence.builds) : [];
  const reportArns = [...new Set(evidence.builds.flatMap((b) => b.reportArns ?? []))];
  await Promise.all([
    readTails(tails, evidence, problems, source, options, limit),
    readReports(reportArns, evidence, problems, source, options, limit),
  ]);
  return { evidence, problems };
}

async function readTails(
  requests: TailRequest[],
  evidence: Evidence,
  problems: Problem[],
  source: EvidenceSource,
  options: EvidenceOptions,
  limit: number,
): Promise<void> {
  if (requests.length === 0) return;
  if (options.signal.aborted) {
    problems.push({ part: 'log tails', permission: 'logs:GetLogEvents', error: aborted(options) });
    return;
  }
  let logs: Logs;
  try {
    // The same region as CodeBuild: the builds' log groups live there.
    const region = await source.region().catch(() => undefined);
    // The CodeBuild edge opens Logs (a dynamic import, so a green run never loads it) with its own
    // credentials (role-to-assume's, when set).
    logs = await source.openLogs(region);
  } catch (error) {
    problems.push({ part: 'log tails', permission: 'logs:GetLogEvents', error });
    return;
  }
  let failure: unknown;
  const asked = linesPerTail(
    options.logLines,
    requests.length,
    options.tailBudgetBytes ?? Infinity,
  );
  // Only what the summary can show is held: the step log gets each tail whole as it comes.
  const kept = new KeptTails();
  let left = requests.length;
  const skipped = await pool(
    requests.map((r) => async () => {
      let lines = options.readAlready?.(r.buildArn, asked);
      try {
        lines ??= (await logs.tail(r.groupName, r.streamName, asked, options.signal))?.map(
          cleanLogLine,
        );
      } catch (error) {
        failure ??= error;
        left -= 1;
        return;
      }
      kept.add(r.identifier, lines);
      const capped = asked < options.logLines && (lines?.length ?? 0) >= asked;
      options.onTail?.({ request: r, lines, capped, left: left-- });
    }),
    limit,
    options.signal,
  );
  evidence.tails = kept.read;
  if (failure !== undefined)
    problems.push({ part: 'log tails', permission: 'logs:GetLogEvents', error: failure });
  else if (skipped > 0)
    problems.push({ part: 'log tails', permission: 'logs:GetLogEvents', error: aborted(options) });
}

async function readReports(
  arns: string[],
  evidence: Evidence,
  problems: Problem[],
  source: EvidenceSource,
  options: EvidenceOptions,
  limit: number,
): Promise<void> {
  if (arns.length === 0) return;
  if (options.signal.aborted) {
    problems.push({
      part: 'test results',
      permission: 'codebuild:BatchGetReports',
      error: aborted(options),
    });
    return;
  }
  try {
    evidence.reports = await source.getReports(arns, options.signal);
  } catch (error) {
    problems.push({ part: 'test results', permission: 'codebuild:BatchGetReports', error });
    return;
  }
  // Up to CASES_PER_GROUP failing cases per build: its reports in turn, FAILED before ERROR.
  const reportOf = new Map<string, Report>(evidence.reports.map((r) => [r.arn ?? '', r]));
  const failing = new Map(failingReports(evidence.reports).map((f) => [f.arn, f.statuses]));
  let failure: unknown;
  const skipped = await pool(
    evidence.builds
      .filter((b) => (b.reportArns ?? []).some((arn) => failing.has(arn)))
      .map((build) => async () => {
        let room = CASES_PER_GROUP;
        for (const arn of build.reportArns ?? []) {
          for (const status of failing.get(arn) ?? []) {
            if (room <= 0 || options.signal.aborted || !reportOf.has(arn)) continue;
            try {
              const cases: TestCase[] = await source.describeTestCases(
                arn,
                status,
                room,
                options.signal,
              );
              evidence.cases.set(arn, [...(evidence.cases.get(arn) ?? []), ...cases]);
              room -= cases.length;
            } catch (error) {
              failure ??= error;
              return;
            }
          }
        }
      }),
    limit,
    options.signal,
  );
  if (failure !== undefined)
    problems.push({
      part: 'failing test cases',
      permission: 'codebuild:DescribeTestCases',
      error: failure,
    });
  else if (skipped > 0)
    problems.push({
      part: 'failing test cases',
      permission: 'codebuild:DescribeTestCases',
      error: aborted(options),
    });
}

function aborted(options: EvidenceOptions): unknown {
  return options.signal.reason ?? new Error('the time for reading them ran out');
}

const isDenied = (error: unknown) => error instanceof ServiceError && error.denied;
// An abort reason may be a DOMException from another realm: judge by name.
const isTimeout = (error: unknown) =>
  ['TimeoutError', 'AbortError'].includes((error as { name?: string } | undefined)?.name ?? '');

/** The order parts are named in, whatever order the reads ended in. */
const PERMISSIONS = [
  'codebuild:BatchGetBuilds',
  'codebuild:BatchGetReports',
  'codebuild:DescribeTestCases',
  'logs:GetLogEvents',
];

/** "a", "a and b", "a, b and c" */
function list(items: string[], last = 'and'): string {
  return items.length < 2
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} ${last} ${items.at(-1)}`;
}

/** One warning for every part left out: missing permissions named, other failures quoted. Pure. */
export function problemWarning(unordered: Problem[]): string | undefined {
  if (unordered.length === 0) return undefined;
  const problems = [...unordered].sort(
    (a, b) => PERMISSIONS.indexOf(a.permission) - PERMISSIONS.indexOf(b.permission),
  );
  const denied = problems.filter((p) => isDenied(p.error));
  const timedOut = problems.filter((p) => !isDenied(p.error) && isTimeout(p.error));
  const failed = problems.filter((p) => !isDenied(p.error) && !isTimeout(p.error));
  const sentences: string[] = [];
  if (denied.length > 0) {
    const permissions = [...new Set(denied.map((p) => p.permission))];
    sentences.push(
      `${capitalised(list(denied.map((p) => p.part)))} are left out: the role may not call ${list(permissions, 'or')}. Add ${permissions.length > 1 ? 'those permissions' : 'that permission'} to see them.`,
    );
  }
  if (timedOut.length > 0)
    sentences.push(
      `${capitalised(list(timedOut.map((p) => p.part)))} are left out: reading them did not fit in the time allowed.`,
    );
  for (const p of failed)
    sentences.push(`${capitalised(p.part)} are left out: ${messageOf(p.error)}`);
  return sentences.join(' ');
}
