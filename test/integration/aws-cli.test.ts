/**
 * End-to-end tests with the real AWS command-line clients: the AWS CLI v1 on PATH (botocore
 * 1.43) and Debian's AWS CLI v2 2.9.19 at /usr/bin/aws, whose older model lacks
 * `Options.Export`, `ExportOption` and whose timestamps print as ISO 8601 where v1 prints the
 * epoch seconds it received. Each CLI works in an account of its own on one shared server.
 */
import { randomBytes, X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  chainInCertificateField, makeCa, makeCertificate, type TestMaterial,
} from '../helpers/certs.ts';
import { awsAcm, clientEnv, CLIENTS, run, type Run } from '../helpers/clients.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

interface CliCase {
  label: string;
  bin: string;
  version: RegExp;
  /** Exit status for an error answered by the service. */
  serviceErrorExit: number;
  accountId: string;
  /** `--options` of UpdateCertificateOptions in this CLI's model. */
  options: string;
  /** Whether the CLI's model has the 2025 export members (`Options.Export`, `ExportOption`). */
  knowsExport: boolean;
  /** How the CLI prints a timestamp the server sent as whole epoch seconds. */
  time: (date: Date) => number | string;
}

const CLIS: CliCase[] = [
  {
    label: 'AWS CLI v1 (aws on PATH)',
    bin: CLIENTS.awsCliV1,
    version: /^aws-cli\/1\.\d+\.\d+ .* botocore\/1\.43\.\d+/,
    serviceErrorExit: 255,
    accountId: '210000000001',
    options: 'CertificateTransparencyLoggingPreference=ENABLED,Export=DISABLED',
    knowsExport: true,
    time: (date) => date.getTime() / 1000,
  },
  {
    label: 'AWS CLI v2 (/usr/bin/aws)',
    bin: CLIENTS.awsCliV2,
    version: /^aws-cli\/2\.9\.19 /,
    serviceErrorExit: 254,
    accountId: '210000000002',
    options: 'CertificateTransparencyLoggingPreference=ENABLED',
    knowsExport: false,
    time: (date) => date.toISOString().replace(/\.\d{3}Z$/, '+00:00'),
  },
];

const EXPORT_MESSAGE = 'The UpdateCertificateOptions command is not permitted for imported '
  + 'certificates.';
const MULTIPLE_MESSAGE = 'The certificate field contains more than one certificate. You can '
  + 'specify only one certificate in this field.';
const SIGNATURE_MESSAGE = 'The request signature we calculated does not match the signature you '
  + 'provided. Check your AWS Secret Access Key and signing method. Consult the service '
  + 'documentation for details.';

let server: TestServer;
let workDir: string;
let leaf: TestMaterial;
let leafX509: X509Certificate;
let ecLeaf: TestMaterial;
let badMaterial: TestMaterial;
const files: Record<string, string> = {};
const homes: string[] = [];

/** Re-wraps every PEM block at `width` columns with `eol` line ends, as other tools write. */
function rewrap(pem: string, width: number, eol: string): string {
  return pem.replace(/-----BEGIN ([A-Z ]+)-----([\s\S]*?)-----END \1-----\s*/g,
    (_, label: string, body: string) => {
      const lines = body.replace(/\s+/g, '').match(new RegExp(`.{1,${width}}`, 'g')) ?? [];
      return [`-----BEGIN ${label}-----`, ...lines, `-----END ${label}-----`, ''].join(eol);
    });
}

/** Each certificate of a PEM text as its DER re-encoded in 64 columns, `\n`, trailing newline. */
function canonicalPem(pem: string): string {
  const armour = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g;
  const blocks = [...pem.matchAll(armour)];
  expect(blocks.length).toBeGreaterThan(0);
  return blocks.map(([, body]) => {
    const der = new X509Certificate(Buffer.from(body!.replace(/\s+/g, ''), 'base64')).raw;
    const lines = der.toString('base64').match(/.{1,64}/g)!;
    return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
  }).join('');
}

/** X509Certificate.serialNumber (upper-case hex) as ACM prints it: lower-case, colon pairs. */
function acmSerial(certificate: X509Certificate): string {
  const hex = certificate.serialNumber.toLowerCase();
  return (hex.length % 2 === 0 ? hex : `0${hex}`).match(/../g)!.join(':');
}

/** A timestamp as either CLI prints it: epoch seconds (v1) or ISO 8601 (v2). */
function instant(value: unknown): number {
  if (typeof value === 'number') return Math.round(value * 1000);
  expect(value).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?\+00:00$/);
  return Date.parse(value as string);
}

function writeFile(name: string, text: string): string {
  const file = path.join(workDir, name);
  writeFileSync(file, text);
  return `fileb://${file}`;
}

function expectServiceError(result: Run, cli: CliCase, type: string, message: string): void {
  expect(result.stdout).toBe('');
  expect(result.stderr).toContain(`An error occurred (${type})`);
  expect(result.stderr).toContain(message);
  expect(result.code).toBe(cli.serviceErrorExit);
}

beforeAll(async () => {
  server = await startTestServer();
  workDir = mkdtempSync(path.join(tmpdir(), 'openacm-aws-cli-'));
  const root = await makeCa({ commonName: 'OpenACM CLI Root', organization: 'OpenACM CLI Root' });
  const issuing = await makeCa({
    commonName: 'OpenACM CLI Issuing CA', organization: 'OpenACM CLI Tests', issuer: root,
  });
  const serial = randomBytes(16);
  serial[0] = 0x40 | (serial[0]! & 0x3f);
  leaf = await makeCertificate({
    keyType: 'RSA_2048',
    issuer: issuing,
    subject: { C: 'US', O: 'Example Corp' },
    commonName: 'cli.example.com',
    sans: ['cli.example.com', 'www.cli.example.com'],
    serialNumber: serial.toString('hex'),
  });
  leafX509 = new X509Certificate(leaf.certificate);
  // ACM wants a certificate's key type to match its signer's: EC leaves get an EC issuer.
  const issuingEc = await makeCa({ commonName: 'OpenACM CLI EC Issuing CA',
    organization: 'OpenACM CLI Tests', issuer: root, keyType: 'EC_prime256v1' });
  ecLeaf = await makeCertificate({
    keyType: 'EC_prime256v1', issuer: issuingEc, commonName: 'ec.cli.example.com',
  });
  badMaterial = await chainInCertificateField({ issuer: issuing, commonName: 'bad.example.com' });

  // Windows line ends and MIME-width lines: GetCertificate must hand back standard PEM.
  files.certificate = writeFile('cert.pem', rewrap(leaf.certificate, 76, '\r\n'));
  files.key = writeFile('key.pem', leaf.privateKey);
  files.chain = writeFile('chain.pem', rewrap(leaf.chain!, 72, '\n'));
  files.ecCertificate = writeFile('ec-cert.pem', ecLeaf.certificate);
  files.ecKey = writeFile('ec-key.pem', ecLeaf.privateKey);
  files.badCertificate = writeFile('bad-cert.pem', badMaterial.certificate);
  files.badKey = writeFile('bad-key.pem', badMaterial.privateKey);
});

afterAll(async () => {
  await server?.stop();
  for (const dir of [workDir, ...homes]) {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
});

// The two CLIs run side by side, each in its own account; the steps of one CLI run in order.
describe.concurrent.each(CLIS)('$label', (cli) => {
  describe.sequential('in an account of its own', () => cliScenario(cli));
});

function cliScenario(cli: CliCase): void {
  let env: NodeJS.ProcessEnv;
  let credentials: { accessKeyId: string; secretAccessKey: string };
  let arn: string;
  let detail: Record<string, any>;
  let importedBetween: [number, number];

  const acm = (args: string[], environment = env) =>
    awsAcm(cli.bin, server.url, args, environment);
  const envFor = (creds: { accessKeyId: string; secretAccessKey: string }) => {
    const next: NodeJS.ProcessEnv =
      { ...clientEnv(server.url, 'us-east-1', creds), TZ: 'UTC' };
    homes.push(next.HOME!);
    return next;
  };
  const listArns = async (extra: string[] = []) => {
    const result = await acm(['list-certificates', ...extra]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    return (result.json.CertificateSummaryList as Array<{ CertificateArn: string }>)
      .map((summary) => summary.CertificateArn);
  };

  beforeAll(async () => {
    credentials = await server.addCredentials(cli.accountId);
    env = envFor(credentials);
  });

  it('is the expected client build', async () => {
    const result = await run(cli.bin, ['--version'], env);
    expect(result.code).toBe(0);
    expect(`${result.stdout}${result.stderr}`.trim()).toMatch(cli.version);
  });

  it('imports a certificate with key, chain and tags from files', async () => {
    const before = Date.now();
    const result = await acm(['import-certificate',
      '--certificate', files.certificate!, '--private-key', files.key!,
      '--certificate-chain', files.chain!, '--tags', 'Key=env,Value=dev']);
    importedBetween = [before, Date.now()];
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(Object.keys(result.json)).toEqual(['CertificateArn']);
    arn = result.json.CertificateArn;
    const uuid = '[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}';
    const prefix = `arn:aws:acm:us-east-1:${cli.accountId}:certificate/`;
    expect(arn).toMatch(new RegExp(`^${prefix}${uuid}$`));
  });

  it('describes every field of the imported certificate', async () => {
    const result = await acm(['describe-certificate', '--certificate-arn', arn]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    detail = result.json.Certificate;

    const createdAt = instant(detail.CreatedAt);
    expect(createdAt).toBeGreaterThanOrEqual(importedBetween[0] - 1);
    expect(createdAt).toBeLessThanOrEqual(importedBetween[1] + 1);
    expect(typeof detail.CreatedAt).toBe(typeof cli.time(new Date(0)));
    expect(detail.ImportedAt).toEqual(detail.CreatedAt);

    expect(detail).toEqual({
      CertificateArn: arn,
      DomainName: 'cli.example.com',
      SubjectAlternativeNames: ['cli.example.com', 'www.cli.example.com'],
      DomainValidationOptions: [
        { DomainName: 'cli.example.com' }, { DomainName: 'www.cli.example.com' }],
      Serial: acmSerial(leafX509),
      Subject: 'C=US,O=Example Corp,CN=cli.example.com',
      Issuer: 'OpenACM CLI Tests',
      CreatedAt: detail.CreatedAt,
      ImportedAt: detail.CreatedAt,
      Status: 'ISSUED',
      NotBefore: cli.time(new Date(leafX509.validFrom)),
      NotAfter: cli.time(new Date(leafX509.validTo)),
      KeyAlgorithm: 'RSA-2048',
      SignatureAlgorithm: 'SHA256WITHRSA',
      InUseBy: [],
      Type: 'IMPORTED',
      KeyUsages: [{ Name: 'DIGITAL_SIGNATURE' }, { Name: 'KEY_ENCIPHERMENT' }],
      ExtendedKeyUsages: [
        { Name: 'TLS_WEB_SERVER_AUTHENTICATION', OID: '1.3.6.1.5.5.7.3.1' },
        { Name: 'TLS_WEB_CLIENT_AUTHENTICATION', OID: '1.3.6.1.5.5.7.3.2' },
      ],
      RenewalEligibility: 'INELIGIBLE',
      Options: cli.knowsExport
        ? { CertificateTransparencyLoggingPreference: 'DISABLED', Export: 'DISABLED' }
        : { CertificateTransparencyLoggingPreference: 'DISABLED' },
    });
    // The fixed part of the expectation, checked against the certificate itself.
    expect(leafX509.subject.split('\n')).toEqual(['C=US', 'O=Example Corp', 'CN=cli.example.com']);
    expect(leafX509.subjectAltName).toBe('DNS:cli.example.com, DNS:www.cli.example.com');
  });

  it('lists the certificate with its summary', async () => {
    const result = await acm(['list-certificates']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.json).toEqual({
      CertificateSummaryList: [{
        CertificateArn: arn,
        DomainName: 'cli.example.com',
        SubjectAlternativeNameSummaries: ['cli.example.com', 'www.cli.example.com'],
        HasAdditionalSubjectAlternativeNames: false,
        Status: 'ISSUED',
        Type: 'IMPORTED',
        KeyAlgorithm: 'RSA-2048',
        KeyUsages: ['DIGITAL_SIGNATURE', 'KEY_ENCIPHERMENT'],
        ExtendedKeyUsages: ['TLS_WEB_SERVER_AUTHENTICATION', 'TLS_WEB_CLIENT_AUTHENTICATION'],
        ...(cli.knowsExport ? { ExportOption: 'DISABLED' } : {}),
        InUse: false,
        Exported: false,
        RenewalEligibility: 'INELIGIBLE',
        NotBefore: cli.time(new Date(leafX509.validFrom)),
        NotAfter: cli.time(new Date(leafX509.validTo)),
        CreatedAt: detail.CreatedAt,
        ImportedAt: detail.ImportedAt,
      }],
    });
  });

  it('gets the certificate and chain back as standard PEM', async () => {
    const result = await acm(['get-certificate', '--certificate-arn', arn]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(Object.keys(result.json).sort()).toEqual(['Certificate', 'CertificateChain']);
    const { Certificate: certificate, CertificateChain: chain } = result.json;
    expect(certificate).toBe(canonicalPem(leaf.certificate));
    expect(chain).toBe(canonicalPem(leaf.chain!));
    expect(chain.match(/-----BEGIN CERTIFICATE-----/g)).toHaveLength(2);
    expect(new X509Certificate(certificate).fingerprint256).toBe(leafX509.fingerprint256);
    for (const pem of [certificate as string, chain as string]) {
      expect(pem).not.toContain('\r');
      expect(pem.endsWith('-----END CERTIFICATE-----\n')).toBe(true);
      for (const block of pem.split('-----END CERTIFICATE-----\n').filter(Boolean)) {
        const lines = block.split('\n').filter((line) => line && !line.startsWith('-----'));
        expect(lines.length).toBeGreaterThan(1);
        for (const line of lines.slice(0, -1)) expect(line).toHaveLength(64);
        expect(lines.at(-1)!.length).toBeGreaterThan(0);
        expect(lines.at(-1)!.length).toBeLessThanOrEqual(64);
      }
    }
  });

  it('adds, lists and removes tags', async () => {
    const tags = async () => {
      const result = await acm(['list-tags-for-certificate', '--certificate-arn', arn]);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      return result.json;
    };
    expect(await tags()).toEqual({ Tags: [{ Key: 'env', Value: 'dev' }] });

    const added = await acm(['add-tags-to-certificate', '--certificate-arn', arn,
      '--tags', 'Key=team,Value=platform', 'Key=reviewed', 'Key=env,Value=staging']);
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    expect(added.stdout).toBe('');
    expect(await tags()).toEqual({
      Tags: [{ Key: 'env', Value: 'staging' }, { Key: 'team', Value: 'platform' },
        { Key: 'reviewed' }],
    });

    // A tag named with a value is removed only when the value matches.
    const removed = await acm(['remove-tags-from-certificate', '--certificate-arn', arn,
      '--tags', 'Key=env,Value=staging', 'Key=reviewed', 'Key=team,Value=other']);
    expect(removed.stderr).toBe('');
    expect(removed.code).toBe(0);
    expect(await tags()).toEqual({ Tags: [{ Key: 'team', Value: 'platform' }] });
  });

  it('refuses update-certificate-options for an imported certificate', async () => {
    const result = await acm(['update-certificate-options', '--certificate-arn', arn,
      '--options', cli.options]);
    expectServiceError(result, cli, 'InvalidStateException', EXPORT_MESSAGE);
    expect(result.stderr).toContain('when calling the UpdateCertificateOptions operation');
  });

  it('lists other key types only when Includes.keyTypes asks for them', async () => {
    const imported = await acm(['import-certificate',
      '--certificate', files.ecCertificate!, '--private-key', files.ecKey!]);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    const ecArn = imported.json.CertificateArn as string;

    const [byDefault, shorthand, json, rsaOnly] = await Promise.all([
      listArns(),
      listArns(['--includes', 'keyTypes=EC_prime256v1']),
      listArns(['--includes', '{"keyTypes":["RSA_2048","EC_prime256v1"]}']),
      listArns(['--includes', 'keyTypes=RSA_4096,RSA_2048']),
    ]);
    expect(byDefault).toEqual([arn]);
    expect(shorthand).toEqual([ecArn]);
    expect(json).toEqual([arn, ecArn]);
    expect(rsaOnly).toEqual([arn]);

    const summary = await acm(['list-certificates', '--includes', 'keyTypes=EC_prime256v1']);
    expect(summary.json.CertificateSummaryList[0]).toMatchObject({
      CertificateArn: ecArn, DomainName: 'ec.cli.example.com', KeyAlgorithm: 'EC-prime256v1',
      KeyUsages: ['DIGITAL_SIGNATURE'], Status: 'ISSUED', Type: 'IMPORTED',
    });

    const deleted = await acm(['delete-certificate', '--certificate-arn', ecArn]);
    expect(deleted.code).toBe(0);
    expect(await listArns(['--includes', 'keyTypes=EC_prime256v1'])).toEqual([]);
  });

  it('refuses a chain pasted into the certificate field and stores nothing', async () => {
    const before = await listArns(['--includes', '{"keyTypes":["RSA_2048","EC_prime256v1"]}']);
    const result = await acm(['import-certificate',
      '--certificate', files.badCertificate!, '--private-key', files.badKey!]);
    expectServiceError(result, cli, 'ValidationException', MULTIPLE_MESSAGE);
    expect(result.stderr).toContain('when calling the ImportCertificate operation');
    const after = await listArns(['--includes', '{"keyTypes":["RSA_2048","EC_prime256v1"]}']);
    expect(after).toEqual(before);
    expect(after).toEqual([arn]);
  });

  it('reads and writes the account configuration', async () => {
    const read = async () => {
      const result = await acm(['get-account-configuration']);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      return result.json;
    };
    expect(await read()).toEqual({ ExpiryEvents: { DaysBeforeExpiry: 45 } });

    const put = await acm(['put-account-configuration',
      '--expiry-events', 'DaysBeforeExpiry=30', '--idempotency-token', 'tok1']);
    expect(put.stderr).toBe('');
    expect(put.code).toBe(0);
    expect(put.stdout).toBe('');
    expect(await read()).toEqual({ ExpiryEvents: { DaysBeforeExpiry: 30 } });

    // The same token within the hour succeeds and changes nothing.
    const repeat = await acm(['put-account-configuration',
      '--expiry-events', 'DaysBeforeExpiry=20', '--idempotency-token', 'tok1']);
    expect(repeat.code).toBe(0);
    expect(await read()).toEqual({ ExpiryEvents: { DaysBeforeExpiry: 30 } });
  });

  it('refuses a wrong secret key and an unknown access key', async () => {
    const wrongSecret = envFor({ ...credentials, secretAccessKey: 'wrong' });
    const unknownKey = envFor({ accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'test' });
    const [signature, unknown] = await Promise.all([
      acm(['list-certificates'], wrongSecret),
      acm(['describe-certificate', '--certificate-arn', arn], unknownKey),
    ]);
    expectServiceError(signature, cli, 'InvalidSignatureException', SIGNATURE_MESSAGE);
    expectServiceError(unknown, cli, 'UnrecognizedClientException',
      'The security token included in the request is invalid.');
  });

  it('deletes the certificate, after which it is not found', async () => {
    const deleted = await acm(['delete-certificate', '--certificate-arn', arn]);
    expect(deleted.stderr).toBe('');
    expect(deleted.code).toBe(0);
    expect(deleted.stdout).toBe('');

    const notFound = `Could not find certificate ${arn} in account ${cli.accountId}.`;
    const [described, got, again, listed] = await Promise.all([
      acm(['describe-certificate', '--certificate-arn', arn]),
      acm(['get-certificate', '--certificate-arn', arn]),
      acm(['delete-certificate', '--certificate-arn', arn]),
      listArns(),
    ]);
    expectServiceError(described, cli, 'ResourceNotFoundException', notFound);
    expectServiceError(got, cli, 'ResourceNotFoundException', notFound);
    expectServiceError(again, cli, 'ResourceNotFoundException', notFound);
    expect(listed).toEqual([]);
  });
}
