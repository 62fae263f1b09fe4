import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { ACMClient } from '@aws-sdk/client-acm';

import { loadConfig } from '../../src/config/config.ts';
import type { Clock } from '../../src/domain/ports.ts';
import { openCredentialAdmin, startServer, type RunningServer } from '../../src/main.ts';
import { createLogger } from '../../src/observability/logger.ts';

export interface TestServer extends RunningServer {
  dataDir: string;
  /** Shifts the server's clock; tests of expiry move time instead of waiting. */
  clock: Clock & { offsetMs: number };
  client(options?: { region?: string; accessKeyId?: string; secretAccessKey?: string;
    systemClockOffset?: number }): ACMClient;
  /** Creates an access key for an account, as `openacm credentials create` does. */
  addCredentials(accountId: string): Promise<{ accessKeyId: string; secretAccessKey: string }>;
  stop(): Promise<void>;
}

/** Starts a real server on a free loopback port with its own data directory. */
export async function startTestServer(settings: { maxImportedCertificates?: number } = {}):
  Promise<TestServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'openacm-test-'));
  const clock = { offsetMs: 0, now: () => new Date(Date.now() + clock.offsetMs) };
  const config = loadConfig({ host: '127.0.0.1', port: 0, dataDir, logLevel: 'silent',
    ...settings }, {});
  const server = await startServer(config, { clock, logger: createLogger('silent') });

  return {
    ...server,
    dataDir,
    clock,
    client(options = {}) {
      return new ACMClient({
        endpoint: server.url,
        region: options.region ?? 'us-east-1',
        credentials: {
          accessKeyId: options.accessKeyId ?? 'test',
          secretAccessKey: options.secretAccessKey ?? 'test',
        },
        maxAttempts: 1,
        systemClockOffset: options.systemClockOffset ?? 0,
      });
    },
    async addCredentials(accountId) {
      const { admin, close } = await openCredentialAdmin(config);
      try {
        const key = await admin.create(accountId);
        await server.reloadCredentials();
        return { accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey };
      } finally {
        await close();
      }
    },
    async stop() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
