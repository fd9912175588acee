// src/runner.ts stands in for @actions/core on every run: what the runner reads from it must be what
// core would have written, byte for byte (outputs and state only differ in their random delimiter).
import * as core from '@actions/core';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as runner from '../../src/github/runner.js';
import { parseCommandFile } from '../../simulator/run-action.mjs';

/** What a call writes to stdout. */
function stdoutOf(call: () => void): string {
  let written = '';
  const write = process.stdout.write;
  process.stdout.write = ((chunk: string) => {
    written += chunk;
    return true;
  }) as typeof process.stdout.write;
  try {
    call();
  } finally {
    process.stdout.write = write;
  }
  return written;
}

const saved = { ...process.env };
const exitCode = process.exitCode;
afterEach(() => {
  process.env = { ...saved };
  process.exitCode = exitCode;
});

const hostile = 'line 1\nline 2\r 100% done: a, b ::error::not a command';

describe('runner I/O writes what @actions/core writes', () => {
  it.each([
    ['info', () => runner.info(hostile), () => core.info(hostile)],
    ['debug', () => runner.debug(hostile), () => core.debug(hostile)],
    ['notice', () => runner.notice(hostile), () => core.notice(hostile)],
    ['warning', () => runner.warning(hostile), () => core.warning(hostile)],
    ['error', () => runner.error(hostile), () => core.error(hostile)],
    [
      'error with a title',
      () => runner.error(hostile, 'Title: a, b\n%'),
      () => core.error(hostile, { title: 'Title: a, b\n%' }),
    ],
    ['a group', () => runner.startGroup(hostile), () => core.startGroup(hostile)],
    ['the end of a group', () => runner.endGroup(), () => core.endGroup()],
    ['a secret', () => runner.setSecret('s3cr%t\nx'), () => core.setSecret('s3cr%t\nx')],
    [
      'an output without GITHUB_OUTPUT',
      () => runner.setOutput('batch-id', hostile),
      () => core.setOutput('batch-id', hostile),
    ],
    [
      'state without GITHUB_STATE',
      () => runner.saveState('running-batch-id', hostile),
      () => core.saveState('running-batch-id', hostile),
    ],
  ])('%s', (_, ours, theirs) => {
    delete process.env.GITHUB_OUTPUT;
    delete process.env.GITHUB_STATE;
    expect(stdoutOf(ours)).toBe(stdoutOf(theirs));
  });

  it("a group's lines: the same text, written at once when the group ends", () => {
    const writes: string[] = [];
    const write = process.stdout.write;
    process.stdout.write = ((chunk: string) => writes.push(chunk) > 0) as typeof write;
    try {
      runner.startGroup('Build group lint: last 3 log lines');
      for (const line of ['one', '::two', 'three']) runner.info(line);
      runner.warning('inside');
      expect(writes).toHaveLength(1);
      runner.endGroup();
    } finally {
      process.stdout.write = write;
    }
    expect(writes).toHaveLength(2);
    expect(writes.join('')).toBe(
      stdoutOf(() => {
        core.startGroup('Build group lint: last 3 log lines');
        for (const line of ['one', '::two', 'three']) core.info(line);
        core.warning('inside');
        core.endGroup();
      }),
    );
  });

  it('setFailed: exit code 1 and the same error annotation', () => {
    const ours = stdoutOf(() => runner.setFailed(hostile));
    expect(process.exitCode).toBe(1);
    process.exitCode = 0;
    expect(ours).toBe(stdoutOf(() => core.setFailed(hostile)));
    expect(process.exitCode).toBe(1);
  });

  it('outputs and state go to the files the runner names, read back as the runner reads them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'runner-io-'));
    for (const name of ['GITHUB_OUTPUT', 'GITHUB_STATE']) {
      process.env[name] = join(dir, name);
      writeFileSync(join(dir, name), '');
    }
    runner.setOutput('failed-build-groups', '["a","b"]');
    runner.setOutput('summary', hostile);
    runner.saveState('running-batch-id', 'arn:aws:codebuild:us-east-1:1:build-batch/p:1');
    expect(stdoutOf(() => runner.setOutput('x', 'y'))).toBe('');
    expect(parseCommandFile(readFileSync(join(dir, 'GITHUB_OUTPUT'), 'utf8'))).toEqual({
      'failed-build-groups': '["a","b"]',
      summary: hostile,
      x: 'y',
    });
    expect(parseCommandFile(readFileSync(join(dir, 'GITHUB_STATE'), 'utf8'))).toEqual({
      'running-batch-id': 'arn:aws:codebuild:us-east-1:1:build-batch/p:1',
    });
  });

  it.each(['true', 'True', 'TRUE', 'false', 'False', 'FALSE', ' true ', 'yes', ''])(
    'inputs: %j as text and as a boolean',
    (value) => {
      process.env['INPUT_FAIL-ON-BATCH-FAILURE'] = value;
      expect(runner.getInput('fail-on-batch-failure')).toBe(core.getInput('fail-on-batch-failure'));
      const bool = (read: () => boolean) => {
        try {
          return read();
        } catch (error) {
          return (error as Error).message;
        }
      };
      expect(bool(() => runner.getBooleanInput('fail-on-batch-failure'))).toEqual(
        bool(() => core.getBooleanInput('fail-on-batch-failure')),
      );
    },
  );

  it('state saved by the main step, as the post step reads it', () => {
    process.env['STATE_running-batch-id'] = 'p:1';
    expect(runner.getState('running-batch-id')).toBe(core.getState('running-batch-id'));
    expect(runner.getState('absent')).toBe(core.getState('absent'));
  });
});
