import type { BuildBatch } from '@aws-sdk/client-codebuild';
import { CheckRuns, checkRunApi, type CheckRunApi } from '../../src/github/checks.js';
import type { GitHubClient } from '../../src/github/octokit.js';
import type { CheckRunBody } from '../../src/report/checks.js';
import { describeBatch } from '../../src/report/outcome.js';
import { batch, group } from '../fixtures.js';

/** A check-run API that records calls (one at a time is asserted) and answers when told. */
class FakeApi implements CheckRunApi {
  calls: Array<{ kind: 'create' | 'update'; id: number; body: CheckRunBody }> = [];
  inFlight = 0;
  maxInFlight = 0;
  fail?: Error;
  private next = 100;
  async create(body: CheckRunBody) {
    return this.call('create', this.next++, body);
  }
  async update(id: number, body: CheckRunBody) {
    await this.call('update', id, body);
  }
  async list() {
    return [];
  }
  private async call(kind: 'create' | 'update', id: number, body: CheckRunBody) {
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    await new Promise((resolve) => setTimeout(resolve, 1));
    this.inFlight -= 1;
    if (this.fail) throw this.fail;
    this.calls.push({ kind, id, body });
    return id;
  }
  /** "create build in_progress", "update 100 completed/success", … */
  get log(): string[] {
    return this.calls.map(
      (c) =>
        `${c.kind} ${c.kind === 'create' ? c.body.name.split('/')[1] : c.id} ${c.body.status}${c.body.conclusion ? `/${c.body.conclusion}` : ''}`,
    );
  }
}

function writer(
  api = new FakeApi(),
  failed: (error: unknown) => { stop: boolean } = () => ({ stop: false }),
) {
  const signal = new AbortController();
  const runs = new CheckRuns({ api, signal: () => signal.signal, failed, now: () => 0 });
  return { runs, api, abort: () => signal.abort() };
}

const ARN = 'arn:aws:codebuild:us-east-1:123456789012:build/web-app:0000';
/** A group whose current build is build number `build` of the test: the same build keeps its ARN. */
const g = (id: string, status: string, build = 1, extra: Parameters<typeof group>[2] = {}) =>
  group(id, status, {
    ...extra,
    currentBuildSummary: { arn: `${ARN}-${id}-${build}`, buildStatus: status as never },
  });

const running = (unit: string, phases = 6, build = 2): BuildBatch =>
  batch('IN_PROGRESS', [g('build', 'SUCCEEDED'), g('unit', unit, build)], phases);

describe('CheckRuns: one run per group, one call per change, one call at a time', () => {
  it('creates each group once and updates it as it changes; nothing while nothing changes', async () => {
    const { runs, api } = writer();
    const pending = running('PENDING');
    runs.seen(pending);
    runs.seen(pending);
    await runs.idle();
    const inProgress = running('IN_PROGRESS');
    runs.seen(inProgress);
    runs.seen(inProgress);
    runs.seen(inProgress);
    await runs.idle();
    expect(api.log).toEqual([
      'create build completed/success',
      'create unit queued',
      'update 101 in_progress',
    ]);
    expect(api.calls[0]!.body.name).toBe('web-app/build');
    expect(api.maxInFlight).toBe(1);
  });

  it('sends only what is wanted last when the batch changes faster than GitHub answers', async () => {
    const { runs, api } = writer();
    runs.seen(running('PENDING'));
    runs.seen(running('IN_PROGRESS'));
    await runs.idle();
    // The second read came while the first create was in flight: unit is created as it is now.
    expect(api.log).toEqual(['create build completed/success', 'create unit in_progress']);
  });

  it('holds a read that shows the batch ended until the step reports it: one update, with the diagnosis', async () => {
    const { runs, api } = writer();
    runs.seen(running('IN_PROGRESS'));
    await runs.idle();
    const ended = batch('FAILED', [g('build', 'SUCCEEDED'), g('unit', 'FAILED', 2)], 8);
    runs.seen(ended);
    await runs.idle();
    expect(api.log).toHaveLength(2);
    runs.finished(
      describeBatch(ended),
      {
        diagnosis: {
          groups: new Map([
            [
              'unit',
              { identifier: 'unit', reason: 'BUILD — exit 1', failingCases: [], moreCases: 0 },
            ],
          ]),
          artifacts: [],
        },
      },
      ended,
    );
    await runs.idle();
    expect(api.log).toEqual([
      'create build completed/success',
      'create unit in_progress',
      'update 101 completed/failure',
    ]);
    expect(api.calls[2]!.body.output.title).toBe('FAILED: BUILD — exit 1');
  });

  it('on a retry, completes the runs first, even when the retry’s reads come at once, then moves them back; never a second create', async () => {
    const { runs, api } = writer();
    // The batch to retry, found already failed: nothing is shown until the step decides.
    const failed = batch('FAILED', [g('build', 'SUCCEEDED'), g('unit', 'FAILED')], 4);
    runs.seen(failed);
    await runs.idle();
    expect(api.log).toEqual([]);
    runs.retried();
    const rerun = (status: string, phases: number) =>
      batch('IN_PROGRESS', [g('build', 'SUCCEEDED'), g('unit', status, 2, { prior: 1 })], phases);
    runs.seen(rerun('PENDING', 6));
    await runs.idle();
    runs.seen(rerun('IN_PROGRESS', 7));
    await runs.idle();
    const again = batch(
      'FAILED',
      [g('build', 'SUCCEEDED'), g('unit', 'FAILED', 2, { prior: 1 })],
      8,
    );
    runs.seen(again);
    runs.retried();
    runs.seen(
      batch(
        'IN_PROGRESS',
        [g('build', 'SUCCEEDED'), g('unit', 'IN_PROGRESS', 3, { prior: 2 })],
        10,
      ),
    );
    await runs.idle();
    const green = batch(
      'SUCCEEDED',
      [g('build', 'SUCCEEDED'), g('unit', 'SUCCEEDED', 3, { prior: 2 })],
      12,
    );
    runs.seen(green);
    runs.finished(describeBatch(green), {}, green);
    await runs.idle();
    // The failed group's run first: see planCheckRuns.
    expect(api.log).toEqual([
      'create unit completed/failure',
      'create build completed/success',
      'update 100 queued',
      'update 100 in_progress',
      'update 100 completed/failure',
      'update 100 in_progress',
      'update 100 completed/success',
    ]);
  });

  it('on cancellation, completes the groups still running as cancelled, with the note', async () => {
    const { runs, api } = writer();
    runs.seen(running('IN_PROGRESS'));
    await runs.idle();
    runs.cancelled('The workflow was cancelled.');
    await runs.idle();
    expect(api.log.at(-1)).toBe('update 101 completed/cancelled');
    expect(api.calls.at(-1)!.body.output.summary).toContain('<p>The workflow was cancelled.</p>');
  });

  it('after a failure, tries again only when what is wanted changes', async () => {
    const errors: unknown[] = [];
    const api = new FakeApi();
    const { runs } = writer(api, (error) => {
      errors.push(error);
      return { stop: false };
    });
    api.fail = new Error('502');
    runs.seen(running('PENDING'));
    await runs.idle();
    runs.seen(running('PENDING'));
    await runs.idle();
    expect(errors).toHaveLength(1);
    api.fail = undefined;
    runs.seen(running('IN_PROGRESS'));
    await runs.idle();
    expect(api.log).toEqual(['create build completed/success', 'create unit in_progress']);
  });

  it('after a rate limit, sends nothing before its reset, whatever changes', async () => {
    const api = new FakeApi();
    let now = 1_000;
    const runs = new CheckRuns({
      api,
      signal: () => new AbortController().signal,
      failed: () => ({ stop: false, notBefore: 61_000 }),
      now: () => now,
    });
    api.fail = new Error('403 API rate limit exceeded');
    runs.seen(running('PENDING'));
    await runs.idle();
    api.fail = undefined;
    runs.seen(running('IN_PROGRESS'));
    await runs.idle();
    expect(api.calls).toEqual([]);
    now = 61_000;
    runs.seen(running('IN_PROGRESS', 7));
    await runs.idle();
    expect(api.log).toEqual(['create build completed/success', 'create unit in_progress']);
  });

  it('stops for the step when told to (a missing permission), and when the budget ends the call', async () => {
    const api = new FakeApi();
    const { runs } = writer(api, () => ({ stop: true }));
    api.fail = new Error('403');
    runs.seen(running('PENDING'));
    await runs.idle();
    api.fail = undefined;
    runs.seen(running('IN_PROGRESS'));
    await runs.idle();
    expect(api.calls).toEqual([]);

    const second = writer();
    second.abort();
    second.runs.seen(running('PENDING'));
    await second.runs.idle();
    expect(second.api.calls).toEqual([]);
  });

  it('stops, and never crashes the step, when judging a failure throws', async () => {
    const api = new FakeApi();
    const { runs } = writer(api, () => {
      throw new RangeError('Invalid time value');
    });
    api.fail = new Error('403');
    runs.seen(running('PENDING'));
    await expect(runs.idle()).resolves.toBeUndefined();
    api.fail = undefined;
    runs.seen(running('IN_PROGRESS'));
    await runs.idle();
    expect(api.calls).toEqual([]);
  });

  it('uses check-name when given, else the project', async () => {
    const api = new FakeApi();
    const runs = new CheckRuns({
      api,
      checkName: 'CodeBuild',
      signal: () => new AbortController().signal,
      failed: () => ({ stop: true }),
      now: () => 0,
    });
    runs.seen(running('PENDING'));
    await runs.idle();
    expect(api.calls.map((c) => c.body.name)).toEqual(['CodeBuild/build', 'CodeBuild/unit']);
  });
});

describe('checkRunApi: what reaches GitHub', () => {
  it("takes the step's secrets out of the title, the summary and the text, on create and update", async () => {
    // GitHub shows a check run's output as sent: the runner's masking does not reach it.
    const sent: Array<{ output: CheckRunBody['output'] }> = [];
    const octokit = {
      rest: {
        checks: {
          create: async (params: { output: CheckRunBody['output'] }) => {
            sent.push(params);
            return { data: { id: 7 } };
          },
          update: async (params: { output: CheckRunBody['output'] }) => void sent.push(params),
        },
      },
    } as unknown as GitHubClient;
    const api = checkRunApi(
      octokit,
      { owner: 'o', repo: 'r' },
      () => 'a'.repeat(40),
      () => undefined,
      (text) => text.replaceAll('AKIASECRET', '***'),
    );
    const body: CheckRunBody = {
      name: 'web-app/unit',
      status: 'completed',
      conclusion: 'failure',
      output: {
        title: 'FAILED: AKIASECRET',
        summary: '<p>echo AKIASECRET</p>',
        text: '<pre>AKIASECRET</pre>',
      },
    };
    const signal = new AbortController().signal;
    await api.create(body, signal);
    await api.update(7, body, signal);
    expect(sent).toHaveLength(2);
    for (const { output } of sent) {
      expect(output).toEqual({
        title: 'FAILED: ***',
        summary: '<p>echo ***</p>',
        text: '<pre>***</pre>',
      });
    }
  });
});
