import type {
  Build,
  BuildArtifacts,
  BuildBatch,
  Report,
  ResolvedArtifact,
  TestCase,
} from '@aws-sdk/client-codebuild';
import { awsConsoleLink, buildConsoleUrl } from './links.js';
import {
  buildDurationMs,
  failureReason,
  SUCCEEDED,
  type BatchOutcome,
  type GroupOutcome,
} from './outcome.js';
import { cutLine, cutMiddle, oneLine, stripAnsi } from './text.js';

/**
 * What a red batch's builds, logs and reports say, per group: the data the summary, the log, the
 * annotations and the outputs show. Pure: the reads happen in evidence.ts.
 */

/** Each log line is cut to this many characters. */
const LOG_LINE_MAX = 500;
/** Failing test cases listed per group. */
export const CASES_PER_GROUP = 20;
/** GitHub shows at most this many error annotations per step. */
export const ERROR_ANNOTATIONS = 10;
/** And as many warnings: it drops the others without a word. */
export const WARNING_ANNOTATIONS = 10;
/**
 * Warnings left to the step's own, which come after the failed ignore-failure groups' (the batch
 * failed with fail-on-batch-failure false, check runs or the comment not written, the summary).
 */
export const OWN_WARNINGS = 5;

/** Where a group's log stands. */
export type LogView =
  /**
   * The newest lines of its CloudWatch Logs stream (cleaned: no ANSI, cut at LOG_LINE_MAX), as many
   * as the summary may show of the `read` lines read.
   */
  | { kind: 'tail'; lines: string[]; read: number }
  /** CloudWatch Logs is off for the build, but S3 logs are on: a link, no tail. */
  | { kind: 's3'; link?: string }
  /** Neither CloudWatch Logs nor S3 logs: the build kept no log. */
  | { kind: 'off' }
  /** The stream does not exist (the build wrote nothing). */
  | { kind: 'empty' }
  /** Not read: the read failed or did not fit the time (one warning says why). */
  | { kind: 'unread' };

export interface TestTotals {
  total: number;
  passed: number;
  /** FAILED and ERROR cases. */
  failed: number;
  skipped: number;
  /** Line coverage in percent, when a CODE_COVERAGE report exists. */
  lineCoverage?: number;
  /**
   * A test report CodeBuild had not finished (GENERATING), could not finish (INCOMPLETE) or gave a
   * status newer than the action: its counts may be short.
   */
  incomplete?: true;
}

export interface FailingCase {
  /** The suite, or the prefix when there is no suite. */
  suite?: string;
  name: string;
  status: string;
  /** The first line of the failure message. */
  message?: string;
  durationMs?: number;
}

export interface ArtifactLocation {
  /** The group's identifier, or `batch` for the batch's combined artifacts. */
  identifier: string;
  location: string;
  type: string;
  /** A secondary artifact's own identifier. */
  artifactIdentifier?: string;
}

export interface GroupDiagnosis {
  identifier: string;
  reason?: string;
  durationMs?: number;
  /** The build's CloudWatch Logs console page. */
  logsLink?: string;
  /** For groups that did not succeed and ran a build. */
  log?: LogView;
  tests?: TestTotals;
  failingCases: FailingCase[];
  /** Failing cases the reports count beyond those listed. */
  moreCases: number;
  /** Its build never started (see neverStarted). */
  notRun?: true;
}

// Maps, never objects, wherever service text is the key: a group may be named constructor or __proto__.
export interface Diagnosis {
  /** By group identifier. */
  groups: ReadonlyMap<string, GroupDiagnosis>;
  artifacts: ArtifactLocation[];
}

/** What was read, as evidence.ts hands it over. */
export interface Evidence {
  builds: Build[];
  reports: Report[];
  /** Failing test cases by report ARN. */
  cases: Map<string, TestCase[]>;
  /** Log tails by group identifier (undefined: the stream does not exist). */
  tails: ReadonlyMap<string, TailRead | undefined>;
}

/** A log tail as kept: its newest lines, cleaned (cleanLogLine), of `read` lines read. */
export interface TailRead {
  lines: string[];
  read: number;
}

/** A log stream to tail. */
export interface TailRequest {
  identifier: string;
  /** The build whose log it is. */
  buildArn: string;
  groupName: string;
  streamName: string;
  /** Where the whole log is: its CloudWatch Logs console page, else the build's console page. */
  logsLink?: string;
}

/** Phases a build has before it runs anything of its own. */
const BEFORE_START = new Set(['SUBMITTED', 'QUEUED', 'COMPLETED']);

/**
 * Whether a group's current build never started: the batch says so (GroupOutcome.notRun), or the
 * build did not succeed and its phases go no further than the queue (a group stopped while it
 * waited, as fast-fail stops them). A build without a phase list says nothing either way.
 */
function neverStarted(group: GroupOutcome, build: Build | undefined): boolean {
  if (group.notRun) return true;
  if (group.status === SUCCEEDED || !build?.phases) return false;
  return build.phases.every((p) => BEFORE_START.has(p.phaseType ?? ''));
}

/** The builds of groups that did not succeed and ran, whose logs are in CloudWatch Logs. */
export function tailRequests(outcome: BatchOutcome, builds: Build[]): TailRequest[] {
  const byArn = new Map(builds.map((b) => [b.arn, b]));
  return outcome.groups.flatMap((group) => {
    if (group.status === SUCCEEDED || !group.buildArn) return [];
    const request = logStream(group, byArn.get(group.buildArn));
    return request ? [request] : [];
  });
}

/** Where a group's current build's log is in CloudWatch Logs; undefined when it never ran or kept none there. */
export function logStream(group: GroupOutcome, build: Build | undefined): TailRequest | undefined {
  if (!group.buildArn || neverStarted(group, build)) return undefined;
  const logs = build?.logs;
  if (!logs?.groupName || !logs.streamName || logs.cloudWatchLogs?.status === 'DISABLED')
    return undefined;
  const logsLink = awsConsoleLink(logs.deepLink) ?? buildConsoleUrl(group.buildArn);
  return {
    identifier: group.identifier,
    buildArn: group.buildArn,
    groupName: logs.groupName,
    streamName: logs.streamName,
    ...(logsLink ? { logsLink } : {}),
  };
}

/**
 * A log line's size in the step log at its longest: LOG_LINE_MAX characters (ASCII) ending in "…"
 * (3 bytes), and the line break.
 */
export const TAIL_LINE_BYTES = LOG_LINE_MAX - 1 + 3 + 1;
/** A tail's group title, end and note on what was left out, with a long console link. */
const TAIL_OVERHEAD_BYTES = 1024;

/**
 * How many lines to read of each of `tails` log tails: log-lines, or fewer when that many lines of
 * each, at their longest, would not fit in `budgetBytes` together (at least 1). What cannot be shown
 * is not read: 500 tails of 1,000 lines of 1 KB are 500 MB; 500 × 6 lines of 500 characters fill 2 MiB.
 */
export function linesPerTail(logLines: number, tails: number, budgetBytes: number): number {
  if (tails <= 0 || budgetBytes === Infinity) return logLines;
  const fit = Math.floor((budgetBytes / tails - TAIL_OVERHEAD_BYTES) / TAIL_LINE_BYTES);
  return Math.max(1, Math.min(logLines, fit));
}

/**
 * The one line that says which of a group's log lines the step log left out, and where the whole log
 * is: `count` lines left out, `shown` shown, `capped` when fewer lines than log-lines were read.
 */
export function logLeftOut(part: {
  identifier: string;
  count: number;
  shown: number;
  capped: boolean;
  link?: string;
  budgetBytes: number;
}): string {
  const { count } = part;
  const what =
    part.shown === 0
      ? 'its log tail is'
      : part.capped
        ? 'earlier log lines are'
        : `the ${count} earlier log line${count === 1 ? ' is' : 's are'}`;
  const where = part.link ?? "on the build's page in the CodeBuild console";
  return `Build group ${part.identifier}: ${what} left out of the step log (it holds at most ${formatMiB(part.budgetBytes)} of build logs); the whole log: ${where}`;
}

/** 2097152 → "2 MiB", to a tenth. */
export const formatMiB = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MiB`;

const count = (report: Report, status: string) => report.testSummary?.statusCounts?.[status] ?? 0;

/** The test reports with failed or errored cases, and which of those statuses to ask for. */
export function failingReports(reports: Report[]): Array<{ arn: string; statuses: string[] }> {
  return reports.flatMap((report) => {
    const statuses = ['FAILED', 'ERROR'].filter((s) => count(report, s) > 0);
    return report.arn && report.type !== 'CODE_COVERAGE' && statuses.length > 0
      ? [{ arn: report.arn, statuses }]
      : [];
  });
}

/** One log line as the summary and the log show it: no colour codes, no carriage-return redraws, cut. */
export function cleanLogLine(line: string): string {
  // A progress bar redraws its line with \r: the terminal shows what comes after the last one.
  const shown =
    line
      .split('\r')
      .filter((part) => part !== '')
      .at(-1) ?? '';
  return cutLine(stripAnsi(shown).trimEnd(), LOG_LINE_MAX);
}

/** A test report's statuses once CodeBuild has counted every case (FAILED: some failed). */
const FINISHED_REPORT = new Set(['SUCCEEDED', 'FAILED']);

export function testTotals(reports: Report[]): TestTotals | undefined {
  const testReports = reports.filter((r) => r.type !== 'CODE_COVERAGE');
  const tests = testReports.filter((r) => r.testSummary);
  // Unfinished reports, with counts or not (an INCOMPLETE one may have none): the counts are short.
  const unfinished = testReports.some(
    (r) => r.status !== undefined && !FINISHED_REPORT.has(r.status),
  );
  const coverage = reports
    .map((r) => r.codeCoverageSummary?.lineCoveragePercentage)
    .filter((p): p is number => typeof p === 'number');
  if (tests.length === 0 && coverage.length === 0 && !unfinished) return undefined;
  const sum = (status: string) => tests.reduce((n, r) => n + count(r, status), 0);
  const totals: TestTotals = {
    total: tests.reduce((n, r) => n + (r.testSummary?.total ?? 0), 0),
    passed: sum('SUCCEEDED'),
    failed: sum('FAILED') + sum('ERROR'),
    skipped: sum('SKIPPED'),
  };
  if (unfinished) totals.incomplete = true;
  // Several coverage reports for one build: their mean (the model gives percentages, not lines, for all).
  if (coverage.length > 0)
    totals.lineCoverage =
      Math.round((coverage.reduce((a, b) => a + b, 0) / coverage.length) * 10) / 10;
  return totals;
}

/** A suite's or test case's name at most: a parametrised test's id can hold its whole input. */
const NAME_MAX = 300;

/** Cut in its middle, its end kept: where a parametrised id says which case it is. */
function shortName(name: string | undefined): string | undefined {
  return name === undefined ? undefined : cutMiddle(name, NAME_MAX, 100);
}

function failingCase(testCase: TestCase): FailingCase {
  const message = oneLine(
    stripAnsi(testCase.message ?? '')
      .trim()
      .split(/\r?\n/)[0] ?? '',
  );
  return {
    suite: shortName(testCase.testSuiteName || testCase.prefix || undefined),
    name: shortName(testCase.name) ?? '(unnamed test)',
    status: testCase.status ?? 'FAILED',
    message: message ? cutLine(message, 300) : undefined,
    durationMs:
      testCase.durationInNanoSeconds === undefined
        ? undefined
        : testCase.durationInNanoSeconds / 1e6,
  };
}

function logView(
  group: BatchOutcome['groups'][number],
  build: Build | undefined,
  evidence: Evidence,
  logLines: number,
): LogView | undefined {
  if (group.status === SUCCEEDED || neverStarted(group, build) || !build || logLines <= 0)
    return undefined;
  const logs = build.logs;
  if (evidence.tails.has(group.identifier)) {
    const tail = evidence.tails.get(group.identifier);
    if (!tail || tail.read === 0) return { kind: 'empty' };
    return {
      kind: 'tail',
      lines: tail.lines.slice(-logLines),
      read: Math.min(tail.read, logLines),
    };
  }
  const cloudWatch = logs?.cloudWatchLogs?.status !== 'DISABLED' && logs?.groupName;
  if (!cloudWatch && (logs?.s3Logs?.status === 'ENABLED' || logs?.s3DeepLink))
    return { kind: 's3', link: awsConsoleLink(logs?.s3DeepLink) };
  if (!cloudWatch && logs) return { kind: 'off' };
  return { kind: 'unread' };
}

const realArtifact = (a: ResolvedArtifact | BuildArtifacts | undefined) =>
  !!a?.location && !/^no_artifacts$/i.test(('type' in a ? a.type : '') ?? '');

/** Each group's artifacts (from its current build), then the batch's combined artifacts. */
export function artifactsOf(batch: BuildBatch): ArtifactLocation[] {
  const out: ArtifactLocation[] = [];
  for (const group of batch.buildGroups ?? []) {
    const summary = group.currentBuildSummary;
    const identifier = group.identifier ?? '';
    for (const artifact of [summary?.primaryArtifact, ...(summary?.secondaryArtifacts ?? [])]) {
      if (!artifact || !realArtifact(artifact)) continue;
      out.push({
        identifier,
        location: artifact.location!,
        type: artifact.type ?? 'UNKNOWN',
        ...(artifact.identifier ? { artifactIdentifier: artifact.identifier } : {}),
      });
    }
  }
  for (const artifact of [batch.artifacts, ...(batch.secondaryArtifacts ?? [])]) {
    if (!artifact || !realArtifact(artifact)) continue;
    out.push({
      identifier: 'batch',
      location: artifact.location!,
      type: /^arn:[a-z-]+:s3:/.test(artifact.location!) ? 'S3' : 'UNKNOWN',
      ...(artifact.artifactIdentifier ? { artifactIdentifier: artifact.artifactIdentifier } : {}),
    });
  }
  return out;
}

/** Builds, logs and reports → what to show per group. Groups whose build was not read get no entry. */
export function diagnose(
  outcome: BatchOutcome,
  batch: BuildBatch,
  evidence: Evidence,
  logLines: number,
): Diagnosis {
  const buildByArn = new Map(evidence.builds.map((b) => [b.arn, b]));
  const reportByArn = new Map(evidence.reports.map((r) => [r.arn, r]));
  const groups = new Map<string, GroupDiagnosis>();
  for (const group of outcome.groups) {
    const build = group.buildArn ? buildByArn.get(group.buildArn) : undefined;
    if (!build) continue;
    const reports = (build.reportArns ?? [])
      .map((arn) => reportByArn.get(arn))
      .filter((r): r is Report => !!r);
    const tests = testTotals(reports);
    const cases = reports.flatMap((r) => evidence.cases.get(r.arn ?? '') ?? []).map(failingCase);
    const listed = cases.slice(0, CASES_PER_GROUP);
    const notRun = neverStarted(group, build);
    const duration = notRun ? undefined : buildDurationMs(build);
    const reason = group.status !== SUCCEEDED ? failureReason(build) : undefined;
    const logsLink = notRun ? undefined : awsConsoleLink(build.logs?.deepLink);
    groups.set(group.identifier, {
      identifier: group.identifier,
      ...(reason ? { reason } : {}),
      ...(duration !== undefined ? { durationMs: duration } : {}),
      ...(logsLink ? { logsLink } : {}),
      log: logView(group, build, evidence, logLines),
      tests,
      failingCases: listed,
      moreCases: Math.max(0, (tests?.failed ?? 0) - listed.length),
      ...(notRun ? { notRun: true as const } : {}),
    });
  }
  return { groups, artifacts: artifactsOf(batch) };
}

/** The test-results output: one object per group with reports. */
export function testResults(diagnosis: Diagnosis): Array<{ identifier: string } & TestTotals> {
  return [...diagnosis.groups.values()].flatMap((g) =>
    g.tests ? [{ identifier: g.identifier, ...g.tests }] : [],
  );
}

export interface Annotation {
  kind: 'error' | 'warning';
  message: string;
  title?: string;
}

/** "Suite › name" for a failing case. */
export function caseName(testCase: FailingCase): string {
  return testCase.suite ? `${testCase.suite} › ${testCase.name}` : testCase.name;
}

/**
 * The annotations for a finished batch, within GitHub's budget of error annotations per step: group
 * failures first, then failing test cases, then groups that did not run because of a failure, then
 * one line saying how many were left out. Failed
 * ignore-failure groups are warnings (their own budget, `warningBudget`, counted the same way).
 * `budget` is what is left for this step's errors (the step's own failure message takes one more).
 */
export function planAnnotations(
  outcome: BatchOutcome,
  diagnosis: Diagnosis | undefined,
  budget: number,
  warningBudget = WARNING_ANNOTATIONS - OWN_WARNINGS,
): Annotation[] {
  const warnings: Annotation[] = [];
  const errors: Annotation[] = [];
  const notRun: Annotation[] = [];
  for (const id of outcome.failedGroups) {
    const group = outcome.groups.find((g) => g.identifier === id)!;
    const reason = diagnosis?.groups.get(id)?.reason;
    if (group.ignoreFailure) {
      warnings.push({
        kind: 'warning',
        message: `Build group ${id} ended ${group.status} (ignore-failure, so the batch does not fail for it)${reason ? `: ${reason}` : ''}`,
        title: `Build group ${id} ${group.status} (ignore-failure)`,
      });
    } else if (group.blockedBy.length > 0) {
      notRun.push({
        kind: 'error',
        message: `Build group ${id} did not run: ${group.blockedBy.join(', ')} failed`,
        title: `Build group ${id} not run`,
      });
    } else if (group.notRun || diagnosis?.groups.get(id)?.notRun) {
      notRun.push({
        kind: 'error',
        message: `Build group ${id} did not run (${group.status} before it started)${reason ? `: ${reason}` : ''}`,
        title: `Build group ${id} not run`,
      });
    } else {
      errors.push({
        kind: 'error',
        message: `Build group ${id} ended ${group.status}${reason ? `: ${reason}` : ''}`,
        title: `Build group ${id} ${group.status}`,
      });
    }
  }
  const cases: Annotation[] = [];
  let unlisted = 0;
  for (const id of outcome.failedGroups) {
    const found = diagnosis?.groups.get(id);
    if (!found) continue;
    unlisted += found.moreCases;
    for (const c of found.failingCases) {
      const duration = c.durationMs === undefined ? '' : ` (${(c.durationMs / 1000).toFixed(2)}s)`;
      cases.push({
        kind: 'error',
        message: `${caseName(c)} ${c.status} in build group ${id}${c.message ? `: ${c.message}` : ''}${duration}`,
        title: `Test ${c.status === 'ERROR' ? 'error' : 'failed'}: ${caseName(c)}`,
      });
    }
  }
  const warned = withinWarnings(warnings, warningBudget);
  // A group that did not run says less than a failing test case: it comes last.
  const all = [...errors, ...cases, ...notRun];
  if (budget <= 0) return warned;
  const fits = all.length + (unlisted > 0 ? 1 : 0) <= budget;
  if (fits && unlisted === 0) return [...all, ...warned];
  const kept = fits ? all : all.slice(0, budget - 1);
  const keptGroups = kept.filter((a) => a.title?.startsWith('Build group')).length;
  const leftGroups = errors.length + notRun.length - keptGroups;
  const leftCases = all.length - kept.length - leftGroups + unlisted;
  const parts = [
    leftGroups > 0 ? `${leftGroups} more build group${leftGroups > 1 ? 's' : ''}` : '',
    leftCases > 0 ? `${leftCases} more failing test case${leftCases > 1 ? 's' : ''}` : '',
  ].filter(Boolean);
  return [
    ...kept,
    {
      kind: 'error',
      message: `${parts.join(' and ')} not annotated (GitHub shows at most ${ERROR_ANNOTATIONS} errors per step): see the job summary.`,
      title: 'More failures',
    },
    ...warned,
  ];
}

/** The ignore-failure warnings that fit `budget`, the last line counting the others. */
function withinWarnings(warnings: Annotation[], budget: number): Annotation[] {
  if (warnings.length <= budget) return warnings;
  if (budget <= 0) return [];
  const left = warnings.length - (budget - 1);
  return [
    ...warnings.slice(0, budget - 1),
    {
      kind: 'warning',
      message: `${left} more failed ignore-failure build groups not annotated (GitHub shows at most ${WARNING_ANNOTATIONS} warnings per step): see the job summary.`,
      title: 'More ignore-failure groups',
    },
  ];
}
