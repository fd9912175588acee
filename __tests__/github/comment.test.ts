import { commentApi, writeComment, type CommentApi } from '../../src/github/comment.js';
import type { GitHubClient } from '../../src/github/octokit.js';
import { commentMarker, writerLine } from '../../src/report/comment.js';
import { describeBatch } from '../../src/report/outcome.js';
import { batch } from '../fixtures.js';

const RUN = 'https://github.com/example/web-app/actions/runs/7/attempts/1';
const KEY = { project: 'web-app', job: 'ci' };

/** A pull request's comments, by id, as the API would keep them. */
function pullRequest(comments: Array<{ marker: string; writer?: { run: string; batch: string } }>) {
  const bodies = new Map<number, string>();
  comments.forEach((c, i) =>
    bodies.set(i + 1, `${c.marker}\n${c.writer ? writerLine(c.writer) : ''}\n<h3>FAILED</h3>`),
  );
  const api: CommentApi = {
    find: async (marker) => {
      for (const [id, body] of bodies) if (body.startsWith(`${marker}\n`)) return { id, body };
      return undefined;
    },
    create: async (body) => {
      const id = Math.max(0, ...bodies.keys()) + 1;
      bodies.set(id, body);
      return id;
    },
    update: async (id, body) => void bodies.set(id, body),
    remove: async (id) => void bodies.delete(id),
  };
  return { api, bodies };
}

const write = (api: CommentApi, mode: 'failure' | 'always', succeeded: boolean, id: string) =>
  writeComment(
    api,
    mode,
    {
      key: KEY,
      writer: { run: RUN, batch: id },
      outcome: describeBatch({ ...batch(succeeded ? 'SUCCEEDED' : 'FAILED'), id }),
      headline: succeeded ? 'Green.' : 'Red.',
      succeeded,
    },
    new AbortController().signal,
  );

describe('writeComment: legs of one run attempt that report different batches', () => {
  it("a green leg leaves a red leg's comment as it is (pr-comment: failure)", async () => {
    const pr = pullRequest([
      { marker: commentMarker(KEY), writer: { run: RUN, batch: 'web-app:red' } },
    ]);
    const result = await write(pr.api, 'failure', true, 'web-app:green');
    expect(result).toMatchObject({ wrote: false, sharedWith: 'web-app:red' });
    expect([...pr.bodies.values()]).toHaveLength(1);
    expect(pr.bodies.get(1)).toContain('FAILED');
  });

  it('a red leg after a green one writes a comment of its own, keyed by its batch', async () => {
    const pr = pullRequest([
      { marker: commentMarker(KEY), writer: { run: RUN, batch: 'web-app:green' } },
    ]);
    const result = await write(pr.api, 'always', false, 'web-app:red');
    expect(result).toMatchObject({ wrote: true, sharedWith: 'web-app:green' });
    expect(pr.bodies.size).toBe(2);
    expect(pr.bodies.get(2)).toMatch(
      /^<!-- codebuild-batch-retry project=web-app job=ci batch=web-app%3Ared -->\n/,
    );
    // …and edits that one when it writes again.
    await write(pr.api, 'always', false, 'web-app:red');
    expect(pr.bodies.size).toBe(2);
  });

  it('edits the comment an earlier run attempt wrote, whatever batch it reported', async () => {
    const pr = pullRequest([
      { marker: commentMarker(KEY), writer: { run: `${RUN}-earlier`, batch: 'web-app:old' } },
    ]);
    const result = await write(pr.api, 'failure', true, 'web-app:new');
    expect(result).toEqual({ did: 'edited comment 1', wrote: true, sharedWith: undefined });
    expect(pr.bodies.get(1)).toContain('green now');
  });
});

describe('writeComment: a comment deleted between the list and the edit (404)', () => {
  /** Finds the comment, which is then deleted before the edit reaches GitHub. */
  let deleted = false;
  beforeEach(() => (deleted = false));
  const deletedMeanwhile = (pr: ReturnType<typeof pullRequest>): CommentApi => ({
    ...pr.api,
    find: async (marker, signal) => {
      const found = await pr.api.find(marker, signal);
      if (found && !deleted) pr.bodies.delete(found.id);
      deleted = true;
      return found;
    },
    update: async () => {
      throw Object.assign(new Error('Not Found'), { status: 404 });
    },
  });

  it('is written anew', async () => {
    const pr = pullRequest([{ marker: commentMarker(KEY) }]);
    const result = await write(deletedMeanwhile(pr), 'always', false, 'web-app:red');
    expect(result).toMatchObject({ wrote: true });
    expect([...pr.bodies.values()]).toEqual([expect.stringMatching(/^<!-- codebuild-batch-retry/)]);
    expect([...pr.bodies.values()][0]).not.toContain('green now');
  });

  it('is not written for a green batch with pr-comment: failure', async () => {
    const pr = pullRequest([{ marker: commentMarker(KEY) }]);
    const result = await write(deletedMeanwhile(pr), 'failure', true, 'web-app:green');
    expect(result).toMatchObject({ wrote: false });
    expect(pr.bodies.size).toBe(0);
  });

  it("another failure of the edit is the caller's to say", async () => {
    const pr = pullRequest([{ marker: commentMarker(KEY) }]);
    const api = {
      ...pr.api,
      update: async () => {
        throw Object.assign(new Error('Forbidden'), { status: 403 });
      },
    };
    await expect(write(api, 'always', false, 'web-app:red')).rejects.toThrow('Forbidden');
    expect(pr.bodies.size).toBe(1);
  });
});

describe('writeComment: legs that follow one batch and end together', () => {
  /** The other leg's create, its body made by `theirs`, lands between this leg's look and its own create. */
  const otherLegFirst = (
    pr: ReturnType<typeof pullRequest>,
    theirs: (body: string) => string,
  ): CommentApi => ({
    ...pr.api,
    create: async (body, signal) => {
      await pr.api.create(theirs(body), signal);
      return pr.api.create(body, signal);
    },
  });

  it('each created a comment: the one whose comment is newer takes it away', async () => {
    const pr = pullRequest([]);
    const racing = otherLegFirst(pr, (body) => body.replace('Red.', 'Red, from the other leg.'));
    const result = await write(racing, 'always', false, 'web-app:red');
    expect(result).toMatchObject({
      did: 'created a comment, then removed it: another step had just written comment 1',
      wrote: true,
    });
    expect([...pr.bodies.keys()]).toEqual([1]);
  });

  it("a leg of another batch, whose comment came first: keeps its own (that batch's report stays too)", async () => {
    const pr = pullRequest([]);
    const racing = otherLegFirst(pr, (body) => body.replaceAll('web-app%3Ared', 'web-app%3Aother'));
    const result = await write(racing, 'always', false, 'web-app:red');
    expect(result).toMatchObject({ did: 'created the comment', wrote: true });
    expect(pr.bodies.size).toBe(2);
  });

  it('alone, keeps the comment it created', async () => {
    const pr = pullRequest([]);
    const result = await write(pr.api, 'always', false, 'web-app:red');
    expect(result).toMatchObject({ did: 'created the comment', wrote: true });
    expect(pr.bodies.size).toBe(1);
  });
});

describe('commentApi: what reaches GitHub', () => {
  it("takes the step's secrets out of the body it creates and the body it edits", async () => {
    // GitHub shows a comment as sent: the runner's masking does not reach it.
    const bodies: string[] = [];
    const octokit = {
      rest: {
        issues: {
          createComment: async ({ body }: { body: string }) => ({
            data: { id: bodies.push(body) },
          }),
          updateComment: async ({ body }: { body: string }) => void bodies.push(body),
        },
      },
    } as unknown as GitHubClient;
    const api = commentApi(
      octokit,
      { owner: 'o', repo: 'r', issue_number: 1 },
      () => undefined,
      (text) => text.replaceAll('AKIASECRET', '***'),
    );
    const signal = new AbortController().signal;
    await api.create('echo AKIASECRET', signal);
    await api.update(1, 'echo AKIASECRET again', signal);
    expect(bodies).toEqual(['echo ***', 'echo *** again']);
  });
});
