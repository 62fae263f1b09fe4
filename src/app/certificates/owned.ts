import { parseCertificateArn } from '../../domain/arn.ts';
import type { CertificateRecord } from '../../domain/certificate.ts';
import { fail } from '../../domain/errors.ts';
import type { AppServices, Caller } from '../context.ts';

/**
 * Loads a certificate the caller owns. An ARN of another account or region is answered
 * exactly like an unknown one, so nothing about other tenants leaks.
 */
export async function loadOwned(
  services: AppServices, caller: Caller, arn: string,
): Promise<CertificateRecord> {
  const record = await findOwned(services, caller, arn);
  if (!record) throw notFound(arn, caller);
  return record;
}

export async function findOwned(
  services: AppServices, caller: Caller, arn: string,
): Promise<CertificateRecord | undefined> {
  const parsed = parseCertificateArn(arn);
  if (parsed.accountId !== caller.accountId || parsed.region !== caller.region) return undefined;
  return services.certificates.find(caller.accountId, caller.region, arn);
}

export function notFound(arn: string, caller: Caller) {
  return fail('ResourceNotFoundException',
    `Could not find certificate ${arn} in account ${caller.accountId}.`);
}
