import { Inputs } from './names.js';
import { ActionError } from './errors.js';
import { invalid, readBoolean, type InputSource } from './input-source.js';

/** pr-comment: when the pull request gets its comment. */
export type PrComment = 'never' | 'failure' | 'always';

/** Where people look besides the summary: check runs on the commit, a comment on the pull request. */
export interface GitHubSettings {
  /** checks: one check run per build group. */
  checks: boolean;
  /** check-name: the check runs are named <checkName>/<group>; undefined names them after the project. */
  checkName?: string;
  /** github-token. A secret: never shown, not even in an error about it. */
  token: string;
  prComment: PrComment;
}

const PR_COMMENT: readonly PrComment[] = ['never', 'failure', 'always'];
/** GitHub cuts nothing here, but a check run's name is a line in the checks box: keep it one. */
const MAX_CHECK_NAME = 100;

/** Whether any of them is on: only then is Octokit loaded. */
export function wantsGitHub(settings: GitHubSettings): boolean {
  return settings.checks || settings.prComment !== 'never';
}

/** checks, check-name, github-token, pr-comment; throws the sentence that names a bad one. */
export function readGitHubSettings(source: InputSource, wait: boolean): GitHubSettings {
  const checks = readBoolean(source, Inputs.Checks, false);
  const commentRaw = source.get(Inputs.PrComment);
  const prComment = (commentRaw === '' ? 'never' : commentRaw.toLowerCase()) as PrComment;
  if (!PR_COMMENT.includes(prComment))
    throw invalid(Inputs.PrComment, commentRaw, 'never, failure or always');
  const checkName = source.get(Inputs.CheckName);
  if (/[\r\n]/.test(checkName) || checkName.length > MAX_CHECK_NAME)
    throw new ActionError(
      `Input "${Inputs.CheckName}" must be one line of at most ${MAX_CHECK_NAME} characters: the check runs are named <${Inputs.CheckName}>/<build group>.`,
    );
  // A check run left in progress by a step that does not wait would never be completed.
  if (checks && !wait)
    throw new ActionError(
      `Input "${Inputs.Checks}" is true but "${Inputs.Wait}" is false: a check run is completed when its build group ends, which only a waiting step sees, so set "${Inputs.Wait}: true" or "${Inputs.Checks}: false".`,
    );
  return {
    checks,
    checkName: checkName || undefined,
    token: source.get(Inputs.GithubToken),
    prComment,
  };
}
