import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

import { ACMClient, ListCertificatesCommand } from '@aws-sdk/client-acm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { errorOf } from '../helpers/expect-error.ts';
import { run } from '../helpers/clients.ts';

const BIN = path.resolve('bin/openacm.js');
let dataDir: string;
const children: ChildProcess[] = [];

beforeAll(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'openacm-cli-'));
});
afterAll(() => {
  for (const child of children) child.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
});

const openacm = (args: string[]) =>
  run(process.execPath, [BIN, ...args, '--data-dir', dataDir], { PATH: process.env.PATH });

/** Starts `openacm serve` and resolves with its URL once it logs that it listens. */
function serve(args: string[]): Promise<string> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--data-dir', dataDir,
    ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const record = JSON.parse(line);
      if (record.msg === 'openacm listening') resolve(`http://127.0.0.1:${record.port}`);
    });
    child.once('exit', (code) => reject(new Error(`openacm serve exited with ${code}`)));
  });
}

describe('the openacm command', () => {
  it('creates, lists and deletes access keys bound to an account', async () => {
    const created = await openacm(['credentials', 'create', '--account-id', '123456789012']);
    expect(created.code).toBe(0);
    const key = JSON.parse(created.stdout);
    expect(key).toEqual({ AccessKeyId: expect.stringMatching(/^AKIA[A-Z2-7]{16}$/),
      SecretAccessKey: expect.any(String), AccountId: '123456789012' });

    const listed = await openacm(['credentials', 'list']);
    expect(JSON.parse(listed.stdout)).toEqual([{ AccessKeyId: key.AccessKeyId,
      AccountId: '123456789012', CreatedAt: expect.any(String) }]);
    expect(listed.stdout).not.toContain(key.SecretAccessKey);

    const url = await serve([]);
    const acm = new ACMClient({ endpoint: url, region: 'ap-southeast-2', maxAttempts: 1,
      credentials: { accessKeyId: key.AccessKeyId, secretAccessKey: key.SecretAccessKey } });
    expect((await acm.send(new ListCertificatesCommand({}))).CertificateSummaryList).toEqual([]);

    expect((await openacm(['credentials', 'delete', key.AccessKeyId])).code).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect((await errorOf(acm.send(new ListCertificatesCommand({})))).name)
      .toBe('UnrecognizedClientException');
  });

  it('refuses a bad account id and a bad option value with a clear message', async () => {
    const badAccount = await openacm(['credentials', 'create', '--account-id', '12345']);
    expect(badAccount.code).toBe(1);
    expect(badAccount.stderr).toBe('openacm: error: account id \'12345\' must be exactly '
      + '12 digits.\n');
    const badPort = await openacm(['serve', '--port', 'eighty']);
    expect(badPort.code).toBe(1);
    expect(badPort.stderr).toBe('openacm: configuration error: port: \'eighty\' is not a '
      + 'whole number from 0 to 65535.\n');
  });
});
