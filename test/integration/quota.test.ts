import { ImportCertificateCommand, ListCertificatesCommand } from '@aws-sdk/client-acm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { makeCertificate } from '../helpers/certs.ts';
import { errorOf } from '../helpers/expect-error.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ maxImportedCertificates: 2 });
});
afterAll(() => server.stop());

describe('the imported-certificate quota', () => {
  it('refuses imports past the quota, even concurrent ones, but allows re-import', async () => {
    const acm = server.client();
    const m = await makeCertificate({ commonName: 'quota.example.com' });
    const input = { Certificate: Buffer.from(m.certificate),
      PrivateKey: Buffer.from(m.privateKey) };
    const first = await acm.send(new ImportCertificateCommand(input));
    await acm.send(new ImportCertificateCommand(input));

    expect(await errorOf(acm.send(new ImportCertificateCommand(input)))).toEqual({
      name: 'LimitExceededException', message: 'The account 000000000000 has reached its '
        + 'limit of 2 imported certificates in us-east-1.' });
    const again = await acm.send(new ImportCertificateCommand(
      { ...input, CertificateArn: first.CertificateArn }));
    expect(again.CertificateArn).toBe(first.CertificateArn);
    expect((await acm.send(new ListCertificatesCommand({}))).CertificateSummaryList)
      .toHaveLength(2);

    const elsewhere = server.client({ region: 'us-west-2' });
    const racers = await Promise.allSettled(Array.from({ length: 8 }, () =>
      elsewhere.send(new ImportCertificateCommand(input))));
    expect(racers.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    expect((await elsewhere.send(new ListCertificatesCommand({}))).CertificateSummaryList)
      .toHaveLength(2);
    const third = server.client({ region: 'us-west-1' });
    const west = await third.send(new ImportCertificateCommand(input));
    expect(west.CertificateArn).toMatch(/^arn:aws:acm:us-west-1:/);
  });
});
