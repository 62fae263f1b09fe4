import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { describe, expect, it } from 'vitest';

import { AcmError } from '../domain/errors.ts';
import { SigningKeyCache, verifySignature, type SignedRequest } from './sigv4.ts';

const NOW = new Date('2026-12-04T12:00:00Z');
const secrets: Record<string, string> = { AKIDEXAMPLE: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
const lookup = (id: string) => secrets[id];

/** Signs like the Python clients (no x-amz-content-sha256) or like the JS SDK (with it). */
async function signed(options: { body?: string; date?: Date; secret?: string; region?: string;
  service?: string; jsStyle?: boolean } = {}): Promise<SignedRequest> {
  const body = options.body ?? '{"CertificateArn": "arn:aws:acm:us-east-1:1:certificate/x"}';
  const signer = new SignatureV4({
    credentials: { accessKeyId: 'AKIDEXAMPLE',
      secretAccessKey: options.secret ?? secrets.AKIDEXAMPLE! },
    region: options.region ?? 'us-east-1', service: options.service ?? 'acm', sha256: Sha256,
    applyChecksum: options.jsStyle ?? false,
  });
  const request = await signer.sign({
    method: 'POST', protocol: 'http:', hostname: '127.0.0.1', port: 4566, path: '/',
    headers: { host: '127.0.0.1:4566', 'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': 'CertificateManager.DescribeCertificate' },
    body,
  }, { signingDate: options.date ?? NOW });
  return { method: 'POST', path: '/', rawHeaders: Object.entries(request.headers).flat(),
    body: Buffer.from(body) };
}

function errorOf(request: SignedRequest, now = NOW): string {
  try {
    verifySignature(request, lookup, now, new SigningKeyCache());
  } catch (error) {
    return (error as AcmError).kind;
  }
  return 'accepted';
}

describe('verifySignature', () => {
  it('accepts requests signed the way the Python clients and the JS SDK sign', async () => {
    for (const jsStyle of [false, true]) {
      const identity = verifySignature(await signed({ jsStyle, region: 'eu-west-3' }), lookup,
        NOW, new SigningKeyCache());
      expect(identity).toEqual({ accessKeyId: 'AKIDEXAMPLE', region: 'eu-west-3' });
    }
  });

  it('refuses a body swapped under a valid signature', async () => {
    const request = await signed({ jsStyle: true });
    expect(errorOf({ ...request, body: Buffer.from('{"CertificateArn": "other"}') }))
      .toBe('InvalidSignatureException');
    const python = await signed();
    expect(errorOf({ ...python, body: Buffer.from('{}') })).toBe('InvalidSignatureException');
  });

  it('refuses a wrong secret, an unknown key and a missing header', async () => {
    expect(errorOf(await signed({ secret: 'not-the-secret' }))).toBe('InvalidSignatureException');
    const request = await signed();
    const unknown = request.rawHeaders.map((v) => v.replace('AKIDEXAMPLE', 'AKIDUNKNOWN'));
    expect(errorOf({ ...request, rawHeaders: unknown })).toBe('UnrecognizedClientException');
    const unsigned = request.rawHeaders.filter((_, i, all) =>
      all[i - (i % 2)]!.toLowerCase() !== 'authorization');
    expect(errorOf({ ...request, rawHeaders: unsigned }))
      .toBe('MissingAuthenticationTokenException');
  });

  it('refuses a malformed header and a scope for another service', async () => {
    const request = await signed();
    const garbled = request.rawHeaders.map((v) =>
      (v.startsWith('AWS4-HMAC-SHA256') ? 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE' : v));
    expect(errorOf({ ...request, rawHeaders: garbled })).toBe('IncompleteSignatureException');
    expect(errorOf(await signed({ service: 's3' }))).toBe('InvalidSignatureException');
  });

  it('allows 15 minutes of clock skew each way and no more', async () => {
    const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
    expect(errorOf(await signed({ date: at(-14) }))).toBe('accepted');
    expect(errorOf(await signed({ date: at(14) }))).toBe('accepted');
    expect(errorOf(await signed({ date: at(-16) }))).toBe('InvalidSignatureException');
    expect(errorOf(await signed({ date: at(16) }))).toBe('InvalidSignatureException');
  });

  it('refuses a header changed after signing', async () => {
    const request = await signed();
    const changed = request.rawHeaders.map((v) =>
      v.replace('DescribeCertificate', 'DeleteCertificate'));
    expect(errorOf({ ...request, rawHeaders: changed })).toBe('InvalidSignatureException');
  });
});
