import { parseArn } from '../aws/arn.js';
import { CONSOLE_DOMAINS, consoleHost } from '../config/console-url.js';

/** ARNs → console URLs, for every partition. Pure. */

function consoleOrigin(partition: string, region: string): string | undefined {
  // The region becomes part of a host name: a name and nothing else.
  if (!/^[a-z0-9-]+$/.test(region)) return undefined;
  const domain = CONSOLE_DOMAINS.get(partition);
  if (!domain) return undefined;
  // Only the commercial partition's console names the region in its host.
  return partition === 'aws' ? `https://${region}.${domain}` : `https://${domain}`;
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

/**
 * A console link from the service (a build's logs.deepLink, s3DeepLink), when it is an https link
 * to an AWS console; anything else (another host, another scheme, not a URL) is dropped. Pure.
 */
export function awsConsoleLink(url: string | undefined): string | undefined {
  if (!url || !URL.canParse(url)) return undefined;
  const parsed = new URL(url);
  // The link as it will be written (controls percent-encoded), and none with user info: text
  // before an "@" is what a page's escaping could cut down to another host.
  if (parsed.username || parsed.password) return undefined;
  const host = consoleHost(parsed.hostname);
  const labels = host && (host.prefix === '' || /^[a-z0-9-]+(?:\.[a-z0-9-]+)*$/.test(host.prefix));
  return parsed.protocol === 'https:' && labels ? parsed.href : undefined;
}
