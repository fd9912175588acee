import { withoutUserInfo, type EndpointOverride } from '../config/endpoint-variables.js';
import { shown } from '../config/input-source.js';
import { Inputs } from '../config/names.js';

/**
 * Setup mistakes a new user makes (no credentials, no region, an endpoint variable left pointing at
 * nothing, a role that does not trust the run), as the one sentence that says what to change. The SDK
 * reports each in its own words, which name neither the input nor the fix. Pure: data in, text out.
 */

// Read from the environment as the SDK reads them, and checked, by config (before any call).
export { endpointOverride, type EndpointOverride } from '../config/endpoint-variables.js';

/** Network error codes that mean nothing answers at that address. */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH']);

/** When an endpoint override cannot be reached: the sentence naming the variable and its value. */
export function unreachableEndpoint(
  code: string,
  override: EndpointOverride | undefined,
): string | undefined {
  if (!override || !UNREACHABLE.has(code)) return undefined;
  return `${override.name} is ${shown(withoutUserInfo(override.value))}, which ${code === 'ECONNREFUSED' ? 'refuses connections' : 'cannot be reached'} (${code}): correct it, or remove it so the SDK reaches AWS.`;
}

/** The SDK's default chain found no credentials anywhere. */
export function noCredentials(detail: string): string {
  return `No AWS credentials were found (${detail.replace(/\.$/, '')}): add a step with aws-actions/configure-aws-credentials before this one, or set ${Inputs.RoleToAssume} (with "permissions: id-token: write") so this action assumes the role itself.`;
}

/**
 * No region. AWS_DEFAULT_REGION, which the AWS CLI and Python read, is not read by the SDK for
 * JavaScript: one set alone is named, or the user is left to wonder why it did not count.
 */
export function noRegion(env: NodeJS.ProcessEnv): string {
  const aside = env.AWS_DEFAULT_REGION
    ? ` (AWS_DEFAULT_REGION, which is set, is read by the AWS CLI but not by this action's SDK)`
    : '';
  return `No AWS region is set: set the ${Inputs.AwsRegion} input, give ${Inputs.BatchId} as a batch ARN (its region is used), or set AWS_REGION in the environment${aside}.`;
}

export const NO_ID_TOKEN = `${Inputs.RoleToAssume} needs a GitHub OIDC token, but ACTIONS_ID_TOKEN_REQUEST_URL is not set: add "permissions: id-token: write" to the job (or the workflow); runs for pull requests from forks never get one.`;

/** The sub claim of a JWT, read without verifying it (only to tell the user what the run presents). */
export function subjectOf(token: string): string | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown;
    const sub = (claims as { sub?: unknown } | null)?.sub;
    return typeof sub === 'string' ? sub : undefined;
  } catch {
    return undefined;
  }
}

export interface StsRefusal {
  /** The error code STS answered. */
  code: string;
  message: string;
  requestId?: string;
  roleArn: string;
  /** The sub claim this run's token carries. */
  subject?: string;
  audience: string;
  durationSeconds: number;
}

/**
 * AssumeRoleWithWebIdentity refused for a reason the user fixes in IAM or in the inputs: the
 * sentence; undefined for any other failure (reported as a service failure).
 */
export function explainStsRefusal(refusal: StsRefusal): string | undefined {
  const { code, roleArn, audience } = refusal;
  const answer = `${code}${refusal.message ? `: ${refusal.message.replace(/\.$/, '')}` : ''}${refusal.requestId ? `, request id ${refusal.requestId}` : ''}`;
  if (code === 'AccessDenied')
    return `Role ${roleArn} (${Inputs.RoleToAssume}) refused this run's GitHub token (${answer}): its trust policy's token.actions.githubusercontent.com:sub condition must match ${shown(refusal.subject ?? 'unknown')}, the subject this run presents, and its aud condition ${shown(audience)}.`;
  // The SDK names the modelled errors with an Exception suffix (InvalidIdentityTokenException).
  if (/^(InvalidIdentityToken|IDPRejectedClaim)(Exception)?$/.test(code))
    return `STS rejected this run's GitHub token for role ${roleArn} (${answer}): the role's account needs the IAM OIDC identity provider token.actions.githubusercontent.com with the audience ${shown(audience)} (the audience input).`;
  if (code === 'ValidationError' && /DurationSeconds/i.test(refusal.message))
    return `STS refused ${Inputs.RoleDurationSeconds} ${refusal.durationSeconds} for role ${roleArn} (${answer}): lower ${Inputs.RoleDurationSeconds} (this action refreshes the credentials before they expire) or raise the role's maximum session duration.`;
  return undefined;
}
