import { formatCertificateArn } from '../../domain/arn.ts';
import type { CertificateFacts, CertificateRecord } from '../../domain/certificate.ts';
import { fail } from '../../domain/errors.ts';
import { assertDistinctKeys, assertNoReservedKeys, assertWithinLimit, type Tag }
  from '../../domain/tags.ts';
import type { AppServices, Caller, ImportMaterial } from '../context.ts';
import { findOwned, notFound } from './owned.ts';

export interface ImportCertificateInput {
  certificateArn?: string;
  certificate: Buffer;
  privateKey: Buffer;
  chain?: Buffer;
  tags?: Tag[];
}

/**
 * Imports a certificate with its key, or re-imports over an imported certificate's ARN. The
 * material is fully checked before anything is written; the key is sealed to the ARN.
 */
export async function importCertificate(
  services: AppServices, caller: Caller, input: ImportCertificateInput,
): Promise<string> {
  const now = services.clock.now();
  if (input.tags) {
    assertNoReservedKeys(input.tags);
    assertDistinctKeys(input.tags);
    assertWithinLimit(input.tags);
  }
  if (input.certificateArn !== undefined && input.tags !== undefined) {
    throw fail('ValidationException',
      'Tags cannot be specified when re-importing a certificate into an existing ARN.');
  }

  const previous = input.certificateArn === undefined
    ? undefined : await findOwned(services, caller, input.certificateArn);
  if (input.certificateArn !== undefined && !previous) {
    // ImportCertificate words this without the account, unlike the other operations.
    throw fail('ResourceNotFoundException', `Could not find certificate ${input.certificateArn}.`);
  }
  if (previous && previous.type !== 'IMPORTED') {
    throw fail('ValidationException', `Certificate ${previous.arn} was not imported; `
      + 'only imported certificates can be re-imported.');
  }

  const material = services.readImportMaterial(
    { certificate: input.certificate, privateKey: input.privateKey, chain: input.chain }, now);
  const arn = previous?.arn
    ?? formatCertificateArn(caller.region, caller.accountId, services.newId());
  const sealedKey = services.sealer.seal(Buffer.from(material.privateKeyPem), arn);

  if (previous) {
    // The rules are checked against the stored certificate in the transaction that replaces
    // it, so a re-import that landed since `previous` was read is held to them too; a
    // DeleteCertificate that ran meanwhile wins, and nothing is re-imported.
    const replaced = await services.certificates.replaceMaterial(caller.accountId,
      caller.region, arn, sealedKey, (current) => {
        assertReplaceable(current.facts, material.facts);
        return newRecord(arn, caller, material, now, current);
      });
    if (!replaced) throw notFound(arn, caller);
  } else {
    const record = newRecord(arn, caller, material, now, undefined);
    const limit = services.maxImportedCertificates;
    if (!await services.certificates.insert(record, sealedKey, input.tags ?? [], limit)) {
      throw fail('LimitExceededException', `The account ${caller.accountId} has reached its `
        + `limit of ${limit} imported certificates in ${caller.region}.`);
    }
  }

  services.audit.record(previous ? 'certificate.reimported' : 'certificate.imported', {
    arn, accountId: caller.accountId, region: caller.region, serial: material.facts.serial,
    domainName: material.facts.domainName, notAfter: material.facts.notAfter.toISOString(),
  });
  return arn;
}

/** The record an import stores; a re-import keeps what the replaced record had. */
function newRecord(arn: string, caller: Caller, material: ImportMaterial, now: Date,
  previous: CertificateRecord | undefined): CertificateRecord {
  return {
    arn,
    accountId: caller.accountId,
    region: caller.region,
    type: 'IMPORTED',
    keyPairOrigin: 'CUSTOMER_PROVIDED',
    status: 'ISSUED',
    facts: material.facts,
    certificatePem: material.certificatePem,
    chainPem: material.chainPem,
    createdAt: previous?.createdAt ?? now,
    importedAt: now,
    issuedAt: undefined,
    inUseBy: previous?.inUseBy ?? [],
    // ACM never logs imported certificates to CT, and shows the preference as DISABLED.
    options: previous?.options
      ?? { certificateTransparencyLoggingPreference: 'DISABLED', export: 'DISABLED' },
    exported: false,
  };
}

/**
 * Re-import rules from ACM's import prerequisites: the key type stays, and a replacement may
 * not add a KeyUsage or ExtendedKeyUsage extension the old certificate lacked nor drop values
 * it had, except clientAuth (public CAs stopped issuing it, 2025) and keyEncipherment on
 * ECDSA certificates (which never use it, 2026).
 */
function assertReplaceable(old: CertificateFacts, next: CertificateFacts): void {
  if (old.keyAlgorithm !== next.keyAlgorithm) {
    throw fail('ValidationException', `The new certificate's key algorithm ${next.keyAlgorithm} `
      + `does not match the key algorithm ${old.keyAlgorithm} of the certificate it replaces.`);
  }

  const isEc = next.keyAlgorithm.startsWith('EC_');
  const oldKu = old.keyUsages.filter((ku) => !(isEc && ku === 'KEY_ENCIPHERMENT'));
  checkUsages('KeyUsage', oldKu, old.keyUsages.length > 0, next.keyUsages);
  const oldEku = old.extendedKeyUsages.map((e) => e.oid)
    .filter((oid) => oid !== '1.3.6.1.5.5.7.3.2');
  checkUsages('ExtendedKeyUsage', oldEku, old.extendedKeyUsages.length > 0,
    next.extendedKeyUsages.map((e) => e.oid));
}

function checkUsages(extension: string, required: string[], hadExtension: boolean,
  next: string[]): void {
  if (!hadExtension && next.length > 0) {
    throw fail('ValidationException', `The new certificate adds a ${extension} extension that `
      + 'the certificate it replaces does not have.');
  }
  const missing = required.filter((value) => !next.includes(value));
  if (missing.length > 0) {
    throw fail('ValidationException', `The new certificate is missing ${extension} values of `
      + `the certificate it replaces: ${missing.join(', ')}.`);
  }
}
