/**
 * PEM reading and writing (RFC 7468, with the RFC 1421 headers that legacy encrypted keys
 * carry). Reading is lenient about layout (CRLF, indentation, text between blocks, which
 * RFC 7468 section 2 tells parsers to ignore) and strict about the base64 itself, so a
 * corrupted paste is reported instead of being silently decoded into different bytes.
 */

export interface PemBlock {
  /** The label between `BEGIN ` and the dashes, e.g. `CERTIFICATE`. */
  label: string;
  /** RFC 1421 headers such as `Proc-Type`, keyed by their name as written. */
  headers: Record<string, string>;
  der: Buffer;
}

/** Malformed PEM. Messages name the label and line only, never the encoded content. */
export class PemError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PemError';
  }
}

const BEGIN = /^-----BEGIN ([\x20-\x7e]*?)-----$/;
const END = /^-----END ([\x20-\x7e]*?)-----$/;
// RFC 7468 section 3: printable characters, single spaces or hyphens between them.
const LABEL = /^[\x21-\x2c\x2e-\x7e]+(?:[ -][\x21-\x2c\x2e-\x7e]+)*$/;
const BASE64_LINE = /^[A-Za-z0-9+/=]*$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const HEADER = /^([A-Za-z0-9-]+):\s*(.*)$/;

/** Splits PEM text into its blocks; text without any block gives an empty list. */
export function parsePem(text: string): PemBlock[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).map((line) => line.trim());
  const blocks: PemBlock[] = [];
  let index = 0;
  while (index < lines.length) {
    const begin = BEGIN.exec(lines[index]);
    if (!begin) {
      if (END.test(lines[index])) {
        throw new PemError(`PEM END line without BEGIN at line ${index + 1}.`);
      }
      index += 1;
      continue;
    }
    const label = begin[1];
    if (!LABEL.test(label)) throw new PemError(`Invalid PEM label at line ${index + 1}.`);
    const end = lines.indexOf(`-----END ${label}-----`, index + 1);
    if (end < 0) throw new PemError(`PEM block ${label} is not terminated.`);
    blocks.push(readBody(label, lines.slice(index + 1, end), index + 2));
    index = end + 1;
  }
  return blocks;
}

function readBody(label: string, body: string[], firstLine: number): PemBlock {
  const headers: Record<string, string> = {};
  let index = 0;
  // RFC 1421 section 4.4: headers come first and end with a blank line.
  while (index < body.length && HEADER.test(body[index])) {
    const [, name, value] = HEADER.exec(body[index]) as RegExpExecArray;
    headers[name] = value;
    index += 1;
  }
  let encoded = '';
  for (; index < body.length; index += 1) {
    if (!BASE64_LINE.test(body[index])) {
      throw new PemError(`Invalid base64 in PEM block ${label} at line ${firstLine + index}.`);
    }
    encoded += body[index];
  }
  if (encoded.length === 0 || encoded.length % 4 !== 0 || !BASE64.test(encoded)) {
    throw new PemError(`Invalid base64 in PEM block ${label}.`);
  }
  const der = Buffer.from(encoded, 'base64');
  // Non-zero padding bits decode "successfully" but mean the text was damaged.
  if (der.toString('base64') !== encoded) {
    throw new PemError(`Invalid base64 in PEM block ${label}.`);
  }
  return { label, headers, der };
}

/** Standard PEM: 64-column base64, `\n` line ends, trailing newline. */
export function toPem(label: string, der: Uint8Array): string {
  const encoded = Buffer.from(der.buffer, der.byteOffset, der.byteLength).toString('base64');
  const lines = encoded.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/**
 * Parses PEM bytes for one of ImportCertificate's fields; malformed PEM becomes the error the
 * caller names, so each field reports its own problem.
 */
export function parsePemField(input: Buffer, malformed: () => Error): PemBlock[] {
  try {
    return parsePem(input.toString('utf8'));
  } catch (error) {
    if (error instanceof PemError) throw malformed();
    throw error;
  }
}
