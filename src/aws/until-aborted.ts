/**
 * The SDK's abortSignal ends a request only once it is being sent: resolving credentials before it
 * (GitHub's OIDC token, STS) does not watch the signal, so a token endpoint that never answers would
 * hold a cancelled step until the runner kills it, with no summary. This stops waiting for the answer
 * when the signal aborts, as the SDK does (an AbortError), and leaves the work to end unread.
 */
export function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(Object.assign(new Error('Request aborted'), { name: 'AbortError' }));
    if (signal.aborted) abort();
    signal.addEventListener('abort', abort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}
