import type { BuildBatch, EnvironmentVariable } from '@aws-sdk/client-codebuild';
import { plaintextValues } from '../../src/report/plaintext-values.js';

const batch = (...environmentVariables: EnvironmentVariable[]): BuildBatch => ({
  environment: {
    type: 'LINUX_CONTAINER',
    image: 'x',
    computeType: 'BUILD_GENERAL1_SMALL',
    environmentVariables,
  },
});

describe('plaintextValues: what a build might print that the step hides', () => {
  it.each<[string, EnvironmentVariable, string[]]>([
    [
      'a PLAINTEXT token',
      { name: 'DEPLOY_TOKEN', value: 'abcd1234efgh', type: 'PLAINTEXT' },
      ['abcd1234efgh'],
    ],
    [
      'a variable with no type (PLAINTEXT is the default)',
      { name: 'API_KEY', value: 'abcd1234efgh' },
      ['abcd1234efgh'],
    ],
    ['8 characters', { name: 'PIN', value: '12345678', type: 'PLAINTEXT' }, ['12345678']],
    [
      '7 characters: a word such as staging',
      { name: 'STAGE', value: 'staging', type: 'PLAINTEXT' },
      [],
    ],
    [
      'a Parameter Store name: not the secret',
      { name: 'DB', value: '/ci/db-password', type: 'PARAMETER_STORE' },
      [],
    ],
    ['a Secrets Manager id', { name: 'D', value: 'ci/docker:token', type: 'SECRETS_MANAGER' }, []],
    [
      'the GitHub context start-batch sends',
      { name: 'GITHUB_SHA', value: 'f'.repeat(40), type: 'PLAINTEXT' },
      [],
    ],
    ['the ref too', { name: 'GITHUB_REF', value: 'refs/heads/main', type: 'PLAINTEXT' }, []],
    ['an empty value', { name: 'EMPTY', value: '', type: 'PLAINTEXT' }, []],
    [
      'a key of several lines: each line, as a log prints it one line at a time',
      {
        name: 'DEPLOY_KEY',
        value: '-----BEGIN KEY-----\nMIIEvQIBADANBgkq\r\nhkiG9w0B\nabc\n-----END KEY-----\n',
        type: 'PLAINTEXT',
      },
      ['-----BEGIN KEY-----', 'MIIEvQIBADANBgkq', 'hkiG9w0B', '-----END KEY-----'],
    ],
  ])('%s', (_, variable, expected) => {
    expect(plaintextValues(batch(variable))).toEqual(expected);
  });

  it('is empty for a batch without an environment', () => {
    expect(plaintextValues({})).toEqual([]);
  });
});
