import { readFileSync, readdirSync, statSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';

import { ACMClient, ImportCertificateCommand, ListCertificatesCommand } from '@aws-sdk/client-acm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadConfig } from '../../src/config/config.ts';
import { KeyVault } from '../../src/crypto/key-vault.ts';
import { startServer, type RunningServer } from '../../src/main.ts';
import { createLogger } from '../../src/observability/logger.ts';
import { openDatabase } from '../../src/storage/open-database.ts';
import { makeCertificate, type TestMaterial } from '../helpers/certs.ts';

let dataDir: string;
let server: RunningServer;
let material: TestMaterial;
let arn: string;
const logLines: string[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'openacm-security-'));
  const sink = new Writable({ write(chunk, _enc, done) {
    logLines.push(...String(chunk).split('\n').filter(Boolean));
    done();
  } });
  const config = loadConfig({ host: '127.0.0.1', port: 0, dataDir }, {});
  server = await startServer(config, { logger: createLogger('debug', sink) });

  const acm = new ACMClient({ endpoint: server.url, region: 'us-east-1', maxAttempts: 1,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  material = await makeCertificate({ commonName: 'secret.example.com', keySlot: 'security' });
  arn = (await acm.send(new ImportCertificateCommand({
    Certificate: Buffer.from(material.certificate), PrivateKey: Buffer.from(material.privateKey),
  }))).CertificateArn!;
  await acm.send(new ListCertificatesCommand({}));
});
afterAll(async () => {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Distinctive pieces of the key: PEM body lines and the raw DER. */
function keyFragments(): Buffer[] {
  const body = material.privateKey.split('\n').filter((l) => l && !l.startsWith('-----'));
  const der = Buffer.from(body.join(''), 'base64');
  return [Buffer.from(body[1]!), Buffer.from(body[5]!), der.subarray(40, 80)];
}

describe('private keys at rest', () => {
  it('creates the master key with owner-only permissions', () => {
    expect(statSync(path.join(dataDir, 'master.key')).mode & 0o777).toBe(0o600);
  });

  it('never writes the key in clear to any file in the data directory', () => {
    const files = readdirSync(dataDir).filter((f) => f !== 'master.key');
    expect(files).toContain('openacm.db');
    for (const file of files) {
      const bytes = readFileSync(path.join(dataDir, file));
      for (const fragment of keyFragments()) expect(bytes.includes(fragment)).toBe(false);
    }
  });

  it('stores the key sealed to its ARN, and only the master key opens it', async () => {
    const db = await openDatabase(`sqlite:${path.join(dataDir, 'openacm.db')}`);
    try {
      const row = await db.selectFrom('certificates').select('private_key')
        .where('arn', '=', arn).executeTakeFirstOrThrow();
      const vault = await KeyVault.open({ dataDir });
      const opened = vault.open(row.private_key, arn).toString('utf8');
      expect(opened).toContain('-----BEGIN PRIVATE KEY-----');
      expect(opened.replace(/\s/g, '')).toBe(material.privateKey.replace(/\s/g, ''));
      expect(() => vault.open(row.private_key, `${arn}-moved`)).toThrow();
      const stranger = await KeyVault.open({ dataDir,
        masterKey: Buffer.alloc(32, 7).toString('base64') });
      expect(() => stranger.open(row.private_key, arn)).toThrow();
    } finally {
      await db.destroy();
    }
  });
});

describe('logs', () => {
  it('write one record per request and an audit record per import', () => {
    const records = logLines.map((line) => JSON.parse(line));
    const requests = records.filter((r) => r.msg === 'request');
    expect(requests.map((r) => r.operation)).toEqual(['ImportCertificate', 'ListCertificates']);
    expect(requests[0]).toMatchObject({ accountId: '000000000000', region: 'us-east-1',
      status: 200 });
    expect(requests[0].requestId).toMatch(/^[0-9a-f-]{36}$/);
    const audit = records.filter((r) => r.audit === 'certificate.imported');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ arn, domainName: 'secret.example.com' });
  });

  it('never carry key material or secrets', () => {
    const all = logLines.join('\n');
    for (const fragment of keyFragments()) {
      expect(all.includes(fragment.toString('latin1'))).toBe(false);
      expect(all.includes(fragment.toString('base64'))).toBe(false);
    }
    expect(all).not.toMatch(/PRIVATE KEY/);
  });
});

describe('development credentials', () => {
  it('refuses to listen beyond loopback with only the development key pair', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'openacm-exposed-'));
    try {
      const config = loadConfig({ host: '0.0.0.0', port: 0, dataDir: dir }, {});
      await expect(startServer(config, { logger: createLogger('silent') }))
        .rejects.toThrow(/Refusing to listen on 0\.0\.0\.0 with only the development key pair/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
