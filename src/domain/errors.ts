/**
 * The one error type of openacm. Use cases throw it; the protocol edge turns its kind into an
 * AWS `__type` and an HTTP status (see protocol/errors.ts). The message is shown to the
 * client as is, so it must never carry key material, SQL or a stack.
 */
export type AcmErrorKind =
  | 'AccessDeniedException'
  | 'ConflictException'
  | 'IncompleteSignatureException'
  | 'InternalFailure'
  | 'InvalidArgsException'
  | 'InvalidArnException'
  | 'InvalidParameterException'
  | 'InvalidSignatureException'
  | 'InvalidStateException'
  | 'InvalidTagException'
  | 'LimitExceededException'
  | 'MissingAuthenticationTokenException'
  | 'RequestEntityTooLargeException'
  | 'RequestInProgressException'
  | 'ResourceInUseException'
  | 'ResourceNotFoundException'
  | 'SerializationException'
  | 'TooManyTagsException'
  | 'UnknownOperationException'
  | 'UnrecognizedClientException'
  | 'ValidationException';

export class AcmError extends Error {
  readonly kind: AcmErrorKind;

  constructor(kind: AcmErrorKind, message: string) {
    super(message);
    this.name = kind;
    this.kind = kind;
  }
}

/** Shorthand used by use cases: `throw fail('InvalidStateException', '...')`. */
export function fail(kind: AcmErrorKind, message: string): AcmError {
  return new AcmError(kind, message);
}
