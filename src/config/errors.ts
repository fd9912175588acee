/**
 * Two kinds of failure reach the user. An ActionError is something they can fix (a bad input, a batch
 * that does not exist, a refused retry, expired credentials): its message is the one sentence they read,
 * and no stack trace is printed. A ServiceError is what CodeBuild answered, with the code, message and
 * request id that AWS support asks for. Anything else is a bug and keeps its stack (in the debug log).
 */
export class ActionError extends Error {
  override readonly name = 'ActionError';
}

/** The sentence a user reads for any error, without a stack trace. */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
