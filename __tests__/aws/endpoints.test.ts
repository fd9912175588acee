// When the action calls a service itself and when it leaves that to the SDK: a pure decision, held to
// the SDK's own endpoint rules for every partition.
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { CodeBuildClient } from '@aws-sdk/client-codebuild';
import { route, type RouteFacts } from '../../src/aws/endpoints.js';

process.env.AWS_EC2_METADATA_DISABLED = 'true';

const KEYS = { AWS_ACCESS_KEY_ID: 'AKID', AWS_SECRET_ACCESS_KEY: 'secret' };
const facts = (overrides: Partial<RouteFacts> = {}): RouteFacts => ({
  env: { ...KEYS, AWS_REGION: 'us-east-1' },
  serviceId: 'CODEBUILD',
  prefix: 'codebuild',
  credentialsGiven: false,
  sharedFiles: false,
  ...overrides,
});
const env = (extra: Record<string, string | undefined>) => ({
  env: { ...KEYS, AWS_REGION: 'us-east-1', ...extra },
});

describe('route', () => {
  it.each<[string, Partial<RouteFacts>, string]>([
    ['the job credentials and AWS_REGION', {}, 'https://codebuild.us-east-1.amazonaws.com/'],
    [
      'the region input over AWS_REGION',
      { region: 'eu-west-1' },
      'https://codebuild.eu-west-1.amazonaws.com/',
    ],
    [
      'role-to-assume without keys',
      { env: { AWS_REGION: 'ap-south-2' }, credentialsGiven: true },
      'https://codebuild.ap-south-2.amazonaws.com/',
    ],
    [
      'the service endpoint variable',
      env({ AWS_ENDPOINT_URL_CODEBUILD: 'http://127.0.0.1:4566' }),
      'http://127.0.0.1:4566/',
    ],
    [
      'the general endpoint variable',
      env({ AWS_ENDPOINT_URL: 'https://proxy.example/aws' }),
      'https://proxy.example/aws',
    ],
    [
      'an endpoint in another partition',
      { region: 'cn-north-1', ...env({ AWS_ENDPOINT_URL: 'http://localhost:1' }) },
      'http://localhost:1/',
    ],
    [
      'Logs by its own variable',
      {
        serviceId: 'CLOUDWATCH_LOGS',
        prefix: 'logs',
        ...env({ AWS_ENDPOINT_URL_CLOUDWATCH_LOGS: 'http://127.0.0.1:2' }),
      },
      'http://127.0.0.1:2/',
    ],
    [
      'FIPS and dual-stack set to false',
      env({ AWS_USE_FIPS_ENDPOINT: 'false', AWS_USE_DUALSTACK_ENDPOINT: 'False' }),
      'https://codebuild.us-east-1.amazonaws.com/',
    ],
  ])('calls directly with %s', (_, overrides, endpoint) => {
    const decided = route(facts(overrides));
    expect(decided).toMatchObject({ direct: true });
    expect(decided.direct && decided.endpoint.href).toBe(endpoint);
  });

  it.each<[string, Partial<RouteFacts>, string]>([
    ['no region', { env: KEYS }, 'no region is set'],
    ['an empty region', { env: { ...KEYS, AWS_REGION: '' } }, 'no region is set'],
    ['a profile', env({ AWS_PROFILE: 'ci' }), 'AWS_PROFILE is set'],
    [
      'a shared config file',
      { sharedFiles: true },
      'a shared AWS config or credentials file exists',
    ],
    [
      'no keys (instance role, SSO, web identity file)',
      { env: { AWS_REGION: 'us-east-1' } },
      'no credentials are in the environment',
    ],
    [
      'a key without its secret',
      { env: { AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'AKID' } },
      'no credentials are in the environment',
    ],
    ['FIPS', env({ AWS_USE_FIPS_ENDPOINT: 'true' }), 'a FIPS or dual-stack endpoint is asked for'],
    [
      'dual-stack',
      env({ AWS_USE_DUALSTACK_ENDPOINT: 'true' }),
      'a FIPS or dual-stack endpoint is asked for',
    ],
    ['China', { region: 'cn-north-1' }, 'region cn-north-1 is not in the aws partition'],
    ['GovCloud', { region: 'us-gov-west-1' }, 'region us-gov-west-1 is not in the aws partition'],
    [
      'an endpoint without a scheme',
      env({ AWS_ENDPOINT_URL: 'localhost:4566' }),
      'AWS_ENDPOINT_URL is not an http(s) URL',
    ],
    [
      'an endpoint that is not a URL',
      env({ AWS_ENDPOINT_URL_CODEBUILD: 'not a url' }),
      'AWS_ENDPOINT_URL_CODEBUILD is not an http(s) URL',
    ],
    [
      'Node 24 proxy support',
      env({ NODE_USE_ENV_PROXY: '1' }),
      "Node's proxy support is on (NODE_USE_ENV_PROXY)",
    ],
    [
      'Node 24 proxy support by flag',
      env({ NODE_OPTIONS: '--use-env-proxy' }),
      "Node's proxy support is on (NODE_USE_ENV_PROXY)",
    ],
  ])('leaves %s to the SDK, saying why', (_, overrides, why) => {
    expect(route(facts(overrides))).toEqual({ direct: false, why });
  });

  it('ignores the endpoint variables when AWS_IGNORE_CONFIGURED_ENDPOINT_URLS is true, as the SDK does', () => {
    const decided = route(
      facts(
        env({
          AWS_ENDPOINT_URL: 'http://127.0.0.1:1',
          AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true',
        }),
      ),
    );
    expect(decided.direct && decided.endpoint.href).toBe(
      'https://codebuild.us-east-1.amazonaws.com/',
    );
  });
});

// Every region the SDK's partition data names, and a few it does not: where route calls directly, the
// SDK's own endpoint rules give the same URL; the aws partition's regions are all called directly.
const REGIONS = [
  ...['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'af-south-1', 'ap-east-1', 'ap-east-2'],
  ...['ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3', 'ap-south-1', 'ap-south-2'],
  ...['ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3', 'ap-southeast-4', 'ap-southeast-5'],
  ...['ap-southeast-7', 'ca-central-1', 'ca-west-1', 'eu-central-1', 'eu-central-2', 'eu-north-1'],
  ...['eu-south-1', 'eu-south-2', 'eu-west-1', 'eu-west-2', 'eu-west-3', 'il-central-1'],
  ...['me-central-1', 'me-south-1', 'mx-central-1', 'sa-east-1'],
];
const ELSEWHERE = [
  ...['aws-global', 'cn-north-1', 'cn-northwest-1', 'us-gov-east-1', 'us-gov-west-1'],
  ...['us-iso-east-1', 'us-isob-east-1', 'eu-isoe-west-1', 'us-isof-south-1', 'eusc-de-east-1'],
];

describe.each([
  ['CodeBuild', 'CODEBUILD', 'codebuild', (region: string) => new CodeBuildClient({ region })],
  [
    'CloudWatch Logs',
    'CLOUDWATCH_LOGS',
    'logs',
    (region: string) => new CloudWatchLogsClient({ region }),
  ],
])('%s: the same endpoint as the SDK', (_, serviceId, prefix, client) => {
  it.each([...REGIONS, ...ELSEWHERE])('%s', (region) => {
    const decided = route(facts({ serviceId, prefix, region }));
    const sdk = client(region).config.endpointProvider({
      Region: region,
      UseFIPS: false,
      UseDualStack: false,
    });
    if (REGIONS.includes(region)) expect(decided.direct).toBe(true);
    if (decided.direct) expect(decided.endpoint.href).toBe(sdk.url.href);
  });
});
