/**
 * Authenticated encryption of secrets at rest (private keys, access-key secrets).
 *
 * Sealed layout: version (1 byte) | nonce (12 bytes) | AES-256-GCM ciphertext | tag (16 bytes).
 * The caller's context (for example the certificate ARN) is authenticated as associated data,
 * so a sealed value copied into another row does not open. Subkeys come from the master key
 * through HKDF (RFC 5869) with distinct labels, so the sealing key is never handed out.
 *
 * Errors are plain Errors (the caller reports an internal failure) and never carry plaintext
 * or key bytes.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

import { ensureDirectory } from '../config/directories.ts';

const VERSION = 1;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
const MASTER_FILE = 'master.key';
const HKDF_SALT = Buffer.from('openacm key vault');
const SEAL_INFO = 'openacm seal v1';
const DERIVE_PREFIX = 'openacm derive ';
// Filesystems without hard links cannot give the no-replace guarantee; rename is the fallback.
const NO_LINK_CODES = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS']);

export interface KeyVaultOptions {
  dataDir: string;
  /** Base64 of 32 bytes supplied by the operator; when absent, `<dataDir>/master.key` is used. */
  masterKey?: string;
}

export class KeyVault {
  readonly #master: Buffer;
  readonly #sealingKey: Buffer;

  private constructor(master: Buffer) {
    this.#master = master;
    this.#sealingKey = hkdf(master, SEAL_INFO);
  }

  static async open(opts: KeyVaultOptions): Promise<KeyVault> {
    const master = opts.masterKey !== undefined
      ? decodeMasterKey(opts.masterKey, 'The supplied master key')
      : await loadOrCreateMasterKey(opts.dataDir);
    return new KeyVault(master);
  }

  seal(plaintext: Buffer, context: string): Buffer {
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#sealingKey, nonce);
    cipher.setAAD(associatedData(context));
    const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return Buffer.concat([Buffer.from([VERSION]), nonce, body, cipher.getAuthTag()]);
  }

  open(sealed: Buffer, context: string): Buffer {
    if (sealed.length < 1 + NONCE_BYTES + TAG_BYTES || sealed[0] !== VERSION) {
      throw new Error('Sealed data has an unsupported format.');
    }
    const nonce = sealed.subarray(1, 1 + NONCE_BYTES);
    const body = sealed.subarray(1 + NONCE_BYTES, sealed.length - TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', this.#sealingKey, nonce);
    decipher.setAAD(associatedData(context));
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    try {
      return Buffer.concat([decipher.update(body), decipher.final()]);
    } catch {
      throw new Error('Sealed data failed authentication (wrong master key, wrong context or '
        + 'tampered data).');
    }
  }

  /** A 32-byte subkey for one purpose, e.g. signing pagination tokens. */
  deriveKey(purpose: string): Buffer {
    if (purpose.length === 0) throw new Error('A key purpose is required.');
    return hkdf(this.#master, DERIVE_PREFIX + purpose);
  }
}

function hkdf(master: Buffer, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', master, HKDF_SALT, info, KEY_BYTES));
}

function associatedData(context: string): Buffer {
  // The version byte is authenticated too, so a future format cannot be swapped in.
  return Buffer.concat([Buffer.from([VERSION]), Buffer.from(context, 'utf8')]);
}

function decodeMasterKey(text: string, source: string): Buffer {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9+/]{43}=$/.test(trimmed)) {
    throw new Error(`${source} is malformed: expected the base64 encoding of exactly 32 bytes.`);
  }
  return Buffer.from(trimmed, 'base64');
}

async function loadOrCreateMasterKey(dataDir: string): Promise<Buffer> {
  const file = path.join(dataDir, MASTER_FILE);
  return (await readMasterFile(file)) ?? createMasterFile(dataDir, file);
}

async function readMasterFile(file: string): Promise<Buffer | undefined> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, 'r');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw error;
  }
  try {
    // fstat on the open handle, so the file checked is the file read.
    const stat = await handle.stat();
    if (!stat.isFile()) throw new Error(`Refusing to use ${file}: it is not a regular file.`);
    if ((stat.mode & 0o077) !== 0) {
      const mode = (stat.mode & 0o777).toString(8).padStart(4, '0');
      throw new Error(`Refusing to use ${file}: it is accessible by group or others `
        + `(mode ${mode}); restrict it with chmod 600.`);
    }
    return decodeMasterKey(await handle.readFile('utf8'), file);
  } finally {
    await handle.close();
  }
}

/**
 * Writes a fresh key to a private temporary file, then links it into place. Unlike rename, a
 * link never replaces a master.key another process created meanwhile; losing that race means
 * using the winner's key, since anything already sealed depends on it.
 */
async function createMasterFile(dataDir: string, file: string): Promise<Buffer> {
  ensureDirectory(dataDir, 0o700);
  const key = randomBytes(KEY_BYTES);
  const suffix = `${process.pid}.${randomBytes(6).toString('hex')}`;
  const temp = path.join(dataDir, `.${MASTER_FILE}.${suffix}`);
  try {
    const handle = await fs.open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(`${key.toString('base64')}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await fs.link(temp, file);
    } catch (error) {
      if (errorCode(error) === 'EEXIST') {
        const existing = await readMasterFile(file);
        if (existing) return existing;
      }
      if (!NO_LINK_CODES.has(errorCode(error) ?? '')) throw error;
      await fs.rename(temp, file);
    }
  } finally {
    await fs.rm(temp, { force: true });
  }
  await syncDirectory(dataDir);
  return key;
}

/** Makes the new directory entry durable; some platforms cannot fsync a directory. */
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await fs.open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Durability of the entry is best effort; the key itself was already synced.
  }
}

function errorCode(error: unknown): string | undefined {
  return (error as { code?: string } | null)?.code;
}
