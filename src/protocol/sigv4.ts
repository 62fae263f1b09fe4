import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

import { fail } from '../domain/errors.ts';

/** What a verified request proves: who signed it and for which region. */
export interface SignedIdentity {
  accessKeyId: string;
  region: string;
}

/** Finds the secret of an access key; undefined when the key is unknown. */
export type SecretLookup = (accessKeyId: string) => string | undefined;

export interface SignedRequest {
  method: string;
  path: string;
  /** Raw header pairs as received (`req.rawHeaders`), so duplicates join exactly as signed. */
  rawHeaders: string[];
  body: Buffer;
}

const ALGORITHM = 'AWS4-HMAC-SHA256';
const SERVICE = 'acm';
const MAX_SKEW_MS = 15 * 60 * 1000;
const AUTH_PARTS = /^AWS4-HMAC-SHA256 (.+)$/;
// The region becomes part of every ARN the caller creates, so it must be one that the ARN
// parser (domain/arn.ts) reads back and that fits the stored column: no upper case, colons
// or other characters, at most 64 of them.
const REGION = /^[a-z0-9-]{1,64}$/;

/**
 * Verifies an AWS Signature Version 4 header-form signature against the raw request.
 * Errors follow AWS: a missing Authorization is MissingAuthenticationTokenException, a
 * malformed one IncompleteSignatureException, an unknown key UnrecognizedClientException and
 * a wrong, expired or future signature InvalidSignatureException.
 */
export function verifySignature(
  request: SignedRequest, lookup: SecretLookup, now: Date, cache: SigningKeyCache,
): SignedIdentity {
  const headers = collectHeaders(request.rawHeaders);
  const authorization = headers.get('authorization');
  if (!authorization) {
    throw fail('MissingAuthenticationTokenException', 'Missing Authentication Token');
  }

  const auth = parseAuthorization(authorization);
  const amzDate = headers.get('x-amz-date');
  if (!amzDate || !/^\d{8}T\d{6}Z$/.test(amzDate)) {
    throw fail('IncompleteSignatureException',
      'Authorization header requires existence of either a \'X-Amz-Date\' or a \'Date\' header.');
  }
  const [scopeDate, region, service, terminator] = auth.scope;
  if (scopeDate !== amzDate.slice(0, 8) || terminator !== 'aws4_request' || !region) {
    throw fail('InvalidSignatureException',
      `Credential should be scoped to a valid date and region: ${auth.scope.join('/')}.`);
  }
  if (!REGION.test(region)) {
    throw fail('InvalidSignatureException',
      `Credential should be scoped to a valid region, not '${region.slice(0, 64)}'.`);
  }
  if (service !== SERVICE) {
    throw fail('InvalidSignatureException',
      `Credential should be scoped to correct service: '${SERVICE}'.`);
  }
  if (!auth.signedHeaders.includes('host')) {
    throw fail('InvalidSignatureException', 'The host header must be signed.');
  }

  const secret = lookup(auth.accessKeyId);
  if (secret === undefined) {
    throw fail('UnrecognizedClientException',
      'The security token included in the request is invalid.');
  }

  checkClock(amzDate, now);
  const bodyHash = createHash('sha256').update(request.body).digest('hex');
  const claimedHash = headers.get('x-amz-content-sha256');
  if (claimedHash !== undefined && claimedHash !== bodyHash && claimedHash !== 'UNSIGNED-PAYLOAD') {
    throw fail('InvalidSignatureException',
      'The provided x-amz-content-sha256 header does not match what was computed.');
  }

  const canonical = canonicalRequest(request, headers, auth.signedHeaders, bodyHash);
  const stringToSign = [ALGORITHM, amzDate, auth.scope.join('/'),
    createHash('sha256').update(canonical).digest('hex')].join('\n');
  const key = cache.get(secret, scopeDate, region);
  const expected = createHmac('sha256', key).update(stringToSign).digest();
  const given = Buffer.from(auth.signature, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw fail('InvalidSignatureException',
      'The request signature we calculated does not match the signature you provided. '
      + 'Check your AWS Secret Access Key and signing method. '
      + 'Consult the service documentation for details.');
  }

  return { accessKeyId: auth.accessKeyId, region };
}

interface Authorization {
  accessKeyId: string;
  scope: string[];
  signedHeaders: string[];
  signature: string;
}

function parseAuthorization(value: string): Authorization {
  const match = AUTH_PARTS.exec(value.trim());
  if (!match) {
    throw fail('IncompleteSignatureException',
      `Authorization header requires '${ALGORITHM}' as its algorithm.`);
  }

  const fields = new Map<string, string>();
  for (const part of match[1]!.split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const credential = fields.get('Credential');
  const signedHeaders = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  const missing = [['Credential', credential], ['SignedHeaders', signedHeaders],
    ['Signature', signature]].filter(([, v]) => !v).map(([k]) => k);
  if (missing.length > 0) {
    throw fail('IncompleteSignatureException',
      `Authorization header requires '${missing.join("', '")}' parameter(s).`);
  }

  const [accessKeyId, ...scope] = credential!.split('/');
  if (!accessKeyId || scope.length !== 4 || !/^[0-9a-f]{64}$/.test(signature!)) {
    throw fail('IncompleteSignatureException', `Authorization header is malformed: ${credential}.`);
  }
  return { accessKeyId, scope, signedHeaders: signedHeaders!.split(';'), signature: signature! };
}

function checkClock(amzDate: string, now: Date): void {
  const signedAt = Date.UTC(
    Number(amzDate.slice(0, 4)), Number(amzDate.slice(4, 6)) - 1, Number(amzDate.slice(6, 8)),
    Number(amzDate.slice(9, 11)), Number(amzDate.slice(11, 13)), Number(amzDate.slice(13, 15)));
  if (now.getTime() - signedAt > MAX_SKEW_MS) {
    throw fail('InvalidSignatureException', `Signature expired: ${amzDate} is now earlier than `
      + `${amzDateOf(now.getTime() - MAX_SKEW_MS)} (${amzDateOf(now.getTime())} - 15 min.)`);
  }
  if (signedAt - now.getTime() > MAX_SKEW_MS) {
    throw fail('InvalidSignatureException', `Signature not yet current: ${amzDate} is still `
      + `later than ${amzDateOf(now.getTime() + MAX_SKEW_MS)} `
      + `(${amzDateOf(now.getTime())} + 15 min.)`);
  }
}

function amzDateOf(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** Lower-cased header names to values; repeated headers joined with `,` as SigV4 requires. */
function collectHeaders(raw: string[]): Map<string, string> {
  const headers = new Map<string, string>();
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase();
    const value = raw[i + 1]!.trim().replace(/\s+/g, ' ');
    const prior = headers.get(name);
    headers.set(name, prior === undefined ? value : `${prior},${value}`);
  }
  return headers;
}

function canonicalRequest(
  request: SignedRequest, headers: Map<string, string>, signed: string[], bodyHash: string,
): string {
  const queryAt = request.path.indexOf('?');
  const path = queryAt < 0 ? request.path : request.path.slice(0, queryAt);
  const query = queryAt < 0 ? '' : canonicalQuery(request.path.slice(queryAt + 1));
  const lines = signed.map((name) => `${name}:${headers.get(name) ?? ''}\n`).join('');
  return [request.method, path || '/', query, lines, signed.join(';'), bodyHash].join('\n');
}

function canonicalQuery(query: string): string {
  return query.split('&').filter(Boolean)
    .map((pair) => pair.includes('=') ? pair : `${pair}=`)
    .sort()
    .join('&');
}

/** Caches derived signing keys per (secret, date, region): one HMAC chain per day. */
export class SigningKeyCache {
  private readonly keys = new Map<string, Buffer>();

  get(secret: string, date: string, region: string): Buffer {
    const id = createHash('sha256').update(`${secret}\0${date}\0${region}`).digest('hex');
    let key = this.keys.get(id);
    if (!key) {
      if (this.keys.size > 1000) this.keys.clear();
      const kDate = createHmac('sha256', `AWS4${secret}`).update(date).digest();
      const kRegion = createHmac('sha256', kDate).update(region).digest();
      const kService = createHmac('sha256', kRegion).update(SERVICE).digest();
      key = createHmac('sha256', kService).update('aws4_request').digest();
      this.keys.set(id, key);
    }
    return key;
  }
}
