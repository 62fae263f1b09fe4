import { createPublicKey, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  asImportInput, chainInCertificateField, EKU, encryptedKey, expired, garbage, makeCa,
  makeCertificate, mismatchedKey, notYetValid, testKey, unsupportedKey, type TestKeyType,
  type TestMaterial,
} from '../../test/helpers/certs.ts';
import { KEY_ALGORITHMS, statusAt, type CertificateRecord } from '../domain/certificate.ts';
import { AcmError } from '../domain/errors.ts';
import { IMPORT_MESSAGES, readImportMaterial } from './import-material.ts';
import { parsePem } from './pem.ts';
import { MESSAGES } from './private-key.ts';
import { hex, tlv } from '../../test/helpers/der.ts';

const SLOW = 120_000;

/** Runs the import and returns the ValidationException it must raise. */
function refusal(material: TestMaterial, now = new Date()): AcmError {
  try {
    readImportMaterial(asImportInput(material), now);
  } catch (error) {
    expect(error).toBeInstanceOf(AcmError);
    const acmError = error as AcmError;
    expect(acmError.kind).toBe('ValidationException');
    // No message may quote key material: check against every 16-character run of the key.
    const body = material.privateKey.replace(/-----[^-]+-----|\s/g, '');
    for (let i = 0; i + 16 <= body.length; i += 16) {
      expect(acmError.message).not.toContain(body.slice(i, i + 16));
    }
    return acmError;
  }
  throw new Error('The material was accepted.');
}

describe('readImportMaterial: key algorithms', () => {
  it.each(KEY_ALGORITHMS.map((type) => [type]))('reads %s', async (type) => {
    const material = await makeCertificate({ keyType: type as TestKeyType });
    const result = readImportMaterial(asImportInput(material), new Date());
    expect(result.facts.keyAlgorithm).toBe(type);
    expect(result.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
  }, SLOW);

  it.each([
    ['Ed25519', 'Ed25519'],
    ['RSA_1536', 'RSA 1536'],
    ['EC_secp256k1', 'EC secp256k1'],
    ['DSA_2048', 'DSA 2048'],
  ] as const)('refuses %s and names it', async (type, name) => {
    const error = refusal(await unsupportedKey(type));
    expect(error.message).toBe(`The certificate key algorithm (${name}) is not supported; `
      + 'supported algorithms are RSA 1024, 2048, 3072 or 4096 bits and EC P-256, P-384 or '
      + 'P-521.');
  }, SLOW);
});

describe('readImportMaterial: facts', () => {
  const now = new Date('2026-06-01T00:00:00Z');

  it('reports the facts of a known certificate exactly', async () => {
    const ca = await makeCa({ commonName: 'Facts Test CA', organization: 'Example Trust',
      keyType: 'EC_secp384r1' });
    const material = await makeCertificate({
      issuer: ca,
      keyType: 'EC_prime256v1',
      commonName: 'www.example.com',
      subject: { C: 'US', ST: 'Washington', L: 'Seattle', O: 'Example, Inc.', OU: 'Web' },
      sans: ['example.com', 'api.example.com'],
      ipSans: ['192.0.2.7', '2001:db8::1'],
      serialNumber: '077171f4aa',
      notBefore: new Date('2026-01-01T00:00:00Z'),
      notAfter: new Date('2027-01-01T12:30:00Z'),
      keyUsages: ['DIGITAL_SIGNATURE', 'KEY_AGREEMENT'],
      extendedKeyUsages: [EKU.serverAuth, EKU.clientAuth, '1.3.6.1.4.1.99999.1'],
    });
    const { facts } = readImportMaterial(asImportInput(material), now);
    expect(facts).toEqual({
      domainName: 'www.example.com',
      subjectAlternativeNames: [
        'www.example.com', 'example.com', 'api.example.com', '192.0.2.7', '2001:db8::1',
      ],
      subject: 'C=US,ST=Washington,L=Seattle,O=Example\\, Inc.,OU=Web,CN=www.example.com',
      issuer: 'Example Trust',
      serial: '07:71:71:f4:aa',
      notBefore: new Date('2026-01-01T00:00:00Z'),
      notAfter: new Date('2027-01-01T12:30:00Z'),
      keyAlgorithm: 'EC_prime256v1',
      signatureAlgorithm: 'SHA256WITHECDSA',
      keyUsages: ['DIGITAL_SIGNATURE', 'KEY_AGREEMENT'],
      extendedKeyUsages: [
        { name: 'TLS_WEB_SERVER_AUTHENTICATION', oid: '1.3.6.1.5.5.7.3.1' },
        { name: 'TLS_WEB_CLIENT_AUTHENTICATION', oid: '1.3.6.1.5.5.7.3.2' },
        { name: 'CUSTOM', oid: '1.3.6.1.4.1.99999.1' },
      ],
    });
  });

  it('drops only the DER sign octet from the serial', async () => {
    const material = await makeCertificate({ serialNumber: 'f00d01' });
    expect(parsePem(material.certificate)[0].der.includes(Buffer.from('020400f00d01', 'hex')))
      .toBe(true);
    expect(readImportMaterial(asImportInput(material), new Date()).facts.serial).toBe('f0:0d:01');
  });

  it('does not repeat a CN already among the SANs, whatever its case', async () => {
    const material = await makeCertificate({
      commonName: 'WWW.example.com', sans: ['example.com', 'www.example.com'],
    });
    const { facts } = readImportMaterial(asImportInput(material), new Date());
    expect(facts.domainName).toBe('WWW.example.com');
    expect(facts.subjectAlternativeNames).toEqual(['example.com', 'www.example.com']);
  });

  it('uses the first DNS SAN when the subject has no CN', async () => {
    const material = await makeCertificate({
      commonName: null, subject: { O: 'Example' }, ipSans: ['192.0.2.1'],
      sans: ['first.example.com', 'second.example.com'],
    });
    const { facts } = readImportMaterial(asImportInput(material), new Date());
    expect(facts.domainName).toBe('first.example.com');
    expect(facts.subject).toBe('O=Example');
    expect(facts.subjectAlternativeNames)
      .toEqual(['first.example.com', 'second.example.com', '192.0.2.1']);
  });

  it('falls back to the issuer CN, then to the whole issuer DN', async () => {
    const selfSigned = await makeCertificate({ selfSigned: true, commonName: 'self.example' });
    expect(readImportMaterial(asImportInput(selfSigned), new Date()).facts.issuer)
      .toBe('self.example');
    const bare = await makeCertificate({ selfSigned: true, commonName: null,
      subject: { C: 'DE', L: 'Berlin' }, sans: ['bare.example'] });
    expect(readImportMaterial(asImportInput(bare), new Date()).facts.issuer).toBe('C=DE,L=Berlin');
  });

  it('names every key usage bit in order', async () => {
    const material = await makeCertificate({
      keyUsages: ['DECIPHER_ONLY', 'DIGITAL_SIGNATURE', 'NON_REPUDIATION', 'KEY_ENCIPHERMENT',
        'DATA_ENCIPHERMENT', 'KEY_AGREEMENT', 'CERTIFICATE_SIGNING', 'CRL_SIGNING',
        'ENCIPHER_ONLY'],
      extendedKeyUsages: [EKU.codeSigning, EKU.emailProtection, '1.3.6.1.5.5.7.3.5',
        '1.3.6.1.5.5.7.3.6', '1.3.6.1.5.5.7.3.7', EKU.timeStamping, EKU.ocspSigning, EKU.any],
    });
    const { facts } = readImportMaterial(asImportInput(material), new Date());
    expect(facts.keyUsages).toEqual(['DIGITAL_SIGNATURE', 'NON_REPUDIATION', 'KEY_ENCIPHERMENT',
      'DATA_ENCIPHERMENT', 'KEY_AGREEMENT', 'CERTIFICATE_SIGNING', 'CRL_SIGNING',
      'ENCIPHER_ONLY', 'DECIPHER_ONLY']);
    expect(facts.extendedKeyUsages.map((usage) => usage.name)).toEqual(['CODE_SIGNING',
      'EMAIL_PROTECTION', 'IPSEC_END_SYSTEM', 'IPSEC_TUNNEL', 'IPSEC_USER', 'TIME_STAMPING',
      'OCSP_SIGNING', 'ANY']);
    expect(facts.extendedKeyUsages.at(-1)).toEqual({ name: 'ANY', oid: '2.5.29.37.0' });
  });

  it('reports no usages when the extensions are absent', async () => {
    const material = await makeCertificate({ keyUsages: [], extendedKeyUsages: [] });
    const { facts } = readImportMaterial(asImportInput(material), new Date());
    expect(facts.keyUsages).toEqual([]);
    expect(facts.extendedKeyUsages).toEqual([]);
  });

  it.each([
    [{ hash: 'SHA-1' }, 'SHA1WITHRSA'],
    [{ hash: 'SHA-384' }, 'SHA384WITHRSA'],
    [{ hash: 'SHA-512' }, 'SHA512WITHRSA'],
    [{ pss: true }, 'SHA256WITHRSAANDMGF1'],
    [{ pss: true, hash: 'SHA-384' }, 'SHA384WITHRSAANDMGF1'],
  ] as const)('spells signature algorithm %o as %s', async (options, expected) => {
    const material = await makeCertificate(options);
    const { facts } = readImportMaterial(asImportInput(material), new Date());
    expect(facts.signatureAlgorithm).toBe(expected);
  });

  it.each([
    ['SHA-256', 'SHA256WITHECDSA'],
    ['SHA-384', 'SHA384WITHECDSA'],
    ['SHA-512', 'SHA512WITHECDSA'],
  ] as const)('spells ECDSA with %s as %s', async (hash, expected) => {
    const ca = await makeCa({ keyType: 'EC_secp384r1', commonName: 'EC Test CA' });
    const material = await makeCertificate({ issuer: ca, hash, keyType: 'EC_prime256v1' });
    const { facts } = readImportMaterial(asImportInput(material), new Date());
    expect(facts.signatureAlgorithm).toBe(expected);
  });

  it('normalises the certificate to 64-column PEM and PKCS#1 keys to PKCS#8', async () => {
    const material = await makeCertificate({ keyFormat: 'pkcs1' });
    const certificate = `\r\n  ${material.certificate.replace(/\n/g, '\r\n')}`;
    const crlf = { ...material, certificate };
    const result = readImportMaterial(asImportInput(crlf), new Date());
    expect(result.certificatePem).toBe(material.certificate);
    expect(result.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(result.chainPem).toBe(material.chain);
  });
});

describe('readImportMaterial: refusals', () => {
  it('refuses names no client could use: control characters or over 253 characters', async () => {
    const nul = await makeCertificate({ commonName: 'ok.example.com',
      sans: ['ok.example.com', 'x\u0000.example.com'] });
    expect(refusal(nul).message).toBe('The certificate contains a name that is not valid: '
      + '"x\\u0000.example.com". Names must be at most 253 characters without control '
      + 'characters.');
    const long = `${'a'.repeat(60)}.${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(70)}.com`;
    expect(refusal(await makeCertificate({ commonName: null, sans: [long] })).message)
      .toMatch(/^The certificate contains a name that is not valid: "a{60}\.b{3}\.\.\."/);
  });

  it('refuses a key type that differs from the signing CA\'s, as ACM requires', async () => {
    const rsaCa = await makeCa({ commonName: 'RSA Signer' });
    const ecCa = await makeCa({ commonName: 'EC Signer', keyType: 'EC_prime256v1' });
    expect(refusal(await makeCertificate({ issuer: rsaCa, keyType: 'EC_secp384r1' })).message)
      .toBe('The certificate key algorithm (EC_secp384r1) does not match the algorithm of the '
        + 'CA that signed it (RSA). The certificate and its signing CA must both use RSA or '
        + 'both use EC keys.');
    expect(refusal(await makeCertificate({ issuer: ecCa, keyType: 'RSA_2048' })).message)
      .toMatch(/^The certificate key algorithm \(RSA_2048\) does not match .* \(EC\)\./);
    const matching = await makeCertificate({ issuer: ecCa, keyType: 'EC_secp521r1' });
    expect(readImportMaterial(asImportInput(matching), new Date()).facts.keyAlgorithm)
      .toBe('EC_secp521r1');
  });

  it('refuses an OCSP URL over 1000 characters and accepts one of exactly 1000', async () => {
    const url = (length: number) => `http://ocsp.example.com/${'a'.repeat(length - 24)}`;
    expect(refusal(await makeCertificate({ ocspUrl: url(1001) })).message)
      .toBe('The OCSP authority URL of the certificate must not exceed 1000 characters.');
    const ok = await makeCertificate({ ocspUrl: url(1000) });
    expect(url(1000)).toHaveLength(1000);
    expect(readImportMaterial(asImportInput(ok), new Date()).facts.domainName)
      .toBe('www.example.com');
  });

  it('says so when the private key field also holds a certificate', async () => {
    const material = await makeCertificate();
    expect(refusal({ ...material, privateKey: material.privateKey + material.certificate })
      .message).toBe('The private key field must contain only the private key; it also '
      + 'contains a PEM block of another kind (such as a certificate).');
  });

  it('refuses a chain that repeats a certificate', async () => {
    const root = await makeCa({ commonName: 'Repeated Root' });
    const leaf = await makeCertificate({ issuer: root });
    expect(refusal({ ...leaf, chain: leaf.chain! + leaf.chain! }).message)
      .toBe('The certificate chain contains the same certificate more than once.');
  });

  it('refuses several certificates in the certificate field', async () => {
    expect(refusal(await chainInCertificateField()).message).toBe(
      'The certificate field contains more than one certificate. You can specify only one '
        + 'certificate in this field.');
  });

  it.each(['text', 'bad-base64', 'bad-der'] as const)('refuses %s certificates', async (kind) => {
    expect(refusal(await garbage(kind)).message).toBe(IMPORT_MESSAGES.certificateUnparseable);
  });

  it('refuses DER and a key in the certificate field', async () => {
    const material = await makeCertificate();
    const der = parsePem(material.certificate)[0].der;
    expect(() => readImportMaterial({ ...asImportInput(material), certificate: der }, new Date()))
      .toThrow(IMPORT_MESSAGES.certificateUnparseable);
    const both = { ...material, certificate: material.certificate + material.privateKey };
    expect(refusal(both).message).toBe(IMPORT_MESSAGES.certificateUnparseable);
  });

  it('refuses version 1 certificates and an empty issuer', async () => {
    const v1 = await handmade({ version: 1, issuer: 'v1.example' });
    expect(refusal(v1).message).toBe('The certificate must be an X.509 version 3 certificate.');
    const anonymous = await handmade({ version: 3, issuer: undefined });
    expect(refusal(anonymous).message).toBe('The certificate issuer must not be empty.');
    const fine = await handmade({ version: 3, issuer: 'ok.example' });
    expect(readImportMaterial(asImportInput(fine), new Date()).facts.issuer).toBe('ok.example');
  });

  it('refuses expired and not-yet-valid certificates, naming the date', async () => {
    const notAfter = new Date('2026-03-01T10:00:00Z');
    const old = await expired({ notBefore: new Date('2026-01-01T00:00:00Z'), notAfter });
    expect(refusal(old, new Date(notAfter.getTime() + 1000)).message)
      .toBe('The certificate has expired: it expired at 2026-03-01T10:00:00Z.');
    expect(readImportMaterial(asImportInput(old), new Date(notAfter.getTime() - 1)).facts.notAfter)
      .toEqual(notAfter);
    const notBefore = new Date('2030-05-06T07:08:09Z');
    const future = await notYetValid({ notBefore, notAfter: new Date('2031-01-01T00:00:00Z') });
    expect(refusal(future, new Date(notBefore.getTime() - 1000)).message)
      .toBe('The certificate is not yet valid: it becomes valid at 2030-05-06T07:08:09Z.');
    expect(() => readImportMaterial(asImportInput(future), notBefore)).not.toThrow();
    expect(refusal(await expired()).message).toMatch(/^The certificate has expired/);
    expect(refusal(await notYetValid()).message).toMatch(/^The certificate is not yet valid/);
  });

  it('treats NotAfter as the first expired instant, as statusAt does', async () => {
    const notBefore = new Date('2026-01-01T00:00:00Z');
    const notAfter = new Date('2026-03-01T10:00:00Z');
    const material = await makeCertificate({ notBefore, notAfter });
    expect(refusal(material, notAfter).message)
      .toBe('The certificate has expired: it expired at 2026-03-01T10:00:00Z.');
    const record = { status: 'ISSUED', facts: { notAfter } } as CertificateRecord;
    expect(statusAt(record, notAfter)).toBe('EXPIRED');
    const lastValid = new Date(notAfter.getTime() - 1);
    expect(readImportMaterial(asImportInput(material), lastValid).facts.notAfter)
      .toEqual(notAfter);
    expect(statusAt(record, lastValid)).toBe('ISSUED');
  });

  it('refuses encrypted keys in PKCS#8 and legacy Proc-Type form', async () => {
    expect(refusal(await encryptedKey()).message).toBe(MESSAGES.keyEncrypted);
    expect(refusal(await encryptedKey({ legacy: true })).message).toBe(MESSAGES.keyEncrypted);
    expect(MESSAGES.keyEncrypted).toBe(
      'Encrypted private keys are not supported. Please supply an unencrypted private key.');
  });

  it('refuses a key that does not match, including one of another type', async () => {
    expect(refusal(await mismatchedKey()).message)
      .toBe('The private key does not match the public key in the certificate.');
    const material = await makeCertificate();
    const ecKey = (await testKey('EC_prime256v1')).export({ format: 'pem', type: 'pkcs8' });
    expect(refusal({ ...material, privateKey: ecKey.toString() }).message)
      .toBe(MESSAGES.keyMismatch);
  });

  it('refuses a private key field that holds no usable key', async () => {
    const material = await makeCertificate();
    expect(refusal({ ...material, privateKey: 'not a key' }).message)
      .toBe(MESSAGES.keyUnparseable);
    expect(refusal({ ...material, privateKey: material.certificate }).message)
      .toBe(MESSAGES.keyUnparseable);
  });
});

/** A certificate assembled by hand, for shapes no generator will produce. */
async function handmade(options: { version: 1 | 3; issuer: string | undefined }) {
  const key = await testKey('RSA_2048', 'handmade');
  const spki = createPublicKey(key).export({ format: 'der', type: 'spki' });
  const algorithm = tlv(0x30, tlv(0x06, hex('2a864886f70d01010b')), hex('0500'));
  const name = (cn?: string) => cn === undefined
    ? tlv(0x30)
    : tlv(0x30, tlv(0x31, tlv(0x30, tlv(0x06, hex('550403')), tlv(0x0c, Buffer.from(cn)))));
  const time = (date: Date) =>
    tlv(0x17, Buffer.from(date.toISOString().replace(/^\d\d|[-:T]|\.\d+/g, '')));
  const tbs = tlv(0x30,
    options.version === 3 ? tlv(0xa0, tlv(0x02, hex('02'))) : Buffer.alloc(0),
    tlv(0x02, hex('1234')), algorithm, name(options.issuer),
    tlv(0x30, time(new Date(Date.now() - 86_400_000)), time(new Date(Date.now() + 86_400_000))),
    name('handmade.example'), spki);
  const signature = sign('sha256', tbs, key);
  const der = tlv(0x30, tbs, algorithm, tlv(0x03, Buffer.concat([hex('00'), signature])));
  const body = der.toString('base64').match(/.{1,64}/g)?.join('\n');
  return {
    certificate: `-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----\n`,
    privateKey: key.export({ format: 'pem', type: 'pkcs8' }).toString(),
  };
}


