/**
 * Second round of hostile input against running servers: hand-made certificates and keys over
 * the wire, the imported-certificate quota, the re-import rules and their races, time moved
 * around NotBefore and NotAfter, and the `openacm` command given bad flags and bad data
 * directories. Every refusal is a modelled error, never a 500, and leaves nothing stored.
 * All traffic goes to loopback test servers; every file lives in a temporary directory.
 */
import { execFile } from 'node:child_process';
import { generateKeyPairSync, randomUUID, X509Certificate } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import {
  DescribeCertificateCommand, ImportCertificateCommand, ListCertificatesCommand,
} from '@aws-sdk/client-acm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { importCertificate } from '../../src/app/certificates/import-certificate.ts';
import type { AppServices } from '../../src/app/context.ts';
import type { CertificateRecord } from '../../src/domain/certificate.ts';
import { AcmError } from '../../src/domain/errors.ts';
import type { CertificateQuery, ListCursor } from '../../src/domain/ports.ts';
import { readImportMaterial } from '../../src/crypto/import-material.ts';
import { OPERATIONS } from '../../src/protocol/operations/index.ts';
import { SqlAccountStore } from '../../src/storage/account-store.ts';
import { SqlCertificateStore } from '../../src/storage/certificate-store.ts';
import { openDatabase } from '../../src/storage/open-database.ts';
import { asImportInput, EKU, makeCertificate, type CertificateOptions, type TestMaterial }
  from '../helpers/certs.ts';
import {
  ALGORITHM, attribute, b64url, derCertificate, dns, extension, hex, int, name, OID, oid, pem,
  san, tlv, utf8Cn,
} from '../helpers/der.ts';
import type { RawResponse } from '../helpers/raw.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { callServer, importBody, rowCounts, wireError } from '../helpers/wire.ts';

const DAY = 86_400_000;

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

/** One signed request to `target` (the shared server by default), checked for leaks. */
const call = (operation: string, body: unknown = {}, options: {
  target?: TestServer; accessKeyId?: string; secretAccessKey?: string;
} = {}): Promise<RawResponse> => {
  const { target = server, ...credentials } = options;
  return callServer(target, operation, body, credentials);
};

function errorOf(res: RawResponse): { type: string; message: string } {
  expect(res.status).toBe(400);
  return wireError(res);
}

async function importOne(m: TestMaterial, extra: Record<string, unknown> = {},
  target = server): Promise<string> {
  const res = await call('ImportCertificate', importBody(m, extra), { target });
  expect(res.status, res.text).toBe(200);
  return res.json.CertificateArn;
}

const rows = (target = server) => rowCounts(target);

const describeArn = async (arn: string) =>
  (await call('DescribeCertificate', { CertificateArn: arn })).json.Certificate;
const pemOf = async (arn: string) =>
  (await call('GetCertificate', { CertificateArn: arn })).json.Certificate;

describe('hand-made certificates over the wire', () => {
  const ec = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey;
  const ecPkcs8 = ec.export({ format: 'pem', type: 'pkcs8' }).toString();

  it('describes an accepted one as it is: negative serial, Teletex O, BMPString CN, IP SAN',
    async () => {
      const notBefore = new Date(Math.floor(Date.now() / 1000) * 1000 - DAY);
      const notAfter = new Date(notBefore.getTime() + 40 * DAY);
      const der = derCertificate({ key: ec, serial: tlv(0x02, hex('ff')), notBefore, notAfter,
        subject: name([attribute(OID.o, 0x14, hex('e974e9'))],
          [attribute(OID.cn, 0x1e, Buffer.from('\0b\0m\0p\0.\0e\0x\0a\0m\0p\0l\0e', 'latin1'))]),
        issuer: name([attribute(OID.cn, 0x0c, Buffer.from('Hand CA'))]),
        extensions: [san(dns('bmp.example'), tlv(0x87, hex('c0000209'))),
          extension(OID.ku, hex('03020780'), true),
          extension(OID.eku, tlv(0x30, oid('2b06010505070301'))),
          extension('2a0304', hex('0500'), true)] });
      const arn = await importOne({ certificate: pem('CERTIFICATE', der), privateKey: ecPkcs8 });
      expect(await describeArn(arn)).toMatchObject({
        Serial: 'ff', Subject: 'O=été,CN=bmp.example', Issuer: 'Hand CA',
        DomainName: 'bmp.example', SubjectAlternativeNames: ['bmp.example', '192.0.2.9'],
        KeyAlgorithm: 'EC-prime256v1', SignatureAlgorithm: 'SHA256WITHECDSA',
        KeyUsages: [{ Name: 'DIGITAL_SIGNATURE' }],
        ExtendedKeyUsages: [{ Name: 'TLS_WEB_SERVER_AUTHENTICATION', OID: '1.3.6.1.5.5.7.3.1' }],
        NotBefore: notBefore.getTime() / 1000, NotAfter: notAfter.getTime() / 1000,
        Status: 'ISSUED', Type: 'IMPORTED' });
      expect(await pemOf(arn)).toBe(pem('CERTIFICATE', der));
      const list = await call('ListCertificates', { Includes: { keyTypes: ['EC_prime256v1'] } });
      const listed = list.json.CertificateSummaryList
        .find((s: { CertificateArn: string }) => s.CertificateArn === arn);
      expect(listed).toMatchObject({ DomainName: 'bmp.example',
        SubjectAlternativeNameSummaries: ['bmp.example', '192.0.2.9'],
        KeyUsages: ['DIGITAL_SIGNATURE'], ExtendedKeyUsages: ['TLS_WEB_SERVER_AUTHENTICATION'] });
    });

  /** A PKCS#1 file holding the RSA certificate's public values and zeros for the rest. */
  function publicValuesOnly(material: TestMaterial): string {
    const jwk = new X509Certificate(material.certificate).publicKey.export({ format: 'jwk' });
    const zero = int(hex('00'));
    return pem('RSA PRIVATE KEY', tlv(0x30, zero, int(b64url(jwk.n)), int(b64url(jwk.e)),
      zero, zero, zero, zero, zero, zero));
  }

  it('refuses a private key that is only the certificate\'s public values, storing nothing',
    async () => {
      const material = await makeCertificate({ commonName: 'possession.example.com' });
      const before = rows();
      const res = await call('ImportCertificate',
        importBody({ ...material, privateKey: publicValuesOnly(material) }));
      expect(errorOf(res)).toEqual({ type: 'ValidationException',
        message: 'The private key does not match the public key in the certificate.' });
      expect(rows()).toEqual(before);
    });

  it('refuses it on re-import too, and keeps the certificate it was meant to replace',
    async () => {
      const material = await makeCertificate({ commonName: 'possession.example.com' });
      const arn = await importOne(material);
      const before = await pemOf(arn);
      const next = await makeCertificate({ commonName: 'possession.example.com',
        keySlot: 'possession-next' });
      const res = await call('ImportCertificate', importBody(
        { ...next, privateKey: publicValuesOnly(next) }, { CertificateArn: arn }));
      expect(errorOf(res).message)
        .toBe('The private key does not match the public key in the certificate.');
      expect(await pemOf(arn)).toBe(before);
    });

  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const rsaPkcs8 = rsa.export({ format: 'pem', type: 'pkcs8' }).toString();
  const unparseable = 'Unable to parse certificate. Please ensure the certificate is in PEM '
    + 'format.';

  it.each([
    ['signature algorithms that disagree', () => derCertificate({ key: rsa,
      inner: ALGORITHM.sha256Rsa, outer: ALGORITHM.sha384Rsa }), unparseable],
    ['no name at all', () => derCertificate({ key: rsa, subject: name(), extensions: [] }),
      'The certificate must contain a domain name or an IP address, in its subject or its '
        + 'subject alternative names.'],
    ['a C1 control character in its CN', () => derCertificate({ key: rsa,
      subject: utf8Cn('x\u009b31m.example'), extensions: [] }),
    'The certificate contains a name that is not valid: "x\u009b31m.example". Names must be at '
      + 'most 253 characters without control characters.'],
    ['a DNS name of Latin-1 octets', () => derCertificate({ key: rsa,
      extensions: [san(dns(hex('e9')))] }), unparseable],
    ['an empty ExtendedKeyUsage', () => derCertificate({ key: rsa,
      extensions: [san(dns('x.example')), extension(OID.eku, hex('3000'))] }), unparseable],
  ])('refuses a certificate with %s, storing nothing', async (_, make, message) => {
    const before = rows();
    const res = await call('ImportCertificate',
      importBody({ certificate: pem('CERTIFICATE', make()), privateKey: rsaPkcs8 }));
    expect(errorOf(res)).toEqual({ type: 'ValidationException', message });
    expect(rows()).toEqual(before);
  });
});

describe('the imported-certificate quota', () => {
  let small: TestServer;

  beforeAll(async () => {
    small = await startTestServer({ maxImportedCertificates: 2 });
  });
  afterAll(() => small.stop());

  it('is not used by refused imports, is freed by a delete, and is counted per account',
    async () => {
      const material = await makeCertificate({ commonName: 'quota2.example.com' });
      const first = await importOne(material, {}, small);
      await importOne(material, {}, small);
      const full = rows(small);
      const over = await call('ImportCertificate',
        importBody(material, { Tags: [{ Key: 'team', Value: 'a' }] }), { target: small });
      expect(errorOf(over)).toEqual({ type: 'LimitExceededException', message: 'The account '
        + '000000000000 has reached its limit of 2 imported certificates in us-east-1.' });
      // The material is checked first: a bad import on a full account says what is wrong.
      const bad = await call('ImportCertificate', importBody({ ...material,
        privateKey: 'junk' }), { target: small });
      expect(errorOf(bad).type).toBe('ValidationException');
      expect(rows(small)).toEqual(full);

      const other = await small.addCredentials('123412341234');
      for (let i = 0; i < 2; i += 1) {
        const res = await call('ImportCertificate', importBody(material),
          { target: small, ...other });
        expect(res.status, res.text).toBe(200);
      }

      expect((await call('DeleteCertificate', { CertificateArn: first }, { target: small }))
        .status).toBe(200);
      await importOne(material, {}, small);
      expect(errorOf(await call('ImportCertificate', importBody(material), { target: small }))
        .type).toBe('LimitExceededException');
      expect(rows(small).certificates).toBe(4);
    });
});

type Usages = Pick<CertificateOptions, 'keyType' | 'keyUsages' | 'extendedKeyUsages'>;
const missing = (extension: string, values: string) => `The new certificate is missing `
  + `${extension} values of the certificate it replaces: ${values}.`;
const adds = (extension: string) => `The new certificate adds a ${extension} extension that the `
  + 'certificate it replaces does not have.';
const EC: Usages = { keyType: 'EC_prime256v1' };

describe('re-import rules', () => {
  it.each<[string, Usages, Usages, string | null]>([
    ['drops KEY_ENCIPHERMENT from an RSA certificate',
      { keyUsages: ['DIGITAL_SIGNATURE', 'KEY_ENCIPHERMENT'] },
      { keyUsages: ['DIGITAL_SIGNATURE'] }, missing('KeyUsage', 'KEY_ENCIPHERMENT')],
    ['drops KEY_ENCIPHERMENT from an ECDSA certificate',
      { ...EC, keyUsages: ['DIGITAL_SIGNATURE', 'KEY_ENCIPHERMENT'] },
      { ...EC, keyUsages: ['DIGITAL_SIGNATURE'] }, null],
    ['drops DIGITAL_SIGNATURE from an ECDSA certificate',
      { ...EC, keyUsages: ['DIGITAL_SIGNATURE', 'KEY_ENCIPHERMENT'] },
      { ...EC, keyUsages: ['KEY_ENCIPHERMENT'] }, missing('KeyUsage', 'DIGITAL_SIGNATURE')],
    ['drops clientAuth', { extendedKeyUsages: [EKU.serverAuth, EKU.clientAuth] },
      { extendedKeyUsages: [EKU.serverAuth] }, null],
    ['drops serverAuth', { extendedKeyUsages: [EKU.serverAuth, EKU.clientAuth] },
      { extendedKeyUsages: [EKU.clientAuth] }, missing('ExtendedKeyUsage', EKU.serverAuth)],
    ['drops the whole ExtendedKeyUsage extension', { extendedKeyUsages: [EKU.serverAuth] },
      { extendedKeyUsages: [] }, missing('ExtendedKeyUsage', EKU.serverAuth)],
    ['replaces one custom purpose by another', { extendedKeyUsages: ['1.2.3.4'] },
      { extendedKeyUsages: ['1.2.3.5'] }, missing('ExtendedKeyUsage', '1.2.3.4')],
    ['adds usage values to both extensions',
      { keyUsages: ['DIGITAL_SIGNATURE'], extendedKeyUsages: [EKU.serverAuth] },
      { keyUsages: ['DIGITAL_SIGNATURE', 'KEY_ENCIPHERMENT'],
        extendedKeyUsages: [EKU.serverAuth, EKU.codeSigning] }, null],
    ['adds a KeyUsage extension', { keyUsages: [] }, { keyUsages: ['DIGITAL_SIGNATURE'] },
      adds('KeyUsage')],
    ['adds an ExtendedKeyUsage extension', { extendedKeyUsages: [] },
      { extendedKeyUsages: [EKU.serverAuth] }, adds('ExtendedKeyUsage')],
    ['grows an RSA key from 2048 to 3072 bits', {}, { keyType: 'RSA_3072' },
      'The new certificate\'s key algorithm RSA_3072 does not match the key algorithm '
        + 'RSA_2048 of the certificate it replaces.'],
    ['moves an EC key from P-256 to P-384', EC, { keyType: 'EC_secp384r1' },
      'The new certificate\'s key algorithm EC_secp384r1 does not match the key algorithm '
        + 'EC_prime256v1 of the certificate it replaces.'],
  ])('when the new certificate %s', async (_, old, next, refusal) => {
    const commonName = 'rules.example.com';
    const arn = await importOne(await makeCertificate({ commonName, ...old }));
    const before = { pem: await pemOf(arn), rows: rows() };
    const replacement = await makeCertificate({ commonName, keySlot: 'rules-next', ...next });
    const res = await call('ImportCertificate', importBody(replacement, { CertificateArn: arn }));
    if (refusal === null) {
      expect(res.status, res.text).toBe(200);
      expect(await pemOf(arn)).toBe(replacement.certificate);
    } else {
      expect(errorOf(res)).toEqual({ type: 'ValidationException', message: refusal });
      expect(await pemOf(arn)).toBe(before.pem);
    }
    expect(rows()).toEqual(before.rows);
  }, 60_000);
});

describe('re-imports racing other requests', () => {
  const caller = { accountId: '000000000000', region: 'us-east-1' };

  /** A store where, once, another request runs to its end between a read and the write. */
  class Overtaken extends SqlCertificateStore {
    meanwhile: (() => Promise<unknown>) | undefined;

    override async find(accountId: string, region: string, arn: string) {
      const record = await super.find(accountId, region, arn);
      const other = this.meanwhile;
      this.meanwhile = undefined;
      if (other) await other();
      return record;
    }
  }

  async function setUp() {
    const db = await openDatabase('sqlite::memory:');
    const services = (certificates: SqlCertificateStore): AppServices => ({
      certificates, accounts: new SqlAccountStore(db),
      sealer: { seal: (b) => b, open: (b) => b }, clock: { now: () => new Date() },
      audit: { record: () => undefined }, readImportMaterial, newId: randomUUID,
      tokenKey: Buffer.alloc(32), maxImportedCertificates: 10 });
    const store = new Overtaken(db);
    return { db, store, plain: services(new SqlCertificateStore(db)), hooked: services(store) };
  }

  const usage = (extendedKeyUsages: string[]) => makeCertificate({
    commonName: 'race.example.com', extendedKeyUsages, keySlot: 'race' });

  it('holds a re-import to the rules against a re-import that landed after its read',
    async () => {
      const { db, store, plain, hooked } = await setUp();
      try {
        const arn = await importCertificate(plain, caller,
          asImportInput(await usage([EKU.serverAuth])));
        const widened = await usage([EKU.serverAuth, EKU.codeSigning]);
        store.meanwhile = () => importCertificate(plain, caller,
          { certificateArn: arn, ...asImportInput(widened) });
        const narrow = importCertificate(hooked, caller,
          { certificateArn: arn, ...asImportInput(await usage([EKU.serverAuth])) });
        const error = await narrow.then(() => undefined, (e: unknown) => e);
        expect(error).toBeInstanceOf(AcmError);
        expect((error as AcmError).message)
          .toBe(missing('ExtendedKeyUsage', EKU.codeSigning));
        const stored = await store.find(caller.accountId, caller.region, arn);
        expect(stored?.certificatePem).toBe(widened.certificate);
      } finally {
        await db.destroy();
      }
    });

  it('lets a re-import that also satisfies the one that overtook it through', async () => {
    const { db, store, plain, hooked } = await setUp();
    try {
      const arn = await importCertificate(plain, caller,
        asImportInput(await usage([EKU.serverAuth])));
      store.meanwhile = async () => importCertificate(plain, caller, { certificateArn: arn,
        ...asImportInput(await usage([EKU.serverAuth, EKU.codeSigning])) });
      const wider = await usage([EKU.serverAuth, EKU.codeSigning, EKU.emailProtection]);
      expect(await importCertificate(hooked, caller,
        { certificateArn: arn, ...asImportInput(wider) })).toBe(arn);
      expect((await store.find(caller.accountId, caller.region, arn))?.certificatePem)
        .toBe(wider.certificate);
    } finally {
      await db.destroy();
    }
  });

  it('keeps every tag added while the same ARN is re-imported in parallel', async () => {
    const material = await makeCertificate({ commonName: 'tag-race.example.com' });
    const arn = await importOne(material, { Tags: [{ Key: 'base' }] });
    const next = await makeCertificate({ commonName: 'tag-race.example.com', keySlot: 'tr' });
    const requests = Array.from({ length: 12 }, (_, i) => (i % 2 === 0
      ? call('AddTagsToCertificate', { CertificateArn: arn, Tags: [{ Key: `k${i}` }] })
      : call('ImportCertificate', importBody(i % 4 === 1 ? next : material,
        { CertificateArn: arn }))));
    const answers = await Promise.all(requests);
    expect(answers.map((r) => r.status)).toEqual(answers.map(() => 200));
    const tags = (await call('ListTagsForCertificate', { CertificateArn: arn })).json.Tags;
    expect(tags.map((t: { Key: string }) => t.Key).sort())
      .toEqual(['base', 'k0', 'k10', 'k2', 'k4', 'k6', 'k8']);
    expect([material.certificate, next.certificate]).toContain(await pemOf(arn));
  });
});

describe('time around NotBefore and NotAfter', () => {
  let timed: TestServer;

  beforeAll(async () => {
    timed = await startTestServer();
  });
  afterAll(() => timed.stop());

  /** Moves the server's clock to `at`; the returned client signs by that clock. */
  function clockAt(at: number) {
    timed.clock.offsetMs = at - Date.now();
    return timed.client({ systemClockOffset: timed.clock.offsetMs });
  }

  async function statusesAt(at: number, arn: string) {
    const acm = clockAt(at);
    const described = (await acm.send(new DescribeCertificateCommand({ CertificateArn: arn })))
      .Certificate!.Status;
    const listed = async (status: 'ISSUED' | 'EXPIRED') => (await acm.send(
      new ListCertificatesCommand({ CertificateStatuses: [status] }))).CertificateSummaryList!
      .filter((s) => s.CertificateArn === arn).map((s) => s.Status);
    return { described, issued: await listed('ISSUED'), expired: await listed('EXPIRED') };
  }

  it('turns EXPIRED at NotAfter in DescribeCertificate and the status filters alike',
    async () => {
      const notBefore = new Date(Math.floor(Date.now() / 1000) * 1000 - DAY);
      const notAfter = new Date(notBefore.getTime() + 3 * DAY);
      const material = await makeCertificate({ commonName: 'clock.example.com', notBefore,
        notAfter });
      clockAt(Date.now());
      const arn = await importOne(material, {}, timed);
      expect(await statusesAt(notAfter.getTime() - 5000, arn))
        .toEqual({ described: 'ISSUED', issued: ['ISSUED'], expired: [] });
      expect(await statusesAt(notAfter.getTime() + 5000, arn))
        .toEqual({ described: 'EXPIRED', issued: [], expired: ['EXPIRED'] });
      // A clock set back before NotBefore finds no status for "not yet valid": still ISSUED.
      expect(await statusesAt(notBefore.getTime() - DAY, arn))
        .toEqual({ described: 'ISSUED', issued: ['ISSUED'], expired: [] });
    });

  it('refuses the same certificate outside its validity, storing nothing', async () => {
    const notBefore = new Date(Math.floor(Date.now() / 1000) * 1000 + DAY);
    const notAfter = new Date(notBefore.getTime() + DAY);
    const material = await makeCertificate({ commonName: 'window.example.com', notBefore,
      notAfter });
    const before = rows(timed);
    const input = { Certificate: Buffer.from(material.certificate),
      PrivateKey: Buffer.from(material.privateKey), CertificateChain:
        Buffer.from(material.chain!) };
    const early = await clockAt(notBefore.getTime() - 1000)
      .send(new ImportCertificateCommand(input)).catch((e: Error) => e);
    expect(early).toMatchObject({ name: 'ValidationException', message: 'The certificate is '
      + `not yet valid: it becomes valid at ${notBefore.toISOString().replace('.000', '')}.` });
    const late = await clockAt(notAfter.getTime())
      .send(new ImportCertificateCommand(input)).catch((e: Error) => e);
    expect(late).toMatchObject({ name: 'ValidationException', message: 'The certificate has '
      + `expired: it expired at ${notAfter.toISOString().replace('.000', '')}.` });
    expect(rows(timed)).toEqual(before);
    const inside = await clockAt(notBefore.getTime()).send(new ImportCertificateCommand(input));
    expect(inside.CertificateArn).toMatch(/^arn:aws:acm:us-east-1:000000000000:certificate\//);
  });

  it('shows a listed certificate with the status its filter chose it by', async () => {
    const db = await openDatabase('sqlite::memory:');
    try {
      let offsetMs = 0;
      const clock = { now: () => new Date(Date.now() + offsetMs) };
      /** Time passes NotAfter just after the listing's query has run. */
      class SlowList extends SqlCertificateStore {
        override async list(query: CertificateQuery, after: ListCursor | undefined, n: number) {
          const found: CertificateRecord[] = await super.list(query, after, n);
          offsetMs = 2 * DAY;
          return found;
        }
      }
      const services: AppServices = { certificates: new SlowList(db),
        accounts: new SqlAccountStore(db), sealer: { seal: (b) => b, open: (b) => b }, clock,
        audit: { record: () => undefined }, readImportMaterial, newId: randomUUID,
        tokenKey: Buffer.alloc(32), maxImportedCertificates: 10 };
      const caller = { accountId: '000000000000', region: 'us-east-1' };
      const material = await makeCertificate({ commonName: 'instant.example.com',
        notBefore: new Date(Date.now() - DAY), notAfter: new Date(Date.now() + DAY) });
      await importCertificate(services, caller, asImportInput(material));
      const page = await OPERATIONS.ListCertificates!(services, caller,
        { CertificateStatuses: ['ISSUED'] }) as { CertificateSummaryList: Array<{
          Status: string }> };
      expect(page.CertificateSummaryList.map((s) => s.Status)).toEqual(['ISSUED']);
    } finally {
      await db.destroy();
    }
  });
});

describe('the openacm command', () => {
  const BIN = path.resolve('bin/openacm.js');
  let root: string;

  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'openacm-cli2-'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  /** Runs the command with a hard timeout, so that a hang fails instead of stalling. */
  function openacm(args: string[], env: NodeJS.ProcessEnv = {}) {
    return new Promise<{ code: number | null; stdout: string; stderr: string;
      killed: boolean }>((resolve) => {
      execFile(process.execPath, [BIN, ...args], { timeout: 20_000,
        env: { PATH: process.env.PATH, ...env } }, (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0,
          stdout, stderr, killed: error?.killed ?? false });
      });
    });
  }

  /** A data directory already set up by the command itself. */
  async function dataDir(label: string): Promise<string> {
    const dir = path.join(root, label);
    expect((await openacm(['credentials', 'list', '--data-dir', dir])).code).toBe(0);
    return dir;
  }

  it('ends every failure with one clear line and a non-zero code', async () => {
    const groupReadable = await dataDir('group');
    chmodSync(path.join(groupReadable, 'master.key'), 0o640);
    const malformed = await dataDir('malformed');
    writeFileSync(path.join(malformed, 'master.key'), 'c2hvcnQ=\n', { mode: 0o600 });
    const notSqlite = await dataDir('not-sqlite');
    writeFileSync(path.join(notSqlite, 'openacm.db'), 'This is not a database. '.repeat(8));
    const dbIsDir = path.join(root, 'db-is-dir');
    mkdirSync(path.join(dbIsDir, 'openacm.db'), { recursive: true, mode: 0o700 });
    const aFile = path.join(root, 'a-file');
    writeFileSync(aFile, 'x');
    const keys = await dataDir('keys');
    const create = ['credentials', 'create', '--account-id', '123456789012',
      '--access-key-id', 'AKIAHOSTILEINPUT2222', '--secret-access-key', 's'.repeat(20),
      '--data-dir', keys];
    expect((await openacm(create)).code).toBe(0);

    const cases: Array<[string[], number, string]> = [
      [['--bogus'], 1, 'openacm: error: Unknown option \'--bogus\'. To specify a positional '
        + 'argument starting with a \'-\', place it at the end of the command after \'--\', '
        + 'as in \'-- "--bogus"'],
      [['credentials', 'create', '--account-id', '--data-dir', keys], 1, 'openacm: error: '
        + 'Option \'--account-id\' argument is ambiguous. Did you forget to specify the option '
        + 'argument for \'--account-id\'? To specify an option argument starting with a dash '
        + 'use \'--account-id=-XYZ\'.'],
      [['credentials', 'list', '--data-dir'], 1,
        'openacm: error: Option \'--data-dir <value>\' argument missing'],
      [['credentials', 'list', '--data-dir', groupReadable], 1, 'openacm: error: Refusing to '
        + `use ${groupReadable}/master.key: it is accessible by group or others (mode 0640); `
        + 'restrict it with chmod 600.'],
      [['credentials', 'list', '--data-dir', malformed], 1, `openacm: error: ${malformed}/`
        + 'master.key is malformed: expected the base64 encoding of exactly 32 bytes.'],
      [['credentials', 'list', '--data-dir', notSqlite], 1, `openacm: error: Cannot use `
        + `${notSqlite}/openacm.db as the database: file is not a database.`],
      [['credentials', 'list', '--data-dir', dbIsDir], 1, `openacm: error: Cannot use `
        + `${dbIsDir}/openacm.db as the database: unable to open database file.`],
      [['credentials', 'list', '--data-dir', path.join(aFile, 'data')], 1, 'openacm: error: '
        + `ENOTDIR: not a directory, open '${aFile}/data/master.key'`],
      [create, 1, 'openacm: error: access key id \'AKIAHOSTILEINPUT2222\' already exists.'],
      [['credentials', 'create', '--account-id', '123456789012', '--secret-access-key',
        's'.repeat(20), '--data-dir', keys], 1,
      'openacm: error: --secret-access-key needs --access-key-id.'],
      [['credentials', 'list', '--data-dir', keys, '--database-url', 'sqlite:'], 1,
        'openacm: configuration error: databaseUrl: \'sqlite:\' names no file; use '
          + '\'sqlite:<file>\'.'],
      [['serve', '--data-dir', keys, '--max-body-bytes', '10'], 1, 'openacm: configuration '
        + 'error: maxBodyBytes: \'10\' is not a whole number from 1024 to 67108864.'],
    ];
    const results = await Promise.all(cases.map(([args]) => openacm(args)));
    results.forEach((result, i) => {
      const [args, code, line] = cases[i]!;
      expect({ args, code: result.code, stderr: result.stderr }).toEqual(
        { args, code, stderr: `${line}\n` });
    });
    // Nothing was created where the command refused to work.
    expect(JSON.parse((await openacm(['credentials', 'list', '--data-dir', keys])).stdout)
      .map((k: { AccessKeyId: string }) => k.AccessKeyId)).toEqual(['AKIAHOSTILEINPUT2222']);
  }, 60_000);

  it.runIf(process.platform === 'linux')(
    'fails at once on a data directory /proc cannot hold, where mkdir -p would spin', async () => {
      const result = await openacm(['credentials', 'list', '--data-dir',
        `/proc/openacm-${process.pid}/data`]);
      expect(result.killed).toBe(false);
      expect(result.code).toBe(1);
      expect(result.stderr).toBe('openacm: error: ENOENT: no such file or directory, mkdir '
        + `'/proc/openacm-${process.pid}'\n`);
    });

  it('reports a data directory that cannot exist in one line', async () => {
    // A regular file where a directory must be: this fails for root as for anyone.
    const parent = await dataDir('blocked');
    const blocker = path.join(parent, 'file');
    writeFileSync(blocker, 'not a directory');
    const result = await openacm(['credentials', 'create', '--account-id', '123456789012',
      '--data-dir', path.join(blocker, 'data')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('openacm: error: ENOTDIR: not a directory, open '
      + `'${blocker}/data/master.key'\n`);
  });
});
