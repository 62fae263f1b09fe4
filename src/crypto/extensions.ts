/**
 * The certificate extensions ACM reports: subject alternative names (RFC 5280 section
 * 4.2.1.6), key usage (4.2.1.3) and extended key usage (4.2.1.12), in ACM's vocabulary.
 *
 * The values are decoded with @peculiar/asn1-x509 rather than @peculiar/x509's extension
 * classes: those decode every extension of a certificate at once and refuse SAN name forms
 * they do not model (an SRVName otherName, say), and ACM reports only these three.
 */
import { isIP } from 'node:net';
import { AsnConvert } from '@peculiar/asn1-schema';
import {
  AuthorityInfoAccessSyntax, ExtendedKeyUsage, id_ad_ocsp, id_ce_extKeyUsage, id_ce_keyUsage,
  id_ce_subjectAltName, id_pe_authorityInfoAccess, KeyUsage, SubjectAlternativeName,
  type Extension,
} from '@peculiar/asn1-x509';
import type { ExtendedKeyUsage as AcmExtendedKeyUsage } from '../domain/certificate.ts';

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

export interface AlternativeName {
  kind: 'DNS' | 'IP';
  value: string;
}

export interface ReportedExtensions {
  subjectAlternativeNames: AlternativeName[];
  keyUsages: string[];
  extendedKeyUsages: AcmExtendedKeyUsage[];
  /** OCSP responder URLs of the Authority Information Access extension (RFC 5280 4.2.2.1). */
  ocspUrls: string[];
}

/** Decodes the reported extensions out of a certificate's extension list. */
export function readExtensions(extensions: readonly Extension[] = []): ReportedExtensions {
  const values = new Map<string, ArrayBuffer>();
  for (const extension of extensions) {
    // RFC 5280 section 4.2: a certificate must not carry two instances of one extension.
    if (values.has(extension.extnID)) throw new Error('Duplicate certificate extension.');
    values.set(extension.extnID, extension.extnValue.buffer);
  }
  const san = values.get(id_ce_subjectAltName);
  const keyUsage = values.get(id_ce_keyUsage);
  const extendedKeyUsage = values.get(id_ce_extKeyUsage);
  const access = values.get(id_pe_authorityInfoAccess);
  return {
    subjectAlternativeNames: san ? alternativeNames(AsnConvert.parse(san, SubjectAlternativeName))
      : [],
    keyUsages: keyUsage ? keyUsageNames(AsnConvert.parse(keyUsage, KeyUsage)) : [],
    extendedKeyUsages: extendedKeyUsage
      ? extendedKeyUsageNames(AsnConvert.parse(extendedKeyUsage, ExtendedKeyUsage))
      : [],
    ocspUrls: access ? ocspUrls(AsnConvert.parse(access, AuthorityInfoAccessSyntax)) : [],
  };
}

function ocspUrls(access: AuthorityInfoAccessSyntax): string[] {
  return access.filter((entry) => entry.accessMethod === id_ad_ocsp)
    .map((entry) => entry.accessLocation.uniformResourceIdentifier)
    .filter((url): url is string => url !== undefined);
}

/** DNS names and IP addresses, in certificate order; other name forms are not reported. */
export function alternativeNames(names: SubjectAlternativeName): AlternativeName[] {
  const found: AlternativeName[] = [];
  for (const name of names) {
    if (name.dNSName !== undefined) {
      // An IA5String holds ASCII only; the library hands other octets over as Latin-1.
      if (!/^[\x00-\x7f]*$/.test(name.dNSName)) throw new Error('dNSName is not IA5.');
      found.push({ kind: 'DNS', value: name.dNSName });
    }
    // The library prints 4 and 16 octets as addresses (RFC 5952 text for IPv6) and other
    // lengths as address/mask or hex; only real addresses are names.
    else if (name.iPAddress !== undefined && isIP(name.iPAddress) !== 0) {
      found.push({ kind: 'IP', value: name.iPAddress });
    }
  }
  return found;
}

/**
 * The usages of a KeyUsage extension. RFC 5280 section 4.2.1.3 requires at least one bit:
 * one without any would be reported as no extension, which permits every usage.
 */
export function keyUsageNames(usage: KeyUsage): string[] {
  // toNumber() gives bit n of the BIT STRING the value 2^n, as KeyUsageFlags does.
  const flags = usage.toNumber();
  const names = KEY_USAGE_BITS.filter((_, bit) => (flags & (1 << bit)) !== 0);
  if (names.length === 0) throw new Error('KeyUsage extension without a usage.');
  return names;
}

/** Dotted decimal, as every OID of the model's examples is written. */
const DOTTED_OID = /^[0-2](\.(0|[1-9][0-9]*))+$/;

/**
 * The purposes of an ExtendedKeyUsage extension: SIZE (1..MAX) in RFC 5280 section 4.2.1.12,
 * since an empty one would be reported as none, which permits every purpose.
 */
export function extendedKeyUsageNames(usages: ExtendedKeyUsage): AcmExtendedKeyUsage[] {
  if (usages.length === 0) throw new Error('ExtendedKeyUsage extension without a purpose.');
  return usages.map((oid) => {
    // The library writes arcs it cannot hold in a number as `{hex}`, and none as ''.
    if (!DOTTED_OID.test(oid)) throw new Error('Malformed ExtendedKeyUsage OID.');
    return { name: EXTENDED_KEY_USAGES[oid] ?? 'CUSTOM', oid };
  });
}
