import pino from 'pino';

/**
 * The structured log sink. One record per request and one audit record per change that matters
 * (import, re-import, delete). Callers pass fields, never key material: the redact list is a
 * second line of defence, not the first.
 */
export type Logger = pino.Logger;

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: undefined,
    redact: { paths: ['privateKey', '*.privateKey', 'secretAccessKey', '*.secretAccessKey',
      'masterKey', 'passphrase', '*.passphrase'], censor: '[redacted]' },
  };
  return destination ? pino(options, destination) : pino(options);
}
