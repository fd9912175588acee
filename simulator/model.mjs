// Holds the simulator to AWS's published service models (botocore's service-2.json): what it answers,
// and how it judges what it is asked. Generic by service name, so every simulated service (codebuild,
// logs, sts, …) is checked the same way. A development tool: never bundled.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { BEYOND_MODEL, COMMON_ERRORS } from './model-allowlist.mjs';

export const INSTALL_HINT = 'apt-get install python3-botocore';
const DEBIAN_DATA = '/usr/lib/python3/dist-packages/botocore/data';

let pythonData; // python3's botocore data folder, looked up once: '' when there is none

/** Where botocore's data may be: BOTOCORE_DATA_DIR if set (and then only it), Debian's, then any python3's. */
export function botocoreDataDirs() {
  if (process.env.BOTOCORE_DATA_DIR !== undefined) return [process.env.BOTOCORE_DATA_DIR];
  return [DEBIAN_DATA, pythonBotocoreData()].filter(Boolean);
}

function pythonBotocoreData() {
  if (pythonData !== undefined) return pythonData;
  pythonData = '';
  try {
    const root = execFileSync(
      'python3',
      ['-c', 'import botocore,os;print(os.path.dirname(botocore.__file__))'],
      { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'ignore'] },
    ).trim();
    if (root) pythonData = join(root, 'data');
  } catch {
    // No python3, or no botocore for it: Debian's path is all there is.
  }
  return pythonData;
}

/** The newest service-2.json(.gz) of a service (e.g. 'codebuild'), or undefined. */
export function findModelFile(service) {
  for (const dir of botocoreDataDirs()) {
    const serviceDir = join(dir, service);
    if (!existsSync(serviceDir)) continue;
    const versions = readdirSync(serviceDir).sort().reverse();
    for (const version of versions) {
      for (const name of ['service-2.json', 'service-2.json.gz']) {
        const file = join(serviceDir, version, name);
        if (existsSync(file)) return file;
      }
    }
  }
  return undefined;
}

const cache = new Map();

/** The parsed model of a service, or undefined when no botocore on this machine has it. */
export function tryLoadModel(service) {
  const key = `${process.env.BOTOCORE_DATA_DIR ?? ''}\0${service}`;
  if (!cache.has(key)) {
    const file = findModelFile(service);
    if (!file) return undefined; // not cached: an install during the run is seen
    const raw = readFileSync(file);
    const text = file.endsWith('.gz') ? gunzipSync(raw).toString('utf8') : raw.toString('utf8');
    cache.set(key, { ...JSON.parse(text), file, service });
  }
  return cache.get(key);
}

/** The parsed model of a service; throws one line saying what to install when it is missing. */
export function loadModel(service) {
  const model = tryLoadModel(service);
  if (model) return model;
  const error = new Error(
    `AWS's ${service} service model (botocore's service-2.json) is not on this machine: ${INSTALL_HINT}`,
  );
  error.stack = error.message; // one line in a test report, no trace to read
  throw error;
}

const modelOf = (service) => (typeof service === 'string' ? loadModel(service) : service);

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const shown = (v) => {
  const text = JSON.stringify(v);
  return text === undefined ? String(v) : text.length > 60 ? `${text.slice(0, 57)}...` : text;
};
const length = (s) => [...s].length; // the model counts characters, not UTF-16 units

/** Whether model-allowlist.mjs lets an output's structure member carry this value (or an empty list). */
function allowedBeyond(ctx, holder, value) {
  if (ctx.direction !== 'output' || !holder) return false;
  return BEYOND_MODEL.some(
    (a) =>
      a.service === ctx.service &&
      a.shape === holder.structure &&
      a.member === holder.member &&
      (Array.isArray(value) ? a.emptyList === true && value.length === 0 : a.value === value),
  );
}

/** Whether model-allowlist.mjs names this output member as newer than the installed model. */
function newerMember(ctx, shapeName, member) {
  return (
    ctx.direction === 'output' &&
    BEYOND_MODEL.some(
      (a) =>
        a.service === ctx.service && a.shape === shapeName && a.member === member && a.newMember,
    )
  );
}

/**
 * Checks a value against a shape. Violations are { path, what, kind } with kind one of
 * type | unknown | required | enum | length | range | pattern | null | union.
 */
function check(model, shapeName, value, path, ctx, out, holder) {
  const shape = model.shapes[shapeName];
  if (!shape) return out.push({ path, what: `model has no shape ${shapeName}`, kind: 'type' });
  const add = (what, kind) => out.push({ path: path || '(root)', what, kind });
  const textual = ctx.protocol === 'query' || ctx.protocol === 'ec2' || ctx.protocol === 'rest-xml';
  switch (shape.type) {
    case 'structure': {
      if (!isObject(value))
        return add(`expected an object (${shapeName}), got ${shown(value)}`, 'type');
      const members = shape.members ?? {};
      for (const [name, member] of Object.entries(value)) {
        const at = path ? `${path}.${name}` : name;
        if (!(name in members)) {
          if (!newerMember(ctx, shapeName, name))
            out.push({ path: at, what: `unknown member of ${shapeName}`, kind: 'unknown' });
          continue;
        }
        if (member === null || member === undefined) {
          if (ctx.direction === 'output' && member === null)
            out.push({
              path: at,
              what: 'null (the service omits a member it has no value for)',
              kind: 'null',
            });
          continue;
        }
        check(model, members[name].shape, member, at, ctx, out, {
          structure: shapeName,
          member: name,
        });
      }
      for (const name of shape.required ?? []) {
        if (value[name] === undefined || value[name] === null)
          out.push({
            path: path ? `${path}.${name}` : name,
            what: `required member of ${shapeName} is missing`,
            kind: 'required',
          });
      }
      if (shape.union) {
        const set = Object.keys(value).filter((k) => value[k] !== undefined && value[k] !== null);
        if (set.length !== 1)
          add(`union ${shapeName} must have exactly one member, has ${set.length}`, 'union');
      }
      return;
    }
    case 'list': {
      if (!Array.isArray(value))
        return add(`expected a list (${shapeName}), got ${shown(value)}`, 'type');
      if (shape.min !== undefined && value.length < shape.min && !allowedBeyond(ctx, holder, value))
        add(`list has ${value.length} items, fewer than ${shape.min}`, 'length');
      if (shape.max !== undefined && value.length > shape.max)
        add(`list has ${value.length} items, more than ${shape.max}`, 'length');
      value.forEach((item, i) => {
        if (item === null || item === undefined)
          return out.push({ path: `${path}[${i}]`, what: 'null list item', kind: 'null' });
        check(model, shape.member.shape, item, `${path}[${i}]`, ctx, out, undefined);
      });
      return;
    }
    case 'map': {
      if (!isObject(value))
        return add(`expected a map (${shapeName}), got ${shown(value)}`, 'type');
      const size = Object.keys(value).length;
      if (shape.min !== undefined && size < shape.min)
        add(`map has ${size} entries, fewer than ${shape.min}`, 'length');
      if (shape.max !== undefined && size > shape.max)
        add(`map has ${size} entries, more than ${shape.max}`, 'length');
      for (const [key, item] of Object.entries(value)) {
        check(model, shape.key.shape, key, `${path}{${key}}`, ctx, out, undefined);
        check(model, shape.value.shape, item, `${path}.${key}`, ctx, out, undefined);
      }
      return;
    }
    case 'string': {
      if (typeof value !== 'string')
        return add(`expected a string (${shapeName}), got ${shown(value)}`, 'type');
      if (shape.enum && !shape.enum.includes(value) && !allowedBeyond(ctx, holder, value))
        add(`${shown(value)} is not one of ${shapeName}: ${shape.enum.join(', ')}`, 'enum');
      if (shape.min !== undefined && length(value) < shape.min)
        add(`${shown(value)} is shorter than ${shape.min} characters`, 'length');
      if (shape.max !== undefined && length(value) > shape.max)
        add(`string of ${length(value)} characters is longer than ${shape.max}`, 'length');
      if (shape.pattern) {
        let pattern;
        try {
          pattern = new RegExp(`^(?:${shape.pattern})$`, 'u'); // the model's patterns match whole values
        } catch {
          pattern = undefined; // a Java-only pattern: not checkable here
        }
        if (pattern && !pattern.test(value))
          add(`${shown(value)} does not match ${shape.pattern}`, 'pattern');
      }
      return;
    }
    case 'integer':
    case 'long':
    case 'double':
    case 'float': {
      const number =
        textual && typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      const whole = shape.type === 'integer' || shape.type === 'long';
      if (
        typeof number !== 'number' ||
        !Number.isFinite(number) ||
        (whole && !Number.isInteger(number))
      )
        return add(
          `expected ${whole ? 'an integer' : 'a number'} (${shapeName}), got ${shown(value)}`,
          'type',
        );
      if (shape.min !== undefined && number < shape.min)
        add(`${number} is less than ${shape.min}`, 'range');
      if (shape.max !== undefined && number > shape.max)
        add(`${number} is more than ${shape.max}`, 'range');
      return;
    }
    case 'boolean': {
      const ok = typeof value === 'boolean' || (textual && (value === 'true' || value === 'false'));
      if (!ok) add(`expected a boolean (${shapeName}), got ${shown(value)}`, 'type');
      return;
    }
    case 'timestamp': {
      // awsJson: epoch seconds as a JSON number; query/XML protocols: ISO-8601 text.
      const ok = textual
        ? value instanceof Date || (typeof value === 'string' && !Number.isNaN(Date.parse(value)))
        : typeof value === 'number' && Number.isFinite(value);
      if (!ok)
        add(
          `expected a timestamp as ${textual ? 'ISO-8601 text' : 'epoch seconds (a number)'}, got ${shown(value)}`,
          'type',
        );
      return;
    }
    case 'blob': {
      if (typeof value !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(value))
        add(`expected base64 text (${shapeName}), got ${shown(value)}`, 'type');
      return;
    }
    default:
      return; // document and other shapes carry any JSON
  }
}

/** The model's operation, or undefined. */
export function operationOf(service, operation) {
  return modelOf(service).operations[operation];
}

/**
 * Validates a request ('input') or a successful response ('output') of one operation against the
 * service's model. Returns the violations: [{ path, what, kind }], empty when the value conforms.
 * Outputs may carry the values listed in model-allowlist.mjs beyond the model's enums.
 */
export function validate(service, operation, direction, value) {
  const model = modelOf(service);
  const op = model.operations[operation];
  if (!op)
    return [
      {
        path: '(operation)',
        what: `${model.service} has no operation ${operation}`,
        kind: 'unknown',
      },
    ];
  const ref = direction === 'input' ? op.input : op.output;
  if (!ref) {
    const empty = value === undefined || (isObject(value) && Object.keys(value).length === 0);
    return empty
      ? []
      : [{ path: '(root)', what: `${operation} has no ${direction} members`, kind: 'unknown' }];
  }
  const out = [];
  check(
    model,
    ref.shape,
    value ?? {},
    '',
    { direction, protocol: model.metadata.protocol, service: model.service },
    out,
    undefined,
  );
  return out;
}

/** The error codes an operation may answer: the ones its model names, then the common ones. */
export function errorCodes(service, operation) {
  const model = modelOf(service);
  const modelled = (model.operations[operation]?.errors ?? []).map(
    (e) => model.shapes[e.shape]?.error?.code ?? e.shape,
  );
  return { modelled, common: [...COMMON_ERRORS] };
}

/**
 * Validates an error answer: its code must be one the operation's model names or a common AWS error,
 * and its body ({ __type, message }) must carry nothing else than the error shape's members.
 */
export function validateError(service, operation, code, body) {
  const model = modelOf(service);
  const out = [];
  const { modelled, common } = errorCodes(model, operation);
  if (!modelled.includes(code) && !common.includes(code))
    out.push({
      path: '__type',
      what: `${code} is neither an error ${operation} names (${modelled.join(', ') || 'none'}) nor a common AWS error`,
      kind: 'enum',
    });
  if (isObject(body)) {
    const shapeName = Object.keys(model.shapes).find(
      (n) => model.shapes[n].exception && (model.shapes[n].error?.code ?? n) === code,
    );
    const members = shapeName ? Object.keys(model.shapes[shapeName].members ?? {}) : [];
    for (const key of Object.keys(body)) {
      if (['__type', 'message', 'Message'].includes(key) || members.includes(key)) continue;
      out.push({ path: key, what: `unknown member of the ${code} error`, kind: 'unknown' });
    }
    if (typeof body.__type !== 'string')
      out.push({ path: '__type', what: 'missing error type', kind: 'required' });
  }
  return out;
}

const TYPE_WORDS = {
  integer: 'an Integer',
  long: 'a Long',
  float: 'a Float',
  double: 'a Double',
  boolean: 'a Boolean',
  string: 'a String',
  timestamp: 'a Date',
  blob: 'a ByteBuffer',
  structure: 'a Structure',
  map: 'a Map',
  list: 'a List',
};

/**
 * The message of the SerializationException AWS's JSON services answer for a value of the wrong type:
 * their JSON reader's words, which name neither the member nor its path ("STRING_VALUE can not be
 * converted to an Integer"; SQS's, async-aws/aws#1667). `type` is the model shape's type.
 */
export function unreadableMessage(type, value) {
  if (isObject(value)) return 'Start of structure or map found where not expected.';
  if (Array.isArray(value)) return 'Start of list found where not expected.';
  const token =
    value === null
      ? 'NULL_VALUE'
      : typeof value === 'number'
        ? 'NUMBER_VALUE'
        : typeof value === 'boolean'
          ? 'BOOLEAN_VALUE'
          : 'STRING_VALUE';
  return `${token} can not be converted to ${TYPE_WORDS[type] ?? `a ${type}`}`;
}

/** The code a service answers a request with when the request breaks the model's constraints. */
function validationCode(model, operation) {
  const { modelled } = errorCodes(model, operation);
  for (const code of ['ValidationException', 'InvalidInputException', 'InvalidParameterException'])
    if (modelled.includes(code)) return code;
  return model.metadata.protocol === 'query' ? 'ValidationError' : 'ValidationException';
}

const CONSTRAINT = {
  required: () => 'Member must not be null',
  enum: (v) => `Member must satisfy enum value set: [${v.shape.enum.join(', ')}]`,
  length: (v) =>
    v.too === 'short'
      ? `Member must have length greater than or equal to ${v.shape.min}`
      : `Member must have length less than or equal to ${v.shape.max}`,
  range: (v) =>
    v.too === 'short'
      ? `Member must have value greater than or equal to ${v.shape.min}`
      : `Member must have value less than or equal to ${v.shape.max}`,
  pattern: (v) => `Member must satisfy regular expression pattern: ${v.shape.pattern}`,
};

/** The shape a violation's path points at, walking the model from the operation's input. */
function shapeAt(model, rootShape, path) {
  let shape = model.shapes[rootShape];
  for (const part of path.split('.').flatMap((p) => p.split(/(?=\[)/))) {
    if (part.startsWith('[')) shape = model.shapes[shape.member.shape];
    else shape = model.shapes[shape.members?.[part]?.shape];
    if (!shape) return undefined;
  }
  return shape;
}

function valueAt(root, path) {
  let value = root;
  for (const part of path.split('.').flatMap((p) => p.split(/(?=\[)/))) {
    if (value === undefined || value === null) return undefined;
    value = part.startsWith('[') ? value[Number(part.slice(1, -1))] : value[part];
  }
  return value;
}

/**
 * Judges a request as the service does before it acts: undefined when the model's constraints hold,
 * else the error it answers, { status: 400, code, message }. A member of the wrong type cannot be read
 * (SerializationException); broken constraints (required, enum, length, range, pattern) are listed
 * in the service's "N validation errors detected" sentence, under the validation error the operation's
 * model names. Members the model does not know are ignored, as services do.
 */
export function requestError(service, operation, body) {
  const model = modelOf(service);
  const op = model.operations[operation];
  if (!op) return undefined;
  const violations = validate(model, operation, 'input', body).filter((v) => v.kind !== 'unknown');
  const type = violations.find((v) => v.kind === 'type' || v.kind === 'null');
  if (type)
    return {
      status: 400,
      code: 'SerializationException',
      message: unreadableMessage(
        shapeAt(model, op.input.shape, type.path)?.type,
        valueAt(body, type.path),
      ),
    };
  if (violations.length === 0) return undefined;
  const sentences = violations.map((v) => {
    const shape = shapeAt(model, op.input.shape, v.path) ?? {};
    const value = valueAt(body, v.path);
    const too =
      (Array.isArray(value) ? value.length : typeof value === 'string' ? length(value) : value) <
      (shape.min ?? -Infinity)
        ? 'short'
        : 'long';
    const constraint = (CONSTRAINT[v.kind] ?? (() => v.what))({ shape, too });
    const text = Array.isArray(value) ? `[${value.join(', ')}]` : String(value);
    const shownValue =
      value === undefined ? 'null' : `'${text.length > 100 ? `${text.slice(0, 97)}...` : text}'`;
    return `Value ${shownValue} at '${v.path}' failed to satisfy constraint: ${constraint}`;
  });
  const n = sentences.length;
  return {
    status: 400,
    code: validationCode(model, operation),
    message: `${n} validation error${n === 1 ? '' : 's'} detected: ${sentences.join('; ')}`,
  };
}
