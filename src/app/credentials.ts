import { randomBytes } from 'node:crypto';

import type { AccessKey, AccessKeyStore, Sealer } from '../domain/ports.ts';

/** The documented development key pair; accepted only as main.ts allows (loopback by default). */
export const DEV_CREDENTIALS = Object.freeze({
  accessKeyId: 'test', secretAccessKey: 'test', accountId: '000000000000',
});

const ACCOUNT_ID = /^\d{12}$/;
const ACCESS_KEY_ID = /^[A-Z0-9]{16,128}$/;

/** Creates, lists and deletes access keys; secrets are sealed to their key id at rest. */
export class CredentialAdmin {
  constructor(private readonly keys: AccessKeyStore, private readonly sealer: Sealer) {}

  async create(accountId: string, given?: { accessKeyId: string; secretAccessKey: string }) {
    if (!ACCOUNT_ID.test(accountId)) {
      throw new Error(`account id '${accountId}' must be exactly 12 digits.`);
    }
    const accessKeyId = given?.accessKeyId ?? `AKIA${base32(randomBytes(10))}`;
    const secretAccessKey = given?.secretAccessKey ?? randomBytes(30).toString('base64');
    if (!ACCESS_KEY_ID.test(accessKeyId)) {
      throw new Error('access key id must be 16 to 128 upper-case letters and digits.');
    }
    if (secretAccessKey.length < 16) {
      throw new Error('secret access key must be at least 16 characters.');
    }

    const key: AccessKey = { accessKeyId, accountId, createdAt: new Date() };
    if (!await this.keys.create(key,
      this.sealer.seal(Buffer.from(secretAccessKey), accessKeyId))) {
      throw new Error(`access key id '${accessKeyId}' already exists.`);
    }
    return { ...key, secretAccessKey };
  }

  list(): Promise<AccessKey[]> {
    return this.keys.list();
  }

  delete(accessKeyId: string): Promise<boolean> {
    return this.keys.delete(accessKeyId);
  }
}

/** RFC 4648 base32 (A-Z, 2-7), the alphabet of AWS access key ids after their prefix. */
function base32(bytes: Buffer): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

/**
 * The in-memory table the signature verifier reads. It reloads from the store on a timer so
 * keys created with `openacm credentials` while the server runs take effect within seconds.
 */
export class CredentialTable {
  private table = new Map<string, { secret: string; accountId: string }>();

  constructor(
    private readonly keys: AccessKeyStore,
    private readonly sealer: Sealer,
    private readonly allowDev: boolean,
  ) {}

  async reload(): Promise<number> {
    const next = new Map<string, { secret: string; accountId: string }>();
    if (this.allowDev) {
      next.set(DEV_CREDENTIALS.accessKeyId,
        { secret: DEV_CREDENTIALS.secretAccessKey, accountId: DEV_CREDENTIALS.accountId });
    }
    const stored = await this.keys.loadAll();
    for (const key of stored) {
      const secret = this.sealer.open(key.sealedSecret, key.accessKeyId).toString('utf8');
      next.set(key.accessKeyId, { secret, accountId: key.accountId });
    }
    this.table = next;
    return stored.length;
  }

  resolve = (accessKeyId: string) => this.table.get(accessKeyId);
}
