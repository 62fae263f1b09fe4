import { readFileSync } from 'node:fs';

import { describe, it, expect } from 'vitest';

import { DEFAULT_SOURCE, OUTPUT, generateModel } from '../../scripts/generate-model.ts';
import { AcmError } from '../domain/errors.ts';
import { OPERATION_NAMES, OPERATIONS, SHAPES, type Shape } from './model.generated.ts';
import { javaToJsSource, patternRegExp } from './patterns.ts';
import { decodeBlob, validateInput } from './validate.ts';

const ARN = 'arn:aws:acm:us-east-1:123456789012:certificate/0b3c1234-5678-90ab-cdef-1234567890ab';
const ARN_PATTERN =
  String.raw`arn:[\w+=/,.@-]+:acm:[\w+=/,.@-]*:[0-9]+:[\w+=,.@-]+(/[\w+=,.@-]+)*`;
const TAG_PATTERN = String.raw`([\p{L}\p{Z}\p{N}_.:/=+\-@]*)`;
const STATUSES = 'PENDING_VALIDATION, ISSUED, INACTIVE, EXPIRED, VALIDATION_TIMED_OUT, REVOKED, '
  + 'FAILED';

/** The AcmError thrown by `fn`; fails the test when nothing or something else is thrown. */
function thrown(fn: () => unknown): AcmError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AcmError);
    return error as AcmError;
  }
  throw new Error('expected an AcmError');
}

function message(operation: string, body: unknown): string {
  const error = thrown(() => validateInput(operation, body));
  expect(error.kind).toBe('ValidationException');
  return error.message;
}

function serialization(operation: string, body: unknown): string {
  const error = thrown(() => validateInput(operation, body));
  expect(error.kind).toBe('SerializationException');
  return error.message;
}

const b64 = (bytes: number): string => Buffer.alloc(bytes, 7).toString('base64');

describe('generated model', () => {
  it('lists the 39 operations, each with a resolvable input and every reachable shape', () => {
    expect(OPERATION_NAMES).toHaveLength(39);
    expect(Object.keys(OPERATIONS)).toEqual([...OPERATION_NAMES]);
    expect(OPERATIONS.GetAccountConfiguration.input).toBeUndefined();
    const refs = (s: Shape): string[] =>
      [...Object.values(s.members ?? {}), s.member, s.key, s.value].filter((r) => r !== undefined);
    for (const op of OPERATION_NAMES) {
      const input = OPERATIONS[op].input;
      if (op !== 'GetAccountConfiguration') expect(SHAPES[input!], op).toBeDefined();
    }
    for (const [name, shape] of Object.entries(SHAPES)) {
      for (const ref of refs(shape)) expect(SHAPES[ref], `${name} -> ${ref}`).toBeDefined();
    }
  });

  it('is up to date with scripts/generate-model.ts and the botocore model', () => {
    const service: unknown = JSON.parse(readFileSync(DEFAULT_SOURCE, 'utf8'));
    expect(readFileSync(OUTPUT, 'utf8')).toBe(generateModel(service));
  });

  it('keeps the constraints and flags the validator needs', () => {
    expect(SHAPES.Arn).toEqual({ type: 'string', min: 20, max: 2048, pattern: ARN_PATTERN });
    expect(SHAPES.PrivateKeyBlob).toEqual({ type: 'blob', min: 1, max: 5120, sensitive: true });
    expect(SHAPES.CertificateFilterStatement!.union).toBe(true);
    expect(SHAPES.TagList).toEqual({ type: 'list', member: 'Tag', min: 1, max: 50 });
    expect(JSON.stringify(SHAPES)).not.toContain('documentation');
  });
});

describe('Java pattern translation', () => {
  it('compiles every pattern of the model', () => {
    const patterns = Object.values(SHAPES).flatMap((s) => (s.pattern ? [s.pattern] : []));
    expect(patterns.length).toBeGreaterThan(10);
    for (const p of patterns) expect(() => patternRegExp(p), p).not.toThrow();
    expect(patternRegExp(ARN_PATTERN)).toBe(patternRegExp(ARN_PATTERN));
  });

  it('matches whole values with Java semantics', () => {
    expect(patternRegExp(ARN_PATTERN).test(ARN)).toBe(true);
    expect(patternRegExp(ARN_PATTERN).test(`x${ARN}`)).toBe(false);
    expect(patternRegExp(TAG_PATTERN).test('Équipe 1 / ops@acme:x=y+z-w_v.u')).toBe(true);
    expect(patternRegExp(TAG_PATTERN).test('*.dev.mycompany.com')).toBe(false);
    expect(patternRegExp(SHAPES.NextToken!.pattern!).test('abc\u0100')).toBe(false);
    expect(patternRegExp(SHAPES.DomainNameString!.pattern!).test('*.example.com')).toBe(true);
    expect(patternRegExp(SHAPES.DomainNameString!.pattern!).test('-a.example.com')).toBe(false);
    expect(patternRegExp('a.c').test('a\u0085c')).toBe(false);
  });

  it('translates escapes JS rejects and refuses what it cannot translate exactly', () => {
    expect(javaToJsSource(String.raw`a\-b\@\/`)).toBe(String.raw`a\u{2D}b\u{40}\/`);
    expect(patternRegExp(String.raw`\p{Alpha}+\d\Q.*\E`).test('aB1.*')).toBe(true);
    expect(patternRegExp(String.raw`\s`).test('\u00a0')).toBe(false);
    expect(patternRegExp(String.raw`\P{L}[\p{Punct}]`).test('1!')).toBe(true);
    const unsupported = ['a++', '(?i)a', '[a[b]]', '(?>a)', '\\p{InGreek}', '\\p{toString}'];
    for (const p of unsupported) {
      expect(() => javaToJsSource(p), p).toThrow(/Unsupported/);
    }
  });

  it('stays fast on long hostile values', () => {
    const started = Date.now();
    for (const shape of Object.values(SHAPES)) {
      if (shape.pattern === undefined) continue;
      const re = patternRegExp(shape.pattern);
      for (const v of ['a-'.repeat(50_000), `${'a.'.repeat(50_000)}-`, 'arn:'.repeat(25_000)]) {
        re.test(v);
      }
    }
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('decodeBlob', () => {
  it('decodes padded standard base64', () => {
    expect(decodeBlob('aGVsbG8=').toString()).toBe('hello');
    expect(decodeBlob('aGk=').toString()).toBe('hi');
    expect(decodeBlob('')).toHaveLength(0);
    expect(decodeBlob('+/8=')).toEqual(Buffer.from([0xfb, 0xff]));
  });

  it('rejects a bad alphabet, missing or extra padding and whitespace', () => {
    for (const bad of ['aGVsbG8', 'aGk', 'a===', 'aGVs bG8=', 'aGVsbG8=\n', '-_8=', 'aG=k', '=']) {
      expect(thrown(() => decodeBlob(bad)).kind, bad).toBe('SerializationException');
    }
  });
});

describe('validateInput: constraint violations', () => {
  it('reports a pattern violation with the pattern verbatim from the model', () => {
    expect(message('DescribeCertificate', { CertificateArn: 'this-is-not-an-arn-at-all' })).toBe(
      "1 validation error detected: Value 'this-is-not-an-arn-at-all' at 'certificateArn' failed"
      + ` to satisfy constraint: Member must satisfy regular expression pattern: ${ARN_PATTERN}`);
  });

  it('reports every violated constraint of one value, counted and pluralised', () => {
    // 'not-an-arn' is shorter than the modelled minimum of 20 as well as off-pattern.
    expect(message('DescribeCertificate', { CertificateArn: 'not-an-arn' })).toBe(
      "2 validation errors detected: Value 'not-an-arn' at 'certificateArn' failed to satisfy"
      + ' constraint: Member must have length greater than or equal to 20; Value \'not-an-arn\''
      + " at 'certificateArn' failed to satisfy constraint: Member must satisfy regular"
      + ` expression pattern: ${ARN_PATTERN}`);
  });

  it('names a missing required member, e.g. a misspelt Options', () => {
    expect(message('UpdateCertificateOptions', {
      CertificateArn: ARN, CertificateOptions: { Export: 'ENABLED' },
    })).toBe("1 validation error detected: Value null at 'options' failed to satisfy constraint:"
      + ' Member must not be null');
  });

  it('treats null as absent and lists all violations across members', () => {
    expect(message('RequestCertificate', {
      DomainName: null, ValidationMethod: 'SMS', IdempotencyToken: 'no-dashes',
    })).toBe('3 validation errors detected: '
      + "Value null at 'domainName' failed to satisfy constraint: Member must not be null; "
      + "Value 'SMS' at 'validationMethod' failed to satisfy constraint: Member must satisfy"
      + ' enum value set: [EMAIL, DNS, HTTP]; '
      + "Value 'no-dashes' at 'idempotencyToken' failed to satisfy constraint: Member must"
      + String.raw` satisfy regular expression pattern: \w+`);
  });

  it('addresses list elements as <list>.<n>.member.<field>', () => {
    const tags = [{ Key: 'env', Value: 'dev' }, { Key: 'domain', Value: '*.dev.mycompany.com' }];
    expect(message('AddTagsToCertificate', { CertificateArn: ARN, Tags: tags })).toBe(
      "1 validation error detected: Value '*.dev.mycompany.com' at 'tags.2.member.value' failed"
      + ` to satisfy constraint: Member must satisfy regular expression pattern: ${TAG_PATTERN}`);
    expect(message('AddTagsToCertificate', { CertificateArn: ARN, Tags: [{ Value: 'v' }] }))
      .toBe("1 validation error detected: Value null at 'tags.1.member.key' failed to satisfy"
        + ' constraint: Member must not be null');
  });

  it('reports enum violations of list elements once, at the list', () => {
    expect(message('ListCertificates', { CertificateStatuses: ['ISSUED', 'NOPE', 'BAD'] })).toBe(
      "1 validation error detected: Value '[ISSUED, NOPE, BAD]' at 'certificateStatuses' failed"
      + ' to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value'
      + ` set: [${STATUSES}]]`);
    expect(message('ListCertificates', { Includes: { keyTypes: ['RSA_2048', 'DSA'] } })).toContain(
      "Value '[RSA_2048, DSA]' at 'includes.keyTypes' failed to satisfy constraint");
  });

  it('lists all element constraints when a scalar list element breaks one', () => {
    expect(message('UntagResource', { ResourceArn: ARN, TagKeys: ['ok', ''] })).toBe(
      "1 validation error detected: Value '[ok, ]' at 'tagKeys' failed to satisfy constraint:"
      + ' Member must satisfy constraint: [Member must have length less than or equal to 128,'
      + ' Member must have length greater than or equal to 1, Member must satisfy regular'
      + ` expression pattern: ${TAG_PATTERN}]`);
  });

  it('checks list sizes before element constraints', () => {
    const tags = Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}` }));
    tags[50] = { Key: 'bad#' };
    const text = message('TagResource', { ResourceArn: ARN, Tags: tags });
    expect(text).toMatch(/^2 validation errors detected: Value '\[\{Key: k0\}, \{Key: k1\}, /u);
    expect(text).toContain("at 'tags' failed to satisfy constraint: Member must have length less"
      + ' than or equal to 50; Value \'bad#\' at \'tags.51.member.key\'');
    expect(message('TagResource', { ResourceArn: ARN, Tags: [] })).toBe("1 validation error"
      + " detected: Value '[]' at 'tags' failed to satisfy constraint: Member must have length"
      + ' greater than or equal to 1');
  });

  it('checks numeric ranges (MaxItems 1-1000)', () => {
    expect(validateInput('ListCertificates', { MaxItems: 1 })).toEqual({ MaxItems: 1 });
    expect(validateInput('ListCertificates', { MaxItems: 1000 })).toEqual({ MaxItems: 1000 });
    expect(message('ListCertificates', { MaxItems: 0 })).toBe("1 validation error detected:"
      + " Value '0' at 'maxItems' failed to satisfy constraint: Member must have value greater"
      + ' than or equal to 1');
    expect(message('ListCertificates', { MaxItems: 1001 })).toBe("1 validation error detected:"
      + " Value '1001' at 'maxItems' failed to satisfy constraint: Member must have value less"
      + ' than or equal to 1000');
  });

  it('never prints a sensitive value, and only the size of other blobs', () => {
    const key = b64(5121);
    const text = message('ImportCertificate', { Certificate: '', PrivateKey: key });
    expect(text).toBe('2 validation errors detected: Value'
      + " 'java.nio.HeapByteBuffer[pos=0 lim=0 cap=0]' at 'certificate' failed to satisfy"
      + ' constraint: Member must have length greater than or equal to 1; Value at'
      + " 'privateKey' failed to satisfy constraint: Member must have length less than or"
      + ' equal to 5120');
    expect(text).not.toContain(key.slice(0, 16));
    expect(message('ExportCertificate', { CertificateArn: ARN, Passphrase: 'YWJj' })).toBe(
      "1 validation error detected: Value at 'passphrase' failed to satisfy constraint: Member"
      + ' must have length greater than or equal to 4');
  });

  it('requires exactly one member of a union', () => {
    const filter = { CertificateArn: ARN };
    expect(validateInput('SearchCertificates', { FilterStatement: { Filter: filter } }))
      .toEqual({ FilterStatement: { Filter: filter } });
    expect(message('SearchCertificates', {
      FilterStatement: { Filter: filter, Not: { Filter: filter } },
    })).toBe(`1 validation error detected: Value '{Not: {Filter: {CertificateArn: ${ARN}}},`
      + `Filter: {CertificateArn: ${ARN}}}' at 'filterStatement' failed to satisfy constraint:`
      + ' Member must have exactly one member set');
    expect(message('SearchCertificates', { FilterStatement: { And: [{}] } })).toBe(
      "1 validation error detected: Value '{}' at 'filterStatement.and.1.member' failed to"
      + ' satisfy constraint: Member must have exactly one member set');
  });
});

describe('validateInput: JSON types', () => {
  it('rejects wrong JSON types with SerializationException before constraints', () => {
    expect(serialization('DescribeCertificate', { CertificateArn: 42 }))
      .toBe("Expected a string for member 'CertificateArn'");
    expect(serialization('DescribeCertificate', { CertificateArn: { a: 1 } }))
      .toBe("Expected a string for member 'CertificateArn'");
    expect(serialization('AddTagsToCertificate', { Tags: 'env=dev' }))
      .toBe("Expected a list for member 'Tags'");
    expect(serialization('AddTagsToCertificate', { Tags: [{ Key: 'a' }, { Key: ['b'] }] }))
      .toBe("Expected a string for member 'Tags.2.Key'");
    expect(serialization('AddTagsToCertificate', { Tags: [null] }))
      .toBe("Expected a non-null element for member 'Tags.1'");
    expect(serialization('UpdateCertificateOptions', { Options: 'ENABLED' }))
      .toBe("Expected an object for member 'Options'");
    expect(serialization('ImportCertificate', { Certificate: 'not base64!' }))
      .toBe("Expected a valid base64-encoded string for member 'Certificate'");
    expect(serialization('ImportCertificate', { PrivateKey: 'QQ=' }))
      .toBe("Expected a valid base64-encoded string for member 'PrivateKey'");
    expect(serialization('ImportCertificate', { Certificate: 12 }))
      .toBe("Expected a base64-encoded string for member 'Certificate'");
    expect(serialization('ListCertificates', { MaxItems: 1.5 }))
      .toBe("Expected a 32-bit integer for member 'MaxItems'");
    expect(serialization('ListCertificates', { MaxItems: '10' }))
      .toBe("Expected a 32-bit integer for member 'MaxItems'");
    expect(serialization('ListCertificates', { MaxItems: 2 ** 31 }))
      .toBe("Expected a 32-bit integer for member 'MaxItems'");
    const expiration = { Value: 1.5, Type: 'DAYS' };
    expect(serialization('CreateAcmeExternalAccountBinding', { Expiration: expiration }))
      .toBe("Expected a 64-bit integer for member 'Expiration.Value'");
  });

  it('checks booleans and timestamps', () => {
    const metadata = (m: unknown): unknown => ({
      FilterStatement: { Filter: { AcmCertificateMetadataFilter: m } },
    });
    expect(serialization('SearchCertificates', metadata({ InUse: 'true' }))).toBe(
      "Expected a boolean for member 'FilterStatement.Filter.AcmCertificateMetadataFilter.InUse'");
    const range = (start: unknown): unknown => ({
      FilterStatement: { Filter: { X509AttributeFilter: { NotAfter: { Start: start } } } },
    });
    expect(serialization('SearchCertificates', range('2026-01-01T00:00:00Z'))).toBe(
      "Expected a number (epoch seconds) for member"
      + " 'FilterStatement.Filter.X509AttributeFilter.NotAfter.Start'");
    expect(validateInput('SearchCertificates', range(1767225600.5))).toEqual(range(1767225600.5));
  });

  it('takes a type error over any constraint violation', () => {
    expect(serialization('AddTagsToCertificate', { CertificateArn: 'x', Tags: [{ Key: 1 }] }))
      .toBe("Expected a string for member 'Tags.1.Key'");
  });

  it('requires the body to be a JSON object, an absent body meaning {}', () => {
    for (const body of [[], 'x', 1, true, null]) {
      expect(serialization('ListCertificates', body))
        .toBe('The request body must be a JSON object');
    }
    expect(validateInput('ListCertificates', undefined)).toEqual({});
    expect(validateInput('ListCertificates', '')).toEqual({});
    expect(validateInput('GetAccountConfiguration', undefined)).toEqual({});
    expect(validateInput('GetAccountConfiguration', { Anything: [1] })).toEqual({});
  });

  it('returns only modelled, non-null members and keeps blobs as base64', () => {
    const body = {
      Certificate: b64(10), PrivateKey: b64(10), CertificateChain: null, Extra: { x: 1 },
      Tags: [{ Key: 'k', Value: null, Other: 1 }],
    };
    expect(validateInput('ImportCertificate', body)).toEqual({
      Certificate: b64(10), PrivateKey: b64(10), Tags: [{ Key: 'k' }],
    });
  });

  it('rejects unknown operations', () => {
    for (const op of ['Nope', '__proto__', 'toString', 'constructor', '']) {
      expect(thrown(() => validateInput(op, {})).kind, op).toBe('UnknownOperationException');
    }
  });
});

describe('validateInput: hostile input', () => {
  it('ignores prototype-pollution keys', () => {
    const body = JSON.parse('{"__proto__": {"CertificateArn": "x"}, "constructor": 1}');
    expect(message('DescribeCertificate', body)).toContain("Value null at 'certificateArn'");
    const tags = JSON.parse(`{"ResourceArn": "${ARN}", "Tags": [{"__proto__": {"Key": "k"}}]}`);
    expect(message('TagResource', tags)).toContain("Value null at 'tags.1.member.key'");
    expect(({} as Record<string, unknown>).CertificateArn).toBeUndefined();
  });

  it('refuses absurd nesting with a SerializationException', () => {
    let statement: unknown = { Filter: { CertificateArn: ARN } };
    for (let i = 0; i < 100_000; i += 1) statement = { Not: statement };
    expect(serialization('SearchCertificates', { FilterStatement: statement }))
      .toBe('Request nests deeper than 64 levels');
  });

  it('handles huge arrays with a bounded message', () => {
    const tags = Array.from({ length: 200_000 }, (_, i) => ({ Key: `key-${i}` }));
    const text = message('AddTagsToCertificate', { CertificateArn: ARN, Tags: tags });
    expect(text.startsWith('1 validation error detected: ')).toBe(true);
    expect(text.length).toBeLessThan(1300);
    const statuses = Array.from({ length: 200_000 }, () => 'ISSUED');
    expect(validateInput('ListCertificates', { CertificateStatuses: statuses })).toBeDefined();
  });

  it('throws nothing but AcmError for random JSON', () => {
    let seed = 42;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const leaves = [null, true, 0, -1, 1.5, 2 ** 40, '', 'x', 'QQ==', ARN, 'ISSUED', '__proto__'];
    const keys = ['__proto__', 'constructor', 'toString', 'Tags', 'Key', 'Value', 'Not', 'And'];
    const fuzz = (depth: number, shape?: string): unknown => {
      const s = shape === undefined ? undefined : SHAPES[shape];
      if (depth > 6 || rand(6) === 0) return leaves[rand(leaves.length)];
      if (s?.type === 'structure' && rand(4) !== 0) {
        const members = Object.entries(s.members ?? {});
        return Object.fromEntries(members.filter(() => rand(3) !== 0)
          .map(([m, t]) => [m, fuzz(depth + 1, t)]));
      }
      if (s?.type === 'list' || rand(3) === 0) {
        return Array.from({ length: rand(4) }, () => fuzz(depth + 1, s?.member));
      }
      return Object.fromEntries(Array.from({ length: rand(4) },
        () => [keys[rand(keys.length)]!, fuzz(depth + 1)]));
    };
    for (let i = 0; i < 3000; i += 1) {
      const op = OPERATION_NAMES[rand(OPERATION_NAMES.length)]!;
      const body = fuzz(0, OPERATIONS[op].input);
      try {
        validateInput(op, JSON.parse(JSON.stringify(body ?? null)));
      } catch (error) {
        expect(error, `${op} ${JSON.stringify(body)}`).toBeInstanceOf(AcmError);
      }
    }
  });
});
