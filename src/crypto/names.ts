/**
 * X.501 distinguished names (RFC 5280 section 4.1.2.4) as ACM prints them: RDNs in the order
 * the certificate stores them, `TYPE=value` joined by commas without spaces, multi-valued RDNs
 * joined by `+`, values escaped as RFC 4514 section 2.4 requires.
 */
import { children, decodeOid, DerError, TAG, type Tlv } from './der.ts';

export interface NameAttribute {
  oid: string;
  value: string;
  /** The value is the `#hex` DER form because it is not a directory string. */
  hex?: boolean;
}

/** Relative distinguished names in certificate order; each holds one or more attributes. */
export type DistinguishedName = NameAttribute[][];

export const OID_COMMON_NAME = '2.5.4.3';
export const OID_ORGANIZATION = '2.5.4.10';

/** Short names in the style of the X.500 tooling ACM's output matches. */
const SHORT_NAMES: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.4': 'SURNAME',
  '2.5.4.5': 'SERIALNUMBER',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.9': 'STREET',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.12': 'T',
  '2.5.4.17': 'POSTALCODE',
  '2.5.4.42': 'GIVENNAME',
  '2.5.4.43': 'INITIALS',
  '2.5.4.44': 'GENERATION',
  '2.5.4.46': 'DN',
  '2.5.4.65': 'PSEUDONYM',
  '1.2.840.113549.1.9.1': 'E',
  '0.9.2342.19200300.100.1.1': 'UID',
  '0.9.2342.19200300.100.1.25': 'DC',
};

export function readName(tlv: Tlv): DistinguishedName {
  return children(tlv, TAG.SEQUENCE).map((rdn) => {
    const attributes = children(rdn, TAG.SET).map((pair) => {
      const [type, value] = children(pair, TAG.SEQUENCE);
      if (!value) throw new DerError('Name attribute without a value.');
      const text = decodeString(value);
      return text === undefined
        ? { oid: decodeOid(type), value: `#${value.raw.toString('hex')}`, hex: true }
        : { oid: decodeOid(type), value: text };
    });
    if (attributes.length === 0) throw new DerError('Empty relative distinguished name.');
    return attributes;
  });
}

/** Decodes the directory string types; undefined for other encodings. */
function decodeString(tlv: Tlv): string | undefined {
  switch (tlv.tag) {
    case TAG.UTF8_STRING:
      return tlv.value.toString('utf8');
    case 0x12: // NumericString
    case 0x13: // PrintableString
    case 0x14: // TeletexString, in practice always Latin-1
    case 0x16: // IA5String
    case 0x1a: // VisibleString
      return tlv.value.toString('latin1');
    case 0x1e: // BMPString: UTF-16 big-endian
      return Buffer.from(tlv.value).swap16().toString('utf16le');
    case 0x1c: // UniversalString: UTF-32 big-endian
      return decodeUtf32(tlv.value);
    default:
      return undefined;
  }
}

function decodeUtf32(bytes: Buffer): string {
  if (bytes.length % 4 !== 0) throw new DerError('Malformed UniversalString.');
  let text = '';
  for (let i = 0; i < bytes.length; i += 4) {
    const point = bytes.readUInt32BE(i);
    if (point > 0x10ffff) throw new DerError('Malformed UniversalString.');
    text += String.fromCodePoint(point);
  }
  return text;
}

export function formatName(name: DistinguishedName): string {
  return name
    .map((rdn) => rdn.map(({ oid, value, hex }) =>
      `${SHORT_NAMES[oid] ?? oid}=${hex ? value : escape(value)}`).join('+'))
    .join(',');
}

function escape(value: string): string {
  let escaped = value.replace(/[\\"+,;<>=]/g, (c) => `\\${c}`).replace(/\0/g, '\\00');
  if (escaped.startsWith('#') || escaped.startsWith(' ')) escaped = `\\${escaped}`;
  if (escaped.endsWith(' ')) escaped = `${escaped.slice(0, -1)}\\ `;
  return escaped;
}

/** Every value of one attribute type, in certificate order (RFC 4514 `#hex` when not text). */
export function attributeValues(name: DistinguishedName, oid: string): string[] {
  return name.flat().filter((attribute) => attribute.oid === oid).map((a) => a.value);
}
