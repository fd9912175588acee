import type { PrComment } from '../config/github-inputs.js';
import { commentAction, commentBody, isOurComment, type CommentInput } from '../report/comment.js';
import type { GitHubClient } from './octokit.js';

/** The calls the comment takes. */
export interface CommentApi {
  /** The id of this target's comment on the pull request, if it has one. */
  find(marker: string, signal: AbortSignal): Promise<number | undefined>;
  create(body: string, signal: AbortSignal): Promise<void>;
  update(id: number, body: string, signal: AbortSignal): Promise<void>;
}

/**
 * The calls over Octokit, for one pull request. `redact` takes the step's secrets out of the body:
 * GitHub shows it as sent, masked by nothing.
 */
export function commentApi(
  octokit: GitHubClient,
  where: { owner: string; repo: string; issue_number: number },
  retries: () => number | undefined,
  redact: (text: string) => string,
): CommentApi {
  const request = (signal: AbortSignal) => {
    const left = retries();
    return { signal, ...(left === undefined ? {} : { retries: left }) };
  };
  return {
    async find(marker, signal) {
      // Oldest first, 100 a page: the pages stop at the first comment that is ours.
      for await (const { data } of octokit.paginate.iterator(octokit.rest.issues.listComments, {
        ...where,
        per_page: 100,
        request: request(signal),
      })) {
        const ours = data.find((comment) => isOurComment(comment, marker));
        if (ours) return ours.id;
      }
      return undefined;
    },
    async create(body, signal) {
      await octokit.rest.issues.createComment({
        ...where,
        body: redact(body),
        request: request(signal),
      });
    },
    async update(id, body, signal) {
      await octokit.rest.issues.updateComment({
        owner: where.owner,
        repo: where.repo,
        comment_id: id,
        body: redact(body),
        request: request(signal),
      });
    },
  };
}

/**
 * Writes the pull request's comment once the step has reported: finds this target's comment, then
 * edits it or creates it as pr-comment says. What it did, for the debug log.
 */
export async function writeComment(
  api: CommentApi,
  mode: PrComment,
  input: Omit<CommentInput, 'greenNow'> & { succeeded: boolean },
  signal: AbortSignal,
): Promise<string> {
  const existing = await api.find(input.marker, signal);
  const action = commentAction(mode, input.succeeded, existing !== undefined);
  if (action === 'none') return 'the batch succeeded and no earlier comment reported it red';
  const body = commentBody({
    ...input,
    greenNow: mode === 'failure' && input.succeeded && existing !== undefined,
  });
  if (existing !== undefined) {
    await api.update(existing, body, signal);
    return `edited comment ${existing}`;
  }
  await api.create(body, signal);
  return 'created the comment';
}
