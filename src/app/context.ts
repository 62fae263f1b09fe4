import type { CertificateFacts } from '../domain/certificate.ts';
import type { AccountStore, AuditLog, CertificateStore, Clock, Sealer } from '../domain/ports.ts';

/** The authenticated caller: every use case acts inside this account and region only. */
export interface Caller {
  accountId: string;
  region: string;
}

/** Certificate material checked and normalised by the crypto adapter. */
export interface ImportMaterial {
  facts: CertificateFacts;
  certificatePem: string;
  chainPem?: string;
  privateKeyPem: string;
}

export type ReadImportMaterial = (
  input: { certificate: Buffer; privateKey: Buffer; chain?: Buffer }, now: Date,
) => ImportMaterial;

/** What the use cases need from the outside, wired once in main.ts. */
export interface AppServices {
  certificates: CertificateStore;
  accounts: AccountStore;
  sealer: Sealer;
  clock: Clock;
  audit: AuditLog;
  readImportMaterial: ReadImportMaterial;
  newId: () => string;
  /** Key for signing pagination tokens so clients cannot forge them. */
  tokenKey: Buffer;
  /** ACM's quota of imported certificates per account and region (2,500 by default). */
  maxImportedCertificates: number;
}
