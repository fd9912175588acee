// How the GitHub runner reads a step's stdout, for tests that must prove service text never becomes a
// workflow command. Modelled on actions/runner: ProcessInvoker reads stdout with StreamReader.ReadLine
// (a line ends at \r\n, \r or \n), ActionCommand.TryParseV2 trims each line with .NET's TrimStart()
// and wants `::` next, and the legacy TryParse finds `##[` anywhere in a line.

/** Every character .NET's char.IsWhiteSpace accepts: what TrimStart() removes. */
export const DOTNET_WHITESPACE: readonly string[] = [
  ...range(0x09, 0x0d),
  ' ',
  '\u0085',
  '\u00a0',
  '\u1680',
  ...range(0x2000, 0x200a),
  '\u2028',
  '\u2029',
  '\u202f',
  '\u205f',
  '\u3000',
];

function range(from: number, to: number): string[] {
  return Array.from({ length: to - from + 1 }, (_, i) => String.fromCharCode(from + i));
}

/** The forged commands hostile text tries, each marked FORGED so a test can tell it from the action's. */
export const FORGED_COMMANDS: readonly string[] = [
  '::error::FORGED error',
  '::add-mask::FORGED',
  '::stop-commands::FORGED',
  '::set-output name=deploy-approved::FORGED',
];

/** Each forged command behind each .NET whitespace character (100 texts). */
export const FORGED_LINES: readonly string[] = DOTNET_WHITESPACE.flatMap((ws) =>
  FORGED_COMMANDS.map((command) => `${ws}${command}`),
);

export interface RunnerCommand {
  /** The line as the runner read it. */
  line: string;
  name: string;
  /** The part after the command's second `::` (or after `]` in the legacy form). */
  data: string;
  legacy: boolean;
}

/** .NET's String.TrimStart(): leading char.IsWhiteSpace characters. */
const trimStart = (line: string): string => {
  let at = 0;
  while (at < line.length && DOTNET_WHITESPACE.includes(line[at]!)) at += 1;
  return line.slice(at);
};

/**
 * The workflow commands the runner would act on in this output, whatever their name (the runner
 * ignores names it does not know; a test is stricter). After ::stop-commands::TOKEN, nothing is a
 * command until ::TOKEN::, as in the runner.
 */
export function runnerCommands(stdout: string): RunnerCommand[] {
  const found: RunnerCommand[] = [];
  let stoppedUntil: string | undefined;
  for (const line of stdout.split(/\r\n|\r|\n/)) {
    const trimmed = trimStart(line);
    if (stoppedUntil !== undefined) {
      if (trimmed.startsWith(`::${stoppedUntil}::`)) stoppedUntil = undefined;
      continue;
    }
    const end = trimmed.startsWith('::') ? trimmed.indexOf('::', 2) : -1;
    if (end >= 0) {
      const info = trimmed.slice(2, end);
      const command = {
        line,
        name: info.split(' ')[0]!,
        data: trimmed.slice(end + 2),
        legacy: false,
      };
      found.push(command);
      if (command.name === 'stop-commands') stoppedUntil = command.data;
      continue;
    }
    const legacy = line.indexOf('##[');
    if (legacy >= 0) {
      const close = line.indexOf(']', legacy);
      const info = line.slice(legacy + 3, close < 0 ? undefined : close);
      found.push({
        line,
        name: info.split(' ')[0]!,
        data: close < 0 ? '' : line.slice(close + 1),
        legacy: true,
      });
    }
  }
  return found;
}
