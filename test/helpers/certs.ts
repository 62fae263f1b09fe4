/**
 * Test-certificate factory for unit and integration tests. Keys come from node:crypto (so
 * RSA-1024, P-521, secp256k1, DSA and Ed25519 all work) and are cached per type and slot,
 * because RSA-4096 generation takes seconds; certificates are built with @peculiar/x509
 * on Node's WebCrypto. Every function returns PEM text.
 */
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import {
  createPrivateKey, createPublicKey, generateKeyPair, randomBytes, webcrypto, type KeyObject,
} from 'node:crypto';
import { promisify } from 'node:util';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

export type TestKeyType =
  | 'RSA_1024' | 'RSA_2048' | 'RSA_3072' | 'RSA_4096'
  | 'EC_prime256v1' | 'EC_secp384r1' | 'EC_secp521r1';
/** Key types ACM refuses; RSA_8192 works but takes a long time to generate. */
export type UnsupportedKeyType = 'RSA_1536' | 'RSA_8192' | 'Ed25519' | 'EC_secp256k1' | 'DSA_2048';
export type AnyKeyType = TestKeyType | UnsupportedKeyType;
export type KeyUsageName =
  | 'DIGITAL_SIGNATURE' | 'NON_REPUDIATION' | 'KEY_ENCIPHERMENT' | 'DATA_ENCIPHERMENT'
  | 'KEY_AGREEMENT' | 'CERTIFICATE_SIGNING' | 'CRL_SIGNING' | 'ENCIPHER_ONLY' | 'DECIPHER_ONLY';

export const EKU = {
  serverAuth: '1.3.6.1.5.5.7.3.1',
  clientAuth: '1.3.6.1.5.5.7.3.2',
  codeSigning: '1.3.6.1.5.5.7.3.3',
  emailProtection: '1.3.6.1.5.5.7.3.4',
  timeStamping: '1.3.6.1.5.5.7.3.8',
  ocspSigning: '1.3.6.1.5.5.7.3.9',
  any: '2.5.29.37.0',
} as const;

export interface TestMaterial {
  certificate: string;
  privateKey: string;
  chain?: string;
}

export interface TestCa {
  certificate: string;
  privateKey: string;
  /** This CA's certificate followed by its ancestors: the chain to import under a leaf. */
  chain: string;
  keyType: TestKeyType | 'Ed25519';
  cert: x509.X509Certificate;
  key: KeyObject;
}

export interface SubjectExtras {
  C?: string;
  ST?: string;
  L?: string;
  O?: string;
  OU?: string;
}

export interface CertificateOptions {
  keyType?: AnyKeyType;
  /** `null` leaves the CN out of the subject. */
  commonName?: string | null;
  /** DNS SANs; defaults to the common name alone. */
  sans?: string[];
  ipSans?: string[];
  subject?: SubjectExtras;
  notBefore?: Date;
  notAfter?: Date;
  keyUsages?: KeyUsageName[];
  /** OIDs; see EKU. */
  extendedKeyUsages?: string[];
  /** Signing CA; defaults to a shared test CA unless selfSigned. */
  issuer?: TestCa;
  selfSigned?: boolean;
  /** Hex serial number. */
  serialNumber?: string;
  hash?: 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512';
  /** RSA signers only: sign with RSASSA-PSS instead of PKCS#1 v1.5. */
  pss?: boolean;
  /** Private key PEM format: PKCS#8 (default), PKCS#1 (RSA) or SEC1 (EC). */
  keyFormat?: 'pkcs8' | 'pkcs1' | 'sec1';
  /** Cache slot of the key; certificates in the same slot share one key. */
  keySlot?: string;
  /** An OCSP responder URL in an Authority Information Access extension. */
  ocspUrl?: string;
}

const DAY = 86_400_000;
const KEY_USAGE_FLAGS: Record<KeyUsageName, x509.KeyUsageFlags> = {
  DIGITAL_SIGNATURE: x509.KeyUsageFlags.digitalSignature,
  NON_REPUDIATION: x509.KeyUsageFlags.nonRepudiation,
  KEY_ENCIPHERMENT: x509.KeyUsageFlags.keyEncipherment,
  DATA_ENCIPHERMENT: x509.KeyUsageFlags.dataEncipherment,
  KEY_AGREEMENT: x509.KeyUsageFlags.keyAgreement,
  CERTIFICATE_SIGNING: x509.KeyUsageFlags.keyCertSign,
  CRL_SIGNING: x509.KeyUsageFlags.cRLSign,
  ENCIPHER_ONLY: x509.KeyUsageFlags.encipherOnly,
  DECIPHER_ONLY: x509.KeyUsageFlags.decipherOnly,
};
const CURVES: Record<string, string> = {
  EC_prime256v1: 'P-256', EC_secp384r1: 'P-384', EC_secp521r1: 'P-521',
};

const generate = promisify(generateKeyPair) as unknown as
  (type: string, options: object) => Promise<{ privateKey: KeyObject; publicKey: KeyObject }>;
const keyCache = new Map<string, Promise<KeyObject>>();

/** A private key of the given type, generated once per process for each slot. */
export function testKey(type: AnyKeyType, slot = 'default'): Promise<KeyObject> {
  const cacheKey = `${type}/${slot}`;
  let key = keyCache.get(cacheKey);
  if (!key) {
    key = generateKey(type);
    keyCache.set(cacheKey, key);
  }
  return key;
}

async function generateKey(type: AnyKeyType): Promise<KeyObject> {
  const [family, parameter] = type.split('_');
  if (family === 'RSA') {
    return (await generate('rsa', { modulusLength: Number(parameter) })).privateKey;
  }
  if (family === 'EC') return (await generate('ec', { namedCurve: parameter })).privateKey;
  if (family === 'DSA') {
    return (await generate('dsa', { modulusLength: 2048, divisorLength: 256 })).privateKey;
  }
  return (await generate('ed25519', {})).privateKey;
}

function pkcs8Pem(key: KeyObject): string {
  return key.export({ format: 'pem', type: 'pkcs8' }).toString();
}

function spki(key: KeyObject): Uint8Array<ArrayBuffer> {
  return new Uint8Array(createPublicKey(key).export({ format: 'der', type: 'spki' }));
}

/** Imports a node key into WebCrypto with the algorithm it will sign with. */
async function signer(key: KeyObject, hash: string, pss: boolean) {
  const der = key.export({ format: 'der', type: 'pkcs8' });
  const type = key.asymmetricKeyType;
  let algorithm: RsaHashedImportParams | EcKeyImportParams | Algorithm;
  let signing: Algorithm & Record<string, unknown>;
  if (type === 'rsa') {
    const name = pss ? 'RSA-PSS' : 'RSASSA-PKCS1-v1_5';
    algorithm = { name, hash };
    signing = pss ? { name, saltLength: 32 } : { name };
  } else if (type === 'ec') {
    const curve = `EC_${key.asymmetricKeyDetails?.namedCurve}`;
    algorithm = { name: 'ECDSA', namedCurve: CURVES[curve] } as EcKeyImportParams;
    signing = { name: 'ECDSA', hash };
  } else if (type === 'ed25519') {
    algorithm = { name: 'Ed25519' };
    signing = { name: 'Ed25519' };
  } else {
    throw new Error(`Test helper cannot sign with a ${type} key.`);
  }
  const cryptoKey = await webcrypto.subtle.importKey('pkcs8', der, algorithm, false, ['sign']);
  return { signingKey: cryptoKey as unknown as CryptoKey, signingAlgorithm: signing };
}

function randomSerial(): string {
  const bytes = randomBytes(16);
  bytes[0] &= 0x7f;
  return bytes.toString('hex');
}

function exportKey(key: KeyObject, format: 'pkcs8' | 'pkcs1' | 'sec1'): string {
  return key.export({ format: 'pem', type: format } as never).toString();
}

export interface CaOptions {
  keyType?: TestKeyType | 'Ed25519';
  commonName?: string;
  organization?: string;
  /** Parent CA; makes this CA an intermediate. */
  issuer?: TestCa;
  notBefore?: Date;
  notAfter?: Date;
  keySlot?: string;
}

function parentName(issuer: TestCa | undefined): string {
  return issuer ? 'OpenACM Test Intermediate' : 'OpenACM Test Root';
}

export async function makeCa(options: CaOptions = {}): Promise<TestCa> {
  const keyType = options.keyType ?? 'RSA_2048';
  const commonName = options.commonName ?? parentName(options.issuer);
  const key = await testKey(keyType, options.keySlot ?? `ca:${commonName}`);
  const name: x509.JsonName = [
    { C: ['US'] },
    { O: [options.organization ?? 'OpenACM Test'] },
    { CN: [commonName] },
  ];
  const parent = options.issuer;
  const publicKey = spki(key);
  const extensions: x509.Extension[] = [
    new x509.BasicConstraintsExtension(true, undefined, true),
    new x509.KeyUsagesExtension(
      x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign
        | x509.KeyUsageFlags.digitalSignature,
      true,
    ),
    await x509.SubjectKeyIdentifierExtension.create(publicKey),
    await x509.AuthorityKeyIdentifierExtension.create(parent ? spki(parent.key) : publicKey),
  ];
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: randomSerial(),
    subject: name,
    issuer: parent ? parent.cert.subjectName : name,
    notBefore: options.notBefore ?? new Date(Date.now() - 365 * DAY),
    notAfter: options.notAfter ?? new Date(Date.now() + 3650 * DAY),
    publicKey,
    extensions,
    ...(await signer(parent?.key ?? key, 'SHA-256', false)),
  });
  const certificate = cert.toString('pem') + '\n';
  return {
    certificate,
    privateKey: pkcs8Pem(key),
    chain: certificate + (parent?.chain ?? ''),
    keyType,
    cert,
    key,
  };
}

let sharedCa: Promise<TestCa> | undefined;
let sharedEcCa: Promise<TestCa> | undefined;

/**
 * The CA used when a test does not care which CA signed its certificate: RSA for RSA leaves
 * and P-256 for EC leaves, since ACM wants a certificate's key type to match its signer's.
 */
export function defaultCa(keyType: AnyKeyType = 'RSA_2048'): Promise<TestCa> {
  if (keyType.startsWith('EC_')) {
    sharedEcCa ??= makeCa({ commonName: 'OpenACM Default Test EC CA', keyType: 'EC_prime256v1',
      keySlot: 'ca:default-ec' });
    return sharedEcCa;
  }
  sharedCa ??= makeCa({ commonName: 'OpenACM Default Test CA', keySlot: 'ca:default' });
  return sharedCa;
}

function subjectName(options: CertificateOptions): x509.JsonName {
  const extras = options.subject ?? {};
  const name: x509.JsonName = [];
  for (const type of ['C', 'ST', 'L', 'O', 'OU'] as const) {
    const value = extras[type];
    if (value !== undefined) name.push({ [type]: [value] });
  }
  const commonName = options.commonName === undefined ? 'www.example.com' : options.commonName;
  if (commonName !== null) name.push({ CN: [commonName] });
  return name;
}

/** A leaf certificate with its key and, when CA-signed, the chain up to the root. */
export async function makeCertificate(options: CertificateOptions = {}): Promise<TestMaterial> {
  const keyType = options.keyType ?? 'RSA_2048';
  const key = await testKey(keyType, options.keySlot);
  const issuer = options.selfSigned ? undefined : options.issuer ?? await defaultCa(keyType);
  const publicKey = spki(key);
  const commonName = options.commonName === undefined ? 'www.example.com' : options.commonName;
  const dnsNames = options.sans ?? (commonName === null ? [] : [commonName]);
  const altNames: x509.JsonGeneralName[] = [
    ...dnsNames.map((value) => ({ type: 'dns' as const, value })),
    ...(options.ipSans ?? []).map((value) => ({ type: 'ip' as const, value })),
  ];
  const usages = options.keyUsages
    ?? (keyType.startsWith('RSA')
      ? ['DIGITAL_SIGNATURE', 'KEY_ENCIPHERMENT']
      : ['DIGITAL_SIGNATURE']);
  const ekus = options.extendedKeyUsages ?? [EKU.serverAuth, EKU.clientAuth];
  const extensions: x509.Extension[] = [
    new x509.BasicConstraintsExtension(false, undefined, true),
    await x509.SubjectKeyIdentifierExtension.create(publicKey),
  ];
  if (issuer) extensions.push(await x509.AuthorityKeyIdentifierExtension.create(spki(issuer.key)));
  if (altNames.length > 0) extensions.push(new x509.SubjectAlternativeNameExtension(altNames));
  if (usages.length > 0) {
    const flags = usages.reduce((all, usage) => all | KEY_USAGE_FLAGS[usage as KeyUsageName], 0);
    extensions.push(new x509.KeyUsagesExtension(flags, true));
  }
  if (ekus.length > 0) extensions.push(new x509.ExtendedKeyUsageExtension(ekus));
  if (options.ocspUrl !== undefined) {
    extensions.push(new x509.AuthorityInfoAccessExtension({
      ocsp: [new x509.GeneralName('url', options.ocspUrl)] }));
  }
  const name = subjectName(options);
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: options.serialNumber ?? randomSerial(),
    subject: name,
    issuer: issuer ? issuer.cert.subjectName : name,
    notBefore: options.notBefore ?? new Date(Date.now() - DAY),
    notAfter: options.notAfter ?? new Date(Date.now() + 90 * DAY),
    publicKey,
    extensions,
    ...(await signer(issuer?.key ?? key, options.hash ?? 'SHA-256', options.pss ?? false)),
  });
  return {
    certificate: cert.toString('pem') + '\n',
    privateKey: exportKey(key, options.keyFormat ?? 'pkcs8'),
    ...(issuer ? { chain: issuer.chain } : {}),
  };
}

/** Valid in the past only. */
export function expired(options: CertificateOptions = {}): Promise<TestMaterial> {
  const now = Date.now();
  return makeCertificate({ notBefore: new Date(now - 60 * DAY), notAfter: new Date(now - DAY),
    ...options });
}

/** Valid in the future only. */
export function notYetValid(options: CertificateOptions = {}): Promise<TestMaterial> {
  const now = Date.now();
  return makeCertificate({ notBefore: new Date(now + 10 * DAY),
    notAfter: new Date(now + 100 * DAY), ...options });
}

/** A valid certificate paired with a different key of the same type. */
export async function mismatchedKey(options: CertificateOptions = {}): Promise<TestMaterial> {
  const material = await makeCertificate(options);
  const other = await testKey(options.keyType ?? 'RSA_2048', 'mismatched');
  return { ...material, privateKey: pkcs8Pem(other) };
}

export const TEST_PASSPHRASE = 'correct horse battery staple';

/**
 * The key encrypted with TEST_PASSPHRASE: PKCS#8 `ENCRYPTED PRIVATE KEY` by default, or the
 * legacy OpenSSL form (`Proc-Type: 4,ENCRYPTED` headers, RSA only) with `legacy`.
 */
export async function encryptedKey(
  options: CertificateOptions & { legacy?: boolean } = {},
): Promise<TestMaterial> {
  const material = await makeCertificate(options);
  const key = createPrivateKey(material.privateKey);
  const privateKey = key.export({
    format: 'pem',
    type: options.legacy ? 'pkcs1' : 'pkcs8',
    cipher: 'aes-256-cbc',
    passphrase: TEST_PASSPHRASE,
  }).toString();
  return { ...material, privateKey };
}

/** Leaf and CA concatenated in the certificate field, as a common user mistake. */
export async function chainInCertificateField(
  options: CertificateOptions = {},
): Promise<TestMaterial> {
  const material = await makeCertificate(options);
  return { certificate: material.certificate + (material.chain ?? ''),
    privateKey: material.privateKey };
}

/** A certificate whose key type ACM refuses (Ed25519 unless told otherwise). */
export function unsupportedKey(
  keyType: UnsupportedKeyType = 'Ed25519',
  options: CertificateOptions = {},
): Promise<TestMaterial> {
  return makeCertificate({ keyUsages: ['DIGITAL_SIGNATURE'], ...options, keyType });
}

/**
 * A valid key with a broken certificate field: `text` is not PEM at all, `bad-base64` has PEM
 * armour around invalid base64, `bad-der` has valid base64 of bytes that are not a certificate.
 */
export async function garbage(
  kind: 'text' | 'bad-base64' | 'bad-der' = 'text',
): Promise<TestMaterial> {
  const { privateKey } = await makeCertificate();
  const armour = (body: string) =>
    `-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----\n`;
  const certificate = kind === 'text'
    ? 'this is not a certificate\n'
    : kind === 'bad-base64'
      ? armour('MIIB!!not*base64$$AAAA')
      : armour(randomBytes(48).toString('base64'));
  return { certificate, privateKey };
}

/** The Buffers readImportMaterial and the ImportCertificate wire format carry. */
export function asImportInput(material: TestMaterial): {
  certificate: Buffer; privateKey: Buffer; chain?: Buffer;
} {
  return {
    certificate: Buffer.from(material.certificate),
    privateKey: Buffer.from(material.privateKey),
    ...(material.chain === undefined ? {} : { chain: Buffer.from(material.chain) }),
  };
}
