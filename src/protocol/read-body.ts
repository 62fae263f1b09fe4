import type { IncomingMessage } from 'node:http';

import { fail, type AcmError } from '../domain/errors.ts';

/** Reads the whole body, refusing more than `limit` bytes without buffering the excess. */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      req.resume();
      reject(tooLarge(limit));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        reject(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', () => reject(new ClientClosed()));
  });
}

/** The client went away before its request body was complete. */
export class ClientClosed extends Error {
  constructor() {
    super('The client closed the connection before the request body was complete.');
    this.name = 'ClientClosed';
  }
}

function tooLarge(limit: number): AcmError {
  return fail('RequestEntityTooLargeException',
    `The request body is larger than the limit of ${limit} bytes.`);
}
