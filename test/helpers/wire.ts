/**
 * Hand-made requests for the hostile-input suites: every answer is checked for the marks of
 * an internal failure leaking out, and the server's database is read beside it to prove that
 * a refused request stored nothing.
 */
import path from 'node:path';

import SQLite from 'better-sqlite3';
import { expect } from 'vitest';

import type { TestMaterial } from './certs.ts';
import { rawRequest, type RawResponse } from './raw.ts';
import type { TestServer } from './server.ts';

/** What must never reach a client: stack frames, SQL, source paths, internal error names. */
export const INTERNAL = /InternalFailure|SqliteError|SQL|node_modules|\/src\/|\.ts:\d+|at \w+ \(/;

const b64 = (text: string) => Buffer.from(text).toString('base64');

/** An ImportCertificate body for test material, blobs base64-encoded as on the wire. */
export function importBody(m: TestMaterial, extra: Record<string, unknown> = {}) {
  return { Certificate: b64(m.certificate), PrivateKey: b64(m.privateKey),
    ...(m.chain === undefined ? {} : { CertificateChain: b64(m.chain) }), ...extra };
}

/** One signed request; a string or Buffer body is sent as given, anything else as JSON. */
export async function callServer(server: TestServer, operation: string, body: unknown = {},
  options: { region?: string; accessKeyId?: string; secretAccessKey?: string } = {},
): Promise<RawResponse> {
  const raw = typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
  const res = await rawRequest(server.url, { target: `CertificateManager.${operation}`,
    body: raw, ...options });
  expect(res.status, res.text.slice(0, 300)).toBeLessThan(500);
  // Only error text is checked: a PEM body may spell "SQL" or "/src/" in base64 by chance.
  if (res.status >= 400) expect(res.text).not.toMatch(INTERNAL);
  return res;
}

/** The error an answer carries, checked to be a well-formed AWS JSON error. */
export function wireError(res: RawResponse): { type: string; message: string } {
  expect(res.status).toBeGreaterThanOrEqual(400);
  expect(res.headers.get('x-amzn-errortype')).toBe(res.json?.__type);
  return { type: res.json.__type, message: res.json.message };
}

/** Rows in a server's database, read beside it: the ground truth for "nothing stored". */
export function rowCounts(server: TestServer): { certificates: number; tags: number } {
  const db = new SQLite(path.join(server.dataDir, 'openacm.db'), { readonly: true });
  try {
    const count = (table: string) =>
      (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
    return { certificates: count('certificates'), tags: count('certificate_tags') };
  } finally {
    db.close();
  }
}
