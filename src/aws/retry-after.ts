import type { IncomingHttpHeaders } from 'node:http';
import { getRetryAfterHint } from '@smithy/core/retry';

/**
 * When a refusal asks to be sent again no sooner than a time (Retry-After, x-amz-retry-after), read as
 * the SDK's retry middleware reads it; its retry strategy then waits for it (within 5 s more than its
 * own back-off). A chunk of its own: only an answer that carries such a header loads it.
 */
export function retryAfterHint(statusCode: number, headers: IncomingHttpHeaders): Date | undefined {
  return getRetryAfterHint({ statusCode, headers });
}
