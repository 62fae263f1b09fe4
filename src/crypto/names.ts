/**
 * X.501 distinguished names (RFC 5280 section 4.1.2.4) as ACM prints them: RDNs in the order
 * the certificate stores them, `TYPE=value` joined by commas without spaces, multi-valued RDNs
 * joined by `+`, values escaped as RFC 4514 section 2.4 requires. Decoding is done by
 * @peculiar/asn1-x509; @peculiar/x509's own Name printing is not used because it separates
 * RDNs with `, ` and knows only a few short names.
 */
import {
  AsnConvert, AsnProp, AsnPropTypes, AsnType, AsnTypeTypes,
} from '@peculiar/asn1-schema';
import type { Name } from '@peculiar/asn1-x509';

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

/**
 * The two text types asn1-x509's AttributeValue leaves undecoded (it keeps them as raw DER in
 * `anyValue`), declared as an asn1-schema CHOICE so the library decodes them too. Its
 * decorators are the legacy kind, which this project's compiler settings do not enable, so
 * they are applied as plain calls.
 */
class PlainString {
  numericString?: string;
  visibleString?: string;
}
AsnType({ type: AsnTypeTypes.Choice })(PlainString);
AsnProp({ type: AsnPropTypes.NumericString })(PlainString.prototype, 'numericString');
AsnProp({ type: AsnPropTypes.VisibleString })(PlainString.prototype, 'visibleString');

/** The attributes of a name the library has parsed, with their values as text. */
export function readName(name: Name): DistinguishedName {
  return name.map((rdn) => {
    // X.501 defines an RDN as a SET SIZE (1..MAX); the library accepts an empty one.
    if (rdn.length === 0) throw new Error('Empty relative distinguished name.');
    return rdn.map(({ type, value }) => {
      if (value.anyValue === undefined) return { oid: type, value: value.toString() };
      // asn1-schema hands an ASN.1 NULL over as null instead of its encoding.
      const der = value.anyValue === null ? NULL_DER : Buffer.from(value.anyValue);
      const text = plainText(der);
      return text === undefined
        ? { oid: type, value: `#${der.toString('hex')}`, hex: true }
        : { oid: type, value: text };
    });
  });
}

const NULL_DER = Buffer.from([0x05, 0x00]);

function plainText(der: Buffer): string | undefined {
  try {
    const plain = AsnConvert.parse(der, PlainString);
    return plain.numericString ?? plain.visibleString;
  } catch {
    return undefined;
  }
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
