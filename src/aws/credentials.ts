import { fromWebToken } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types';
import { memoizeIdentityProvider } from '@smithy/core';
import { ActionError } from '../config/errors.js';
import { ServiceError, toServiceError, type ServiceErrorKind } from './errors.js';
import type { RoleConfig } from '../config/inputs.js';
import {
  endpointOverride,
  explainStsRefusal,
  NO_ID_TOKEN,
  subjectOf,
  unreachableEndpoint,
} from './setup.js';

/**
 * role-to-assume: credentials from STS AssumeRoleWithWebIdentity with the job's GitHub OIDC token,
 * assumed again (with a fresh token: GitHub's last minutes) before they expire, for as long as the
 * wait lasts. Loaded with a dynamic import only when role-to-assume is set.
 */

export interface RoleCredentialsOptions {
  role: RoleConfig;
  /** GITHUB_REPOSITORY and GITHUB_RUN_ID for the default session name; ACTIONS_ID_TOKEN_REQUEST_*; endpoints. */
  env: NodeJS.ProcessEnv;
  /** core.getIDToken: GitHub's OIDC token for this audience (it registers the token as a secret). */
  getIdToken(audience: string): Promise<string>;
  /** core.setSecret: the runner masks the value in every log line from now on. */
  setSecret(value: string): void;
  now?: () => number;
}

const FIVE_MINUTES_MS = 5 * 60_000;

/**
 * How long before expiry the credentials are renewed: five minutes, or a fifth of their life when
 * that is shorter. The SDK's own window is a fixed five minutes: credentials that live less than that
 * (short test lifetimes, a role capped low) would count as expired at once and be assumed again
 * before every call. A fifth of the life leaves four fifths of use and time for a failed renewal to be
 * tried again on the next call before the old credentials run out.
 */
export function refreshMarginMs(lifetimeMs: number): number {
  return Math.min(FIVE_MINUTES_MS, Math.max(0, lifetimeMs) / 5);
}

/**
 * The session name when role-session-name is empty: the repository and the run id, which CloudTrail
 * then shows for every call, within STS's 2–64 characters of [\w+=,.@-].
 */
export function defaultSessionName(repository?: string, runId?: string): string {
  const repo = (repository ?? '').replace(/\//g, '@').replace(/[^\w+=,.@-]/g, '-');
  const run = (runId ?? '').replace(/[^\w+=,.@-]/g, '-').slice(0, 30);
  const name = [repo.slice(0, 63 - run.length - (run ? 1 : 0)), run].filter(Boolean).join('-');
  return name.length >= 2 ? name.slice(0, 64) : 'codebuild-batch-retry';
}

/** Turns an STS failure into the sentence for a setup mistake, or a ServiceError with code and request id. */
function stsFailure(
  thrown: unknown,
  role: RoleConfig,
  token: string,
  env: NodeJS.ProcessEnv,
): unknown {
  const failure = toServiceError('AssumeRoleWithWebIdentity', thrown);
  if (!(failure instanceof ServiceError)) return failure;
  const refusal = explainStsRefusal({
    code: failure.code,
    message: failure.detail,
    requestId: failure.requestId,
    roleArn: role.arn,
    subject: subjectOf(token),
    audience: role.audience,
    durationSeconds: role.durationSeconds,
  });
  if (refusal) return new ActionError(refusal);
  const unreachable = unreachableEndpoint(failure.code, endpointOverride(env, 'STS'));
  const kind = unreachable ? 'unreachable-endpoint' : stsKind(failure.code, failure.kind);
  return rephrased(failure, 'STS', unreachable, kind);
}

/**
 * STS failures the next attempt may not meet: ExpiredTokenException is about GitHub's token (the next
 * attempt fetches a fresh one), not AWS credentials; IDPCommunicationError is STS failing to reach
 * GitHub's keys, which AWS documents as often transient.
 */
export function stsKind(code: string, kind: ServiceErrorKind): ServiceErrorKind {
  if (kind === 'expired-credentials' || /^IDPCommunicationError(Exception)?$/.test(code))
    return 'transient';
  return kind;
}

/** A ServiceError that names the service it came from (STS, GitHub OIDC), not CodeBuild. */
function rephrased(
  failure: ServiceError,
  service: string,
  detail = failure.wholeDetail,
  kind = failure.kind,
): ServiceError {
  return new ServiceError(
    failure.operation,
    failure.code,
    detail,
    failure.requestId,
    kind,
    service,
  );
}

export function roleCredentials(options: RoleCredentialsOptions): AwsCredentialIdentityProvider {
  const { role, env, setSecret } = options;
  const now = options.now ?? Date.now;
  const sessionName =
    role.sessionName ?? defaultSessionName(env.GITHUB_REPOSITORY, env.GITHUB_RUN_ID);
  /** Each identity's whole life, measured from the request that got it. */
  const lifetimes = new WeakMap<object, number>();

  const assume: AwsCredentialIdentityProvider = async (properties) => {
    if (!env.ACTIONS_ID_TOKEN_REQUEST_URL || !env.ACTIONS_ID_TOKEN_REQUEST_TOKEN)
      throw new ActionError(NO_ID_TOKEN);
    let token: string;
    try {
      token = await options.getIdToken(role.audience);
    } catch (thrown) {
      // GitHub's token service failing says nothing about the batch: the wait polls through it.
      const detail = (thrown instanceof Error ? thrown.message : String(thrown))
        .replace(/\s+/g, ' ')
        .trim();
      throw rephrased(
        new ServiceError('GetIDToken', 'IDTokenRequestFailed', detail, undefined, 'transient'),
        'GitHub OIDC',
      );
    }
    // Sent to STS in the request body, which a failure may echo.
    setSecret(token);
    const requestedAt = now();
    let identity: AwsCredentialIdentity;
    try {
      // The SDK's piece: AssumeRoleWithWebIdentity through its own STS client, in the calling client's
      // region, at AWS_ENDPOINT_URL_STS when set. A new token each time, so a new provider each time.
      identity = await fromWebToken({
        roleArn: role.arn,
        roleSessionName: sessionName,
        webIdentityToken: token,
        durationSeconds: role.durationSeconds,
      })(properties);
    } catch (thrown) {
      throw stsFailure(thrown, role, token, env);
    }
    for (const value of [identity.accessKeyId, identity.secretAccessKey, identity.sessionToken])
      if (value) setSecret(value);
    if (identity.expiration) lifetimes.set(identity, identity.expiration.getTime() - requestedAt);
    return identity;
  };

  // The SDK's memoizer: one identity shared by every call, renewed by one call at a time once it is
  // within the margin of its expiry. The client wraps it again with its fixed five-minute window,
  // which then asks this one on each call: cheap, as this one answers from memory.
  return memoizeIdentityProvider(
    assume,
    (identity) => {
      const left = identity.expiration!.getTime() - now();
      return left < refreshMarginMs(lifetimes.get(identity) ?? left);
    },
    (identity) => identity.expiration !== undefined,
  ) as AwsCredentialIdentityProvider;
}
