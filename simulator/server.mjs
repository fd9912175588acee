// A local CodeBuild: the JSON 1.1 protocol over HTTP on loopback, SigV4-checked, with scripted batch
// lifecycles, injectable faults and a record of every request. A development tool: never bundled.
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import { SimulatedBatch } from './batch.mjs';
import { createIdentity } from './identity.mjs';
import { accessKeyOf, verifySignature } from './sigv4.mjs';
import { scenarios } from './scenarios.mjs';
import { requestError, tryLoadModel, validate, validateError } from './model.mjs';
import { startBuildBatchHandler } from './start-batch.mjs';
import { createGitHub } from './github.mjs';
import { createAccountBudget } from './account-budget.mjs';
import { takeFault } from './faults.mjs';

export const TEST_CREDENTIALS = Object.freeze({
  accessKeyId: 'AKIASIMULATOR0000001',
  secretAccessKey: 'simulator/secret/key/not-a-real-one/000000',
});

const OPERATIONS = new Set([
  'RetryBuildBatch',
  'BatchGetBuildBatches',
  'StopBuildBatch',
  'ListBuildBatchesForProject',
  'BatchGetBuilds',
  'StartBuildBatch',
  'BatchGetReports',
  'DescribeTestCases',
  'GetLogEvents',
]);
/** The services served, by X-Amz-Target prefix: their SigV4 signing name and IAM prefix. */
const SERVICES = {
  'CodeBuild_20161006.': 'codebuild',
  'Logs_20140328.': 'logs',
};
const LOGS_OPERATIONS = new Set(['GetLogEvents']);
/** GetLogEvents returns at most 10,000 events and 1 MB per call. */
const LOG_EVENTS_MAX = 10_000;
const LOG_BYTES_MAX = 1_048_576;
const TOKEN_LIFETIME_MS = 5 * 60_000;

const FAULTS = {
  throttle: { status: 400, code: 'ThrottlingException', message: 'Rate exceeded' },
  '5xx': {
    status: 503,
    code: 'ServiceUnavailableException',
    message: 'Service is temporarily unavailable. Please try again.',
  },
  expired: {
    status: 400,
    code: 'ExpiredTokenException',
    message: 'The security token included in the request is expired',
  },
  denied: {
    status: 400,
    code: 'AccessDeniedException',
    message:
      'User: arn:aws:sts::123456789012:assumed-role/ci/session is not authorized to perform: OPERATION because no identity-based policy allows the OPERATION action',
  },
};

class RequestError {
  constructor(code, message, status = 400) {
    Object.assign(this, { code, message, status });
  }
}

/** The region a request is for: the one its SigV4 credential scope names, as AWS routes it. */
function requestRegion(req) {
  return /Credential=[^/]+\/\d{8}\/([^/]+)\//.exec(String(req.headers.authorization ?? ''))?.[1];
}

/**
 * How an answer breaks the model of the service that gave it: [] when it conforms, or when no model
 * is installed (the model test in npm test fails then) or the answer is deliberately garbled.
 */
function modelViolations(service, operation, status, payload) {
  if (typeof payload === 'string' || !tryLoadModel(service)) return [];
  if (status >= 200 && status < 300) return validate(service, operation, 'output', payload);
  return validateError(service, operation, payload.__type, payload);
}

/**
 * Starts the simulator.
 * @param {object} [options]
 * @param {string | object} [options.scenario]  a scenario name from scenarios.mjs, or a scenario object
 * @param {number} [options.port]  0 (default) for a free port
 * @param {string} [options.region]
 * @param {string} [options.account]
 * @param {number} [options.timeScale]  multiplies every scripted duration
 * @param {(request: object) => void} [options.onRequest]  called after each request is answered
 * @param {boolean} [options.checkModel]  check answers and requests against the service model (default true)
 * @param {boolean} [options.keepResponses]  keep each answer's body in its request record (`response`)
 * @param {object} [options.identity]  OIDC and STS: role, trust conditions, credential lifetime (see identity.mjs)
 * @param {object} [options.github]  GitHub's REST API under /api/v3: repository, token, permissions, rate limit (see github.mjs)
 * @param {{ ratePerSecond: number, burst?: number }} [options.accountBudget]  one token bucket for every
 *   CodeBuild request to this account, whoever sends it: beyond it, ThrottlingException (see account-budget.mjs)
 */
export async function startSimulator(options = {}) {
  const region = options.region ?? 'us-east-1';
  const account = options.account ?? '123456789012';
  const credentials = options.credentials ?? TEST_CREDENTIALS;
  const requests = [];
  const identity = createIdentity({ account, longTerm: credentials, identity: options.identity });
  const github = createGitHub({ ...options.github, onRequest: options.onRequest });
  const faults = [];
  const tokens = new Map();
  const batches = [];
  const violations = [];
  const checkModel = options.checkModel ?? true;
  const budget = options.accountBudget && createAccountBudget(options.accountBudget, Date.now());
  let staleSnapshot;

  function addBatch(spec, number) {
    const batch = new SimulatedBatch(spec, {
      region: spec.region ?? region,
      account,
      number,
      now: Date.now(),
      scale: options.timeScale ?? 1,
    });
    batches.push(batch);
    return batch;
  }

  const scenario =
    typeof options.scenario === 'string' ? scenarios[options.scenario] : options.scenario;
  if (options.scenario && !scenario)
    throw new Error(
      `Unknown scenario ${options.scenario}; known: ${Object.keys(scenarios).join(', ')}`,
    );
  let main;
  if (scenario) {
    (scenario.history ?? []).forEach((h, i) =>
      addBatch({ project: scenario.project, groups: scenario.groups, ...h }, i + 1),
    );
    main = addBatch(scenario, (scenario.history?.length ?? 0) + 1);
    for (const fault of scenario.faults ?? []) faults.push({ count: 1, skip: 0, ...fault });
  }

  // Batches live in a region: a request signed for another one does not see them.
  const find = (id, where) =>
    batches.find((b) => b.region === where && (b.id === id || b.arn === id));

  const startBuildBatch = startBuildBatchHandler({ scenario, batches, addBatch, region, account });

  const handlers = {
    StartBuildBatch(body, record) {
      try {
        return startBuildBatch(body, record);
      } catch (refused) {
        if (refused instanceof Error) throw refused;
        throw new RequestError(refused.code, refused.message);
      }
    },

    BatchGetBuildBatches({ ids }, record) {
      if (!Array.isArray(ids) || ids.length > 100)
        throw new RequestError(
          'InvalidInputException',
          "1 validation error detected: Value at 'ids' failed to satisfy constraint: Member must have length less than or equal to 100",
        );
      const stale = staleSnapshot && takeFault(faults, 'BatchGetBuildBatches', ['stale']);
      if (stale) record.fault = 'stale';
      const found = [];
      const missing = [];
      for (const id of ids) {
        const batch = find(id, record.region);
        if (!batch) missing.push(id);
        else
          found.push(
            stale && batch === staleSnapshot.batch
              ? staleSnapshot.before
              : batch.describe(Date.now()),
          );
      }
      return { buildBatches: found, buildBatchesNotFound: missing };
    },

    RetryBuildBatch({ id, idempotencyToken, retryType }, record) {
      // The model leaves id optional; the service still needs to know which batch to retry.
      if (!id)
        throw new RequestError('InvalidInputException', 'Batch build id or ARN is required.');
      const batch = find(id, record.region);
      if (!batch)
        throw new RequestError('ResourceNotFoundException', `Build batch ${id} does not exist`);
      const effectiveType = retryType ?? 'RETRY_FAILED_BUILDS';
      if (!['RETRY_FAILED_BUILDS', 'RETRY_ALL_BUILDS'].includes(effectiveType)) {
        throw new RequestError(
          'InvalidInputException',
          `1 validation error detected: Value '${retryType}' at 'retryType' failed to satisfy constraint: Member must satisfy enum value set: [RETRY_ALL_BUILDS, RETRY_FAILED_BUILDS]`,
        );
      }
      if (scenario?.refuseRetry)
        throw new RequestError(scenario.refuseRetry.code, scenario.refuseRetry.message);
      if (idempotencyToken) {
        const seen = tokens.get(idempotencyToken);
        if (seen && Date.now() - seen.at < TOKEN_LIFETIME_MS) {
          if (seen.id !== batch.id || seen.retryType !== effectiveType) {
            throw new RequestError(
              'InvalidInputException',
              'The idempotency token was already used with different parameters.',
            );
          }
          // Idempotent: the same request within the token's lifetime gets the first answer again.
          return seen.answer;
        }
      }
      let result;
      try {
        result = batch.retry(Date.now(), effectiveType);
      } catch (refused) {
        throw new RequestError(refused.code, refused.message);
      }
      const answer = { buildBatch: result.response };
      if (idempotencyToken)
        tokens.set(idempotencyToken, {
          at: Date.now(),
          id: batch.id,
          retryType: effectiveType,
          answer,
        });
      staleSnapshot = { batch, before: result.before };
      return answer;
    },

    StopBuildBatch({ id }, record) {
      const batch = find(id, record.region);
      if (!batch)
        throw new RequestError('ResourceNotFoundException', `Build batch ${id} does not exist`);
      return { buildBatch: batch.stop(Date.now()) };
    },

    ListBuildBatchesForProject({ projectName, filter, sortOrder, maxResults, nextToken }, record) {
      if (maxResults !== undefined && (maxResults < 1 || maxResults > 100))
        throw new RequestError('InvalidInputException', 'maxResults must be between 1 and 100');
      // The model leaves projectName optional; the service needs a project to list.
      if (!projectName)
        throw new RequestError('InvalidInputException', 'Project name is required.');
      const known = batches.filter((b) => b.project === projectName && b.region === record.region);
      const declared = record.region === region && (scenario?.projects ?? []).includes(projectName);
      if (known.length === 0 && !declared) {
        throw new RequestError(
          'ResourceNotFoundException',
          `Project cannot be found: arn:aws:codebuild:${record.region}:${account}:project/${projectName}`,
        );
      }
      const now = Date.now();
      // Sorted by identifier, as the service documents: not by age.
      const ids = known
        .filter((b) => !filter?.status || b.statusAt(now) === filter.status)
        .map((b) => b.id)
        .sort();
      if (sortOrder === 'DESCENDING') ids.reverse();
      const start = nextToken ? Number(Buffer.from(nextToken, 'base64').toString()) : 0;
      const size = maxResults ?? 100;
      const page = ids.slice(start, start + size);
      const out = { ids: page };
      if (start + size < ids.length)
        out.nextToken = Buffer.from(String(start + size)).toString('base64');
      return out;
    },

    BatchGetReports({ reportArns }) {
      if (!Array.isArray(reportArns) || reportArns.length < 1 || reportArns.length > 100)
        throw new RequestError(
          'InvalidInputException',
          "1 validation error detected: Value at 'reportArns' failed to satisfy constraint: Member must have length less than or equal to 100",
        );
      const reports = [];
      const reportsNotFound = [];
      for (const arn of reportArns) {
        const found = batches.map((b) => b.report(arn)).find(Boolean);
        if (found) reports.push(found);
        else reportsNotFound.push(arn);
      }
      // The model gives reportsNotFound at least one item: an empty list is left out.
      return reportsNotFound.length > 0 ? { reports, reportsNotFound } : { reports };
    },

    DescribeTestCases({ reportArn, filter, maxResults, nextToken }) {
      if (!reportArn)
        throw new RequestError(
          'InvalidInputException',
          "1 validation error detected: Value null at 'reportArn' failed to satisfy constraint: Member must not be null",
        );
      if (maxResults !== undefined && (maxResults < 1 || maxResults > 100))
        throw new RequestError(
          'InvalidInputException',
          "1 validation error detected: Value at 'maxResults' failed to satisfy constraint: Member must have value between 1 and 100",
        );
      const cases = batches.map((b) => b.testCases(reportArn, filter?.status)).find(Boolean);
      if (!cases)
        throw new RequestError('ResourceNotFoundException', `Report ${reportArn} does not exist`);
      const start = nextToken ? Number(Buffer.from(nextToken, 'base64').toString()) : 0;
      const size = maxResults ?? 100;
      const out = { testCases: cases.slice(start, start + size) };
      if (start + size < cases.length)
        out.nextToken = Buffer.from(String(start + size)).toString('base64');
      return out;
    },

    GetLogEvents({ logGroupName, logStreamName, startFromHead, limit, nextToken }) {
      if (!logGroupName || !logStreamName)
        throw new RequestError(
          'InvalidParameterException',
          'logGroupName and logStreamName are required.',
        );
      if (limit !== undefined && (limit < 1 || limit > LOG_EVENTS_MAX))
        throw new RequestError(
          'InvalidParameterException',
          "1 validation error detected: Value at 'limit' failed to satisfy constraint: Member must have value between 1 and 10000",
        );
      const now = Date.now();
      const events = batches
        .map((b) => b.logEvents(logGroupName, logStreamName, now))
        .find(Boolean);
      if (!events) {
        const groupKnown = batches.some((b) =>
          [...b.logStreams.keys()].some((k) => k.startsWith(`${logGroupName}\n`)),
        );
        throw new RequestError(
          'ResourceNotFoundException',
          groupKnown
            ? 'The specified log stream does not exist.'
            : 'The specified log group does not exist.',
        );
      }
      const max = limit ?? LOG_EVENTS_MAX;
      const token = /^([fb])\/(\d+)$/.exec(nextToken ?? '');
      let start;
      let end;
      if (startFromHead) {
        start = token ? Number(token[2]) : 0;
        end = start;
        let bytes = 0;
        while (end < events.length && end - start < max) {
          bytes += Buffer.byteLength(events[end].message) + 26;
          if (bytes > LOG_BYTES_MAX) break;
          end += 1;
        }
      } else {
        end = token ? Number(token[2]) : events.length;
        start = end;
        let bytes = 0;
        while (start > 0 && end - start < max) {
          bytes += Buffer.byteLength(events[start - 1].message) + 26;
          if (bytes > LOG_BYTES_MAX) break;
          start -= 1;
        }
      }
      return {
        events: events.slice(start, end),
        nextForwardToken: `f/${String(end).padStart(56, '0')}`,
        nextBackwardToken: `b/${String(start).padStart(56, '0')}`,
      };
    },

    BatchGetBuilds({ ids }, record) {
      if (!Array.isArray(ids) || ids.length > 100)
        throw new RequestError(
          'InvalidInputException',
          "1 validation error detected: Value at 'ids' failed to satisfy constraint: Member must have length less than or equal to 100",
        );
      const now = Date.now();
      const builds = [];
      const buildsNotFound = [];
      for (const id of ids) {
        const build = batches
          .filter((b) => b.region === record.region)
          .map((b) => b.build(id, now))
          .find(Boolean);
        if (build) builds.push(build);
        else buildsNotFound.push(id);
      }
      return { builds, buildsNotFound };
    },
  };

  function send(res, requestId, status, payload, errorCode, service = 'codebuild') {
    const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
    const headers = {
      'Content-Type': 'application/x-amz-json-1.1',
      'x-amzn-RequestId': requestId,
      'Content-Length': Buffer.byteLength(body),
    };
    if (errorCode)
      headers['X-Amzn-ErrorType'] =
        `${errorCode}:http://internal.amazon.com/coral/com.amazonaws.${service}/`;
    res.writeHead(status, headers);
    res.end(body);
  }

  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      // GitHub's REST API shares the port: everything under /api/v3 is its own, with its own log.
      if (github.handle(req, res, raw)) return;
      const requestId = randomUUID();
      const target = String(req.headers['x-amz-target'] ?? '');
      const prefix = Object.keys(SERVICES).find((p) => target.startsWith(p));
      const operation = prefix ? target.slice(prefix.length) : target;
      // Each operation belongs to one service: a CodeBuild target cannot reach GetLogEvents.
      const service = prefix ? SERVICES[prefix] : 'codebuild';
      const record = {
        at: Date.now(),
        service,
        operation,
        requestId,
        status: 0,
        body: undefined,
        fault: undefined,
        region: requestRegion(req),
        userAgent: String(req.headers['user-agent'] ?? ''),
      };
      requests.push(record);
      /**
       * Every answer leaves through here, checked against the model of the service that gave it
       * (record.service). An answer sent as text (XML) passes the object it was made from as `checked`,
       * an error as { __type, message }.
       */
      const answer = (status, payload, code, checked = payload) => {
        const broken = checkModel
          ? modelViolations(record.service, operation, status, checked)
          : [];
        if (broken.length > 0) {
          record.violations = broken;
          violations.push(...broken.map((v) => ({ operation, requestId, ...v })));
          const list = broken.map((v) => `${v.path}: ${v.what}`).join('; ');
          // A 4xx the SDK and the action do not retry: the test fails at once, naming the path.
          code = 'SimulatorModelViolation';
          status = 400;
          payload = {
            __type: code,
            message: `The simulator's ${operation} answer breaks the ${record.service} model: ${list}`,
          };
        }
        record.status = status;
        if (code) record.error = code;
        if (options.keepResponses) record.response = payload;
        send(res, requestId, status, payload, code, service);
        options.onRequest?.(record);
      };
      const reply = (status, payload) => answer(status, payload);
      const fail = (error) =>
        answer(error.status, { __type: error.code, message: error.message }, error.code);

      // GitHub's OIDC token endpoint and STS share the port: routed by method, path and Content-Type.
      const url = new URL(req.url ?? '/', 'http://simulator');
      if (req.method === 'GET' && url.pathname === '/oidc/token') {
        record.operation = 'GetIDToken';
        const answer = identity.handleOidc(req, url);
        record.status = answer.status;
        res.writeHead(answer.status, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(answer.body));
        return options.onRequest?.(record);
      }
      if (
        req.method === 'POST' &&
        String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')
      ) {
        const answer = identity.handleSts(raw, requestId, record);
        record.status = answer.status;
        res.writeHead(answer.status, {
          'Content-Type': 'text/xml',
          'x-amzn-RequestId': requestId,
          'Content-Length': Buffer.byteLength(answer.body),
        });
        res.end(answer.body);
        return options.onRequest?.(record);
      }
      if (req.method !== 'POST')
        return fail({
          status: 404,
          code: 'UnknownOperationException',
          message: 'Only POST / is served.',
        });
      // Which credentials signed it: the long-term test key, or temporary ones STS issued (checked
      // for their session token and expiry first, as AWS does).
      record.accessKeyId = accessKeyOf(req);
      // (No key at all: verifySignature answers what AWS answers to an unsigned or malformed request.)
      const signer = record.accessKeyId
        ? identity.credentialsFor(record.accessKeyId, req.headers['x-amz-security-token'])
        : { credentials };
      record.credentialExpiresAt = signer.credentials?.expiresAt;
      if (signer.error) return fail(signer.error);
      const signatureError = verifySignature(req, raw, signer.credentials, service);
      if (signatureError) return fail(signatureError);
      if (!OPERATIONS.has(operation) || LOGS_OPERATIONS.has(operation) !== (service === 'logs'))
        return fail({
          status: 400,
          code: 'UnknownOperationException',
          message: `Unknown operation ${target}`,
        });
      if (!String(req.headers['content-type'] ?? '').startsWith('application/x-amz-json-1.1')) {
        return fail({
          status: 400,
          code: 'SerializationException',
          message: 'Content-Type must be application/x-amz-json-1.1',
        });
      }
      try {
        record.body = raw.length ? JSON.parse(raw.toString('utf8')) : {};
      } catch {
        return fail({
          status: 400,
          code: 'SerializationException',
          message: 'Request body is not valid JSON',
        });
      }

      // The account's budget is spent by every caller alike; CloudWatch Logs has quotas of its own.
      if (budget && service === 'codebuild' && !budget.take(record.at)) {
        record.fault = 'throttle';
        return fail(FAULTS.throttle);
      }
      const fault = takeFault(faults, operation, [
        'throttle',
        '5xx',
        'expired',
        'denied',
        'drop',
        'malformed',
      ]);
      if (fault) {
        record.fault = fault.kind;
        if (fault.kind === 'drop') {
          record.status = -1;
          options.onRequest?.(record);
          return req.socket.destroy();
        }
        if (fault.kind === 'malformed') return reply(200, '{"buildBatches": [{"id": "trunc');
        const shape = FAULTS[fault.kind];
        return fail({
          ...shape,
          message: shape.message.replaceAll('OPERATION', `${service}:${operation}`),
        });
      }
      // Authentication and throttling first, then the service judges the request against its model.
      const invalid =
        checkModel && tryLoadModel(record.service)
          ? requestError(record.service, operation, record.body)
          : undefined;
      if (invalid) return fail(invalid);
      // Faults after the service has acted: the answer is lost (the work is done), or comes late.
      const late = takeFault(faults, operation, ['lost', 'slow']);
      try {
        const result = handlers[operation](record.body, record);
        if (late?.kind === 'lost') {
          record.fault = 'lost';
          record.status = -1;
          options.onRequest?.(record);
          return req.socket.destroy();
        }
        if (late?.kind === 'slow') {
          record.fault = 'slow';
          return void setTimeout(() => res.writable && reply(200, result), late.ms ?? 20_000);
        }
        reply(200, result);
      } catch (error) {
        if (error instanceof RequestError) return fail(error);
        fail({ status: 500, code: 'InternalFailure', message: String(error?.message ?? error) });
      }
    });
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  const endpoint = `http://127.0.0.1:${port}`;
  github.apiUrl = `${endpoint}/api/v3`;

  return {
    endpoint,
    port,
    region,
    account,
    credentials,
    requests,
    /** The scenario's batch. */
    batch: main,
    batches,
    /**
     * Adds a batch of the scenario's kind (spec as a scenario's: project, groups, initial, retries,
     * durationMs): one account serves many workflows, each waiting on its own batch.
     */
    addBatch(spec) {
      const project = spec.project ?? scenario?.project ?? 'web-app';
      const number = batches.filter((b) => b.project === project).length + 1;
      return addBatch({ groups: scenario?.groups, ...spec, project }, number);
    },
    /** How the simulator's answers broke the service model: [{ operation, requestId, path, what, kind }]. */
    violations,
    /**
     * Arms a fault: { kind: throttle|5xx|expired|denied|drop|malformed|stale|lost|slow, operation?,
     * count = 1, skip = 0, ms? }. lost: the service acts, the answer is dropped; slow: answered after ms.
     */
    inject(fault) {
      faults.push({ count: 1, skip: 0, ...fault });
    },
    /** Requests for one operation (or all). */
    calls(operation) {
      return operation ? requests.filter((r) => r.operation === operation) : requests;
    },
    /** GitHub's REST API (check runs, issue comments) on the same port, under /api/v3 (see github.mjs). */
    github,
    /** The environment a client needs to reach this simulator with the test credentials. */
    clientEnv() {
      return {
        AWS_ENDPOINT_URL_CODEBUILD: endpoint,
        AWS_ENDPOINT_URL_CLOUDWATCH_LOGS: endpoint,
        AWS_REGION: region,
        AWS_ACCESS_KEY_ID: credentials.accessKeyId,
        AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
        GITHUB_API_URL: github.apiUrl,
      };
    },
    /** The role that trusts this simulator's GitHub tokens. */
    roleArn: identity.roleArn,
    /** Temporary credentials STS issued, by access key id ({ issuedAt, expiresAt, … }). */
    issued: identity.issued,
    /** Temporary credentials lasting `seconds`, as configure-aws-credentials would hand a job. */
    issueTemporary: identity.issueTemporary,
    /** Every credential and token value the simulator handed out (the GitHub token too): none may ever be printed. */
    secrets: () => [...identity.secrets(), github.token],
    /** The environment of a job that assumes the role itself: OIDC token endpoint and STS, no keys. */
    roleEnv() {
      return {
        AWS_ENDPOINT_URL_CODEBUILD: endpoint,
        AWS_ENDPOINT_URL_STS: endpoint,
        AWS_REGION: region,
        AWS_EC2_METADATA_DISABLED: 'true',
        ACTIONS_ID_TOKEN_REQUEST_URL: `${endpoint}/oidc/token?api-version=2.0`,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: identity.requestToken,
        GITHUB_API_URL: github.apiUrl,
      };
    },
    close() {
      server.closeAllConnections?.();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
