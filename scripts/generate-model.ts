/**
 * Generates src/protocol/model.generated.ts from the botocore ACM service model:
 *
 *   npx tsx scripts/generate-model.ts [path-to-service-2.json]
 *
 * The product never reads the botocore JSON at run time, so the output is committed and
 * self-contained. It keeps only what request validation needs (operations, and every shape
 * reachable from an input with its constraints); documentation is dropped to keep it small.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DEFAULT_SOURCE = `${REPO_ROOT}../shared/reference/acm-botocore-service-2.json`;
export const OUTPUT = `${REPO_ROOT}src/protocol/model.generated.ts`;
const WIDTH = 99;

type Json = Record<string, unknown>;
const SCALARS = ['string', 'blob', 'integer', 'long', 'float', 'double', 'boolean', 'timestamp'];

function obj(value: unknown, what: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`botocore model: ${what} is not an object`);
  }
  return value as Json;
}

function ref(value: unknown, what: string): string {
  const shape = obj(value, what).shape;
  if (typeof shape !== 'string') throw new Error(`botocore model: ${what} has no shape`);
  return shape;
}

/** The compact form of one botocore shape, in a fixed key order so output is stable. */
function compact(name: string, raw: Json): [Json, string[]] {
  const type = raw.type;
  const out: Json = { type };
  const refs: string[] = [];
  if (type === 'structure') {
    const members: Json = {};
    for (const [m, def] of Object.entries(obj(raw.members ?? {}, `${name}.members`))) {
      members[m] = ref(def, `${name}.${m}`);
      refs.push(members[m] as string);
    }
    out.members = members;
    if (Array.isArray(raw.required) && raw.required.length > 0) out.required = raw.required;
    if (raw.union === true) out.union = true;
  } else if (type === 'list') {
    out.member = ref(raw.member, `${name}.member`);
    refs.push(out.member as string);
  } else if (type === 'map') {
    out.key = ref(raw.key, `${name}.key`);
    out.value = ref(raw.value, `${name}.value`);
    refs.push(out.key as string, out.value as string);
  } else if (typeof type !== 'string' || !SCALARS.includes(type)) {
    throw new Error(`botocore model: shape ${name} has unsupported type ${String(type)}`);
  }
  for (const key of ['min', 'max', 'pattern', 'enum'] as const) {
    if (raw[key] !== undefined) out[key] = raw[key];
  }
  if (raw.sensitive === true) out.sensitive = true;
  return [out, refs];
}

function literal(value: string): string {
  const printable = /^[\x20-\x7e]*$/.test(value);
  // Patterns are printed with String.raw so they read exactly as in the model.
  if (printable && value.includes('\\') && !/`|\$\{|\\$/.test(value)) {
    return `String.raw\`${value}\``;
  }
  return printable && !/['\\]/.test(value) ? `'${value}'` : JSON.stringify(value);
}

/** Prints a value on one line if it fits in `WIDTH`, else broken over several lines. */
function print(value: unknown, indent: string, prefix: string, suffix: string): string {
  const flat = printFlat(value);
  const fits = indent.length + prefix.length + flat.length + suffix.length <= WIDTH;
  // Scalars are never split: a pattern stays verbatim on one line even when over the width.
  if (fits || typeof value !== 'object' || value === null) {
    return `${indent}${prefix}${flat}${suffix}`;
  }
  // Broken values pack as many flat items per line as fit; items too long are broken in turn.
  const inner = `${indent}  `;
  const isArray = Array.isArray(value);
  const items = isArray ? value.map((v) => ['', v]) : Object.entries(value as Json);
  const lines: string[] = [];
  let line = '';
  const flush = (): void => {
    if (line !== '') lines.push(`${inner}${line.trimEnd()}`);
    line = '';
  };
  for (const [k, v] of items) {
    const head = isArray ? '' : `${key(k as string)}: `;
    const item = `${head}${printFlat(v)},`;
    if (inner.length + item.length > WIDTH) {
      flush();
      lines.push(print(v, inner, head, ','));
      continue;
    }
    if (inner.length + line.length + item.length > WIDTH) flush();
    line += `${item} `;
  }
  flush();
  const [open, close] = isArray ? ['[', ']'] : ['{', '}'];
  return `${indent}${prefix}${open}\n${lines.join('\n')}\n${indent}${close}${suffix}`;
}

function key(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : literal(name);
}

function printFlat(value: unknown): string {
  if (typeof value === 'string') return literal(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(printFlat).join(', ')}]`;
  const entries = Object.entries(value as Json).map(([k, v]) => `${key(k)}: ${printFlat(v)}`);
  return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
}

/** Returns the TypeScript source of model.generated.ts for a parsed botocore service model. */
export function generateModel(service: unknown): string {
  const root = obj(service, 'root');
  const meta = obj(root.metadata, 'metadata');
  const rawShapes = obj(root.shapes, 'shapes');
  const operations: Json = {};
  const pending: string[] = [];
  const rawOps = Object.entries(obj(root.operations, 'operations'));
  for (const [op, def] of rawOps.sort(([a], [b]) => (a < b ? -1 : 1))) {
    const d = obj(def, op);
    const entry: Json = {};
    if (d.input !== undefined) pending.push((entry.input = ref(d.input, `${op}.input`)));
    if (d.output !== undefined) entry.output = ref(d.output, `${op}.output`);
    operations[op] = entry;
  }
  const shapes = new Map<string, Json>();
  while (pending.length > 0) {
    const name = pending.pop()!;
    if (shapes.has(name)) continue;
    if (!Object.hasOwn(rawShapes, name)) throw new Error(`botocore model: no shape ${name}`);
    const [shape, refs] = compact(name, obj(rawShapes[name], name));
    shapes.set(name, shape);
    pending.push(...refs);
  }
  const service_: Json = {};
  for (const k of ['serviceId', 'apiVersion', 'targetPrefix', 'jsonVersion', 'signingName']) {
    service_[k] = meta[k];
  }
  const names = Object.keys(operations);
  const lines = [
    '// GENERATED FILE, do not edit: run `npx tsx scripts/generate-model.ts` to regenerate.',
    `// Source: botocore service model ${String(meta.uid)}, shapes reachable from inputs only.`,
    '',
    "export type ShapeType = 'structure' | 'list' | 'map' | 'string' | 'blob' | 'integer'",
    "  | 'long' | 'float' | 'double' | 'boolean' | 'timestamp';",
    '',
    '/** One model shape. Unions are structures with `union: true`. */',
    'export interface Shape {',
    '  readonly type: ShapeType;',
    '  readonly members?: Readonly<Record<string, string>>;',
    '  readonly required?: readonly string[];',
    '  readonly union?: true;',
    '  readonly member?: string;',
    '  readonly key?: string;',
    '  readonly value?: string;',
    '  readonly min?: number;',
    '  readonly max?: number;',
    '  readonly pattern?: string;',
    '  readonly enum?: readonly string[];',
    '  readonly sensitive?: true;',
    '}',
    '',
    'export interface Operation {',
    '  readonly input?: string;',
    '  readonly output?: string;',
    '}',
    '',
    print(service_, '', 'export const SERVICE = ', ' as const;'),
    '',
    print(names, '', 'export const OPERATION_NAMES = ', ' as const;'),
    '',
    'export type OperationName = (typeof OPERATION_NAMES)[number];',
    '',
    'export const OPERATIONS: Readonly<Record<OperationName, Operation>> = {',
    ...names.map((op) => print(operations[op], '  ', `${op}: `, ',')),
    '};',
    '',
    'export const SHAPES: Readonly<Record<string, Shape>> = {',
    ...[...shapes.keys()].sort().map((n) => print(shapes.get(n), '  ', `${key(n)}: `, ',')),
    '};',
    '',
  ];
  return lines.join('\n');
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const source = process.argv[2] ?? DEFAULT_SOURCE;
  writeFileSync(OUTPUT, generateModel(JSON.parse(readFileSync(source, 'utf8'))));
  process.stdout.write(`wrote ${OUTPUT}\n`);
}
