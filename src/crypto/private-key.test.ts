import { createPrivateKey, X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { makeCertificate, TEST_PASSPHRASE, testKey } from '../../test/helpers/certs.ts';
import { AcmError } from '../domain/errors.ts';
import { parsePem } from './pem.ts';
import { assertKeyMatches, MESSAGES, readPrivateKey, toPkcs8Pem } from './private-key.ts';

function refusalMessage(pem: string): string {
  try {
    readPrivateKey(Buffer.from(pem));
  } catch (error) {
    expect(error).toBeInstanceOf(AcmError);
    expect((error as AcmError).kind).toBe('ValidationException');
    return (error as AcmError).message;
  }
  throw new Error('The key was accepted.');
}

describe('readPrivateKey', () => {
  it.each([
    ['PKCS#8 RSA', 'RSA_2048', 'pkcs8', 'PRIVATE KEY'],
    ['PKCS#1 RSA', 'RSA_2048', 'pkcs1', 'RSA PRIVATE KEY'],
    ['PKCS#8 EC', 'EC_secp384r1', 'pkcs8', 'PRIVATE KEY'],
    ['SEC1 EC', 'EC_secp384r1', 'sec1', 'EC PRIVATE KEY'],
  ] as const)('accepts %s and normalises it to PKCS#8', async (_, keyType, keyFormat, label) => {
    const material = await makeCertificate({ keyType, keyFormat });
    expect(parsePem(material.privateKey)[0].label).toBe(label);
    const key = readPrivateKey(Buffer.from(material.privateKey));
    expect(() => assertKeyMatches(new X509Certificate(material.certificate), key)).not.toThrow();
    const pem = toPkcs8Pem(key);
    expect(parsePem(pem).map((block) => block.label)).toEqual(['PRIVATE KEY']);
    expect(createPrivateKey(pem).equals(createPrivateKey(material.privateKey))).toBe(true);
  });

  it('accepts SEC1 after an EC PARAMETERS block, as openssl ecparam writes', async () => {
    const key = await testKey('EC_prime256v1');
    const sec1 = key.export({ format: 'pem', type: 'sec1' }).toString();
    const parameters = '-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n'
      + '-----END EC PARAMETERS-----\n';
    expect(readPrivateKey(Buffer.from(parameters + sec1)).equals(key)).toBe(true);
  });

  it('accepts CRLF line ends', async () => {
    const key = await testKey('RSA_2048');
    const pem = toPkcs8Pem(key).replace(/\n/g, '\r\n');
    expect(readPrivateKey(Buffer.from(pem)).equals(key)).toBe(true);
  });

  it('refuses encrypted PKCS#8, legacy encrypted PEM and mislabelled encryption', async () => {
    const key = await testKey('RSA_2048');
    const options = { format: 'pem', cipher: 'aes-256-cbc', passphrase: TEST_PASSPHRASE } as const;
    const pkcs8 = key.export({ ...options, type: 'pkcs8' }).toString();
    const legacy = key.export({ ...options, type: 'pkcs1' }).toString();
    expect(pkcs8).toContain('ENCRYPTED PRIVATE KEY');
    expect(legacy).toContain('Proc-Type: 4,ENCRYPTED');
    expect(refusalMessage(pkcs8)).toBe(MESSAGES.keyEncrypted);
    expect(refusalMessage(legacy)).toBe(MESSAGES.keyEncrypted);
    const mislabelled = pkcs8.replace(/ENCRYPTED PRIVATE KEY/g, 'PRIVATE KEY');
    expect(refusalMessage(mislabelled)).toBe(MESSAGES.keyEncrypted);
  });

  it('refuses two keys in one field', async () => {
    const pem = toPkcs8Pem(await testKey('RSA_2048'));
    expect(refusalMessage(pem + pem)).toBe('The private key field contains more than one '
      + 'private key. You can specify only one private key in this field.');
  });

  it.each([
    ['text', 'hello'],
    ['a public key', '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA\n-----END PUBLIC KEY-----\n'],
    ['an OpenSSH key', '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaA==\n'
      + '-----END OPENSSH PRIVATE KEY-----\n'],
    ['bytes that are not a key', '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----'],
    ['broken base64', '-----BEGIN PRIVATE KEY-----\nAA*A\n-----END PRIVATE KEY-----'],
  ])('refuses %s', (_, pem) => {
    expect(refusalMessage(pem)).toBe('Unable to parse the private key. Please ensure it is an '
      + 'unencrypted private key in PEM format (PKCS#8, PKCS#1 or SEC1).');
  });
});
