import {
  groupLogLeftOut,
  groupLogTitle,
  groupsEnded,
  groupsToCome,
} from '../../src/report/group-log.js';
import type { GroupOutcome } from '../../src/report/outcome.js';

// A group without a build is given `null`: a default parameter would turn `undefined` into one.
const g = (identifier: string, status: string, buildArn: string | null = identifier) =>
  ({ identifier, status, buildArn: buildArn ?? undefined }) as GroupOutcome;
const groups = [
  g('running', 'IN_PROGRESS'),
  g('failed', 'FAILED'),
  g('fault', 'FAULT'),
  g('green', 'SUCCEEDED'),
  g('stopped', 'STOPPED'),
  g('written', 'FAILED'),
  g('pending', 'PENDING', null),
  // Stopped before it started (a group it depends on failed): no build, so no log.
  g('blocked', 'STOPPED', null),
];
const done = new Set(['written']);
const ids = (list: GroupOutcome[]) => list.map((x) => x.identifier);

describe('groupsEnded', () => {
  it.each([
    ['failed', ['failed', 'fault', 'stopped']],
    ['all', ['failed', 'fault', 'green', 'stopped']],
    ['none', []],
  ] as const)('%s: ended, wanted, not written yet', (mode, expected) => {
    expect(ids(groupsEnded(groups, done, mode))).toEqual(expected);
  });
});

describe('groupsToCome', () => {
  it.each([
    // running, pending, and the three ended and wanted
    ['failed', 5],
    ['all', 6],
    ['none', 0],
  ] as const)('%s: %i groups may still write a log', (mode, count) => {
    expect(groupsToCome(groups, done, mode)).toBe(count);
  });
});

describe('the lines that frame a log', () => {
  it.each([
    ['unit', 'FAILED', 1, true, 'Build group unit FAILED: its whole log, 1 line'],
    ['unit', 'FAILED', 12_345, true, 'Build group unit FAILED: its whole log, 12,345 lines'],
    [
      'e2e',
      'TIMED_OUT',
      10_000,
      false,
      'Build group e2e TIMED_OUT: the last 10,000 lines of its log',
    ],
  ] as const)('%s %s, %i lines, whole %s', (id, status, shown, whole, title) => {
    expect(groupLogTitle(id, status, shown, whole)).toBe(title);
  });

  it.each([
    [
      0,
      'https://log',
      'Build group unit: its log is left out of the step log (it shows at most 10,000 lines of a group, and 2 MiB of build logs in all); the whole log: https://log',
    ],
    [
      7,
      undefined,
      "Build group unit: earlier log lines are left out of the step log (it shows at most 10,000 lines of a group, and 2 MiB of build logs in all); the whole log: on the build's page in the CodeBuild console",
    ],
  ])('%i shown, link %s', (shown, link, line) => {
    expect(groupLogLeftOut({ identifier: 'unit', shown, link, budgetBytes: 2 * 1024 * 1024 })).toBe(
      line,
    );
  });
});
