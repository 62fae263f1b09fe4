import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';

export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
  json: any;
}

/**
 * Sends one hand-made request to the server, signed with SigV4 unless `unsigned`; for
 * protocol cases the SDKs would never produce.
 */
export async function rawRequest(url: string, options: {
  target?: string; body?: string | Buffer; unsigned?: boolean; region?: string;
  accessKeyId?: string; secretAccessKey?: string;
}): Promise<RawResponse> {
  const { hostname, port, host } = new URL(url);
  const body = options.body ?? '{}';
  const headers: Record<string, string> = {
    host, 'content-type': 'application/x-amz-json-1.1',
  };
  if (options.target !== undefined) headers['x-amz-target'] = options.target;

  let sent = headers;
  if (!options.unsigned) {
    const signer = new SignatureV4({ service: 'acm', region: options.region ?? 'us-east-1',
      sha256: Sha256, applyChecksum: false, credentials: {
        accessKeyId: options.accessKeyId ?? 'test',
        secretAccessKey: options.secretAccessKey ?? 'test' } });
    const signed = await signer.sign({ method: 'POST', protocol: 'http:', hostname,
      port: Number(port), path: '/', headers, body });
    sent = signed.headers;
  }
  const { host: _, ...fetchHeaders } = sent;
  const response = await fetch(url, { method: 'POST', headers: fetchHeaders,
    body: typeof body === 'string' ? body : new Uint8Array(body) });
  const text = await response.text();
  let json: any;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}
