import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

import type { CertificateRecord, CertificateStatus, KeyAlgorithm, KeyPairOrigin }
  from '../../domain/certificate.ts';
import { fail } from '../../domain/errors.ts';
import type { CertificateQuery, ListCursor } from '../../domain/ports.ts';
import type { AppServices, Caller } from '../context.ts';

export interface ListCertificatesInput {
  statuses?: CertificateStatus[];
  origins?: KeyPairOrigin[];
  keyTypes?: KeyAlgorithm[];
  keyUsages?: string[];
  extendedKeyUsages?: string[];
  exportOption?: string;
  managedBy?: string;
  sortBy?: string;
  sortOrder?: string;
  maxItems?: number;
  nextToken?: string;
}

/** ACM lists only these key types unless `Includes.keyTypes` says otherwise. */
const DEFAULT_KEY_TYPES: KeyAlgorithm[] = ['RSA_1024', 'RSA_2048'];
/** ACME-held keys are hidden unless asked for (ListCertificates, 2026-06). */
const DEFAULT_ORIGINS: KeyPairOrigin[] = ['AWS_MANAGED', 'CUSTOMER_PROVIDED'];
const PAGE_LIMIT = 1000;

export async function listCertificates(
  services: AppServices, caller: Caller, input: ListCertificatesInput,
): Promise<{ certificates: CertificateRecord[]; nextToken?: string; asOf: Date }> {
  if ((input.sortBy === undefined) !== (input.sortOrder === undefined)) {
    throw fail('InvalidArgsException', 'SortBy and SortOrder must be specified together.');
  }

  const query: CertificateQuery = {
    accountId: caller.accountId,
    region: caller.region,
    now: services.clock.now(),
    statuses: distinctOrNone(input.statuses),
    keyTypes: distinctOrNone(input.keyTypes) ?? DEFAULT_KEY_TYPES,
    origins: distinctOrNone(input.origins) ?? DEFAULT_ORIGINS,
    keyUsages: distinctOrNone(input.keyUsages),
    extendedKeyUsages: distinctOrNone(input.extendedKeyUsages),
    exportOption: input.exportOption,
    managedBy: input.managedBy,
    descending: input.sortOrder === 'DESCENDING',
  };
  const queryId = fingerprint(query);
  const after = input.nextToken === undefined
    ? undefined : readToken(services.tokenKey, input.nextToken, queryId);
  const limit = Math.min(input.maxItems ?? PAGE_LIMIT, PAGE_LIMIT);

  const rows = await services.certificates.list(query, after, limit + 1);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const nextToken = rows.length > limit && last
    ? writeToken(services.tokenKey, { createdAt: last.createdAt.getTime(), arn: last.arn }, queryId)
    : undefined;
  // The statuses shown must be those the status filter chose by: the same instant.
  return { certificates: page, nextToken, asOf: query.now };
}

/**
 * The distinct values of a filter list, or undefined when it is empty. The model bounds only
 * the values, not how often they repeat, and each one becomes a bound SQL parameter.
 */
function distinctOrNone<T>(values: T[] | undefined): T[] | undefined {
  return values && values.length > 0 ? [...new Set(values)] : undefined;
}

/** A token is bound to the query it came from; `now` is left out so pages stay usable. */
function fingerprint(query: CertificateQuery): string {
  const { now: _, ...stable } = query;
  return createHash('sha256').update(JSON.stringify(stable)).digest('base64url').slice(0, 16);
}

function writeToken(key: Buffer, cursor: ListCursor, queryId: string): string {
  const payload = Buffer.from(JSON.stringify({ c: cursor.createdAt, a: cursor.arn, q: queryId }))
    .toString('base64url');
  const mac = createHmac('sha256', key).update(payload).digest('base64url');
  return `${payload}.${mac}`;
}

function readToken(key: Buffer, token: string, queryId: string): ListCursor {
  const invalid = () => fail('InvalidArgsException', 'The NextToken is not valid.');
  const [payload, mac, extra] = token.split('.');
  if (!payload || !mac || extra !== undefined) throw invalid();

  const expected = createHmac('sha256', key).update(payload).digest();
  const given = Buffer.from(mac, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid();

  const parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  if (parsed.q !== queryId) {
    throw fail('InvalidArgsException',
      'The NextToken does not belong to a listing with these parameters.');
  }
  return { createdAt: parsed.c, arn: parsed.a };
}
