import type { BuildBatch } from '@aws-sdk/client-codebuild';
import { batchConsoleUrl, buildConsoleUrl } from './links.js';
import { formatDuration, type BatchOutcome, type GroupOutcome } from './outcome.js';
import { escapeHtml } from './text.js';

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
  /** Why each failed group failed (identifier → reason), when the builds could be read. */
  reasons?: Record<string, string>;
  /** How long each group's current build ran (identifier → ms). */
  durations?: Record<string, number>;
  /** Wall time this step spent. */
  elapsedMs: number;
  /** A caveat shown above the groups table. */
  groupsNote?: string;
}

/** The runner drops summaries above 1 MiB; stay well below, leaving room for other steps' summaries. */
export const SUMMARY_LIMIT_BYTES = 512 * 1024;
/** Above this many groups a graph is unreadable. */
export const GRAPH_MAX_NODES = 50;

const MARKERS: Record<string, string> = {
  SUCCEEDED: '✅',
  FAILED: '❌',
  FAULT: '💥',
  TIMED_OUT: '⏱️',
  STOPPED: '⏹️',
  IN_PROGRESS: '🔄',
  PENDING: '⏳',
  CANCELLED: '🚫',
};

export function statusMarker(status: string): string {
  return MARKERS[status] ?? '❔';
}

function anchor(text: string, url: string | undefined): string {
  return url ? `<a href="${escapeHtml(url)}">${escapeHtml(text)}</a>` : escapeHtml(text);
}

function groupRow(group: GroupOutcome, input: SummaryInput, withLinks: boolean): string {
  const reason = input.reasons?.[group.identifier];
  const duration = input.durations?.[group.identifier];
  const cells = [
    `<code>${escapeHtml(group.identifier)}</code>`,
    `${statusMarker(group.status)} ${escapeHtml(group.status)}` +
      (reason ? `<br><sub>${escapeHtml(reason)}</sub>` : ''),
    String(group.attempts),
    duration === undefined ? '' : formatDuration(duration),
    group.dependsOn.map((d) => `<code>${escapeHtml(d)}</code>`).join(' '),
    group.ignoreFailure ? 'yes' : '',
    withLinks && group.buildArn ? anchor('build', buildConsoleUrl(group.buildArn)) : '',
  ];
  return `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
}

function groupTable(rows: GroupOutcome[], input: SummaryInput, withLinks: boolean): string {
  const head = [
    'Build group',
    'Status',
    'Attempts',
    'Duration',
    'Depends on',
    'Ignore failure',
    'Build',
  ];
  return [
    '<table>',
    `<tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr>`,
    ...rows.map((g) => groupRow(g, input, withLinks)),
    '</table>',
  ].join('\n');
}

const GRAPH_CLASSES: Record<string, string> = {
  SUCCEEDED: 'fill:#dafbe1,stroke:#1a7f37,color:#1f2328',
  FAILED: 'fill:#ffebe9,stroke:#cf222e,color:#1f2328',
  FAULT: 'fill:#ffebe9,stroke:#cf222e,color:#1f2328',
  TIMED_OUT: 'fill:#fff8c5,stroke:#9a6700,color:#1f2328',
  STOPPED: 'fill:#eaeef2,stroke:#656d76,color:#1f2328',
  RUNNING: 'fill:#ddf4ff,stroke:#0969da,color:#1f2328',
};

function graphClass(status: string): string {
  return status in GRAPH_CLASSES && status !== 'RUNNING' ? status : 'RUNNING';
}

/** Mermaid label text: anything but plain characters becomes an entity code Mermaid understands. */
function mermaidLabel(text: string): string {
  return text.replace(/[^A-Za-z0-9 _.-]/g, (c) => `#${c.codePointAt(0)};`);
}

/** A Mermaid flowchart of the groups and their dependsOn edges; undefined when it would not help. */
export function renderGraph(groups: GroupOutcome[]): string | undefined {
  const ids = new Map(groups.map((g, i) => [g.identifier, `g${i}`]));
  const edges = groups.flatMap((g) =>
    g.dependsOn
      .filter((d) => ids.has(d))
      .map((d) => `  ${ids.get(d)} --> ${ids.get(g.identifier)}`),
  );
  if (edges.length === 0 || groups.length > GRAPH_MAX_NODES) return undefined;
  const nodes = groups.map(
    (g) =>
      `  ${ids.get(g.identifier)}["${mermaidLabel(`${g.identifier} ${g.status}`)}"]:::${graphClass(g.status)}`,
  );
  const used = new Set(groups.map((g) => graphClass(g.status)));
  const classes = [...used].map((name) => `  classDef ${name} ${GRAPH_CLASSES[name]}`);
  return ['```mermaid', 'flowchart LR', ...classes, ...nodes, ...edges, '```'].join('\n');
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
    `<p>${facts.join(' · ')}</p>`,
    ...(input.groupsNote ? [`<p><em>${escapeHtml(input.groupsNote)}</em></p>`] : []),
  ].join('\n');
}

/**
 * The job summary, as Markdown with HTML. Everything that came from the service is escaped. When the
 * full rendering would be too large, it degrades: first without the graph and links, then listing only
 * the groups that did not succeed, then cutting rows — never failing.
 */
export function renderSummary(input: SummaryInput, limitBytes = SUMMARY_LIMIT_BYTES): string {
  const groups = input.outcome.groups;
  const notSucceeded = groups.filter((g) => g.status !== 'SUCCEEDED');
  const graph = renderGraph(groups);
  const candidates = [
    () => [header(input), graph, groupTable(groups, input, true)],
    () => [header(input), groupTable(groups, input, false)],
    () => [
      header(input),
      `<p>${groups.length - notSucceeded.length} of ${groups.length} build groups succeeded; the others:</p>`,
      groupTable(notSucceeded, input, false),
    ],
  ];
  for (const candidate of candidates) {
    const text = `${candidate().filter(Boolean).join('\n\n')}\n`;
    if (Buffer.byteLength(text) <= limitBytes) return text;
  }
  // Still too large: keep as many rows as fit, and say how many were left out.
  const head = header(input);
  const cut = (rows: number) =>
    `${head}\n\n${groupTable(notSucceeded.slice(0, rows), input, false)}\n\n<p>… and ${notSucceeded.length - rows} more build groups that did not succeed (see the build-groups output).</p>\n`;
  let rows = Math.floor(notSucceeded.length / 2);
  while (rows > 0 && Buffer.byteLength(cut(rows)) > limitBytes) rows = Math.floor(rows / 2);
  return cut(rows);
}

/** The summary of a step that failed before it could read the batch: the sentence it failed with. */
export function renderFailure(sentence: string, elapsedMs: number): string {
  return `<h2>❌ CodeBuild batch retry failed</h2>\n<p>${escapeHtml(sentence)}</p>\n<p>step time ${formatDuration(elapsedMs)}</p>\n`;
}

/** A commit as people write it (7 characters); a branch, tag or pr/N as it is. */
function shortVersion(version: string): string {
  return /^[0-9a-f]{40}$/i.test(version) ? version.slice(0, 7) : version;
}

/** The headline of a start-batch step: "Started batch #N for <short sha>, retried k times, ended STATUS." */
export function startedHeadline(batch: BuildBatch, retries: number): string {
  const version = batch.resolvedSourceVersion || batch.sourceVersion;
  const retried =
    retries === 0 ? 'not retried' : retries === 1 ? 'retried once' : `retried ${retries} times`;
  return `Started batch #${batch.buildBatchNumber ?? '?'} for ${version ? shortVersion(version) : "the project's source version"}, ${retried}, ended ${batch.buildBatchStatus ?? 'UNKNOWN'}.`;
}
