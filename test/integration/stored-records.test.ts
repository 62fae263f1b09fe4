import { randomUUID } from 'node:crypto';
import path from 'node:path';

import {
  DeleteCertificateCommand, DescribeCertificateCommand, ListCertificatesCommand,
  UpdateCertificateOptionsCommand,
} from '@aws-sdk/client-acm';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { readImportMaterial } from '../../src/crypto/import-material.ts';
import { KeyVault } from '../../src/crypto/key-vault.ts';
import { formatCertificateArn } from '../../src/domain/arn.ts';
import type { CertificateRecord, CertificateType } from '../../src/domain/certificate.ts';
import { SqlCertificateStore } from '../../src/storage/certificate-store.ts';
import { openDatabase } from '../../src/storage/open-database.ts';
import type { Database } from '../../src/storage/schema.ts';
import { asImportInput, makeCertificate } from '../helpers/certs.ts';
import { errorOf } from '../helpers/expect-error.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let db: Kysely<Database>;

beforeAll(async () => {
  server = await startTestServer();
  db = await openDatabase(`sqlite:${path.join(server.dataDir, 'openacm.db')}`);
});
afterAll(async () => {
  await db.destroy();
  await server.stop();
});

/**
 * Only imported certificates, never in use, can be made through the API in this release, so
 * certificates of the other types, or in use, are written straight into the server's
 * database, as issuance and service associations will write them.
 */
async function storeCertificate(type: CertificateType, exportOption: 'ENABLED' | 'DISABLED',
  inUseBy: string[] = []) {
  const material = readImportMaterial(asImportInput(
    await makeCertificate({ commonName: `${type.toLowerCase()}.example.com` })), new Date());
  const arn = formatCertificateArn('us-east-1', '000000000000', randomUUID());
  const now = new Date();
  const record: CertificateRecord = {
    arn, accountId: '000000000000', region: 'us-east-1', type, keyPairOrigin: 'AWS_MANAGED',
    status: 'ISSUED', facts: material.facts, certificatePem: material.certificatePem,
    chainPem: material.chainPem, createdAt: now, importedAt: undefined, issuedAt: now,
    inUseBy, exported: false,
    options: { certificateTransparencyLoggingPreference: 'ENABLED', export: exportOption },
  };
  const vault = await KeyVault.open({ dataDir: server.dataDir });
  const sealed = vault.seal(Buffer.from(material.privateKeyPem), arn);
  expect(await new SqlCertificateStore(db).insert(record, sealed, [], 10)).toBe(true);
  return arn;
}

describe('UpdateCertificateOptions on certificates ACM issued', () => {
  it('stores the new transparency preference and DescribeCertificate shows it', async () => {
    const acm = server.client();
    const CertificateArn = await storeCertificate('AMAZON_ISSUED', 'ENABLED');
    const out = await acm.send(new UpdateCertificateOptionsCommand({ CertificateArn,
      Options: { CertificateTransparencyLoggingPreference: 'DISABLED', Export: 'ENABLED' } }));
    expect(out.$metadata.httpStatusCode).toBe(200);

    const { Certificate } = await acm.send(new DescribeCertificateCommand({ CertificateArn }));
    expect(Certificate).toMatchObject({ Type: 'AMAZON_ISSUED', RenewalEligibility: 'ELIGIBLE',
      CertificateKeyPairOrigin: 'AWS_MANAGED',
      Options: { CertificateTransparencyLoggingPreference: 'DISABLED', Export: 'ENABLED' } });
    expect(Certificate!.IssuedAt).toEqual(expect.any(Date));
    expect(Certificate).not.toHaveProperty('ImportedAt');

    const listed = await acm.send(new ListCertificatesCommand({
      Includes: { exportOption: 'ENABLED' } }));
    expect(listed.CertificateSummaryList!.map((s) => s.CertificateArn)).toEqual([CertificateArn]);
  });

  it('refuses to change Export once requested, and changes nothing', async () => {
    const acm = server.client();
    const CertificateArn = await storeCertificate('AMAZON_ISSUED', 'DISABLED');
    expect(await errorOf(acm.send(new UpdateCertificateOptionsCommand({ CertificateArn,
      Options: { CertificateTransparencyLoggingPreference: 'DISABLED', Export: 'ENABLED' } }))))
      .toEqual({ name: 'InvalidStateException',
        message: 'The Export option cannot be changed after the certificate has been requested.' });
    const { Certificate } = await acm.send(new DescribeCertificateCommand({ CertificateArn }));
    expect(Certificate!.Options).toEqual(
      { CertificateTransparencyLoggingPreference: 'ENABLED', Export: 'DISABLED' });
  });

  it('refuses private certificates as ACM does', async () => {
    const CertificateArn = await storeCertificate('PRIVATE', 'DISABLED');
    expect(await errorOf(server.client().send(new UpdateCertificateOptionsCommand({
      CertificateArn, Options: { CertificateTransparencyLoggingPreference: 'ENABLED' } }))))
      .toEqual({ name: 'InvalidStateException', message:
        'The UpdateCertificateOptions command is not permitted for private certificates.' });
  });
});

describe('DeleteCertificate on a certificate in use', () => {
  it('refuses with ResourceInUseException and keeps the certificate', async () => {
    const acm = server.client();
    const user = 'arn:aws:elasticloadbalancing:us-east-1:000000000000:loadbalancer/app/web/1';
    const CertificateArn = await storeCertificate('AMAZON_ISSUED', 'DISABLED', [user]);
    expect(await errorOf(acm.send(new DeleteCertificateCommand({ CertificateArn })))).toEqual({
      name: 'ResourceInUseException',
      message: `Certificate ${CertificateArn} is in use by ${user} and cannot be deleted.` });
    const { Certificate } = await acm.send(new DescribeCertificateCommand({ CertificateArn }));
    expect(Certificate!.InUseBy).toEqual([user]);
    const listed = await acm.send(new ListCertificatesCommand({}));
    const summary = listed.CertificateSummaryList!.find((s) => s.CertificateArn === CertificateArn);
    expect(summary!.InUse).toBe(true);
  });
});
