// Types for the TypeScript tests; the simulator itself is plain JavaScript run by node.
import type { IncomingMessage, ServerResponse } from 'node:http';

export type PermissionLevel = 'none' | 'read' | 'write';
/** As a workflow's `permissions:` writes them; scope names with hyphens or underscores. */
export type Permissions = 'write-all' | 'read-all' | 'none' | Record<string, PermissionLevel>;

/** GitHub's operation ids for the routes served. */
export type GitHubOperation =
  | 'checks/create'
  | 'checks/update'
  | 'checks/get'
  | 'checks/list-for-ref'
  | 'issues/list-comments'
  | 'issues/create-comment'
  | 'issues/get-comment'
  | 'issues/update-comment'
  | 'issues/delete-comment'
  | 'rate-limit/get';

export interface GitHubOptions {
  /** owner/name (default example/web-app). */
  repository?: string;
  token?: string;
  permissions?: Permissions;
  /** Pull request numbers that exist (default [1]). */
  pullRequests?: number[];
  /** Branch or tag names the list endpoint resolves to a SHA. */
  refs?: Record<string, string>;
  /** The SHAs that exist; by default any 40-hex SHA does. */
  commits?: string[];
  /** The primary budget (default 1,000 requests an hour, GITHUB_TOKEN's). */
  rateLimit?: { limit?: number; windowSeconds?: number };
  serverUrl?: string;
  installationId?: number;
  apiUrl?: string;
  onRequest?: (record: GitHubRequest) => void;
}

export interface GitHubRequest {
  /** When it arrived and when it was answered (epoch ms; answeredAt 0 while unanswered). */
  at: number;
  answeredAt: number;
  service: 'github';
  method: string;
  /** The path, /api/v3 included; url adds the query. */
  path: string;
  url: string;
  /** A GitHub operation id, or "METHOD /path" for a path no route serves. */
  operation: GitHubOperation | string;
  /** -1 when dropped. */
  status: number;
  requestId: string;
  body?: unknown;
  fault?: GitHubFault['kind'];
}

export interface GitHubFault {
  kind: 'secondary' | 'primary' | '5xx' | 'slow' | 'drop';
  operation?: GitHubOperation;
  count?: number;
  skip?: number;
  /** secondary: 403 (default) or 429; primary: 403 (default) or 429; 5xx: 500 (default) or another. */
  status?: number;
  /** secondary: the retry-after header in seconds (default 60); null sends none. */
  retryAfter?: number | null;
  /** primary: when the spent budget is renewed (default 60 s). */
  resetInSeconds?: number;
  /** slow: how late the answer comes (default 20 s). */
  ms?: number;
}

export interface CheckRunOutput {
  title: string | null;
  summary: string | null;
  text: string | null;
  annotations_count: number;
  annotations_url: string;
}
/** A check run as the REST API returns it. */
export interface CheckRunView {
  id: number;
  name: string;
  node_id: string;
  head_sha: string;
  external_id: string;
  url: string;
  html_url: string;
  details_url: string;
  status: string;
  conclusion: string | null;
  started_at: string;
  completed_at: string | null;
  output: CheckRunOutput;
  check_suite: { id: number };
  app: { id: number; slug: string; name: string };
  pull_requests: unknown[];
}
export interface User {
  login: string;
  id: number;
  type: string;
}
/** An issue comment as the REST API returns it. */
export interface CommentView {
  id: number;
  node_id: string;
  url: string;
  html_url: string;
  body: string;
  user: User;
  created_at: string;
  updated_at: string;
  issue_url: string;
  author_association: string;
  performed_via_github_app: null;
}

export interface HistoryEntry {
  at: number;
  operation: GitHubOperation;
  /** The request body as sent. */
  request: Record<string, unknown>;
  /** check runs: the run as the answer showed it. */
  after?: CheckRunView;
}
/** A check run as the simulator keeps it. */
export interface CheckRun {
  id: number;
  name: string;
  head_sha: string;
  external_id: string;
  details_url?: string;
  status: string;
  conclusion: string | null;
  started_at: string;
  completed_at: string | null;
  output: { title: string | null; summary: string | null; text: string | null };
  annotations: Array<Record<string, unknown>>;
  history: HistoryEntry[];
}
/** An issue comment as the simulator keeps it. */
export interface Comment {
  id: number;
  issue: number;
  body: string;
  user: User;
  author_association: string;
  created_at: string;
  updated_at: string;
  history: HistoryEntry[];
}

export interface GitHub {
  token: string;
  repository: string;
  owner: string;
  repo: string;
  repositoryId: number;
  /** The API's base URL (GITHUB_API_URL). */
  apiUrl: string;
  handle(req: IncomingMessage, res: ServerResponse, raw: Buffer): boolean;
  requests: GitHubRequest[];
  checkRuns: CheckRun[];
  comments: Comment[];
  calls(operation?: GitHubOperation): GitHubRequest[];
  readonly permissions: Record<string, PermissionLevel>;
  setPermissions(permissions: Permissions): void;
  inject(fault: GitHubFault): void;
  rateLimit: { limit: number; used: number; reset: number };
  exhaust(seconds?: number): void;
  addPullRequest(number: number): void;
  seedComment(
    issue: number,
    body: string,
    by?: { login?: string; type?: 'User' | 'Bot'; at?: number },
  ): Comment;
  checkRunsFor(sha: string, apiUrl?: string): CheckRunView[];
  commentsOn(issue: number, apiUrl?: string): CommentView[];
}

export const API_PREFIX: string;
export const DEFAULT_GITHUB_TOKEN: string;
export const DEFAULT_PERMISSIONS: Readonly<Record<string, PermissionLevel>>;
export const ACTIONS_APP: Readonly<{ id: number; slug: string; name: string }>;
export const ACTIONS_BOT: Readonly<User>;
export function normalizePermissions(permissions?: Permissions): Record<string, PermissionLevel>;
export function createGitHub(options?: GitHubOptions): GitHub;
