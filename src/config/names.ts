/**
 * Every input, output and state name of the action, once. action.yml declares the same inputs and
 * outputs (a test keeps the two equal); the code reads and writes them only through these tables.
 */

export const Inputs = {
  BatchId: 'batch-id',
  ProjectName: 'project-name',
  StartBatch: 'start-batch',
  SourceVersion: 'source-version',
  DisableSourceOverride: 'disable-source-override',
  EnvVarsForCodebuild: 'env-vars-for-codebuild',
  ParameterStoreEnvVars: 'parameter-store-env-vars',
  SecretsManagerEnvVars: 'secrets-manager-env-vars',
  DisableGithubEnvVars: 'disable-github-env-vars',
  BuildspecOverride: 'buildspec-override',
  StartOverrides: 'start-overrides',
  RetryType: 'retry-type',
  IdempotencyToken: 'idempotency-token',
  Wait: 'wait',
  PollIntervalSeconds: 'poll-interval-seconds',
  TimeoutMinutes: 'timeout-minutes',
  FailOnBatchFailure: 'fail-on-batch-failure',
  StopOnCancel: 'stop-on-cancel',
  MaxAttempts: 'max-attempts',
  LogLines: 'log-lines',
  StepLog: 'step-log',
  AwsRegion: 'aws-region',
  RoleToAssume: 'role-to-assume',
  RoleSessionName: 'role-session-name',
  RoleDurationSeconds: 'role-duration-seconds',
  Audience: 'audience',
  Checks: 'checks',
  CheckName: 'check-name',
  GithubToken: 'github-token',
  PrComment: 'pr-comment',
} as const;
export type InputName = (typeof Inputs)[keyof typeof Inputs];

export const Outputs = {
  BatchId: 'batch-id',
  BatchArn: 'batch-arn',
  BatchStatus: 'batch-status',
  BuildBatchNumber: 'build-batch-number',
  Attempts: 'attempts',
  BuildGroups: 'build-groups',
  FailedBuildGroups: 'failed-build-groups',
  NotRunBuildGroups: 'not-run-build-groups',
  IgnoredBuildGroups: 'ignored-build-groups',
  FlakyBuildGroups: 'flaky-build-groups',
  TestResults: 'test-results',
  Artifacts: 'artifacts',
} as const;

/** What the main step leaves for the post step (core.saveState / getState). */
export const State = {
  /** The ARN (or id) of the batch the main step waits on, so the post step can stop a batch left running. */
  RunningBatchId: 'running-batch-id',
  /** Set by the main step: the runner runs dist/index.js again as the post step, with this state. */
  MainStepStarted: 'main-step-started',
  /**
   * The commit and batch of check runs the main step created and had not all completed (JSON): the
   * post step completes those still open as cancelled. Empty once every run is completed.
   */
  OpenCheckRuns: 'open-check-runs',
} as const;

/** The GitHub context a started build gets unless disable-github-env-vars is true. */
export const GITHUB_ENV_VARS = [
  'GITHUB_SHA',
  'GITHUB_REF',
  'GITHUB_REPOSITORY',
  'GITHUB_RUN_ID',
  'GITHUB_RUN_ATTEMPT',
  'GITHUB_ACTOR',
  'GITHUB_EVENT_NAME',
  'GITHUB_HEAD_REF',
  'GITHUB_BASE_REF',
] as const;
