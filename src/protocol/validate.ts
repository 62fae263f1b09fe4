/**
 * Request validation against the generated ACM model, in the order AWS JSON services apply it:
 * first the JSON types (a wrong type is a SerializationException, as Coral's deserializer
 * rejects it before any constraint is looked at), then every modelled constraint, all
 * violations reported together in one Coral-style ValidationException.
 */
import { AcmError } from '../domain/errors.ts';
import { OPERATIONS, SHAPES, type Shape } from './model.generated.ts';
import { patternRegExp } from './patterns.ts';

// Deeper than any sensible SearchCertificates filter, shallow enough to never exhaust the stack.
const MAX_DEPTH = 64;
// Rendered values are capped so that an oversized list cannot blow up the error message.
const MAX_RENDERED = 1024;
// The redaction marker of AWS SDK model toString(), used for sensitive members of a value.
const REDACTED = '***Sensitive Data Redacted***';
const NOT_NULL = 'Member must not be null';
// Clauses shown in one ValidationException. The count stays exact, but a 4 MiB list of bad
// elements must not turn into a response thirty times its size.
const MAX_REPORTED = 100;

type Obj = Record<string, unknown>;
interface Constraint {
  readonly phrase: string;
  readonly ok: (value: unknown) => boolean;
}

/** Violations in Coral order; all are counted, only the first MAX_REPORTED are kept. */
class Violations {
  readonly shown: string[] = [];
  count = 0;

  /** Where clauses about a value go once its parts have been looked at. */
  get mark(): number {
    return this.shown.length;
  }

  add(clause: string): void {
    this.count += 1;
    if (this.shown.length < MAX_REPORTED) this.shown.push(clause);
  }

  insert(at: number, clauses: string[]): void {
    this.count += clauses.length;
    this.shown.splice(at, 0, ...clauses);
  }
}

const B64 = /^[A-Za-z0-9+/]*$/;

/** Strict standard base64 (padded, no whitespace, no URL alphabet) to bytes. */
export function decodeBlob(value: string): Buffer {
  const body = value.replace(/={1,2}$/, '');
  if (value.length % 4 !== 0 || !B64.test(body)) {
    throw new AcmError('SerializationException', 'Invalid base64 encoding of a blob value');
  }
  return Buffer.from(value, 'base64');
}

function blobBytes(base64: string): number {
  return (base64.length / 4) * 3 - (base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0);
}

function shapeOf(name: string): Shape {
  const shape = Object.hasOwn(SHAPES, name) ? SHAPES[name] : undefined;
  if (shape === undefined) throw new AcmError('InternalFailure', `Model has no shape ${name}`);
  return shape;
}

function size(shape: Shape, value: unknown): number {
  if (shape.type === 'blob') return blobBytes(value as string);
  if (shape.type === 'map') return Object.keys(value as Obj).length;
  return (value as string | unknown[]).length;
}

const constraintCache = new WeakMap<Shape, Constraint[]>();

/** Every constraint of a shape, in the order Coral lists them. */
function constraints(shape: Shape): Constraint[] {
  let list = constraintCache.get(shape);
  if (list !== undefined) return list;
  list = [];
  const { min, max, pattern } = shape;
  const numeric = ['integer', 'long', 'float', 'double'].includes(shape.type);
  const kind = numeric ? 'value' : 'length';
  const measure = (v: unknown): number => (numeric ? (v as number) : size(shape, v));
  if (shape.type !== 'structure' && shape.type !== 'boolean' && shape.type !== 'timestamp') {
    if (max !== undefined) {
      const phrase = `Member must have ${kind} less than or equal to ${max}`;
      list.push({ phrase, ok: (v) => measure(v) <= max });
    }
    if (min !== undefined) {
      const phrase = `Member must have ${kind} greater than or equal to ${min}`;
      list.push({ phrase, ok: (v) => measure(v) >= min });
    }
  }
  if (shape.type === 'string' && pattern !== undefined) {
    const re = patternRegExp(pattern);
    const phrase = `Member must satisfy regular expression pattern: ${pattern}`;
    list.push({ phrase, ok: (v) => re.test(v as string) });
  }
  const values = shape.enum;
  if (shape.type === 'string' && values !== undefined) {
    const phrase = `Member must satisfy enum value set: [${values.join(', ')}]`;
    list.push({ phrase, ok: (v) => values.includes(v as string) });
  }
  constraintCache.set(shape, list);
  return list;
}

/** Joins rendered items, stopping once past the cap (the caller truncates to it). */
function joinCapped<T>(items: readonly T[], separator: string, show: (item: T) => string): string {
  let text = '';
  for (let i = 0; i < items.length && text.length <= MAX_RENDERED; i += 1) {
    text += (i === 0 ? '' : separator) + show(items[i]!);
  }
  return text;
}

/** Java-toString-like rendering of an already type-checked value, for the `Value '...'` part. */
function render(name: string, value: unknown): string {
  const shape = shapeOf(name);
  if (shape.sensitive) return REDACTED;
  switch (shape.type) {
    case 'blob': {
      // Like AWS (a Java ByteBuffer's toString): the size, never the content, which may be a key.
      const n = blobBytes(value as string);
      return `java.nio.HeapByteBuffer[pos=0 lim=${n} cap=${n}]`;
    }
    case 'list':
      return `[${joinCapped(value as unknown[], ', ', (e) => render(shape.member!, e))}]`;
    case 'map': {
      const show = ([k, v]: [string, unknown]): string => `${k}=${render(shape.value!, v)}`;
      return `{${joinCapped(Object.entries(value as Obj), ', ', show)}}`;
    }
    case 'structure': {
      // Like the AWS SDK for Java's model toString(): `{Key: a,Value: b}`.
      const show = ([k, v]: [string, unknown]): string => `${k}: ${render(shape.members![k]!, v)}`;
      return `{${joinCapped(Object.entries(value as Obj), ',', show)}}`;
    }
    default:
      return String(value);
  }
}

function clause(name: string, value: unknown, path: string, phrase: string): string {
  const shape = shapeOf(name);
  const element = shape.member ?? shape.value;
  const hidden = shape.sensitive || (element !== undefined && shapeOf(element).sensitive);
  let shown = hidden ? '' : render(name, value);
  if (shown.length > MAX_RENDERED) shown = `${shown.slice(0, MAX_RENDERED)}...`;
  const at = `at '${path}' failed to satisfy constraint: ${phrase}`;
  return hidden ? `Value ${at}` : `Value '${shown}' ${at}`;
}

function wrongType(expected: string, wire: string): AcmError {
  return new AcmError('SerializationException', `Expected ${expected} for member '${wire}'`);
}

function join(path: string, name: string): string {
  return path === '' ? name : `${path}.${name}`;
}

function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Type-checks a scalar, throwing SerializationException; returns it unchanged. */
function scalar(shape: Shape, value: unknown, wire: string): unknown {
  const t = shape.type;
  if (t === 'string' && typeof value !== 'string') throw wrongType('a string', wire);
  if (t === 'boolean' && typeof value !== 'boolean') throw wrongType('a boolean', wire);
  if (t === 'timestamp' && typeof value !== 'number') {
    throw wrongType('a number (epoch seconds)', wire);
  }
  if ((t === 'float' || t === 'double') && typeof value !== 'number') {
    throw wrongType('a number', wire);
  }
  if (t === 'integer' || t === 'long') {
    const bits = t === 'integer' ? 31 : 63;
    const n = value as number;
    // 2 ** 63 - 1 is not a double, so the long bound is written as `< 2 ** 63`.
    if (!Number.isInteger(n) || n < -(2 ** bits) || n >= 2 ** bits) {
      throw wrongType(`a ${bits + 1}-bit integer`, wire);
    }
  }
  if (t === 'blob') {
    if (typeof value !== 'string') throw wrongType('a base64-encoded string', wire);
    try {
      decodeBlob(value);
    } catch {
      throw wrongType('a valid base64-encoded string', wire);
    }
  }
  return value;
}

/** Validates one value; type errors throw, constraint violations are added to `out`. */
function visit(name: string, value: unknown, wire: string, path: string, depth: number,
  out: Violations): unknown {
  if (depth > MAX_DEPTH) {
    throw new AcmError('SerializationException', `Request nests deeper than ${MAX_DEPTH} levels`);
  }
  const shape = shapeOf(name);
  if (shape.type === 'structure') {
    if (!isObject(value)) throw wrongType('an object', wire);
    const at = out.mark;
    const result: Obj = {};
    for (const [member, target] of Object.entries(shape.members ?? {})) {
      // Coral paths lower-case the first letter; Filters' members already are lower-camel.
      const memberPath = join(path, `${member[0]!.toLowerCase()}${member.slice(1)}`);
      const raw = Object.hasOwn(value, member) ? value[member] : null;
      if (raw !== null && raw !== undefined) {
        result[member] = visit(target, raw, join(wire, member), memberPath, depth + 1, out);
      } else if (shape.required?.includes(member)) {
        out.add(`Value null at '${memberPath}' failed to satisfy constraint: ${NOT_NULL}`);
      }
    }
    if (shape.union && Object.keys(result).length !== 1) {
      out.insert(at, [clause(name, result, path, 'Member must have exactly one member set')]);
    }
    return result;
  }
  if (shape.type !== 'list' && shape.type !== 'map') {
    const checked = scalar(shape, value, wire);
    for (const c of constraints(shape)) {
      if (!c.ok(checked)) out.add(clause(name, checked, path, c.phrase));
    }
    return checked;
  }
  const isList = shape.type === 'list';
  if (isList ? !Array.isArray(value) : !isObject(value)) {
    throw wrongType(isList ? 'a list' : 'an object', wire);
  }
  const entries: [string, unknown][] = isList
    ? (value as unknown[]).map((e, i) => [String(i + 1), e])
    : Object.entries(value as Obj);
  const elementName = isList ? shape.member! : shape.value!;
  const element = shapeOf(elementName);
  const elementChecks = constraints(element);
  const keyChecks = isList ? [] : constraints(shapeOf(shape.key!));
  const nested = ['structure', 'list', 'map'].includes(element.type);
  const at = out.mark; // clauses about a value come before those about its parts
  const list: unknown[] = [];
  const map: Obj = Object.create(null) as Obj; // so that a `__proto__` key stays plain data
  let elementsOk = true;
  let keysOk = true;
  for (const [key, raw] of entries) {
    const elementWire = `${wire}.${key}`;
    if (raw === null) throw wrongType('a non-null element', elementWire);
    const elementPath = `${path}.${key}${isList ? '.member' : ''}`;
    const checked = nested
      ? visit(elementName, raw, elementWire, elementPath, depth + 1, out)
      : scalar(element, raw, elementWire);
    if (!nested) elementsOk &&= elementChecks.every((c) => c.ok(checked));
    if (isList) list.push(checked);
    else {
      keysOk &&= keyChecks.every((c) => c.ok(key));
      Object.defineProperty(map, key, { value: checked, enumerable: true, writable: true });
    }
  }
  const result = isList ? list : map;
  // Element constraints are reported once, at the collection, listing all of them as Coral does.
  const all = (cs: Constraint[]): string => `[${cs.map((c) => c.phrase).join(', ')}]`;
  const phrases = constraints(shape).filter((c) => !c.ok(result)).map((c) => c.phrase);
  if (!keysOk) phrases.push(`Map keys must satisfy constraint: ${all(keyChecks)}`);
  const elementLabel = isList ? 'Member' : 'Map value';
  if (!elementsOk) phrases.push(`${elementLabel} must satisfy constraint: ${all(elementChecks)}`);
  out.insert(at, phrases.map((phrase) => clause(name, result, path, phrase)));
  return result;
}

/**
 * Validates the parsed JSON body of `operation` and returns it reduced to the modelled members
 * (unknown members dropped, `null` treated as absent; blobs stay base64 strings).
 */
export function validateInput(operation: string, body: unknown): Record<string, unknown> {
  if (!Object.hasOwn(OPERATIONS, operation)) {
    const shown = operation.slice(0, 128);
    throw new AcmError('UnknownOperationException', `Unknown operation ${shown}`);
  }
  const input = body === undefined || body === '' ? {} : body;
  if (!isObject(input)) {
    throw new AcmError('SerializationException', 'The request body must be a JSON object');
  }
  const shapeName = OPERATIONS[operation as keyof typeof OPERATIONS].input;
  if (shapeName === undefined) return {};
  const out = new Violations();
  const result = visit(shapeName, input, '', '', 0, out) as Record<string, unknown>;
  if (out.count > 0) {
    const lead = `${out.count} validation error${out.count === 1 ? '' : 's'} detected: `;
    const shown = out.shown.slice(0, MAX_REPORTED);
    const rest = out.count - shown.length;
    const tail = rest > 0 ? `; and ${rest} more` : '';
    throw new AcmError('ValidationException', lead + shown.join('; ') + tail);
  }
  return result;
}
