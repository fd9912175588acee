import {
  awsConsoleLink,
  batchConsoleUrl,
  buildConsoleUrl,
  s3ConsoleUrl,
} from '../../src/report/links.js';

describe('console links', () => {
  it.each([
    ['aws', 'eu-west-1', 'https://eu-west-1.console.aws.amazon.com'],
    ['aws-us-gov', 'us-gov-west-1', 'https://console.amazonaws-us-gov.com'],
    ['aws-cn', 'cn-north-1', 'https://console.amazonaws.cn'],
  ])('links a build in the %s partition', (partition, region, origin) => {
    const arn = `arn:${partition}:codebuild:${region}:123456789012:build/my-project:0e1f2a3b-4c5d`;
    expect(buildConsoleUrl(arn)).toBe(
      `${origin}/codesuite/codebuild/123456789012/projects/my-project/build/my-project%3A0e1f2a3b-4c5d/?region=${region}`,
    );
  });

  it('links a batch', () => {
    expect(
      batchConsoleUrl('arn:aws:codebuild:us-east-1:123456789012:build-batch/web-app:abcd-1234'),
    ).toBe(
      'https://us-east-1.console.aws.amazon.com/codesuite/codebuild/123456789012/projects/web-app/batch/web-app%3Aabcd-1234?region=us-east-1',
    );
  });

  it.each([
    [undefined],
    ['not an arn'],
    ['arn:aws:s3:us-east-1:123456789012:build/x:y'],
    ['arn:aws-iso:codebuild:us-iso-east-1:123456789012:build/x:y'],
    ['arn:aws:codebuild:us-east-1:***:build/x:y'],
    // The region would become the host: evil.example/#.console.aws.amazon.com.
    ['arn:aws:codebuild:evil.example/#:123456789012:build/x:y'],
  ])('gives no link for %p', (arn) => {
    expect(buildConsoleUrl(arn)).toBeUndefined();
  });

  it('does not take a build ARN for a batch', () => {
    expect(batchConsoleUrl('arn:aws:codebuild:us-east-1:123456789012:build/x:y')).toBeUndefined();
  });
});

describe('s3ConsoleUrl', () => {
  it.each([
    [
      'arn:aws:s3:::bucket/a/b.zip',
      'https://s3.console.aws.amazon.com/s3/buckets/bucket?prefix=a%2Fb.zip',
    ],
    [
      'arn:aws-us-gov:s3:::bucket/x',
      'https://console.amazonaws-us-gov.com/s3/buckets/bucket?prefix=x',
    ],
    ['arn:aws-cn:s3:::bucket', 'https://console.amazonaws.cn/s3/buckets/bucket?prefix='],
    ['bucket/path/', 'https://s3.console.aws.amazon.com/s3/buckets/bucket?prefix=path%2F'],
    ['arn:aws-iso:s3:::bucket/x', undefined],
    ['https://example.com/x', undefined],
    ['', undefined],
  ])('%s → %s', (location, url) => {
    expect(s3ConsoleUrl(location)).toBe(url);
  });
});

describe("awsConsoleLink: a console link CodeBuild hands over, only when it leads to AWS's console", () => {
  it.each([
    'https://console.aws.amazon.com/cloudwatch/home?region=us-east-1#logEvent:group=/aws/codebuild/web-app',
    'https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1',
    'https://s3.console.aws.amazon.com/s3/object/logs-bucket?prefix=web-app/1.gz',
    'https://console.amazonaws.cn/cloudwatch/home?region=cn-north-1',
    'https://console.amazonaws-us-gov.com/cloudwatch/home?region=us-gov-west-1',
  ])('keeps %s', (url) => {
    expect(awsConsoleLink(url)).toBe(url);
  });

  it.each([
    undefined,
    '',
    'not a url',
    'https://console.aws.amazon.com.evil.example/login',
    'https://evil.example/console.aws.amazon.com/',
    'https://evilconsole.aws.amazon.com.example/',
    'http://console.aws.amazon.com/cloudwatch/home',
    'javascript:alert(1)//console.aws.amazon.com',
    'https://user@evil.example',
    // User info before a console host: what a page's escaping could cut down to another host.
    'https://evil.example@us-east-1.console.aws.amazon.com/cloudwatch/home',
  ])('drops %p', (url) => {
    expect(awsConsoleLink(url)).toBeUndefined();
  });
});
