/**
 * The wording side of validation: each shape's constraints with Coral's phrases, and values
 * rendered the way AWS's Java back end prints them in a ValidationException.
 */
import { AcmError } from '../domain/errors.ts';
import { SHAPES, type Shape } from './model.generated.ts';
import { patternRegExp } from './patterns.ts';

// Rendered values are capped so that an oversized list cannot blow up the error message.
const MAX_RENDERED = 1024;
// The redaction marker of AWS SDK model toString(), used for sensitive members of a value.
const REDACTED = '***Sensitive Data Redacted***';
// Clauses shown in one ValidationException. The count stays exact, but a 4 MiB list of bad
// elements must not turn into a response thirty times its size.
const MAX_REPORTED = 100;

type Obj = Record<string, unknown>;
export interface Constraint {
  readonly phrase: string;
  readonly ok: (value: unknown) => boolean;
}

/** Violations in Coral order; all are counted, only the first MAX_REPORTED are kept. */
export class Violations {
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

  /** Coral's message: `N validation errors detected: <clause>; <clause>`. */
  message(): string {
    const lead = `${this.count} validation error${this.count === 1 ? '' : 's'} detected: `;
    const shown = this.shown.slice(0, MAX_REPORTED);
    const rest = this.count - shown.length;
    return lead + shown.join('; ') + (rest > 0 ? `; and ${rest} more` : '');
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

export function shapeOf(name: string): Shape {
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
export function constraints(shape: Shape): Constraint[] {
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

export function clause(name: string, value: unknown, path: string, phrase: string): string {
  const shape = shapeOf(name);
  const element = shape.member ?? shape.value;
  const hidden = shape.sensitive || (element !== undefined && shapeOf(element).sensitive);
  let shown = hidden ? '' : render(name, value);
  if (shown.length > MAX_RENDERED) shown = `${shown.slice(0, MAX_RENDERED)}...`;
  const at = `at '${path}' failed to satisfy constraint: ${phrase}`;
  return hidden ? `Value ${at}` : `Value '${shown}' ${at}`;
}
