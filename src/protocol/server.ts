import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

import type { AppServices, Caller } from '../app/context.ts';
import { AcmError, fail } from '../domain/errors.ts';
import type { Logger } from '../observability/logger.ts';
import { toWireError } from './errors.ts';
import { ClientClosed, readBody } from './read-body.ts';
import { OPERATIONS } from './operations/index.ts';
import { SigningKeyCache, verifySignature } from './sigv4.ts';
import { validateInput } from './validate.ts';

const TARGET_PREFIX = 'CertificateManager.';
const CONTENT_TYPE = 'application/x-amz-json-1.1';
const REQUEST_TIMEOUT_MS = 60_000;
const HEADERS_TIMEOUT_MS = 20_000;

/** Resolves an access key to its secret and account; undefined when unknown. */
export type CredentialResolver = (accessKeyId: string) =>
  { secret: string; accountId: string } | undefined;

export interface ProtocolOptions {
  services: AppServices;
  credentials: CredentialResolver;
  logger: Logger;
  maxBodyBytes: number;
}

/** The AWS JSON 1.1 front end: SigV4, X-Amz-Target dispatch, model validation, errors. */
export function createProtocolServer(options: ProtocolOptions): Server {
  const keyCache = new SigningKeyCache();
  const server = createServer((req, res) => {
    void handle(options, keyCache, req, res);
  });
  // A whole request, headers and a body of at most maxBodyBytes, arrives well within this;
  // a client that trickles bytes slower is cut off instead of holding a socket for minutes.
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  return server;
}

async function handle(options: ProtocolOptions, keyCache: SigningKeyCache,
  req: IncomingMessage, res: ServerResponse): Promise<void> {
  const started = process.hrtime.bigint();
  const requestId = randomUUID();
  const target = req.headers['x-amz-target'];
  const operation = typeof target === 'string' && target.startsWith(TARGET_PREFIX)
    ? target.slice(TARGET_PREFIX.length) : undefined;
  let caller: Caller | undefined;
  let status = 200;
  let errorType: string | undefined;

  try {
    const body = await readBody(req, options.maxBodyBytes);
    caller = authenticate(options, keyCache, req, body);
    if (req.method !== 'POST') throw wrongMethod(req.method);
    // Own properties only, so that `constructor` or `__proto__` is not taken for an operation.
    const run = operation !== undefined && Object.hasOwn(OPERATIONS, operation)
      ? OPERATIONS[operation] : undefined;
    if (!run) throw unknownOperation(operation);

    const input = validateInput(operation!, parseJson(body));
    const output = await run(options.services, caller, input);
    send(res, 200, requestId, output === undefined ? '' : JSON.stringify(output), now(options));
  } catch (error) {
    if (error instanceof ClientClosed) {
      // Nobody is left to answer; this is the client's doing, not an internal failure.
      options.logger.info({ requestId, operation, aborted: true }, 'request');
      return;
    }
    const wire = toWireError(error);
    status = wire.status;
    errorType = wire.type;
    if (!(error instanceof AcmError)) {
      options.logger.error({ requestId, operation, err: describeInternal(error) },
        'internal failure');
    }
    res.setHeader('x-amzn-ErrorType', wire.type);
    send(res, wire.status, requestId, JSON.stringify(wire.body), now(options));
  }

  const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
  options.logger.info({
    requestId, operation, accountId: caller?.accountId, region: caller?.region, status,
    errorType, durationMs: Math.round(durationMs * 100) / 100,
  }, 'request');
}

function authenticate(options: ProtocolOptions, keyCache: SigningKeyCache,
  req: IncomingMessage, body: Buffer): Caller {
  const identity = verifySignature(
    { method: req.method ?? 'POST', path: req.url ?? '/', rawHeaders: req.rawHeaders, body },
    (id) => options.credentials(id)?.secret,
    options.services.clock.now(),
    keyCache,
  );
  const account = options.credentials(identity.accessKeyId)!;
  return { accountId: account.accountId, region: identity.region };
}

function unknownOperation(operation: string | undefined): AcmError {
  return operation === undefined
    ? fail('UnknownOperationException', 'Missing or malformed X-Amz-Target header.')
    : fail('UnknownOperationException',
      `Operation ${operation.slice(0, 128)} is not supported by this openacm server.`);
}

function wrongMethod(method: string | undefined): AcmError {
  return fail('UnknownOperationException',
    `HTTP method ${String(method).slice(0, 16)} is not supported: ACM requests are POST.`);
}

/** Strict UTF-8 (RFC 8259 section 8.1): bad bytes are refused, never read as U+FFFD. */
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function parseJson(body: Buffer): unknown {
  if (body.length === 0) return {};
  let text: string;
  try {
    text = UTF8.decode(body);
  } catch {
    throw fail('SerializationException', 'The request body is not valid UTF-8.');
  }
  try {
    return JSON.parse(text);
  } catch {
    throw fail('SerializationException', 'The request body is not valid JSON.');
  }
}

/**
 * The Date header carries the server's clock: SDKs compare it with their own to correct clock
 * skew after an InvalidSignatureException, so it must be the clock signatures are checked by.
 */
function now(options: ProtocolOptions): Date {
  return options.services.clock.now();
}

function send(res: ServerResponse, status: number, requestId: string, body: string,
  date: Date): void {
  res.statusCode = status;
  res.setHeader('Date', date.toUTCString());
  res.setHeader('Content-Type', CONTENT_TYPE);
  res.setHeader('x-amzn-RequestId', requestId);
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(body);
}

/** Internal errors are logged with their stack, server-side only: clients never see them. */
function describeInternal(error: unknown): Record<string, string> {
  return error instanceof Error
    ? { name: error.name, message: error.message, stack: error.stack ?? '' }
    : { message: String(error) };
}
