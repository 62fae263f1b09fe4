import { GetAccountConfigurationCommand, ListCertificatesCommand } from '@aws-sdk/client-acm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { errorOf } from '../helpers/expect-error.ts';
import { rawRequest } from '../helpers/raw.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const target = (operation: string) => `CertificateManager.${operation}`;
const UNKNOWN_ARN = 'arn:aws:acm:us-east-1:000000000000:certificate/'
  + '12345678-1234-1234-1234-123456789012';

describe('AWS JSON 1.1 wire protocol', () => {
  it('answers success with a JSON body, a request id and the JSON 1.1 content type', async () => {
    const res = await rawRequest(server.url, { target: target('GetAccountConfiguration') });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/x-amz-json-1.1');
    expect(res.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.json).toEqual({ ExpiryEvents: { DaysBeforeExpiry: 45 } });
  });

  it('answers an operation without output with an empty body', async () => {
    const res = await rawRequest(server.url, { target: target('PutAccountConfiguration'),
      body: '{"IdempotencyToken": "empty_body", "ExpiryEvents": {"DaysBeforeExpiry": 44}}' });
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
  });

  it('puts the error type in the body and in x-amzn-ErrorType', async () => {
    const res = await rawRequest(server.url, { target: target('DescribeCertificate'),
      body: JSON.stringify({ CertificateArn: UNKNOWN_ARN, SomethingUnknown: 1 }) });
    expect(res.status).toBe(400);
    expect(res.headers.get('x-amzn-errortype')).toBe('ResourceNotFoundException');
    expect(res.json).toEqual({ __type: 'ResourceNotFoundException',
      message: `Could not find certificate ${UNKNOWN_ARN} in account 000000000000.` });
  });

  it.each([
    ['a missing X-Amz-Target', undefined, 'UnknownOperationException',
      'Missing or malformed X-Amz-Target header.'],
    ['an unknown operation', target('MakeCoffee'), 'UnknownOperationException',
      'Operation MakeCoffee is not supported by this openacm server.'],
    ['an operation this release does not carry out', target('RequestCertificate'),
      'UnknownOperationException',
      'Operation RequestCertificate is not supported by this openacm server.'],
    ['another service\'s target', 'DynamoDB_20120810.ListTables', 'UnknownOperationException',
      'Missing or malformed X-Amz-Target header.'],
  ])('refuses %s', async (_, header, type, message) => {
    const res = await rawRequest(server.url, { target: header });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ __type: type, message });
  });

  it('refuses a body that is not JSON or has members of the wrong type', async () => {
    const notJson = await rawRequest(server.url, { target: target('ListCertificates'),
      body: '{"MaxItems": ' });
    expect(notJson.json).toEqual({ __type: 'SerializationException',
      message: 'The request body is not valid JSON.' });
    const wrongType = await rawRequest(server.url, { target: target('DescribeCertificate'),
      body: '{"CertificateArn": 42}' });
    expect(wrongType.json.__type).toBe('SerializationException');
    expect(wrongType.json.message).toMatch(/CertificateArn/);
  });

  it('answers the CertificateOptions key of a docs sample as AWS does', async () => {
    const res = await rawRequest(server.url, { target: target('UpdateCertificateOptions'),
      body: JSON.stringify({ CertificateArn: UNKNOWN_ARN,
        CertificateOptions: { CertificateTransparencyLoggingPreference: 'DISABLED' } }) });
    expect(res.json).toEqual({ __type: 'ValidationException', message: '1 validation error '
      + "detected: Value null at 'options' failed to satisfy constraint: "
      + 'Member must not be null' });
  });

  it('refuses an oversized body with 413 before reading it all', async () => {
    const res = await rawRequest(server.url, { target: target('ListCertificates'),
      body: Buffer.alloc(5 * 1024 * 1024, 32), unsigned: true });
    expect(res.status).toBe(413);
    expect(res.json.__type).toBe('RequestEntityTooLargeException');
  });
});

describe('SigV4 through the real SDK', () => {
  it('refuses an unsigned request', async () => {
    const res = await rawRequest(server.url, { target: target('ListCertificates'),
      unsigned: true });
    expect(res.status).toBe(403);
    expect(res.json).toEqual({ __type: 'MissingAuthenticationTokenException',
      message: 'Missing Authentication Token' });
  });

  it('refuses a wrong secret and an unknown access key', async () => {
    const wrong = server.client({ secretAccessKey: 'not-the-secret' });
    expect((await errorOf(wrong.send(new ListCertificatesCommand({})))).name)
      .toBe('InvalidSignatureException');
    const unknown = server.client({ accessKeyId: 'AKIAUNKNOWN0000000', secretAccessKey: 'x' });
    expect(await errorOf(unknown.send(new ListCertificatesCommand({})))).toEqual({
      name: 'UnrecognizedClientException',
      message: 'The security token included in the request is invalid.' });
  });

  it('lets the SDK correct a skewed clock from the Date header for its next call', async () => {
    const skewed = server.client({ systemClockOffset: -20 * 60_000 });
    const first = await errorOf(skewed.send(new GetAccountConfigurationCommand({})));
    expect(first.name).toBe('InvalidSignatureException');
    expect(first.message).toMatch(/^Signature expired: /);
    const retried = await skewed.send(new GetAccountConfigurationCommand({}));
    expect(retried.ExpiryEvents).toEqual({ DaysBeforeExpiry: 44 });
  });
});
