import { keyAlgorithmOutputName, renewalEligibility, statusAt, type CertificateRecord }
  from '../domain/certificate.ts';
import type { Tag } from '../domain/tags.ts';

/** awsJson1_1 timestamps are epoch seconds as JSON numbers, fractions allowed. */
export function epochSeconds(date: Date | undefined): number | undefined {
  return date === undefined ? undefined : date.getTime() / 1000;
}

/** ListCertificates carries at most this many names per summary. */
const SUMMARY_SAN_LIMIT = 100;

/** `CertificateDetail` as DescribeCertificate returns it; absent members stay absent. */
export function certificateDetail(record: CertificateRecord, now: Date) {
  const f = record.facts;
  return compact({
    CertificateArn: record.arn,
    DomainName: f.domainName,
    SubjectAlternativeNames: f.subjectAlternativeNames.length > 0
      ? f.subjectAlternativeNames : undefined,
    DomainValidationOptions: domainValidationOptions(record),
    Serial: f.serial,
    Subject: f.subject,
    Issuer: f.issuer,
    CreatedAt: epochSeconds(record.createdAt),
    IssuedAt: epochSeconds(record.issuedAt),
    ImportedAt: epochSeconds(record.importedAt),
    Status: statusAt(record, now),
    NotBefore: epochSeconds(f.notBefore),
    NotAfter: epochSeconds(f.notAfter),
    KeyAlgorithm: keyAlgorithmOutputName(f.keyAlgorithm),
    SignatureAlgorithm: f.signatureAlgorithm,
    InUseBy: record.inUseBy,
    Type: record.type,
    KeyUsages: f.keyUsages.map((name) => ({ Name: name })),
    ExtendedKeyUsages: f.extendedKeyUsages.map((e) => ({ Name: e.name, OID: e.oid })),
    RenewalEligibility: renewalEligibility(record),
    Options: compact({
      CertificateTransparencyLoggingPreference:
        record.options.certificateTransparencyLoggingPreference,
      Export: record.options.export,
    }),
    CertificateKeyPairOrigin: record.keyPairOrigin,
  });
}

/**
 * ACM lists every name of an imported certificate here with no validation details, since
 * nothing was validated; certificates it issues will carry their validation records.
 */
function domainValidationOptions(record: CertificateRecord) {
  const names = record.facts.subjectAlternativeNames;
  if (record.type !== 'IMPORTED' || names.length === 0) return undefined;
  return names.map((name) => ({ DomainName: name }));
}

/** One `CertificateSummary` row of ListCertificates. */
export function certificateSummary(record: CertificateRecord, now: Date) {
  const f = record.facts;
  const sans = f.subjectAlternativeNames;
  return compact({
    CertificateArn: record.arn,
    DomainName: f.domainName,
    SubjectAlternativeNameSummaries: sans.length > 0
      ? sans.slice(0, SUMMARY_SAN_LIMIT) : undefined,
    HasAdditionalSubjectAlternativeNames: sans.length > SUMMARY_SAN_LIMIT,
    Status: statusAt(record, now),
    Type: record.type,
    KeyAlgorithm: keyAlgorithmOutputName(f.keyAlgorithm),
    KeyUsages: f.keyUsages,
    ExtendedKeyUsages: f.extendedKeyUsages.map((e) => e.name),
    ExportOption: record.options.export ?? 'DISABLED',
    InUse: record.inUseBy.length > 0,
    Exported: record.exported,
    RenewalEligibility: renewalEligibility(record),
    NotBefore: epochSeconds(f.notBefore),
    NotAfter: epochSeconds(f.notAfter),
    CreatedAt: epochSeconds(record.createdAt),
    IssuedAt: epochSeconds(record.issuedAt),
    ImportedAt: epochSeconds(record.importedAt),
    CertificateKeyPairOrigin: record.keyPairOrigin,
  });
}

export function tagList(tags: Tag[]) {
  return tags.map((tag) => compact({ Key: tag.key, Value: tag.value }));
}

/** Drops undefined members so the JSON never carries `null` for an absent value. */
export function compact<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
