/**
 * Hostile and malformed input against a running server: every answer must be a modelled AWS
 * error (never a 500, a hang or a crash), must not leak internals, and a refused request must
 * leave nothing behind. All traffic goes to the loopback test server.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';

import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { importCertificate } from '../../src/app/certificates/import-certificate.ts';
import type { AppServices } from '../../src/app/context.ts';
import { loadConfig } from '../../src/config/config.ts';
import { formatCertificateArn } from '../../src/domain/arn.ts';
import type { CertificateRecord } from '../../src/domain/certificate.ts';
import { AcmError } from '../../src/domain/errors.ts';
import { systemClock } from '../../src/domain/ports.ts';
import { startServer, type RunningServer } from '../../src/main.ts';
import { createLogger } from '../../src/observability/logger.ts';
import { SqlAccountStore } from '../../src/storage/account-store.ts';
import { SqlCertificateStore } from '../../src/storage/certificate-store.ts';
import { openDatabase } from '../../src/storage/open-database.ts';
import { makeCa, makeCertificate, type TestMaterial } from '../helpers/certs.ts';
import { rawRequest } from '../helpers/raw.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { callServer, importBody, rowCounts, wireError } from '../helpers/wire.ts';

let server: TestServer;
let material: TestMaterial;

beforeAll(async () => {
  server = await startTestServer();
  material = await makeCertificate({ commonName: 'hostile.example.com', keySlot: 'hostile' });
});
afterAll(() => server.stop());

const MISSING_ARN = 'arn:aws:acm:us-east-1:000000000000:certificate/'
  + '12345678-1234-1234-1234-123456789012';

const b64 = (text: string) => Buffer.from(text).toString('base64');
const call = (operation: string, body: unknown = {},
  options: { region?: string; accessKeyId?: string; secretAccessKey?: string } = {}) =>
  callServer(server, operation, body, options);
const errorOf = wireError;
const rows = () => rowCounts(server);

async function importOne(m = material): Promise<string> {
  const res = await call('ImportCertificate', importBody(m));
  expect(res.status, res.text).toBe(200);
  return res.json.CertificateArn;
}

const tagsOf = async (arn: string) =>
  (await call('ListTagsForCertificate', { CertificateArn: arn })).json.Tags;

describe('JSON bodies', () => {
  it('refuses invalid UTF-8 as a SerializationException and stores nothing', async () => {
    const arn = await importOne();
    const before = rows();
    const body = Buffer.concat([
      Buffer.from(`{"CertificateArn":"${arn}","Tags":[{"Key":"k","Value":"`),
      Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('"}]}')]);
    expect(errorOf(await call('AddTagsToCertificate', body))).toEqual({
      type: 'SerializationException', message: 'The request body is not valid UTF-8.' });
    expect(rows()).toEqual(before);
  });

  it('refuses JSON nested half a million levels deep without exhausting the stack', async () => {
    const res = await call('ListCertificates', '['.repeat(500_000));
    expect(errorOf(res)).toEqual({ type: 'SerializationException',
      message: 'The request body is not valid JSON.' });
  });

  it('ignores an unmodelled member nested 100,000 levels deep', async () => {
    const deep = `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`;
    const res = await call('ListCertificates', `{"Unknown":${deep},"MaxItems":1}`);
    expect(res.status).toBe(200);
  });

  it.each(['null', '[]', '"text"', '42'])('refuses the top-level JSON value %s', async (body) => {
    expect(errorOf(await call('ListCertificates', body))).toEqual({
      type: 'SerializationException', message: 'The request body must be a JSON object' });
  });

  it('keeps __proto__ and constructor as plain data and never pollutes a prototype', async () => {
    const arn = await importOne();
    const body = `{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},`
      + `"CertificateArn":"${arn}","Tags":[{"Key":"__proto__","Value":"constructor",`
      + `"__proto__":{"Key":"other"}},{"Key":"constructor"}]}`;
    expect((await call('AddTagsToCertificate', body)).status).toBe(200);
    expect(await tagsOf(arn)).toEqual([{ Key: '__proto__', Value: 'constructor' },
      { Key: 'constructor' }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['NUL', 'a\\u0000b'], ['a lone surrogate', '\\ud800'], ['a line break', 'a\\nb'],
  ])('refuses a tag value with %s as a ValidationException and stores nothing', async (_, v) => {
    const arn = await importOne();
    const before = rows();
    const tags = `[{"Key":"ok","Value":"fine"},{"Key":"k","Value":"${v}"}]`;
    const res = await call('AddTagsToCertificate', `{"CertificateArn":"${arn}","Tags":${tags}}`);
    const error = errorOf(res);
    expect(error.type).toBe('ValidationException');
    expect(error.message)
      .toMatch(/^1 validation error detected: Value '[\s\S]*' at 'tags\.2\.member\.value'/);
    expect(rows()).toEqual(before);
  });

  it('reports at most 100 clauses however many elements of a list are invalid', async () => {
    const n = 300_000;
    const body = `{"CertificateArn":"${MISSING_ARN}","Tags":[${Array(n).fill('{}').join(',')}]}`;
    const res = await call('AddTagsToCertificate', body);
    const { type, message } = errorOf(res);
    expect(type).toBe('ValidationException');
    expect(message.startsWith(`${n + 1} validation errors detected: Value '[{}, {}, `)).toBe(true);
    expect(message).toContain("at 'tags' failed to satisfy constraint: "
      + 'Member must have length less than or equal to 50; ');
    expect(message.split('; ')).toHaveLength(100 + 1);
    expect(message.endsWith(`; and ${n + 1 - 100} more`)).toBe(true);
    expect(res.text.length).toBeLessThan(64 * 1024);
  });
});

describe('numbers', () => {
  it.each([
    ['1e400', 'an overflow to Infinity'], ['9007199254740993', '2^53 + 1'],
    ['2147483648', '2^31'], ['1.5', 'a fraction'], ['"1"', 'a string'], ['true', 'a boolean'],
  ])('refuses MaxItems %s (%s) as a SerializationException', async (value) => {
    expect(errorOf(await call('ListCertificates', `{"MaxItems":${value}}`))).toEqual({
      type: 'SerializationException',
      message: "Expected a 32-bit integer for member 'MaxItems'" });
  });

  it('reads -0 as 0, below the minimum, and 1.0 as the integer 1', async () => {
    const { type, message } = errorOf(await call('ListCertificates', '{"MaxItems":-0}'));
    expect(type).toBe('ValidationException');
    expect(message).toBe("1 validation error detected: Value '0' at 'maxItems' failed to satisfy"
      + ' constraint: Member must have value greater than or equal to 1');
    await importOne();
    const one = await call('ListCertificates', '{"MaxItems":1.0}');
    expect(one.json.CertificateSummaryList).toHaveLength(1);
  });
});

describe('blobs', () => {
  it.each([
    ['the URL-safe alphabet', '-_-_'], ['whitespace', 'AA AA'], ['no padding', 'AAA'],
    ['a line break', 'AAAA\nAAAA'], ['padding in the middle', 'AA==AAAA'],
  ])('refuses a certificate in base64 with %s', async (_, value) => {
    const before = rows();
    const res = await call('ImportCertificate', { Certificate: value,
      PrivateKey: b64(material.privateKey) });
    expect(errorOf(res)).toEqual({ type: 'SerializationException',
      message: "Expected a valid base64-encoded string for member 'Certificate'" });
    expect(rows()).toEqual(before);
  });

  it('never shows the private key in a validation message, even in the wrong field', async () => {
    const key = material.privateKey;
    const res = await call('ImportCertificate', { Certificate: b64(key),
      PrivateKey: b64(key.repeat(4)), CertificateChain: b64(key) });
    const { type, message } = errorOf(res);
    expect(type).toBe('ValidationException');
    expect(message).toContain("Value at 'privateKey' failed to satisfy constraint: "
      + 'Member must have length less than or equal to 5120');
    const body = key.split('\n')[3]!;
    expect(res.text).not.toContain(body);
    expect(res.text).not.toContain(b64(key).slice(40, 80));
  });
});

describe('certificate material', () => {
  it('accepts PEM with CRLF line ends and text around the blocks, and stores clean PEM',
    async () => {
      const crlf = (text: string) => text.replace(/\n/g, '\r\n');
      const res = await call('ImportCertificate', {
        Certificate: b64(`subject=CN = hostile\r\n${crlf(material.certificate)}trailing\r\n`),
        PrivateKey: b64(`# key\n${crlf(material.privateKey)}\n\n`) });
      expect(res.status, res.text).toBe(200);
      const got = await call('GetCertificate', { CertificateArn: res.json.CertificateArn });
      expect(got.json.Certificate).toBe(material.certificate);
    });

  it('refuses a certificate over 32 KiB before parsing it and stores nothing', async () => {
    const before = rows();
    const huge = await makeCertificate({ keySlot: 'hostile',
      sans: Array.from({ length: 1500 }, (_, i) => `host-${i}.example.com`) });
    expect(huge.certificate.length).toBeGreaterThan(32768);
    const res = await call('ImportCertificate', importBody(huge));
    const size = huge.certificate.length;
    expect(errorOf(res)).toEqual({ type: 'ValidationException', message: '1 validation error '
      + `detected: Value 'java.nio.HeapByteBuffer[pos=0 lim=${size} cap=${size}]' at `
      + "'certificate' failed to satisfy constraint: Member must have length less than or "
      + 'equal to 32768' });
    expect(rows()).toEqual(before);
  });

  it('keeps every name of a certificate with 700 SANs and lists the first 100', async () => {
    const sans = Array.from({ length: 700 }, (_, i) => `n${i}.example.com`);
    const many = await makeCertificate({ keySlot: 'hostile', commonName: 'n0.example.com',
      sans });
    const arn = await importOne(many);
    const described = await call('DescribeCertificate', { CertificateArn: arn });
    expect(described.json.Certificate.SubjectAlternativeNames).toEqual(sans);
    const listed = (await call('ListCertificates', {})).json.CertificateSummaryList
      .find((s: { CertificateArn: string }) => s.CertificateArn === arn);
    expect(listed.SubjectAlternativeNameSummaries).toEqual(sans.slice(0, 100));
    expect(listed.HasAdditionalSubjectAlternativeNames).toBe(true);
  });

  it('refuses a chain over 2 MiB and stores nothing', async () => {
    const before = rows();
    const root = material.chain!;
    const chain = root.repeat(Math.ceil(2_097_153 / root.length));
    const res = await call('ImportCertificate', importBody({ ...material, chain }));
    const { type, message } = errorOf(res);
    expect(type).toBe('ValidationException');
    expect(message).toContain(`lim=${chain.length} cap=${chain.length}]' at 'certificateChain' `
      + 'failed to satisfy constraint: Member must have length less than or equal to 2097152');
    expect(rows()).toEqual(before);
  });

  it('refuses a chain that loops back on itself and stores nothing', async () => {
    const root = await makeCa({ commonName: 'Hostile Loop Root' });
    const middle = await makeCa({ commonName: 'Hostile Loop Intermediate', issuer: root });
    const leaf = await makeCertificate({ issuer: middle, keySlot: 'hostile' });
    const before = rows();
    const loop = middle.certificate + root.certificate + middle.certificate + root.certificate;
    const res = await call('ImportCertificate', importBody({ ...leaf, chain: loop }));
    expect(errorOf(res).type).toBe('ValidationException');
    expect(rows()).toEqual(before);
  });

  it('refuses 20,000 unterminated or foreign PEM blocks in the chain quickly', async () => {
    for (const chain of ['-----BEGIN CERTIFICATE-----\n'.repeat(20_000),
      '-----BEGIN X-----\nAAAA\n-----END X-----\n'.repeat(20_000)]) {
      const started = Date.now();
      const res = await call('ImportCertificate', importBody({ ...material, chain }));
      expect(errorOf(res).type).toBe('ValidationException');
      expect(Date.now() - started).toBeLessThan(5000);
    }
  });
});

describe('ARNs', () => {
  it.each([
    ['an account id that is not 12 digits', 'arn:aws:acm:us-east-1:123:certificate/x'],
    ['another resource type', 'arn:aws:acm:us-east-1:000000000000:acme-endpoint/abc'],
    ['an upper-case region', 'arn:aws:acm:US-EAST-1:000000000000:certificate/abc'],
  ])('answers an ARN with %s with InvalidArnException', async (_, arn) => {
    expect(errorOf(await call('DescribeCertificate', { CertificateArn: arn }))).toEqual({
      type: 'InvalidArnException', message: `The certificate ARN ${arn} is not valid.` });
  });

  it('answers a well-formed ARN that names nothing with ResourceNotFoundException', async () => {
    const prefix = MISSING_ARN.slice(0, MISSING_ARN.indexOf('/') + 1);
    const arns = [`${prefix}${'a'.repeat(2048 - prefix.length)}`,
      MISSING_ARN.replace('arn:aws:', 'arn:aws-moon:'),
      `${prefix}${MISSING_ARN.slice(prefix.length).toUpperCase()}`];
    for (const arn of arns) {
      expect(errorOf(await call('DescribeCertificate', { CertificateArn: arn }))).toEqual({
        type: 'ResourceNotFoundException',
        message: `Could not find certificate ${arn} in account 000000000000.` });
    }
  });

  it('refuses an ARN over 2,048 characters as a ValidationException', async () => {
    const arn = `${MISSING_ARN}${'a'.repeat(2049 - MISSING_ARN.length)}`;
    const { type, message } = errorOf(await call('DeleteCertificate', { CertificateArn: arn }));
    expect(type).toBe('ValidationException');
    expect(message.endsWith("at 'certificateArn' failed to satisfy constraint: "
      + 'Member must have length less than or equal to 2048')).toBe(true);
  });
});

describe('ListCertificates', () => {
  it('answers filters repeated 40,000 times like the filters given once', async () => {
    await importOne();
    const once = await call('ListCertificates', { CertificateStatuses: ['ISSUED'],
      Includes: { keyUsage: ['DIGITAL_SIGNATURE'],
        extendedKeyUsage: ['TLS_WEB_SERVER_AUTHENTICATION'], keyTypes: ['RSA_2048'] },
      CertificateKeyPairOrigins: ['CUSTOMER_PROVIDED'] });
    expect(once.status).toBe(200);
    expect(once.json.CertificateSummaryList.length).toBeGreaterThan(0);
    const many = <T>(value: T) => Array<T>(40_000).fill(value);
    const repeated = await call('ListCertificates', { CertificateStatuses: many('ISSUED'),
      Includes: { keyUsage: many('DIGITAL_SIGNATURE'),
        extendedKeyUsage: many('TLS_WEB_SERVER_AUTHENTICATION'), keyTypes: many('RSA_2048') },
      CertificateKeyPairOrigins: Array(3).fill('CUSTOMER_PROVIDED') });
    expect(repeated.status).toBe(200);
    expect(repeated.json).toEqual(once.json);
  });

  it('refuses forged, oversized and foreign NextTokens with the documented errors', async () => {
    expect(errorOf(await call('ListCertificates', { NextToken: 'a'.repeat(10_000) })))
      .toEqual({ type: 'InvalidArgsException', message: 'The NextToken is not valid.' });
    expect(errorOf(await call('ListCertificates', { NextToken: 'a.b.c' })).type)
      .toBe('InvalidArgsException');
    const long = errorOf(await call('ListCertificates', { NextToken: 'a'.repeat(10_001) }));
    expect(long.type).toBe('ValidationException');
    expect(long.message).toMatch(/Member must have length less than or equal to 10000$/);

    await importOne();
    await importOne();
    const first = await call('ListCertificates', { MaxItems: 1 });
    const token = first.json.NextToken;
    expect(token).toEqual(expect.any(String));
    const other = await server.addCredentials('444455556666');
    const foreign = await call('ListCertificates', { NextToken: token }, other);
    expect(errorOf(foreign)).toEqual({ type: 'InvalidArgsException',
      message: 'The NextToken does not belong to a listing with these parameters.' });
    const elsewhere = await call('ListCertificates', { NextToken: token },
      { region: 'eu-west-1' });
    expect(errorOf(elsewhere).type).toBe('InvalidArgsException');
  });

  it('refuses SortOrder without SortBy and the reverse', async () => {
    for (const body of [{ SortOrder: 'DESCENDING' }, { SortBy: 'CREATED_AT' }]) {
      expect(errorOf(await call('ListCertificates', body))).toEqual({
        type: 'InvalidArgsException',
        message: 'SortBy and SortOrder must be specified together.' });
    }
  });
});

describe('refused requests leave no trace', () => {
  it('stores neither certificate nor tags when a tag of an import is refused', async () => {
    const before = rows();
    const reserved = await call('ImportCertificate', importBody(material,
      { Tags: [{ Key: 'team', Value: 'a' }, { Key: 'AWS:owner', Value: 'b' }] }));
    expect(errorOf(reserved).type).toBe('InvalidTagException');
    const duplicate = await call('ImportCertificate', importBody(material,
      { Tags: [{ Key: 'team', Value: 'a' }, { Key: 'team', Value: 'b' }] }));
    expect(errorOf(duplicate)).toEqual({ type: 'InvalidParameterException',
      message: "Duplicate tag key 'team' in the request." });
    const badChain = await call('ImportCertificate', importBody({ ...material, chain: 'junk' },
      { Tags: [{ Key: 'team', Value: 'a' }] }));
    expect(errorOf(badChain).type).toBe('ValidationException');
    expect(rows()).toEqual(before);
  });

  it('adds or removes no tag when one tag of the request is refused', async () => {
    const arn = await importOne();
    await call('AddTagsToCertificate', { CertificateArn: arn,
      Tags: Array.from({ length: 48 }, (_, i) => ({ Key: `k${i}` })) });
    const tooMany = await call('AddTagsToCertificate', { CertificateArn: arn,
      Tags: [{ Key: 'k0', Value: 'changed' }, { Key: 'x1' }, { Key: 'x2' }, { Key: 'x3' }] });
    expect(errorOf(tooMany).type).toBe('TooManyTagsException');
    const reservedAdd = await call('AddTagsToCertificate', { CertificateArn: arn,
      Tags: [{ Key: 'k1', Value: 'changed' }, { Key: 'aws:x' }] });
    expect(errorOf(reservedAdd).type).toBe('InvalidTagException');
    const reservedRemove = await call('RemoveTagsFromCertificate', { CertificateArn: arn,
      Tags: [{ Key: 'k2' }, { Key: 'aws:x' }] });
    expect(errorOf(reservedRemove).type).toBe('InvalidTagException');
    expect(await tagsOf(arn)).toEqual(Array.from({ length: 48 }, (_, i) => ({ Key: `k${i}` })));
  });

  it('keeps the old certificate when a re-import is refused', async () => {
    const arn = await importOne();
    const before = (await call('GetCertificate', { CertificateArn: arn })).json;
    const ec = await makeCertificate({ keyType: 'EC_prime256v1', keySlot: 'hostile' });
    const res = await call('ImportCertificate', importBody(ec, { CertificateArn: arn }));
    expect(errorOf(res).type).toBe('ValidationException');
    const withTags = await call('ImportCertificate', importBody(material,
      { CertificateArn: arn, Tags: [{ Key: 'k' }] }));
    expect(errorOf(withTags).type).toBe('ValidationException');
    expect((await call('GetCertificate', { CertificateArn: arn })).json).toEqual(before);
    expect(await tagsOf(arn)).toEqual([]);
  });

  it('does not spend an idempotency token on a refused account configuration', async () => {
    const token = `hostile${Date.now()}`;
    const refused = await call('PutAccountConfiguration',
      { IdempotencyToken: token, ExpiryEvents: { DaysBeforeExpiry: 46 } });
    expect(errorOf(refused).type).toBe('ValidationException');
    const accepted = await call('PutAccountConfiguration',
      { IdempotencyToken: token, ExpiryEvents: { DaysBeforeExpiry: 12 } });
    expect(accepted.status).toBe(200);
    expect((await call('GetAccountConfiguration')).json)
      .toEqual({ ExpiryEvents: { DaysBeforeExpiry: 12 } });
  });
});

describe('concurrency', () => {
  it('never lets parallel AddTags exceed 50 tags, and each request is all or nothing',
    async () => {
      const arn = await importOne();
      const batches = Array.from({ length: 10 }, (_, i) =>
        Array.from({ length: 10 }, (__, j) => ({ Key: `b${i}-t${j}`, Value: `${i}` })));
      const answers = await Promise.all(batches.map((Tags) =>
        call('AddTagsToCertificate', { CertificateArn: arn, Tags })));
      const tags: Array<{ Key: string }> = await tagsOf(arn);
      expect(tags.length).toBeLessThanOrEqual(50);
      const keys = new Set(tags.map((t) => t.Key));
      let succeeded = 0;
      answers.forEach((res, i) => {
        const stored = batches[i]!.filter((t) => keys.has(t.Key)).length;
        if (res.status === 200) {
          succeeded += 1;
          expect(stored).toBe(10);
        } else {
          expect(errorOf(res).type).toBe('TooManyTagsException');
          expect(stored).toBe(0);
        }
      });
      expect(succeeded).toBe(5);
      expect(tags).toHaveLength(50);
    });

  it('settles parallel re-imports and a delete of one ARN without a trace left', async () => {
    const arn = await importOne();
    await call('AddTagsToCertificate', { CertificateArn: arn, Tags: [{ Key: 'k' }] });
    const before = rows();
    const reimport = () => call('ImportCertificate', importBody(material,
      { CertificateArn: arn }));
    const answers = await Promise.all([reimport(), reimport(), reimport(),
      call('DeleteCertificate', { CertificateArn: arn }), reimport(), reimport(), reimport()]);
    expect(answers[3]!.status).toBe(200);
    for (const res of answers) {
      if (res.status !== 200) expect(errorOf(res).type).toBe('ResourceNotFoundException');
    }
    expect(errorOf(await call('DescribeCertificate', { CertificateArn: arn })).type)
      .toBe('ResourceNotFoundException');
    expect(rows()).toEqual({ certificates: before.certificates - 1, tags: before.tags - 1 });
  });

  it('applies one of many parallel PutAccountConfiguration calls with one token', async () => {
    const token = `race${Date.now()}`;
    const days = [5, 6, 7, 8, 9, 10, 11, 12];
    const region = { region: 'ap-south-2' };
    const answers = await Promise.all(days.map((d) => call('PutAccountConfiguration',
      { IdempotencyToken: token, ExpiryEvents: { DaysBeforeExpiry: d } }, region)));
    expect(answers.map((r) => r.status)).toEqual(days.map(() => 200));
    const stored = (await call('GetAccountConfiguration', {}, { region: 'ap-south-2' }))
      .json.ExpiryEvents.DaysBeforeExpiry;
    expect(days).toContain(stored);
    await call('PutAccountConfiguration', { IdempotencyToken: token,
      ExpiryEvents: { DaysBeforeExpiry: 40 } }, { region: 'ap-south-2' });
    expect((await call('GetAccountConfiguration', {}, { region: 'ap-south-2' }))
      .json.ExpiryEvents.DaysBeforeExpiry).toBe(stored);
  });
});

describe('a re-import racing a delete', () => {
  /** A store where a DeleteCertificate lands between the re-import's read and its write. */
  class DeletedAfterRead extends SqlCertificateStore {
    override async find(accountId: string, region: string, arn: string) {
      const record = await super.find(accountId, region, arn);
      if (record) await this.delete(accountId, region, arn);
      return record;
    }
  }

  it('answers ResourceNotFoundException and records no re-import', async () => {
    const db = await openDatabase('sqlite::memory:');
    try {
      const plain = new SqlCertificateStore(db);
      const caller = { accountId: '000000000000', region: 'us-east-1' };
      const arn = formatCertificateArn(caller.region, caller.accountId, randomUUID());
      const now = new Date();
      const facts = { domainName: 'race.example.com', subjectAlternativeNames:
        ['race.example.com'], subject: 'CN=race.example.com', issuer: 'Race', serial: '01',
      notBefore: new Date(now.getTime() - 1000), notAfter: new Date(now.getTime() + 1e9),
      keyAlgorithm: 'RSA_2048' as const, signatureAlgorithm: 'SHA256WITHRSA',
      keyUsages: [], extendedKeyUsages: [] };
      const record: CertificateRecord = { arn, ...caller, type: 'IMPORTED',
        keyPairOrigin: 'CUSTOMER_PROVIDED', status: 'ISSUED', facts, certificatePem: 'old',
        chainPem: undefined, createdAt: now, importedAt: now, issuedAt: undefined,
        inUseBy: [], options: {}, exported: false };
      await plain.insert(record, Buffer.from('sealed'), [], 10);
      const audit: string[] = [];
      const services: AppServices = {
        certificates: new DeletedAfterRead(db), accounts: new SqlAccountStore(db),
        sealer: { seal: (b) => b, open: (b) => b }, clock: systemClock,
        audit: { record: (event) => audit.push(event) },
        readImportMaterial: () => ({ facts, certificatePem: 'new', privateKeyPem: 'key' }),
        newId: randomUUID, tokenKey: Buffer.alloc(32), maxImportedCertificates: 10,
      };
      const error = await importCertificate(services, caller, { certificateArn: arn,
        certificate: Buffer.from('c'), privateKey: Buffer.from('k') }).then(() => undefined,
        (e: unknown) => e);
      expect(error).toBeInstanceOf(AcmError);
      expect((error as AcmError).kind).toBe('ResourceNotFoundException');
      expect(audit).toEqual([]);
      expect(await plain.find(caller.accountId, caller.region, arn)).toBeUndefined();
    } finally {
      await db.destroy();
    }
  });
});

describe('accounts and regions', () => {
  it('gives another account no access to a certificate by its ARN', async () => {
    const arn = await importOne();
    await call('AddTagsToCertificate', { CertificateArn: arn, Tags: [{ Key: 'own' }] });
    const before = (await call('GetCertificate', { CertificateArn: arn })).json;
    const other = await server.addCredentials('111122223333');
    const notFound = { type: 'ResourceNotFoundException',
      message: `Could not find certificate ${arn} in account 111122223333.` };
    for (const [operation, extra] of [['DescribeCertificate', {}], ['GetCertificate', {}],
      ['ListTagsForCertificate', {}], ['DeleteCertificate', {}],
      ['AddTagsToCertificate', { Tags: [{ Key: 'x' }] }],
      ['RemoveTagsFromCertificate', { Tags: [{ Key: 'own' }] }],
      ['UpdateCertificateOptions', { Options: { Export: 'DISABLED' } }],
      ['ImportCertificate', importBody(material)]] as const) {
      const res = await call(operation, { CertificateArn: arn, ...extra }, other);
      // ImportCertificate words its not-found answer without the account.
      expect(errorOf(res), operation).toEqual(operation === 'ImportCertificate'
        ? { ...notFound, message: `Could not find certificate ${arn}.` } : notFound);
    }
    const listed = await call('ListCertificates', {}, other);
    expect(listed.json.CertificateSummaryList).toEqual([]);
    expect((await call('GetCertificate', { CertificateArn: arn })).json).toEqual(before);
    expect(await tagsOf(arn)).toEqual([{ Key: 'own' }]);
  });

  it('finds nothing when signed for one region with the ARN of another', async () => {
    const arn = await importOne();
    for (const target of [arn, arn.replace('us-east-1', 'us-west-2')]) {
      const res = await call('DescribeCertificate', { CertificateArn: target },
        { region: 'us-west-2' });
      expect(errorOf(res).type).toBe('ResourceNotFoundException');
    }
  });

  it.each([
    ['upper case', 'US-EAST-1'], ['a colon', 'us:east-1'], ['an underscore', 'us_east_1'],
    ['65 characters', 'a'.repeat(65)],
  ])('refuses a signing region with %s, which no ARN could carry', async (_, region) => {
    const before = rows();
    const res = await call('ImportCertificate', importBody(material), { region });
    expect(errorOf(res)).toEqual({ type: 'InvalidSignatureException', message:
      `Credential should be scoped to a valid region, not '${region.slice(0, 64)}'.` });
    expect(rows()).toEqual(before);
  });

  it('serves a made-up lower-case region whose ARNs read back', async () => {
    const res = await call('ImportCertificate', importBody(material), { region: 'lab-west-9' });
    expect(res.json.CertificateArn).toMatch(/^arn:aws:acm:lab-west-9:000000000000:certificate\//);
    const described = await call('DescribeCertificate',
      { CertificateArn: res.json.CertificateArn }, { region: 'lab-west-9' });
    expect(described.status).toBe(200);
  });
});

/** Signs a request the way an SDK would, with any method, path and query. */
async function signedHeaders(o: { method?: string; path?: string; body?: string; date?: Date;
  query?: Record<string, string>; operation?: string }): Promise<Record<string, string>> {
  const { hostname, port, host } = new URL(server.url);
  const signer = new SignatureV4({ service: 'acm', region: 'us-east-1', sha256: Sha256,
    applyChecksum: false, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  const signed = await signer.sign({ method: o.method ?? 'POST', protocol: 'http:', hostname,
    port: Number(port), path: o.path ?? '/', query: o.query, body: o.body ?? '{}',
    headers: { host, 'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `CertificateManager.${o.operation ?? 'GetAccountConfiguration'}` } },
  { signingDate: o.date });
  return signed.headers as Record<string, string>;
}

function requestText(method: string, target: string, headers: Record<string, string>,
  body: string, contentLength = Buffer.byteLength(body)): string {
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
  return [`${method} ${target} HTTP/1.1`, ...lines, `content-length: ${contentLength}`,
    'connection: close', '', body].join('\r\n');
}

/** Writes raw bytes to the server and collects what comes back until close or `waitMs`. */
function exchange(bytes: string, waitMs = 2000): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(server.port, '127.0.0.1');
    let received = '';
    const timer = setTimeout(() => socket.destroy(), waitMs);
    socket.on('data', (data) => { received += data.toString('utf8'); });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(received);
    });
    socket.write(bytes);
  });
}

function parsed(response: string): { status: number; json: any } {
  const [head, ...rest] = response.split('\r\n\r\n');
  const body = rest.join('\r\n\r\n');
  return { status: Number(head!.split(' ')[1]), json: body ? JSON.parse(body) : undefined };
}

async function healthy(): Promise<void> {
  expect((await call('GetAccountConfiguration')).status).toBe(200);
}

describe('HTTP and SigV4 edge cases', () => {
  it.each(['GET', 'PUT', 'DELETE'])('refuses a signed %s request by its method', async (m) => {
    const body = m === 'GET' ? '' : '{}';
    const headers = await signedHeaders({ method: m, body });
    const res = parsed(await exchange(requestText(m, '/', headers, body)));
    expect(res).toEqual({ status: 400, json: { __type: 'UnknownOperationException',
      message: `HTTP method ${m} is not supported: ACM requests are POST.` } });
  });

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])(
    'does not take the Object.prototype member %s for an operation', async (name) => {
      const res = await rawRequest(server.url, { target: `CertificateManager.${name}` });
      expect(res.json).toEqual({ __type: 'UnknownOperationException',
        message: `Operation ${name} is not supported by this openacm server.` });
    });

  it('accepts header names in any case', async () => {
    const headers = await signedHeaders({});
    const upper = Object.fromEntries(Object.entries(headers)
      .map(([name, value]) => [name.toUpperCase(), value]));
    const res = parsed(await exchange(requestText('POST', '/', upper, '{}')));
    expect(res.status).toBe(200);
  });

  it('refuses a signature dated far in the future or long ago', async () => {
    const future = await signedHeaders({ date: new Date(Date.now() + 366 * 86_400_000) });
    const ahead = parsed(await exchange(requestText('POST', '/', future, '{}')));
    expect(ahead.json.__type).toBe('InvalidSignatureException');
    expect(ahead.json.message).toMatch(/^Signature not yet current: /);
    const past = await signedHeaders({ date: new Date('1970-01-01T00:00:00Z') });
    const behind = parsed(await exchange(requestText('POST', '/', past, '{}')));
    expect(behind.json.__type).toBe('InvalidSignatureException');
    expect(behind.json.message).toMatch(/^Signature expired: 19700101T000000Z is now earlier/);
  });

  it('refuses a Credential with extra slashes and signatures of the wrong length', async () => {
    const headers = await signedHeaders({});
    const auth = headers.authorization!;
    const variants = [auth.replace('Credential=test/', 'Credential=test//'),
      auth.replace(/Signature=[0-9a-f]{64}/, 'Signature=abcd'),
      auth.replace(/Signature=([0-9a-f]{64})/, 'Signature=$1ab'),
      auth.replace(/Signature=[0-9a-f]{64}/, `Signature=${'z'.repeat(64)}`)];
    for (const authorization of variants) {
      const res = parsed(await exchange(requestText('POST', '/', { ...headers, authorization },
        '{}')));
      expect(res.status).toBe(400);
      expect(res.json.__type).toBe('IncompleteSignatureException');
      expect(res.json.message).toMatch(/^Authorization header is malformed: /);
    }
  });

  it('refuses a target header changed after signing', async () => {
    const headers = await signedHeaders({ operation: 'GetAccountConfiguration' });
    const res = parsed(await exchange(requestText('POST', '/',
      { ...headers, 'x-amz-target': 'CertificateManager.ListCertificates' }, '{}')));
    expect(res.json.__type).toBe('InvalidSignatureException');
  });

  it('survives Content-Length lies and garbage after the body', async () => {
    const headers = await signedHeaders({});
    const short = await exchange(requestText('POST', '/', headers, '{}', 1));
    expect(short).toMatch(/^HTTP\/1\.1 400 /);
    for (const length of ['abc', '-1', '1, 2']) {
      const text = requestText('POST', '/', headers, '{}').replace('content-length: 2',
        `content-length: ${length}`);
      expect(await exchange(text)).toMatch(/^HTTP\/1\.1 400 /);
    }
    const long = await exchange(requestText('POST', '/', headers, '{}', 50), 300);
    expect(long).toBe('');
    await healthy();
  });

  it('answers 413 to an oversized chunked body without reading it all', async () => {
    const head = 'POST / HTTP/1.1\r\nhost: x\r\ntransfer-encoding: chunked\r\n'
      + 'x-amz-target: CertificateManager.ListCertificates\r\nconnection: close\r\n\r\n';
    const chunk = 'a'.repeat(1024 * 1024);
    const chunks = Array(5).fill(`${chunk.length.toString(16)}\r\n${chunk}\r\n`).join('');
    const res = await exchange(`${head}${chunks}0\r\n\r\n`, 3000);
    expect(res).toMatch(/^HTTP\/1\.1 413 /);
    expect(res).toContain('"__type":"RequestEntityTooLargeException"');
    await healthy();
  });
});

describe('logs under hostile traffic', () => {
  let dataDir: string;
  let logged: RunningServer;
  const lines: string[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'openacm-hostile-'));
    const sink = new Writable({ write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    } });
    const config = loadConfig({ host: '127.0.0.1', port: 0, dataDir }, {});
    logged = await startServer(config, { logger: createLogger('debug', sink) });
  });
  afterAll(async () => {
    await logged.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const send = (operation: string, body: unknown) => rawRequest(logged.url,
    { target: `CertificateManager.${operation}`, body: JSON.stringify(body) });

  /** Resolves once the server has written a record for the aborted request, or gives up. */
  async function waitForAbortRecord(): Promise<void> {
    for (let i = 0; i < 50 && !lines.some((l) => l.includes('"aborted":true')); i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it('logs an upload the client abandons as aborted, not as an internal failure', async () => {
    await new Promise<void>((resolve) => {
      const { port } = new URL(logged.url);
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.write('POST / HTTP/1.1\r\nhost: x\r\ncontent-length: 1000\r\n'
          + 'x-amz-target: CertificateManager.ListCertificates\r\n\r\n{"Max');
        setTimeout(() => socket.destroy(), 50);
      });
      socket.on('close', () => resolve());
    });
    await waitForAbortRecord();
    const records = lines.map((line) => JSON.parse(line));
    expect(records.filter((r) => r.aborted === true)).toHaveLength(1);
    expect(records.filter((r) => r.msg === 'internal failure')).toEqual([]);
    expect(records.filter((r) => r.status === 500)).toEqual([]);
    expect((await send('GetAccountConfiguration', {})).status).toBe(200);
  });

  it('never writes key material, whichever field it is sent in', async () => {
    const key = material.privateKey;
    const pieces = key.split('\n').filter((l) => l && !l.startsWith('-----'));
    await send('ImportCertificate', importBody(material));
    await send('ImportCertificate', { Certificate: b64(key), PrivateKey: b64(key) });
    await send('ImportCertificate', { Certificate: b64(material.certificate),
      PrivateKey: b64(key), CertificateChain: b64(key) });
    await send('ImportCertificate', { Certificate: b64(material.certificate),
      PrivateKey: b64(key.replace('MII', 'MIJ')) });
    await send('ImportCertificate', { Certificate: b64(material.certificate), PrivateKey: key });
    const all = lines.join('\n');
    expect(all).not.toMatch(/PRIVATE KEY/);
    for (const piece of [pieces[1]!, pieces[4]!, b64(key).slice(100, 160)]) {
      expect(all).not.toContain(piece);
    }
  });
});
