import {
  checkEndpointVariables,
  checkRegionVariable,
  withoutUserInfo,
} from '../../src/config/endpoint-variables.js';
import { expectOneSentence } from '../fixtures.js';

const SIM = 'http://127.0.0.1:4566';

describe('checkEndpointVariables', () => {
  it.each<[string, Record<string, string>]>([
    ['none set', {}],
    ['http and https URLs', { AWS_ENDPOINT_URL_CODEBUILD: SIM, AWS_ENDPOINT_URL: 'https://a.b' }],
    ['an empty variable (the SDK ignores it)', { AWS_ENDPOINT_URL_CODEBUILD: '' }],
    [
      'a broken variable of a service the action does not call',
      { AWS_ENDPOINT_URL_S3: 'not-a-url', AWS_ENDPOINT_URL_CODEBUILD: SIM },
    ],
    [
      'a broken AWS_ENDPOINT_URL that every service overrides',
      {
        AWS_ENDPOINT_URL: 'not-a-url',
        AWS_ENDPOINT_URL_CODEBUILD: SIM,
        AWS_ENDPOINT_URL_CLOUDWATCH_LOGS: SIM,
        AWS_ENDPOINT_URL_STS: SIM,
      },
    ],
    [
      'broken variables the SDK is told to ignore',
      { AWS_ENDPOINT_URL_CODEBUILD: 'not-a-url', AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true' },
    ],
  ])('accepts %s', (_, env) => {
    expect(() => checkEndpointVariables(env)).not.toThrow();
  });

  it.each<[Record<string, string>, string]>([
    [{ AWS_ENDPOINT_URL_CODEBUILD: 'not-a-url' }, 'AWS_ENDPOINT_URL_CODEBUILD is "not-a-url"'],
    [{ AWS_ENDPOINT_URL_CLOUDWATCH_LOGS: 'localhost:4566' }, 'AWS_ENDPOINT_URL_CLOUDWATCH_LOGS'],
    [{ AWS_ENDPOINT_URL_STS: 'ftp://127.0.0.1' }, 'AWS_ENDPOINT_URL_STS is "ftp://127.0.0.1"'],
    [{ AWS_ENDPOINT_URL: 'https://' }, 'AWS_ENDPOINT_URL is "https://"'],
    [
      { AWS_ENDPOINT_URL: 'not-a-url', AWS_ENDPOINT_URL_CODEBUILD: SIM },
      'AWS_ENDPOINT_URL is "not-a-url"',
    ],
  ])('refuses %j before any call, naming the variable', (env, start) => {
    expectOneSentence(
      () => checkEndpointVariables(env),
      new RegExp(
        `^${start.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}.*, which is not an http\\(s\\) URL: set it to the endpoint's URL, such as http://127\\.0\\.0\\.1:4566, or remove it so the SDK reaches AWS\\.$`,
      ),
    );
  });

  it.each(['#', '?', '/'])('never shows a password holding an unencoded %s', (c) => {
    expectOneSentence(
      () => checkEndpointVariables({ AWS_ENDPOINT_URL_CODEBUILD: `http://ci:pa${c}ss@h:1` }),
      /^AWS_ENDPOINT_URL_CODEBUILD is "http:\/\/h:1", which is not an http\(s\) URL/,
    );
  });

  it('never shows the user info a value carries', () => {
    expectOneSentence(
      () => checkEndpointVariables({ AWS_ENDPOINT_URL_CODEBUILD: 'ci:hunter2@localhost:4566' }),
      /^AWS_ENDPOINT_URL_CODEBUILD is "localhost:4566", which is not an http\(s\) URL/,
    );
  });
});

describe('checkRegionVariable', () => {
  it.each<[string, Record<string, string>, string | undefined]>([
    ['unset', {}, undefined],
    ['empty (the SDK then says no region is set)', { AWS_REGION: '' }, undefined],
    ['a region', { AWS_REGION: 'eu-west-1' }, undefined],
    ["a local stand-in's own name", { AWS_REGION: 'local' }, undefined],
    ['a bad value the explicit region overrides', { AWS_REGION: 'US-EAST-1' }, 'us-east-1'],
  ])('accepts %s', (_, env, region) => {
    expect(() => checkRegionVariable(env, region)).not.toThrow();
  });

  it.each([
    'US-EAST-1',
    'us-east-1 ',
    ' us-east-1',
    'us-east-1\n',
    'us_east_1',
    'eu-west-1,us-east-1',
  ])('refuses AWS_REGION=%j, naming it', (value) => {
    expectOneSentence(
      () => checkRegionVariable({ AWS_REGION: value }, undefined),
      new RegExp(
        `^${`AWS_REGION is ${JSON.stringify(value)}, which is not an AWS region such as us-east-1 (lower-case, no spaces): correct it where it is set, or set the aws-region input.`.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`,
      ),
    );
  });
});

describe('withoutUserInfo', () => {
  it.each([
    ['http://127.0.0.1:4566', 'http://127.0.0.1:4566'],
    ['http://ci:hunter2@127.0.0.1:4566/', 'http://127.0.0.1:4566/'],
    ['https://token@proxy.example/aws', 'https://proxy.example/aws'],
    ['http://ci:p@ss@host', 'http://host'],
    ['http//ci:hunter2@host:1', 'http//host:1'],
    ['http:/ci:hunter2@host', 'http:/host'],
    ['ci:hunter2@host:1', 'host:1'],
    ['ftp://ci:hunter2@host', 'ftp://host'],
    ['not a url', 'not a url'],
    // A password with a character a URL reserves, unencoded: the value is then no URL at all.
    ['http://ci:pa#ss-hunter2@127.0.0.1:4566', 'http://127.0.0.1:4566'],
    ['http://ci:pa?ss-hunter2@127.0.0.1:4566', 'http://127.0.0.1:4566'],
    ['http://ci:pa/ss-hunter2@127.0.0.1:4566', 'http://127.0.0.1:4566'],
    ['pa/ss-hunter2@127.0.0.1:4566', '127.0.0.1:4566'],
    ['http//ci:pa#ss@host', 'http//host'],
    // No scheme, and "//" after the "@" or inside the password.
    ['admin:s3cretpw@localhost:4566//', 'localhost:4566//'],
    ['admin:s3cretpw@http://localhost:4566', 'http://localhost:4566'],
    ['admin:se//cret@host', 'host'],
  ])('shows %s as %s', (value, shown) => {
    expect(withoutUserInfo(value)).toBe(shown);
  });
});
