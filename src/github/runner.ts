import { randomUUID } from 'node:crypto';
import { appendFileSync, existsSync } from 'node:fs';
import { EOL } from 'node:os';

/**
 * The runner's side of the protocol: inputs and state from the environment, workflow commands on
 * stdout, outputs, state and the job summary appended to the files the runner names.
 *
 * Why not @actions/core: its entry imports its OIDC client, and with it @actions/http-client and
 * undici (~40 % of the bundle), at import time. Evaluating it cost 80–110 ms of every run's start,
 * for a token only role-to-assume asks for. The credentials chunk still uses core.getIDToken; every
 * run uses only this, which writes exactly what core writes (same escaping, same heredoc files).
 */

type Env = Record<string, string | undefined>;
const env = (): Env => process.env;

/** An input as core.getInput reads it: INPUT_<NAME> (spaces as underscores), trimmed. */
export function getInput(name: string): string {
  return (env()[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

/** core.getBooleanInput: the YAML 1.2 core-schema booleans; anything else throws. */
export function getBooleanInput(name: string): boolean {
  const value = getInput(name);
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw new TypeError(
    `Input does not meet YAML 1.2 "Core Schema" specification: ${name}\n` +
      'Support boolean input list: `true | True | TRUE | false | False | FALSE`',
  );
}

export function getState(name: string): string {
  return env()[`STATE_${name}`] ?? '';
}

const escapeData = (s: string) =>
  s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/**
 * What is written inside a group, held until the group ends and written at once: a log tail is
 * hundreds of lines, and one write per line is as many trips through the stream. Groups are written
 * synchronously, so nothing else comes between.
 */
let grouped: string[] | undefined;
const write = (text: string): void => {
  if (grouped) grouped.push(text);
  else process.stdout.write(text);
};

/** `::command key=value,…::message`, escaped as the runner expects. */
export function command(name: string, message = '', properties: Record<string, string> = {}): void {
  const props = Object.entries(properties)
    .filter(([, value]) => value)
    .map(([key, value]) => `${key}=${escapeProperty(value)}`)
    .join(',');
  write(`::${name}${props ? ` ${props}` : ''}::${escapeData(message)}${EOL}`);
}

export function info(message: string): void {
  write(message + EOL);
}
export const debug = (message: string): void => command('debug', message);
export const notice = (message: string): void => command('notice', message);
export const warning = (message: string): void => command('warning', message);
export const error = (message: string, title?: string): void =>
  command('error', message, title ? { title } : {});
export function startGroup(title: string): void {
  command('group', title);
  grouped = [];
}
export function endGroup(): void {
  const held = grouped ?? [];
  grouped = undefined;
  held.push(`::endgroup::${EOL}`);
  process.stdout.write(held.join(''));
}
/** The runner masks the value in every later log line. */
export const setSecret = (value: string): void => command('add-mask', value);

/** core.setFailed: exit code 1 and the message as an error annotation. */
export function setFailed(message: string): void {
  process.exitCode = 1;
  error(message);
}

/** name<<delimiter … delimiter, with a delimiter the value cannot contain. */
function appendKeyValue(file: string, name: string, value: string): void {
  const delimiter = `ghadelimiter_${randomUUID()}`;
  if (name.includes(delimiter) || value.includes(delimiter))
    throw new Error(`Unexpected input: ${name} contains the delimiter "${delimiter}"`);
  if (!existsSync(file)) throw new Error(`Missing file at path: ${file}`);
  appendFileSync(file, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, 'utf8');
}

/** GITHUB_OUTPUT, or the old set-output command where no runner names the file (local-action). */
export function setOutput(name: string, value: string): void {
  const file = env().GITHUB_OUTPUT;
  if (file) return appendKeyValue(file, name, value);
  write(EOL);
  command('set-output', value, { name });
}

/** GITHUB_STATE, read back by the post step as STATE_<name>. */
export function saveState(name: string, value: string): void {
  const file = env().GITHUB_STATE;
  if (file) return appendKeyValue(file, name, value);
  command('save-state', value, { name });
}

/** Appends Markdown to the job summary file (the caller checks that GITHUB_STEP_SUMMARY is set). */
export function appendSummary(file: string, parts: readonly string[]): void {
  // One write, without joining the parts into one string first: Buffer.concat copies bytes only.
  appendFileSync(file, Buffer.concat(parts.map((part) => Buffer.from(part, 'utf8'))));
}
