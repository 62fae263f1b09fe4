/**
 * Measures request throughput and latency of the main operations over real HTTP with the JS
 * SDK, against a server on loopback with a fresh SQLite data directory. Prints one JSON report.
 *
 *   npm run bench                    (defaults: 200 imports, 2000 describes, 200 list pages)
 *   npm run bench -- --imports 500 --describes 5000 --concurrency 16
 */
import 'reflect-metadata';

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

import {
  ACMClient, DescribeCertificateCommand, ImportCertificateCommand, ListCertificatesCommand,
} from '@aws-sdk/client-acm';

import { loadConfig } from '../src/config/config.ts';
import { startServer } from '../src/main.ts';
import { createLogger } from '../src/observability/logger.ts';
import { makeCertificate } from '../test/helpers/certs.ts';

process.env.AWS_EC2_METADATA_DISABLED = 'true';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const { values } = parseArgs({ options: {
  imports: { type: 'string', default: '200' },
  describes: { type: 'string', default: '2000' },
  lists: { type: 'string', default: '200' },
  concurrency: { type: 'string', default: '8' },
} });
const concurrency = Number(values.concurrency);

/** Runs `count` calls with at most `concurrency` in flight; returns latencies in ms. */
async function measure(count: number, call: (i: number) => Promise<unknown>) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < count) {
      const i = next++;
      const t = performance.now();
      await call(i);
      latencies.push(performance.now() - t);
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => Number(latencies[Math.floor(q * (latencies.length - 1))]!.toFixed(2));
  return { count, opsPerSecond: Math.round(count / seconds), p50Ms: at(0.5), p99Ms: at(0.99) };
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'openacm-bench-'));
const server = await startServer(loadConfig({ port: 0, dataDir, logLevel: 'silent' }, {}),
  { logger: createLogger('silent') });
const acm = new ACMClient({ endpoint: server.url, region: 'us-east-1', maxAttempts: 1,
  credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });

try {
  const materials = await Promise.all(Array.from({ length: 20 }, (_, i) =>
    makeCertificate({ commonName: `bench-${i}.example.com` })));
  const arns: string[] = [];
  const imports = await measure(Number(values.imports), async (i) => {
    const m = materials[i % materials.length]!;
    const out = await acm.send(new ImportCertificateCommand({
      Certificate: Buffer.from(m.certificate), PrivateKey: Buffer.from(m.privateKey),
      CertificateChain: Buffer.from(m.chain!) }));
    arns.push(out.CertificateArn!);
  });
  const describes = await measure(Number(values.describes), (i) =>
    acm.send(new DescribeCertificateCommand({ CertificateArn: arns[i % arns.length] })));
  const lists = await measure(Number(values.lists), () =>
    acm.send(new ListCertificatesCommand({ MaxItems: 100 })));

  process.stdout.write(`${JSON.stringify({
    node: process.version, concurrency, imports, describes, listPagesOf100: lists,
    rssMiB: Math.round(process.memoryUsage().rss / 1048576),
  }, null, 2)}\n`);
} finally {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
}
