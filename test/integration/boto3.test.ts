/**
 * End-to-end tests with boto3: the pyenv `python3` on PATH (boto3 1.43) and Debian's
 * `/usr/bin/python3` (boto3 1.26). Both run test/fixtures/boto3_acm.py, which builds its client
 * with an explicit endpoint, region and static keys and prints JSON for the assertions here.
 * Each interpreter works in accounts of its own on one shared server.
 */
import { randomBytes, X509Certificate } from 'node:crypto';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { makeCa, makeCertificate, type TestMaterial } from '../helpers/certs.ts';
import { clientEnv, CLIENTS, run } from '../helpers/clients.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

const SCRIPT = fileURLToPath(new URL('../fixtures/boto3_acm.py', import.meta.url));
/** The `Arn` pattern of the ACM model, as ValidationException messages quote it. */
const ARN_PATTERN = String.raw`arn:[\w+=/,.@-]+:acm:[\w+=/,.@-]*:[0-9]+:`
  + String.raw`[\w+=,.@-]+(/[\w+=,.@-]+)*`;
const OTHER_ACCOUNT = '111122223333';

interface PythonCase {
  label: string;
  bin: string;
  boto3: RegExp;
  /** Debian's build, whose older model lacks the 2025 `Options.Export` member. */
  debian: boolean;
  /** Owner of the certificates of the import, tag, isolation and error scenarios. */
  account: string;
  /** Holds only the certificates of the pagination scenario. */
  pagerAccount: string;
}

const PYTHONS: PythonCase[] = [
  {
    label: 'python3 on PATH (boto3 1.43)',
    bin: CLIENTS.python,
    boto3: /^1\.43\.\d+$/,
    debian: false,
    account: '310000000001',
    pagerAccount: '310000000011',
  },
  {
    label: '/usr/bin/python3 (Debian boto3 1.26)',
    bin: CLIENTS.debianPython,
    boto3: /^1\.26\.\d+$/,
    debian: true,
    account: '310000000002',
    pagerAccount: '310000000012',
  },
];

type Credentials = { accessKeyId: string; secretAccessKey: string };

let server: TestServer;
let other: Credentials;
let leaf: TestMaterial;
let leafX509: X509Certificate;
let rsaBatch: TestMaterial[];
let ecBatch: TestMaterial[];
const homes: string[] = [];

/** A datetime as the script prints it: `{"datetime": ISO 8601 in UTC}`. */
function pyDate(date: Date): { datetime: string } {
  const iso = date.toISOString();
  const fraction = iso.slice(20, 23) === '000' ? '' : `.${iso.slice(20, 23)}000`;
  return { datetime: `${iso.slice(0, 19)}${fraction}+00:00` };
}

/** X509Certificate.serialNumber (upper-case hex) as ACM prints it: lower-case, colon pairs. */
function acmSerial(certificate: X509Certificate): string {
  const hex = certificate.serialNumber.toLowerCase();
  return (hex.length % 2 === 0 ? hex : `0${hex}`).match(/../g)!.join(':');
}

function notFound(arn: string, account: string) {
  return {
    class: 'ResourceNotFoundException',
    code: 'ResourceNotFoundException',
    message: `Could not find certificate ${arn} in account ${account}.`,
    status: 400,
  };
}

beforeAll(async () => {
  server = await startTestServer();
  other = await server.addCredentials(OTHER_ACCOUNT);
  const issuing = await makeCa({
    commonName: 'OpenACM boto3 Issuing CA', organization: 'OpenACM boto3 Tests',
  });
  const serial = randomBytes(12);
  serial[0] = 0x20 | (serial[0]! & 0x3f);
  leaf = await makeCertificate({
    issuer: issuing,
    serialNumber: serial.toString('hex'),
    subject: { C: 'DE', O: 'Beispiel GmbH' },
    commonName: 'boto.example.org',
    sans: ['boto.example.org', 'api.boto.example.org'],
    extendedKeyUsages: ['1.3.6.1.5.5.7.3.1'],
  });
  leafX509 = new X509Certificate(leaf.certificate);
  rsaBatch = await Promise.all([0, 1, 2, 3, 4].map((n) =>
    makeCertificate({ issuer: issuing, commonName: `page${n}.example.org` })));
  // ACM wants a certificate's key type to match its signer's: EC leaves get an EC issuer.
  const issuingEc = await makeCa({ commonName: 'OpenACM boto3 EC Issuing CA',
    organization: 'OpenACM boto3 Tests', keyType: 'EC_secp384r1' });
  ecBatch = await Promise.all([
    makeCertificate({ keyType: 'EC_prime256v1', issuer: issuingEc, commonName: 'ec0.example.org' }),
    makeCertificate({ keyType: 'EC_prime256v1', issuer: issuingEc, commonName: 'ec1.example.org' }),
    makeCertificate({ keyType: 'EC_secp384r1', issuer: issuingEc, commonName: 'ec2.example.org' }),
  ]);
});

afterAll(async () => {
  await server?.stop();
  for (const home of homes) rmSync(home, { recursive: true, force: true });
});

// The two interpreters run side by side; the steps of one interpreter run in order.
describe.concurrent.each(PYTHONS)('$label', (python) => {
  describe.sequential('in accounts of its own', () => pythonScenario(python));
});

function pythonScenario(python: PythonCase): void {
  let env: NodeJS.ProcessEnv;
  let pagerEnv: NodeJS.ProcessEnv;
  let arn: string;

  const envFor = (credentials: Credentials) => {
    const next: NodeJS.ProcessEnv =
      { ...clientEnv(server.url, 'us-east-1', credentials), TZ: 'UTC' };
    homes.push(next.HOME!);
    return next;
  };
  const script = async (scenario: string, input: unknown = {}, environment = env) => {
    const result = await run(python.bin, [SCRIPT, scenario], environment, JSON.stringify(input));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    return JSON.parse(result.stdout);
  };

  beforeAll(async () => {
    env = envFor(await server.addCredentials(python.account));
    pagerEnv = envFor(await server.addCredentials(python.pagerAccount));
  });

  it('runs the expected boto3', async () => {
    const versions = await script('versions');
    expect(versions.boto3).toMatch(python.boto3);
    expect(versions.python).toMatch(/\/python3[.\d]*$/);
    expect(versions.python === '/usr/bin/python3').toBe(python.debian);
  });

  it('imports PEM bytes and describes the certificate with datetime fields', async () => {
    const before = Date.now();
    const out = await script('import_describe',
      { material: leaf, tags: [{ Key: 'env', Value: 'dev' }] });
    const after = Date.now();
    arn = out.import.CertificateArn;
    expect(arn).toMatch(new RegExp(`^arn:aws:acm:us-east-1:${python.account}:certificate/`
      + '[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$'));

    const detail = out.detail;
    const createdAt = Date.parse(detail.CreatedAt.datetime);
    expect(createdAt).toBeGreaterThanOrEqual(before - 1);
    expect(createdAt).toBeLessThanOrEqual(after + 1);
    expect(detail.CreatedAt.datetime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?\+00:00$/);
    expect(detail).toEqual({
      CertificateArn: arn,
      DomainName: 'boto.example.org',
      SubjectAlternativeNames: ['boto.example.org', 'api.boto.example.org'],
      DomainValidationOptions: [
        { DomainName: 'boto.example.org' }, { DomainName: 'api.boto.example.org' }],
      Serial: acmSerial(leafX509),
      Subject: 'C=DE,O=Beispiel GmbH,CN=boto.example.org',
      Issuer: 'OpenACM boto3 Tests',
      CreatedAt: detail.CreatedAt,
      ImportedAt: detail.CreatedAt,
      Status: 'ISSUED',
      NotBefore: pyDate(new Date(leafX509.validFrom)),
      NotAfter: pyDate(new Date(leafX509.validTo)),
      KeyAlgorithm: 'RSA-2048',
      SignatureAlgorithm: 'SHA256WITHRSA',
      InUseBy: [],
      Type: 'IMPORTED',
      KeyUsages: [{ Name: 'DIGITAL_SIGNATURE' }, { Name: 'KEY_ENCIPHERMENT' }],
      ExtendedKeyUsages: [{ Name: 'TLS_WEB_SERVER_AUTHENTICATION', OID: '1.3.6.1.5.5.7.3.1' }],
      RenewalEligibility: 'INELIGIBLE',
      Options: python.debian
        ? { CertificateTransparencyLoggingPreference: 'DISABLED' }
        : { CertificateTransparencyLoggingPreference: 'DISABLED', Export: 'DISABLED' },
    });
    for (const field of ['CreatedAt', 'ImportedAt', 'NotBefore', 'NotAfter']) {
      expect(out.types[field], field).toBe('datetime');
    }
    expect(out.types.Serial).toBe('str');
  });

  it('round-trips tags', async () => {
    expect(await script('tags', { arn })).toEqual({
      initial: [{ Key: 'env', Value: 'dev' }],
      added: [{ Key: 'env', Value: 'prod' }, { Key: 'team', Value: 'platform' },
        { Key: 'reviewed' }],
      removed: [{ Key: 'env', Value: 'prod' }, { Key: 'team', Value: 'platform' }],
      final: [{ Key: 'env', Value: 'prod' }],
    });
  });

  it('keeps the certificate from other accounts and other regions', async () => {
    const out = await script('isolation', { arn, other });
    const expected = (account: string) => ({
      describe: notFound(arn, account),
      get: notFound(arn, account),
      addTags: notFound(arn, account),
      listTags: notFound(arn, account),
      delete: notFound(arn, account),
      list: { CertificateSummaryList: [] },
    });
    expect(out).toEqual({
      otherAccount: expected(OTHER_ACCOUNT),
      otherRegion: expected(python.account),
      owner: { describe: 'ISSUED', tags: [{ Key: 'env', Value: 'prod' }] },
    });
  });

  it('pages through ListCertificates with the paginator', async () => {
    const out = await script('pagination', { rsa: rsaBatch, ec: ecBatch }, pagerEnv);
    const [r0, r1, r2, r3, r4] = out.rsa as string[];
    const [e0, e1, e2] = out.ec as string[];
    expect(new Set([...out.rsa, ...out.ec]).size).toBe(8);
    for (const imported of [...out.rsa, ...out.ec]) {
      expect(imported).toMatch(new RegExp(`^arn:aws:acm:us-east-1:${python.pagerAccount}:`));
    }
    expect(out.firstPageKeys).toEqual(['CertificateSummaryList', 'NextToken']);
    expect(out.defaultPages).toEqual([[r0, r1], [r2, r3], [r4]]);
    expect(out.ecPages).toEqual([[e0, e1], [e2]]);
    expect(out.p256Pages).toEqual([[e0], [e1]]);
    expect(out.allPages).toEqual([[r0, r1, r2], [r3, r4, e0], [e1, e2]]);
  });

  it('raises the modelled exceptions', async () => {
    const unknownArn =
      `arn:aws:acm:us-east-1:${python.account}:certificate/00000000-0000-4000-8000-000000000000`;
    const out = await script('errors', {
      unknownArn,
      badArn: 'arn:aws:acm:bogus',
      longBadArn: 'arn:aws:acm:bogus-region-and-no-account',
      invalidArn: 'arn:aws:acm:us-east-1:123456789012:not-a-certificate',
    });
    expect(out.notFound).toEqual({
      class: 'ResourceNotFoundException',
      message: `Could not find certificate ${unknownArn} in account ${python.account}.`,
    });
    expect(out.deleteUnknown).toEqual(notFound(unknownArn, python.account));
    // 17 characters: under the modelled minimum length of 20 as well as off-pattern.
    expect(out.validation).toEqual({
      class: 'ValidationException',
      message: "2 validation errors detected: Value 'arn:aws:acm:bogus' at 'certificateArn' "
        + 'failed to satisfy constraint: Member must have length greater than or equal to 20; '
        + "Value 'arn:aws:acm:bogus' at 'certificateArn' failed to satisfy constraint: "
        + `Member must satisfy regular expression pattern: ${ARN_PATTERN}`,
    });
    // boto3 itself checks lengths, so with its validation on the request is never sent.
    expect(out.clientSide.class).toBe('ParamValidationError');
    expect(out.clientSide.message).toContain(
      'Invalid length for parameter CertificateArn, value: 17, valid min length: 20');
    expect(out.longBadArn).toEqual({
      class: 'ValidationException',
      code: 'ValidationException',
      message: "1 validation error detected: Value 'arn:aws:acm:bogus-region-and-no-account' at "
        + "'certificateArn' failed to satisfy constraint: Member must satisfy regular expression"
        + ` pattern: ${ARN_PATTERN}`,
      status: 400,
    });
    expect(out.invalidArn).toEqual({
      class: 'InvalidArnException',
      code: 'InvalidArnException',
      message: 'The certificate ARN arn:aws:acm:us-east-1:123456789012:not-a-certificate is not '
        + 'valid.',
      status: 400,
    });
  });
}
