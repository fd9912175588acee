/** ARNs → console URLs, for every partition. Pure. */

/** The aws partition's regions (us-east-1, eu-central-2, …). */
export const AWS_REGION = /^(us|eu|ap|sa|ca|me|af|il|mx)-\w+-\d+$/;

/**
 * AWS's partitions by the shape of their regions' names, in the order of the SDK's partitions data
 * (@aws-sdk/core's partition(), which links.test.ts holds this to). Not imported from there:
 * evaluating that module and its data costs every run's start about 1.5 ms.
 */
const PARTITIONS: readonly (readonly [string, RegExp])[] = [
  ['aws', AWS_REGION],
  ['aws-cn', /^cn-\w+-\d+$/],
  ['aws-eusc', /^eusc-(de)-\w+-\d+$/],
  ['aws-iso', /^us-iso-\w+-\d+$/],
  ['aws-iso-b', /^us-isob-\w+-\d+$/],
  ['aws-iso-e', /^eu-isoe-\w+-\d+$/],
  ['aws-iso-f', /^us-isof-\w+-\d+$/],
  ['aws-us-gov', /^us-gov-\w+-\d+$/],
];

/** The partitions whose <partition>-global pseudo-region the SDK's data names. */
const GLOBAL = new Set([
  'aws',
  'aws-cn',
  'aws-us-gov',
  'aws-iso',
  'aws-iso-b',
  'aws-iso-e',
  'aws-iso-f',
]);

/**
 * The partition a region belongs to, the pseudo-region <partition>-global included; like the SDK,
 * aws for a name of no known shape.
 */
export function partitionOf(region: string): string {
  const global = /^(.+)-global$/.exec(region)?.[1];
  if (global && GLOBAL.has(global)) return global;
  return PARTITIONS.find(([, shape]) => shape.test(region))?.[0] ?? 'aws';
}

export interface Arn {
  partition: string;
  service: string;
  region: string;
  account: string;
  resourceType: string;
  resourceId: string;
}

/** arn:PARTITION:SERVICE:REGION:ACCOUNT:TYPE/ID — the id may itself contain ':' (project:uuid). */
export function parseArn(value: string | undefined): Arn | undefined {
  const match = /^arn:([a-z-]+):([a-z0-9-]+):([a-z0-9-]+):(\d{12}|\*{3}):([a-z-]+)\/(.+)$/.exec(
    value ?? '',
  );
  if (!match) return undefined;
  const [, partition, service, region, account, resourceType, resourceId] =
    match as unknown as string[];
  return {
    partition: partition!,
    service: service!,
    region: region!,
    account: account!,
    resourceType: resourceType!,
    resourceId: resourceId!,
  };
}

function consoleOrigin(partition: string, region: string): string | undefined {
  switch (partition) {
    case 'aws':
      return `https://${region}.console.aws.amazon.com`;
    case 'aws-us-gov':
      return 'https://console.amazonaws-us-gov.com';
    case 'aws-cn':
      return 'https://console.amazonaws.cn';
    default:
      return undefined;
  }
}

function link(
  arnValue: string | undefined,
  expectedType: string,
  path: string,
  trailingSlash: string,
): string | undefined {
  const arn = parseArn(arnValue);
  if (!arn || arn.service !== 'codebuild' || arn.resourceType !== expectedType) return undefined;
  const origin = consoleOrigin(arn.partition, arn.region);
  const project = arn.resourceId.split(':')[0];
  if (!origin || !project || arn.account === '***') return undefined;
  return (
    `${origin}/codesuite/codebuild/${arn.account}/projects/${encodeURIComponent(project)}` +
    `/${path}/${encodeURIComponent(arn.resourceId)}${trailingSlash}?region=${arn.region}`
  );
}

/** The console page of a batch build, from its ARN. */
export function batchConsoleUrl(batchArn: string | undefined): string | undefined {
  return link(batchArn, 'build-batch', 'batch', '');
}

/** The console page of one build, from its ARN (a BuildSummary's `arn`). */
export function buildConsoleUrl(buildArn: string | undefined): string | undefined {
  return link(buildArn, 'build', 'build', '/');
}

/**
 * The S3 console page of an artifact location: an S3 ARN (arn:PARTITION:s3:::bucket/key) or
 * bucket/key. The console lists the key as a prefix, which shows a zip file as well as a folder.
 */
export function s3ConsoleUrl(location: string | undefined): string | undefined {
  const match = /^(?:arn:([a-z-]+):s3:::)?([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/.exec(
    location ?? '',
  );
  if (!match) return undefined;
  const [, partition = 'aws', bucket, key = ''] = match as unknown as string[];
  const origin =
    partition === 'aws'
      ? 'https://s3.console.aws.amazon.com'
      : partition === 'aws-us-gov'
        ? 'https://console.amazonaws-us-gov.com'
        : partition === 'aws-cn'
          ? 'https://console.amazonaws.cn'
          : undefined;
  if (!origin) return undefined;
  return `${origin}/s3/buckets/${encodeURIComponent(bucket!)}?prefix=${encodeURIComponent(key)}`;
}
