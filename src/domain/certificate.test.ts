import { describe, expect, it } from 'vitest';

import { keyAlgorithmOutputName, renewalEligibility, statusAt, type CertificateRecord }
  from './certificate.ts';

const record = (overrides: Partial<CertificateRecord> = {}): CertificateRecord => ({
  arn: 'arn:aws:acm:us-east-1:000000000000:certificate/1', accountId: '000000000000',
  region: 'us-east-1', type: 'IMPORTED', keyPairOrigin: 'CUSTOMER_PROVIDED', status: 'ISSUED',
  facts: {
    domainName: 'example.com', subjectAlternativeNames: ['example.com'], subject: 'CN=example.com',
    issuer: 'Example', serial: '01', notBefore: new Date('2026-01-01T00:00:00Z'),
    notAfter: new Date('2027-01-01T00:00:00Z'), keyAlgorithm: 'EC_secp384r1',
    signatureAlgorithm: 'SHA384WITHECDSA', keyUsages: [], extendedKeyUsages: [],
  },
  certificatePem: '', chainPem: undefined, createdAt: new Date(), importedAt: new Date(),
  issuedAt: undefined, inUseBy: [], options: {}, exported: false, ...overrides,
});

describe('statusAt', () => {
  it('is ISSUED up to NotAfter and EXPIRED from then on', () => {
    expect(statusAt(record(), new Date('2026-12-31T23:59:59Z'))).toBe('ISSUED');
    expect(statusAt(record(), new Date('2027-01-01T00:00:00Z'))).toBe('EXPIRED');
  });

  it('leaves other stored states alone', () => {
    expect(statusAt(record({ status: 'REVOKED' }), new Date('2030-01-01T00:00:00Z')))
      .toBe('REVOKED');
  });
});

describe('output names', () => {
  it('spells key algorithms with a hyphen and imported certificates are not renewed', () => {
    expect(keyAlgorithmOutputName('RSA_2048')).toBe('RSA-2048');
    expect(keyAlgorithmOutputName('EC_prime256v1')).toBe('EC-prime256v1');
    expect(renewalEligibility(record())).toBe('INELIGIBLE');
  });
});
