import type { PrComment } from '../config/github-inputs.js';
import {
  commentAction,
  commentBody,
  commentMarker,
  isOurComment,
  siblingBatch,
  writerOf,
  type CommentInput,
  type CommentKey,
  type CommentWriter,
} from '../report/comment.js';
import type { GitHubClient } from './octokit.js';

/** The calls the comment takes. */
export interface CommentApi {
  /** This target's comment on the pull request, if it has one. */
  find(marker: string, signal: AbortSignal): Promise<{ id: number; body: string } | undefined>;
  /** Creates the comment; its id. */
  create(body: string, signal: AbortSignal): Promise<number>;
  update(id: number, body: string, signal: AbortSignal): Promise<void>;
  remove(id: number, signal: AbortSignal): Promise<void>;
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
        if (ours) return { id: ours.id, body: ours.body ?? '' };
      }
      return undefined;
    },
    async create(body, signal) {
      const { data } = await octokit.rest.issues.createComment({
        ...where,
        body: redact(body),
        request: request(signal),
      });
      return data.id;
    },
    async remove(id, signal) {
      await octokit.rest.issues.deleteComment({
        owner: where.owner,
        repo: where.repo,
        comment_id: id,
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
 * edits it or creates it as pr-comment says. A comment another step of this run attempt wrote for
 * another batch (a matrix leg under the same key) is left as it is: this step then writes a comment
 * of its own, keyed by its batch. What it did, for the debug log, and that other step's batch.
 */
export async function writeComment(
  api: CommentApi,
  mode: PrComment,
  input: Omit<CommentInput, 'greenNow' | 'marker'> & { key: CommentKey; succeeded: boolean },
  signal: AbortSignal,
): Promise<{ did: string; wrote: boolean; sharedWith?: string }> {
  let marker = commentMarker(input.key);
  let existing = await api.find(marker, signal);
  const sharedWith =
    existing && input.writer ? siblingBatch(existing.body, input.writer) : undefined;
  if (sharedWith !== undefined && input.writer) {
    marker = commentMarker({ ...input.key, batch: input.writer.batch });
    existing = await api.find(marker, signal);
  }
  const action = commentAction(mode, input.succeeded, existing !== undefined);
  if (action === 'none')
    return {
      did: 'the batch succeeded and no earlier comment reported it red',
      wrote: false,
      sharedWith,
    };
  const body = commentBody({
    ...input,
    marker,
    greenNow: mode === 'failure' && input.succeeded && existing !== undefined,
  });
  if (existing !== undefined) {
    try {
      await api.update(existing.id, body, signal);
      return { did: `edited comment ${existing.id}`, wrote: true, sharedWith };
    } catch (error) {
      // Deleted between the list and the edit: written as if it had never been.
      if ((error as { status?: unknown }).status !== 404) throw error;
      if (commentAction(mode, input.succeeded, false) === 'none')
        return { did: `comment ${existing.id} was deleted meanwhile`, wrote: false, sharedWith };
      const body = commentBody({ ...input, marker, greenNow: false });
      const did = await createOnce(api, marker, body, input.writer, signal);
      return {
        did: `${did} (comment ${existing.id} was deleted meanwhile)`,
        wrote: true,
        sharedWith,
      };
    }
  }
  const did = await createOnce(api, marker, body, input.writer, signal);
  return { did, wrote: true, sharedWith };
}

/**
 * Creates the comment, then looks again: matrix legs that follow one batch end together, each found
 * no comment, and each created one. The oldest stays (every leg sees the same one first); a leg
 * whose comment is newer takes its own away, but only when the oldest reports the same batch from
 * the same run: a leg of another batch keeps its own, as the sibling rule would have it.
 */
async function createOnce(
  api: CommentApi,
  marker: string,
  body: string,
  writer: CommentWriter | undefined,
  signal: AbortSignal,
): Promise<string> {
  const id = await api.create(body, signal);
  try {
    const first = await api.find(marker, signal);
    if (first === undefined || first.id === id || !writer) return 'created the comment';
    const other = writerOf(first.body);
    if (other?.run !== writer.run || other.batch !== writer.batch) return 'created the comment';
    await api.remove(id, signal);
    return `created a comment, then removed it: another step had just written comment ${first.id}`;
  } catch {
    // Written all the same: at worst the pull request shows two.
    return 'created the comment (could not look for another)';
  }
}
