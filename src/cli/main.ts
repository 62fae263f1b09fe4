import { parseArgs } from 'node:util';

import { ConfigError, loadConfig, type ConfigInput } from '../config/config.ts';
import { openCredentialAdmin, startServer } from '../main.ts';

const USAGE = `usage:
  openacm serve [--host 127.0.0.1] [--port 4566] [--data-dir ./data] [--database-url sqlite:FILE]
                [--allow-dev-credentials] [--log-level info] [--max-body-bytes 4194304]
  openacm credentials create --account-id 123456789012 [--access-key-id ID --secret-access-key S]
  openacm credentials list
  openacm credentials delete ACCESS_KEY_ID
Common options: --data-dir, --database-url (also OPENACM_DATA_DIR, OPENACM_DATABASE_URL).
The master key comes from OPENACM_MASTER_KEY (base64, 32 bytes) or <data-dir>/master.key.`;

const OPTIONS = {
  host: { type: 'string' },
  port: { type: 'string' },
  'data-dir': { type: 'string' },
  'database-url': { type: 'string' },
  'allow-dev-credentials': { type: 'boolean' },
  'log-level': { type: 'string' },
  'max-body-bytes': { type: 'string' },
  'account-id': { type: 'string' },
  'access-key-id': { type: 'string' },
  'secret-access-key': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs(
    { args: argv, options: OPTIONS, allowPositionals: true });
  const [command, sub, arg] = positionals;
  if (values.help || command === undefined) {
    process.stdout.write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }

  const input: ConfigInput = {
    host: values.host, port: values.port, dataDir: values['data-dir'],
    databaseUrl: values['database-url'], allowDevCredentials: values['allow-dev-credentials'],
    logLevel: values['log-level'], maxBodyBytes: values['max-body-bytes'],
  };
  const config = loadConfig(input);

  if (command === 'serve') {
    const server = await startServer(config);
    const stop = (signal: string) => {
      process.stderr.write(`openacm: ${signal} received, stopping\n`);
      void server.close().then(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return -1;
  }
  if (command === 'credentials') return credentials(config, sub, arg, values);

  process.stderr.write(`unknown command '${command}'\n${USAGE}\n`);
  return 2;
}

async function credentials(config: ReturnType<typeof loadConfig>, sub: string | undefined,
  arg: string | undefined, values: Record<string, unknown>): Promise<number> {
  if (values['secret-access-key'] !== undefined && values['access-key-id'] === undefined) {
    throw new Error('--secret-access-key needs --access-key-id.');
  }
  const { admin, close } = await openCredentialAdmin(config);
  try {
    if (sub === 'create') {
      const given = values['access-key-id'] !== undefined
        ? { accessKeyId: String(values['access-key-id']),
          secretAccessKey: String(values['secret-access-key'] ?? '') }
        : undefined;
      const key = await admin.create(String(values['account-id'] ?? ''), given);
      process.stdout.write(`${JSON.stringify({ AccessKeyId: key.accessKeyId,
        SecretAccessKey: key.secretAccessKey, AccountId: key.accountId }, null, 2)}\n`);
      return 0;
    }
    if (sub === 'list') {
      const keys = await admin.list();
      process.stdout.write(`${JSON.stringify(keys.map((k) => ({ AccessKeyId: k.accessKeyId,
        AccountId: k.accountId, CreatedAt: k.createdAt.toISOString() })), null, 2)}\n`);
      return 0;
    }
    if (sub === 'delete' && arg) {
      if (await admin.delete(arg)) return 0;
      process.stderr.write(`no access key '${arg}'\n`);
      return 1;
    }
    process.stderr.write(`${USAGE}\n`);
    return 2;
  } finally {
    await close();
  }
}

run(process.argv.slice(2)).then((code) => {
  if (code >= 0) process.exitCode = code;
}, (error: Error) => {
  const prefix = error instanceof ConfigError ? 'configuration error' : 'error';
  // One line, whatever the message: node:util's option errors span several.
  const message = String(error?.message ?? error).replace(/\s*\n\s*/g, ' ');
  process.stderr.write(`openacm: ${prefix}: ${message}\n`);
  process.exitCode = 1;
});
