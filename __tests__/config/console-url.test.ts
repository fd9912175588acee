import { consolePageOf } from '../../src/config/console-url.js';
import { readConfig } from '../../src/config/inputs.js';
import type { InputSource } from '../../src/config/input-source.js';

const ID = 'web-app:0b8e7c1a-2f3d-4e5f-8a9b-1c2d3e4f5a6b';
const PAGE = `https://us-east-1.console.aws.amazon.com/codesuite/codebuild/123456789012/projects/web-app/batch/${encodeURIComponent(ID)}?region=us-east-1`;

const BATCH = { kind: 'batch', id: ID, partition: 'aws' } as const;

describe('consolePageOf', () => {
  it.each<[string, string, ReturnType<typeof consolePageOf>]>([
    ['the batch page', PAGE, { ...BATCH, region: 'us-east-1', account: '123456789012' }],
    [
      'a tab of it, the region from the host',
      PAGE.replace('?region=us-east-1', '/builds'),
      { ...BATCH, region: 'us-east-1', account: '123456789012' },
    ],
    [
      'GovCloud, the region from the query',
      `https://console.amazonaws-us-gov.com/codesuite/codebuild/123456789012/projects/web-app/batch/${ID}?region=us-gov-west-1`,
      { ...BATCH, region: 'us-gov-west-1', account: '123456789012', partition: 'aws-us-gov' },
    ],
    [
      'no account, no region',
      `https://console.aws.amazon.com/codesuite/codebuild/projects/web-app/batch/${ID}`,
      { ...BATCH, region: undefined, account: undefined },
    ],
    [
      'a build page, told apart',
      PAGE.replace('/batch/', '/build/'),
      { ...BATCH, kind: 'build', region: 'us-east-1', account: '123456789012' },
    ],
    [
      'China, the region from the host',
      `https://cn-north-1.console.amazonaws.cn/codesuite/codebuild/123456789012/projects/web-app/batch/${ID}`,
      { ...BATCH, region: 'cn-north-1', account: '123456789012', partition: 'aws-cn' },
    ],
    [
      'another host',
      PAGE.replace('console.aws.amazon.com', 'console.aws.amazon.com.evil.example'),
      undefined,
    ],
    ['plain http', PAGE.replace('https:', 'http:'), undefined],
    ['a broken escape', PAGE.replace('%3A', '%ZZ'), undefined],
    ['not a URL', ID, undefined],
  ])('%s', (_, text, expected) => {
    expect(consolePageOf(text)).toEqual(expected);
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

  it.each([
    ['China', 'console.amazonaws.cn', 'us-east-1', 'aws-cn'],
    ['GovCloud', 'console.amazonaws-us-gov.com', 'eu-west-1', 'aws-us-gov'],
    ['the commercial partition', 'us-east-1.console.aws.amazon.com', 'cn-north-1', 'aws'],
  ])(
    'refuses a page of %s whose region= is of another partition, as it does such an ARN',
    (_, host, region, partition) => {
      const page = `https://${host}/codesuite/codebuild/123456789012/projects/web-app/batch/${ID}?region=${region}`;
      expect(() => readConfig(source({ 'batch-id': page }))).toThrow(
        `Input "batch-id" is a console page of partition ${partition}, which does not hold region ${region} (its region= says so): copy the page's address again from the browser.`,
      );
    },
  );

  it('refuses a build’s page, saying to open the batch it belongs to', () => {
    expect(() => readConfig(source({ 'batch-id': PAGE.replace('/batch/', '/build/') }))).toThrow(
      `Input "batch-id" is a build's page in the CodeBuild console (…/build/…), not a batch build's (…/batch/…): open the batch the build belongs to (its Batch build link) and copy that page's address.`,
    );
  });

  it('refuses another page, saying what it takes', () => {
    const project = PAGE.replace(/batch\/.*/, 'history?region=us-east-1');
    expect(() => readConfig(source({ 'batch-id': project }))).toThrow(
      /^Input "batch-id" is ".{77}\.\.\.", but it must be a batch build id \(project:uuid\), its ARN, or its page in the CodeBuild console/,
    );
  });
});
