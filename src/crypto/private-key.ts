/**
 * Key checks for ImportCertificate: which key algorithms ACM accepts, reading the private key
 * in the PEM formats ACM takes, and proving it belongs to the certificate. No message built
 * here ever includes key bytes.
 */
import { createPrivateKey, type KeyObject, type X509Certificate } from 'node:crypto';
import type { KeyAlgorithm } from '../domain/certificate.ts';
import { fail } from '../domain/errors.ts';
import { parsePem, PemError, type PemBlock } from './pem.ts';

export const MESSAGES = {
  keyUnparseable: 'Unable to parse the private key. Please ensure it is an unencrypted private '
    + 'key in PEM format (PKCS#8, PKCS#1 or SEC1).',
  keyEncrypted: 'Encrypted private keys are not supported. Please supply an unencrypted '
    + 'private key.',
  keyMultiple: 'The private key field contains more than one private key. You can specify only '
    + 'one private key in this field.',
  keyMismatch: 'The private key does not match the public key in the certificate.',
} as const;

const RSA_SIZES = new Set([1024, 2048, 3072, 4096]);
const EC_CURVES: Record<string, KeyAlgorithm> = {
  prime256v1: 'EC_prime256v1',
  secp384r1: 'EC_secp384r1',
  secp521r1: 'EC_secp521r1',
};

/** PEM labels of unencrypted keys and the node:crypto DER type each one holds. */
const KEY_FORMATS: Record<string, 'pkcs8' | 'pkcs1' | 'sec1'> = {
  'PRIVATE KEY': 'pkcs8',
  'RSA PRIVATE KEY': 'pkcs1',
  'EC PRIVATE KEY': 'sec1',
};

/** The certificate's key algorithm in ACM's spelling, or a ValidationException naming it. */
export function keyAlgorithmOf(certificate: X509Certificate): KeyAlgorithm {
  let key: KeyObject;
  try {
    key = certificate.publicKey;
  } catch {
    throw unsupportedAlgorithm('unrecognised');
  }
  const details = key.asymmetricKeyDetails ?? {};
  const bits = details.modulusLength;
  switch (key.asymmetricKeyType) {
    case 'rsa':
      if (bits !== undefined && RSA_SIZES.has(bits)) return `RSA_${bits}` as KeyAlgorithm;
      throw unsupportedAlgorithm(`RSA ${bits ?? 'unknown size'}`);
    case 'ec': {
      const curve = details.namedCurve;
      if (curve !== undefined && EC_CURVES[curve]) return EC_CURVES[curve];
      throw unsupportedAlgorithm(`EC ${curve ?? 'with explicit parameters'}`);
    }
    case 'rsa-pss':
      throw unsupportedAlgorithm(`RSA-PSS ${bits ?? 'unknown size'}`);
    case 'dsa':
      throw unsupportedAlgorithm(`DSA ${bits ?? 'unknown size'}`);
    case 'ed25519':
      throw unsupportedAlgorithm('Ed25519');
    case 'ed448':
      throw unsupportedAlgorithm('Ed448');
    default:
      throw unsupportedAlgorithm(String(key.asymmetricKeyType ?? 'unrecognised').toUpperCase());
  }
}

function unsupportedAlgorithm(name: string) {
  return fail('ValidationException', `The certificate key algorithm (${name}) is not supported; `
    + 'supported algorithms are RSA 1024, 2048, 3072 or 4096 bits and EC P-256, P-384 or P-521.');
}

/** Reads an unencrypted PEM private key (PKCS#8, PKCS#1 or SEC1). */
export function readPrivateKey(input: Buffer): KeyObject {
  let blocks: PemBlock[];
  try {
    blocks = parsePem(input.toString('utf8'));
  } catch (error) {
    if (error instanceof PemError) throw fail('ValidationException', MESSAGES.keyUnparseable);
    throw error;
  }
  // `openssl ecparam -genkey` writes the curve as its own block before the key.
  const keys = blocks.filter((block) => block.label !== 'EC PARAMETERS');
  // RFC 5958 section 3 (PKCS#8) and RFC 1421 section 4.6.1.1 (legacy Proc-Type) encryption.
  const encrypted = keys.some((block) => block.label === 'ENCRYPTED PRIVATE KEY'
    || /ENCRYPTED/i.test(block.headers['Proc-Type'] ?? ''));
  if (encrypted) throw fail('ValidationException', MESSAGES.keyEncrypted);
  if (keys.length > 1) throw fail('ValidationException', MESSAGES.keyMultiple);
  const type = keys.length === 1 ? KEY_FORMATS[keys[0].label] : undefined;
  if (type === undefined) throw fail('ValidationException', MESSAGES.keyUnparseable);
  try {
    return createPrivateKey({ key: keys[0].der, format: 'der', type });
  } catch (error) {
    // An encrypted PKCS#8 structure mislabelled as `PRIVATE KEY` asks for a passphrase.
    if ((error as { code?: string }).code === 'ERR_MISSING_PASSPHRASE') {
      throw fail('ValidationException', MESSAGES.keyEncrypted);
    }
    throw fail('ValidationException', MESSAGES.keyUnparseable);
  }
}

/** Refuses a key that is not the private half of the certificate's public key. */
export function assertKeyMatches(certificate: X509Certificate, key: KeyObject): void {
  let matches = false;
  try {
    matches = certificate.checkPrivateKey(key);
  } catch {
    // Different key types make OpenSSL throw rather than answer false.
    matches = false;
  }
  if (!matches) throw fail('ValidationException', MESSAGES.keyMismatch);
}

/** The normalised form openacm stores: unencrypted PKCS#8 PEM. */
export function toPkcs8Pem(key: KeyObject): string {
  return key.export({ format: 'pem', type: 'pkcs8' }).toString();
}
