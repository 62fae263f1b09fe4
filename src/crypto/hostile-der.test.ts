/**
 * Hand-made DER that no certificate generator produces: odd serials, string types, broken or
 * empty extensions, algorithm identifiers that disagree, keys that only look like they match.
 * Every input either is refused with a ValidationException that says why, or is accepted and
 * described as it is.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject }
  from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  ALGORITHM, attribute, b64url, cn, derCertificate, dns, extension, hex, int, name, OID, oid,
  pem, san, tlv, utf8Cn, type DerShape,
} from '../../test/helpers/der.ts';
import { asImportInput, makeCa, makeCertificate } from '../../test/helpers/certs.ts';
import { AcmError } from '../domain/errors.ts';
import { CHAIN_MESSAGES } from './chain.ts';
import { IMPORT_MESSAGES, readImportMaterial, type ImportMaterial } from './import-material.ts';
import { parsePem } from './pem.ts';
import { MESSAGES } from './private-key.ts';

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
const ec = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey;
const NOW = new Date();
const { sha256Rsa: SHA256_RSA, sha384Rsa: SHA384_RSA, sha256Ecdsa: SHA256_ECDSA,
  ed25519: ED25519, dsaSha256: DSA_SHA256 } = ALGORITHM;

type Shape = Partial<DerShape>;
/** A certificate valid at NOW, self-signed by the RSA key unless told otherwise. */
const certificate = (shape: Shape = {}) => derCertificate({ key: rsa, ...shape });

const pkcs8 = (key: KeyObject) => key.export({ format: 'pem', type: 'pkcs8' }).toString();

function read(der: Buffer, privateKey: string = pkcs8(rsa)): ImportMaterial {
  return readImportMaterial({ certificate: Buffer.from(pem('CERTIFICATE', der)),
    privateKey: Buffer.from(privateKey) }, NOW);
}

/** The ValidationException message the import refuses with. */
function refusal(der: Buffer, privateKey?: string): string {
  let error: unknown;
  try {
    read(der, privateKey);
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(AcmError);
  expect((error as AcmError).kind).toBe('ValidationException');
  return (error as AcmError).message;
}

const UNPARSEABLE = IMPORT_MESSAGES.certificateUnparseable;
const badName = (shown: string) => `The certificate contains a name that is not valid: ${shown}. `
  + 'Names must be at most 253 characters without control characters.';

describe('serial numbers', () => {
  it.each([
    ['negative', 'ff', 'ff'],
    ['negative over several octets', '80000001', '80:00:00:01'],
    ['zero', '00', '00'],
    ['positive with its sign octet', '0080', '80'],
    ['of 21 octets', `7f${'11'.repeat(20)}`, `7f${':11'.repeat(20)}`],
  ])('accepts a %s serial and shows its octets', (_, octets, shown) => {
    expect(read(certificate({ serial: tlv(0x02, hex(octets)) })).facts.serial).toBe(shown);
  });

  it.each([
    ['empty', tlv(0x02, Buffer.alloc(0))],
    ['with a redundant leading zero', tlv(0x02, hex('0001'))],
    ['that is not an INTEGER', tlv(0x04, hex('01'))],
  ])('refuses a serial that is %s as unparseable', (_, serial) => {
    expect(refusal(certificate({ serial }))).toBe(UNPARSEABLE);
  });
});

describe('signature algorithms', () => {
  it('refuses a certificate whose outer algorithm differs from the signed one', () => {
    expect(refusal(certificate({ inner: SHA256_RSA, outer: SHA384_RSA }))).toBe(UNPARSEABLE);
    // An EC key under an RSA signer cannot pass the signer rule by naming ECDSA outside only.
    const disguised = certificate({ key: ec, signer: rsa, inner: SHA256_RSA,
      outer: SHA256_ECDSA });
    expect(refusal(disguised, pkcs8(ec))).toBe(UNPARSEABLE);
  });

  it.each([['EdDSA', ED25519], ['DSA', DSA_SHA256]])(
    'refuses an EC certificate signed with %s, which is not the EC family', (family, inner) => {
      const der = certificate({ key: ec, inner });
      expect(refusal(der, pkcs8(ec))).toBe('The certificate key algorithm (EC_prime256v1) does '
        + `not match the algorithm of the CA that signed it (${family}). The certificate and its `
        + 'signing CA must both use RSA or both use EC keys.');
    });

  it('reports an algorithm it has no name for by its OID, as ACM does for custom EKUs', () => {
    expect(read(certificate({ inner: tlv(0x30, oid('2a0304')) })).facts.signatureAlgorithm)
      .toBe('1.2.3.4');
  });
});

describe('names', () => {
  it('reads TeletexString and BMPString names and describes them as text', () => {
    const facts = read(certificate({ subject: name(
      [attribute('55040a', 0x14, hex('e974e9'))],
      [attribute(OID.cn, 0x1e, hex('006400650072002e006500780061006d0070006c0065'))]),
    extensions: [] })).facts;
    expect(facts.subject).toBe('O=été,CN=der.example');
    expect(facts.issuer).toBe('Hostile DER CA');
    expect(facts.domainName).toBe('der.example');
  });

  it('takes the last CN of a multi-valued RDN and shows both', () => {
    const subject = name([attribute(OID.cn, 0x0c, Buffer.from('a.example.com')),
      attribute(OID.cn, 0x0c, Buffer.from('b.example.com'))]);
    const facts = read(certificate({ subject, extensions: [] })).facts;
    expect(facts.subject).toBe('CN=a.example.com+CN=b.example.com');
    expect([facts.domainName, facts.subjectAlternativeNames])
      .toEqual(['b.example.com', ['b.example.com']]);
  });

  it('accepts an empty subject with the names in the SAN extension', () => {
    const facts = read(certificate({ subject: name(),
      extensions: [extension(OID.san, tlv(0x30, dns('x.example.com'),
        tlv(0x87, hex('c0000201'))), true)] })).facts;
    expect([facts.subject, facts.domainName, facts.subjectAlternativeNames])
      .toEqual(['', 'x.example.com', ['x.example.com', '192.0.2.1']]);
  });

  it('refuses a certificate with no name at all, as ACM requires one', () => {
    expect(refusal(certificate({ subject: name(), extensions: [] })))
      .toBe('The certificate must contain a domain name or an IP address, in its subject or '
        + 'its subject alternative names.');
    const organisationOnly = name([attribute('55040a', 0x0c, Buffer.from('Example'))]);
    expect(refusal(certificate({ subject: organisationOnly, extensions: [] })))
      .toBe(IMPORT_MESSAGES.noName);
  });

  it.each([
    ['a UTF8String CN with NEL (U+0085)', { subject: utf8Cn('a\u0085b.example.com'),
      extensions: [] }, '"a\u0085b.example.com"'],
    ['a TeletexString CN with the 8-bit CSI (0x9b)', { subject: cn(0x14, hex('619b62')),
      extensions: [] }, '"a\u009bb"'],
    ['an empty CN', { subject: utf8Cn(''), extensions: [] }, '""'],
    ['an empty DNS name', { subject: name(), extensions: [san(dns(''))] }, '""'],
  ])('refuses %s', (_, shape: Shape, shown) => {
    expect(refusal(certificate(shape))).toBe(badName(shown));
  });

  it.each([['Latin-1', '61e962'], ['C1', '61c28562'], ['0xff', '61ff62']])(
    'refuses a DNS name with %s octets, which an IA5String cannot hold', (_, octets) => {
      expect(refusal(certificate({ extensions: [san(dns(hex(octets)))] }))).toBe(UNPARSEABLE);
    });

  it.each([
    ['an odd-length BMPString', cn(0x1e, hex('00e900'))],
    ['a BMPString lone surrogate', cn(0x1e, hex('d800'))],
    ['a UniversalString beyond U+10FFFF', cn(0x1c, hex('7fffffff'))],
    ['a UTF8String that is not UTF-8', cn(0x0c, hex('fffe41'))],
    ['a CN that is an INTEGER', cn(0x02, hex('01'))],
  ])('refuses %s as unparseable', (_, subject) => {
    expect(refusal(certificate({ subject }))).toBe(UNPARSEABLE);
  });
});

describe('extensions', () => {
  const withName = (...more: Buffer[]) => ({ extensions: [san(dns('der.example.com')), ...more] });

  it('accepts a critical extension it does not know and reports the rest', () => {
    const facts = read(certificate(withName(extension('2a0304', hex('0500'), true),
      extension(OID.ku, hex('03020780'), true)))).facts;
    expect(facts.keyUsages).toEqual(['DIGITAL_SIGNATURE']);
  });

  it.each([
    ['a KeyUsage without any bit', extension(OID.ku, hex('030100'))],
    ['a KeyUsage with only bits ACM has no name for', extension(OID.ku, hex('0303060040'))],
    ['an empty ExtendedKeyUsage', extension(OID.eku, hex('3000'))],
    ['an ExtendedKeyUsage OID with a 210-bit arc',
      extension(OID.eku, tlv(0x30, oid(`2a${'ff'.repeat(30)}7f`)))],
    ['an empty ExtendedKeyUsage OID', extension(OID.eku, tlv(0x30, tlv(0x06)))],
    ['a truncated ExtendedKeyUsage OID', extension(OID.eku, tlv(0x30, oid('2a80')))],
    ['a KeyUsage that is not a BIT STRING', extension(OID.ku, hex('020101'))],
    ['a KeyUsage with no value', extension(OID.ku, Buffer.alloc(0))],
    ['a SAN that is not a SEQUENCE', extension(OID.san, hex('0500'))],
    ['two SAN extensions', san(dns('other.example.com'))],
  ])('refuses %s as unparseable', (_, more) => {
    expect(refusal(certificate(withName(more)))).toBe(UNPARSEABLE);
  });

  it('refuses a duplicated extension even when both copies agree', () => {
    const usage = extension(OID.ku, hex('03020780'));
    expect(refusal(certificate(withName(usage, usage)))).toBe(UNPARSEABLE);
  });
});

describe('public keys', () => {
  const P256 = {
    p: 'ffffffff00000001000000000000000000000000ffffffffffffffffffffffff',
    a: 'ffffffff00000001000000000000000000000000fffffffffffffffffffffffc',
    b: '5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b',
    g: '046b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296'
      + '4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5',
    n: 'ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551',
  };
  /** P-256 spelt out as explicit parameters (RFC 3279 ECParameters). */
  const explicitP256 = tlv(0x30, int(hex('01')),
    tlv(0x30, oid('2a8648ce3d0101'), int(hex(P256.p))),
    tlv(0x30, tlv(0x04, hex(P256.a)), tlv(0x04, hex(P256.b))), tlv(0x04, hex(P256.g)),
    int(hex(P256.n)), int(hex('01')));
  const jwk = ec.export({ format: 'jwk' });
  const point = Buffer.concat([hex('04'), b64url(jwk.x), b64url(jwk.y)]);
  const explicitSec1 = pem('EC PRIVATE KEY', tlv(0x30, int(hex('01')), tlv(0x04, b64url(jwk.d)),
    tlv(0xa0, explicitP256), tlv(0xa1, tlv(0x03, hex('00'), point))));

  it('refuses an EC certificate key given by explicit curve parameters', () => {
    const spki = tlv(0x30, tlv(0x30, oid('2a8648ce3d0201'), explicitP256),
      tlv(0x03, hex('00'), point));
    expect(refusal(certificate({ key: ec, spki }), pkcs8(ec))).toBe('The certificate key '
      + 'algorithm (EC with explicit parameters) is not supported; supported algorithms are RSA '
      + '1024, 2048, 3072 or 4096 bits and EC P-256, P-384 or P-521.');
  });

  it('stores a private key with explicit curve parameters by the curve\'s name', () => {
    const stored = read(certificate({ key: ec }), explicitSec1).privateKeyPem;
    expect(stored).toBe(pkcs8(ec));
    expect(createPrivateKey(stored).export({ format: 'der', type: 'pkcs8' }).length)
      .toBeLessThan(200);
  });

  /** A 2048-bit certificate key with exponent `e`, and a PKCS#1 key of its public values. */
  function rsaWithExponent(e: string) {
    const n = b64url(rsa.export({ format: 'jwk' }).n);
    const spki = tlv(0x30, tlv(0x30, oid('2a864886f70d010101'), hex('0500')),
      tlv(0x03, hex('00'), tlv(0x30, int(n), int(hex(e)))));
    const one = int(hex('01'));
    const key = pem('RSA PRIVATE KEY', tlv(0x30, int(hex('00')), int(n), int(hex(e)),
      one, one, one, one, one, one));
    return { der: certificate({ spki }), key };
  }

  it.each([['1', '01'], ['2', '02'], ['0', '00'], ['65536', '010000']])(
    'refuses an RSA certificate key with exponent %s', (_, e) => {
      const { der, key } = rsaWithExponent(e);
      expect(refusal(der, key)).toBe('The certificate\'s RSA public key is not valid: its '
        + 'public exponent must be an odd number of at least 3.');
    });

  it('accepts an RSA key pair with exponent 3', () => {
    const small = generateKeyPairSync('rsa', { modulusLength: 2048, publicExponent: 3 })
      .privateKey;
    expect(read(certificate({ key: small }), pkcs8(small)).facts.keyAlgorithm).toBe('RSA_2048');
  });
});

describe('private keys that only look like the certificate\'s', () => {
  const rsaJwk = rsa.export({ format: 'jwk' });
  const [n, e, p, q, dp, dq, qi] = [rsaJwk.n, rsaJwk.e, rsaJwk.p, rsaJwk.q, rsaJwk.dp,
    rsaJwk.dq, rsaJwk.qi].map((v) => int(b64url(v)));
  const pkcs1 = (...values: Buffer[]) => pem('RSA PRIVATE KEY', tlv(0x30, int(hex('00')),
    n!, e!, ...values));

  it.each([
    ['zero private values', () => pkcs1(...Array(6).fill(int(hex('00'))))],
    ['private values of one', () => pkcs1(...Array(6).fill(int(hex('01'))))],
    ['a wrong d beside correct CRT values', () =>
      pkcs1(int(Buffer.alloc(255, 0x11)), p!, q!, dp!, dq!, qi!)],
  ])('refuses an RSA key of the certificate\'s public values with %s', (_, key) => {
    expect(refusal(certificate(), key())).toBe(MESSAGES.keyMismatch);
  });

  const ecJwk = ec.export({ format: 'jwk' });
  const point = Buffer.concat([hex('04'), b64url(ecJwk.x), b64url(ecJwk.y)]);
  const sec1 = (d: Buffer) => pem('EC PRIVATE KEY', tlv(0x30, int(hex('01')), tlv(0x04, d),
    tlv(0xa0, oid('2a8648ce3d030107')), tlv(0xa1, tlv(0x03, hex('00'), point))));

  it.each([
    ['zero', Buffer.alloc(32)],
    ['one', Buffer.concat([Buffer.alloc(31), hex('01')])],
    ['all ones', Buffer.alloc(32, 0xff)],
    ['of another key', b64url(generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
      .privateKey.export({ format: 'jwk' }).d)],
  ])('refuses a SEC1 key of the certificate\'s point with the scalar %s', (_, d) => {
    expect(refusal(certificate({ key: ec }), sec1(d))).toBe(MESSAGES.keyMismatch);
  });

  it('accepts the genuine keys in each format', () => {
    expect(read(certificate({ key: ec }), sec1(b64url(ecJwk.d))).privateKeyPem).toBe(pkcs8(ec));
    const genuine = pkcs1(int(b64url(rsaJwk.d)), p!, q!, dp!, dq!, qi!);
    expect(read(certificate(), genuine).privateKeyPem).toBe(pkcs8(rsa));
  });

  it('reads PKCS#8 with bytes after it, or under the PKCS#1 label, and stores it clean', () => {
    const der = rsa.export({ format: 'der', type: 'pkcs8' });
    const trailing = pem('PRIVATE KEY', Buffer.concat([der, hex('deadbeef')]));
    expect(read(certificate(), trailing).privateKeyPem).toBe(pkcs8(rsa));
    expect(read(certificate(), pem('RSA PRIVATE KEY', der)).privateKeyPem).toBe(pkcs8(rsa));
  });

  it.each([
    ['a public key under the PRIVATE KEY label',
      pem('PRIVATE KEY', createPublicKey(rsa).export({ format: 'der', type: 'spki' }))],
    ['an RSAPublicKey under the RSA PRIVATE KEY label', pem('RSA PRIVATE KEY',
      tlv(0x30, int(b64url(rsaJwk.n)), int(b64url(rsaJwk.e))))],
    ['PKCS#1 under the PRIVATE KEY label',
      pem('PRIVATE KEY', rsa.export({ format: 'der', type: 'pkcs1' }))],
  ])('refuses %s as unparseable', (_, key) => {
    expect(refusal(certificate(), key)).toBe(MESSAGES.keyUnparseable);
  });
});

describe('chains', () => {
  it('refuses a chain certificate with bytes after it, which would also hide a repeat',
    async () => {
      const root = await makeCa({ commonName: 'Hostile DER Root' });
      const leaf = asImportInput(await makeCertificate({ issuer: root }));
      const rootDer = parsePem(root.certificate)[0]!.der;
      const stored = readImportMaterial(leaf, NOW).chainPem!;
      expect(parsePem(stored).map((block) => block.der)).toEqual([rootDer]);
      for (const chain of [pem('CERTIFICATE', Buffer.concat([rootDer, hex('0000')])),
        root.certificate + pem('CERTIFICATE', Buffer.concat([rootDer, Buffer.from('x')]))]) {
        const error = (() => {
          try {
            return readImportMaterial({ ...leaf, chain: Buffer.from(chain) }, NOW);
          } catch (caught) {
            return caught;
          }
        })();
        expect(error).toBeInstanceOf(AcmError);
        expect((error as AcmError).message).toBe(CHAIN_MESSAGES.chainUnparseable);
      }
    });
});

describe('size and depth', () => {
  it('refuses or reads 5,000 nested SEQUENCEs in a few milliseconds, without a stack error',
    () => {
      let deep: Buffer = hex('0500');
      for (let i = 0; i < 5000; i += 1) deep = tlv(0x30, deep);
      const started = Date.now();
      const inName = certificate({ subject: name([tlv(0x30, oid('2a0304'), deep)]) });
      expect(refusal(inName)).toBe(UNPARSEABLE);
      const inSan = certificate({ extensions: [san(dns('der.example.com'), tlv(0xa4, deep))] });
      expect(refusal(inSan)).toBe(UNPARSEABLE);
      const unknown = certificate(
        { extensions: [san(dns('der.example.com')), extension('2a0304', deep)] });
      expect(read(unknown).facts.domainName).toBe('der.example.com');
      expect(Date.now() - started).toBeLessThan(2000);
    });
});
