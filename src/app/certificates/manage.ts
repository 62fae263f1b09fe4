import type { CertificateOptions, CertificateRecord } from '../../domain/certificate.ts';
import { fail } from '../../domain/errors.ts';
import { addTags, assertDistinctKeys, assertNoReservedKeys, removeTags, type Tag }
  from '../../domain/tags.ts';
import type { AppServices, Caller } from '../context.ts';
import { loadOwned, notFound } from './owned.ts';

export async function describeCertificate(
  services: AppServices, caller: Caller, arn: string,
): Promise<CertificateRecord> {
  return loadOwned(services, caller, arn);
}

/** The certificate and chain as PEM; ACM refuses while a request is still being validated. */
export async function getCertificate(services: AppServices, caller: Caller, arn: string) {
  const record = await loadOwned(services, caller, arn);
  if (record.status === 'PENDING_VALIDATION') {
    throw fail('RequestInProgressException', `Certificate ${arn} is still pending validation.`);
  }
  return { certificate: record.certificatePem, chain: record.chainPem };
}

/** Deletes the certificate and its key for good, unless another resource still uses it. */
export async function deleteCertificate(services: AppServices, caller: Caller, arn: string) {
  const record = await loadOwned(services, caller, arn);
  if (record.inUseBy.length > 0) {
    throw fail('ResourceInUseException',
      `Certificate ${arn} is in use by ${record.inUseBy.join(', ')} and cannot be deleted.`);
  }
  if (record.keyPairOrigin === 'ACME') {
    throw fail('ValidationException',
      'Certificates issued through an ACME endpoint cannot be deleted.');
  }

  const deleted = await services.certificates.delete(caller.accountId, caller.region, arn);
  if (!deleted) throw notFound(arn, caller);
  services.audit.record('certificate.deleted',
    { arn, accountId: caller.accountId, region: caller.region, serial: record.facts.serial });
}

export async function listTags(services: AppServices, caller: Caller, arn: string) {
  await loadOwned(services, caller, arn);
  return services.certificates.listTags(arn);
}

export async function addTagsToCertificate(
  services: AppServices, caller: Caller, arn: string, tags: Tag[],
) {
  assertNoReservedKeys(tags);
  assertDistinctKeys(tags);
  await changeTags(services, caller, arn, (current) => addTags(current, tags));
}

export async function removeTagsFromCertificate(
  services: AppServices, caller: Caller, arn: string, tags: Tag[],
) {
  assertNoReservedKeys(tags);
  await changeTags(services, caller, arn, (current) => removeTags(current, tags));
}

async function changeTags(services: AppServices, caller: Caller, arn: string,
  change: (tags: Tag[]) => Tag[]) {
  await loadOwned(services, caller, arn);
  const found = await services.certificates.mutateTags(caller.accountId, caller.region, arn,
    change);
  if (!found) throw notFound(arn, caller);
}

/**
 * ACM accepts this only for certificates it issued itself; `Export` is fixed when a
 * certificate is requested and the transparency preference no longer has any effect.
 */
export async function updateCertificateOptions(
  services: AppServices, caller: Caller, arn: string, options: CertificateOptions,
) {
  const record = await loadOwned(services, caller, arn);
  if (record.type === 'IMPORTED') {
    throw fail('InvalidStateException',
      'The UpdateCertificateOptions command is not permitted for imported certificates.');
  }
  if (record.type === 'PRIVATE') {
    throw fail('InvalidStateException',
      'The UpdateCertificateOptions command is not permitted for private certificates.');
  }
  if (options.export !== undefined && options.export !== (record.options.export ?? 'DISABLED')) {
    throw fail('InvalidStateException',
      'The Export option cannot be changed after the certificate has been requested.');
  }

  const next = { ...record, options: { ...record.options, ...withoutUndefined(options) } };
  await services.certificates.updateOptions(next);
}

function withoutUndefined(options: CertificateOptions): CertificateOptions {
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
}
