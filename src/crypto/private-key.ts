/**
 * Key checks for ImportCertificate: which key algorithms ACM accepts, reading the private key
 * in the PEM formats ACM takes, and proving it belongs to the certificate. No message built
 * here ever includes key bytes.
 */
import {
  createPrivateKey, sign, verify, type KeyObject, type X509Certificate,
} from 'node:crypto';
import { AsnConvert } from '@peculiar/asn1-schema';
import { SubjectPublicKeyInfo } from '@peculiar/asn1-x509';
import type { KeyAlgorithm } from '../domain/certificate.ts';
import { fail } from '../domain/errors.ts';
import { parsePemField } from './pem.ts';

export const MESSAGES = {
  keyUnparseable: 'Unable to parse the private key. Please ensure it is an unencrypted private '
    + 'key in PEM format (PKCS#8, PKCS#1 or SEC1).',
  keyEncrypted: 'Encrypted private keys are not supported. Please supply an unencrypted '
    + 'private key.',
  keyMultiple: 'The private key field contains more than one private key. You can specify only '
    + 'one private key in this field.',
  keyMismatch: 'The private key does not match the public key in the certificate.',
  keyWithOtherBlocks: 'The private key field must contain only the private key; it also '
    + 'contains a PEM block of another kind (such as a certificate).',
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
      if (bits === undefined || !RSA_SIZES.has(bits)) {
        throw unsupportedAlgorithm(`RSA ${bits ?? 'unknown size'}`);
      }
      assertUsableExponent(details.publicExponent);
      return `RSA_${bits}` as KeyAlgorithm;
    case 'ec': {
      // OpenSSL names a curve given by explicit parameters when they equal a named one, but
      // RFC 5480 section 2.1.1 allows only a named curve in a certificate, and TLS clients
      // refuse the rest.
      const curve = hasNamedCurve(key) ? details.namedCurve : undefined;
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

/**
 * An RSA exponent of 1 makes the public operation the identity, so anyone could "sign" for
 * the key; an even exponent has no inverse. RFC 8017 section 3.1 requires 3 <= e < n, odd.
 */
function assertUsableExponent(exponent: bigint | undefined): void {
  if (exponent === undefined || exponent < 3n || exponent % 2n === 0n) {
    throw fail('ValidationException', 'The certificate\'s RSA public key is not valid: its '
      + 'public exponent must be an odd number of at least 3.');
  }
}

/** True when the key's algorithm parameters are a curve's OID, not the curve spelt out. */
function hasNamedCurve(key: KeyObject): boolean {
  const spki = AsnConvert.parse(key.export({ format: 'der', type: 'spki' }),
    SubjectPublicKeyInfo);
  const parameters = spki.algorithm.parameters;
  // The DER of an OBJECT IDENTIFIER starts with its tag, 6.
  return parameters !== undefined && parameters !== null
    && new Uint8Array(parameters)[0] === 0x06;
}

function unsupportedAlgorithm(name: string) {
  return fail('ValidationException', `The certificate key algorithm (${name}) is not supported; `
    + 'supported algorithms are RSA 1024, 2048, 3072 or 4096 bits and EC P-256, P-384 or P-521.');
}

/** Reads an unencrypted PEM private key (PKCS#8, PKCS#1 or SEC1). */
export function readPrivateKey(input: Buffer): KeyObject {
  const blocks = parsePemField(input, () => fail('ValidationException', MESSAGES.keyUnparseable));
  // `openssl ecparam -genkey` writes the curve as its own block before the key.
  const keys = blocks.filter((block) => block.label !== 'EC PARAMETERS');
  // RFC 5958 section 3 (PKCS#8) and RFC 1421 section 4.6.1.1 (legacy Proc-Type) encryption.
  const encrypted = keys.some((block) => block.label === 'ENCRYPTED PRIVATE KEY'
    || /ENCRYPTED/i.test(block.headers['Proc-Type'] ?? ''));
  if (encrypted) throw fail('ValidationException', MESSAGES.keyEncrypted);
  if (keys.length > 1 && keys.some((block) => KEY_FORMATS[block.label] === undefined)) {
    throw fail('ValidationException', MESSAGES.keyWithOtherBlocks);
  }
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

const POSSESSION_PROBE = Buffer.from('openacm: proof of possession of the private key');

/**
 * Refuses a key that is not the private half of the certificate's public key. OpenSSL's check
 * compares only the public parts a private key file carries, so a file holding the
 * certificate's public values beside a made-up (or zero) private value passes it; a
 * signature that the certificate's key verifies proves the private value too.
 */
export function assertKeyMatches(certificate: X509Certificate, key: KeyObject): void {
  let matches = false;
  try {
    matches = certificate.checkPrivateKey(key)
      && verify('sha256', POSSESSION_PROBE, certificate.publicKey,
        sign('sha256', POSSESSION_PROBE, key))
      && (key.asymmetricKeyType !== 'rsa' || rsaValuesAgree(key));
  } catch {
    // Different key types, or private values OpenSSL cannot compute with, throw.
    matches = false;
  }
  if (!matches) throw fail('ValidationException', MESSAGES.keyMismatch);
}

/**
 * OpenSSL signs with an RSA key's CRT values and never reads its private exponent, so a key
 * file whose `d` is wrong still signs; other TLS stacks compute with `d` or refuse such a key.
 * The relations of RFC 8017 section 3.2 must hold between all of its values.
 */
function rsaValuesAgree(key: KeyObject): boolean {
  const jwk = key.export({ format: 'jwk' });
  const value = (field: string | undefined) =>
    BigInt(`0x${Buffer.from(field ?? '', 'base64url').toString('hex') || '0'}`);
  const [n, e, d, p, q, dp, dq, qi] = [jwk.n, jwk.e, jwk.d, jwk.p, jwk.q, jwk.dp, jwk.dq,
    jwk.qi].map(value);
  if (p < 2n || q < 2n || p * q !== n) return false;
  const lambda = ((p - 1n) * (q - 1n)) / gcd(p - 1n, q - 1n);
  return (d * e) % lambda === 1n && (dp * e) % (p - 1n) === 1n && (dq * e) % (q - 1n) === 1n
    && (qi * q) % p === 1n;
}

function gcd(a: bigint, b: bigint): bigint {
  let [x, y] = [a, b];
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/**
 * The normalised form openacm stores: unencrypted PKCS#8 PEM. An EC key goes through JWK so
 * that its curve is stored by name even when the key file spelt out the curve's parameters.
 */
export function toPkcs8Pem(key: KeyObject): string {
  const normal = key.asymmetricKeyType === 'ec'
    ? createPrivateKey({ key: key.export({ format: 'jwk' }), format: 'jwk' })
    : key;
  return normal.export({ format: 'pem', type: 'pkcs8' }).toString();
}
