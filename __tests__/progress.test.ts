import { ProgressLog } from '../src/progress.js';
import { batch, group } from './fixtures.js';

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
      'Batch web-app:0b8e4f3a-5c2d-4e1f-9a7b-6c5d4e3f2a1b: SUCCEEDED',
      '  a: IN_PROGRESS → SUCCEEDED',
    ]);
  });
});
