import type { BuildBatch } from '@aws-sdk/client-codebuild';
import {
  checkRunBodies,
  planCheckRuns,
  type CheckRunBody,
  type ChecksContext,
  type ListedCheckRun,
} from '../report/checks.js';
import { describeBatch, type BatchOutcome } from '../report/outcome.js';
import type { GitHubClient } from './octokit.js';

/** The two calls check runs take. */
export interface CheckRunApi {
  /** Creates a run on the commit; resolves with its id. */
  create(body: CheckRunBody, signal: AbortSignal): Promise<number>;
  update(id: number, body: CheckRunBody, signal: AbortSignal): Promise<void>;
  /** The commit's runs with this name, whoever made them: the first 100. */
  list(name: string, signal: AbortSignal): Promise<ListedCheckRun[]>;
}

/**
 * The calls over Octokit, for one repository and commit. `redact` takes the step's secrets out of
 * the output: GitHub shows it as sent, masked by nothing.
 */
export function checkRunApi(
  octokit: GitHubClient,
  repo: { owner: string; repo: string },
  headSha: () => string,
  retries: () => number | undefined,
  redact: (text: string) => string,
): CheckRunApi {
  const request = (signal: AbortSignal) => {
    const left = retries();
    return { signal, ...(left === undefined ? {} : { retries: left }) };
  };
  const clean = ({ output, ...rest }: CheckRunBody): CheckRunBody => ({
    ...rest,
    output: {
      ...output,
      title: redact(output.title),
      summary: redact(output.summary),
      ...(output.text === undefined ? {} : { text: redact(output.text) }),
    },
  });
  return {
    async create(body, signal) {
      const { data } = await octokit.rest.checks.create({
        ...repo,
        head_sha: headSha(),
        ...clean(body),
        request: request(signal),
      });
      return data.id;
    },
    async update(id, body, signal) {
      await octokit.rest.checks.update({
        ...repo,
        check_run_id: id,
        ...clean(body),
        request: request(signal),
      });
    },
    async list(name, signal) {
      // One page: a name with more than 100 runs on one commit is not looked through.
      const { data } = await octokit.rest.checks.listForRef({
        ...repo,
        ref: headSha(),
        check_name: name,
        filter: 'all',
        per_page: 100,
        request: request(signal),
      });
      return data.check_runs;
    },
  };
}

export interface CheckRunsOptions {
  api: CheckRunApi;
  /** check-name; by default the project's name. */
  checkName?: string;
  /** This run attempt's page (see ChecksContext). */
  writer?: string;
  /** The signal for the next call (ends with the step's budget). */
  signal(): AbortSignal;
  /**
   * A call failed (not one the budget ended): `stop` ends the check runs for this step; otherwise the
   * next change of the batch tries again, not before `notBefore` (on `now`'s clock: a rate limit's
   * reset).
   */
  failed(error: unknown): { stop: boolean; notBefore?: number };
  /** The step's monotonic clock. */
  now(): number;
  /** Whether the commit is known: no run is created before (a started batch's is resolved later). */
  ready?(): boolean;
}

/**
 * The check runs of one step: what GitHub shows of each group (as last accepted) and what it should
 * show, and one call at a time between them (GitHub asks for writes one at a time); when the batch
 * changes faster than GitHub answers, only its newest state is sent. A read that shows the batch
 * ended is held until the step reports it (the runs are completed with the diagnosis, one update
 * each) or retries it (the ended state is sent whole, then the retry's reads move the runs back).
 */
export class CheckRuns {
  private readonly ids = new Map<string, number>();
  private readonly sent = new Map<string, CheckRunBody>();
  private wanted = new Map<string, CheckRunBody>();
  private checkName: string | undefined;
  private held: BuildBatch | undefined;
  private latest: BuildBatch | undefined;
  private running = false;
  private work: Promise<void> = Promise.resolve();
  private stopped = false;
  /** After a failed call, what was wanted then: the same again is not sent again. */
  private failedAt: string | undefined;
  /** After a rate limit: no call before its reset (on options.now's clock). */
  private notBefore = 0;
  /** An attempt's end is being sent whole; the retry's reads wait in `queued`. */
  private ended = false;
  private queued: Map<string, CheckRunBody> | undefined;

  constructor(private readonly options: CheckRunsOptions) {
    this.checkName = options.checkName;
  }

  /** A believed state of the batch. */
  seen(batch: BuildBatch): void {
    this.latest = batch;
    if (batch.complete === true) {
      this.held = batch;
      return;
    }
    this.held = undefined;
    this.want(describeBatch(batch), {}, 'after-ended');
  }

  /**
   * A retry was accepted: the ended state held is shown, all of it, before the retry's reads move
   * the runs back (they wait until then), so each run completes once per attempt.
   */
  retried(): void {
    if (!this.held) return;
    const ended = this.held;
    this.held = undefined;
    this.want(describeBatch(ended), {}, 'ended');
  }

  /** The step's cancellation: groups still running are completed as cancelled, with this note. */
  cancelled(note: string): void {
    const batch = this.held ?? this.latest;
    this.held = undefined;
    this.release();
    if (batch) this.want(describeBatch(batch, { interrupted: true }), { stepEnded: note });
  }

  /** The final report; `stepEnded` for groups the step stopped following before they ended. */
  finished(
    outcome: BatchOutcome,
    context: Omit<ChecksContext, 'checkName'>,
    batch: BuildBatch,
  ): void {
    this.held = undefined;
    this.latest = batch;
    this.release();
    this.want(outcome, context);
  }

  /** The name of the first run GitHub accepted from this step (while it accepts them). */
  firstRunName(): string | undefined {
    // After GitHub refused a call (a rate limit, a permission), another call would only be refused.
    if (this.stopped || this.failedAt !== undefined) return undefined;
    const [group] = this.ids.keys();
    return group === undefined ? undefined : this.sent.get(group)?.name;
  }

  /** The check-name its runs are named under (`<check-name>/<group>`), once it has one. */
  get name(): string | undefined {
    return this.checkName;
  }

  /** Whether GitHub shows every run this step created as completed. */
  allCompleted(): boolean {
    return [...this.sent.values()].every((body) => body.status === 'completed');
  }

  /** Resolves when nothing is being sent. */
  idle(): Promise<void> {
    return this.work;
  }

  /**
   * The step is finishing: a state GitHub failed to take (a 5xx through every resend as the batch
   * ended) is sent once more, its wait over. No later change of the batch would send it again, and
   * a run would stay "in progress" on a batch that ended. Resolves when nothing is being sent.
   */
  lastTry(): Promise<void> {
    if (this.stopped || this.failedAt === undefined || this.options.now() < this.notBefore)
      return this.work;
    this.failedAt = undefined;
    if (!this.running) {
      this.running = true;
      this.work = this.drain();
    }
    return this.work;
  }

  /** No more calls in this step. */
  stop(): void {
    this.stopped = true;
  }

  /**
   * What is wanted now. `ended`: an attempt's end, sent whole before what comes `after-ended`
   * (which waits in `queued` meanwhile).
   */
  private want(
    outcome: BatchOutcome,
    context: Omit<ChecksContext, 'checkName'>,
    order?: 'ended' | 'after-ended',
  ): void {
    if (this.stopped || outcome.groups.length === 0) return;
    this.checkName ??= outcome.projectName || outcome.id.split(':')[0] || 'CodeBuild';
    const bodies = checkRunBodies(outcome, {
      ...context,
      checkName: this.checkName,
      writer: this.options.writer,
    });
    if (this.ended && order === 'after-ended') {
      this.queued = bodies;
      return;
    }
    this.wanted = bodies;
    if (this.failedAt !== undefined) {
      if (this.failedAt === snapshot(this.wanted)) return;
      if (this.options.now() < this.notBefore) return;
      this.failedAt = undefined;
    }
    if (!this.running) {
      this.running = true;
      this.work = this.drain();
    }
    if (order === 'ended') this.ended = true;
  }

  /** The ended state need not be sent whole any more: what came after it is wanted now. */
  private release(): void {
    this.ended = false;
    if (this.queued) this.wanted = this.queued;
    this.queued = undefined;
  }

  /** One call at a time until GitHub shows what is wanted; what is wanted may change meanwhile. */
  private async drain(): Promise<void> {
    for (;;) {
      const next = this.stopped ? undefined : planCheckRuns(this.sent, this.wanted)[0];
      const signal = this.options.signal();
      const waiting = next?.kind === 'create' && this.options.ready?.() === false;
      if (!next && this.ended && !signal.aborted) {
        // The attempt's end is shown: now the retry's reads.
        this.release();
        continue;
      }
      if (!next || signal.aborted || waiting) {
        this.release();
        this.running = false;
        return;
      }
      try {
        const id = this.ids.get(next.group);
        if (next.kind === 'create' || id === undefined)
          this.ids.set(next.group, await this.options.api.create(next.body, signal));
        else await this.options.api.update(id, next.body, signal);
        this.sent.set(next.group, next.body);
      } catch (error) {
        let failure: { stop: boolean; notBefore?: number } = { stop: true };
        // A throw here would reject work nobody awaits yet: the process would die of it.
        if (!signal.aborted)
          try {
            failure = this.options.failed(error);
          } catch {
            failure = { stop: true };
          }
        if (failure.stop) this.stopped = true;
        else {
          this.failedAt = snapshot(this.wanted);
          this.notBefore = failure.notBefore ?? 0;
        }
        this.release();
        this.running = false;
        return;
      }
    }
  }
}

function snapshot(wanted: Map<string, CheckRunBody>): string {
  return JSON.stringify([...wanted]);
}
