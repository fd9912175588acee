import { AWS_REGION } from '../report/links.js';
import { endpointOverride, type Env } from './setup.js';

/**
 * Whether a service is called directly (aws-json.ts) or through the SDK's client. Directly only where
 * the SDK would send the very same request: credentials in the environment (or role-to-assume's),
 * a region, no profile and no shared config file (they can change the endpoint, FIPS, dual-stack),
 * and either an AWS_ENDPOINT_URL_* override or a region of the aws partition, whose endpoints are
 * https://<prefix>.<region>.amazonaws.com. Anything else (other partitions, SSO, profiles, instance
 * roles) goes through the SDK, which loads then. Pure: data in, decision out.
 */

export type Route =
  { direct: true; endpoint: URL; region: string } | { direct: false; why: string };

export interface RouteFacts {
  env: Env;
  /** The service's SDK id as in AWS_ENDPOINT_URL_<ID>: CODEBUILD, CLOUDWATCH_LOGS. */
  serviceId: string;
  /** Its endpoint prefix: codebuild, logs. */
  prefix: string;
  /** The region the action resolved (aws-region, a batch ARN); else AWS_REGION, as the SDK reads it. */
  region?: string;
  /** Credentials are handed in (role-to-assume) rather than found by the SDK's chain. */
  credentialsGiven: boolean;
  /** A shared config or credentials file exists (~/.aws/config, AWS_CONFIG_FILE, …). */
  sharedFiles: boolean;
}

export function route(facts: RouteFacts): Route {
  const { env } = facts;
  const region = facts.region || env.AWS_REGION;
  const sdk = (why: string): Route => ({ direct: false, why });
  if (!region) return sdk('no region is set');
  if (env.AWS_PROFILE) return sdk('AWS_PROFILE is set');
  if (facts.sharedFiles) return sdk('a shared AWS config or credentials file exists');
  if (!facts.credentialsGiven && !(env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY))
    return sdk('no credentials are in the environment');
  if (
    /^true$/i.test(env.AWS_USE_FIPS_ENDPOINT ?? '') ||
    /^true$/i.test(env.AWS_USE_DUALSTACK_ENDPOINT ?? '')
  )
    return sdk('a FIPS or dual-stack endpoint is asked for');
  // Node 24 then sends node:http(s) requests through HTTP(S)_PROXY; the SDK's handler does not.
  if (env.NODE_USE_ENV_PROXY || /--use-env-proxy/.test(env.NODE_OPTIONS ?? ''))
    return sdk("Node's proxy support is on (NODE_USE_ENV_PROXY)");
  const override = endpointOverride(env, facts.serviceId);
  if (override) {
    const url = URL.canParse(override.value) ? new URL(override.value) : undefined;
    if (url?.protocol !== 'http:' && url?.protocol !== 'https:')
      return sdk(`${override.name} is not an http(s) URL`);
    return { direct: true, endpoint: url, region };
  }
  if (!AWS_REGION.test(region)) return sdk(`region ${region} is not in the aws partition`);
  return {
    direct: true,
    endpoint: new URL(`https://${facts.prefix}.${region}.amazonaws.com`),
    region,
  };
}
