import type { AwsCredentialIdentityProvider } from '@aws-sdk/types';
import type { RoleConfig } from '../config/inputs.js';
import { createCodeBuild, type CodeBuild } from './codebuild.js';
import type { RoleCredentialsOptions } from './credentials.js';
import { endpointOverride } from './setup.js';

/** What reaching CodeBuild needs from the runner: the region, role-to-assume, and two runner calls. */
export interface Connection extends Pick<RoleCredentialsOptions, 'getIdToken' | 'setSecret'> {
  region?: string;
  role?: RoleConfig;
  env: NodeJS.ProcessEnv;
  /** One call that matters more than its time (the post step's stop): see clientConfig. */
  lastChance?: boolean;
}

/**
 * role-to-assume: the credentials module (STS, OIDC) loads at the first call that needs credentials,
 * so a run without role-to-assume never loads it.
 */
function roleCredentials(role: RoleConfig, c: Connection): AwsCredentialIdentityProvider {
  let provider: Promise<AwsCredentialIdentityProvider> | undefined;
  return async (properties) => {
    provider ??= import('./credentials.js').then((m) =>
      m.roleCredentials({ role, env: c.env, getIdToken: c.getIdToken, setSecret: c.setSecret }),
    );
    return (await provider)(properties);
  };
}

/** CodeBuild with the SDK's default credential chain, or the role's when role-to-assume is set. */
export function connectCodeBuild(c: Connection): CodeBuild {
  return createCodeBuild({
    region: c.region,
    credentials: c.role && roleCredentials(c.role, c),
    endpoint: endpointOverride(c.env, 'CODEBUILD'),
    secret: c.setSecret,
    lastChance: c.lastChance,
  });
}
