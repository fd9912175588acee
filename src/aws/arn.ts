import { partition } from '@aws-sdk/core/client';
import { parse, validate } from '@aws-sdk/core/util';

/** An ARN as the action reads one: the SDK's parser, with the resource split into type and id. */
export interface Arn {
  partition: string;
  service: string;
  region: string;
  /** 12 digits, or `***` where the workflow masks the account id. */
  account: string;
  resourceType: string;
  /** May itself contain ':' (project:uuid). */
  resourceId: string;
}

/** arn:PARTITION:SERVICE:REGION:ACCOUNT:TYPE/ID, or undefined for anything else. */
export function parseArn(value: string | undefined): Arn | undefined {
  if (!value || !validate(value)) return undefined;
  const arn = parse(value);
  const slash = arn.resource.indexOf('/');
  if (slash <= 0 || slash === arn.resource.length - 1) return undefined;
  if (!/^(\d{12}|\*{3})$/.test(arn.accountId)) return undefined;
  return {
    partition: arn.partition,
    service: arn.service,
    region: arn.region,
    account: arn.accountId,
    resourceType: arn.resource.slice(0, slash),
    resourceId: arn.resource.slice(slash + 1),
  };
}

/** The partition a region belongs to, from the SDK's partition data (aws for a name it does not know). */
export function partitionOf(region: string): string {
  return partition(region).name;
}
