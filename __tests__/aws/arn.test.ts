import { parseArn, partitionOf } from '../../src/aws/arn.js';

describe('parseArn', () => {
  it('splits the resource into type and an id that contains colons', () => {
    expect(parseArn('arn:aws:codebuild:us-east-1:123456789012:build-batch/p:u')).toEqual({
      partition: 'aws',
      service: 'codebuild',
      region: 'us-east-1',
      account: '123456789012',
      resourceType: 'build-batch',
      resourceId: 'p:u',
    });
  });

  it('keeps an account id the workflow masks', () => {
    expect(parseArn('arn:aws:codebuild:us-east-1:***:build/x:y')?.account).toBe('***');
  });

  it.each([
    [undefined],
    [''],
    ['not an arn'],
    ['arn:aws:codebuild:us-east-1:123456789012'],
    ['arn:aws:codebuild:us-east-1:123456789012:build-batch'],
    ['arn:aws:codebuild:us-east-1:123456789012:build-batch/'],
    ['arn:aws:codebuild:us-east-1:12345:build-batch/p:u'],
  ])('gives nothing for %p', (value) => {
    expect(parseArn(value)).toBeUndefined();
  });
});

describe('partitionOf', () => {
  it.each([
    ['us-east-1', 'aws'],
    ['cn-north-1', 'aws-cn'],
    ['us-gov-west-1', 'aws-us-gov'],
    ['us-isob-east-1', 'aws-iso-b'],
    ['moon', 'aws'],
  ])('%s is in %s', (region, partition) => {
    expect(partitionOf(region)).toBe(partition);
  });
});
