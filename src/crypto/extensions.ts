/**
 * The certificate extensions ACM reports: subject alternative names (RFC 5280 section
 * 4.2.1.6), key usage (4.2.1.3) and extended key usage (4.2.1.12), in ACM's vocabulary.
 */
import type { ExtendedKeyUsage } from '../domain/certificate.ts';
import { children, decodeOid, DerError, expect, readTlv, TAG, type Tlv } from './der.ts';

export const OID_SUBJECT_ALT_NAME = '2.5.29.17';
export const OID_KEY_USAGE = '2.5.29.15';
export const OID_EXTENDED_KEY_USAGE = '2.5.29.37';

/** ACM's KeyUsageName values in KeyUsage bit order (bit 0 = digitalSignature). */
const KEY_USAGE_BITS = [
  'DIGITAL_SIGNATURE', 'NON_REPUDIATION', 'KEY_ENCIPHERMENT', 'DATA_ENCIPHERMENT',
  'KEY_AGREEMENT', 'CERTIFICATE_SIGNING', 'CRL_SIGNING', 'ENCIPHER_ONLY', 'DECIPHER_ONLY',
] as const;

const EXTENDED_KEY_USAGES: Record<string, string> = {
  '1.3.6.1.5.5.7.3.1': 'TLS_WEB_SERVER_AUTHENTICATION',
  '1.3.6.1.5.5.7.3.2': 'TLS_WEB_CLIENT_AUTHENTICATION',
  '1.3.6.1.5.5.7.3.3': 'CODE_SIGNING',
  '1.3.6.1.5.5.7.3.4': 'EMAIL_PROTECTION',
  '1.3.6.1.5.5.7.3.5': 'IPSEC_END_SYSTEM',
  '1.3.6.1.5.5.7.3.6': 'IPSEC_TUNNEL',
  '1.3.6.1.5.5.7.3.7': 'IPSEC_USER',
  '1.3.6.1.5.5.7.3.8': 'TIME_STAMPING',
  '1.3.6.1.5.5.7.3.9': 'OCSP_SIGNING',
  '2.5.29.37.0': 'ANY',
};

/** Extension values (the content of `extnValue`) keyed by OID. */
export type Extensions = Map<string, Buffer>;

/** Reads the `[3] EXPLICIT Extensions` field of a TBSCertificate. */
export function readExtensions(wrapper: Tlv | undefined): Extensions {
  const extensions: Extensions = new Map();
  if (!wrapper) return extensions;
  const [list] = children(wrapper, 0xa3);
  for (const extension of children(expect(list), TAG.SEQUENCE)) {
    const parts = children(extension, TAG.SEQUENCE);
    const oid = decodeOid(parts[0]);
    const value = parts[parts.length - 1];
    if (parts.length < 2 || value.tag !== TAG.OCTET_STRING) {
      throw new DerError('Malformed extension.');
    }
    // RFC 5280 section 4.2: a certificate must not carry two instances of one extension.
    if (extensions.has(oid)) throw new DerError('Duplicate certificate extension.');
    extensions.set(oid, value.value);
  }
  return extensions;
}

export interface AlternativeName {
  kind: 'DNS' | 'IP';
  value: string;
}

/** DNS names and IP addresses, in certificate order; other name forms are not reported. */
export function subjectAlternativeNames(extensions: Extensions): AlternativeName[] {
  const value = extensions.get(OID_SUBJECT_ALT_NAME);
  if (!value) return [];
  const names: AlternativeName[] = [];
  for (const name of children(readTlv(value), TAG.SEQUENCE)) {
    // GeneralName (RFC 5280 section 4.2.1.6): dNSName is [2], iPAddress is [7].
    if (name.tag === 0x82) names.push({ kind: 'DNS', value: name.value.toString('latin1') });
    else if (name.tag === 0x87) {
      const address = formatIpAddress(name.value);
      if (address) names.push({ kind: 'IP', value: address });
    }
  }
  return names;
}

export function formatIpAddress(bytes: Buffer): string | undefined {
  if (bytes.length === 4) return [...bytes].join('.');
  if (bytes.length !== 16) return undefined;
  const groups = Array.from({ length: 8 }, (_, i) => bytes.readUInt16BE(i * 2));
  // RFC 5952 section 4.2: shorten the longest run of two or more zero groups, first wins.
  let bestStart = -1;
  let bestLength = 1;
  for (let start = 0; start < 8; start += 1) {
    let length = 0;
    while (start + length < 8 && groups[start + length] === 0) length += 1;
    if (length > bestLength) [bestStart, bestLength] = [start, length];
  }
  const hex = groups.map((group) => group.toString(16));
  if (bestStart < 0) return hex.join(':');
  const head = hex.slice(0, bestStart).join(':');
  const tail = hex.slice(bestStart + bestLength).join(':');
  return `${head}::${tail}`;
}

export function keyUsages(extensions: Extensions): string[] {
  const value = extensions.get(OID_KEY_USAGE);
  if (!value) return [];
  const bits = readTlv(value, TAG.BIT_STRING).value;
  if (bits.length === 0 || bits[0] > 7) throw new DerError('Malformed key usage.');
  return KEY_USAGE_BITS.filter((_, bit) => {
    const byte = bits[1 + (bit >> 3)];
    return byte !== undefined && (byte & (0x80 >> (bit & 7))) !== 0;
  });
}

export function extendedKeyUsages(extensions: Extensions): ExtendedKeyUsage[] {
  const value = extensions.get(OID_EXTENDED_KEY_USAGE);
  if (!value) return [];
  return children(readTlv(value), TAG.SEQUENCE).map((purpose) => {
    const oid = decodeOid(purpose);
    return { name: EXTENDED_KEY_USAGES[oid] ?? 'CUSTOM', oid };
  });
}
