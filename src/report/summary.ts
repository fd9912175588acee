import type { BuildBatch } from '@aws-sdk/client-codebuild';
import {
  caseName,
  type Diagnosis,
  type GroupDiagnosis,
  type LogView,
  type TestTotals,
} from './diagnosis.js';
import { batchConsoleUrl, buildConsoleUrl, s3ConsoleUrl } from './links.js';
import {
  failureBreakdown,
  whyNotRun,
  formatDuration,
  type BatchOutcome,
  type GroupOutcome,
} from './outcome.js';
import { capitalised, escapeHtml, stripAnsi } from './text.js';
import { Outputs } from '../config/names.js';

/** What one RetryBuildBatch call of this step led to. */
export interface AttemptRecord {
  attempt: number;
  /** The batch status this retry ended in; IN_PROGRESS when the step did not wait for it. */
  result: string;
}

export interface SummaryInput {
  outcome: BatchOutcome;
  /** One sentence on what the step did, shown under the title. */
  headline: string;
  attempts: AttemptRecord[];
  /** Why each failed group failed (identifier → reason); by default the diagnosis's. */
  reasons?: ReadonlyMap<string, string>;
  /** How long each group's current build ran (identifier → ms); by default the diagnosis's. */
  durations?: ReadonlyMap<string, number>;
  /** Wall time this step spent. */
  elapsedMs: number;
  /** A caveat shown above the groups table. */
  groupsNote?: string;
  /** Logs, test results and artifacts, when the builds could be read. */
  diagnosis?: Diagnosis;
}

/**
 * How much of the diagnosis a rendering shows: log tails are cut to a byte allowance per group
 * (newest lines kept), failing cases to a count per group. The summary shrinks along these first.
 */
interface Detail {
  tailBytes: number;
  cases: number;
}
const FULL: Detail = { tailBytes: Infinity, cases: Infinity };
const NO_DETAIL: Detail = { tailBytes: 0, cases: 0 };
const COLUMNS = 8;

/** The runner drops summaries above 1 MiB; stay well below, leaving room for other steps' summaries. */
export const SUMMARY_LIMIT_BYTES = 512 * 1024;
/** Above this many groups a graph is unreadable. */
const GRAPH_MAX_NODES = 50;
/**
 * Above this many groups the graph is taller than a screen: it goes after the table, which has the
 * failed groups' reasons, tests and logs.
 */
const GRAPH_FIRST_MAX = 20;

// By status, which is service text: a Map, so that a status named constructor is just unknown.
const MARKERS = new Map([
  ['SUCCEEDED', '✅'],
  ['FAILED', '❌'],
  ['FAULT', '💥'],
  ['TIMED_OUT', '⏱️'],
  ['STOPPED', '⏹️'],
  ['IN_PROGRESS', '🔄'],
  ['PENDING', '⏳'],
  ['CANCELLED', '🚫'],
]);

/** A failed ignore-failure group: not the red of a failure that fails the batch. */
export const IGNORED_MARKER = '⚠️';

export function statusMarker(status: string): string {
  return MARKERS.get(status) ?? '❔';
}

function anchor(text: string, url: string | undefined): string {
  return url ? `<a href="${escapeHtml(url)}">${escapeHtml(text)}</a>` : escapeHtml(text);
}

/** A name up to this long fits a table column as it is. */
const UNBROKEN_NAME_MAX = 20;

/**
 * A group's name for a table cell, escaped by `safe`, with a break opportunity (<wbr>: GitHub keeps
 * it, a copy leaves it out) after each underscore of a long name. A build-matrix name runs to 100
 * characters without a space: unbroken, it pushed every other column out of sight.
 */
export function cellName(name: string, safe: (text: string) => string): string {
  const text = safe(name);
  return name.length > UNBROKEN_NAME_MAX ? text.replace(/_|&#95;/g, '$&<wbr>') : text;
}

function statusCell(group: GroupOutcome, reason: string | undefined, notRun: boolean): string {
  const ignored = group.ignoreFailure && group.status !== 'SUCCEEDED';
  const marker = ignored ? IGNORED_MARKER : statusMarker(group.status);
  const notes = [
    group.blockedBy.length > 0
      ? `not run: ${group.blockedBy.join(', ')} failed`
      : notRun
        ? `not run${reason ? `: ${reason}` : ''}`
        : (reason ?? ''),
    group.flaky ? 'flaky: failed earlier in this batch, then passed' : '',
    ignored ? 'ignore-failure: does not fail the batch' : '',
  ].filter(Boolean);
  return (
    `${marker} ${escapeHtml(group.status)}` +
    notes.map((n) => `<br><sub>${escapeHtml(n)}</sub>`).join('')
  );
}

/**
 * Builds that never started are no attempts: a group whose builds were all stopped before they
 * started shows "not run", not a count, wherever its attempts are shown.
 */
export function neverRan(group: GroupOutcome, found?: { notRun?: true }): boolean {
  return (group.notRun || found?.notRun === true) && !group.ranBefore;
}

/** "412 passed · 3 failed · 1 skipped · 87.5% lines", and "report incomplete" when counts may be short. */
export function testsCell(tests: TestTotals | undefined): string {
  if (!tests) return '';
  const parts = [
    // No counts at all, only a coverage or an unfinished report: no "0 passed".
    tests.total > 0 || (tests.lineCoverage === undefined && !tests.incomplete)
      ? `${tests.passed} passed`
      : '',
    tests.failed > 0 ? `${tests.failed} failed` : '',
    tests.skipped > 0 ? `${tests.skipped} skipped` : '',
    tests.lineCoverage === undefined ? '' : `${tests.lineCoverage}% lines`,
    tests.incomplete ? 'report incomplete' : '',
  ].filter(Boolean);
  return parts.join(' · ');
}

/**
 * Groups named in a Depends on cell; the rest are counted. A group after a fan-out depends on every
 * shard: 118 names made the column half the table wide, and squeezed Status in every row.
 */
const DEPENDS_ON_NAMED = 5;

/** The first `max` names, each in <code> as `render` writes it, then how many more there are. */
function someNames(
  names: readonly string[],
  max: number,
  render: (name: string) => string,
  separator: string,
): string {
  const shown = names.slice(0, max).map((name) => `<code>${render(name)}</code>`);
  const more = names.length - shown.length;
  return shown.join(separator) + (more > 0 ? ` and ${more} more` : '');
}

function dependsOnCell(dependsOn: readonly string[]): string {
  return someNames(dependsOn, DEPENDS_ON_NAMED, (d) => cellName(d, escapeHtml), ' ');
}

function groupRow(group: GroupOutcome, input: SummaryInput, withLinks: boolean): string {
  const found = input.diagnosis?.groups.get(group.identifier);
  const reason = input.reasons?.get(group.identifier) ?? found?.reason;
  const notRun = group.notRun || found?.notRun === true;
  const duration = notRun
    ? undefined
    : (input.durations?.get(group.identifier) ?? found?.durationMs);
  const links = withLinks
    ? [
        group.buildArn ? anchor('build', buildConsoleUrl(group.buildArn)) : '',
        found?.logsLink ? anchor('logs', found.logsLink) : '',
      ].filter(Boolean)
    : [];
  const cells = [
    `<code>${cellName(group.identifier, escapeHtml)}</code>`,
    statusCell(group, reason, notRun),
    neverRan(group, found) ? 'not run' : String(group.attempts),
    duration === undefined ? '—' : formatDuration(duration),
    escapeHtml(testsCell(found?.tests)),
    dependsOnCell(group.dependsOn),
    group.ignoreFailure ? 'yes' : '',
    links.join(' · '),
  ];
  return `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
}

/** "last log line", "last 30 log lines" */
export function lastLines(count: number): string {
  return count === 1 ? 'last log line' : `last ${count} log lines`;
}

/** A log line inside <pre>: escaped, and never blank (a blank line would end the HTML block). */
const preLine = (line: string) => escapeHtml(line).replace(/^\s*$/, '&#160;');

/**
 * A tail's lines escaped for <pre>, with their sizes (line break included), computed once per tail:
 * a summary too large to hold every tail tries several shares of them.
 */
const escapedTails = new WeakMap<string[], { html: string[]; bytes: number[] }>();
function escapedTail(lines: string[]): { html: string[]; bytes: number[] } {
  let escaped = escapedTails.get(lines);
  if (!escaped) {
    const html = lines.map(preLine);
    escaped = { html, bytes: html.map((line) => Buffer.byteLength(line) + 1) };
    escapedTails.set(lines, escaped);
  }
  return escaped;
}

/** The newest lines of a tail that fit in `bytes`, escaped (all of them when bytes is Infinity). */
function fitTail(lines: string[], bytes: number): string[] {
  const { html, bytes: sizes } = escapedTail(lines);
  if (bytes === Infinity) return html;
  let used = 0;
  let start = html.length;
  while (start > 0 && used + sizes[start - 1]! <= bytes) {
    used += sizes[start - 1]!;
    start -= 1;
  }
  return html.slice(start);
}

function logPart(found: GroupDiagnosis, detail: Detail): string {
  const log = found.log;
  switch (log?.kind) {
    case 'tail': {
      // Lines read beyond those kept (kept-tails.ts) are left out to fit the summary too.
      const shown = fitTail(log.lines, detail.tailBytes);
      if (shown.length === 0)
        return `<p><em>The log tail (${log.read} lines) is left out to keep the summary under GitHub's size limit.</em></p>`;
      const cut =
        shown.length < log.read
          ? ` (${log.read - shown.length} earlier lines left out to fit the summary)`
          : '';
      return `<details><summary>${capitalised(lastLines(shown.length))}${cut}</summary>\n<pre>${shown.join('\n')}</pre>\n</details>`;
    }
    default:
      return logElsewhere(log, anchor);
  }
}

/**
 * A group's log when there is no tail to show (S3 only, off, empty), as the summary and the check
 * runs say it; `link` makes the S3 console link in the escaping of the place it goes.
 */
export function logElsewhere(
  log: LogView | undefined,
  link: (text: string, url: string) => string,
): string {
  switch (log?.kind) {
    case 's3':
      return `<p>The log is in S3 only${log.link ? `: ${link('open it in the S3 console', log.link)}` : ''}.</p>`;
    case 'off':
      return '<p>This build kept no log: CloudWatch Logs and S3 logs are off for the project.</p>';
    case 'empty':
      return '<p>The build wrote no log lines.</p>';
    default:
      return '';
  }
}

function casesPart(found: GroupDiagnosis, detail: Detail): string {
  const listed = found.failingCases.slice(0, detail.cases);
  const more = found.moreCases + found.failingCases.length - listed.length;
  if (listed.length === 0 && more === 0) return '';
  if (listed.length === 0)
    return `<p>${more} failing test case${more > 1 ? 's' : ''}: see the build's test report.</p>`;
  const items = listed.map((c) => {
    const duration = c.durationMs === undefined ? '' : ` (${formatDuration(c.durationMs)})`;
    const status = c.status === 'FAILED' ? '' : ` ${escapeHtml(c.status)}`;
    return `<li><code>${escapeHtml(caseName(c))}</code>${status}${c.message ? `: ${escapeHtml(c.message)}` : ''}${duration}</li>`;
  });
  const tail =
    more > 0 ? `<li>… and ${more} more failing test case${more > 1 ? 's' : ''}</li>` : '';
  return `<ul>${items.join('')}${tail}</ul>`;
}

/**
 * Parts of one rendering that do not change with the share of the log tails, made once: a summary
 * that must shrink is measured several times.
 */
interface Memo {
  rows: Map<GroupOutcome, string>;
  cases: Map<string, string>;
}
const newMemo = (): Memo => ({ rows: new Map(), cases: new Map() });
function remembered<K>(map: Map<K, string>, key: K, make: () => string): string {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = make()));
  return value;
}

/** The row under a group's row: its failing test cases and its log tail, or nothing. */
function detailRow(
  group: GroupOutcome,
  input: SummaryInput,
  detail: Detail,
  memo = newMemo(),
): string {
  const found = input.diagnosis?.groups.get(group.identifier);
  if (!found) return '';
  const cases = remembered(memo.cases, `${detail.cases}\n${group.identifier}`, () =>
    casesPart(found, detail),
  );
  const parts = [cases, logPart(found, detail)].filter(Boolean);
  if (parts.length === 0) return '';
  return `<tr><td colspan="${COLUMNS}">\n${parts.join('\n')}\n</td></tr>`;
}

/**
 * The table's lines, one at a time: a rendering is measured line by line, each line dropped once
 * counted, and joined only when it fits.
 */
function* tableLines(
  rows: GroupOutcome[],
  input: SummaryInput,
  withLinks: boolean,
  detail: Detail = NO_DETAIL,
  memo = newMemo(),
): Generator<string> {
  const head = [
    'Build group',
    'Status',
    'Attempts',
    'Duration',
    'Tests',
    'Depends on',
    'Ignore failure',
    'Build',
  ];
  yield '<table>';
  yield `<tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr>`;
  for (const g of rows) {
    yield withLinks
      ? remembered(memo.rows, g, () => groupRow(g, input, true))
      : groupRow(g, input, false);
    const details = detailRow(g, input, detail, memo);
    if (details) yield details;
  }
  yield '</table>';
}

const groupTable = (...args: Parameters<typeof tableLines>) => [...tableLines(...args)].join('\n');

/** The groups' and the batch's artifacts, linked to the S3 console. */
function artifactsSection(input: SummaryInput): string | undefined {
  const artifacts = input.diagnosis?.artifacts ?? [];
  if (artifacts.length === 0) return undefined;
  const items = artifacts.map((a) => {
    const who =
      a.identifier === 'batch'
        ? 'the batch (combined)'
        : `<code>${escapeHtml(a.identifier)}</code>`;
    const name = a.artifactIdentifier ? ` <code>${escapeHtml(a.artifactIdentifier)}</code>` : '';
    return `<li>${who}${name}: ${anchor(a.location, s3ConsoleUrl(a.location))}</li>`;
  });
  return `<h3>Artifacts</h3>\n<ul>\n${items.join('\n')}\n</ul>`;
}

// Looked up by status (service text) too: a Map.
const GRAPH_CLASSES = new Map([
  ['SUCCEEDED', 'fill:#dafbe1,stroke:#1a7f37,color:#1f2328'],
  ['FAILED', 'fill:#ffebe9,stroke:#cf222e,color:#1f2328'],
  ['FAULT', 'fill:#ffebe9,stroke:#cf222e,color:#1f2328'],
  ['TIMED_OUT', 'fill:#fff8c5,stroke:#9a6700,color:#1f2328'],
  ['STOPPED', 'fill:#eaeef2,stroke:#656d76,color:#1f2328'],
  // Still running when the step was cancelled or timed out: not drawn as running in a final summary.
  ['CANCELLED', 'fill:#eaeef2,stroke:#656d76,color:#1f2328'],
  ['RUNNING', 'fill:#ddf4ff,stroke:#0969da,color:#1f2328'],
  // Failed but ignore-failure: not the red of a failure that fails the batch.
  ['IGNORED', 'fill:#fff1e5,stroke:#bc4c00,stroke-dasharray:5,color:#1f2328'],
  ['FLAKY', 'fill:#dafbe1,stroke:#bf8700,stroke-width:3px,color:#1f2328'],
  ['NOT_RUN', 'fill:#f6f8fa,stroke:#8c959f,stroke-dasharray:5,color:#656d76'],
]);

/** Statuses of a group not (yet) ended: drawn as running. */
const UNFINISHED = new Set(['IN_PROGRESS', 'PENDING']);

/**
 * A status of its own class, else running; but a status the action does not know (newer than it) in
 * a batch that has ended is drawn as failed: the failure sentence counts that group as failed.
 */
function graphClass(group: GroupOutcome, complete: boolean): string {
  if (group.notRun) return 'NOT_RUN';
  if (group.ignoreFailure && group.status !== 'SUCCEEDED') return 'IGNORED';
  if (group.flaky) return 'FLAKY';
  const status = group.status;
  if (GRAPH_CLASSES.has(status) && status !== 'RUNNING' && status !== 'IGNORED') return status;
  return complete && !UNFINISHED.has(status) ? 'FAILED' : 'RUNNING';
}

function graphLabel(group: GroupOutcome): string {
  if (group.notRun) return `${group.identifier} not run`;
  if (group.ignoreFailure && group.status !== 'SUCCEEDED')
    return `${group.identifier} ${group.status} ignored`;
  return `${group.identifier} ${group.status}${group.flaky ? ' flaky' : ''}`;
}

/**
 * Mermaid label text, cleaned as all service text (stripAnsi): anything but plain characters then
 * becomes an entity code Mermaid understands. "_", "." and "-" too: Mermaid reads Markdown in a
 * label, and drew __proto__ as a bold "proto", "1." or "-" as "Unsupported markdown: list".
 */
function mermaidLabel(text: string): string {
  // By code point (u): an entity for each UTF-16 half of an emoji is drawn as "��".
  return stripAnsi(text).replace(/[^A-Za-z0-9 ]/gu, (c) => `#${c.codePointAt(0)};`);
}

// One legend entry per style drawn, in the words a reader needs (the boxes also say their status).
const GRAPH_LEGEND = new Map([
  ['SUCCEEDED', 'green: succeeded'],
  ['FLAKY', 'thick amber border: flaky (succeeded after failing)'],
  ['FAILED', 'red: failed'],
  ['FAULT', 'red: failed'],
  ['TIMED_OUT', 'yellow: timed out'],
  ['STOPPED', 'grey: stopped'],
  ['CANCELLED', 'grey: cancelled (still running when the step stopped waiting)'],
  ['RUNNING', 'blue: running'],
  ['IGNORED', 'dashed orange: failed, ignore-failure (does not fail the batch)'],
  ['NOT_RUN', 'dashed grey: not run'],
]);

/** CodeBuild's synthetic group that fetches the source the others build. */
const SOURCE_GROUP = 'DOWNLOAD_SOURCE';

/**
 * A Mermaid flowchart of the groups and their dependsOn edges, with a one-line legend; undefined when
 * it would not help. DOWNLOAD_SOURCE gets a dotted arrow to each group that depends on no other: left
 * unconnected, the layout put it beside the first groups and drew their edges under its box.
 */
export function renderGraph(groups: GroupOutcome[], complete = false): string | undefined {
  const ids = new Map(groups.map((g, i) => [g.identifier, `g${i}`]));
  const edges = groups.flatMap((g) =>
    g.dependsOn
      .filter((d) => ids.has(d))
      .map((d) => `  ${ids.get(d)} --> ${ids.get(g.identifier)}`),
  );
  if (edges.length === 0 || groups.length > GRAPH_MAX_NODES) return undefined;
  const source = ids.get(SOURCE_GROUP);
  const fromSource = source
    ? groups
        .filter((g) => g.identifier !== SOURCE_GROUP && g.dependsOn.every((d) => !ids.has(d)))
        .map((g) => `  ${source} -.-> ${ids.get(g.identifier)}`)
    : [];
  const nodes = groups.map(
    (g) =>
      `  ${ids.get(g.identifier)}["${mermaidLabel(graphLabel(g))}"]:::${graphClass(g, complete)}`,
  );
  const used = new Set(groups.map((g) => graphClass(g, complete)));
  const classes = [...used].map((name) => `  classDef ${name} ${GRAPH_CLASSES.get(name)}`);
  const legend = [
    ...new Set([...GRAPH_LEGEND].filter(([name]) => used.has(name)).map(([, words]) => words)),
    'an arrow points from a group to the groups that depend on it' +
      (fromSource.length > 0 ? ` (dotted from ${SOURCE_GROUP}, which fetches the source)` : ''),
  ];
  return [
    '```mermaid',
    'flowchart LR',
    ...classes,
    ...nodes,
    ...fromSource,
    ...edges,
    '```',
    `<p><sub>${legend.join(' · ')}.</sub></p>`,
  ].join('\n');
}

/** Groups named on the line that says what failed; the table below shows every one. */
const NAMED_MAX = 10;

/**
 * What failed, as the step's failure sentence splits it, on one line under the headline: it is what
 * a person looks for first, and with many groups the graph and the table push it off the screen.
 * Empty for a batch that succeeded or has not ended. `safe` escapes a name for the page it is on.
 */
export function whatFailed(outcome: BatchOutcome, safe: (text: string) => string): string {
  if (!outcome.complete || outcome.status === 'SUCCEEDED') return '';
  const { failed, notRun, ignored } = failureBreakdown(outcome);
  // As the failure sentence: only groups a failed one blocked are "as a result".
  const { blocked, neverStarted } = whyNotRun(outcome, notRun);
  const parts: Array<[string, string[]]> = [
    ['Failed', failed],
    ['not run as a result', blocked],
    ['never started', neverStarted],
    ['failed, but ignore-failure', ignored],
  ];
  const shown = parts
    .filter(([, ids]) => ids.length > 0)
    .map(([label, ids], i) => {
      const named = i === 0 ? capitalised(label) : label;
      return `<strong>${named}:</strong> ${someNames(ids, NAMED_MAX, safe, ', ')}`;
    });
  return shown.length > 0 ? `<p>${shown.join(' · ')}</p>` : '';
}

function header(input: SummaryInput): string {
  const { outcome } = input;
  const title = `${statusMarker(outcome.status)} CodeBuild batch ${anchor(outcome.id, batchConsoleUrl(outcome.arn))}: ${escapeHtml(outcome.status)}`;
  const facts = [
    `Project <code>${escapeHtml(outcome.projectName ?? outcome.id.split(':')[0] ?? '')}</code>`,
    outcome.number === undefined ? undefined : `batch #${outcome.number}`,
    `retries by this step: ${input.attempts.length}` +
      (input.attempts.length > 0
        ? ` (${input.attempts.map((a) => `#${a.attempt} → ${statusMarker(a.result)} ${escapeHtml(a.result)}`).join(', ')})`
        : ''),
    `step time ${formatDuration(input.elapsedMs)}`,
  ].filter(Boolean);
  return [
    `<h2>${title}</h2>`,
    `<p>${escapeHtml(input.headline)}</p>`,
    whatFailed(outcome, escapeHtml),
    `<p>${facts.join(' · ')}</p>`,
    ...(input.groupsNote ? [`<p><em>${escapeHtml(input.groupsNote)}</em></p>`] : []),
  ]
    .filter(Boolean)
    .join('\n');
}

/**
 * The job summary, as Markdown with HTML. Everything that came from the service or a build is escaped.
 * When the full rendering would be too large, it shrinks: log tails first (newest lines kept), then
 * failing test cases; only then the graph and links, then the succeeded rows, then a cut with a count —
 * never failing.
 */
export function renderSummary(input: SummaryInput, limitBytes = SUMMARY_LIMIT_BYTES): string {
  return summaryParts(input, limitBytes).join('');
}

/**
 * renderSummary's text as its parts in order, for a writer that appends them one by one: a summary
 * of up to SUMMARY_LIMIT_BYTES is never built as one string (nor flattened, to be measured or written).
 */
export function summaryParts(input: SummaryInput, limitBytes = SUMMARY_LIMIT_BYTES): string[] {
  const groups = input.outcome.groups;
  const notSucceeded = groups.filter((g) => g.status !== 'SUCCEEDED');
  const head = header(input);
  const graph = renderGraph(groups, input.outcome.complete);
  const artifacts = artifactsSection(input);
  const size = (text: string) => Buffer.byteLength(text);
  // A full rendering is measured line by line, each line dropped once counted, and its parts kept
  // only when it fits: trying several shares of the log tails builds no document per try.
  const memo = newMemo();
  const graphFirst = groups.length <= GRAPH_FIRST_MAX;
  const full = function* (detail: Detail): Generator<string> {
    yield head;
    if (graph && graphFirst) yield `\n\n${graph}`;
    yield '\n\n';
    let first = true;
    for (const line of tableLines(groups, input, true, detail, memo)) {
      yield first ? line : `\n${line}`;
      first = false;
    }
    if (graph && !graphFirst) yield `\n\n${graph}`;
    if (artifacts) yield `\n\n${artifacts}`;
    yield '\n';
  };
  const measure = (detail: Detail) => {
    let bytes = 0;
    for (const part of full(detail)) bytes += size(part);
    return bytes;
  };
  const fitting = (detail: Detail) =>
    measure(detail) <= limitBytes ? [...full(detail)] : undefined;
  const whole = (text: string) => (size(text) <= limitBytes ? [text] : undefined);

  // Log tails share what is left once everything else is in, the newest lines of each kept.
  const tailLines = [...(input.diagnosis?.groups.values() ?? [])].flatMap((g) =>
    g.log?.kind === 'tail' ? [g.log.lines] : [],
  );
  const tails = tailLines.length;
  // Tails that alone exceed the limit are never rendered whole (up to 1000 lines × 500 characters each).
  const rawTailBytes = tailLines.reduce(
    (n, lines) => n + lines.reduce((m, l) => m + l.length, 0),
    0,
  );
  if (rawTailBytes <= limitBytes) {
    const first = fitting(FULL);
    if (first) return first;
  }
  const withoutTails = measure({ tailBytes: 0, cases: Infinity });
  if (withoutTails <= limitBytes && tails > 0) {
    // Each tail's wrapper (details, summary, note) costs a few hundred bytes beyond its lines.
    let share = Math.floor((limitBytes - withoutTails) / tails) - 400;
    while (share > 0) {
      const parts = fitting({ tailBytes: share, cases: Infinity });
      if (parts) return parts;
      share = Math.floor(share / 2);
    }
  }
  for (const cases of [5, 1, 0]) {
    const parts = fitting({ tailBytes: 0, cases });
    if (parts) return parts;
  }
  const candidates = [
    () => [head, groupTable(groups, input, false)],
    () => [
      head,
      `<p>${groups.length - notSucceeded.length} of ${groups.length} build groups succeeded; the others:</p>`,
      groupTable(notSucceeded, input, false),
    ],
  ];
  for (const candidate of candidates) {
    const parts = whole(`${candidate().filter(Boolean).join('\n\n')}\n`);
    if (parts) return parts;
  }
  // Still too large: keep as many rows as fit, and say how many were left out.
  const cut = (rows: number) =>
    `${head}\n\n${groupTable(notSucceeded.slice(0, rows), input, false)}\n\n<p>… and ${notSucceeded.length - rows} more build groups that did not succeed (see the ${Outputs.BuildGroups} output).</p>\n`;
  let rows = Math.floor(notSucceeded.length / 2);
  while (rows > 0 && size(cut(rows)) > limitBytes) rows = Math.floor(rows / 2);
  return [cut(rows)];
}

/** What the step was asked to do: start a batch (start-batch) or retry one. */
export type StepMode = 'start' | 'retry';

/**
 * The summary of a step that failed before it could read the batch: the sentence it failed with,
 * under a heading that names what the step was asked to do.
 */
export function renderFailure(sentence: string, elapsedMs: number, mode: StepMode): string {
  return `<h2>❌ CodeBuild batch ${mode} failed</h2>\n<p>${escapeHtml(sentence)}</p>\n<p>step time ${formatDuration(elapsedMs)}</p>\n`;
}

/** A commit as people write it (7 characters); a branch, tag or pr/N as it is. */
function shortVersion(version: string): string {
  return /^[0-9a-f]{40}$/i.test(version) ? version.slice(0, 7) : version;
}

/**
 * The headline of a start-batch step: "Started batch #N for <short sha>, retried k times, ended
 * STATUS.", or "Followed batch #N … (started by another step with the same request), …" when the
 * start found the batch another step (a matrix leg with the same request) had started.
 */
export function startedHeadline(batch: BuildBatch, retries: number, followed = false): string {
  const version = batch.resolvedSourceVersion || batch.sourceVersion;
  const retried = retries === 0 ? 'not retried' : `retried ${times(retries)}`;
  const how = followed ? 'Followed' : 'Started';
  const whose = followed ? ' (started by another step with the same request)' : '';
  return `${how} batch #${batch.buildBatchNumber ?? '?'} for ${version ? shortVersion(version) : "the project's source version"}${whose}, ${retried}, ended ${batch.buildBatchStatus ?? 'UNKNOWN'}.`;
}

/** The headline of a step that retried a batch it found: "Retried once (RETRY_FAILED_BUILDS); …". */
export function retriedHeadline(batch: BuildBatch, retries: number, retryType: string): string {
  return `Retried ${times(retries)} (${retryType}); the batch ended ${batch.buildBatchStatus ?? 'UNKNOWN'}.`;
}

const times = (count: number) => (count === 1 ? 'once' : `${count} times`);

/** The summary of a step that found nothing to retry and no batch to show. */
export function renderNothing(sentence: string, elapsedMs: number): string {
  return `<h2>✅ CodeBuild batch retry: nothing to retry</h2>\n<p>${escapeHtml(sentence)}</p>\n<p>step time ${formatDuration(elapsedMs)}</p>\n`;
}
