import { partition } from '@aws-sdk/core/client';
import {
  batchConsoleUrl,
  buildConsoleUrl,
  parseArn,
  partitionOf,
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
  ])('gives no link for %p', (arn) => {
    expect(buildConsoleUrl(arn)).toBeUndefined();
  });

  it('does not take a build ARN for a batch', () => {
    expect(batchConsoleUrl('arn:aws:codebuild:us-east-1:123456789012:build/x:y')).toBeUndefined();
  });

  it('parses an id that contains colons', () => {
    expect(parseArn('arn:aws:codebuild:us-east-1:123456789012:build-batch/p:u')).toEqual({
      partition: 'aws',
      service: 'codebuild',
      region: 'us-east-1',
      account: '123456789012',
      resourceType: 'build-batch',
      resourceId: 'p:u',
    });
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

describe('partitionOf', () => {
  // Every region of every partition the SDK's data names, names of no known shape, and future ones.
  it.each([
    ...['us-east-1', 'us-west-2', 'eu-central-2', 'ap-southeast-7', 'mx-central-1', 'il-central-1'],
    ...['me-central-1', 'af-south-1', 'ca-west-1', 'sa-east-1', 'ap-east-2', 'eu-south-9'],
    ...['cn-north-1', 'cn-northwest-1', 'us-gov-west-1', 'us-gov-east-1', 'us-iso-east-1'],
    ...['us-iso-west-1', 'us-isob-east-1', 'eu-isoe-west-1', 'us-isof-south-1', 'us-isof-east-1'],
    ...['eusc-de-east-1', 'aws-global', 'aws-cn-global', 'aws-us-gov-global', 'xx-east-1', 'moon'],
    ...[
      'aws-iso-global',
      'aws-iso-b-global',
      'aws-iso-e-global',
      'aws-iso-f-global',
      'aws-eusc-global',
    ],
  ])("%s: the partition the SDK's own data gives", (region) => {
    expect(partitionOf(region)).toBe(partition(region).name);
  });
});
