/**
 * The certificate record and the rules that derive what ACM reports from it. Everything here is
 * a pure function of the record and `now`: no clock is read and nothing is stored twice.
 */

/** Key algorithms in ACM's input spelling (`RSA_2048`), as filters and the model use them. */
export const KEY_ALGORITHMS = [
  'RSA_1024', 'RSA_2048', 'RSA_3072', 'RSA_4096',
  'EC_prime256v1', 'EC_secp384r1', 'EC_secp521r1',
] as const;
export type KeyAlgorithm = (typeof KEY_ALGORITHMS)[number];

export type CertificateType = 'IMPORTED' | 'AMAZON_ISSUED' | 'PRIVATE';
export type CertificateStatus =
  | 'PENDING_VALIDATION' | 'ISSUED' | 'INACTIVE' | 'EXPIRED'
  | 'VALIDATION_TIMED_OUT' | 'REVOKED' | 'FAILED';
export type KeyPairOrigin = 'AWS_MANAGED' | 'ACME' | 'CUSTOMER_PROVIDED';
export type ExportOption = 'ENABLED' | 'DISABLED';

export interface ExtendedKeyUsage {
  /** ACM's name, `CUSTOM` for an OID ACM has no name for. */
  name: string;
  oid: string;
}

/** What openacm reads out of an X.509 certificate (see crypto/parse-certificate.ts). */
export interface CertificateFacts {
  /** Subject CN, or the first SAN when the subject has no CN. */
  domainName: string | undefined;
  /** DNS and IP SANs, with the CN first when it is not already among them. */
  subjectAlternativeNames: string[];
  /** Full subject DN in certificate order, `C=US,O=Example,CN=www.example.com`. */
  subject: string;
  /** The issuer as ACM shows it: the issuer's O, else its CN, else the full DN. */
  issuer: string;
  /** Lower-case hex bytes joined by colons. */
  serial: string;
  notBefore: Date;
  notAfter: Date;
  keyAlgorithm: KeyAlgorithm;
  /** ACM's spelling, `SHA256WITHRSA`, `SHA384WITHECDSA`. */
  signatureAlgorithm: string;
  /** ACM key usage names, `DIGITAL_SIGNATURE`, `KEY_ENCIPHERMENT`, ... */
  keyUsages: string[];
  extendedKeyUsages: ExtendedKeyUsage[];
}

export interface CertificateOptions {
  certificateTransparencyLoggingPreference?: 'ENABLED' | 'DISABLED';
  export?: ExportOption;
}

export interface CertificateRecord {
  arn: string;
  accountId: string;
  region: string;
  type: CertificateType;
  keyPairOrigin: KeyPairOrigin;
  /** The stored lifecycle state; EXPIRED is never stored, it is derived by `statusAt`. */
  status: CertificateStatus;
  facts: CertificateFacts;
  certificatePem: string;
  chainPem: string | undefined;
  createdAt: Date;
  importedAt: Date | undefined;
  issuedAt: Date | undefined;
  inUseBy: string[];
  options: CertificateOptions;
  exported: boolean;
}

/** ACM's status at `now`: an issued certificate past its NotAfter is EXPIRED. */
export function statusAt(record: CertificateRecord, now: Date): CertificateStatus {
  if (record.status === 'ISSUED' && record.facts.notAfter.getTime() <= now.getTime()) {
    return 'EXPIRED';
  }
  return record.status;
}

/** Imported certificates are never renewed by ACM; they are re-imported instead. */
export function renewalEligibility(record: CertificateRecord): 'ELIGIBLE' | 'INELIGIBLE' {
  return record.type === 'IMPORTED' ? 'INELIGIBLE' : 'ELIGIBLE';
}

/** The output spelling ACM uses in DescribeCertificate and ListCertificates: `RSA-2048`. */
export function keyAlgorithmOutputName(algorithm: KeyAlgorithm): string {
  return algorithm.replace('_', '-');
}
