import { context } from '@actions/github';
import type { RunIdentity } from '../config/token.js';

/**
 * The workflow event: its name, dispatch inputs, GITHUB_SHA and a pull request's head commit, and,
 * for check runs and the comment, the repository, the pull request and this run attempt's page.
 */
export interface RunEvent {
  name?: string;
  inputs?: Record<string, unknown>;
  /** GITHUB_SHA. */
  sha?: string;
  /** The head commit when the event carries a pull request. */
  headSha?: string;
  repo?: { owner: string; repo: string };
  /**
   * The pull request a comment goes on: pull request events, and comments on a pull request
   * (issue_comment, a "/retry" command), whose workflow runs in the base repository's own context.
   */
  pullRequest?: { number: number; fromFork: boolean };
  /** This run attempt's page, where its job summary is. */
  runUrl?: string;
  job?: string;
}

/** The event as @actions/github's context reads it from the runner's variables and event file. */
export function eventOf(): RunEvent {
  const { payload } = context;
  const pr = payload.pull_request;
  const inputs: unknown = payload.inputs;
  let repo: RunEvent['repo'];
  try {
    repo = context.repo;
  } catch {
    // Outside a runner: no GITHUB_REPOSITORY and no repository in the payload.
    repo = undefined;
  }
  const baseRepo = pr?.base?.repo?.full_name ?? payload.repository?.full_name;
  const onPullRequest =
    (context.eventName ?? '').startsWith('pull_request') && typeof pr?.number === 'number';
  const issue = payload.issue;
  const onPullRequestComment =
    context.eventName === 'issue_comment' &&
    issue?.pull_request !== undefined &&
    typeof issue.number === 'number';
  const attempt = Number.isInteger(context.runAttempt) ? `/attempts/${context.runAttempt}` : '';
  return {
    name: context.eventName || undefined,
    inputs: inputs && typeof inputs === 'object' ? (inputs as Record<string, unknown>) : undefined,
    sha: context.sha || undefined,
    headSha: typeof pr?.head?.sha === 'string' ? pr.head.sha : undefined,
    repo,
    pullRequest: onPullRequest
      ? { number: pr!.number, fromFork: (pr?.head?.repo?.full_name ?? '') !== baseRepo }
      : onPullRequestComment
        ? { number: issue!.number, fromFork: false }
        : undefined,
    runUrl:
      repo && Number.isInteger(context.runId)
        ? `${context.serverUrl}/${repo.owner}/${repo.repo}/actions/runs/${context.runId}${attempt}`
        : undefined,
    job: context.job || undefined,
  };
}

/** A number the context parsed from the environment, as the string the runner gave (none outside one). */
const shown = (n: number) => (Number.isFinite(n) ? String(n) : undefined);

/** This execution of the step: run, attempt, job and step (the job's step id, GITHUB_ACTION). */
export function runIdentity(): RunIdentity {
  return {
    runId: shown(context.runId),
    runAttempt: shown(context.runAttempt),
    job: context.job || undefined,
    step: context.action || undefined,
  };
}
