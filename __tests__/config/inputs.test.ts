import {
  lostDispatchTarget,
  misnamedDispatchInputs,
  readConfig,
  readRole,
  setAsideDispatchTargets,
  withDispatchInputs,
} from '../../src/config/inputs.js';
import { ActionError } from '../../src/config/errors.js';
import { BATCH_ARN, BATCH_ID, expectOneSentence, source } from '../fixtures.js';

const config = (values: Record<string, string>) => readConfig(source(values));

describe('readConfig', () => {
  it('applies the documented defaults when only batch-id is given', () => {
    expect(config({ 'batch-id': BATCH_ID })).toEqual({
      target: { kind: 'batch', batchId: BATCH_ID },
      region: undefined,
      retryType: 'RETRY_FAILED_BUILDS',
      idempotencyToken: undefined,
      wait: true,
      pollIntervalMs: 15_000,
      timeoutMs: 0,
      failOnBatchFailure: true,
      stopOnCancel: true,
      maxAttempts: 1,
      logLines: 30,
      stepLog: 'failed',
      github: { checks: false, checkName: undefined, token: '', prComment: 'never' },
    });
  });

  it.each([
    ['0', 0],
    ['1000', 1000],
    ['45', 45],
  ])('reads log-lines %s', (value, lines) => {
    expect(config({ 'batch-id': BATCH_ID, 'log-lines': value }).logLines).toBe(lines);
  });

  it.each([
    ['failed', 'failed'],
    ['all', 'all'],
    ['None', 'none'],
  ])('reads step-log %s', (value, mode) => {
    expect(config({ 'batch-id': BATCH_ID, 'step-log': value }).stepLog).toBe(mode);
  });

  it('takes the id, region and account from a batch ARN', () => {
    const c = config({ 'batch-id': BATCH_ARN });
    expect(c.target).toEqual({ kind: 'batch', batchId: BATCH_ID, account: '123456789012' });
    expect(c.region).toBe('us-east-1');
  });

  it('accepts a GovCloud ARN and an explicit region that agrees with it', () => {
    const arn = `arn:aws-us-gov:codebuild:us-gov-west-1:123456789012:build-batch/${BATCH_ID}`;
    expect(config({ 'batch-id': arn, 'aws-region': 'us-gov-west-1' }).region).toBe('us-gov-west-1');
  });

  it('reads every input', () => {
    const c = config({
      'batch-id': BATCH_ID,
      'retry-type': 'retry_all_builds',
      'idempotency-token': 'my token',
      wait: 'true',
      'poll-interval-seconds': '0.5',
      'timeout-minutes': '1.5',
      'fail-on-batch-failure': 'False',
      'stop-on-cancel': 'FALSE',
      'max-attempts': '3',
      'aws-region': 'eu-west-1',
    });
    expect(c).toMatchObject({
      retryType: 'RETRY_ALL_BUILDS',
      idempotencyToken: 'my token',
      pollIntervalMs: 500,
      timeoutMs: 90_000,
      failOnBatchFailure: false,
      stopOnCancel: false,
      maxAttempts: 3,
      region: 'eu-west-1',
    });
  });

  it.each([
    ['eusc-de-east-1', 'aws-eusc'],
    ['cn-north-1', 'aws-cn'],
    ['us-isob-east-1', 'aws-iso-b'],
    ['il-central-1', 'aws'],
  ])('accepts the SDK region %s, alone and in an ARN of its partition (%s)', (region, part) => {
    expect(config({ 'batch-id': BATCH_ID, 'aws-region': region }).region).toBe(region);
    const arn = `arn:${part}:codebuild:${region}:123456789012:build-batch/${BATCH_ID}`;
    expect(config({ 'batch-id': arn }).region).toBe(region);
  });

  it.each(['0.1', '86400'])('accepts a poll interval of %s seconds (the bounds)', (value) => {
    expect(config({ 'batch-id': BATCH_ID, 'poll-interval-seconds': value }).pollIntervalMs).toBe(
      Number(value) * 1000,
    );
  });

  it('accepts a 150-character project name, the most the service allows', () => {
    expect(config({ 'project-name': 'p'.repeat(150) }).target).toEqual({
      kind: 'project',
      projectName: 'p'.repeat(150),
    });
  });

  it('targets the newest failed batch of a project when batch-id is empty', () => {
    expect(config({ 'project-name': 'web-app' }).target).toEqual({
      kind: 'project',
      projectName: 'web-app',
    });
  });

  const longId = `${'p'.repeat(300)}:abc`;
  /** A short, readable name for a case: the inputs it sets, long values cut. */
  const label = (values: Record<string, string>) =>
    Object.entries(values)
      .map(([k, v]) => `${k}=${JSON.stringify(v.length > 24 ? `${v.slice(0, 21)}...` : v)}`)
      .join(' ') || 'no inputs';
  const rejected: Array<[Record<string, string>, RegExp]> = [
    [
      {},
      /No batch to retry: set "batch-id" to a batch build id, its ARN or its console page's URL, or "project-name"/,
    ],
    [
      { 'batch-id': 'not an id' },
      /^Input "batch-id" is "not an id", but it must be a batch build id \(project:uuid\), its ARN or its page's URL in the CodeBuild console\.$/,
    ],
    [
      { 'batch-id': `${BATCH_ID}\n::error::injected` },
      /Input "batch-id" is "web-app:.*\\n::error::injected"/,
    ],
    [{ 'batch-id': '**bold**:[x](y)' }, /Input "batch-id"/],
    [{ 'batch-id': longId }, /Input "batch-id" is "p{70,}\.\.\."/],
    [
      { 'batch-id': 'arn:aws:s3:::bucket/key' },
      /Input "batch-id" is "arn:aws:s3:::bucket\/key", but it must be a batch build id \(project:uuid\) or a batch build ARN/,
    ],
    [
      { 'batch-id': `arn:aws:codebuild:us-east-1:123456789012:build/${BATCH_ID}` },
      /^Input "batch-id" is .*, a build ARN \(":build\/"\), not a batch build ARN \(":build-batch\/"\): give the ARN of the batch/,
    ],
    [
      { 'batch-id': `arn:aws-cn:codebuild:us-east-1:123456789012:build-batch/${BATCH_ID}` },
      /^Input "batch-id" is .*, whose partition aws-cn does not hold region us-east-1 \(that region is in aws\)/,
    ],
    [
      { 'batch-id': BATCH_ID, 'project-name': 'web-app' },
      /^Inputs "batch-id" and "project-name" are both set/,
    ],
    [
      { 'project-name': 'p'.repeat(151) },
      /^Input "project-name" is "p+\.\.\.", but it must be a CodeBuild project name \(2 to 150/,
    ],
    [{ 'batch-id': `${'p'.repeat(151)}:abc` }, /^Input "batch-id"/],
    [
      { 'batch-id': BATCH_ID, 'poll-interval-seconds': '0.0001' },
      /Input "poll-interval-seconds" is "0.0001"/,
    ],
    [
      { 'batch-id': BATCH_ID, 'poll-interval-seconds': '3000000' },
      /Input "poll-interval-seconds" is "3000000"/,
    ],
    [
      { 'batch-id': BATCH_ID, 'poll-interval-seconds': '86400.5' },
      /Input "poll-interval-seconds" is "86400.5"/,
    ],
    [
      { 'project-name': 'a b' },
      /Input "project-name" is "a b", but it must be a CodeBuild project name/,
    ],
    [
      { 'batch-id': BATCH_ID, 'retry-type': 'RETRY_SOME' },
      /^Input "retry-type" is "RETRY_SOME", but it must be RETRY_FAILED_BUILDS or RETRY_ALL_BUILDS\.$/,
    ],
    [
      { 'batch-id': BATCH_ID, 'poll-interval-seconds': '0' },
      /^Input "poll-interval-seconds" is "0", but it must be a number of seconds from 0\.1 to 86400, such as 15 or 30\.$/,
    ],
    [
      { 'batch-id': BATCH_ID, 'poll-interval-seconds': '-5' },
      /Input "poll-interval-seconds" is "-5"/,
    ],
    [
      { 'batch-id': BATCH_ID, 'poll-interval-seconds': 'NaN' },
      /Input "poll-interval-seconds" is "NaN"/,
    ],
    [
      { 'batch-id': BATCH_ID, 'poll-interval-seconds': 'Infinity' },
      /Input "poll-interval-seconds" is "Infinity"/,
    ],
    [
      { 'batch-id': BATCH_ID, 'poll-interval-seconds': '1e3' },
      /Input "poll-interval-seconds" is "1e3"/,
    ],
    [
      { 'batch-id': BATCH_ID, 'poll-interval-seconds': '15s' },
      /Input "poll-interval-seconds" is "15s"/,
    ],
    [
      { 'batch-id': BATCH_ID, 'poll-interval-seconds': '9'.repeat(400) },
      /Input "poll-interval-seconds"/,
    ],
    [
      { 'batch-id': BATCH_ID, 'timeout-minutes': '-1' },
      /^Input "timeout-minutes" is "-1", but it must be a number of minutes, 0 for no limit/,
    ],
    [{ 'batch-id': BATCH_ID, 'timeout-minutes': 'soon' }, /Input "timeout-minutes" is "soon"/],
    [
      { 'batch-id': BATCH_ID, wait: 'yes' },
      /^Input "wait" is "yes", but it must be "true" or "false"\.$/,
    ],
    [
      { 'batch-id': BATCH_ID, 'fail-on-batch-failure': '1' },
      /^Input "fail-on-batch-failure" is "1"/,
    ],
    [{ 'batch-id': BATCH_ID, 'stop-on-cancel': 'no' }, /^Input "stop-on-cancel" is "no"/],
    [
      { 'batch-id': BATCH_ID, 'max-attempts': '0' },
      /^Input "max-attempts" is "0", but it must be a whole number from 1 to 100\.$/,
    ],
    [{ 'batch-id': BATCH_ID, 'max-attempts': '2.5' }, /Input "max-attempts" is "2.5"/],
    [{ 'batch-id': BATCH_ID, 'max-attempts': '101' }, /Input "max-attempts" is "101"/],
    [
      { 'batch-id': BATCH_ID, 'log-lines': '1001' },
      /^Input "log-lines" is "1001", but it must be a whole number from 0 \(no log tails\) to 1000\.$/,
    ],
    [{ 'batch-id': BATCH_ID, 'log-lines': '2.5' }, /Input "log-lines" is "2.5"/],
    [{ 'batch-id': BATCH_ID, 'log-lines': '-1' }, /Input "log-lines" is "-1"/],
    [
      { 'batch-id': BATCH_ID, 'step-log': 'failures' },
      /^Input "step-log" is "failures", but it must be failed, all or none\.$/,
    ],
    [
      { 'batch-id': BATCH_ID, 'step-log': 'f'.repeat(200) },
      /^Input "step-log" is "f{77}\.\.\.", but it must be failed, all or none\.$/,
    ],
    [
      { 'batch-id': BATCH_ID, 'max-attempts': '2', wait: 'false' },
      /^Input "max-attempts" is 2 but "wait" is false/,
    ],
    // Documented "Needs wait: true", it was ignored: the step ended with no log written.
    [
      { 'batch-id': BATCH_ID, 'step-log': 'all', wait: 'false' },
      /^Input "step-log" is all but "wait" is false: /,
    ],
    [
      { 'batch-id': BATCH_ID, 'aws-region': 'Mars' },
      /^Input "aws-region" is "Mars", but it must be an AWS region such as us-east-1\.$/,
    ],
    [
      { 'batch-id': BATCH_ARN, 'aws-region': 'eu-west-1' },
      /^Input "aws-region" is "eu-west-1", but "batch-id" names a batch in us-east-1/,
    ],
  ];
  it.each(rejected.map(([values, message]) => [label(values), values, message] as const))(
    'rejects %s with one sentence naming the input',
    (_, values, message) => {
      expectOneSentence(() => config(values as Record<string, string>), message);
    },
  );
});

describe('withDispatchInputs', () => {
  const dispatch = { 'batch-id': ` ${BATCH_ID} `, 'retry-type': 'RETRY_ALL_BUILDS', wait: 'false' };

  it('fills empty batch-id and retry-type from a workflow_dispatch event', () => {
    const c = readConfig(withDispatchInputs(source({}), 'workflow_dispatch', dispatch));
    expect(c.target).toEqual({ kind: 'batch', batchId: BATCH_ID });
    expect(c.retryType).toBe('RETRY_ALL_BUILDS');
    // Only the documented inputs come from the event.
    expect(c.wait).toBe(true);
  });

  it('lets the step win over the event', () => {
    const other = 'other-project:1111';
    const c = readConfig(
      withDispatchInputs(source({ 'batch-id': other }), 'workflow_dispatch', dispatch),
    );
    expect(c.target).toEqual({ kind: 'batch', batchId: other });
  });

  it.each([
    ['project-name', { 'project-name': 'web-app' }, { kind: 'project', projectName: 'web-app' }],
    ['start-batch', { 'start-batch': 'true', 'project-name': 'web-app' }, { kind: 'start' }],
  ])('takes no batch-id from the form when the step sets %s itself', (_, own, target) => {
    const c = readConfig(withDispatchInputs(source(own), 'workflow_dispatch', dispatch));
    expect(c.target).toMatchObject(target);
    expect(c.retryType).toBe('RETRY_ALL_BUILDS');
  });

  it('ignores the event payload for other events', () => {
    expect(() => readConfig(withDispatchInputs(source({}), 'push', dispatch))).toThrow(
      /No batch to retry/,
    );
  });
});

describe('setAsideDispatchTargets: a form value the step does not use is said', () => {
  it.each<[string, Record<string, string>, string | undefined, Record<string, unknown>, string[]]>([
    [
      'a pasted batch-id, the step sets project-name',
      { 'project-name': 'web-app' },
      'workflow_dispatch',
      { 'batch-id': ` ${BATCH_ID} ` },
      [
        `The dispatch form's batch-id "${BATCH_ID}" is not used: this step sets project-name itself. To use the form's, leave project-name out of the step's "with:".`,
      ],
    ],
    [
      'a pasted batch-id, the step starts a batch',
      { 'start-batch': 'true', 'project-name': 'web-app' },
      'workflow_dispatch',
      { 'batch-id': BATCH_ID, 'project-name': 'web-app' },
      [
        `The dispatch form's batch-id "${BATCH_ID}" is not used: this step sets project-name and start-batch itself. To use the form's, leave project-name and start-batch out of the step's "with:".`,
      ],
    ],
    [
      'the same batch, given by ARN in the step and by id in the form',
      { 'batch-id': `arn:aws:codebuild:us-east-1:123456789012:build-batch/${BATCH_ID}` },
      'workflow_dispatch',
      { 'batch-id': BATCH_ID },
      [],
    ],
    [
      'the step wires the form in itself',
      { 'batch-id': BATCH_ID },
      'workflow_dispatch',
      { 'batch-id': BATCH_ID },
      [],
    ],
    [
      'the form left empty',
      { 'project-name': 'web-app' },
      'workflow_dispatch',
      { 'batch-id': ' ' },
      [],
    ],
    ['the form fills the step', {}, 'workflow_dispatch', { 'batch-id': BATCH_ID }, []],
    ['another event', { 'project-name': 'web-app' }, 'push', { 'batch-id': BATCH_ID }, []],
  ])('%s', (_, own, event, form, sentences) => {
    expect(setAsideDispatchTargets(source(own), event, form)).toEqual(sentences);
  });
});

describe('misnamedDispatchInputs: a form input spelled otherwise is named, not dropped', () => {
  const notRead = (given: string, name: string) =>
    `The dispatch form's input "${given}" is not read: the action reads the form's "${name}". Rename the form's input to ${name}, or pass it in the step's "with:" as ${name}: \${{ inputs.${given} }}.`;
  it.each<[string, Record<string, string>, string | undefined, Record<string, unknown>, string[]]>([
    [
      'batch_id',
      {},
      'workflow_dispatch',
      { batch_id: BATCH_ID },
      [notRead('batch_id', 'batch-id')],
    ],
    ['batchId', {}, 'workflow_dispatch', { batchId: BATCH_ID }, [notRead('batchId', 'batch-id')]],
    [
      'BATCH_ID',
      {},
      'workflow_dispatch',
      { BATCH_ID: BATCH_ID },
      [notRead('BATCH_ID', 'batch-id')],
    ],
    [
      'project_name and retry_type',
      {},
      'workflow_dispatch',
      { project_name: 'web-app', retry_type: 'RETRY_ALL_BUILDS' },
      [notRead('project_name', 'project-name'), notRead('retry_type', 'retry-type')],
    ],
    ['the right name', {}, 'workflow_dispatch', { 'batch-id': BATCH_ID }, []],
    ['left empty in the form', {}, 'workflow_dispatch', { batch_id: ' ' }, []],
    [
      'the step sets it itself',
      { 'batch-id': BATCH_ID },
      'workflow_dispatch',
      { batch_id: BATCH_ID },
      [],
    ],
    [
      'the step chooses its batch by project-name',
      { 'project-name': 'web-app' },
      'workflow_dispatch',
      { batch_id: BATCH_ID },
      [],
    ],
    [
      'the step sets retry-type',
      { 'retry-type': 'RETRY_ALL_BUILDS' },
      'workflow_dispatch',
      { retry_type: 'x' },
      [],
    ],
    [
      'another input of the form',
      {},
      'workflow_dispatch',
      { environment: 'prod', batch: BATCH_ID },
      [],
    ],
    ['another event', {}, 'push', { batch_id: BATCH_ID }, []],
  ])('%s', (_, own, event, form, sentences) => {
    expect(misnamedDispatchInputs(source(own), event, form)).toEqual(sentences);
  });
});

describe('lostDispatchTarget: the misspelt form input is the fix when no batch is named', () => {
  it.each<[string, Record<string, string>, Record<string, unknown>, boolean]>([
    ['only batch_id in the form', {}, { batch_id: BATCH_ID }, true],
    ['only project_name in the form', {}, { project_name: 'web-app' }, true],
    ['batch_id beside a batch-id', {}, { batch_id: BATCH_ID, 'batch-id': BATCH_ID }, false],
    ['the step names its batch', { 'batch-id': BATCH_ID }, { batch_id: BATCH_ID }, false],
    ['only retry_type misspelt', {}, { retry_type: 'RETRY_ALL_BUILDS' }, false],
  ])('%s', (_, own, form, lost) => {
    const sentence = lostDispatchTarget(source(own), 'workflow_dispatch', form);
    if (lost) expect(sentence).toMatch(/^The dispatch form's input "\w+" is not read: /);
    else expect(sentence).toBeUndefined();
  });
});

describe('readRole', () => {
  const ROLE = 'arn:aws:iam::123456789012:role/ci/codebuild-batch-retry';

  it('is undefined without role-to-assume: the job’s credentials are used', () => {
    expect(readRole(source({}))).toBeUndefined();
    expect(config({ 'batch-id': BATCH_ID }).role).toBeUndefined();
  });

  it('applies the defaults', () => {
    expect(config({ 'batch-id': BATCH_ID, 'role-to-assume': ROLE }).role).toEqual({
      arn: ROLE,
      sessionName: undefined,
      durationSeconds: 3600,
      audience: 'sts.amazonaws.com',
    });
  });

  it('reads every role input', () => {
    expect(
      readRole(
        source({
          'role-to-assume': 'arn:aws-us-gov:iam::123456789012:role/ci',
          'role-session-name': 'nightly@web-app',
          'role-duration-seconds': '43200',
          audience: 'https://github.com/my-org',
        }),
      ),
    ).toEqual({
      arn: 'arn:aws-us-gov:iam::123456789012:role/ci',
      sessionName: 'nightly@web-app',
      durationSeconds: 43200,
      audience: 'https://github.com/my-org',
    });
  });

  // Copied from configure-aws-credentials' step, role-duration-seconds: 7200 here changed nothing.
  it.each([
    [{ 'role-duration-seconds': '7200' }, 'Input "role-duration-seconds" applies', true],
    [{ 'role-session-name': 'nightly' }, 'Input "role-session-name" applies', false],
    [{ audience: 'https://github.com/my-org' }, 'Input "audience" applies', false],
    [
      { 'role-session-name': 'nightly', 'role-duration-seconds': '1h' },
      'Inputs "role-session-name" and "role-duration-seconds" apply',
      true,
    ],
  ])('refuses %p without role-to-assume, naming them', (values, opening, duration) => {
    expectOneSentence(
      () => config({ 'batch-id': BATCH_ID, ...values }),
      new RegExp(`^${opening} only with "role-to-assume", which is not set: `),
    );
    // The advice on the job's own credentials' duration only where a duration was given.
    expect(() => config({ 'batch-id': BATCH_ID, ...values })).toThrow(
      duration ? /set their duration/ : /^(?![\s\S]*duration in the step)/,
    );
  });

  it('takes the defaults action.yml passes without role-to-assume as not given', () => {
    expect(
      config({
        'batch-id': BATCH_ID,
        'role-duration-seconds': '3600',
        audience: 'sts.amazonaws.com',
        'role-session-name': '',
      }).role,
    ).toBeUndefined();
  });

  it('takes the shortest session STS grants, 900 seconds', () => {
    expect(
      readRole(source({ 'role-to-assume': ROLE, 'role-duration-seconds': '900' }))?.durationSeconds,
    ).toBe(900);
  });

  it.each([
    [{ 'role-to-assume': 'ci' }, /^Input "role-to-assume" is "ci", but it must be an IAM role ARN/],
    [{ 'role-to-assume': 'arn:aws:iam::123456789012:user/ci' }, /"role-to-assume"/],
    [{ 'role-to-assume': 'arn:aws:iam::12345:role/ci' }, /"role-to-assume"/],
    [
      { 'role-to-assume': ROLE, 'role-session-name': 'a' },
      /^Input "role-session-name" is "a", but it must be 2 to 64/,
    ],
    [{ 'role-to-assume': ROLE, 'role-session-name': 'has space' }, /"role-session-name"/],
    [{ 'role-to-assume': ROLE, 'role-session-name': 'x'.repeat(65) }, /"role-session-name"/],
    [
      { 'role-to-assume': ROLE, 'role-duration-seconds': '899' },
      /^Input "role-duration-seconds" is "899", but it must be a whole number of seconds from 900 to 43200\.$/,
    ],
    [{ 'role-to-assume': ROLE, 'role-duration-seconds': '43201' }, /"role-duration-seconds"/],
    [{ 'role-to-assume': ROLE, 'role-duration-seconds': '1000.5' }, /"role-duration-seconds"/],
  ])('rejects %p', (values, message) => {
    expect(() => config({ 'batch-id': BATCH_ID, ...values })).toThrow(ActionError);
    expect(() => config({ 'batch-id': BATCH_ID, ...values })).toThrow(message);
  });
});
