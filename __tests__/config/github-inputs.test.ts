import { readConfig } from '../../src/config/inputs.js';
import { wantsGitHub } from '../../src/config/github-inputs.js';
import { BATCH_ID, expectOneSentence, source } from '../fixtures.js';

const settings = (values: Record<string, string>) =>
  readConfig(source({ 'batch-id': BATCH_ID, ...values })).github;

describe('checks, check-name, github-token, pr-comment', () => {
  it('are off by default, so Octokit is never loaded', () => {
    const github = settings({ 'github-token': 'ghs_x' });
    expect(github).toEqual({
      checks: false,
      checkName: undefined,
      token: 'ghs_x',
      prComment: 'never',
    });
    expect(wantsGitHub(github)).toBe(false);
  });

  it.each([
    [{ checks: 'true' }, { checks: true, prComment: 'never' }],
    [{ 'pr-comment': 'failure' }, { checks: false, prComment: 'failure' }],
    [
      { 'pr-comment': 'ALWAYS', checks: 'false' },
      { checks: false, prComment: 'always' },
    ],
    [
      { checks: 'True', 'check-name': 'CodeBuild' },
      { checks: true, checkName: 'CodeBuild' },
    ],
  ])('%j → %j, wanted', (values, expected) => {
    const github = settings(values);
    expect(github).toMatchObject(expected);
    expect(wantsGitHub(github)).toBe(true);
  });

  it.each([
    [{ checks: 'yes' }, /^Input "checks" is "yes", but it must be "true" or "false"\.$/],
    [
      { 'pr-comment': 'on-failure' },
      /^Input "pr-comment" is "on-failure", but it must be never, failure or always\.$/,
    ],
    [{ 'check-name': 'x'.repeat(101) }, /^Input "check-name" must be one line of at most 100/],
    // A long value is shown cut, and says so, as every other input's.
    [
      { checks: 'y'.repeat(200) },
      /^Input "checks" is "y{77}\.\.\.", but it must be "true" or "false"\.$/,
    ],
    [
      { 'pr-comment': 'n'.repeat(200) },
      /^Input "pr-comment" is "n{77}\.\.\.", but it must be never, failure or always\.$/,
    ],
    // Cut before an emoji rather than between its halves: a lone half would read \ud83d.
    [
      { 'pr-comment': `${'n'.repeat(76)}😀${'n'.repeat(50)}` },
      /^Input "pr-comment" is "n{76}\.\.\.", but it must be never, failure or always\.$/,
    ],
    [
      { checks: 'true', wait: 'false' },
      /^Input "checks" is true but "wait" is false: .* set "wait: true" or "checks: false"\.$/,
    ],
  ])('%j is refused in one sentence', (values, message) => {
    expectOneSentence(() => settings(values), message);
  });

  it('never shows the token, whatever else is wrong', () => {
    const token = 'ghp_doNotShowThisToken000000000000000000';
    let message = '';
    try {
      settings({ 'github-token': token, checks: 'maybe' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/checks/);
    expect(message).not.toContain(token);
  });

  it('a comment on a step that does not wait is allowed: it reports what the step did', () => {
    expect(settings({ 'pr-comment': 'always', wait: 'false' }).prComment).toBe('always');
  });
});
