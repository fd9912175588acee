/**
 * The workflow's cancellation. The runner sends SIGINT on cancellation (SIGTERM 7.5 s later): both
 * abort the signal, and the story then ends in its own time, inside the runner's budget.
 */
export function cancellationSignal(say: (line: string) => void): AbortSignal {
  const controller = new AbortController();
  const onSignal = (name: string) => {
    if (!controller.signal.aborted) say(`Received ${name}: the workflow is being cancelled.`);
    controller.abort();
  };
  process.on('SIGINT', () => onSignal('SIGINT'));
  process.on('SIGTERM', () => onSignal('SIGTERM'));
  return controller.signal;
}
