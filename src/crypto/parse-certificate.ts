/**
 * Reads the fields ACM reports out of a DER certificate (RFC 5280 section 4.1) and turns
 * them into CertificateFacts. Only structure is checked here; policy (version, validity,
 * key types) is applied by import-material.ts.
 *
 * @peculiar/x509 gives the serial number and validity. The version, the names attribute by
 * attribute and the signature algorithm's OID are not exposed by it, so those are read from
 * the @peculiar/asn1-x509 model it is built on.
 */
import 'reflect-metadata';
import { AsnConvert } from '@peculiar/asn1-schema';
import { RsaSaPssParams } from '@peculiar/asn1-rsa';
import { Certificate, type AlgorithmIdentifier } from '@peculiar/asn1-x509';
import * as x509 from '@peculiar/x509';
import type { CertificateFacts, ExtendedKeyUsage, KeyAlgorithm } from '../domain/certificate.ts';
import { readExtensions, type AlternativeName } from './extensions.ts';
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
  ocspUrls: string[];
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

/** Parses a DER certificate; throws when its structure is not a certificate. */
export function parseCertificate(der: Buffer): ParsedCertificate {
  const asn = AsnConvert.parse(der, Certificate);
  const certificate = new x509.X509Certificate(asn);
  const tbs = asn.tbsCertificate;
  assertValidityReadBack(asn);
  // RFC 5280 section 4.1.1.2: the algorithm outside must be the one signed inside, or the
  // certificate would report an algorithm its signature was not made with.
  if (!Buffer.from(AsnConvert.serialize(tbs.signature))
    .equals(Buffer.from(AsnConvert.serialize(asn.signatureAlgorithm)))) {
    throw new Error('Mismatched signature algorithms.');
  }
  const extensions = readExtensions(tbs.extensions);
  return {
    version: tbs.version + 1,
    serial: formatSerial(certificate.serialNumber),
    issuer: readName(tbs.issuer),
    subject: readName(tbs.subject),
    notBefore: certificate.notBefore,
    notAfter: certificate.notAfter,
    signatureAlgorithm: signatureAlgorithmName(asn.signatureAlgorithm),
    ...extensions,
  };
}

/**
 * The ASN.1 library turns times into Dates without checking the calendar: it rolls 31
 * February over into March and reads a UTCTime without seconds as a year in the 1800s. A
 * validity it read correctly encodes back to the very bytes the certificate holds.
 */
function assertValidityReadBack(asn: Certificate): void {
  const validity = Buffer.from(AsnConvert.serialize(asn.tbsCertificate.validity));
  if (!asn.tbsCertificateRaw || !Buffer.from(asn.tbsCertificateRaw).includes(validity)) {
    throw new Error('Malformed certificate validity.');
  }
}

/** Lower-case hex octets joined by colons; x509 has already dropped the DER sign octet. */
function formatSerial(hex: string): string {
  const octets = hex.toLowerCase().match(/../g);
  if (!octets) throw new Error('Empty serial number.');
  return octets.join(':');
}

function signatureAlgorithmName(algorithm: AlgorithmIdentifier): string {
  if (algorithm.algorithm !== OID_RSASSA_PSS) {
    return SIGNATURE_ALGORITHMS[algorithm.algorithm] ?? algorithm.algorithm;
  }
  // RFC 4055 section 3.1: absent parameters, or an absent hashAlgorithm, mean SHA-1; the
  // schema supplies that default.
  const parameters = algorithm.parameters
    ? AsnConvert.parse(algorithm.parameters, RsaSaPssParams)
    : new RsaSaPssParams();
  const hashOid = parameters.hashAlgorithm.algorithm;
  return `${PSS_HASHES[hashOid] ?? hashOid}WITHRSAANDMGF1`;
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
