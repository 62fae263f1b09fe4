/**
 * Reads the fields ACM reports out of a DER certificate (RFC 5280 section 4.1) and turns
 * them into CertificateFacts. Only structure is checked here; policy (version, validity,
 * key types) is applied by import-material.ts.
 */
import type { CertificateFacts, ExtendedKeyUsage, KeyAlgorithm } from '../domain/certificate.ts';
import {
  children, decodeInteger, decodeOid, decodeTime, DerError, expect, readTlv, TAG, type Tlv,
} from './der.ts';
import {
  extendedKeyUsages, keyUsages, readExtensions, subjectAlternativeNames, type AlternativeName,
} from './extensions.ts';
import {
  attributeValues, formatName, OID_COMMON_NAME, OID_ORGANIZATION, readName,
  type DistinguishedName,
} from './names.ts';

export interface ParsedCertificate {
  /** 1, 2 or 3 (the DER field holds the version minus one). */
  version: number;
  serial: string;
  issuer: DistinguishedName;
  subject: DistinguishedName;
  notBefore: Date;
  notAfter: Date;
  signatureAlgorithm: string;
  subjectAlternativeNames: AlternativeName[];
  keyUsages: string[];
  extendedKeyUsages: ExtendedKeyUsage[];
}

const SIGNATURE_ALGORITHMS: Record<string, string> = {
  '1.2.840.113549.1.1.4': 'MD5WITHRSA',
  '1.2.840.113549.1.1.5': 'SHA1WITHRSA',
  '1.2.840.113549.1.1.11': 'SHA256WITHRSA',
  '1.2.840.113549.1.1.12': 'SHA384WITHRSA',
  '1.2.840.113549.1.1.13': 'SHA512WITHRSA',
  '1.2.840.113549.1.1.14': 'SHA224WITHRSA',
  '1.2.840.10045.4.1': 'SHA1WITHECDSA',
  '1.2.840.10045.4.3.1': 'SHA224WITHECDSA',
  '1.2.840.10045.4.3.2': 'SHA256WITHECDSA',
  '1.2.840.10045.4.3.3': 'SHA384WITHECDSA',
  '1.2.840.10045.4.3.4': 'SHA512WITHECDSA',
  '1.2.840.10040.4.3': 'SHA1WITHDSA',
  '2.16.840.1.101.3.4.3.2': 'SHA256WITHDSA',
  '1.3.101.112': 'ED25519',
  '1.3.101.113': 'ED448',
};

const OID_RSASSA_PSS = '1.2.840.113549.1.1.10';
const PSS_HASHES: Record<string, string> = {
  '1.3.14.3.2.26': 'SHA1',
  '2.16.840.1.101.3.4.2.4': 'SHA224',
  '2.16.840.1.101.3.4.2.1': 'SHA256',
  '2.16.840.1.101.3.4.2.2': 'SHA384',
  '2.16.840.1.101.3.4.2.3': 'SHA512',
};

/** Parses a DER certificate; throws DerError when its structure is not a certificate. */
export function parseCertificate(der: Buffer): ParsedCertificate {
  const [tbs, signatureAlgorithm] = children(readTlv(der), TAG.SEQUENCE);
  const fields = children(expect(tbs), TAG.SEQUENCE);
  let index = 0;
  let version = 1;
  if (fields[0]?.tag === 0xa0) {
    version = decodeInteger(expect(children(fields[0])[0])) + 1;
    index = 1;
  }
  const serial = formatSerial(expect(fields[index], TAG.INTEGER).value);
  const issuer = readName(expect(fields[index + 2]));
  const validity = children(expect(fields[index + 3]), TAG.SEQUENCE);
  const subject = readName(expect(fields[index + 4]));
  expect(fields[index + 5], TAG.SEQUENCE);
  const extensions = readExtensions(fields.slice(index + 6).find((f) => f.tag === 0xa3));
  return {
    version,
    serial,
    issuer,
    subject,
    notBefore: decodeTime(expect(validity[0])),
    notAfter: decodeTime(expect(validity[1])),
    signatureAlgorithm: signatureAlgorithmName(expect(signatureAlgorithm, TAG.SEQUENCE)),
    subjectAlternativeNames: subjectAlternativeNames(extensions),
    keyUsages: keyUsages(extensions),
    extendedKeyUsages: extendedKeyUsages(extensions),
  };
}

/**
 * Lower-case hex octets joined by colons. DER integers are signed, so a positive serial whose
 * first octet has the high bit set carries a 00 sign octet that is not part of the number.
 */
function formatSerial(bytes: Buffer): string {
  if (bytes.length === 0) throw new DerError('Empty serial number.');
  const significant = bytes.length > 1 && bytes[0] === 0 && (bytes[1] & 0x80) !== 0
    ? bytes.subarray(1)
    : bytes;
  return [...significant].map((byte) => byte.toString(16).padStart(2, '0')).join(':');
}

function signatureAlgorithmName(algorithm: Tlv): string {
  const [oidTlv, parameters] = children(algorithm);
  const oid = decodeOid(oidTlv);
  if (oid !== OID_RSASSA_PSS) return SIGNATURE_ALGORITHMS[oid] ?? oid;
  // RFC 4055 section 3.1: hashAlgorithm is [0] and defaults to SHA-1.
  let hash = 'SHA1';
  const hashField = parameters && children(parameters, TAG.SEQUENCE).find((f) => f.tag === 0xa0);
  if (hashField) {
    const hashOid = decodeOid(children(expect(children(hashField)[0]), TAG.SEQUENCE)[0]);
    hash = PSS_HASHES[hashOid] ?? hashOid;
  }
  return `${hash}WITHRSAANDMGF1`;
}

/** What ACM reports about a certificate whose key algorithm has already been established. */
export function certificateFacts(
  parsed: ParsedCertificate,
  keyAlgorithm: KeyAlgorithm,
): CertificateFacts {
  const commonNames = attributeValues(parsed.subject, OID_COMMON_NAME);
  // Several CNs are legal; the last is the most specific, as TLS clients read it.
  const commonName = commonNames[commonNames.length - 1];
  const sans = parsed.subjectAlternativeNames.map((name) => name.value);
  // DNS names compare case-insensitively (RFC 4343), so `WWW.example.com` is already listed.
  const listed = sans.some((name) => name.toLowerCase() === commonName?.toLowerCase());
  if (commonName !== undefined && !listed) sans.unshift(commonName);
  const firstDnsName = parsed.subjectAlternativeNames.find((name) => name.kind === 'DNS');
  return {
    domainName: commonName ?? firstDnsName?.value ?? parsed.subjectAlternativeNames[0]?.value,
    subjectAlternativeNames: sans,
    subject: formatName(parsed.subject),
    issuer: issuerDisplayName(parsed.issuer),
    serial: parsed.serial,
    notBefore: parsed.notBefore,
    notAfter: parsed.notAfter,
    keyAlgorithm,
    signatureAlgorithm: parsed.signatureAlgorithm,
    keyUsages: parsed.keyUsages,
    extendedKeyUsages: parsed.extendedKeyUsages,
  };
}

/** ACM shows the issuing organisation ("Amazon"), else the issuer CN, else the whole DN. */
function issuerDisplayName(issuer: DistinguishedName): string {
  return attributeValues(issuer, OID_ORGANIZATION)[0]
    ?? attributeValues(issuer, OID_COMMON_NAME)[0]
    ?? formatName(issuer);
}
