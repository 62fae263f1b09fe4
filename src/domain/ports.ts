import type {
  CertificateRecord, CertificateStatus, KeyAlgorithm, KeyPairOrigin,
} from './certificate.ts';
import type { Tag } from './tags.ts';

/** Reads the time. Injected everywhere so rules and jobs can be tested on any date. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Which certificates a listing returns; every list member is an OR of its values. */
export interface CertificateQuery {
  accountId: string;
  region: string;
  now: Date;
  statuses?: CertificateStatus[];
  keyTypes: KeyAlgorithm[];
  origins: KeyPairOrigin[];
  keyUsages?: string[];
  extendedKeyUsages?: string[];
  exportOption?: string;
  managedBy?: string;
  descending: boolean;
}

/** Position after the last row of a page: listings continue strictly after it. */
export interface ListCursor {
  createdAt: number;
  arn: string;
}

/**
 * Persistence of certificates, their sealed private keys and tags. Each method is atomic;
 * `mutateTags` runs the given function inside the transaction so limits hold under races.
 * Lookups take the caller's account and region so no query can cross them.
 */
export interface CertificateStore {
  /**
   * Stores a new certificate unless its account already holds `limit` certificates of the same
   * type in its region; the count and the insert are one transaction. False when over the limit.
   */
  insert(record: CertificateRecord, sealedKey: Buffer, tags: Tag[], limit: number):
    Promise<boolean>;
  /**
   * Replaces certificate material in place (re-import); ARN, tags and CreatedAt stay. In one
   * transaction, `replace` gets the stored record and returns its successor, or throws to
   * change nothing. False when the certificate no longer exists (deleted since it was read).
   */
  replaceMaterial(accountId: string, region: string, arn: string, sealedKey: Buffer,
    replace: (current: CertificateRecord) => CertificateRecord): Promise<boolean>;
  find(accountId: string, region: string, arn: string): Promise<CertificateRecord | undefined>;
  /** Deletes the record, its key and its tags; false when it did not exist. */
  delete(accountId: string, region: string, arn: string): Promise<boolean>;
  updateOptions(record: CertificateRecord): Promise<void>;
  list(query: CertificateQuery, after: ListCursor | undefined, limit: number):
    Promise<CertificateRecord[]>;
  listTags(arn: string): Promise<Tag[]>;
  mutateTags(accountId: string, region: string, arn: string,
    change: (tags: Tag[]) => Tag[]): Promise<boolean>;
}

export interface AccountSettings {
  daysBeforeExpiry: number;
}

export interface AccountStore {
  getSettings(accountId: string, region: string): Promise<AccountSettings | undefined>;
  putSettings(accountId: string, region: string, settings: AccountSettings): Promise<void>;
  /**
   * Records an idempotency token; returns false when the same token was used within the
   * window, in which case the original result stands.
   */
  claimToken(accountId: string, region: string, scope: string, token: string, now: Date,
    windowMs: number): Promise<boolean>;
}

export interface AccessKey {
  accessKeyId: string;
  accountId: string;
  createdAt: Date;
}

export interface AccessKeyStore {
  /** Stores a new key; false, storing nothing, when a key with its id already exists. */
  create(key: AccessKey, sealedSecret: Buffer): Promise<boolean>;
  list(): Promise<AccessKey[]>;
  delete(accessKeyId: string): Promise<boolean>;
  /** All keys with their sealed secrets, for the in-memory verifier table. */
  loadAll(): Promise<Array<AccessKey & { sealedSecret: Buffer }>>;
}

/** Authenticated encryption for secrets at rest, bound to a context such as an ARN. */
export interface Sealer {
  seal(plaintext: Buffer, context: string): Buffer;
  open(sealed: Buffer, context: string): Buffer;
}

/** Audit records for changes that matter; never given key material. */
export interface AuditLog {
  record(event: string, fields: Record<string, unknown>): void;
}
