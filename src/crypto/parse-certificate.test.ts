import { createPublicKey, generateKeyPairSync, sign } from 'node:crypto';
import { AsnConvert } from '@peculiar/asn1-schema';
import { Name, SubjectAlternativeName } from '@peculiar/asn1-x509';
import { describe, expect, it } from 'vitest';
import { AcmError } from '../domain/errors.ts';
import { alternativeNames } from './extensions.ts';
import { IMPORT_MESSAGES, readImportMaterial } from './import-material.ts';
import { formatName, readName } from './names.ts';
import { parseCertificate } from './parse-certificate.ts';
import { hex, tlv } from '../../test/helpers/der.ts';



function attribute(oidHex: string, tag: number, value: Buffer): Buffer {
  return tlv(0x30, tlv(0x06, hex(oidHex)), tlv(tag, value));
}

function nameOf(...rdns: Buffer[][]): string {
  const der = tlv(0x30, ...rdns.map((attributes) => tlv(0x31, ...attributes)));
  return formatName(readName(AsnConvert.parse(der, Name)));
}

describe('names', () => {
  it('formats in certificate order with escaping and multi-valued RDNs', () => {
    expect(nameOf(
      [attribute('550406', 0x13, Buffer.from('US'))],
      [attribute('55040a', 0x0c, Buffer.from('Ex+ample, "Inc"'))],
      [attribute('55040b', 0x0c, Buffer.from('A')), attribute('55040b', 0x0c, Buffer.from(' B '))],
      [attribute('2a864886f70d010901', 0x16, Buffer.from('ops@example.com'))],
      [attribute('550403', 0x1e, hex('00e9007400e9'))],
      [attribute('2a0304', 0x04, hex('0102'))],
    )).toBe('C=US,O=Ex\\+ample\\, \\"Inc\\",OU=A+OU=\\ B\\ ,E=ops@example.com,CN=été,'
      + '1.2.3.4=#04020102');
  });

  it('decodes every string type and falls back to #hex for the rest', () => {
    expect(nameOf(
      [attribute('550405', 0x12, Buffer.from('0123'))],
      [attribute('550409', 0x1a, Buffer.from('Main St'))],
      [attribute('550407', 0x14, hex('e974e9'))],
      [attribute('0992268993f22c640119', 0x1c, hex('000000e9'))],
      [attribute('0992268993f22c640101', 0x05, Buffer.alloc(0))],
    )).toBe('SERIALNUMBER=0123,STREET=Main St,L=été,DC=é,UID=#0500');
  });

  it('formats an empty name as an empty string and refuses an empty RDN', () => {
    expect(nameOf()).toBe('');
    expect(() => nameOf([])).toThrow();
  });
});

describe('subject alternative names', () => {
  const san = (...names: Buffer[]) =>
    alternativeNames(AsnConvert.parse(tlv(0x30, ...names), SubjectAlternativeName));

  it.each([
    ['c0000207', '192.0.2.7'],
    ['20010db8000000000000000000000001', '2001:db8::1'],
    ['00000000000000000000000000000001', '::1'],
    ['20010db8000000010000000000000000', '2001:db8:0:1::'],
    ['20010db8000000010000000100000001', '2001:db8:0:1:0:1:0:1'],
    ['20010000000012340000000000000001', '2001:0:0:1234::1'],
    ['20010000000000010000000000010001', '2001::1:0:0:1:1'],
  ])('formats the address %s as %s', (bytes, text) => {
    expect(san(tlv(0x87, hex(bytes)))).toEqual([{ kind: 'IP', value: text }]);
  });

  it('keeps DNS names and addresses in order and skips other name forms', () => {
    const srvName = tlv(0xa0, tlv(0x06, hex('2b06010505070807')),
      tlv(0xa0, tlv(0x16, Buffer.from('_https.example.com'))));
    expect(san(tlv(0x82, Buffer.from('a.example')), srvName, tlv(0x87, hex('c0000200ffffff00')),
      tlv(0x81, Buffer.from('ops@example.com')), tlv(0x87, hex('7f000001')),
      tlv(0x82, Buffer.from('b.example')))).toEqual([
      { kind: 'DNS', value: 'a.example' },
      { kind: 'IP', value: '127.0.0.1' },
      { kind: 'DNS', value: 'b.example' },
    ]);
  });
});

const key = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey;

/** A certificate with the given validity fields, DER-encoded by hand. */
function certificate(notBefore: Buffer, notAfter: Buffer, extensions?: Buffer): Buffer {
  const algorithm = tlv(0x30, tlv(0x06, hex('2a8648ce3d040302')));
  const name = tlv(0x30, tlv(0x31, attribute('550403', 0x0c, Buffer.from('time.example'))));
  const tbs = tlv(0x30, tlv(0xa0, tlv(0x02, hex('02'))), tlv(0x02, hex('00f1')), algorithm,
    name, tlv(0x30, notBefore, notAfter), name,
    createPublicKey(key).export({ format: 'der', type: 'spki' }),
    extensions ? tlv(0xa3, tlv(0x30, extensions)) : Buffer.alloc(0));
  const signature = tlv(0x03, Buffer.concat([hex('00'), sign('sha256', tbs, key)]));
  return tlv(0x30, tbs, algorithm, signature);
}

const utc = (text: string) => tlv(0x17, Buffer.from(text));
const generalized = (text: string) => tlv(0x18, Buffer.from(text));

describe('parseCertificate', () => {
  it('reads UTCTime with the RFC 5280 century rule and GeneralizedTime', () => {
    const parsed = parseCertificate(certificate(utc('500101000000Z'),
      generalized('20510102030405Z')));
    expect(parsed.notBefore).toEqual(new Date('1950-01-01T00:00:00Z'));
    expect(parsed.notAfter).toEqual(new Date('2051-01-02T03:04:05Z'));
    expect(parseCertificate(certificate(utc('240229000000Z'), utc('491231235959Z'))).notAfter)
      .toEqual(new Date('2049-12-31T23:59:59Z'));
  });

  it.each([
    ['31 February', utc('250231000000Z')],
    ['hour 24', utc('250101240000Z')],
    ['no seconds', utc('2502010000Z')],
    ['local time', generalized('20250101000000')],
  ])('refuses a time with %s', (_, notBefore) => {
    expect(() => parseCertificate(certificate(notBefore, utc('491231235959Z')))).toThrow();
  });

  it('refuses a certificate with two instances of one extension', () => {
    const usage = tlv(0x30, tlv(0x06, hex('551d0f')), tlv(0x04, tlv(0x03, hex('0780'))));
    const valid = [utc('250101000000Z'), utc('491231235959Z')] as const;
    expect(parseCertificate(certificate(...valid, usage)).keyUsages)
      .toEqual(['DIGITAL_SIGNATURE']);
    expect(() => parseCertificate(certificate(...valid, Buffer.concat([usage, usage]))))
      .toThrow();
  });

  it('refuses bytes after the certificate at import', () => {
    const der = certificate(utc('250101000000Z'), utc('491231235959Z'));
    const pem = (bytes: Buffer) => `-----BEGIN CERTIFICATE-----\n${bytes.toString('base64')}\n`
      + '-----END CERTIFICATE-----\n';
    const input = (bytes: Buffer) => ({ certificate: Buffer.from(pem(bytes)),
      privateKey: Buffer.from(key.export({ format: 'pem', type: 'pkcs8' })) });
    const now = new Date('2030-01-01T00:00:00Z');
    expect(readImportMaterial(input(der), now).facts.domainName).toBe('time.example');
    const trailing = () => readImportMaterial(input(Buffer.concat([der, hex('0000')])), now);
    expect(trailing).toThrow(AcmError);
    expect(trailing).toThrow(IMPORT_MESSAGES.certificateUnparseable);
  });
});
