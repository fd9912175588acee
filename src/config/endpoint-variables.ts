import { ActionError } from './errors.js';
import { shown } from './input-source.js';
import { Inputs } from './names.js';

/**
 * AWS_ENDPOINT_URL_<SERVICE> and AWS_ENDPOINT_URL, as the SDK reads them: the endpoint a local
 * stand-in or a proxy answers at. The SDK turns one that is not a URL into "TypeError: Invalid URL"
 * at the first call, naming nothing; here it is refused before any call, by name.
 */

export interface EndpointOverride {
  /** The variable in effect, e.g. AWS_ENDPOINT_URL_CODEBUILD. */
  name: string;
  value: string;
}

/** The services the action calls, by their SDK id: CodeBuild, CloudWatch Logs (log tails), STS (role-to-assume). */
const CALLED_SERVICES = ['CODEBUILD', 'CLOUDWATCH_LOGS', 'STS'] as const;

/**
 * The endpoint variable the SDK uses for a service (its SDK id, upper-case with underscores, e.g.
 * CODEBUILD, STS): the service's own variable first, then AWS_ENDPOINT_URL.
 */
export function endpointOverride(
  env: NodeJS.ProcessEnv,
  serviceId: string,
): EndpointOverride | undefined {
  if (/^true$/i.test(env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS ?? '')) return undefined;
  for (const name of [`AWS_ENDPOINT_URL_${serviceId}`, 'AWS_ENDPOINT_URL']) {
    const value = env[name];
    if (value) return { name, value };
  }
  return undefined;
}

/**
 * A URL as it may be shown: a user name and password in it (http://user:pass@host) are left out,
 * also when the value is not a URL at all (a missing colon, no scheme, or a password holding an
 * unencoded "/", "?" or "#"): everything after the scheme's slashes (or from the start) up to its
 * last "@". An "@" in a path hides the host too: a password shown would be worse.
 */
export function withoutUserInfo(value: string): string {
  const at = value.lastIndexOf('@');
  if (at < 0) return value;
  // A scheme and its slashes (http://, http:/, http//); none past the "@" (a value without one).
  const prefix = /^[A-Za-z][A-Za-z0-9+.-]*(?::\/+|\/\/+)/.exec(value)?.[0] ?? '';
  return (prefix.length <= at ? prefix : '') + value.slice(at + 1);
}

function isHttpUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const { protocol, host } = new URL(value);
  return (protocol === 'http:' || protocol === 'https:') && host !== '';
}

/** Throws naming the first endpoint variable in effect for a called service that is not an http(s) URL. */
export function checkEndpointVariables(env: NodeJS.ProcessEnv): void {
  for (const service of CALLED_SERVICES) {
    const override = endpointOverride(env, service);
    if (override && !isHttpUrl(override.value)) {
      throw new ActionError(
        `${override.name} is ${shown(withoutUserInfo(override.value))}, which is not an http(s) URL: set it to the endpoint's URL, such as http://127.0.0.1:4566, or remove it so the SDK reaches AWS.`,
      );
    }
  }
}

/**
 * AWS_REGION, which the SDK reads when no region is given: upper case or a space in it (a value typed
 * by hand, a trailing newline from a file) failed at the first call as "Region not accepted", naming
 * no variable, or went to an endpoint AWS's signatures do not match. Any lower-case host label passes:
 * a local stand-in may use a name of its own.
 */
export function checkRegionVariable(env: NodeJS.ProcessEnv, region: string | undefined): void {
  const value = env.AWS_REGION;
  if (region !== undefined || !value || /^[a-z0-9-]+$/.test(value)) return;
  throw new ActionError(
    `AWS_REGION is ${shown(value)}, which is not an AWS region such as us-east-1 (lower-case, no spaces): correct it where it is set, or set the ${Inputs.AwsRegion} input.`,
  );
}
