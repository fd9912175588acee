import { runnerDeps } from '../../src/github/deps.js';

describe("the runner's clock", () => {
  it('keeps counting on when the wall clock steps (NTP), in whole milliseconds', () => {
    const listening = {
      SIGINT: process.listeners('SIGINT'),
      SIGTERM: process.listeners('SIGTERM'),
    };
    const { clock } = runnerDeps();
    // runnerDeps listens for the runner's signals: this test's process keeps its own.
    for (const name of ['SIGINT', 'SIGTERM'] as const)
      for (const listener of process.listeners(name))
        if (!listening[name].includes(listener)) process.off(name, listener);

    const wallNow = Date.now;
    const readings: number[] = [clock.now()];
    try {
      Date.now = () => wallNow() + 31 * 60_000;
      readings.push(clock.now());
      Date.now = () => wallNow() - 60 * 60_000;
      readings.push(clock.now());
    } finally {
      Date.now = wallNow;
    }
    const [start, ahead, back] = readings as [number, number, number];
    expect(ahead - start).toBeLessThan(1_000);
    expect(back).toBeGreaterThanOrEqual(ahead);
    expect(readings.every(Number.isInteger)).toBe(true);
  });
});
