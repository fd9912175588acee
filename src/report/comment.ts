import type { getOctokit } from '@actions/github';
import type { PrComment } from '../config/github-inputs.js';
import type { Diagnosis } from './diagnosis.js';
import { batchConsoleUrl } from './links.js';
import type { BatchOutcome, GroupOutcome } from './outcome.js';
import {
  cellName,
  IGNORED_MARKER,
  neverRan,
  statusMarker,
  testsCell,
  whatFailed,
} from './summary.js';
import { githubAnchor as anchor, githubSafe } from './text.js';

/**
 * The pull request's comment: one per pull request and target, found again by a hidden marker, and
 * edited in place by later attempts and runs. Pure: github/comment.ts lists, creates and edits.
 */

type Rest = ReturnType<typeof getOctokit>['rest'];
/** An issue comment as the REST API lists it. */
export type IssueComment = Awaited<ReturnType<Rest['issues']['listComments']>>['data'][number];

/** A comment body may hold 65,536 characters. */
export const COMMENT_MAX_CHARS = 65_536;

/** The target a comment reports on: a project in a job, and check-name when it is set. */
export interface CommentKey {
  project: string;
  job: string;
  /** check-name, when set: matrix legs that report different batches each give their own. */
  name?: string;
  /** Only for a comment of its own beside another leg's (see siblingBatch). */
  batch?: string;
}

/**
 * The hidden first line that finds this comment again: the key's parts, percent-encoded so that
 * nothing in them can end the HTML comment early. A key without name or batch reads as before
 * those existed, so comments of earlier versions are found again.
 */
export function commentMarker(key: CommentKey): string {
  const parts = [
    `project=${encodeURIComponent(key.project)}`,
    `job=${encodeURIComponent(key.job)}`,
  ];
  if (key.name !== undefined) parts.push(`name=${encodeURIComponent(key.name)}`);
  if (key.batch !== undefined) parts.push(`batch=${encodeURIComponent(key.batch)}`);
  return `<!-- codebuild-batch-retry ${parts.join(' ')} -->`;
}

/** The step that wrote a comment: its run attempt (the run's page) and the batch it reported. */
export interface CommentWriter {
  run: string;
  batch: string;
}

const WRITER = /^<!-- codebuild-batch-retry-writer run=(\S+) batch=(\S+) -->$/m;

/** The hidden second line: who wrote the comment, for the next step that finds it. */
export function writerLine(writer: CommentWriter): string {
  return `<!-- codebuild-batch-retry-writer run=${encodeURIComponent(writer.run)} batch=${encodeURIComponent(writer.batch)} -->`;
}

/**
 * The batch another step of this same run attempt reported in this comment: a leg of a matrix whose
 * legs report different batches under one key. Its comment is not this step's to overwrite (a green
 * leg would hide a red one). Undefined when this step, or an earlier run attempt, wrote it.
 */
export function siblingBatch(body: string, writer: CommentWriter): string | undefined {
  const found = writerOf(body);
  return found?.run === writer.run && found.batch !== writer.batch ? found.batch : undefined;
}

/** The writer a comment or check run summary names in its writer line, if it has one. */
export function writerOf(body: string): CommentWriter | undefined {
  const found = WRITER.exec(body);
  if (!found) return undefined;
  const [run, batch] = [found[1]!, found[2]!].map((part) => {
    try {
      return decodeURIComponent(part);
    } catch {
      return part;
    }
  });
  return { run: run!, batch: batch! };
}

/**
 * Whether a listed comment is this target's: its body begins with the marker, and a bot wrote it (the
 * job's token writes as github-actions[bot], an app's as its own bot). A person's comment that
 * quotes the marker is left alone.
 */
export function isOurComment(
  comment: Pick<IssueComment, 'body' | 'user'>,
  marker: string,
): boolean {
  const body = comment.body ?? '';
  // GitHub's web editor saves line ends as CRLF: a comment a maintainer edited is still ours.
  return (
    comment.user?.type === 'Bot' &&
    body.startsWith(marker) &&
    /^\r?\n/.test(body.slice(marker.length))
  );
}

/**
 * What to do with the comment: with `always`, write it; with `failure`, write it for a batch that did
 * not succeed, and for one that did only edit a comment already there, to say it is green now.
 */
export function commentAction(
  mode: PrComment,
  succeeded: boolean,
  existing: boolean,
): 'create' | 'update' | 'none' {
  if (mode === 'never' || (mode === 'failure' && succeeded && !existing)) return 'none';
  return existing ? 'update' : 'create';
}

export interface CommentInput {
  marker: string;
  /** Who writes it: said in the body, so that another leg of this run attempt can tell. */
  writer?: CommentWriter;
  outcome: BatchOutcome;
  /** The step's headline, as the summary shows it. */
  headline: string;
  /** A caveat about the group statuses, as the summary shows it. */
  groupsNote?: string;
  diagnosis?: Diagnosis;
  /** This run's page, where its job summary is (GITHUB_SERVER_URL/owner/repo/actions/runs/ID/attempts/N). */
  runUrl?: string;
  /** The comment said the batch was red, and now it is green (pr-comment: failure). */
  greenNow?: boolean;
}

function statusCell(group: GroupOutcome): string {
  const ignored = group.ignoreFailure && group.status !== 'SUCCEEDED';
  const marker = ignored ? IGNORED_MARKER : statusMarker(group.status);
  const note =
    group.blockedBy.length > 0
      ? ' (not run)'
      : group.flaky
        ? ' (flaky)'
        : ignored
          ? ' (ignore-failure)'
          : '';
  return `${marker} ${githubSafe(group.status + note)}`;
}

function row(group: GroupOutcome, diagnosis: Diagnosis | undefined): string {
  const found = diagnosis?.groups.get(group.identifier);
  const cells = [
    `<code>${cellName(group.identifier, githubSafe)}</code>`,
    statusCell(group),
    githubSafe(testsCell(found?.tests)),
    neverRan(group, found) ? 'not run' : String(group.attempts),
  ];
  return `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
}

const HEAD = '<tr><th>Build group</th><th>Status</th><th>Tests</th><th>Attempts</th></tr>';

/**
 * The comment: the marker, a headline, a compact table of the groups (status, tests, attempts) and
 * links to the batch and the run. Within GitHub's 65,536 characters: when every group does not fit,
 * the groups that succeeded are counted instead of listed, then the rest are cut with a count.
 */
export function commentBody(input: CommentInput): string {
  const { outcome } = input;
  const batchUrl = batchConsoleUrl(outcome.arn);
  const name = `${outcome.projectName ?? outcome.id.split(':')[0] ?? ''} #${outcome.number ?? '?'}`;
  const green = input.greenNow ? ' — green now' : '';
  const head = [
    input.marker,
    ...(input.writer ? [writerLine(input.writer)] : []),
    `<h3>${statusMarker(outcome.status)} CodeBuild batch ${anchor(name, batchUrl)}: ${githubSafe(outcome.status)}${green}</h3>`,
    `<p>${githubSafe(input.headline)}</p>`,
    whatFailed(outcome, githubSafe),
    ...(input.groupsNote ? [`<p><em>${githubSafe(input.groupsNote)}</em></p>`] : []),
  ]
    .filter(Boolean)
    .join('\n');
  const links = [
    batchUrl ? anchor('Batch in the CodeBuild console', batchUrl) : '',
    input.runUrl ? anchor('Workflow run', input.runUrl) : '',
  ].filter(Boolean);
  // Reasons, tests and log tails are read only for a batch that ended red.
  const summaryHas =
    outcome.complete && outcome.status !== 'SUCCEEDED'
      ? 'its job summary has each failed group’s reason, tests and log tail'
      : 'its job summary has every group';
  const foot = `<p>${[...links, input.runUrl ? summaryHas : ''].filter(Boolean).join(' · ')}</p>`;
  const table = (rows: GroupOutcome[], note = '') =>
    `${head}\n<table>\n${HEAD}\n${rows.map((g) => row(g, input.diagnosis)).join('\n')}\n</table>${note}\n${foot}\n`;
  const all = table(outcome.groups);
  if (all.length <= COMMENT_MAX_CHARS) return all;
  const red = outcome.groups.filter((g) => g.status !== 'SUCCEEDED');
  const succeeded = `\n<p>${outcome.groups.length - red.length} more build groups succeeded.</p>`;
  let shown = red.length;
  for (;;) {
    const cut = red.length - shown;
    const body = table(
      red.slice(0, shown),
      `${succeeded}${cut > 0 ? `\n<p>… and ${cut} more build groups that did not succeed (see the job summary).</p>` : ''}`,
    );
    if (body.length <= COMMENT_MAX_CHARS || shown === 0) return body;
    shown = Math.floor(shown / 2);
  }
}
