import { ProgressLog } from '../../src/steps/progress.js';
import { batch, group } from '../fixtures.js';

describe('ProgressLog', () => {
  it('prints a line per status change, not per poll, and a heartbeat when quiet', () => {
    let now = 0;
    const lines: string[] = [];
    const log = new ProgressLog((l) => lines.push(l), { now: () => now }, 0, 180_000);
    const a = group('a', 'IN_PROGRESS');
    const running = batch('IN_PROGRESS', [a]);

    log.read(running);
    expect(lines).toEqual([
      'Batch web-app:0b8e4f3a-5c2d-4e1f-9a7b-6c5d4e3f2a1b: IN_PROGRESS',
      '  a: IN_PROGRESS',
    ]);

    for (now = 15_000; now < 180_000; now += 15_000) log.read(running);
    expect(lines).toHaveLength(2);

    now = 180_000;
    log.read(running);
    expect(lines.at(-1)).toBe(
      'Still waiting for web-app:0b8e4f3a-5c2d-4e1f-9a7b-6c5d4e3f2a1b (IN_PROGRESS): 0 of 1 build groups finished, 3m 0s elapsed.',
    );

    now = 195_000;
    log.read(
      batch('SUCCEEDED', [
        { ...a, currentBuildSummary: { ...a.currentBuildSummary, buildStatus: 'SUCCEEDED' } },
      ]),
    );
    expect(lines.slice(-2)).toEqual([
      '  a: IN_PROGRESS → SUCCEEDED',
      'Batch web-app:0b8e4f3a-5c2d-4e1f-9a7b-6c5d4e3f2a1b: SUCCEEDED',
    ]);
  });

  it('says where it stands at least every 60 s by default, even while polls fail or read nothing new', () => {
    let now = 0;
    const lines: string[] = [];
    const log = new ProgressLog((l) => lines.push(l), { now: () => now }, 0);
    // No read believed yet (throttled, or stale reads skipped): still a line within 60 s.
    for (now = 5_000; now <= 60_000; now += 5_000) log.tick();
    expect(lines).toEqual(['Still waiting: 1m 0s elapsed, no fresh read of the batch yet.']);
    log.read(batch('IN_PROGRESS', [group('a', 'IN_PROGRESS')]));
    const said = lines.length;
    for (now = 65_000; now < 125_000; now += 5_000) log.tick();
    expect(lines).toHaveLength(said);
    now = 125_000;
    log.tick();
    expect(lines.at(-1)).toMatch(
      /^Still waiting for .*: 0 of 1 build groups finished, 2m 5s elapsed\.$/,
    );
  });
});
