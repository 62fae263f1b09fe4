import { beforeAll, describe, expect, it } from 'vitest';
import {
  asImportInput, makeCa, makeCertificate, type TestCa, type TestMaterial,
} from '../../test/helpers/certs.ts';
import { AcmError } from '../domain/errors.ts';
import { CHAIN_MESSAGES, readChain } from './chain.ts';
import { readImportMaterial } from './import-material.ts';
import { parsePem } from './pem.ts';

let root: TestCa;
let intermediate: TestCa;
let leaf: TestMaterial;

beforeAll(async () => {
  root = await makeCa({ keyType: 'EC_secp384r1', commonName: 'Chain Test Root' });
  intermediate = await makeCa({ issuer: root, commonName: 'Chain Test Intermediate' });
  leaf = await makeCertificate({ issuer: intermediate });
});

function leafDer(): Buffer {
  return parsePem(leaf.certificate)[0].der;
}

function chainError(chain: string): AcmError {
  try {
    readChain(Buffer.from(chain), leafDer());
  } catch (error) {
    expect(error).toBeInstanceOf(AcmError);
    expect((error as AcmError).kind).toBe('ValidationException');
    return error as AcmError;
  }
  throw new Error('The chain was accepted.');
}

describe('readChain', () => {
  it('accepts leaf -> intermediate -> self-signed root', () => {
    expect(leaf.chain).toBe(intermediate.certificate + root.certificate);
    expect(readChain(Buffer.from(leaf.chain ?? ''), leafDer())).toBe(leaf.chain);
  });

  it('accepts a chain that stops before the root', () => {
    expect(readChain(Buffer.from(intermediate.certificate), leafDer()))
      .toBe(intermediate.certificate);
  });

  it('re-encodes a CRLF, indented chain as standard PEM', () => {
    const messy = (leaf.chain ?? '').split('\n').map((line) => ` ${line}`).join('\r\n');
    expect(readChain(Buffer.from(messy), leafDer())).toBe(leaf.chain);
  });

  it('refuses a chain in the wrong order', () => {
    expect(chainError(root.certificate + intermediate.certificate).message)
      .toBe('Could not validate the certificate with the certificate chain.');
  });

  it('refuses a chain that skips the issuing CA', () => {
    expect(chainError(root.certificate).message).toBe(CHAIN_MESSAGES.chainInvalid);
  });

  it('refuses an unrelated chain', async () => {
    const other = await makeCa({ commonName: 'Unrelated Root' });
    expect(chainError(other.certificate).message).toBe(CHAIN_MESSAGES.chainInvalid);
  });

  it('refuses an impostor CA with the right name but another key', async () => {
    const impostor = await makeCa({ issuer: root, commonName: 'Chain Test Intermediate',
      keySlot: 'impostor' });
    expect(chainError(impostor.certificate + root.certificate).message)
      .toBe(CHAIN_MESSAGES.chainInvalid);
  });

  it('refuses a chain that contains the certificate itself', () => {
    expect(chainError(leaf.certificate + (leaf.chain ?? '')).message)
      .toBe('The certificate chain must not contain the certificate being imported.');
  });

  it.each([
    ['text', 'not a chain'],
    ['a private key', '-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n'],
    ['bytes that are not a certificate', '-----BEGIN CERTIFICATE-----\nAAAA\n'
      + '-----END CERTIFICATE-----\n'],
    ['broken base64', '-----BEGIN CERTIFICATE-----\nMI*B\n-----END CERTIFICATE-----\n'],
  ])('refuses %s', (_, chain) => {
    expect(chainError(chain).message).toBe('Unable to parse the certificate chain. Please '
      + 'ensure it contains only certificates in PEM format.');
  });

  it('is applied by readImportMaterial', () => {
    const material = { ...leaf, chain: root.certificate };
    expect(() => readImportMaterial(asImportInput(material), new Date()))
      .toThrow(CHAIN_MESSAGES.chainInvalid);
    const result = readImportMaterial(asImportInput(leaf), new Date());
    expect(result.chainPem).toBe(leaf.chain);
    const withoutChain = readImportMaterial(asImportInput({ ...leaf, chain: undefined }),
      new Date());
    expect(withoutChain.chainPem).toBeUndefined();
    expect('chainPem' in withoutChain).toBe(false);
  });
});
