import 'reflect-metadata';

import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';

import type { Kysely } from 'kysely';

import type { AppServices } from './app/context.ts';
import { CredentialAdmin, CredentialTable } from './app/credentials.ts';
import { isLoopback, type Config } from './config/config.ts';
import { readImportMaterial } from './crypto/import-material.ts';
import { KeyVault } from './crypto/key-vault.ts';
import { systemClock, type Clock } from './domain/ports.ts';
import { createLogger, type Logger } from './observability/logger.ts';
import { createProtocolServer } from './protocol/server.ts';
import { SqlAccessKeyStore, SqlAccountStore } from './storage/account-store.ts';
import { SqlCertificateStore } from './storage/certificate-store.ts';
import { openDatabase } from './storage/open-database.ts';
import type { Database } from './storage/schema.ts';

/** How often keys created by `openacm credentials` are picked up by a running server. */
const CREDENTIAL_RELOAD_MS = 2000;

export interface RunningServer {
  url: string;
  port: number;
  /** Picks up access keys created since start without waiting for the timer. */
  reloadCredentials(): Promise<void>;
  close(): Promise<void>;
}

export interface StartOptions {
  clock?: Clock;
  logger?: Logger;
}

/** The composition root: opens storage and the key vault, wires use cases, listens. */
export async function startServer(config: Config, options: StartOptions = {}):
  Promise<RunningServer> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const vault = await KeyVault.open({ dataDir: config.dataDir, masterKey: config.masterKey });
  const db = await openDatabase(config.databaseUrl);

  try {
    const keyStore = new SqlAccessKeyStore(db);
    const allowDev = isLoopback(config.host) || config.allowDevCredentials;
    const credentials = new CredentialTable(keyStore, vault, allowDev);
    const stored = await credentials.reload();
    if (!allowDev && stored === 0) {
      throw new Error(`Refusing to listen on ${config.host} with only the development key `
        + 'pair: create keys with `openacm credentials create --account-id <12 digits>` '
        + 'or pass --allow-dev-credentials.');
    }

    const services: AppServices = {
      certificates: new SqlCertificateStore(db),
      accounts: new SqlAccountStore(db),
      sealer: vault,
      clock: options.clock ?? systemClock,
      audit: { record: (event, fields) => logger.info({ audit: event, ...fields }, event) },
      readImportMaterial,
      newId: randomUUID,
      tokenKey: vault.deriveKey('list-certificates-next-token'),
      maxImportedCertificates: config.maxImportedCertificates,
    };
    const server = createProtocolServer(
      { services, credentials: credentials.resolve, logger, maxBodyBytes: config.maxBodyBytes });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => resolve());
    });

    const reload = setInterval(() => {
      credentials.reload().catch((err: Error) =>
        logger.error({ err: err.message }, 'credential reload failed'));
    }, CREDENTIAL_RELOAD_MS);
    reload.unref();

    const port = (server.address() as AddressInfo).port;
    const host = config.host.includes(':') ? `[${config.host}]` : config.host;
    logger.info({ host: config.host, port, dataDir: config.dataDir, devCredentials: allowDev },
      'openacm listening');
    return {
      url: `http://${host}:${port}`,
      port,
      async reloadCredentials() {
        await credentials.reload();
      },
      async close() {
        clearInterval(reload);
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await db.destroy();
      },
    };
  } catch (error) {
    await db.destroy();
    throw error;
  }
}

/** Opens what the `credentials` commands need, without starting a server. */
export async function openCredentialAdmin(config: Config) {
  const vault = await KeyVault.open({ dataDir: config.dataDir, masterKey: config.masterKey });
  const db: Kysely<Database> = await openDatabase(config.databaseUrl);
  const admin = new CredentialAdmin(new SqlAccessKeyStore(db), vault);
  return { admin, close: () => db.destroy() };
}
