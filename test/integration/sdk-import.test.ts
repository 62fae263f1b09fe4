import { X509Certificate } from 'node:crypto';

import {
  DescribeCertificateCommand, GetCertificateCommand, ImportCertificateCommand,
  ListCertificatesCommand, ListTagsForCertificateCommand, type ACMClient,
} from '@aws-sdk/client-acm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  chainInCertificateField, encryptedKey, expired, garbage, makeCa, makeCertificate,
  mismatchedKey, notYetValid, unsupportedKey, EKU, type TestMaterial,
} from '../helpers/certs.ts';
import { errorOf } from '../helpers/expect-error.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let acm: ACMClient;

beforeAll(async () => {
  server = await startTestServer();
  acm = server.client();
});
afterAll(() => server.stop());

const importMaterial = (m: TestMaterial, extra: Record<string, unknown> = {}) =>
  acm.send(new ImportCertificateCommand({
    Certificate: Buffer.from(m.certificate), PrivateKey: Buffer.from(m.privateKey),
    CertificateChain: m.chain === undefined ? undefined : Buffer.from(m.chain), ...extra,
  }));

const colonHex = (hex: string) => hex.toLowerCase().match(/../g)!.join(':');

async function allArns(): Promise<string[]> {
  const page = await acm.send(new ListCertificatesCommand({ Includes: { keyTypes: [
    'RSA_1024', 'RSA_2048', 'RSA_3072', 'RSA_4096', 'EC_prime256v1', 'EC_secp384r1',
    'EC_secp521r1'] } }));
  return (page.CertificateSummaryList ?? []).map((s) => s.CertificateArn!);
}

describe('ImportCertificate and DescribeCertificate', () => {
  it('describes an imported certificate field by field, from the certificate itself', async () => {
    const ca = await makeCa({ commonName: 'Example Issuing CA', organization: 'Example Trust' });
    const material = await makeCertificate({
      issuer: ca, commonName: 'shop.example.com', sans: ['shop.example.com', 'cdn.example.com'],
      subject: { C: 'DE', O: 'Example Shop GmbH' },
      keyUsages: ['DIGITAL_SIGNATURE', 'KEY_ENCIPHERMENT'],
      extendedKeyUsages: [EKU.serverAuth, EKU.clientAuth],
    });
    const before = Date.now();
    const { CertificateArn } = await importMaterial(material,
      { Tags: [{ Key: 'team', Value: 'payments' }] });
    const x509 = new X509Certificate(material.certificate);

    expect(CertificateArn).toMatch(
      /^arn:aws:acm:us-east-1:000000000000:certificate\/[0-9a-f-]{36}$/);
    const { Certificate: d } = await acm.send(new DescribeCertificateCommand({ CertificateArn }));
    expect(d).toMatchObject({
      CertificateArn,
      DomainName: 'shop.example.com',
      SubjectAlternativeNames: ['shop.example.com', 'cdn.example.com'],
      Serial: colonHex(x509.serialNumber),
      Subject: 'C=DE,O=Example Shop GmbH,CN=shop.example.com',
      Issuer: 'Example Trust',
      Status: 'ISSUED',
      Type: 'IMPORTED',
      KeyAlgorithm: 'RSA-2048',
      SignatureAlgorithm: 'SHA256WITHRSA',
      InUseBy: [],
      KeyUsages: [{ Name: 'DIGITAL_SIGNATURE' }, { Name: 'KEY_ENCIPHERMENT' }],
      ExtendedKeyUsages: [
        { Name: 'TLS_WEB_SERVER_AUTHENTICATION', OID: '1.3.6.1.5.5.7.3.1' },
        { Name: 'TLS_WEB_CLIENT_AUTHENTICATION', OID: '1.3.6.1.5.5.7.3.2' },
      ],
      RenewalEligibility: 'INELIGIBLE',
      Options: { CertificateTransparencyLoggingPreference: 'DISABLED', Export: 'DISABLED' },
      CertificateKeyPairOrigin: 'CUSTOMER_PROVIDED',
    });
    expect(d!.NotBefore).toEqual(new Date(x509.validFrom));
    expect(d!.NotAfter).toEqual(new Date(x509.validTo));
    expect(d!.ImportedAt!.getTime()).toBeGreaterThanOrEqual(before - 1);
    expect(d!.ImportedAt!.getTime()).toBeLessThanOrEqual(Date.now());
    expect(d!.CreatedAt).toEqual(d!.ImportedAt);
    expect(d!.DomainValidationOptions).toEqual(
      [{ DomainName: 'shop.example.com' }, { DomainName: 'cdn.example.com' }]);
    for (const absent of ['IssuedAt', 'RenewalSummary',
      'RevokedAt', 'FailureReason', 'CertificateAuthorityArn']) {
      expect(d).not.toHaveProperty(absent);
    }
  });

  it.each([
    ['RSA_1024', 'RSA-1024'], ['RSA_2048', 'RSA-2048'], ['RSA_3072', 'RSA-3072'],
    ['RSA_4096', 'RSA-4096'], ['EC_prime256v1', 'EC-prime256v1'],
    ['EC_secp384r1', 'EC-secp384r1'], ['EC_secp521r1', 'EC-secp521r1'],
  ] as const)('imports a %s certificate and reports it as %s', async (keyType, shown) => {
    const commonName = `${keyType.toLowerCase().replace(/_/g, '-')}.example.com`;
    const material = await makeCertificate({ keyType, commonName, selfSigned: true });
    const { CertificateArn } = await importMaterial(material);
    const { Certificate } = await acm.send(new DescribeCertificateCommand({ CertificateArn }));
    expect(Certificate!.KeyAlgorithm).toBe(shown);
    expect(Certificate!.SignatureAlgorithm).toMatch(keyType.startsWith('EC')
      ? /^SHA256WITHECDSA$/ : /^SHA256WITHRSA$/);
  });

  it('returns the certificate and chain as 64-column PEM', async () => {
    const root = await makeCa({ commonName: 'PEM Root' });
    const intermediate = await makeCa({ commonName: 'PEM Intermediate', issuer: root });
    const material = await makeCertificate({ issuer: intermediate, commonName: 'pem.example.com' });
    const { CertificateArn } = await importMaterial(material);

    const got = await acm.send(new GetCertificateCommand({ CertificateArn }));
    expect(new X509Certificate(got.Certificate!).raw)
      .toEqual(new X509Certificate(material.certificate).raw);
    expect(got.Certificate).toMatch(/^-----BEGIN CERTIFICATE-----\n/);
    const blocks = got.CertificateChain!.match(/-----BEGIN CERTIFICATE-----[^-]+-----END/g)!;
    expect(blocks).toHaveLength(2);
    expect(new X509Certificate(blocks[0]!.replace(/-----END$/, '-----END CERTIFICATE-----'))
      .subject).toContain('CN=PEM Intermediate');
    const pemBlocks = `${got.Certificate}${got.CertificateChain}`
      .split('-----END CERTIFICATE-----\n').filter(Boolean);
    expect(pemBlocks).toHaveLength(3);
    for (const block of pemBlocks) {
      const lines = block.split('\n').filter((l) => l && !l.startsWith('-----'));
      expect(lines.slice(0, -1).every((l) => l.length === 64)).toBe(true);
      expect(lines.at(-1)!.length).toBeLessThanOrEqual(64);
    }
  });
});

describe('ImportCertificate refuses bad material and stores nothing', () => {
  const cases: Array<[string, () => Promise<TestMaterial>, RegExp]> = [
    ['a chain pasted into the certificate field', () => chainInCertificateField(),
      /^The certificate field contains more than one certificate\. You can specify only one /],
    ['an expired certificate', () => expired(), /^The certificate has expired/],
    ['a certificate not yet valid', () => notYetValid(), /^The certificate is not yet valid/],
    ['a key that does not match', () => mismatchedKey(),
      /^The private key does not match the public key in the certificate\.$/],
    ['an encrypted key', () => encryptedKey(), /^Encrypted private keys are not supported/],
    ['an Ed25519 key', () => unsupportedKey('Ed25519'),
      /key algorithm \(Ed25519\) is not supported/],
    ['an RSA 1536 key', () => unsupportedKey('RSA_1536'),
      /key algorithm \(RSA 1536\) is not supported/],
    ['text that is not PEM', () => garbage('text'), /^Unable to parse certificate/],
    ['PEM that is not a certificate', () => garbage('bad-der'), /^Unable to parse certificate/],
  ];

  it.each(cases)('refuses %s', async (_, make, message) => {
    const material = await make();
    const before = await allArns();
    const error = await errorOf(importMaterial(material));
    expect(error.name).toBe('ValidationException');
    expect(error.message).toMatch(message);
    expect(await allArns()).toEqual(before);
  });

  it('refuses a chain that did not sign the certificate', async () => {
    const other = await makeCa({ commonName: 'Unrelated CA' });
    const material = await makeCertificate();
    const error = await errorOf(importMaterial({ ...material, chain: other.chain }));
    expect(error).toEqual({ name: 'ValidationException',
      message: 'Could not validate the certificate with the certificate chain.' });
  });

  it('refuses an oversized key with the model\'s message, echoing no key bytes', async () => {
    const material = await makeCertificate();
    const error = await errorOf(acm.send(new ImportCertificateCommand({
      Certificate: Buffer.from(material.certificate), PrivateKey: Buffer.alloc(6000, 65),
    })));
    expect(error.name).toBe('ValidationException');
    expect(error.message).toBe('1 validation error detected: Value at \'privateKey\' failed to '
      + 'satisfy constraint: Member must have length less than or equal to 5120');
  });
});

describe('re-import', () => {
  it('replaces the material in place and keeps the ARN, tags and CreatedAt', async () => {
    const first = await makeCertificate({ commonName: 'rotate.example.com',
      keyUsages: ['DIGITAL_SIGNATURE'], extendedKeyUsages: [EKU.serverAuth, EKU.clientAuth] });
    const { CertificateArn } = await importMaterial(first,
      { Tags: [{ Key: 'app', Value: 'web' }] });
    const before =
      (await acm.send(new DescribeCertificateCommand({ CertificateArn }))).Certificate!;

    const second = await makeCertificate({ commonName: 'rotate.example.com',
      sans: ['rotate.example.com', 'new.example.com'], keyUsages: ['DIGITAL_SIGNATURE'],
      extendedKeyUsages: [EKU.serverAuth], keySlot: 'rotation' });
    const again = await importMaterial(second, { CertificateArn });
    expect(again.CertificateArn).toBe(CertificateArn);

    const after = (await acm.send(new DescribeCertificateCommand({ CertificateArn }))).Certificate!;
    expect(after.Serial).toBe(colonHex(new X509Certificate(second.certificate).serialNumber));
    expect(after.Serial).not.toBe(before.Serial);
    expect(after.SubjectAlternativeNames).toEqual(['rotate.example.com', 'new.example.com']);
    expect(after.CreatedAt).toEqual(before.CreatedAt);
    expect(after.ImportedAt!.getTime()).toBeGreaterThanOrEqual(before.ImportedAt!.getTime());
    const tags = await acm.send(new ListTagsForCertificateCommand({ CertificateArn }));
    expect(tags.Tags).toEqual([{ Key: 'app', Value: 'web' }]);
  });

  it('refuses tags on a re-import, an unknown ARN and a change of key type', async () => {
    const material = await makeCertificate({ commonName: 'fixed.example.com' });
    const { CertificateArn } = await importMaterial(material);
    const withTags = await errorOf(importMaterial(material,
      { CertificateArn, Tags: [{ Key: 'a', Value: 'b' }] }));
    expect(withTags.name).toBe('ValidationException');
    expect(withTags.message).toMatch(/Tags cannot be specified when re-importing/);

    const unknown = 'arn:aws:acm:us-east-1:000000000000:certificate/'
      + '12345678-1234-1234-1234-123456789012';
    expect(await errorOf(importMaterial(material, { CertificateArn: unknown }))).toEqual({
      name: 'ResourceNotFoundException',
      message: `Could not find certificate ${unknown}.`,
    });

    const ec = await makeCertificate({ commonName: 'fixed.example.com', keyType: 'EC_prime256v1' });
    const changed = await errorOf(importMaterial(ec, { CertificateArn }));
    expect(changed.name).toBe('ValidationException');
    expect(changed.message).toMatch(/key algorithm EC_prime256v1 does not match .* RSA_2048/);
    const still = (await acm.send(new DescribeCertificateCommand({ CertificateArn }))).Certificate!;
    expect(still.KeyAlgorithm).toBe('RSA-2048');
  });
});
