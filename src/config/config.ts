import { isIP } from 'node:net';
import path from 'node:path';

/** The server's settings: typed, validated, frozen. Every field has a safe default. */
export interface Config {
  /** Address to listen on; loopback by default. */
  readonly host: string;
  readonly port: number;
  /** Where the SQLite database and the master key live. */
  readonly dataDir: string;
  /** `sqlite:<file>`; defaults to `<dataDir>/openacm.db`. */
  readonly databaseUrl: string;
  /** Base64 of a 32-byte master key; when absent one is created in the data directory. */
  readonly masterKey: string | undefined;
  /** Accept the development key pair `test`/`test` even when not on loopback. */
  readonly allowDevCredentials: boolean;
  /** Largest request body accepted, in bytes. */
  readonly maxBodyBytes: number;
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** ACM's quota of imported certificates per account and region. */
  readonly maxImportedCertificates: number;
}

export type ConfigInput = Partial<Record<keyof Config, string | number | boolean | undefined>>;

const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;

export class ConfigError extends Error {}

/** Builds the config from CLI options over environment variables over defaults. */
export function loadConfig(input: ConfigInput, env: NodeJS.ProcessEnv = process.env): Config {
  const pick = (key: keyof Config, envName: string) => input[key] ?? env[envName];

  const host = String(pick('host', 'OPENACM_HOST') ?? '127.0.0.1');
  if (host !== 'localhost' && isIP(host) === 0) {
    throw new ConfigError(`host: '${host}' is not an IP address or 'localhost'.`);
  }
  const port = integer('port', pick('port', 'OPENACM_PORT') ?? 4566, 0, 65535);
  const dataDir = path.resolve(String(pick('dataDir', 'OPENACM_DATA_DIR') ?? 'data'));
  const databaseUrl = String(pick('databaseUrl', 'OPENACM_DATABASE_URL')
    ?? `sqlite:${path.join(dataDir, 'openacm.db')}`);
  if (!databaseUrl.startsWith('sqlite:')) {
    throw new ConfigError(
      `databaseUrl: '${databaseUrl.split(':')[0]}:' is not supported; use 'sqlite:<file>'.`);
  }
  // SQLite reads an empty file name as a temporary database, deleted when it is closed.
  if (databaseUrl.slice('sqlite:'.length).trim() === '') {
    throw new ConfigError("databaseUrl: 'sqlite:' names no file; use 'sqlite:<file>'.");
  }
  const masterKey = pick('masterKey', 'OPENACM_MASTER_KEY');
  const allow = pick('allowDevCredentials', 'OPENACM_ALLOW_DEV_CREDENTIALS');
  const logLevel = String(pick('logLevel', 'OPENACM_LOG_LEVEL') ?? 'info');
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    throw new ConfigError(`logLevel: '${logLevel}' is not one of ${LOG_LEVELS.join(', ')}.`);
  }

  return Object.freeze({
    host,
    port,
    dataDir,
    databaseUrl,
    masterKey: masterKey === undefined || masterKey === '' ? undefined : String(masterKey),
    allowDevCredentials: allow === true || allow === 'true' || allow === '1',
    maxBodyBytes: integer('maxBodyBytes',
      pick('maxBodyBytes', 'OPENACM_MAX_BODY_BYTES') ?? 4 * 1024 * 1024, 1024, 64 * 1024 * 1024),
    logLevel: logLevel as Config['logLevel'],
    maxImportedCertificates: integer('maxImportedCertificates',
      pick('maxImportedCertificates', 'OPENACM_MAX_IMPORTED_CERTIFICATES') ?? 2500, 1, 1_000_000),
  });
}

function integer(name: string, value: unknown, min: number, max: number): number {
  const n = typeof value === 'number' ? value : Number(String(value));
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(
      `${name}: '${String(value)}' is not a whole number from ${min} to ${max}.`);
  }
  return n;
}

/** True when every address the server listens on is loopback. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}
