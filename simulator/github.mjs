// GitHub's REST API as far as the action uses it: check runs and issue comments, served on GitHub
// Enterprise Server's base path (/api/v3), so GITHUB_API_URL=http://127.0.0.1:PORT/api/v3 reaches it
// the way a GHES runner's does. It answers as GitHub's REST reference says (status codes, limits,
// headers), with the wording GitHub's answers carry where users have quoted them. A development tool:
// never bundled.
//
// Sources (the shapes): GitHub's OpenAPI description as @octokit/openapi-types ships it (operations
// checks/create, checks/update, checks/get, checks/list-for-ref, issues/list-comments,
// issues/create-comment, issues/update-comment, issues/get-comment, issues/delete-comment; schemas check-run, issue-comment,
// validation-error, basic-error); docs.github.com "Rate limits for the REST API" (the x-ratelimit-*
// headers, 403/429 for both limits, retry-after, 1,000 requests an hour for GITHUB_TOKEN) and "Using
// pagination in the REST API" (the Link header). The wording of the errors: answers quoted in public
// issues, cited next to each one below. What no source settles is marked *inferred*.
import { randomBytes } from 'node:crypto';
import { takeFault } from './faults.mjs';

/** Where the API lives on the simulator's port: GitHub Enterprise Server's form of the base URL. */
export const API_PREFIX = '/api/v3';

/** A GITHUB_TOKEN-shaped token (ghs_ and 36 characters); the simulator accepts this one only. */
export const DEFAULT_GITHUB_TOKEN = 'ghs_simulatorToken0000000000000000000000';

/** The GitHub Actions app, which owns every check run the job's token creates. */
export const ACTIONS_APP = Object.freeze({
  id: 15368,
  slug: 'github-actions',
  node_id: 'MDM6QXBwMTUzNjg=',
  name: 'GitHub Actions',
  owner: { login: 'github', id: 9919, type: 'Organization' },
  description: 'Automate your workflow from idea to production',
  external_url: 'https://help.github.com/en/actions',
  html_url: 'https://github.com/apps/github-actions',
});

/** The user the job's token writes comments as. */
export const ACTIONS_BOT = Object.freeze({
  login: 'github-actions[bot]',
  id: 41898282,
  node_id: 'MDM6Qm90NDE4OTgyODI=',
  type: 'Bot',
  site_admin: false,
  html_url: 'https://github.com/apps/github-actions',
});

/** Check run output fields: at most 65,535 characters each (the reference), and 65,535 bytes. */
const OUTPUT_MAX = 65_535;
/** Annotations per request (the reference: "a maximum of 50 per API request"). */
const ANNOTATIONS_MAX = 50;
/** Requested actions per check run (the reference: "A maximum of three actions"). */
const ACTIONS_MAX = 3;
/** A comment body: at most 65,536 characters. */
const COMMENT_MAX = 65_536;
/** The primary limit of GITHUB_TOKEN: 1,000 requests an hour per repository. */
const TOKEN_LIMIT = 1000;
/** Unauthenticated requests: 60 an hour. */
const ANONYMOUS_LIMIT = 60;

const STATUSES = ['queued', 'in_progress', 'completed'];
// Only GitHub Actions may set these, and the job's token is GitHub Actions.
const UPDATE_STATUSES = [...STATUSES, 'waiting', 'requested', 'pending'];
const CONCLUSIONS = [
  'action_required',
  'cancelled',
  'failure',
  'neutral',
  'success',
  'skipped',
  'stale',
  'timed_out',
];
const ANNOTATION_LEVELS = ['notice', 'warning', 'failure'];

const DOCS = 'https://docs.github.com/rest';
const RATE_LIMIT_DOCS = 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api';
const SECONDARY_DOCS =
  'https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits';

/**
 * The routes served, by GitHub's operation id: method, path (after /api/v3), the permission sets
 * that allow it (any one set suffices; each scope needs at least the level given) and its reference
 * page, which GitHub names as documentation_url in its errors.
 */
const ROUTES = [
  {
    operation: 'checks/create',
    method: 'POST',
    path: /^\/repos\/([^/]+)\/([^/]+)\/check-runs$/,
    allow: [{ checks: 'write' }],
    docs: `${DOCS}/checks/runs#create-a-check-run`,
  },
  {
    operation: 'checks/update',
    method: 'PATCH',
    path: /^\/repos\/([^/]+)\/([^/]+)\/check-runs\/(\d+)$/,
    allow: [{ checks: 'write' }],
    docs: `${DOCS}/checks/runs#update-a-check-run`,
  },
  {
    operation: 'checks/get',
    method: 'GET',
    path: /^\/repos\/([^/]+)\/([^/]+)\/check-runs\/(\d+)$/,
    allow: [{ checks: 'read' }],
    docs: `${DOCS}/checks/runs#get-a-check-run`,
  },
  {
    operation: 'checks/list-for-ref',
    method: 'GET',
    path: /^\/repos\/([^/]+)\/([^/]+)\/commits\/([^/]+)\/check-runs$/,
    allow: [{ checks: 'read' }],
    docs: `${DOCS}/checks/runs#list-check-runs-for-a-git-reference`,
  },
  {
    operation: 'issues/list-comments',
    method: 'GET',
    path: /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/,
    allow: [{ issues: 'read' }, { pull_requests: 'read' }],
    docs: `${DOCS}/issues/comments#list-issue-comments`,
  },
  {
    operation: 'issues/create-comment',
    method: 'POST',
    path: /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/,
    allow: [{ issues: 'write' }, { pull_requests: 'write' }],
    docs: `${DOCS}/issues/comments#create-an-issue-comment`,
  },
  {
    operation: 'issues/get-comment',
    method: 'GET',
    path: /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/,
    allow: [{ issues: 'read' }, { pull_requests: 'read' }],
    docs: `${DOCS}/issues/comments#get-an-issue-comment`,
  },
  {
    operation: 'issues/update-comment',
    method: 'PATCH',
    path: /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/,
    allow: [{ issues: 'write' }, { pull_requests: 'write' }],
    docs: `${DOCS}/issues/comments#update-an-issue-comment`,
  },
  {
    operation: 'issues/delete-comment',
    method: 'DELETE',
    path: /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/,
    allow: [{ issues: 'write' }, { pull_requests: 'write' }],
    docs: `${DOCS}/issues/comments#delete-an-issue-comment`,
  },
  {
    operation: 'rate-limit/get',
    method: 'GET',
    path: /^\/rate_limit$/,
    allow: [{}],
    docs: `${DOCS}/rate-limit/rate-limit#get-rate-limit-status-for-the-authenticated-user`,
  },
];

/** The repository permissions a workflow's `permissions:` can name (GitHub's names, with underscores). */
const SCOPES = [
  'actions',
  'attestations',
  'checks',
  'contents',
  'deployments',
  'discussions',
  'id_token',
  'issues',
  'metadata',
  'packages',
  'pages',
  'pull_requests',
  'repository_projects',
  'security_events',
  'statuses',
];
const LEVELS = { none: 0, read: 1, write: 2 };

/** What a job gets when it asks for what the action needs (and GitHub always grants metadata: read). */
export const DEFAULT_PERMISSIONS = Object.freeze({
  checks: 'write',
  contents: 'read',
  issues: 'write',
  metadata: 'read',
  pull_requests: 'write',
});

/**
 * A token's permissions as a workflow writes them: 'write-all', 'read-all' (what a pull request from a
 * fork gets), 'none' or {} (nothing but metadata), or { checks: 'write', 'pull-requests': 'write', … }.
 */
export function normalizePermissions(permissions = DEFAULT_PERMISSIONS) {
  if (permissions === 'write-all' || permissions === 'read-all') {
    const level = permissions.slice(0, -4);
    return { ...Object.fromEntries(SCOPES.map((s) => [s, level])), metadata: 'read' };
  }
  if (permissions === 'none') return { metadata: 'read' };
  if (typeof permissions !== 'object' || permissions === null)
    throw new Error(`Unknown permissions ${JSON.stringify(permissions)}`);
  const out = { metadata: 'read' };
  for (const [scope, level] of Object.entries(permissions)) {
    if (!(level in LEVELS)) throw new Error(`Unknown permission level ${scope}: ${level}`);
    out[scope.replaceAll('-', '_')] = level;
  }
  return out;
}

/** GitHub's timestamps: ISO 8601 in UTC, whole seconds. */
const iso = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
/** Characters as GitHub counts them (Ruby's String#length: code points, not UTF-16 units). */
const characters = (text) => [...text].length;
/** A value as GitHub's schema errors show it. */
const shown = (value) => (value === null ? 'nil' : JSON.stringify(value));
const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
const hex = (bytes) => randomBytes(bytes).toString('hex').toUpperCase();

/** An answer other than 2xx, thrown from a handler. */
class Refusal {
  constructor(status, body, headers = {}) {
    Object.assign(this, { status, body, headers });
  }
}
/** A request the JSON schema refuses: GitHub's "Invalid request." with the validator's sentences. */
const invalid = (sentences) => new Refusal(422, { message: `Invalid request.\n\n${sentences}` });
/** A request the model refuses: "Validation Failed" with one error object per field. */
const validationFailed = (errors) => new Refusal(422, { message: 'Validation Failed', errors });
const notFound = () => new Refusal(404, { message: 'Not Found' });

/**
 * Checks a request body against its schema the way GitHub's validator words it: "\"name\" wasn't
 * supplied.", "Only 65535 characters are allowed; 70000 were supplied.", "No more than 50 items are
 * allowed; 51 were supplied." (all three quoted from GitHub's answers in public issues, e.g.
 * dorny/test-reporter#194, zyborg/dotnet-tests-report#9), "For 'properties/body', 42 is not a
 * string." Every sentence is kept; GitHub joins them with a space ("'tag' is not a permitted key.
 * 'ref' wasn't supplied."). The sentences are those of the json_schema gem's validator
 * (brandur/json_schema), which the quoted answers match word for word.
 */
class Schema {
  sentences = [];
  required(object, keys) {
    const missing = keys.filter((k) => !(k in object)).sort();
    if (missing.length > 0)
      this.sentences.push(
        `"${missing.join('", "')}" ${missing.length === 1 ? "wasn't" : "weren't"} supplied.`,
      );
  }
  string(object, key, { max, oneOf, dateTime } = {}) {
    if (!(key in object)) return;
    const value = object[key];
    if (typeof value !== 'string') {
      this.sentences.push(`For 'properties/${key}', ${shown(value)} is not a string.`);
      return;
    }
    if (max !== undefined && characters(value) > max)
      this.sentences.push(
        `Only ${max} characters are allowed; ${characters(value)} were supplied.`,
      );
    // *inferred*: the enum and date-time sentences follow the validator's other sentences.
    if (oneOf && !oneOf.includes(value))
      this.sentences.push(
        `For 'properties/${key}', ${shown(value)} is not a member of ${JSON.stringify(oneOf).replaceAll('","', '", "')}.`,
      );
    if (dateTime && Number.isNaN(Date.parse(value)))
      this.sentences.push(`For 'properties/${key}', ${shown(value)} is not a valid date-time.`);
  }
  integer(object, key) {
    if (key in object && !Number.isInteger(object[key]))
      this.sentences.push(`For 'properties/${key}', ${shown(object[key])} is not an integer.`);
  }
  object(object, key) {
    if (!(key in object)) return false;
    if (isObject(object[key])) return true;
    this.sentences.push(`For 'properties/${key}', ${shown(object[key])} is not an object.`);
    return false;
  }
  array(object, key, max) {
    if (!(key in object)) return false;
    const value = object[key];
    if (!Array.isArray(value)) {
      this.sentences.push(`For 'properties/${key}', ${shown(value)} is not an array.`);
      return false;
    }
    if (value.length > max)
      this.sentences.push(
        `No more than ${max} items are allowed; ${value.length} ${value.length === 1 ? 'was' : 'were'} supplied.`,
      );
    return true;
  }
  check() {
    if (this.sentences.length > 0) throw invalid(this.sentences.join(' '));
  }
}

/** A check run's output object, as create (title required) or update (summary alone required) takes it. */
function checkOutput(schema, output, { create }) {
  schema.required(output, create ? ['summary', 'title'] : ['summary']);
  schema.string(output, 'title');
  schema.string(output, 'summary', { max: OUTPUT_MAX });
  schema.string(output, 'text', { max: OUTPUT_MAX });
  if (schema.array(output, 'annotations', ANNOTATIONS_MAX))
    for (const annotation of output.annotations) {
      if (!isObject(annotation)) {
        schema.sentences.push(`For 'items', ${shown(annotation)} is not an object.`);
        continue;
      }
      schema.required(annotation, [
        'annotation_level',
        'end_line',
        'message',
        'path',
        'start_line',
      ]);
      schema.string(annotation, 'path');
      schema.integer(annotation, 'start_line');
      schema.integer(annotation, 'end_line');
      schema.string(annotation, 'annotation_level', { oneOf: ANNOTATION_LEVELS });
      schema.string(annotation, 'message');
    }
  schema.array(output, 'images', Infinity);
}

/** A check run request's top-level fields. */
function checkRunFields(schema, body, { create }) {
  for (const key of ['name', 'head_sha', 'details_url', 'external_id']) schema.string(body, key);
  schema.string(body, 'status', { oneOf: create ? STATUSES : UPDATE_STATUSES });
  schema.string(body, 'conclusion', { oneOf: CONCLUSIONS });
  schema.string(body, 'started_at', { dateTime: true });
  schema.string(body, 'completed_at', { dateTime: true });
  if (schema.object(body, 'output')) checkOutput(schema, body.output, { create });
  schema.array(body, 'actions', ACTIONS_MAX);
}

/**
 * The model's own rules, after the schema: a completed run needs a conclusion (GitHub's answer:
 * `422 Validation Failed [{Resource:CheckRun Field:conclusion Code:missing_field}]`,
 * argoproj/notifications-engine#399), and the summary is also measured in bytes (`summary exceeds a
 * maximum bytesize of 65535`, github/docs#35252, dorny/test-reporter#57).
 */
function checkRunRules(next) {
  const errors = [];
  if (next.conclusion === 'stale')
    // The reference: "You cannot change a check run conclusion to stale, only GitHub can set this."
    // *inferred*: the error object's code.
    errors.push({ resource: 'CheckRun', code: 'invalid', field: 'conclusion' });
  if (next.status === 'completed' && !next.conclusion)
    errors.push({ resource: 'CheckRun', code: 'missing_field', field: 'conclusion' });
  if (next.output.summary !== null && Buffer.byteLength(next.output.summary) > OUTPUT_MAX)
    errors.push({
      resource: 'CheckRun',
      code: 'custom',
      field: 'summary',
      message: `summary exceeds a maximum bytesize of ${OUTPUT_MAX}`,
    });
  if (errors.length > 0) throw validationFailed(errors);
}

/** Cuts text to at most `max` UTF-8 bytes without splitting a character. */
function cutToBytes(text, max) {
  if (Buffer.byteLength(text) <= max) return text;
  let out = '';
  let bytes = 0;
  for (const c of text) {
    bytes += Buffer.byteLength(c);
    if (bytes > max) break;
    out += c;
  }
  return out;
}

/** per_page and page as GitHub reads them: per_page 1–100 (more is cut to 100), 30 by default. */
function paging(query) {
  const perPage = Number.parseInt(query.get('per_page') ?? '', 10);
  const page = Number.parseInt(query.get('page') ?? '', 10);
  return {
    perPage: Number.isFinite(perPage) && perPage > 0 ? Math.min(perPage, 100) : 30,
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

/**
 * GitHub's Link header: rel="prev", "next", "last", "first" in that order, each page's URL the
 * request's own with page= replaced, on the /repositories/{id}/… form GitHub's own links use.
 */
function linkHeader(url, page, lastPage) {
  const at = (p) => {
    const query = new URLSearchParams(url.search);
    query.set('page', String(p));
    return `<${url.origin}${url.pathname}?${query}>`;
  };
  const links = [];
  if (page > 1) links.push(`${at(Math.min(page - 1, lastPage))}; rel="prev"`);
  if (page < lastPage) links.push(`${at(page + 1)}; rel="next"`, `${at(lastPage)}; rel="last"`);
  if (page > 1) links.push(`${at(1)}; rel="first"`);
  return links.length > 0 ? links.join(', ') : undefined;
}

/**
 * Creates the GitHub side of the simulator.
 * @param {object} [options]
 * @param {string} [options.repository]  owner/name of the one repository served (default example/web-app, as run-action.mjs's GITHUB_REPOSITORY)
 * @param {string} [options.token]  the token requests must carry (Authorization: Bearer or token)
 * @param {string | object} [options.permissions]  the token's permissions (see normalizePermissions)
 * @param {number[]} [options.pullRequests]  the pull request numbers that exist (default [1]); seeding comments adds one
 * @param {Record<string, string>} [options.refs]  branch or tag names the list endpoint resolves to a SHA
 * @param {string[]} [options.commits]  the SHAs that exist; by default any 40-hex SHA does
 * @param {{ limit?: number, windowSeconds?: number }} [options.rateLimit]  the primary budget (default 1,000 an hour)
 * @param {string} [options.serverUrl]  where html_url links point (default https://github.com)
 * @param {number} [options.installationId]
 * @param {(record: object) => void} [options.onRequest]  called after each request is answered
 */
export function createGitHub(options = {}) {
  const [owner, repo] = (options.repository ?? 'example/web-app').split('/');
  const repositoryId = 812_345_678;
  const token = options.token ?? DEFAULT_GITHUB_TOKEN;
  const serverUrl = options.serverUrl ?? 'https://github.com';
  const installationId = options.installationId ?? 45_678_901;
  const windowSeconds = options.rateLimit?.windowSeconds ?? 3600;
  let permissions = normalizePermissions(options.permissions);
  const pullRequests = new Set(options.pullRequests ?? [1]);
  const refs = options.refs ?? {};
  const commits = options.commits && new Set(options.commits);

  /** Every request: { at, answeredAt, method, path, url, operation, status, requestId, fault?, body? }. */
  const requests = [];
  /** Every check run, with `history`: each create and update as sent, and the run after it. */
  const checkRuns = [];
  /** Every issue comment, with `history`. */
  const comments = [];
  const faults = [];
  const suites = new Map();
  let nextCheckRunId = 30_000_000_001;
  let nextCommentId = 2_500_000_001;

  const budget = { limit: options.rateLimit?.limit ?? TOKEN_LIMIT, used: 0, reset: 0 };
  const anonymous = { limit: ANONYMOUS_LIMIT, used: 0, reset: 0 };
  /** Where the API is reached; set by the server once it listens (views made outside a request use it). */
  let apiBase = options.apiUrl ?? `http://127.0.0.1${API_PREFIX}`;
  /** A budget's window, renewed once its reset time has passed. */
  function windowOf(bucket, now) {
    if (now >= bucket.reset * 1000) {
      bucket.used = 0;
      bucket.reset = Math.ceil(now / 1000) + windowSeconds;
    }
    return bucket;
  }
  windowOf(budget, Date.now());
  windowOf(anonymous, Date.now());
  const rateHeaders = (bucket) => ({
    'x-ratelimit-limit': String(bucket.limit),
    'x-ratelimit-remaining': String(Math.max(0, bucket.limit - bucket.used)),
    'x-ratelimit-reset': String(bucket.reset),
    'x-ratelimit-used': String(bucket.used),
    'x-ratelimit-resource': 'core',
  });

  const isOurs = (o, r) =>
    o.toLowerCase() === owner.toLowerCase() && r.toLowerCase() === repo.toLowerCase();
  const apiUrlOf = (req) => `http://${req.headers.host ?? '127.0.0.1'}${API_PREFIX}`;
  const knownCommit = (sha) => (commits ? commits.has(sha) : /^[0-9a-f]{40}$/.test(sha));

  function suiteOf(sha) {
    if (!suites.has(sha)) suites.set(sha, 10_000_000_001 + suites.size);
    return suites.get(sha);
  }

  /** A check run as the API returns it. */
  function checkRunView(run, apiUrl) {
    const url = `${apiUrl}/repos/${owner}/${repo}/check-runs/${run.id}`;
    return {
      id: run.id,
      name: run.name,
      node_id: Buffer.from(`04:CheckRun${run.id}`).toString('base64'),
      head_sha: run.head_sha,
      external_id: run.external_id,
      url,
      html_url: `${serverUrl}/${owner}/${repo}/runs/${run.id}`,
      // The reference: without details_url, "the homepage of the GitHub app is used".
      details_url: run.details_url ?? ACTIONS_APP.external_url,
      status: run.status,
      conclusion: run.conclusion,
      started_at: run.started_at,
      completed_at: run.completed_at,
      output: {
        title: run.output.title,
        summary: run.output.summary,
        text: run.output.text,
        annotations_count: run.annotations.length,
        annotations_url: `${url}/annotations`,
      },
      check_suite: { id: suiteOf(run.head_sha) },
      app: ACTIONS_APP,
      pull_requests: [],
    };
  }

  /** An issue comment as the API returns it. */
  function commentView(comment, apiUrl) {
    return {
      id: comment.id,
      node_id: Buffer.from(`012:IssueComment${comment.id}`).toString('base64'),
      url: `${apiUrl}/repos/${owner}/${repo}/issues/comments/${comment.id}`,
      html_url: `${serverUrl}/${owner}/${repo}/pull/${comment.issue}#issuecomment-${comment.id}`,
      body: comment.body,
      user: comment.user,
      created_at: comment.created_at,
      updated_at: comment.updated_at,
      issue_url: `${apiUrl}/repos/${owner}/${repo}/issues/${comment.issue}`,
      author_association: comment.author_association,
      performed_via_github_app: null,
    };
  }

  const operations = {
    'checks/create'({ body, now, apiUrl }) {
      const schema = new Schema();
      schema.required(body, ['head_sha', 'name']);
      checkRunFields(schema, body, { create: true });
      schema.check();
      // The reference: "Providing conclusion will automatically set the status parameter to completed".
      const status = body.conclusion ? 'completed' : (body.status ?? 'queued');
      const run = {
        id: 0,
        name: body.name,
        head_sha: body.head_sha,
        external_id: body.external_id ?? '',
        details_url: body.details_url,
        status,
        conclusion: body.conclusion ?? null,
        started_at: iso(body.started_at ? Date.parse(body.started_at) : now),
        completed_at:
          status === 'completed' || body.completed_at
            ? iso(body.completed_at ? Date.parse(body.completed_at) : now)
            : null,
        output: {
          title: body.output?.title ?? null,
          summary: body.output?.summary ?? null,
          text: body.output?.text ?? null,
        },
        annotations: [],
        history: [],
      };
      if (body.completed_at) run.status = 'completed';
      checkRunRules(run);
      // Quoted from GitHub's answers (e.g. "No commit found for SHA: 0000…").
      if (!knownCommit(body.head_sha))
        throw new Refusal(422, { message: `No commit found for SHA: ${body.head_sha}` });
      applyOutputText(run, body.output);
      run.annotations.push(...(body.output?.annotations ?? []));
      run.id = nextCheckRunId++;
      checkRuns.push(run);
      const view = checkRunView(run, apiUrl);
      run.history.push({ at: now, operation: 'checks/create', request: body, after: view });
      return { status: 201, body: view };
    },

    'checks/update'({ body, params, now, apiUrl }) {
      const run = checkRuns.find((r) => r.id === Number(params[3]));
      if (!run) throw notFound();
      const schema = new Schema();
      checkRunFields(schema, body, { create: false });
      schema.check();
      const next = structuredClone({ ...run, history: [] });
      for (const key of ['name', 'external_id', 'details_url'])
        if (key in body) next[key] = body[key];
      if (body.started_at) next.started_at = iso(Date.parse(body.started_at));
      if (body.conclusion) {
        next.status = 'completed';
        next.conclusion = body.conclusion;
      } else if (body.status) {
        next.status = body.status;
        // *inferred*: a run moved back from completed loses its conclusion.
        if (body.status !== 'completed') next.conclusion = null;
      } else if (body.completed_at) next.status = 'completed';
      if (next.status === 'completed') {
        if (body.completed_at) next.completed_at = iso(Date.parse(body.completed_at));
        else if (run.status !== 'completed') next.completed_at = iso(now);
      } else next.completed_at = null;
      // *inferred*: fields the update leaves out keep their value; annotations are appended (the reference).
      if (body.output) {
        if ('title' in body.output) next.output.title = body.output.title;
        next.output.summary = body.output.summary;
        if ('text' in body.output) next.output.text = body.output.text;
      }
      checkRunRules(next);
      applyOutputText(next, body.output);
      Object.assign(run, next, { history: run.history, annotations: run.annotations });
      run.annotations.push(...(body.output?.annotations ?? []));
      const view = checkRunView(run, apiUrl);
      run.history.push({ at: now, operation: 'checks/update', request: body, after: view });
      return { status: 200, body: view };
    },

    'checks/get'({ params, apiUrl }) {
      const run = checkRuns.find((r) => r.id === Number(params[3]));
      if (!run) throw notFound();
      return { status: 200, body: checkRunView(run, apiUrl) };
    },

    'checks/list-for-ref'({ params, url, apiUrl }) {
      const ref = decodeURIComponent(params[3]);
      const sha = refs[ref] ?? refs[ref.replace(/^refs\/(heads|tags)\//, '')] ?? ref;
      if (!knownCommit(sha)) throw new Refusal(422, { message: `No commit found for SHA: ${ref}` });
      const query = url.searchParams;
      let runs = checkRuns.filter((r) => r.head_sha === sha);
      if (query.get('check_name')) runs = runs.filter((r) => r.name === query.get('check_name'));
      if (query.get('status')) runs = runs.filter((r) => r.status === query.get('status'));
      if (query.get('app_id') && Number(query.get('app_id')) !== ACTIONS_APP.id) runs = [];
      // The reference: filter=latest (the default) "returns the most recent check runs": the newest of
      // each name. *inferred*: newest first.
      const newest = [...runs].sort((a, b) => b.id - a.id);
      runs =
        (query.get('filter') ?? 'latest') === 'latest'
          ? newest.filter((r, i) => newest.findIndex((o) => o.name === r.name) === i)
          : newest;
      const { perPage, page } = paging(query);
      const views = runs
        .slice((page - 1) * perPage, page * perPage)
        .map((r) => checkRunView(r, apiUrl));
      const links = new URL(
        `${apiUrl}/repositories/${repositoryId}/commits/${encodeURIComponent(ref)}/check-runs${url.search}`,
      );
      return {
        status: 200,
        body: { total_count: runs.length, check_runs: views },
        link: linkHeader(links, page, Math.max(1, Math.ceil(runs.length / perPage))),
      };
    },

    'issues/list-comments'({ params, url, apiUrl }) {
      const issue = Number(params[3]);
      if (!pullRequests.has(issue)) throw notFound();
      const query = url.searchParams;
      const since = query.get('since') ? Date.parse(query.get('since')) : undefined;
      // The reference: "Issue comments are ordered by ascending ID."
      const found = comments
        .filter((c) => c.issue === issue)
        .filter((c) => since === undefined || Date.parse(c.updated_at) >= since)
        .sort((a, b) => a.id - b.id);
      const { perPage, page } = paging(query);
      const links = new URL(
        `${apiUrl}/repositories/${repositoryId}/issues/${issue}/comments${url.search}`,
      );
      return {
        status: 200,
        body: found.slice((page - 1) * perPage, page * perPage).map((c) => commentView(c, apiUrl)),
        link: linkHeader(links, page, Math.max(1, Math.ceil(found.length / perPage))),
      };
    },

    'issues/create-comment'({ body, params, now, apiUrl }) {
      const issue = Number(params[3]);
      if (!pullRequests.has(issue)) throw notFound();
      commentBodyRules(body, 'create');
      const comment = addComment(issue, body.body, ACTIONS_BOT, now);
      const view = commentView(comment, apiUrl);
      comment.history.push({ at: now, operation: 'issues/create-comment', request: body });
      return { status: 201, body: view, headers: { location: view.url } };
    },

    'issues/get-comment'({ params, apiUrl }) {
      const comment = comments.find((c) => c.id === Number(params[3]));
      if (!comment) throw notFound();
      return { status: 200, body: commentView(comment, apiUrl) };
    },

    'issues/update-comment'({ body, params, now, apiUrl }) {
      const comment = comments.find((c) => c.id === Number(params[3]));
      if (!comment) throw notFound();
      commentBodyRules(body, 'update');
      comment.body = body.body;
      comment.updated_at = iso(now);
      comment.history.push({ at: now, operation: 'issues/update-comment', request: body });
      return { status: 200, body: commentView(comment, apiUrl) };
    },

    'issues/delete-comment'({ params }) {
      const at = comments.findIndex((c) => c.id === Number(params[3]));
      if (at < 0) throw notFound();
      comments.splice(at, 1);
      return { status: 204 };
    },

    'rate-limit/get'({ now }) {
      const core = windowOf(budget, now);
      const view = {
        limit: core.limit,
        used: core.used,
        remaining: Math.max(0, core.limit - core.used),
        reset: core.reset,
      };
      return { status: 200, body: { resources: { core: view }, rate: view } };
    },
  };

  /** A text over 65,535 bytes (within 65,535 characters) is kept cut. *inferred*: one third-party report, unconfirmed. */
  function applyOutputText(run, output) {
    if (output && typeof output.text === 'string')
      run.output.text = cutToBytes(output.text, OUTPUT_MAX);
  }

  /**
   * A comment body: required, a string; not blank (`body cannot be blank`,
   * marocchino/sticky-pull-request-comment#197); at most 65,536 characters, which GitHub words
   * differently on create (`Body is too long …`, code unprocessable, field data:
   * easybuilders/easybuild-easyconfigs#24647) and on update (`body is too long …`, code custom, field
   * body: joonvena/robotframework-reporter-action#30).
   */
  function commentBodyRules(body, how) {
    const schema = new Schema();
    schema.required(body, ['body']);
    schema.string(body, 'body');
    schema.check();
    if (body.body.trim() === '')
      throw validationFailed([
        {
          resource: 'IssueComment',
          code: 'custom',
          field: 'body',
          message: 'body cannot be blank',
        },
      ]);
    if (characters(body.body) > COMMENT_MAX)
      throw validationFailed([
        how === 'create'
          ? {
              resource: 'IssueComment',
              code: 'unprocessable',
              field: 'data',
              message: `Body is too long (maximum is ${COMMENT_MAX} characters)`,
            }
          : {
              resource: 'IssueComment',
              code: 'custom',
              field: 'body',
              message: `body is too long (maximum is ${COMMENT_MAX} characters)`,
            },
      ]);
  }

  function addComment(issue, body, user, at) {
    const comment = {
      id: nextCommentId++,
      issue,
      body,
      user,
      author_association: user.type === 'Bot' ? 'NONE' : 'MEMBER',
      created_at: iso(at),
      updated_at: iso(at),
      history: [],
    };
    comments.push(comment);
    return comment;
  }

  /**
   * Serves a request whose path is under /api/v3; returns false for any other path.
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @param {Buffer} raw  the request body, already read
   */
  function handle(req, res, raw) {
    const url = new URL(req.url ?? '/', apiUrlOf(req));
    if (url.pathname !== API_PREFIX && !url.pathname.startsWith(`${API_PREFIX}/`)) return false;
    serve(req, res, raw, url);
    return true;
  }

  /** Answers one request under /api/v3, recording it. */
  function serve(req, res, raw, url) {
    const now = Date.now();
    // GitHub's request ids: five groups of hex, e.g. FA2D:87B1:8879E3:1176C87:6570B7E6.
    const requestId = `${hex(2)}:${hex(2)}:${hex(3)}:${hex(4).slice(1)}:${hex(4)}`;
    const record = {
      at: now,
      answeredAt: 0,
      service: 'github',
      method: req.method,
      path: url.pathname,
      url: `${url.pathname}${url.search}`,
      operation: `${req.method} ${url.pathname.slice(API_PREFIX.length) || '/'}`,
      status: 0,
      requestId,
      body: undefined,
      fault: undefined,
    };
    requests.push(record);
    const apiUrl = apiUrlOf(req);
    // GitHub's own links name the repository by id: /repositories/{id}/… is the same repository.
    const path = url.pathname
      .slice(API_PREFIX.length)
      .replace(new RegExp(`^/repositories/${repositoryId}(?=/)`), `/repos/${owner}/${repo}`);
    const route = ROUTES.find((r) => r.method === req.method && r.path.test(path));
    if (route) record.operation = route.operation;
    const docs = route?.docs ?? DOCS;
    // Which permission sets the endpoint takes, as GitHub tells fine-grained callers (sets split by ';').
    const accepted = route?.allow
      .map((set) =>
        Object.entries(set)
          .map(([scope, level]) => `${scope}=${level}`)
          .join(','),
      )
      .filter(Boolean)
      .join('; ');
    let bucket;

    const send = (status, body, headers = {}) => {
      record.status = status;
      record.answeredAt = Date.now();
      const payload =
        status >= 400
          ? JSON.stringify({
              ...body,
              documentation_url: body.documentation_url ?? docs,
              status: String(status),
            })
          : status === 204
            ? ''
            : JSON.stringify(body);
      res.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(payload),
        'x-github-media-type': 'github.v3; format=json',
        'x-github-api-version-selected': '2022-11-28',
        'x-github-request-id': requestId,
        ...(accepted ? { 'x-accepted-github-permissions': accepted } : {}),
        ...rateHeaders(bucket),
        ...headers,
      });
      res.end(payload);
      options.onRequest?.(record);
    };

    // Authentication first: no token is 401 "Requires authentication", a wrong one "Bad credentials".
    const auth = /^(?:bearer|token)\s+(\S+)$/i.exec(String(req.headers.authorization ?? ''));
    if (!auth || auth[1] !== token) {
      bucket = windowOf(anonymous, now);
      bucket.used = Math.min(bucket.limit, bucket.used + 1);
      return send(401, {
        message: auth ? 'Bad credentials' : 'Requires authentication',
        documentation_url: DOCS,
      });
    }
    bucket = windowOf(budget, now);
    const primary = (status = 403) =>
      send(status, {
        message: `API rate limit exceeded for installation ID ${installationId}.`,
        documentation_url: RATE_LIMIT_DOCS,
      });
    // The primary limit: once the window's budget is spent, every request is refused until its reset.
    if (route?.operation !== 'rate-limit/get') {
      if (bucket.used >= bucket.limit) return primary();
      bucket.used += 1;
    }

    const fault = takeFault(faults, record.operation);
    if (fault) record.fault = fault.kind;
    if (fault?.kind === 'secondary')
      return send(
        fault.status ?? 403,
        {
          message: `You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID ${requestId}.`,
          documentation_url: SECONDARY_DOCS,
        },
        fault.retryAfter === null ? {} : { 'retry-after': String(fault.retryAfter ?? 60) },
      );
    if (fault?.kind === 'primary') {
      bucket.used = bucket.limit;
      bucket.reset = Math.ceil((now + (fault.resetInSeconds ?? 60) * 1000) / 1000);
      return primary(fault.status);
    }
    if (fault?.kind === '5xx')
      return send(fault.status ?? 500, { message: 'Server Error', documentation_url: DOCS });
    if (fault?.kind === 'drop') {
      record.status = -1;
      options.onRequest?.(record);
      return req.socket.destroy();
    }

    const answer = () => {
      if (!route) throw notFound();
      const params = route.path.exec(path);
      if (route.operation !== 'rate-limit/get' && !isOurs(params[1], params[2])) throw notFound();
      const allowed = route.allow.some((set) =>
        Object.entries(set).every(
          ([scope, level]) => LEVELS[permissions[scope] ?? 'none'] >= LEVELS[level],
        ),
      );
      if (!allowed) throw new Refusal(403, { message: 'Resource not accessible by integration' });
      let body = {};
      if (req.method !== 'GET') {
        try {
          body = raw.length > 0 ? JSON.parse(raw.toString('utf8')) : {};
        } catch {
          throw new Refusal(400, { message: 'Problems parsing JSON' });
        }
        record.body = body;
        if (!isObject(body))
          throw invalid(`For 'links/0/schema', ${shown(body)} is not an object.`);
      }
      return operations[route.operation]({ body, params, now, url, apiUrl });
    };
    try {
      const result = answer();
      const headers = { ...result.headers, ...(result.link ? { link: result.link } : {}) };
      // A slow answer: GitHub has done the work; the answer comes late (a client that gives up and
      // sends again makes a second comment, as it would on GitHub).
      if (fault?.kind === 'slow')
        setTimeout(
          () => res.writable && send(result.status, result.body, headers),
          fault.ms ?? 20_000,
        );
      else send(result.status, result.body, headers);
    } catch (error) {
      if (error instanceof Refusal) send(error.status, error.body, error.headers);
      // A fault in the simulator itself: loud, and never a status a client would retry.
      else send(500, { message: `The simulator failed: ${error?.stack ?? error}` });
    }
  }

  return {
    /** The token requests must carry. */
    token,
    /** owner/name of the repository served. */
    repository: `${owner}/${repo}`,
    owner,
    repo,
    repositoryId,
    handle,
    /** The API's base URL (GITHUB_API_URL), e.g. http://127.0.0.1:PORT/api/v3. */
    get apiUrl() {
      return apiBase;
    },
    set apiUrl(url) {
      apiBase = url;
    },
    requests,
    checkRuns,
    comments,
    /** Requests for one operation (e.g. 'checks/create'), or all. */
    calls(operation) {
      return operation ? requests.filter((r) => r.operation === operation) : requests;
    },
    /** The token's permissions now, with GitHub's scope names. */
    get permissions() {
      return { ...permissions };
    },
    /** Sets the token's permissions: 'write-all', 'read-all' (a fork's pull request), 'none' or an object. */
    setPermissions(next) {
      permissions = normalizePermissions(next);
    },
    /**
     * Arms a fault for the next matching requests: { kind: 'secondary' (status 403 or 429, retryAfter
     * seconds, null for no header) | 'primary' (spends the budget; status, resetInSeconds) | '5xx'
     * (status) | 'slow' (ms; the work is done, the answer comes late) | 'drop' (no answer, nothing
     * done), operation?: a GitHub operation id such as 'checks/create', count = 1, skip = 0 }.
     */
    inject(fault) {
      faults.push({ count: 1, skip: 0, ...fault });
    },
    /** The primary budget: { limit, used, reset } (reset in epoch seconds). */
    rateLimit: budget,
    /** Spends the primary budget until `seconds` from now, as many other jobs of the repository would. */
    exhaust(seconds = 60) {
      const now = Date.now();
      windowOf(budget, now);
      budget.used = budget.limit;
      budget.reset = Math.ceil((now + seconds * 1000) / 1000);
    },
    /** Adds a pull request number that comments can be listed and written on. */
    addPullRequest(number) {
      pullRequests.add(number);
    },
    /**
     * Seeds an existing comment on a pull request, by another user (default) or by github-actions[bot].
     * @param {number} issue
     * @param {string} body
     * @param {{ login?: string, type?: 'User' | 'Bot', at?: number }} [by]
     */
    seedComment(issue, body, by = {}) {
      pullRequests.add(issue);
      const user =
        by.login === ACTIONS_BOT.login
          ? ACTIONS_BOT
          : {
              login: by.login ?? 'octocat',
              id: 583_231 + comments.length,
              node_id: 'MDQ6VXNlcjU4MzIzMQ==',
              type: by.type ?? 'User',
              site_admin: false,
              html_url: `${serverUrl}/${by.login ?? 'octocat'}`,
            };
      return addComment(issue, body, user, by.at ?? Date.now());
    },
    /** The check runs on a commit as the API shows them, newest first (every run, not only the latest of each name). */
    checkRunsFor(sha, apiUrl = apiBase) {
      return checkRuns
        .filter((r) => r.head_sha === sha)
        .sort((a, b) => b.id - a.id)
        .map((r) => checkRunView(r, apiUrl));
    },
    /** A pull request's comments as the API shows them, oldest first. */
    commentsOn(issue, apiUrl = apiBase) {
      return comments
        .filter((c) => c.issue === issue)
        .sort((a, b) => a.id - b.id)
        .map((c) => commentView(c, apiUrl));
    },
  };
}
