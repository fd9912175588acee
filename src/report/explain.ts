import { ActionError } from '../config/errors.js';
import { ServiceError } from '../aws/errors.js';
import { formatDuration } from './outcome.js';
import { Inputs } from '../config/names.js';

/**
 * Credentials that ran out, that the service does not know, or that may not make a call, end the
 * step at once: mistakes with different fixes, each said in one sentence.
 */
export function explainCredentials(error: unknown, elapsedMs: number): unknown {
  if (!(error instanceof ServiceError)) return error;
  const ref = `${error.code}${error.requestId ? `, request id ${error.requestId}` : ''}`;
  if (error.kind === 'expired-credentials') {
    return new ActionError(
      `The AWS credentials expired after ${formatDuration(elapsedMs)} of waiting (${ref}): set ${Inputs.RoleToAssume} so that this action assumes the role itself and renews the credentials while it waits, or raise ${Inputs.RoleDurationSeconds} of aws-actions/configure-aws-credentials (and the role's maximum session duration) above the batch's duration.`,
    );
  }
  if (error.kind === 'invalid-credentials') {
    return new ActionError(
      `AWS did not accept the credentials (${ref}): the access key is not valid for this account or partition, or its secret is wrong; check what aws-actions/configure-aws-credentials (or the AWS_* variables) set, and that the region ${error.operation} went to (${Inputs.AwsRegion}, AWS_REGION or the batch ARN's) is in the key's partition.`,
    );
  }
  if (error.denied && error.service === 'CodeBuild') {
    // CodeBuild's sentence names the caller and the resource, not what to change. The action it
    // names, where it names one: a start may need another service's (iam:PassRole).
    const action =
      /not authorized to perform:? ([a-z0-9-]+:[A-Za-z0-9*]+)/i.exec(error.detail)?.[1] ??
      `codebuild:${error.operation}`;
    return new ActionError(
      `${error.message}. Allow ${action} to the role or user of these credentials, on this project (the README's "IAM" section lists every action this action calls).`,
    );
  }
  return error;
}
