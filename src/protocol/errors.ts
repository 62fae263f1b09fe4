import { AcmError, type AcmErrorKind } from '../domain/errors.ts';

/** HTTP status of each error kind; anything not listed is a client error, 400. */
const STATUS: Partial<Record<AcmErrorKind, number>> = {
  MissingAuthenticationTokenException: 403,
  RequestEntityTooLargeException: 413,
  InternalFailure: 500,
};

/** Kinds whose modelled message member is `Message`; every other ACM error uses `message`. */
const CAPITALISED_MESSAGE = new Set<AcmErrorKind>(['AccessDeniedException']);

export interface WireError {
  status: number;
  type: AcmErrorKind;
  body: Record<string, string>;
}

/**
 * The one place where errors become AWS JSON errors. Anything that is not an AcmError is an
 * internal failure whose detail stays in the server log, never in the response.
 */
export function toWireError(error: unknown): WireError {
  const known = error instanceof AcmError
    ? error
    : new AcmError('InternalFailure', 'The request processing has failed because of an '
      + 'unknown error, exception or failure.');
  const messageKey = CAPITALISED_MESSAGE.has(known.kind) ? 'Message' : 'message';
  return {
    status: STATUS[known.kind] ?? 400,
    type: known.kind,
    body: { __type: known.kind, [messageKey]: known.message },
  };
}
