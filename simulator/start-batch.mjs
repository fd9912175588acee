// StartBuildBatch in the simulator: the request judged as the service judges it (AWS's model of
// StartBuildBatchInput, botocore's codebuild 2016-10-06 service-2.json), a new batch per start that
// plays the scenario's `start` plan, and idempotency replay within the token's five minutes.
import { unreadableMessage } from './model.mjs';

const TOKEN_LIFETIME_MS = 5 * 60_000;

const string = { type: 'string' };
const nonEmpty = { type: 'string', min: 1 };
const boolean = { type: 'boolean' };
const timeout = { type: 'integer', min: 5, max: 480 };
const structure = (required = []) => ({ type: 'structure', required });
const list = (max, item = structure()) => ({ type: 'list', min: 0, max, item });
const oneOf = (...values) => ({ type: 'string', enum: values });

/** StartBuildBatchInput's members, with the model's types, enums and bounds. */
export const START_BUILD_BATCH_INPUT = structure(['projectName']);
START_BUILD_BATCH_INPUT.members = {
  projectName: nonEmpty,
  secondarySourcesOverride: list(12, structure(['type'])),
  secondarySourcesVersionOverride: list(12, structure(['sourceIdentifier', 'sourceVersion'])),
  sourceVersion: string,
  artifactsOverride: structure(['type']),
  secondaryArtifactsOverride: list(12, structure(['type'])),
  environmentVariablesOverride: {
    type: 'list',
    item: {
      type: 'structure',
      required: ['name', 'value'],
      members: {
        name: nonEmpty,
        value: string,
        type: oneOf('PLAINTEXT', 'PARAMETER_STORE', 'SECRETS_MANAGER'),
      },
    },
  },
  sourceTypeOverride: oneOf(
    'CODECOMMIT',
    'CODEPIPELINE',
    'GITHUB',
    'S3',
    'BITBUCKET',
    'GITHUB_ENTERPRISE',
    'NO_SOURCE',
  ),
  sourceLocationOverride: string,
  sourceAuthOverride: structure(['type']),
  gitCloneDepthOverride: { type: 'integer', min: 0 },
  gitSubmodulesConfigOverride: structure(['fetchSubmodules']),
  buildspecOverride: string,
  insecureSslOverride: boolean,
  reportBuildBatchStatusOverride: boolean,
  environmentTypeOverride: oneOf(
    'WINDOWS_CONTAINER',
    'LINUX_CONTAINER',
    'LINUX_GPU_CONTAINER',
    'ARM_CONTAINER',
    'WINDOWS_SERVER_2019_CONTAINER',
  ),
  imageOverride: nonEmpty,
  computeTypeOverride: oneOf(
    'BUILD_GENERAL1_SMALL',
    'BUILD_GENERAL1_MEDIUM',
    'BUILD_GENERAL1_LARGE',
    'BUILD_GENERAL1_2XLARGE',
  ),
  certificateOverride: string,
  cacheOverride: structure(['type']),
  serviceRoleOverride: nonEmpty,
  privilegedModeOverride: boolean,
  buildTimeoutInMinutesOverride: timeout,
  queuedTimeoutInMinutesOverride: timeout,
  encryptionKeyOverride: nonEmpty,
  idempotencyToken: string,
  logsConfigOverride: structure(),
  registryCredentialOverride: structure(['credential', 'credentialProvider']),
  imagePullCredentialsTypeOverride: oneOf('CODEBUILD', 'SERVICE_ROLE'),
  buildBatchConfigOverride: structure(),
  debugSessionEnabled: boolean,
};

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Checks one value against a member's shape; pushes [kind, path, value, constraint] findings. */
function check(shape, value, path, out) {
  const typeOk = {
    string: typeof value === 'string',
    boolean: typeof value === 'boolean',
    integer: Number.isInteger(value),
    list: Array.isArray(value),
    structure: isObject(value),
  }[shape.type];
  if (!typeOk) return out.push(['type', path, value, `expected ${shape.type}`, shape.type]);
  if (shape.type === 'string') {
    if (shape.enum && !shape.enum.includes(value))
      out.push([
        'constraint',
        path,
        value,
        `Member must satisfy enum value set: [${shape.enum.join(', ')}]`,
      ]);
    if (shape.min !== undefined && [...value].length < shape.min)
      out.push([
        'constraint',
        path,
        value,
        `Member must have length greater than or equal to ${shape.min}`,
      ]);
  }
  if (shape.type === 'integer') {
    if (shape.min !== undefined && value < shape.min)
      out.push([
        'constraint',
        path,
        value,
        `Member must have value greater than or equal to ${shape.min}`,
      ]);
    if (shape.max !== undefined && value > shape.max)
      out.push([
        'constraint',
        path,
        value,
        `Member must have value less than or equal to ${shape.max}`,
      ]);
  }
  if (shape.type === 'list') {
    if (shape.max !== undefined && value.length > shape.max)
      out.push([
        'constraint',
        path,
        `[${value.length} items]`,
        `Member must have length less than or equal to ${shape.max}`,
      ]);
    value.forEach((item, i) => check(shape.item, item, `${path}.${i + 1}.member`, out));
  }
  if (shape.type === 'structure') {
    const at = (name) => (path ? `${path}.${name}` : name);
    for (const name of shape.required ?? [])
      if (value[name] === undefined || value[name] === null)
        out.push(['constraint', at(name), null, 'Member must not be null']);
    for (const [name, member] of Object.entries(shape.members ?? {}))
      if (value[name] !== undefined && value[name] !== null)
        check(member, value[name], at(name), out);
  }
}

/**
 * Judges a StartBuildBatch request: undefined when it holds, else { code, message } as the service
 * answers. A member of the wrong type cannot be read (SerializationException); broken constraints are
 * listed in one "N validation errors detected" sentence. Members the model does not know are ignored,
 * as the service does (they are returned in `ignored`, for tests).
 */
export function judgeStartRequest(body) {
  const findings = [];
  const members = START_BUILD_BATCH_INPUT.members;
  const ignored = Object.keys(body).filter((name) => !(name in members));
  check(START_BUILD_BATCH_INPUT, body, '', findings);
  const type = findings.find(([kind]) => kind === 'type');
  if (type)
    return {
      ignored,
      error: {
        code: 'SerializationException',
        message: unreadableMessage(type[4], type[2]),
      },
    };
  if (findings.length === 0) return { ignored };
  const sentences = findings.map(
    ([, path, value, constraint]) =>
      `Value ${value === null ? 'null' : `'${String(value).slice(0, 100)}'`} at '${path}' failed to satisfy constraint: ${constraint}`,
  );
  return {
    ignored,
    error: {
      code: 'InvalidInputException',
      message: `${sentences.length} validation error${sentences.length > 1 ? 's' : ''} detected: ${sentences.join('; ')}`,
    },
  };
}

/** The request's parameters, for comparing a reused token's requests: all but the token, keys sorted. */
function parameters(body) {
  const canonical = (v) =>
    Array.isArray(v)
      ? v.map(canonical)
      : isObject(v)
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, canonical(v[k])]),
          )
        : v;
  return JSON.stringify(canonical({ ...body, idempotencyToken: undefined }));
}

/**
 * The StartBuildBatch handler. Throws { code, message } when the service would refuse.
 * @param {object} context
 * @param {object | undefined} context.scenario  its `start` plan ({ groups, durationMs }) plays in each started batch
 * @param {Array} context.batches  every batch the simulator knows
 * @param {(spec: object, number: number) => object} context.addBatch
 * @param {string} context.region
 * @param {string} context.account
 */
export function startBuildBatchHandler({ scenario, batches, addBatch, region, account }) {
  const tokens = new Map();
  const projects = new Set([scenario?.project, ...(scenario?.projects ?? [])].filter(Boolean));
  return (body, record) => {
    const judged = judgeStartRequest(body);
    if (judged.ignored.length > 0) record.ignored = judged.ignored;
    if (judged.error) throw judged.error;
    const { projectName, idempotencyToken } = body;
    if (!projects.has(projectName))
      throw {
        code: 'ResourceNotFoundException',
        message: `Project cannot be found: arn:aws:codebuild:${record.region ?? region}:${account}:project/${projectName}`,
      };
    const now = Date.now();
    if (idempotencyToken) {
      const seen = tokens.get(idempotencyToken);
      if (seen && now - seen.at < TOKEN_LIFETIME_MS) {
        if (seen.parameters !== parameters(body))
          throw {
            code: 'InvalidInputException',
            message: 'The idempotency token was already used with different parameters.',
          };
        // Within the token's lifetime the same request starts nothing: the batch it started, as it is now.
        record.replayed = true;
        return { buildBatch: seen.batch.describe(now) };
      }
    }
    const plan = scenario?.start ?? {};
    const number = Math.max(0, ...batches.map((b) => (b.project === projectName ? b.number : 0)));
    const batch = addBatch(
      {
        project: projectName,
        groups: scenario?.groups ?? [{ identifier: 'build', dependsOn: [] }],
        environmentVariables: scenario?.environmentVariables,
        durationMs: plan.durationMs ?? scenario?.durationMs,
        initial: { running: true, groups: plan.groups ?? {} },
        retries: scenario?.retries,
        request: body,
        region: record.region,
      },
      number + 1,
    );
    if (idempotencyToken)
      tokens.set(idempotencyToken, { at: now, parameters: parameters(body), batch });
    return { buildBatch: batch.describe(now) };
  };
}
