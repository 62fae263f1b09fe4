/**
 * DER written byte by byte, for certificates and keys that no generator produces: odd
 * serials, string types, extension values and algorithm identifiers that disagree. Every
 * function returns DER; `pem` wraps it.
 */
import { createPublicKey, sign, type KeyObject } from 'node:crypto';

/** One DER TLV; lengths up to 65,535 octets. */
export function tlv(tag: number, ...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  const n = body.length;
  if (n > 0xffff) throw new Error('tlv() writes lengths up to 65,535 octets.');
  const length = n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : [0x82, n >> 8, n & 0xff];
  return Buffer.concat([Buffer.from([tag, ...length]), body]);
}

export const hex = (text: string): Buffer => Buffer.from(text, 'hex');
/** An OBJECT IDENTIFIER from the hex of its encoded arcs. */
export const oid = (encoded: string): Buffer => tlv(0x06, hex(encoded));
/** A DER INTEGER of the unsigned big-endian octets given. */
export const int = (octets: Buffer): Buffer =>
  tlv(0x02, octets[0]! & 0x80 ? Buffer.concat([hex('00'), octets]) : octets);
export const b64url = (text: string | undefined): Buffer => Buffer.from(text ?? '', 'base64url');

export const ALGORITHM = {
  sha256Rsa: tlv(0x30, oid('2a864886f70d01010b'), hex('0500')),
  sha384Rsa: tlv(0x30, oid('2a864886f70d01010c'), hex('0500')),
  sha256Ecdsa: tlv(0x30, oid('2a8648ce3d040302')),
  ed25519: tlv(0x30, oid('2b6570')),
  dsaSha256: tlv(0x30, oid('608648016503040302')),
};

/** Encoded OIDs of the name attribute and extensions the tests write. */
export const OID = { cn: '550403', o: '55040a', san: '551d11', ku: '551d0f', eku: '551d25' };

export const attribute = (type: string, tag: number, value: Buffer): Buffer =>
  tlv(0x30, oid(type), tlv(tag, value));
/** A Name of RDNs, each a list of attributes. */
export const name = (...rdns: Buffer[][]): Buffer =>
  tlv(0x30, ...rdns.map((rdn) => tlv(0x31, ...rdn)));
export const cn = (tag: number, value: Buffer): Buffer => name([attribute(OID.cn, tag, value)]);
export const utf8Cn = (text: string): Buffer => cn(0x0c, Buffer.from(text));
export const extension = (type: string, value: Buffer, critical = false): Buffer =>
  tlv(0x30, oid(type), critical ? hex('0101ff') : Buffer.alloc(0), tlv(0x04, value));
export const dns = (value: string | Buffer): Buffer =>
  tlv(0x82, Buffer.isBuffer(value) ? value : Buffer.from(value));
export const san = (...names: Buffer[]): Buffer => extension(OID.san, tlv(0x30, ...names));

export interface DerShape {
  key: KeyObject;
  /** Subject public key info; the key's own by default. */
  spki?: Buffer;
  serial?: Buffer;
  /** The signature algorithm inside the signed part; the key's usual one by default. */
  inner?: Buffer;
  /** The signature algorithm outside; the inner one by default. */
  outer?: Buffer;
  issuer?: Buffer;
  subject?: Buffer;
  notBefore?: Date;
  notAfter?: Date;
  /** A SAN of `der.example.com` by default. */
  extensions?: Buffer[];
  /** The key that signs; `key` by default (self-signed). */
  signer?: KeyObject;
}

const DAY = 86_400_000;

/** UTCTime for years up to 2049, GeneralizedTime after, as RFC 5280 section 4.1.2.5 says. */
function time(date: Date): Buffer {
  const digits = date.toISOString().replace(/[-:T]|\.\d+/g, '');
  return date.getUTCFullYear() < 2050
    ? tlv(0x17, Buffer.from(digits.slice(2))) : tlv(0x18, Buffer.from(digits));
}

/** A version 3 certificate, valid from yesterday for 30 days unless told otherwise. */
export function derCertificate(shape: DerShape): Buffer {
  const { key } = shape;
  const inner = shape.inner
    ?? (key.asymmetricKeyType === 'ec' ? ALGORITHM.sha256Ecdsa : ALGORITHM.sha256Rsa);
  const now = Date.now();
  const tbs = tlv(0x30, tlv(0xa0, tlv(0x02, hex('02'))), shape.serial ?? tlv(0x02, hex('1234')),
    inner, shape.issuer ?? utf8Cn('Hostile DER CA'),
    tlv(0x30, time(shape.notBefore ?? new Date(now - DAY)),
      time(shape.notAfter ?? new Date(now + 30 * DAY))),
    shape.subject ?? utf8Cn('der.example.com'),
    shape.spki ?? createPublicKey(key).export({ format: 'der', type: 'spki' }),
    tlv(0xa3, tlv(0x30, ...(shape.extensions ?? [san(dns('der.example.com'))]))));
  const signature = sign('sha256', tbs, shape.signer ?? key);
  return tlv(0x30, tbs, shape.outer ?? inner, tlv(0x03, hex('00'), signature));
}

export function pem(label: string, der: Buffer): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}
