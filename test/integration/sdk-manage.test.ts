import path from 'node:path';

import {
  AddTagsToCertificateCommand, DeleteCertificateCommand, DescribeCertificateCommand,
  GetAccountConfigurationCommand, GetCertificateCommand, ImportCertificateCommand,
  ListCertificatesCommand, ListTagsForCertificateCommand, PutAccountConfigurationCommand,
  RemoveTagsFromCertificateCommand, UpdateCertificateOptionsCommand, type ACMClient,
} from '@aws-sdk/client-acm';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { makeCertificate } from '../helpers/certs.ts';
import { errorOf } from '../helpers/expect-error.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let acm: ACMClient;

beforeAll(async () => {
  server = await startTestServer();
  acm = server.client();
});
afterAll(() => server.stop());

async function importOne(client = acm, name = 'www.example.com'): Promise<string> {
  const m = await makeCertificate({ commonName: name });
  const out = await client.send(new ImportCertificateCommand({
    Certificate: Buffer.from(m.certificate), PrivateKey: Buffer.from(m.privateKey) }));
  return out.CertificateArn!;
}

const tagsOf = async (CertificateArn: string) =>
  (await acm.send(new ListTagsForCertificateCommand({ CertificateArn }))).Tags;

describe('tags', () => {
  it('adds, replaces and removes tags with ACM semantics', async () => {
    const CertificateArn = await importOne();
    expect(await tagsOf(CertificateArn)).toEqual([]);

    await acm.send(new AddTagsToCertificateCommand({ CertificateArn, Tags: [
      { Key: 'env', Value: 'dev' }, { Key: 'team', Value: 'edge' }, { Key: 'flag' }] }));
    await acm.send(new AddTagsToCertificateCommand({ CertificateArn,
      Tags: [{ Key: 'env', Value: 'prod' }] }));
    expect(await tagsOf(CertificateArn)).toEqual([
      { Key: 'env', Value: 'prod' }, { Key: 'team', Value: 'edge' }, { Key: 'flag' }]);

    await acm.send(new RemoveTagsFromCertificateCommand({ CertificateArn, Tags: [
      { Key: 'env', Value: 'dev' }, { Key: 'team' }, { Key: 'absent' }] }));
    expect(await tagsOf(CertificateArn)).toEqual([{ Key: 'env', Value: 'prod' }, { Key: 'flag' }]);
  });

  it('allows 50 tags and refuses the 51st without storing any of the request', async () => {
    const CertificateArn = await importOne();
    const fifty = Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}`, Value: `${i}` }));
    await acm.send(new AddTagsToCertificateCommand({ CertificateArn, Tags: fifty }));
    const error = await errorOf(acm.send(new AddTagsToCertificateCommand({ CertificateArn,
      Tags: [{ Key: 'k0', Value: 'changed' }, { Key: 'extra', Value: 'x' }] })));
    expect(error.name).toBe('TooManyTagsException');
    const tags = await tagsOf(CertificateArn);
    expect(tags).toHaveLength(50);
    expect(tags![0]).toEqual({ Key: 'k0', Value: '0' });
  });

  it('refuses reserved keys and values outside the model\'s pattern', async () => {
    const CertificateArn = await importOne();
    const reserved = await errorOf(acm.send(new AddTagsToCertificateCommand({ CertificateArn,
      Tags: [{ Key: 'aws:owner', Value: 'me' }] })));
    expect(reserved.name).toBe('InvalidTagException');
    const pattern = await errorOf(acm.send(new AddTagsToCertificateCommand({ CertificateArn,
      Tags: [{ Key: 'ok', Value: 'fine' }, { Key: 'bad', Value: 'semi;colon' }] })));
    expect(pattern).toEqual({ name: 'ValidationException', message: '1 validation error '
      + "detected: Value 'semi;colon' at 'tags.2.member.value' failed to satisfy constraint: "
      + 'Member must satisfy regular expression pattern: ([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)' });
    expect(await tagsOf(CertificateArn)).toEqual([]);
  });

  it('refuses tags on a certificate that does not exist', async () => {
    const CertificateArn = 'arn:aws:acm:us-east-1:000000000000:certificate/'
      + '00000000-0000-0000-0000-000000000000';
    const error = await errorOf(acm.send(new AddTagsToCertificateCommand({ CertificateArn,
      Tags: [{ Key: 'a', Value: 'b' }] })));
    expect(error.name).toBe('ResourceNotFoundException');
  });
});

describe('DeleteCertificate', () => {
  it('removes the certificate, its key and its tags for good', async () => {
    const CertificateArn = await importOne();
    await acm.send(new AddTagsToCertificateCommand({ CertificateArn,
      Tags: [{ Key: 'a', Value: 'b' }] }));
    await acm.send(new DeleteCertificateCommand({ CertificateArn }));

    for (const call of [
      acm.send(new DescribeCertificateCommand({ CertificateArn })),
      acm.send(new GetCertificateCommand({ CertificateArn })),
      acm.send(new ListTagsForCertificateCommand({ CertificateArn })),
      acm.send(new DeleteCertificateCommand({ CertificateArn })),
    ]) {
      expect(await errorOf(call)).toEqual({ name: 'ResourceNotFoundException',
        message: `Could not find certificate ${CertificateArn} in account 000000000000.` });
    }
    const listed = await acm.send(new ListCertificatesCommand({}));
    expect(listed.CertificateSummaryList!.map((s) => s.CertificateArn))
      .not.toContain(CertificateArn);
    const db = new SQLite(path.join(server.dataDir, 'openacm.db'), { readonly: true });
    try {
      for (const table of ['certificates', 'certificate_tags']) {
        const row = db.prepare(`select count(*) as n from ${table} where arn = ?`)
          .get(CertificateArn) as { n: number };
        expect(row.n, table).toBe(0);
      }
    } finally {
      db.close();
    }
  });

  it('answers InvalidArnException for an ARN that names no certificate', async () => {
    const error = await errorOf(acm.send(new DeleteCertificateCommand({
      CertificateArn: 'arn:aws:acm:us-east-1:000000000000:acme-endpoint/ep-1' })));
    expect(error.name).toBe('InvalidArnException');
  });
});

describe('UpdateCertificateOptions', () => {
  it('is refused for imported certificates, as on AWS', async () => {
    const CertificateArn = await importOne();
    const error = await errorOf(acm.send(new UpdateCertificateOptionsCommand({ CertificateArn,
      Options: { CertificateTransparencyLoggingPreference: 'DISABLED' } })));
    expect(error).toEqual({ name: 'InvalidStateException',
      message: 'The UpdateCertificateOptions command is not permitted for imported '
        + 'certificates.' });
    const { Certificate } = await acm.send(new DescribeCertificateCommand({ CertificateArn }));
    expect(Certificate!.Options).toEqual(
      { CertificateTransparencyLoggingPreference: 'DISABLED', Export: 'DISABLED' });
  });

  it('answers ResourceNotFoundException for an unknown certificate', async () => {
    const CertificateArn = 'arn:aws:acm:us-east-1:000000000000:certificate/'
      + '11111111-2222-3333-4444-555555555555';
    const error = await errorOf(acm.send(new UpdateCertificateOptionsCommand({ CertificateArn,
      Options: { Export: 'ENABLED' } })));
    expect(error.name).toBe('ResourceNotFoundException');
  });
});

describe('account configuration', () => {
  it('defaults to 45 days, stores a new value, and keeps accounts apart', async () => {
    const other = server.client(await server.addCredentials('444455556666'));
    expect((await acm.send(new GetAccountConfigurationCommand({}))).ExpiryEvents)
      .toEqual({ DaysBeforeExpiry: 45 });

    await acm.send(new PutAccountConfigurationCommand({ IdempotencyToken: 'first',
      ExpiryEvents: { DaysBeforeExpiry: 30 } }));
    expect((await acm.send(new GetAccountConfigurationCommand({}))).ExpiryEvents)
      .toEqual({ DaysBeforeExpiry: 30 });
    expect((await other.send(new GetAccountConfigurationCommand({}))).ExpiryEvents)
      .toEqual({ DaysBeforeExpiry: 45 });

    await acm.send(new PutAccountConfigurationCommand({ IdempotencyToken: 'first',
      ExpiryEvents: { DaysBeforeExpiry: 10 } }));
    expect((await acm.send(new GetAccountConfigurationCommand({}))).ExpiryEvents)
      .toEqual({ DaysBeforeExpiry: 30 });
  });

  it('validates the range and requires an idempotency token', async () => {
    for (const [days, phrase] of [[0, 'greater than or equal to 1'],
      [46, 'less than or equal to 45']] as const) {
      const error = await errorOf(acm.send(new PutAccountConfigurationCommand({
        IdempotencyToken: `range${days}`, ExpiryEvents: { DaysBeforeExpiry: days } })));
      expect(error).toEqual({ name: 'ValidationException', message: '1 validation error '
        + `detected: Value '${days}' at 'expiryEvents.daysBeforeExpiry' failed to satisfy `
        + `constraint: Member must have value ${phrase}` });
    }
    const missing = await errorOf(acm.send(new PutAccountConfigurationCommand(
      { ExpiryEvents: { DaysBeforeExpiry: 5 } } as never)));
    expect(missing).toEqual({ name: 'ValidationException', message: '1 validation error '
      + "detected: Value null at 'idempotencyToken' failed to satisfy constraint: "
      + 'Member must not be null' });
    expect((await acm.send(new GetAccountConfigurationCommand({}))).ExpiryEvents)
      .toEqual({ DaysBeforeExpiry: 30 });
  });
});

describe('isolation between accounts and regions', () => {
  it('never shows, changes or deletes another tenant\'s certificate', async () => {
    const CertificateArn = await importOne(acm, 'tenant-a.example.com');
    const otherAccount = server.client(await server.addCredentials('111122223333'));
    const otherRegion = server.client({ region: 'eu-central-1' });

    for (const client of [otherAccount, otherRegion]) {
      const listed = await client.send(new ListCertificatesCommand({}));
      expect(listed.CertificateSummaryList).toEqual([]);
      for (const call of [
        client.send(new DescribeCertificateCommand({ CertificateArn })),
        client.send(new AddTagsToCertificateCommand({ CertificateArn,
          Tags: [{ Key: 'x', Value: 'y' }] })),
        client.send(new DeleteCertificateCommand({ CertificateArn })),
      ]) {
        expect((await errorOf(call)).name).toBe('ResourceNotFoundException');
      }
    }
    expect(await tagsOf(CertificateArn)).toEqual([]);
    const { Certificate } = await acm.send(new DescribeCertificateCommand({ CertificateArn }));
    expect(Certificate!.DomainName).toBe('tenant-a.example.com');

    const own = await importOne(otherAccount, 'tenant-b.example.com');
    expect(own).toMatch(/^arn:aws:acm:us-east-1:111122223333:certificate\//);
    const euArn = await importOne(otherRegion, 'tenant-eu.example.com');
    expect(euArn).toMatch(/^arn:aws:acm:eu-central-1:000000000000:certificate\//);
  });
});
