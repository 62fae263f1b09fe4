import { fail } from '../../domain/errors.ts';
import type { AppServices, Caller } from '../context.ts';

/** ACM's default and ceiling for expiry events (CloudFormation documents 1 to 45). */
export const DEFAULT_DAYS_BEFORE_EXPIRY = 45;
const MAX_DAYS_BEFORE_EXPIRY = 45;
/** An idempotency token is remembered for one hour, as ACM documents. */
const TOKEN_WINDOW_MS = 60 * 60 * 1000;

export async function getAccountConfiguration(services: AppServices, caller: Caller) {
  const settings = await services.accounts.getSettings(caller.accountId, caller.region);
  return { daysBeforeExpiry: settings?.daysBeforeExpiry ?? DEFAULT_DAYS_BEFORE_EXPIRY };
}

/**
 * Stores the expiry-event setting. A token seen within the hour means the request was
 * already carried out, so the repeat changes nothing and succeeds.
 */
export async function putAccountConfiguration(
  services: AppServices, caller: Caller,
  input: { daysBeforeExpiry?: number; idempotencyToken: string },
) {
  const days = input.daysBeforeExpiry;
  if (days !== undefined && days > MAX_DAYS_BEFORE_EXPIRY) {
    throw fail('ValidationException', `1 validation error detected: Value '${days}' at `
      + "'expiryEvents.daysBeforeExpiry' failed to satisfy constraint: "
      + `Member must have value less than or equal to ${MAX_DAYS_BEFORE_EXPIRY}`);
  }

  const fresh = await services.accounts.claimToken(caller.accountId, caller.region,
    'PutAccountConfiguration', input.idempotencyToken, services.clock.now(), TOKEN_WINDOW_MS);
  if (!fresh || days === undefined) return;

  await services.accounts.putSettings(caller.accountId, caller.region,
    { daysBeforeExpiry: days });
  services.audit.record('account.configured',
    { accountId: caller.accountId, region: caller.region, daysBeforeExpiry: days });
}
