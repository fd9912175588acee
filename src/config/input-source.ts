import { ActionError } from './errors.js';
import type { InputName } from './names.js';

/** How inputs are read: backed by @actions/core in the action, by a plain object in tests. */
export interface InputSource {
  /** The trimmed value, '' when not given. */
  get(name: InputName): string;
  /** YAML 1.2 core-schema boolean; throws on anything else. */
  getBoolean(name: InputName): boolean;
}

const DECIMAL = /^(\d+(\.\d*)?|\.\d+)$/;

/** Shows a value the user gave, safely: quoted, escaped, and short. */
export function shown(value: string): string {
  // Not cut between an emoji's two halves: JSON.stringify would show the first as \ud83d.
  const cut = () => value.slice(0, 77).replace(/[\ud800-\udbff]$/, '');
  return JSON.stringify(value.length > 80 ? `${cut()}...` : value);
}

/** The sentence for an input whose value is not accepted. */
export function invalid(name: InputName, value: string, accepted: string): ActionError {
  return new ActionError(`Input "${name}" is ${shown(value)}, but it must be ${accepted}.`);
}

/** A decimal number (no sign, no exponent); `fallback` when empty. */
export function readNumber(
  source: InputSource,
  name: InputName,
  fallback: number,
  accepted: string,
  valid: (n: number) => boolean,
): number {
  const raw = source.get(name);
  if (raw === '') return fallback;
  const n = DECIMAL.test(raw) ? Number(raw) : NaN;
  if (!Number.isFinite(n) || !valid(n)) throw invalid(name, raw, accepted);
  return n;
}

/** true or false as YAML 1.2 spells them; `fallback` when empty (outside a runner, no defaults). */
export function readBoolean(source: InputSource, name: InputName, fallback: boolean): boolean {
  if (source.get(name) === '') return fallback;
  try {
    return source.getBoolean(name);
  } catch {
    throw invalid(name, source.get(name), '"true" or "false"');
  }
}
