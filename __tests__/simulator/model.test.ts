// The simulator is only as true as its answers: every one is held to AWS's published CodeBuild model
// (botocore's service-2.json). Without that model, on a developer's machine, this file is skipped with
// one line naming the package; CI sets REQUIRE_AWS_MODELS=1 (.ci/run), where a missing model fails it.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  BatchGetBuildBatchesCommand,
  BatchGetBuildsCommand,
  CodeBuildClient,
  ListBuildBatchesForProjectCommand,
  RetryBuildBatchCommand,
  StopBuildBatchCommand,
  type BatchGetBuildBatchesCommandOutput,
  type ServiceInputTypes,
} from '@aws-sdk/client-codebuild';
import {
  INSTALL_HINT,
  findModelFile,
  loadModel,
  requestError,
  tryLoadModel,
  validate,
  validateError,
} from '../../simulator/model.mjs';
import { BEYOND_MODEL } from '../../simulator/model-allowlist.mjs';
import { START_BUILD_BATCH_INPUT, judgeStartRequest } from '../../simulator/start-batch.mjs';
import { startSimulator, type Simulator } from '../../simulator/server.mjs';
import { scenarios } from '../../simulator/scenarios.mjs';

process.env.AWS_EC2_METADATA_DISABLED = 'true';

const modelFound = tryLoadModel('codebuild') !== undefined;
const required = process.env.REQUIRE_AWS_MODELS === '1';
if (!modelFound && !required)
  process.stderr.write(
    `Service-model tests skipped: no botocore model found; ${INSTALL_HINT} to run them.\n`,
  );
const suite = modelFound || required ? describe : describe.skip;

const OPERATIONS = [
  'BatchGetBuildBatches',
  'BatchGetBuilds',
  'ListBuildBatchesForProject',
  'RetryBuildBatch',
  'StopBuildBatch',
];

suite('the service models', () => {
  it.each(['codebuild', 'logs', 'sts'])('%s: the model is installed', (service) => {
    expect(loadModel(service).operations).toBeDefined();
  });

  it('a missing model is one line that says what to install', () => {
    const empty = mkdtempSync(join(tmpdir(), 'no-botocore-'));
    const saved = process.env.BOTOCORE_DATA_DIR;
    process.env.BOTOCORE_DATA_DIR = empty;
    try {
      expect(findModelFile('codebuild')).toBeUndefined();
      expect(tryLoadModel('codebuild')).toBeUndefined();
      let thrown: Error | undefined;
      try {
        loadModel('codebuild');
      } catch (error) {
        thrown = error as Error;
      }
      expect(thrown?.message).toContain(INSTALL_HINT);
      expect(thrown?.stack).not.toContain('\n');
    } finally {
      if (saved === undefined) delete process.env.BOTOCORE_DATA_DIR;
      else process.env.BOTOCORE_DATA_DIR = saved;
    }
  });

  it('reads a gzipped model (as pip installs of botocore ship them)', () => {
    const installed = loadModel('codebuild');
    const data = mkdtempSync(join(tmpdir(), 'botocore-gz-'));
    const dir = join(data, 'codebuild', '2016-10-06');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'service-2.json.gz'), gzipSync(readFileSync(installed.file)));
    const saved = process.env.BOTOCORE_DATA_DIR;
    process.env.BOTOCORE_DATA_DIR = data;
    try {
      const model = loadModel('codebuild');
      expect(model.file).toMatch(/service-2\.json\.gz$/);
      expect(Object.keys(model.operations)).toEqual(Object.keys(installed.operations));
    } finally {
      if (saved === undefined) delete process.env.BOTOCORE_DATA_DIR;
      else process.env.BOTOCORE_DATA_DIR = saved;
    }
  });
});

/** A BuildBatch as the simulator sends it, small but complete. */
function batch(overrides: Record<string, unknown> = {}) {
  return {
    id: 'web-app:1',
    arn: 'arn:aws:codebuild:us-east-1:123456789012:build-batch/web-app:1',
    startTime: 1700000000.5,
    buildBatchStatus: 'FAILED',
    complete: true,
    buildBatchNumber: 3,
    phases: [{ phaseType: 'SUBMITTED', phaseStatus: 'SUCCEEDED', startTime: 1700000000.5 }],
    environment: {
      type: 'LINUX_CONTAINER',
      image: 'aws/codebuild/standard:7.0',
      computeType: 'BUILD_GENERAL1_SMALL',
    },
    buildGroups: [
      {
        identifier: 'build',
        dependsOn: [],
        ignoreFailure: false,
        currentBuildSummary: {
          arn: 'arn:aws:codebuild:us-east-1:123456789012:build/web-app:2',
          requestedOn: 1700000000.5,
          buildStatus: 'FAILED',
          primaryArtifact: { type: 'no_artifacts', location: '' },
          secondaryArtifacts: [],
        },
      },
    ],
    ...overrides,
  };
}

const outputCheck = (value: unknown, operation = 'BatchGetBuildBatches') =>
  validate('codebuild', operation, 'output', value).map((v) => `${v.kind} ${v.path}`);

suite('the validator', () => {
  it.each([
    ['a conforming batch', { buildBatches: [batch()] }, []],
    [
      'an unknown member',
      { buildBatches: [batch({ colour: 'red' })] },
      ['unknown buildBatches[0].colour'],
    ],
    [
      'a timestamp as ISO text',
      { buildBatches: [batch({ startTime: '2023-11-14T22:13:20Z' })] },
      ['type buildBatches[0].startTime'],
    ],
    [
      'a status outside the enum',
      { buildBatches: [batch({ buildBatchStatus: 'DONE' })] },
      ['enum buildBatches[0].buildBatchStatus'],
    ],
    [
      'a number as text',
      { buildBatches: [batch({ buildBatchNumber: '3' })] },
      ['type buildBatches[0].buildBatchNumber'],
    ],
    [
      'a fractional long',
      { buildBatches: [batch({ buildBatchNumber: 2.5 })] },
      ['type buildBatches[0].buildBatchNumber'],
    ],
    [
      'a boolean as text',
      { buildBatches: [batch({ complete: 'true' })] },
      ['type buildBatches[0].complete'],
    ],
    [
      'an object where a list goes',
      { buildBatches: [batch({ buildGroups: {} })] },
      ['type buildBatches[0].buildGroups'],
    ],
    [
      'a null member',
      { buildBatches: [batch({ endTime: null })] },
      ['null buildBatches[0].endTime'],
    ],
    [
      'a nested required member missing',
      {
        buildBatches: [
          batch({ environment: { type: 'LINUX_CONTAINER', computeType: 'BUILD_GENERAL1_SMALL' } }),
        ],
      },
      ['required buildBatches[0].environment.image'],
    ],
    ['an empty id', { buildBatches: [batch({ id: '' })] }, ['length buildBatches[0].id']],
    [
      'more than 100 not-found ids',
      { buildBatchesNotFound: Array.from({ length: 101 }, (_, i) => `x:${i}`) },
      ['length buildBatchesNotFound'],
    ],
  ])('%s', (_, value, expected) => {
    expect(outputCheck(value)).toEqual(expected);
  });

  it('accepts the allow-listed values only where the allow-list puts them', () => {
    const pending = batch();
    pending.buildGroups[0]!.currentBuildSummary.buildStatus = 'PENDING';
    expect(outputCheck({ buildBatches: [pending] })).toEqual([]);
    expect(outputCheck({ buildBatches: [batch({ buildBatchStatus: 'PENDING' })] })).toEqual([
      'enum buildBatches[0].buildBatchStatus',
    ]);
    const retried = batch({
      phases: [
        { phaseType: 'IN_PROGRESS', phaseStatus: 'CLIENT_ERROR' },
        { phaseType: 'FAILED', phaseStatus: 'RETRY' },
      ],
    });
    expect(outputCheck({ buildBatches: [retried] })).toEqual([]);
    expect(
      outputCheck({ buildBatches: [batch({ currentPhase: 'ANY', buildBatchStatus: 'RETRY' })] }),
    ).toEqual(['enum buildBatches[0].buildBatchStatus']);
    expect(outputCheck({ builds: [], buildsNotFound: [] }, 'BatchGetBuilds')).toEqual([]);
    // The allow-list is for answers: a request is held to the model as it is.
    expect(
      validate('codebuild', 'BatchGetBuilds', 'input', { ids: [] }).map((v) => v.kind),
    ).toEqual(['length']);
  });

  it.each(
    BEYOND_MODEL.map((entry) => [
      `${entry.shape}.${entry.member} ${entry.value ?? (entry.newMember ? '(newer member)' : '[]')}`,
      entry,
    ]),
  )('allow-list entry %s is really beyond the model, and sourced', (_, entry) => {
    const model = loadModel(entry.service);
    const member = model.shapes[entry.shape]?.members?.[entry.member];
    if (entry.newMember) {
      // A member newer than the installed model: the shape exists, the member does not (yet).
      expect(model.shapes[entry.shape]).toBeDefined();
      expect(member).toBeUndefined();
      expect(entry.source.length).toBeGreaterThan(20);
      return;
    }
    expect(member).toBeDefined();
    const target = model.shapes[member.shape];
    if (entry.emptyList) expect(target.min).toBeGreaterThan(0);
    else expect(target.enum).not.toContain(entry.value);
    expect(entry.source.length).toBeGreaterThan(20);
  });

  it('checks inputs for required members, and errors against the operation and the common errors', () => {
    expect(validate('codebuild', 'StopBuildBatch', 'input', {})).toEqual([
      expect.objectContaining({ path: 'id', kind: 'required' }),
    ]);
    expect(
      validateError('codebuild', 'StopBuildBatch', 'ResourceNotFoundException', {
        __type: 'ResourceNotFoundException',
        message: 'x',
      }),
    ).toEqual([]);
    expect(
      validateError('codebuild', 'BatchGetBuilds', 'ThrottlingException', {
        __type: 'ThrottlingException',
        message: 'Rate exceeded',
      }),
    ).toEqual([]);
    expect(
      validateError('codebuild', 'BatchGetBuilds', 'ResourceNotFoundException', {
        __type: 'ResourceNotFoundException',
        message: 'x',
      }).map((v) => v.path),
    ).toEqual(['__type']);
    expect(
      validateError('codebuild', 'BatchGetBuilds', 'InvalidInputException', {
        __type: 'InvalidInputException',
        message: 'x',
        detail: 1,
      }).map((v) => v.path),
    ).toEqual(['detail']);
  });
});

suite('requests the model refuses', () => {
  it.each([
    [
      'StopBuildBatch',
      {},
      'InvalidInputException',
      "Value null at 'id' failed to satisfy constraint: Member must not be null",
    ],
    [
      'BatchGetBuilds',
      { ids: [] },
      'InvalidInputException',
      "at 'ids' failed to satisfy constraint: Member must have length greater than or equal to 1",
    ],
    ['BatchGetBuildBatches', {}, 'InvalidInputException', "Value null at 'ids'"],
    [
      'BatchGetBuildBatches',
      { ids: [''] },
      'InvalidInputException',
      "at 'ids[0]' failed to satisfy constraint: Member must have length greater than or equal to 1",
    ],
    [
      'RetryBuildBatch',
      { id: 'p:1', retryType: 'RETRY_SOME' },
      'InvalidInputException',
      'Member must satisfy enum value set: [RETRY_ALL_BUILDS, RETRY_FAILED_BUILDS]',
    ],
    [
      'ListBuildBatchesForProject',
      { projectName: 'p', filter: { status: 'PENDING' } },
      'InvalidInputException',
      "Value 'PENDING' at 'filter.status'",
    ],
    [
      'ListBuildBatchesForProject',
      { projectName: 'p', maxResults: 0 },
      'InvalidInputException',
      'Member must have value greater than or equal to 1',
    ],
  ])('%s %j → %s', (operation, body, code, message) => {
    const error = requestError('codebuild', operation, body);
    expect(error).toMatchObject({ status: 400, code });
    expect(error!.message).toContain(message);
  });

  // AWS's JSON services answer a value of the wrong type in the words of their JSON reader, which
  // name neither the member nor the request's path (SQS: "STRING_VALUE can not be converted to an
  // Integer", async-aws/aws#1667). A kinder simulator would hide that a caller must say which of
  // its inputs was wrong itself.
  it.each([
    [
      'ListBuildBatchesForProject',
      { projectName: 'p', maxResults: '5' },
      'STRING_VALUE can not be converted to an Integer',
    ],
    [
      'StartBuildBatch',
      { projectName: 'p', buildTimeoutInMinutesOverride: '60' },
      'STRING_VALUE can not be converted to an Integer',
    ],
    [
      'StartBuildBatch',
      { projectName: 'p', privilegedModeOverride: 'true' },
      'STRING_VALUE can not be converted to a Boolean',
    ],
    [
      'StartBuildBatch',
      { projectName: 'p', imageOverride: { name: 'x' } },
      'Start of structure or map found where not expected.',
    ],
    [
      'StartBuildBatch',
      { projectName: 'p', environmentVariablesOverride: { name: 'A', value: 'b' } },
      'Start of structure or map found where not expected.',
    ],
  ])('%s %j → SerializationException naming no member', (operation, body, message) => {
    const member = Object.keys(body).at(-1)!;
    for (const error of [
      requestError('codebuild', operation, body),
      ...(operation === 'StartBuildBatch' ? [judgeStartRequest(body).error] : []),
    ]) {
      expect(error).toMatchObject({ code: 'SerializationException', message });
      expect(error!.message).not.toContain(member);
    }
  });

  it('lets a request within the model through', () => {
    expect(
      requestError('codebuild', 'RetryBuildBatch', {
        id: 'p:1',
        retryType: 'RETRY_ALL_BUILDS',
        idempotencyToken: 't',
      }),
    ).toBeUndefined();
  });

  // simulator/start-batch.mjs judges StartBuildBatch from its own copy of the input shape, so that a
  // machine without botocore's model still refuses what the service refuses: the copy must not drift.
  it("start-batch.mjs's copy of StartBuildBatchInput is the model's, member for member", () => {
    type Shape = { type: string; enum?: string[]; min?: number; max?: number; required?: string[] };
    const model = loadModel('codebuild') as {
      shapes: Record<string, Shape & { members?: Record<string, { shape: string }> }>;
    };
    const input = model.shapes.StartBuildBatchInput!;
    const copy = START_BUILD_BATCH_INPUT as Shape & { members: Record<string, Shape> };
    expect(Object.keys(copy.members).sort()).toEqual(Object.keys(input.members!).sort());
    expect(copy.required).toEqual(input.required);
    for (const [name, member] of Object.entries(copy.members)) {
      const shape = model.shapes[input.members![name]!.shape]!;
      const of = (s: Shape) => ({ type: s.type, enum: s.enum, min: s.min, max: s.max });
      // The copy states the bounds it checks; the model's are the truth for those.
      const modelled = of(shape);
      const stated = of(member);
      expect([name, stated.type, stated.enum]).toEqual([name, modelled.type, modelled.enum]);
      if (stated.min !== undefined) expect([name, stated.min]).toEqual([name, modelled.min]);
      if (stated.max !== undefined) expect([name, stated.max]).toEqual([name, modelled.max]);
    }
  });
});

/** Drives one scenario through every operation at several points of its life. */
async function drive(name: string): Promise<Simulator> {
  // The simulator checks itself (sim.violations); the test also checks the bodies it kept, on its own.
  const sim = await startSimulator({ scenario: name, timeScale: 0.25, keepResponses: true });
  const client = new CodeBuildClient({
    endpoint: sim.endpoint,
    region: sim.region,
    credentials: { ...sim.credentials },
    maxAttempts: 1,
  });
  const send = async (command: object) => {
    try {
      return (await client.send(command as never)) as unknown;
    } catch {
      return undefined; // the error answer is recorded and checked like any other
    }
  };
  const project = sim.batch.project;
  const read = async () =>
    (await send(new BatchGetBuildBatchesCommand({ ids: [sim.batch.id, `${project}:missing`] }))) as
      BatchGetBuildBatchesCommandOutput | undefined;
  const readAll = async () => {
    const out = await read();
    const arns = (out?.buildBatches?.[0]?.buildGroups ?? []).flatMap((g) =>
      [g.currentBuildSummary?.arn, ...(g.priorBuildSummaryList ?? []).map((p) => p.arn)].filter(
        (a): a is string => Boolean(a),
      ),
    );
    for (let i = 0; i < arns.length; i += 99)
      await send(new BatchGetBuildsCommand({ ids: [...arns.slice(i, i + 99), `${project}:gone`] }));
    return out?.buildBatches?.[0];
  };
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  try {
    // Before the retry: the batch as found, the project's listing, errors for unknowns.
    await readAll();
    const first = await send(
      new ListBuildBatchesForProjectCommand({
        projectName: project,
        maxResults: 1,
        sortOrder: 'ASCENDING',
      }),
    );
    const token = (first as { nextToken?: string } | undefined)?.nextToken;
    if (token)
      await send(
        new ListBuildBatchesForProjectCommand({
          projectName: project,
          maxResults: 1,
          nextToken: token,
        }),
      );
    for (const status of ['FAILED', 'SUCCEEDED', 'IN_PROGRESS'] as const)
      await send(
        new ListBuildBatchesForProjectCommand({
          projectName: project,
          filter: { status },
          sortOrder: 'DESCENDING',
        }),
      );
    await send(new ListBuildBatchesForProjectCommand({ projectName: 'no-such-project' }));
    await send(
      new RetryBuildBatchCommand({ id: `${project}:missing`, retryType: 'RETRY_FAILED_BUILDS' }),
    );
    await send(new StopBuildBatchCommand({ id: `${project}:missing` }));

    // The retry, its idempotent replay, then the batch as it runs and ends.
    const retry = {
      id: sim.batch.id,
      retryType: 'RETRY_FAILED_BUILDS' as const,
      idempotencyToken: `model-${name}`,
    };
    await send(new RetryBuildBatchCommand(retry));
    await send(new RetryBuildBatchCommand(retry));
    for (let i = 0; i < 10; i++) {
      const now = await readAll();
      if (now?.complete) break;
      await sleep(60);
    }
    // Another retry of every build, stopped while it runs, stopped again once stopped.
    await send(new RetryBuildBatchCommand({ id: sim.batch.id, retryType: 'RETRY_ALL_BUILDS' }));
    await readAll();
    await send(new StopBuildBatchCommand({ id: sim.batch.id }));
    await send(new StopBuildBatchCommand({ id: sim.batch.id }));
    await readAll();

    // Requests the model refuses (the SDK does not check them; the service does).
    const raw = (input: ServiceInputTypes) => input as never;
    await send(new BatchGetBuildsCommand(raw({ ids: [] })));
    await send(new StopBuildBatchCommand(raw({})));
    await send(new RetryBuildBatchCommand(raw({ idempotencyToken: 'no-id' })));
    await send(
      new ListBuildBatchesForProjectCommand(raw({ projectName: project, maxResults: 101 })),
    );
    return sim;
  } finally {
    client.destroy();
    await sim.close();
  }
}

suite('every simulator answer conforms to the CodeBuild model', () => {
  const covered = new Set<string>();
  let checked = 0;

  it.each(Object.keys(scenarios))(
    'scenario %s, from first read to stopped retry, errors included',
    async (name) => {
      loadModel('codebuild');
      const sim = await drive(name);
      const broken = sim.violations.map((v) => `${v.operation} ${v.path}: ${v.what}`);
      for (const r of sim.requests) {
        // A dropped connection has no answer; a garbled body is a deliberate fault, not a shape.
        if (r.status <= 0 || typeof r.response === 'string' || r.response === undefined) continue;
        const body = r.response as { __type?: string };
        const violations =
          r.status === 200
            ? validate('codebuild', r.operation, 'output', body)
            : validateError('codebuild', r.operation, String(body.__type), body);
        checked += 1;
        covered.add(`${r.operation} ${r.status === 200 ? 'answer' : 'error'}`);
        broken.push(...violations.map((v) => `${r.operation} ${r.status} ${v.path}: ${v.what}`));
      }
      expect(broken).toEqual([]);
    },
    60_000,
  );

  it('covered every operation, answering and refusing', () => {
    expect([...covered].sort()).toEqual(
      OPERATIONS.flatMap((op) => [`${op} answer`, `${op} error`]).sort(),
    );
    expect(checked).toBeGreaterThan(Object.keys(scenarios).length * 20);
  });
});

suite('the simulator holds itself to the model', () => {
  it('an answer outside the model becomes a SimulatorModelViolation naming the path, never retried', async () => {
    const sim = await startSimulator({
      scenario: {
        ...scenarios['retry-succeeds'],
        environmentVariables: [{ name: 'TOKEN', value: 'x', type: 'SECRET' }],
      },
    });
    const client = new CodeBuildClient({
      endpoint: sim.endpoint,
      region: sim.region,
      credentials: { ...sim.credentials },
      maxAttempts: 3, // the SDK's default: a retryable answer would be sent three times
    });
    try {
      const error = await client
        .send(new BatchGetBuildBatchesCommand({ ids: [sim.batch.id] }))
        .then(
          () => undefined,
          (e: Error & { $metadata?: { httpStatusCode?: number } }) => e,
        );
      expect(error?.name).toBe('SimulatorModelViolation');
      expect(error?.$metadata?.httpStatusCode).toBe(400);
      expect(error?.message).toContain('buildBatches[0].environment.environmentVariables[0].type');
      expect(sim.calls('BatchGetBuildBatches')).toHaveLength(1);
      expect(sim.violations).toEqual([
        expect.objectContaining({
          operation: 'BatchGetBuildBatches',
          path: 'buildBatches[0].environment.environmentVariables[0].type',
          kind: 'enum',
        }),
      ]);
    } finally {
      client.destroy();
      await sim.close();
    }
  });

  it('refuses a request outside the model with the error the model names', async () => {
    const sim = await startSimulator({ scenario: 'retry-succeeds' });
    const client = new CodeBuildClient({
      endpoint: sim.endpoint,
      region: sim.region,
      credentials: { ...sim.credentials },
      maxAttempts: 1,
    });
    try {
      const stop = await client.send(new StopBuildBatchCommand({} as never)).catch((e: Error) => e);
      expect(stop).toMatchObject({ name: 'InvalidInputException' });
      expect((stop as Error).message).toContain("Value null at 'id'");
      const builds = await client
        .send(new BatchGetBuildsCommand({ ids: [] }))
        .catch((e: Error) => e);
      expect(builds).toMatchObject({ name: 'InvalidInputException' });
      expect(sim.calls('StopBuildBatch')[0]).toMatchObject({
        status: 400,
        error: 'InvalidInputException',
      });
      expect(sim.violations).toEqual([]);
    } finally {
      client.destroy();
      await sim.close();
    }
  });
});
