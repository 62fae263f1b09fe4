import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * The real command-line clients the suite drives. Each runs with a throwaway HOME, static
 * credentials, an explicit region and endpoint, and instance metadata disabled, so none of
 * them can reach a real AWS host.
 */
export const CLIENTS = {
  /** AWS CLI v1 (Python) from PATH. */
  awsCliV1: 'aws',
  /** Debian's AWS CLI v2. */
  awsCliV2: '/usr/bin/aws',
  /** Python 3 with boto3 from PATH, and Debian's Python with Debian's boto3. */
  python: 'python3',
  debianPython: '/usr/bin/python3',
} as const;

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export function clientEnv(endpoint: string, region = 'us-east-1',
  credentials = { accessKeyId: 'test', secretAccessKey: 'test' }): NodeJS.ProcessEnv {
  const home = mkdtempSync(path.join(tmpdir(), 'openacm-client-home-'));
  return {
    PATH: process.env.PATH,
    HOME: home,
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    AWS_DEFAULT_REGION: region,
    AWS_REGION: region,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: path.join(home, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(home, 'credentials'),
    AWS_PAGER: '',
    OPENACM_ENDPOINT: endpoint,
  };
}

export function run(command: string, args: string[], env: NodeJS.ProcessEnv,
  input?: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(command, args, { env, timeout: 60_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      });
    if (input !== undefined) child.stdin?.end(input);
  });
}

/** Runs `aws --endpoint-url <server> acm ...` and parses the JSON it prints. */
export async function awsAcm(cli: string, endpoint: string, args: string[],
  env = clientEnv(endpoint)): Promise<Run & { json?: any }> {
  const result = await run(cli, ['--endpoint-url', endpoint, '--output', 'json', 'acm', ...args],
    env);
  const json = result.code === 0 && result.stdout.trim() ? JSON.parse(result.stdout) : undefined;
  return { ...result, json };
}
