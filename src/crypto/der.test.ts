import { describe, expect, it } from 'vitest';
import { decodeOid, decodeTime, DerError, readTlv, TAG } from './der.ts';
import { formatIpAddress } from './extensions.ts';
import { formatName, readName } from './names.ts';

function tlv(tag: number, ...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  return Buffer.concat([Buffer.from([tag, body.length]), body]);
}

function attribute(oidHex: string, tag: number, value: Buffer): Buffer {
  return tlv(0x30, tlv(0x06, Buffer.from(oidHex, 'hex')), tlv(tag, value));
}

describe('DER reader', () => {
  it('decodes object identifiers, including large arcs', () => {
    expect(decodeOid(readTlv(Buffer.from('0603551d25', 'hex')))).toBe('2.5.29.37');
    expect(decodeOid(readTlv(Buffer.from('06092a864886f70d01010b', 'hex'))))
      .toBe('1.2.840.113549.1.1.11');
    expect(decodeOid(readTlv(Buffer.from('06028837', 'hex')))).toBe('2.999');
  });

  it('reads UTCTime with the RFC 5280 century rule and GeneralizedTime', () => {
    const utc = (text: string) => decodeTime(readTlv(tlv(TAG.UTC_TIME, Buffer.from(text))));
    expect(utc('491231235959Z')).toEqual(new Date('2049-12-31T23:59:59Z'));
    expect(utc('500101000000Z')).toEqual(new Date('1950-01-01T00:00:00Z'));
    const generalized = decodeTime(readTlv(tlv(TAG.GENERALIZED_TIME,
      Buffer.from('20510102030405Z'))));
    expect(generalized).toEqual(new Date('2051-01-02T03:04:05Z'));
  });

  it.each([
    ['a truncated element', '3005020101'],
    ['trailing bytes', '30000000'],
    ['an indefinite length', '3080'],
    ['a high tag number', '1f2200'],
  ])('refuses %s', (_, hex) => {
    expect(() => readTlv(Buffer.from(hex, 'hex'))).toThrow(DerError);
  });

  it('refuses impossible dates', () => {
    expect(() => decodeTime(readTlv(tlv(TAG.UTC_TIME, Buffer.from('250231000000Z')))))
      .toThrow(DerError);
    expect(() => decodeTime(readTlv(tlv(TAG.UTC_TIME, Buffer.from('2502010000Z')))))
      .toThrow(DerError);
  });
});

describe('names', () => {
  it('formats in certificate order with escaping and multi-valued RDNs', () => {
    const name = tlv(0x30,
      tlv(0x31, attribute('550406', 0x13, Buffer.from('US'))),
      tlv(0x31, attribute('55040a', 0x0c, Buffer.from('Ex+ample, "Inc"'))),
      tlv(0x31, attribute('55040b', 0x0c, Buffer.from('A')),
        attribute('55040b', 0x0c, Buffer.from(' B '))),
      tlv(0x31, attribute('2a864886f70d010901', 0x16, Buffer.from('ops@example.com'))),
      tlv(0x31, attribute('550403', 0x1e, Buffer.from('00e9007400e9', 'hex'))),
      tlv(0x31, attribute('2a0304', 0x04, Buffer.from('0102', 'hex'))),
    );
    expect(formatName(readName(readTlv(name)))).toBe(
      'C=US,O=Ex\\+ample\\, \\"Inc\\",OU=A+OU=\\ B\\ ,E=ops@example.com,CN=été,1.2.3.4=#04020102');
  });

  it('formats an empty name as an empty string', () => {
    expect(formatName(readName(readTlv(tlv(0x30))))).toBe('');
  });
});

describe('formatIpAddress', () => {
  it.each([
    ['c0000207', '192.0.2.7'],
    ['20010db8000000000000000000000001', '2001:db8::1'],
    ['00000000000000000000000000000001', '::1'],
    ['20010db8000000010000000000000000', '2001:db8:0:1::'],
    ['20010db8000000010000000100000001', '2001:db8:0:1:0:1:0:1'],
    ['20010000000012340000000000000001', '2001:0:0:1234::1'],
    ['20010000000000010000000000010001', '2001::1:0:0:1:1'],
  ])('formats %s as %s', (hex, text) => {
    expect(formatIpAddress(Buffer.from(hex, 'hex'))).toBe(text);
  });
});
