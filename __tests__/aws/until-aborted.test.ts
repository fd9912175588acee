import { getEventListeners } from 'node:events';
import { untilAborted } from '../../src/aws/until-aborted.js';

const never = new Promise<string>(() => {});

describe('untilAborted', () => {
  it('stops waiting with an AbortError, as the SDK does, when the signal aborts first', async () => {
    const controller = new AbortController();
    const waited = untilAborted(never, controller.signal);
    controller.abort();
    await expect(waited).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('does not wait at all on a signal already aborted', async () => {
    await expect(untilAborted(never, AbortSignal.abort())).rejects.toMatchObject({
      name: 'AbortError',
    });
  });

  it("gives the work's answer or failure when it comes first", async () => {
    const signal = new AbortController().signal;
    await expect(untilAborted(Promise.resolve('batch'), signal)).resolves.toBe('batch');
    await expect(untilAborted(Promise.reject(new Error('denied')), signal)).rejects.toThrow(
      'denied',
    );
    await expect(untilAborted(Promise.resolve('batch'), undefined)).resolves.toBe('batch');
  });

  it("leaves no listener on the step's signal once the answer comes: every poll of a long wait passes it", async () => {
    const signal = new AbortController().signal;
    for (let poll = 0; poll < 20; poll++)
      await untilAborted(Promise.resolve('batch'), signal).catch(() => undefined);
    await untilAborted(Promise.reject(new Error('throttled')), signal).catch(() => undefined);
    // Left, each would hold its read, and Node warns of a leak on the step's log from the 11th.
    expect(getEventListeners(signal, 'abort')).toHaveLength(0);
  });
});
