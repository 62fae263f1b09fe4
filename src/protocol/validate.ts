/**
 * Request validation against the generated ACM model, in the order AWS JSON services apply it:
 * first the JSON types (a wrong type is a SerializationException, as Coral's deserializer
 * rejects it before any constraint is looked at), then every modelled constraint, all
 * violations reported together in one Coral-style ValidationException.
 */
import { AcmError } from '../domain/errors.ts';
import { clause, constraints, decodeBlob, shapeOf, Violations, type Constraint }
  from './constraints.ts';
import { OPERATIONS, type Shape } from './model.generated.ts';

export { decodeBlob };

type Obj = Record<string, unknown>;

// Deeper than any sensible SearchCertificates filter, shallow enough to never exhaust the stack.
const MAX_DEPTH = 64;
const NOT_NULL = 'Member must not be null';

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
  if (out.count > 0) throw new AcmError('ValidationException', out.message());
  return result;
}
