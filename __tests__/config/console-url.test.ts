import { batchFromConsoleUrl } from '../../src/config/console-url.js';
import { readConfig } from '../../src/config/inputs.js';
import type { InputSource } from '../../src/config/input-source.js';

const ID = 'web-app:0b8e7c1a-2f3d-4e5f-8a9b-1c2d3e4f5a6b';
const PAGE = `https://us-east-1.console.aws.amazon.com/codesuite/codebuild/123456789012/projects/web-app/batch/${encodeURIComponent(ID)}?region=us-east-1`;

describe('batchFromConsoleUrl', () => {
  it.each<[string, string, ReturnType<typeof batchFromConsoleUrl>]>([
    ['the batch page', PAGE, { batchId: ID, region: 'us-east-1', account: '123456789012' }],
    [
      'a tab of it, the region from the host',
      PAGE.replace('?region=us-east-1', '/builds'),
      { batchId: ID, region: 'us-east-1', account: '123456789012' },
    ],
    [
      'GovCloud, the region from the query',
      `https://console.amazonaws-us-gov.com/codesuite/codebuild/123456789012/projects/web-app/batch/${ID}?region=us-gov-west-1`,
      { batchId: ID, region: 'us-gov-west-1', account: '123456789012' },
    ],
    [
      'no account, no region',
      `https://console.aws.amazon.com/codesuite/codebuild/projects/web-app/batch/${ID}`,
      { batchId: ID, region: undefined, account: undefined },
    ],
    ['a build page', PAGE.replace('/batch/', '/build/'), undefined],
    [
      'another host',
      PAGE.replace('console.aws.amazon.com', 'console.aws.amazon.com.evil.example'),
      undefined,
    ],
    ['plain http', PAGE.replace('https:', 'http:'), undefined],
    ['a broken escape', PAGE.replace('%3A', '%ZZ'), undefined],
    ['not a URL', ID, undefined],
  ])('%s', (_, text, expected) => {
    expect(batchFromConsoleUrl(text)).toEqual(expected);
  });
});

describe('batch-id given as a console page', () => {
  const source = (inputs: Record<string, string>): InputSource => ({
    get: (name) => inputs[name] ?? '',
    getBoolean: (name) => inputs[name] === 'true',
  });

  it('retries the batch it names, in its region', () => {
    const config = readConfig(source({ 'batch-id': PAGE }));
    expect(config.target).toEqual({ kind: 'batch', batchId: ID, account: '123456789012' });
    expect(config.region).toBe('us-east-1');
  });

  it('refuses another page, saying what it takes', () => {
    expect(() => readConfig(source({ 'batch-id': PAGE.replace('/batch/', '/build/') }))).toThrow(
      /^Input "batch-id" is ".{77}\.\.\.", but it must be a batch build id \(project:uuid\), its ARN, or its page in the CodeBuild console/,
    );
  });
});
