import { describe, expect, it } from 'vitest';
import { parsePem, PemError, toPem } from './pem.ts';

const der = Buffer.from(Array.from({ length: 90 }, (_, i) => (i * 37) & 0xff));
const standard = toPem('CERTIFICATE', der);

describe('toPem', () => {
  it('writes 64-column base64 with \\n line ends and a trailing newline', () => {
    const lines = standard.split('\n');
    expect(lines[0]).toBe('-----BEGIN CERTIFICATE-----');
    expect(lines[1]).toHaveLength(64);
    expect(lines[2].length).toBeLessThanOrEqual(64);
    expect(lines[3]).toBe('-----END CERTIFICATE-----');
    expect(lines[4]).toBe('');
    expect(standard).not.toContain('\r');
  });

  it('round-trips through parsePem', () => {
    const [block] = parsePem(standard);
    expect(block.label).toBe('CERTIFICATE');
    expect(block.der.equals(der)).toBe(true);
  });
});

describe('parsePem', () => {
  it('reads several blocks in order, ignoring text around and between them', () => {
    const text = `subject=CN=example\n${standard}\nBag Attributes\n${toPem('PRIVATE KEY', der)}`;
    expect(parsePem(text).map((block) => block.label)).toEqual(['CERTIFICATE', 'PRIVATE KEY']);
  });

  it('tolerates CRLF, indentation, surrounding blank lines and a BOM', () => {
    const indented = standard.split('\n').map((line) => `   ${line}  `).join('\r\n');
    const messy = `\uFEFF\r\n\r\n${indented}`;
    const [block] = parsePem(messy);
    expect(block.der.equals(der)).toBe(true);
  });

  it('accepts base64 wrapped at other widths', () => {
    const body = der.toString('base64').match(/.{1,76}/g)?.join('\n');
    const [block] = parsePem(`-----BEGIN X509 CRL-----\n${body}\n-----END X509 CRL-----`);
    expect(block.label).toBe('X509 CRL');
    expect(block.der.equals(der)).toBe(true);
  });

  it('returns RFC 1421 headers separately from the body', () => {
    const text = '-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n'
      + `DEK-Info: AES-256-CBC,00FF\n\n${der.toString('base64')}\n-----END RSA PRIVATE KEY-----\n`;
    const [block] = parsePem(text);
    expect(block.headers).toEqual({ 'Proc-Type': '4,ENCRYPTED', 'DEK-Info': 'AES-256-CBC,00FF' });
    expect(block.der.equals(der)).toBe(true);
  });

  it('returns no blocks for text without PEM armour', () => {
    expect(parsePem('hello world')).toEqual([]);
    expect(parsePem(der.toString('latin1'))).toEqual([]);
  });

  it.each([
    ['a character outside the base64 alphabet', 'MIIB*AAA'],
    ['a length that is not a multiple of four', 'MIIBAAA'],
    ['padding in the middle', 'MA==MIIB'],
    ['non-zero padding bits', 'MB=='],
    ['an empty body', ''],
  ])('refuses %s', (_, body) => {
    const text = `-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----\n`;
    expect(() => parsePem(text)).toThrow(PemError);
  });

  it('refuses an unterminated block and mismatched labels', () => {
    expect(() => parsePem('-----BEGIN CERTIFICATE-----\nMIIB\n')).toThrow(PemError);
    expect(() => parsePem('-----BEGIN CERTIFICATE-----\nMIIB\n-----END PRIVATE KEY-----'))
      .toThrow(PemError);
    expect(() => parsePem('-----END CERTIFICATE-----\n')).toThrow(PemError);
  });

  it('never puts encoded content in its error messages', () => {
    const text = '-----BEGIN PRIVATE KEY-----\nSECRETSECRET!\n-----END PRIVATE KEY-----';
    expect(() => parsePem(text)).toThrow(/^(?!.*SECRET)/);
  });
});
