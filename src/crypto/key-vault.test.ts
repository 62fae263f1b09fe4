import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KeyVault } from './key-vault.ts';

const ARN = 'arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555';
const OTHER_ARN = ARN.replace('11111111', '99999999');
const SECRET = Buffer.from('-----BEGIN PRIVATE KEY-----\nsuper secret material\n');

let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'openacm-vault-'));
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

function masterKey(): string {
  return randomBytes(32).toString('base64');
}

/** The error a call throws, asserting that it does not leak the secret. */
function thrown(call: () => unknown): Error {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).not.toContain('secret');
    return error as Error;
  }
  throw new Error('The call succeeded.');
}

describe('KeyVault sealing', () => {
  it('round-trips with the same context and uses a fresh nonce each time', async () => {
    const vault = await KeyVault.open({ dataDir, masterKey: masterKey() });
    const first = vault.seal(SECRET, ARN);
    const second = vault.seal(SECRET, ARN);
    expect(first.equals(second)).toBe(false);
    expect(first[0]).toBe(1);
    expect(first.length).toBe(1 + 12 + SECRET.length + 16);
    expect(first.includes(SECRET)).toBe(false);
    expect(vault.open(first, ARN).equals(SECRET)).toBe(true);
    expect(vault.open(second, ARN).equals(SECRET)).toBe(true);
    expect(vault.open(vault.seal(Buffer.alloc(0), ARN), ARN)).toHaveLength(0);
  });

  it('refuses a sealed value moved to another context', async () => {
    const vault = await KeyVault.open({ dataDir, masterKey: masterKey() });
    const sealed = vault.seal(SECRET, ARN);
    expect(thrown(() => vault.open(sealed, OTHER_ARN)).message).toMatch(/failed authentication/);
  });

  it.each([
    ['the version byte', 0],
    ['the nonce', 5],
    ['the ciphertext', 20],
    ['the tag', -1],
  ])('refuses tampering with %s', async (_, position) => {
    const vault = await KeyVault.open({ dataDir, masterKey: masterKey() });
    const sealed = vault.seal(SECRET, ARN);
    const index = position < 0 ? sealed.length + position : position;
    sealed[index] ^= 0x01;
    thrown(() => vault.open(sealed, ARN));
  });

  it('refuses truncated data and data sealed under another master key', async () => {
    const vault = await KeyVault.open({ dataDir, masterKey: masterKey() });
    const other = await KeyVault.open({ dataDir, masterKey: masterKey() });
    const sealed = vault.seal(SECRET, ARN);
    expect(thrown(() => vault.open(sealed.subarray(0, 20), ARN)).message)
      .toBe('Sealed data has an unsupported format.');
    thrown(() => other.open(sealed, ARN));
  });

  it('derives stable, purpose-specific subkeys', async () => {
    const key = masterKey();
    const vault = await KeyVault.open({ dataDir, masterKey: key });
    const again = await KeyVault.open({ dataDir, masterKey: key });
    const tokens = vault.deriveKey('pagination-token');
    expect(tokens).toHaveLength(32);
    expect(again.deriveKey('pagination-token').equals(tokens)).toBe(true);
    expect(vault.deriveKey('other-purpose').equals(tokens)).toBe(false);
    expect(tokens.equals(Buffer.from(key, 'base64'))).toBe(false);
    expect(() => vault.deriveKey('')).toThrow();
  });

  it.each(['', 'not base64!', randomBytes(16).toString('base64'),
    randomBytes(33).toString('base64')])('refuses the master key %j', async (bad) => {
    await expect(KeyVault.open({ dataDir, masterKey: bad })).rejects
      .toThrow('The supplied master key is malformed: expected the base64 encoding of exactly '
        + '32 bytes.');
  });
});

describe('KeyVault master.key', () => {
  const file = () => path.join(dataDir, 'master.key');

  it('creates master.key with mode 0600 and reuses it', async () => {
    const vault = await KeyVault.open({ dataDir });
    expect((await stat(file())).mode & 0o777).toBe(0o600);
    expect((await readFile(file(), 'utf8'))).toMatch(/^[A-Za-z0-9+/]{43}=\n$/);
    expect(await readdir(dataDir)).toEqual(['master.key']);
    const reopened = await KeyVault.open({ dataDir });
    expect(reopened.open(vault.seal(SECRET, ARN), ARN).equals(SECRET)).toBe(true);
  });

  it('creates the data directory when missing', async () => {
    const nested = path.join(dataDir, 'a', 'b');
    await KeyVault.open({ dataDir: nested });
    expect((await stat(path.join(nested, 'master.key'))).mode & 0o777).toBe(0o600);
  });

  it('agrees on one key when several processes start at once', async () => {
    const vaults = await Promise.all(Array.from({ length: 8 }, () => KeyVault.open({ dataDir })));
    const sealed = vaults[0].seal(SECRET, ARN);
    for (const vault of vaults) expect(vault.open(sealed, ARN).equals(SECRET)).toBe(true);
    expect(await readdir(dataDir)).toEqual(['master.key']);
  });

  it('does not touch master.key when the operator supplies the key', async () => {
    await KeyVault.open({ dataDir, masterKey: masterKey() });
    expect(await readdir(dataDir)).toEqual([]);
  });

  it('refuses a master.key readable by group or others', async () => {
    await writeFile(file(), `${masterKey()}\n`, { mode: 0o600 });
    await chmod(file(), 0o644);
    await expect(KeyVault.open({ dataDir })).rejects.toThrow(
      `Refusing to use ${file()}: it is accessible by group or others (mode 0644); `
        + 'restrict it with chmod 600.');
    await chmod(file(), 0o640);
    await expect(KeyVault.open({ dataDir })).rejects.toThrow(/mode 0640/);
    expect((await stat(file())).mode & 0o777).toBe(0o640);
  });

  it('refuses a malformed master.key without quoting it', async () => {
    await writeFile(file(), 'secret-but-too-short\n', { mode: 0o600 });
    const error = await KeyVault.open({ dataDir }).catch((caught: Error) => caught);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe(`${file()} is malformed: expected the base64 encoding `
      + 'of exactly 32 bytes.');
  });
});
