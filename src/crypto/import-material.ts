/**
 * ImportCertificate's material checks, as ACM documents them: one PEM X.509 v3 certificate
 * with a non-empty issuer, valid now, with a supported key; the matching unencrypted private
 * key; and an optional chain that certifies the certificate. Every refusal is a
 * ValidationException with a one-sentence message that never quotes key material.
 */
import type { CertificateFacts } from '../domain/certificate.ts';
import { fail } from '../domain/errors.ts';
import { exactCertificate, readChain } from './chain.ts';
import {
  certificateFacts, parseCertificate, type ParsedCertificate,
} from './parse-certificate.ts';
import { parsePemField, toPem } from './pem.ts';
import { assertKeyMatches, keyAlgorithmOf, readPrivateKey, toPkcs8Pem } from './private-key.ts';

export interface ImportMaterialInput {
  certificate: Buffer;
  privateKey: Buffer;
  chain?: Buffer;
}

export interface ImportMaterial {
  facts: CertificateFacts;
  /** The certificate re-encoded as standard PEM. */
  certificatePem: string;
  chainPem?: string;
  /** Unencrypted PKCS#8 PEM, whatever format was imported. */
  privateKeyPem: string;
}

export const IMPORT_MESSAGES = {
  certificateUnparseable: 'Unable to parse certificate. Please ensure the certificate is in PEM '
    + 'format.',
  certificateMultiple: 'The certificate field contains more than one certificate. You can '
    + 'specify only one certificate in this field.',
  notVersion3: 'The certificate must be an X.509 version 3 certificate.',
  emptyIssuer: 'The certificate issuer must not be empty.',
  ocspUrlTooLong: 'The OCSP authority URL of the certificate must not exceed 1000 characters.',
  noName: 'The certificate must contain a domain name or an IP address, in its subject or its '
    + 'subject alternative names.',
} as const;

const MAX_OCSP_URL_LENGTH = 1000;

/** ACM's domain name shapes allow 1 to 253 characters; control characters never. */
const MAX_NAME_LENGTH = 253;
/** Unicode's control characters (Cc): C0, DEL and C1, such as NEL and the 8-bit CSI. */
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;

export function readImportMaterial(input: ImportMaterialInput, now: Date): ImportMaterial {
  const der = readCertificateDer(input.certificate);
  const certificate = exactCertificate(der);
  let parsed: ParsedCertificate;
  try {
    if (!certificate) throw new Error('Not exactly one DER certificate.');
    parsed = parseCertificate(der);
  } catch {
    throw fail('ValidationException', IMPORT_MESSAGES.certificateUnparseable);
  }
  // RFC 5280 section 4.1.2.1: extensions, which ACM relies on, exist only in version 3.
  if (parsed.version !== 3) throw fail('ValidationException', IMPORT_MESSAGES.notVersion3);
  // RFC 5280 section 4.1.2.4: the issuer field must contain a non-empty name.
  if (parsed.issuer.length === 0) throw fail('ValidationException', IMPORT_MESSAGES.emptyIssuer);
  assertCurrentlyValid(parsed, now);
  if (parsed.ocspUrls.some((url) => url.length > MAX_OCSP_URL_LENGTH)) {
    throw fail('ValidationException', IMPORT_MESSAGES.ocspUrlTooLong);
  }
  const keyAlgorithm = keyAlgorithmOf(certificate);
  assertSignerFamily(keyAlgorithm, parsed.signatureAlgorithm);
  const privateKey = readPrivateKey(input.privateKey);
  assertKeyMatches(certificate, privateKey);
  const chainPem = input.chain && input.chain.length > 0
    ? readChain(input.chain, der)
    : undefined;
  const facts = certificateFacts(parsed, keyAlgorithm);
  // ACM's prerequisites: a certificate names the site it serves, by FQDN or IP address.
  if (facts.subjectAlternativeNames.length === 0) {
    throw fail('ValidationException', IMPORT_MESSAGES.noName);
  }
  assertUsableNames(facts.subjectAlternativeNames);
  return {
    facts,
    certificatePem: toPem('CERTIFICATE', der),
    ...(chainPem === undefined ? {} : { chainPem }),
    privateKeyPem: toPkcs8Pem(privateKey),
  };
}

function readCertificateDer(input: Buffer): Buffer {
  const blocks = parsePemField(input,
    () => fail('ValidationException', IMPORT_MESSAGES.certificateUnparseable));
  const certificates = blocks.filter((block) => block.label === 'CERTIFICATE');
  if (certificates.length > 1) {
    throw fail('ValidationException', IMPORT_MESSAGES.certificateMultiple);
  }
  // No block at all covers DER and arbitrary bytes; other labels (a key pasted into the
  // certificate field) are refused rather than ignored.
  if (certificates.length === 0 || blocks.length !== 1) {
    throw fail('ValidationException', IMPORT_MESSAGES.certificateUnparseable);
  }
  return certificates[0].der;
}

/**
 * Valid while NotBefore <= now < NotAfter. RFC 5280 section 4.1.2.5 counts NotAfter as still
 * valid, but statusAt() already reports EXPIRED at that instant, and an import must not
 * accept what the listing would show as expired.
 */
function assertCurrentlyValid(parsed: ParsedCertificate, now: Date): void {
  if (now.getTime() < parsed.notBefore.getTime()) {
    throw fail('ValidationException',
      `The certificate is not yet valid: it becomes valid at ${isoDate(parsed.notBefore)}.`);
  }
  if (now.getTime() >= parsed.notAfter.getTime()) {
    throw fail('ValidationException',
      `The certificate has expired: it expired at ${isoDate(parsed.notAfter)}.`);
  }
}

function isoDate(date: Date): string {
  return date.toISOString().replace('.000Z', 'Z');
}

/**
 * Names are shown back to clients as DomainName and SubjectAlternativeNames: one that no
 * client could use (a control character, or longer than any domain) is refused up front.
 */
function assertUsableNames(names: string[]): void {
  const bad = names.find((name) => name.length === 0 || name.length > MAX_NAME_LENGTH
    || CONTROL_CHARACTER.test(name));
  if (bad !== undefined) {
    const shown = JSON.stringify(bad.length > 64 ? `${bad.slice(0, 64)}...` : bad);
    throw fail('ValidationException', `The certificate contains a name that is not valid: `
      + `${shown}. Names must be at most ${MAX_NAME_LENGTH} characters without control `
      + 'characters.');
  }
}

/**
 * ACM's import rule: the certificate's key algorithm must match its signing CA's, RSA under
 * RSA and EC under ECDSA. The signature algorithm on the certificate names the CA's key type;
 * a DSA or EdDSA signer matches neither. An algorithm openacm does not know names no family.
 */
function assertSignerFamily(keyAlgorithm: string, signatureAlgorithm: string): void {
  const keyFamily = keyAlgorithm.startsWith('EC_') ? 'EC' : 'RSA';
  const signerFamily = /WITHECDSA$/.test(signatureAlgorithm) ? 'EC'
    : /WITHRSA(ANDMGF1)?$/.test(signatureAlgorithm) ? 'RSA'
      : /WITHDSA$/.test(signatureAlgorithm) ? 'DSA'
        : /^ED(25519|448)$/.test(signatureAlgorithm) ? 'EdDSA' : undefined;
  if (signerFamily !== undefined && signerFamily !== keyFamily) {
    throw fail('ValidationException', `The certificate key algorithm (${keyAlgorithm}) does not `
      + `match the algorithm of the CA that signed it (${signerFamily}). The certificate and `
      + 'its signing CA must both use RSA or both use EC keys.');
  }
}
