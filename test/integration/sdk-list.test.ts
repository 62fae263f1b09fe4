import {
  DescribeCertificateCommand, ImportCertificateCommand, ListCertificatesCommand,
  paginateListCertificates, type ACMClient, type ListCertificatesCommandInput,
} from '@aws-sdk/client-acm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { makeCertificate, EKU, type CertificateOptions } from '../helpers/certs.ts';
import { errorOf } from '../helpers/expect-error.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let acm: ACMClient;
const arns: Record<string, string> = {};

const ALL_KEY_TYPES = ['RSA_1024', 'RSA_2048', 'RSA_3072', 'RSA_4096', 'EC_prime256v1',
  'EC_secp384r1', 'EC_secp521r1'] as const;

/** Six certificates, imported in this order, so creation order is known. */
const FIXTURES: Array<[string, CertificateOptions]> = [
  ['rsa1024', { keyType: 'RSA_1024', keyUsages: ['DIGITAL_SIGNATURE'], extendedKeyUsages: [] }],
  ['rsa2048', { keyType: 'RSA_2048', keyUsages: ['DIGITAL_SIGNATURE', 'KEY_ENCIPHERMENT'],
    extendedKeyUsages: [EKU.serverAuth] }],
  ['rsa4096', { keyType: 'RSA_4096', keyUsages: [], extendedKeyUsages: [EKU.codeSigning] }],
  ['p256', { keyType: 'EC_prime256v1', keyUsages: ['DIGITAL_SIGNATURE', 'KEY_AGREEMENT'],
    extendedKeyUsages: [EKU.serverAuth, EKU.clientAuth] }],
  ['p384', { keyType: 'EC_secp384r1', keyUsages: [], extendedKeyUsages: [] }],
  ['short', { keyType: 'RSA_2048', notAfter: new Date(Date.now() + 2 * 86_400_000),
    keySlot: 'short', keyUsages: [], extendedKeyUsages: [] }],
];

beforeAll(async () => {
  server = await startTestServer();
  acm = server.client();
  for (const [name, options] of FIXTURES) {
    const m = await makeCertificate({ commonName: `${name}.example.com`, ...options });
    const out = await acm.send(new ImportCertificateCommand({
      Certificate: Buffer.from(m.certificate),
      PrivateKey: Buffer.from(m.privateKey), CertificateChain: Buffer.from(m.chain!) }));
    arns[name] = out.CertificateArn!;
  }
});
afterAll(() => server.stop());

async function names(input: ListCertificatesCommandInput = {}): Promise<string[]> {
  const out = await acm.send(new ListCertificatesCommand(input));
  const byArn = Object.fromEntries(Object.entries(arns).map(([k, v]) => [v, k]));
  return (out.CertificateSummaryList ?? []).map((s) => byArn[s.CertificateArn!]!);
}

describe('ListCertificates', () => {
  it('lists only RSA_1024 and RSA_2048 certificates when no key types are given', async () => {
    expect(await names()).toEqual(['rsa1024', 'rsa2048', 'short']);
  });

  it('filters by key type, key usage and extended key usage', async () => {
    expect(await names({ Includes: { keyTypes: ['EC_prime256v1', 'EC_secp384r1'] } }))
      .toEqual(['p256', 'p384']);
    expect(await names({ Includes: { keyTypes: [...ALL_KEY_TYPES],
      keyUsage: ['KEY_AGREEMENT', 'KEY_ENCIPHERMENT'] } })).toEqual(['rsa2048', 'p256']);
    expect(await names({ Includes: { keyTypes: [...ALL_KEY_TYPES],
      extendedKeyUsage: ['TLS_WEB_SERVER_AUTHENTICATION'] } })).toEqual(['rsa2048', 'p256']);
    expect(await names({ Includes: { keyTypes: [...ALL_KEY_TYPES],
      extendedKeyUsage: ['CODE_SIGNING'] } })).toEqual(['rsa4096']);
    expect(await names({ Includes: { keyTypes: [...ALL_KEY_TYPES],
      extendedKeyUsage: ['NONE'] } })).toEqual(['rsa1024', 'p384', 'short']);
  });

  it('filters by export option, managed-by and key pair origin', async () => {
    expect(await names({ Includes: { exportOption: 'DISABLED' } }))
      .toEqual(['rsa1024', 'rsa2048', 'short']);
    expect(await names({ Includes: { exportOption: 'ENABLED' } })).toEqual([]);
    expect(await names({ Includes: { managedBy: 'CLOUDFRONT' } })).toEqual([]);
    expect(await names({ CertificateKeyPairOrigins: ['ACME'] })).toEqual([]);
    expect(await names({ CertificateKeyPairOrigins: ['CUSTOMER_PROVIDED'] }))
      .toEqual(['rsa1024', 'rsa2048', 'short']);
  });

  it('sorts by creation time in either order', async () => {
    const input = { Includes: { keyTypes: [...ALL_KEY_TYPES] }, SortBy: 'CREATED_AT' as const };
    expect(await names({ ...input, SortOrder: 'ASCENDING' }))
      .toEqual(['rsa1024', 'rsa2048', 'rsa4096', 'p256', 'p384', 'short']);
    expect(await names({ ...input, SortOrder: 'DESCENDING' }))
      .toEqual(['short', 'p384', 'p256', 'rsa4096', 'rsa2048', 'rsa1024']);
    const error = await errorOf(acm.send(new ListCertificatesCommand({ SortBy: 'CREATED_AT' })));
    expect(error.name).toBe('InvalidArgsException');
  });

  it('returns a summary with ACM\'s fields', async () => {
    const out = await acm.send(new ListCertificatesCommand({
      Includes: { keyTypes: ['EC_prime256v1'] } }));
    expect(out.CertificateSummaryList).toEqual([{
      CertificateArn: arns.p256,
      DomainName: 'p256.example.com',
      SubjectAlternativeNameSummaries: ['p256.example.com'],
      HasAdditionalSubjectAlternativeNames: false,
      Status: 'ISSUED',
      Type: 'IMPORTED',
      KeyAlgorithm: 'EC-prime256v1',
      KeyUsages: ['DIGITAL_SIGNATURE', 'KEY_AGREEMENT'],
      ExtendedKeyUsages: ['TLS_WEB_SERVER_AUTHENTICATION', 'TLS_WEB_CLIENT_AUTHENTICATION'],
      ExportOption: 'DISABLED',
      InUse: false,
      Exported: false,
      RenewalEligibility: 'INELIGIBLE',
      NotBefore: expect.any(Date),
      NotAfter: expect.any(Date),
      CreatedAt: expect.any(Date),
      ImportedAt: expect.any(Date),
      CertificateKeyPairOrigin: 'CUSTOMER_PROVIDED',
    }]);
    expect(out).not.toHaveProperty('NextToken');
  });

  it('pages with MaxItems and a NextToken present only while more remain', async () => {
    const seen: string[] = [];
    const tokens: Array<string | undefined> = [];
    for await (const page of paginateListCertificates({ client: acm, pageSize: 4 },
      { Includes: { keyTypes: [...ALL_KEY_TYPES] } })) {
      seen.push(...page.CertificateSummaryList!.map((s) => s.CertificateArn!));
      tokens.push(page.NextToken);
    }
    expect(seen).toEqual(Object.values(arns));
    expect(tokens).toHaveLength(2);
    expect(tokens[0]).toEqual(expect.any(String));
    expect(tokens[1]).toBeUndefined();
  });

  it('refuses a forged NextToken and one reused with other filters', async () => {
    const first = await acm.send(new ListCertificatesCommand({ MaxItems: 1 }));
    expect(first.NextToken).toEqual(expect.any(String));
    const [payload] = first.NextToken!.split('.');
    const forged = Buffer.from(JSON.stringify({ c: 0, a: 'x', q: 'y' })).toString('base64url');
    for (const NextToken of [`${forged}.${first.NextToken!.split('.')[1]}`, 'garbage',
      `${payload}.AAAA`]) {
      const error = await errorOf(acm.send(new ListCertificatesCommand({ NextToken })));
      expect(error).toEqual(
        { name: 'InvalidArgsException', message: 'The NextToken is not valid.' });
    }
    const reused = await errorOf(acm.send(new ListCertificatesCommand({
      NextToken: first.NextToken, Includes: { keyTypes: ['EC_prime256v1'] } })));
    expect(reused.name).toBe('InvalidArgsException');
    const valid = await acm.send(new ListCertificatesCommand({ NextToken: first.NextToken }));
    expect(valid.CertificateSummaryList!.map((s) => s.CertificateArn))
      .toEqual([arns.rsa2048, arns.short]);
  });

  it('refuses MaxItems outside 1 to 1000', async () => {
    const error = await errorOf(acm.send(new ListCertificatesCommand({ MaxItems: 0 })));
    expect(error).toEqual({ name: 'ValidationException', message: '1 validation error detected: '
      + 'Value \'0\' at \'maxItems\' failed to satisfy constraint: '
      + 'Member must have value greater than or equal to 1' });
  });

  it('derives EXPIRED from NotAfter at read time', async () => {
    expect(await names({ CertificateStatuses: ['EXPIRED'] })).toEqual([]);
    // The server's clock moves three days on; the client's moves with it so it still signs
    // within the 15-minute window.
    server.clock.offsetMs = 3 * 86_400_000;
    const later = server.client({ systemClockOffset: server.clock.offsetMs });
    const listLater = async (input: ListCertificatesCommandInput) => {
      const byArn = Object.fromEntries(Object.entries(arns).map(([k, v]) => [v, k]));
      const out = await later.send(new ListCertificatesCommand(input));
      return out.CertificateSummaryList!.map((s) => byArn[s.CertificateArn!]);
    };
    try {
      expect(await listLater({ CertificateStatuses: ['EXPIRED'] })).toEqual(['short']);
      expect(await listLater({ CertificateStatuses: ['ISSUED'] })).toEqual(['rsa1024', 'rsa2048']);
      const { Certificate } = await later.send(
        new DescribeCertificateCommand({ CertificateArn: arns.short }));
      expect(Certificate!.Status).toBe('EXPIRED');
    } finally {
      server.clock.offsetMs = 0;
    }
  });
});
