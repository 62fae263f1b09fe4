/**
 * A minimal DER reader (X.690) for the few certificate fields openacm reports. It reads
 * definite-length, low-tag-number elements only, which is all RFC 5280 certificates use in
 * the places we look; anything else is reported as malformed rather than guessed at.
 */

export const TAG = {
  BOOLEAN: 0x01,
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  UTF8_STRING: 0x0c,
  SEQUENCE: 0x30,
  SET: 0x31,
  UTC_TIME: 0x17,
  GENERALIZED_TIME: 0x18,
} as const;

/** Malformed DER. The message describes structure only, never content. */
export class DerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DerError';
  }
}

export interface Tlv {
  /** The identifier octet: class, constructed bit and tag number together. */
  tag: number;
  value: Buffer;
  /** The whole element, header included. */
  raw: Buffer;
}

function readAt(input: Buffer, offset: number): { tlv: Tlv; end: number } {
  if (offset + 2 > input.length) throw new DerError('Truncated DER element.');
  const tag = input[offset];
  if ((tag & 0x1f) === 0x1f) throw new DerError('Unsupported high-tag-number DER element.');
  let length = input[offset + 1];
  let header = 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    // Indefinite lengths (count 0) are BER only; X.690 section 10.1 forbids them in DER.
    if (count === 0 || count > 4) throw new DerError('Unsupported DER length encoding.');
    if (offset + 2 + count > input.length) throw new DerError('Truncated DER length.');
    length = 0;
    for (let i = 0; i < count; i += 1) length = length * 256 + input[offset + 2 + i];
    header += count;
  }
  const end = offset + header + length;
  if (end > input.length) throw new DerError('Truncated DER element.');
  return {
    tlv: { tag, value: input.subarray(offset + header, end), raw: input.subarray(offset, end) },
    end,
  };
}

/** Reads exactly one element spanning all of `input`. */
export function readTlv(input: Buffer, expectedTag?: number): Tlv {
  const { tlv, end } = readAt(input, 0);
  if (end !== input.length) throw new DerError('Trailing bytes after DER element.');
  return expect(tlv, expectedTag);
}

/** The elements inside a constructed element (SEQUENCE, SET, explicit tag). */
export function children(parent: Tlv, expectedTag?: number): Tlv[] {
  if (expectedTag !== undefined) expect(parent, expectedTag);
  if ((parent.tag & 0x20) === 0) throw new DerError('Expected a constructed DER element.');
  const items: Tlv[] = [];
  let offset = 0;
  while (offset < parent.value.length) {
    const { tlv, end } = readAt(parent.value, offset);
    items.push(tlv);
    offset = end;
  }
  return items;
}

export function expect(tlv: Tlv | undefined, tag?: number): Tlv {
  if (!tlv) throw new DerError('Missing DER element.');
  if (tag !== undefined && tlv.tag !== tag) {
    throw new DerError(`Unexpected DER tag 0x${tlv.tag.toString(16)}.`);
  }
  return tlv;
}

export function decodeOid(tlv: Tlv): string {
  const bytes = expect(tlv, TAG.OID).value;
  if (bytes.length === 0 || (bytes[bytes.length - 1] & 0x80) !== 0) {
    throw new DerError('Malformed object identifier.');
  }
  const arcs: bigint[] = [];
  let current = 0n;
  for (const byte of bytes) {
    current = (current << 7n) | BigInt(byte & 0x7f);
    if ((byte & 0x80) === 0) {
      arcs.push(current);
      current = 0n;
    }
  }
  // X.690 section 8.19.4: the first subidentifier packs the first two arcs.
  const first = arcs[0] < 40n ? 0n : arcs[0] < 80n ? 1n : 2n;
  return [first, arcs[0] - first * 40n, ...arcs.slice(1)].join('.');
}

export function decodeInteger(tlv: Tlv): number {
  const bytes = expect(tlv, TAG.INTEGER).value;
  if (bytes.length === 0 || bytes.length > 4) throw new DerError('Unsupported INTEGER size.');
  return bytes.readIntBE(0, bytes.length);
}

/** UTCTime and GeneralizedTime as RFC 5280 section 4.1.2.5 profiles them (UTC, `Z`). */
export function decodeTime(tlv: Tlv): Date {
  const text = tlv.value.toString('latin1');
  let match: RegExpExecArray | null;
  let year: number;
  if (tlv.tag === TAG.UTC_TIME) {
    match = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text);
    if (!match) throw new DerError('Malformed UTCTime.');
    // RFC 5280 section 4.1.2.5.1: two-digit years 50-99 are 19xx, 00-49 are 20xx.
    year = Number(match[1]) + (Number(match[1]) >= 50 ? 1900 : 2000);
  } else if (tlv.tag === TAG.GENERALIZED_TIME) {
    match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.\d+)?Z$/.exec(text);
    if (!match) throw new DerError('Malformed GeneralizedTime.');
    year = Number(match[1]);
  } else {
    throw new DerError('Expected a time value.');
  }
  const [month, day, hour, minute, second] = match.slice(2, 7).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  // Date.UTC silently rolls 31 February over into March; a certificate must not.
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day || hour > 23
    || minute > 59 || second > 59) {
    throw new DerError('Invalid calendar date.');
  }
  return date;
}
