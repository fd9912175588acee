// The lifecycle of one simulated batch build, computed from the clock: a batch is a list of runs (the
// first one and one per retry); each run schedules its build groups along their dependencies.
import { createHash, randomUUID } from 'node:crypto';

export const DOWNLOAD_SOURCE = 'DOWNLOAD_SOURCE';
const FINAL = new Set(['SUCCEEDED', 'FAILED', 'FAULT', 'TIMED_OUT', 'STOPPED']);
const QUEUE_MS = 40;
const BATCHSPEC_MS = 30;
const DEFAULT_REASONS = {
  FAILED: {
    phase: 'BUILD',
    code: 'COMMAND_EXECUTION_ERROR',
    message: 'Error while executing command: npm test. Reason: exit status 1',
  },
  FAULT: {
    phase: 'PROVISIONING',
    code: 'BUILD_CONTAINER_UNABLE_TO_PULL_IMAGE',
    message: "Unable to pull customer's container image.",
  },
  TIMED_OUT: { phase: 'BUILD', code: 'BUILD_TIMED_OUT', message: 'Build has timed out.' },
};
const BUILD_PHASES = [
  'SUBMITTED',
  'QUEUED',
  'PROVISIONING',
  'DOWNLOAD_SOURCE',
  'INSTALL',
  'PRE_BUILD',
  'BUILD',
  'POST_BUILD',
  'UPLOAD_ARTIFACTS',
  'FINALIZING',
];

/** The project's own source version, and the commit it resolves to. */
const PROJECT_SOURCE_VERSION = 'refs/heads/main';
const PROJECT_COMMIT = '4f3c2b1a0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b';

/** The commit a source version resolves to: a full SHA is itself; a branch, tag or pr/N a stable fake. */
function resolve(version) {
  if (version === PROJECT_SOURCE_VERSION) return PROJECT_COMMIT;
  return /^[0-9a-f]{40}$/i.test(version)
    ? version.toLowerCase()
    : createHash('sha1').update(version).digest('hex');
}

/** Epoch seconds with fractions, as CodeBuild sends timestamps. */
const epoch = (ms) => Math.round(ms) / 1000;

/**
 * A plan entry is 'FAILED' or { status, ms, reason, log, tests, coverage, artifacts, deleted }:
 * - log: the build's log lines (default: a short CodeBuild-like log ending in the failure), or a
 *   function of the group's identifier that makes them at each read (a large log held nowhere);
 * - tests: { passed, skipped, failed: [case], error: [case] } with case { suite, name, message, ms }
 *   (or failed/error as a number of generated cases): a TEST report;
 * - coverage: a line coverage percentage: a CODE_COVERAGE report;
 * - artifacts: true for a primary S3 artifact, or { secondary: ['name', …] } for more;
 * - deleted: the build was deleted (BatchDeleteBuilds): BatchGetBuilds lists it in buildsNotFound.
 */
function normalise(entry, durationMs, scale = 1) {
  const plan = typeof entry === 'string' ? { status: entry } : { ...(entry ?? {}) };
  return {
    ...plan,
    status: plan.status ?? 'SUCCEEDED',
    ms: plan.ms === undefined ? durationMs : plan.ms * scale,
    reason: plan.reason,
  };
}

/** The log a build writes when its plan does not script one, in CodeBuild's own words. */
function defaultLog(identifier, status, reason, at) {
  const stamp = new Date(at).toISOString().replace('T', ' ').replace('Z', '').replaceAll('-', '/');
  const c = (text) => `[Container] ${stamp} ${text}`;
  const command = /command: (.*)\. Reason/.exec(reason?.message ?? '')?.[1] ?? 'npm test';
  const lines = [
    c('Running on CodeBuild On-demand'),
    c('Waiting for agent ping'),
    c('Waiting for DOWNLOAD_SOURCE'),
    c('Phase is DOWNLOAD_SOURCE'),
    c(`Processing environment variables for ${identifier}`),
    c('Entering phase BUILD'),
    c(`Running command ${command}`),
  ];
  if (status === 'SUCCEEDED') return [...lines, c('Phase complete: BUILD State: SUCCEEDED')];
  return [
    ...lines,
    'npm ERR! code ELIFECYCLE',
    'npm ERR! errno 1',
    c(`Command did not exit successfully ${command} exit status 1`),
    c(`Phase complete: BUILD State: ${status}`),
    c(
      `Phase context status code: ${reason?.code ?? 'COMMAND_EXECUTION_ERROR'} Message: ${reason?.message ?? ''}`,
    ),
  ];
}

/** A test plan's failed/error entry: a list of cases, or a count of generated ones. */
function cases(value, status, identifier) {
  if (Array.isArray(value)) return value;
  return Array.from({ length: value ?? 0 }, (_, i) => ({
    suite: `${identifier}.suite${Math.floor(i / 10)}`,
    name: `case ${i + 1} ${status === 'ERROR' ? 'errors' : 'fails'}`,
    message: `AssertionError: expected ${i} to equal ${i + 1}\n    at Context.<anonymous> (test/${identifier}.test.js:${i + 10}:5)`,
    ms: 10 + i,
  }));
}

export class SimulatedBatch {
  /**
   * @param {object} spec
   * @param {string} spec.project
   * @param {Array<{identifier: string, dependsOn?: string[], ignoreFailure?: boolean}>} spec.groups
   * @param {object} spec.initial  group → plan for the first run; `running: true` starts it now, else it finished earlier
   * @param {object[]} [spec.retries]  one plan (group → plan) per retry; groups not named succeed
   * @param {object} [spec.request]  the StartBuildBatch request that started it: its overrides show
   * @param {number} [spec.downloadMs]  how long DOWNLOAD_SOURCE takes (CodeBuild names the commit after)
   */
  constructor(spec, { region, account, number, now, scale = 1 }) {
    this.scale = scale;
    this.spec = spec;
    this.project = spec.project;
    this.region = region;
    this.account = account;
    this.number = number;
    this.id = spec.id ?? `${spec.project}:${randomUUID()}`;
    this.arn = `arn:aws:codebuild:${region}:${account}:build-batch/${this.id}`;
    this.durationMs = (spec.durationMs ?? 400) * scale;
    this.groupDefs = [{ identifier: DOWNLOAD_SOURCE, synthetic: true }, ...spec.groups];
    this.entries = new Map(this.groupDefs.map((g) => [g.identifier, []]));
    this.runs = [];
    this.retryCount = 0;
    this.builds = new Map();
    this.request = spec.request ?? {};
    /** Log streams ("group\nstream" → { entry, lines }) and reports (ARN → { report, cases }). */
    this.logStreams = new Map();
    this.reports = new Map();
    const initial = spec.initial ?? {};
    const startAt = initial.running ? now : now - 3_600_000;
    this.startRun(startAt, new Set(this.entries.keys()), initial.groups ?? {}, initial.status);
  }

  /** Schedules a run at t0 for the given groups, in dependency order. */
  startRun(t0, rerun, plans, statusOverride) {
    const run = {
      startedAt: t0,
      endAt: t0 + QUEUE_MS + BATCHSPEC_MS,
      stoppedAt: undefined,
      statusOverride,
      frozenPhases: this.phasesAt(t0, true),
    };
    const done = new Set();
    const pending = [...this.groupDefs];
    while (pending.length > 0) {
      const index = pending.findIndex((g) =>
        (g.dependsOn ?? []).every((d) => done.has(d) || !this.entries.has(d)),
      );
      const def = pending.splice(index === -1 ? 0 : index, 1)[0];
      done.add(def.identifier);
      if (!rerun.has(def.identifier)) continue;
      const deps = (def.dependsOn ?? []).filter((d) => this.entries.has(d));
      if (deps.length === 0 && !def.synthetic && rerun.has(DOWNLOAD_SOURCE))
        deps.push(DOWNLOAD_SOURCE);
      const latest = deps.map((d) => ({
        def: this.groupDefs.find((g) => g.identifier === d),
        entry: this.entries.get(d).at(-1),
      }));
      const depsEnd = Math.max(
        t0 + QUEUE_MS + BATCHSPEC_MS,
        ...latest.map((l) => l.entry?.endAt ?? t0),
      );
      const blocked = latest.some(
        (l) => l.entry && l.entry.status !== 'SUCCEEDED' && !l.def?.ignoreFailure,
      );
      const plan = def.synthetic
        ? normalise('SUCCEEDED', this.spec.downloadMs ?? 60)
        : // Group identifiers are service text: own keys only (a group may be named constructor).
          normalise(
            Object.hasOwn(plans, def.identifier) ? plans[def.identifier] : undefined,
            this.durationMs,
            this.scale,
          );
      const build = this.newBuild(def.identifier, t0);
      const entry = blocked
        ? { ...build, startAt: depsEnd, endAt: depsEnd, status: 'STOPPED', ranPhases: false }
        : {
            ...build,
            startAt: depsEnd,
            endAt: depsEnd + plan.ms,
            status: plan.status,
            reason: plan.reason ?? DEFAULT_REASONS[plan.status],
            ranPhases: true,
          };
      if (!blocked && !def.synthetic) this.attachDiagnosis(entry, def, plan);
      if (plan.deleted) entry.deleted = true;
      this.entries.get(def.identifier).push(entry);
      this.builds.set(entry.arn, entry);
      run.endAt = Math.max(run.endAt, entry.endAt);
    }
    this.runs.push(run);
  }

  /** Where a group's builds log: the group's own setting, else the scenario's, else CloudWatch Logs. */
  loggingOf(def) {
    return def.logging ?? this.spec.logging ?? { kind: 'cloudwatch' };
  }

  /** The log stream, reports and artifacts a build that runs gets from its plan. */
  attachDiagnosis(entry, def, plan) {
    const uuid = entry.id.split(':')[1];
    const logging = this.loggingOf(def);
    if (logging.kind === 'cloudwatch') {
      entry.logGroup = logging.groupName ?? `/aws/codebuild/${this.project}`;
      entry.logStream = logging.streamPrefix ? `${logging.streamPrefix}/${uuid}` : uuid;
      const lines =
        plan.log ??
        defaultLog(
          def.identifier,
          plan.status,
          plan.reason ?? DEFAULT_REASONS[plan.status],
          entry.startAt,
        );
      this.logStreams.set(`${entry.logGroup}\n${entry.logStream}`, { entry, lines });
    }
    entry.reportArns = [];
    const reportBase = `arn:aws:codebuild:${this.region}:${this.account}:report`;
    if (plan.tests) {
      const failed = cases(plan.tests.failed, 'FAILED', def.identifier);
      const errors = cases(plan.tests.error, 'ERROR', def.identifier);
      const arn = `${reportBase}/${this.project}-tests:${randomUUID()}`;
      const counts = {
        SUCCEEDED: plan.tests.passed ?? 0,
        FAILED: failed.length,
        ERROR: errors.length,
        SKIPPED: plan.tests.skipped ?? 0,
        UNKNOWN: 0,
      };
      const all = [
        ...failed.map((c) => ({ ...c, status: 'FAILED' })),
        ...errors.map((c) => ({ ...c, status: 'ERROR' })),
      ];
      this.reports.set(arn, {
        entry,
        report: {
          arn,
          type: 'TEST',
          name: `${this.project}-tests`,
          reportGroupArn: `arn:aws:codebuild:${this.region}:${this.account}:report-group/${this.project}-tests`,
          executionId: entry.arn,
          status: failed.length + errors.length > 0 ? 'FAILED' : 'SUCCEEDED',
          exportConfig: { exportConfigType: 'NO_EXPORT' },
          truncated: false,
          testSummary: {
            total: Object.values(counts).reduce((a, b) => a + b, 0),
            statusCounts: counts,
            durationInNanoSeconds: Math.round(plan.ms * 1e6),
          },
        },
        cases: all.map((c) => ({
          reportArn: arn,
          testRawDataPath: `s3://${this.project}-reports/${uuid}/junit.xml`,
          prefix: c.prefix ?? c.suite ?? '',
          name: c.name,
          status: c.status,
          durationInNanoSeconds: Math.round((c.ms ?? 0) * 1e6),
          message: c.message ?? '',
          ...(c.suite ? { testSuiteName: c.suite } : {}),
        })),
      });
      entry.reportArns.push(arn);
    }
    if (plan.coverage !== undefined) {
      const arn = `${reportBase}/${this.project}-coverage:${randomUUID()}`;
      const total = 2000;
      const covered = Math.round((total * plan.coverage) / 100);
      this.reports.set(arn, {
        entry,
        report: {
          arn,
          type: 'CODE_COVERAGE',
          name: `${this.project}-coverage`,
          reportGroupArn: `arn:aws:codebuild:${this.region}:${this.account}:report-group/${this.project}-coverage`,
          executionId: entry.arn,
          status: 'SUCCEEDED',
          exportConfig: { exportConfigType: 'NO_EXPORT' },
          truncated: false,
          codeCoverageSummary: {
            lineCoveragePercentage: plan.coverage,
            linesCovered: covered,
            linesMissed: total - covered,
            branchCoveragePercentage: Math.max(0, plan.coverage - 10),
            branchesCovered: Math.round(covered / 4),
            branchesMissed: Math.round((total - covered) / 4),
          },
        },
        cases: [],
      });
      entry.reportArns.push(arn);
    }
    if (plan.artifacts) {
      const bucket = `arn:aws:s3:::${this.project}-artifacts`;
      entry.artifacts = {
        primary: { type: 'S3', location: `${bucket}/${uuid}/${def.identifier}.zip` },
        secondary: (plan.artifacts.secondary ?? []).map((name) => ({
          type: 'S3',
          location: `${bucket}/${uuid}/${name}`,
          identifier: name,
        })),
      };
    }
  }

  /** A report as BatchGetReports returns it, or undefined when it is not one of this batch's. */
  report(arn) {
    const found = this.reports.get(arn);
    if (!found) return undefined;
    return {
      ...found.report,
      created: epoch(found.entry.endAt),
      expired: epoch(found.entry.endAt + 30 * 86_400_000),
    };
  }

  /** A report's test cases with this status (all when none), or undefined for an unknown report. */
  testCases(arn, status) {
    const found = this.reports.get(arn);
    if (!found) return undefined;
    const counts = found.report.testSummary?.statusCounts ?? {};
    // Passed and skipped cases are not scripted: made up from the counts, as many as they say.
    const madeUp = ['SUCCEEDED', 'SKIPPED'].flatMap((s) =>
      Array.from({ length: counts[s] ?? 0 }, (_, i) => ({
        reportArn: arn,
        prefix: `${found.entry.identifier}.suite${Math.floor(i / 25)}`,
        name: `case ${i + 1}`,
        status: s,
        durationInNanoSeconds: 1_000_000 * (1 + (i % 7)),
        message: '',
        testSuiteName: `${found.entry.identifier}.suite${Math.floor(i / 25)}`,
      })),
    );
    const expired = epoch(found.entry.endAt + 30 * 86_400_000);
    return [...found.cases, ...madeUp]
      .filter((c) => !status || c.status === status)
      .map((c) => ({ ...c, expired }));
  }

  /** A log stream's events (GetLogEvents), or undefined when this batch has no such stream. */
  logEvents(groupName, streamName, t) {
    const stream = this.logStreams.get(`${groupName}\n${streamName}`);
    if (!stream || t < stream.entry.startAt) return undefined;
    const { entry } = stream;
    const lines =
      typeof stream.lines === 'function' ? stream.lines(entry.identifier) : stream.lines;
    const step = Math.max(1, entry.endAt - entry.startAt) / Math.max(1, lines.length);
    return lines
      .map((line, i) => ({
        timestamp: Math.round(entry.startAt + i * step),
        message: `${line}\n`,
        ingestionTime: Math.round(entry.startAt + i * step + 200),
      }))
      .filter((e) => e.timestamp <= t);
  }

  newBuild(identifier, requestedAt) {
    const id = `${this.project}:${randomUUID()}`;
    return {
      id,
      arn: `arn:aws:codebuild:${this.region}:${this.account}:build/${id}`,
      identifier,
      requestedAt,
      buildNumber: this.builds.size + 1,
    };
  }

  get run() {
    return this.runs.at(-1);
  }

  entryStatus(entry, t) {
    const stoppedAt = this.run.stoppedAt;
    if (
      stoppedAt !== undefined &&
      stoppedAt <= t &&
      entry.endAt > stoppedAt &&
      this.isCurrentRun(entry)
    )
      return 'STOPPED';
    if (t < entry.startAt) return 'PENDING';
    if (t < entry.endAt) return 'IN_PROGRESS';
    return entry.status;
  }

  isCurrentRun(entry) {
    return entry.requestedAt >= this.run.startedAt;
  }

  isComplete(t) {
    return t >= this.run.endAt || (this.run.stoppedAt !== undefined && t >= this.run.stoppedAt);
  }

  statusAt(t) {
    if (!this.isComplete(t)) return 'IN_PROGRESS';
    if (this.run.stoppedAt !== undefined && this.run.stoppedAt <= t) return 'STOPPED';
    if (this.run.statusOverride) return this.run.statusOverride;
    const blocking = this.groupDefs
      .filter((g) => !g.ignoreFailure)
      .map((g) => this.entries.get(g.identifier).at(-1));
    return blocking.every((e) => !e || this.entryStatus(e, t) === 'SUCCEEDED')
      ? 'SUCCEEDED'
      : 'FAILED';
  }

  endAt() {
    return this.run.stoppedAt !== undefined
      ? Math.min(this.run.stoppedAt, this.run.endAt)
      : this.run.endAt;
  }

  /** The batch's phases at t: earlier runs' phases (as rewritten by the retry) then this run's. */
  phasesAt(t, rewriteForRetry = false) {
    const run = this.run;
    if (!run) return [];
    const phases = [...run.frozenPhases];
    const end = this.endAt();
    const marks = [
      ['SUBMITTED', run.startedAt],
      ['DOWNLOAD_BATCHSPEC', run.startedAt + QUEUE_MS],
      ['IN_PROGRESS', run.startedAt + QUEUE_MS + BATCHSPEC_MS],
    ];
    const own = [];
    for (const [phaseType, startAt] of marks) {
      if (startAt > t || startAt > end) break;
      own.push({ phaseType, startAt });
    }
    if (this.isComplete(t))
      own.push({
        phaseType:
          this.statusAt(t) === 'SUCCEEDED'
            ? 'SUCCEEDED'
            : this.statusAt(t) === 'STOPPED'
              ? 'STOPPED'
              : 'FAILED',
        startAt: end,
      });
    own.forEach((p, i) => {
      const next = own[i + 1];
      const phase = { phaseType: p.phaseType, startTime: epoch(p.startAt) };
      if (next) {
        const failed = p.phaseType === 'IN_PROGRESS' && next.phaseType !== 'SUCCEEDED';
        Object.assign(phase, {
          endTime: epoch(next.startAt),
          durationInSeconds: Math.round((next.startAt - p.startAt) / 1000),
          phaseStatus: failed ? 'FAILED' : 'SUCCEEDED',
        });
      }
      phases.push(phase);
    });
    if (!rewriteForRetry) return phases;
    // What a retry does to the phases it finds: IN_PROGRESS → CLIENT_ERROR, FAILED → RETRY.
    return phases.map((p) => {
      if (p.phaseType === 'IN_PROGRESS') return { ...p, phaseStatus: 'CLIENT_ERROR' };
      if (p.phaseType === 'FAILED') return { ...p, phaseStatus: 'RETRY' };
      return p;
    });
  }

  summary(entry, t) {
    const status = this.entryStatus(entry, t);
    return {
      arn: entry.arn,
      requestedOn: epoch(entry.requestedAt),
      buildStatus: status,
      primaryArtifact: entry.artifacts?.primary ?? { type: 'no_artifacts', location: '' },
      secondaryArtifacts: entry.artifacts?.secondary ?? [],
    };
  }

  groupsAt(t) {
    return this.groupDefs.map((def) => {
      const entries = this.entries.get(def.identifier).filter((e) => e.requestedAt <= t);
      const current = entries.at(-1);
      const group = { identifier: def.identifier };
      if (!def.synthetic) group.dependsOn = def.dependsOn ?? [];
      group.ignoreFailure = def.ignoreFailure === true;
      if (current) group.currentBuildSummary = this.summary(current, t);
      group.priorBuildSummaryList = entries.slice(0, -1).map((e) => this.summary(e, t));
      return group;
    });
  }

  /**
   * What the project's settings and the start's overrides make of the batch, as the service echoes
   * them: environment variables by name (PLAINTEXT values in clear, as the service returns them).
   */
  settings(t) {
    const r = this.request;
    const variables = new Map(
      (this.spec.environmentVariables ?? []).map((v) => [v.name, { type: 'PLAINTEXT', ...v }]),
    );
    for (const v of r.environmentVariablesOverride ?? [])
      variables.set(v.name, { name: v.name, value: v.value, type: v.type ?? 'PLAINTEXT' });
    const sourceVersion = r.sourceVersion ?? PROJECT_SOURCE_VERSION;
    // CodeBuild knows the commit once the source is downloaded.
    const download = this.entries.get(DOWNLOAD_SOURCE)[0];
    return {
      sourceVersion,
      resolvedSourceVersion: t >= download.endAt ? resolve(sourceVersion) : undefined,
      buildspec: r.buildspecOverride ?? 'buildspec.yml',
      environment: {
        type: r.environmentTypeOverride ?? 'LINUX_CONTAINER',
        image: r.imageOverride ?? 'aws/codebuild/standard:7.0',
        computeType: r.computeTypeOverride ?? 'BUILD_GENERAL1_SMALL',
        environmentVariables: [...variables.values()],
        privilegedMode: r.privilegedModeOverride ?? false,
        imagePullCredentialsType: r.imagePullCredentialsTypeOverride ?? 'CODEBUILD',
      },
      buildTimeoutInMinutes: r.buildTimeoutInMinutesOverride ?? 60,
      queuedTimeoutInMinutes: r.queuedTimeoutInMinutesOverride ?? 480,
      buildBatchConfig: {
        serviceRole: `arn:aws:iam::${this.account}:role/codebuild-${this.project}`,
        combineArtifacts: this.spec.combineArtifacts === true,
        timeoutInMins: 60,
        ...r.buildBatchConfigOverride,
      },
    };
  }

  /** The BuildBatch JSON at time t. */
  describe(t) {
    const complete = this.isComplete(t);
    const phases = this.phasesAt(t);
    const settings = this.settings(t);
    const batch = {
      id: this.id,
      arn: this.arn,
      startTime: epoch(this.runs[0].startedAt),
      currentPhase: phases.at(-1)?.phaseType ?? 'SUBMITTED',
      buildBatchStatus: this.statusAt(t),
      projectName: this.project,
      phases,
      source: {
        type: 'GITHUB',
        location: `https://github.com/example/${this.project}.git`,
        buildspec: settings.buildspec,
      },
      sourceVersion: settings.sourceVersion,
      environment: settings.environment,
      logConfig: {
        cloudWatchLogs: { status: 'ENABLED' },
        s3Logs: { status: 'DISABLED', encryptionDisabled: false },
      },
      buildTimeoutInMinutes: settings.buildTimeoutInMinutes,
      queuedTimeoutInMinutes: settings.queuedTimeoutInMinutes,
      complete,
      initiator: 'GitHub-Actions',
      encryptionKey: `arn:aws:kms:${this.region}:${this.account}:alias/aws/s3`,
      buildBatchNumber: this.number,
      buildBatchConfig: settings.buildBatchConfig,
      buildGroups: this.groupsAt(t),
    };
    if (settings.resolvedSourceVersion)
      batch.resolvedSourceVersion = settings.resolvedSourceVersion;
    if (settings.buildBatchConfig.combineArtifacts)
      batch.artifacts = {
        location: `arn:aws:s3:::${this.project}-artifacts/batch/${this.id.split(':')[1]}/combined.zip`,
        encryptionDisabled: false,
      };
    if (complete) batch.endTime = epoch(this.endAt());
    return batch;
  }

  /** Retries the batch at time t. Returns the RetryBuildBatch response, or throws { code, message }. */
  retry(t, retryType) {
    if (!this.isComplete(t))
      throw {
        code: 'InvalidInputException',
        message: `Build batch ${this.id} is still in progress and cannot be retried.`,
      };
    if (this.statusAt(t) === 'SUCCEEDED')
      throw {
        code: 'InvalidInputException',
        message: `Build batch ${this.id} succeeded; only failed build batches can be retried.`,
      };
    const before = this.describe(t);
    const rerun = new Set(
      [...this.entries.keys()].filter(
        (id) =>
          retryType === 'RETRY_ALL_BUILDS' ||
          this.entryStatus(this.entries.get(id).at(-1), t) !== 'SUCCEEDED',
      ),
    );
    // The last plan repeats for any further retry.
    const plans =
      this.spec.retries?.[Math.min(this.retryCount, this.spec.retries.length - 1)] ?? {};
    this.retryCount += 1;
    this.startRun(t, rerun, plans);
    // The retry response: the batch is IN_PROGRESS and SUBMITTED, but its groups still show the old outcomes.
    const response = { ...this.describe(t), buildGroups: before.buildGroups };
    delete response.endTime;
    return { before, response };
  }

  /** Stops the batch at t. The response already says STOPPED while groups still read as they were. */
  stop(t) {
    if (this.isComplete(t)) return this.describe(t);
    const groups = this.describe(t).buildGroups;
    this.run.stoppedAt = t;
    return { ...this.describe(t), buildGroups: groups };
  }

  /**
   * A build's environment variables: the batch's, then its group's own from the build graph
   * (`env: variables:` in the buildspec's batch section, def.variables here), PLAINTEXT in clear.
   */
  variablesOf(entry, settings) {
    const def = this.groupDefs.find((g) => g.identifier === entry.identifier) ?? {};
    const own = Object.entries(def.variables ?? {}).map(([name, value]) => ({
      name,
      value,
      type: 'PLAINTEXT',
    }));
    return [...settings.environment.environmentVariables, ...own];
  }

  /** A build's LogsLocation, as BatchGetBuilds returns it. */
  logsOf(entry) {
    const def = this.groupDefs.find((g) => g.identifier === entry.identifier) ?? {};
    const logging = def.synthetic ? { kind: 'cloudwatch' } : this.loggingOf(def);
    const uuid = entry.id.split(':')[1];
    const cloudWatchOff = { status: 'DISABLED' };
    const s3Off = { status: 'DISABLED', encryptionDisabled: false };
    if (logging.kind === 'off') return { cloudWatchLogs: cloudWatchOff, s3Logs: s3Off };
    if (logging.kind === 's3') {
      const bucket = `${this.project}-build-logs`;
      return {
        s3DeepLink: `https://s3.console.aws.amazon.com/s3/object/${bucket}/logs/${uuid}.gz?region=${this.region}`,
        s3LogsArn: `arn:aws:s3:::${bucket}/logs/${uuid}.gz`,
        cloudWatchLogs: cloudWatchOff,
        s3Logs: { status: 'ENABLED', location: `${bucket}/logs`, encryptionDisabled: false },
      };
    }
    const cloudWatchLogs = { status: 'ENABLED' };
    if (logging.groupName) cloudWatchLogs.groupName = logging.groupName;
    if (logging.streamPrefix) cloudWatchLogs.streamName = logging.streamPrefix;
    // A build that never ran (blocked) has no stream.
    if (!entry.logStream) return { cloudWatchLogs, s3Logs: s3Off };
    return {
      groupName: entry.logGroup,
      streamName: entry.logStream,
      deepLink: `https://console.aws.amazon.com/cloudwatch/home?region=${this.region}#logEvent:group=${encodeURIComponent(entry.logGroup)};stream=${encodeURIComponent(entry.logStream)}`,
      cloudWatchLogsArn: `arn:aws:logs:${this.region}:${this.account}:log-group:${entry.logGroup}:log-stream:${entry.logStream}`,
      cloudWatchLogs,
      s3Logs: s3Off,
    };
  }

  /** The Build JSON of one of this batch's builds at time t. */
  build(arnOrId, t) {
    const entry =
      this.builds.get(arnOrId) ?? [...this.builds.values()].find((b) => b.id === arnOrId);
    if (!entry || entry.deleted) return undefined;
    const status = this.entryStatus(entry, t);
    const final = FINAL.has(status);
    const settings = this.settings(t);
    const phases = [];
    if (entry.ranPhases && t >= entry.startAt) {
      const failAt =
        final && status !== 'SUCCEEDED' ? BUILD_PHASES.indexOf(entry.reason?.phase ?? 'BUILD') : -1;
      const span = Math.max(1, entry.endAt - entry.startAt) / BUILD_PHASES.length;
      const shown = final
        ? failAt >= 0
          ? failAt + 1
          : BUILD_PHASES.length
        : Math.min(BUILD_PHASES.length, Math.floor((t - entry.startAt) / span) + 1);
      for (let i = 0; i < shown; i++) {
        const phase = { phaseType: BUILD_PHASES[i], startTime: epoch(entry.startAt + i * span) };
        if (i < shown - 1 || final) {
          Object.assign(phase, {
            endTime: epoch(entry.startAt + (i + 1) * span),
            durationInSeconds: Math.round(span / 1000),
            phaseStatus: i === failAt ? status : 'SUCCEEDED',
            contexts: [],
          });
          if (i === failAt && entry.reason)
            phase.contexts = [{ statusCode: entry.reason.code, message: entry.reason.message }];
          if (status === 'STOPPED' && i === shown - 1) phase.phaseStatus = 'STOPPED';
        }
        phases.push(phase);
      }
      if (final)
        phases.push({ phaseType: 'COMPLETED', startTime: epoch(Math.min(t, entry.endAt)) });
    }
    const out = {
      id: entry.id,
      arn: entry.arn,
      buildNumber: entry.buildNumber,
      startTime: epoch(entry.startAt),
      currentPhase: phases.at(-1)?.phaseType ?? 'SUBMITTED',
      buildStatus: status === 'PENDING' ? 'IN_PROGRESS' : status,
      projectName: this.project,
      phases,
      sourceVersion: settings.sourceVersion,
      environment: {
        type: settings.environment.type,
        image: settings.environment.image,
        computeType: settings.environment.computeType,
        environmentVariables: this.variablesOf(entry, settings),
      },
      buildComplete: final,
      initiator: `${this.project}:${this.id.split(':')[1]}`,
      buildBatchArn: this.arn,
      logs: this.logsOf(entry),
      reportArns: entry.reportArns ?? [],
    };
    if (settings.resolvedSourceVersion) out.resolvedSourceVersion = settings.resolvedSourceVersion;
    if (entry.artifacts)
      Object.assign(out, {
        artifacts: { location: entry.artifacts.primary.location },
        secondaryArtifacts: entry.artifacts.secondary.map((a) => ({
          location: a.location,
          artifactIdentifier: a.identifier,
        })),
      });
    if (final)
      out.endTime = epoch(
        this.run.stoppedAt !== undefined && this.isCurrentRun(entry)
          ? Math.min(entry.endAt, this.run.stoppedAt)
          : entry.endAt,
      );
    return out;
  }
}
