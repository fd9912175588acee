import { NormalizedSchema } from '@smithy/core/schema';

/** Where a JSON value given for a request departs from the SDK's schema of it, and how. */
export type ShapeProblem =
  | { kind: 'unknown'; path: string; near?: string }
  | { kind: 'type'; path: string; value: unknown; takes: string };

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** What a schema takes, in the words of the sentence that names it. */
function takes(schema: NormalizedSchema): string | undefined {
  if (schema.isStructSchema() || schema.isMapSchema()) return 'an object';
  if (schema.isListSchema()) return 'a list';
  if (schema.isBooleanSchema()) return 'true or false';
  if (schema.isNumericSchema()) return 'a number';
  if (schema.isStringSchema()) return 'a text';
  return undefined; // timestamps, blobs, documents: none in StartBuildBatch's input; left to the SDK
}

/** Characters two names share from their start. */
function sharedStart(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/**
 * The member a mistyped name most likely meant: the same but for case, one it begins, or one that
 * shares most of its start (timeoutInMinutes for timeoutInMins).
 */
export function nearest(name: string, members: readonly string[]): string | undefined {
  const exact = members.find(
    (m) => m.toLowerCase() === name.toLowerCase() || (name.length > 3 && m.startsWith(name)),
  );
  if (exact) return exact;
  let best: string | undefined;
  let longest = Math.max(6, Math.floor(name.length / 2));
  for (const m of members) {
    const shared = sharedStart(m, name);
    if (shared > longest) [best, longest] = [m, shared];
  }
  return best;
}

function fits(schema: NormalizedSchema, value: unknown): boolean {
  if (schema.isStructSchema() || schema.isMapSchema()) return isObject(value);
  if (schema.isListSchema()) return Array.isArray(value);
  if (schema.isBooleanSchema()) return typeof value === 'boolean';
  // 1e400 parses as Infinity, which the SDK sends as the text "Infinity".
  if (schema.isNumericSchema()) return typeof value === 'number' && Number.isFinite(value);
  if (schema.isStringSchema()) return typeof value === 'string';
  return true;
}

/**
 * The first member of `value` that the SDK would drop without a word (a name its schema does not
 * have, at any depth) or send as a JSON type the service cannot read (CodeBuild's answer then names
 * no member: "STRING_VALUE can not be converted to an Integer"). Judged by the SDK's own schema of
 * the operation's input; values (ranges, enums) are left to the service, which names the member.
 * Keys are the user's text: looked up with Object.hasOwn, never through the prototype.
 */
export function shapeProblem(
  schema: Parameters<typeof NormalizedSchema.of>[0],
  value: Record<string, unknown>,
): ShapeProblem | undefined {
  // A walk with its own stack: the input is the user's, and may nest deeply.
  const stack: Array<[NormalizedSchema, unknown, string]> = [
    [NormalizedSchema.of(schema), value, ''],
  ];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [shape, item, path] = top;
    if (item === null || item === undefined) continue; // the SDK sends no member for either
    if (!fits(shape, item)) {
      const words = takes(shape);
      if (words) return { kind: 'type', path, value: item, takes: words };
      continue;
    }
    const at = (name: string) => (path ? `${path}.${name}` : name);
    if (shape.isStructSchema()) {
      const members = new Map(shape.structIterator());
      const entries = Object.entries(item as Record<string, unknown>);
      for (const [name] of entries) {
        if (members.has(name)) continue;
        const near = nearest(name, [...members.keys()]);
        return { kind: 'unknown', path: at(name), near: near && at(near) };
      }
      for (const [name, member] of [...entries].reverse())
        stack.push([members.get(name)!, member, at(name)]);
    } else if (shape.isListSchema()) {
      const items = item as unknown[];
      for (let i = items.length - 1; i >= 0; i--)
        stack.push([shape.getValueSchema(), items[i], `${path}[${i}]`]);
    } else if (shape.isMapSchema()) {
      for (const [key, member] of Object.entries(item as Record<string, unknown>).reverse())
        stack.push([shape.getValueSchema(), member, `${path}.${key}`]);
    }
  }
  return undefined;
}
