/**
 * The optional certificate chain of ImportCertificate: issuing CA first, root (if any) last.
 * ACM does not check trust in a root store; it checks that the chain is well formed and that
 * each certificate certifies the one before it, which is what is done here.
 */
import { X509Certificate } from 'node:crypto';
import { fail } from '../domain/errors.ts';
import { parsePemField, toPem } from './pem.ts';

export const CHAIN_MESSAGES = {
  chainUnparseable: 'Unable to parse the certificate chain. Please ensure it contains only '
    + 'certificates in PEM format.',
  chainContainsLeaf: 'The certificate chain must not contain the certificate being imported.',
  chainInvalid: 'Could not validate the certificate with the certificate chain.',
  chainRepeated: 'The certificate chain contains the same certificate more than once.',
} as const;

/**
 * Validates the chain against the end-entity certificate and returns it re-encoded as
 * standard PEM, one block per certificate in the order given.
 */
export function readChain(input: Buffer, leafDer: Buffer): string {
  const blocks = parsePemField(input,
    () => fail('ValidationException', CHAIN_MESSAGES.chainUnparseable));
  if (blocks.length === 0 || blocks.some((block) => block.label !== 'CERTIFICATE')) {
    throw fail('ValidationException', CHAIN_MESSAGES.chainUnparseable);
  }
  const chain = blocks.map((block) => {
    const certificate = exactCertificate(block.der);
    if (!certificate) throw fail('ValidationException', CHAIN_MESSAGES.chainUnparseable);
    return certificate;
  });
  if (blocks.some((block) => block.der.equals(leafDer))) {
    throw fail('ValidationException', CHAIN_MESSAGES.chainContainsLeaf);
  }
  // A self-signed root certifies itself, so only this stops a chain of endless copies of it.
  if (new Set(blocks.map((block) => block.der.toString('base64'))).size !== blocks.length) {
    throw fail('ValidationException', CHAIN_MESSAGES.chainRepeated);
  }
  let child = new X509Certificate(leafDer);
  for (const parent of chain) {
    if (!certifies(parent, child)) {
      throw fail('ValidationException', CHAIN_MESSAGES.chainInvalid);
    }
    child = parent;
  }
  return blocks.map((block) => toPem('CERTIFICATE', block.der)).join('');
}

/**
 * Parses DER that must be exactly one certificate, or gives undefined. OpenSSL stops at the
 * end of the certificate and reports no bytes after it, which would then be stored unread
 * (and could hide a repeated chain certificate); it re-encodes what it read, so the input must
 * equal that, which also refuses a BER length on the outer SEQUENCE, as DER requires.
 */
export function exactCertificate(der: Buffer): X509Certificate | undefined {
  try {
    const certificate = new X509Certificate(der);
    return certificate.raw.equals(der) ? certificate : undefined;
  } catch {
    return undefined;
  }
}

/**
 * RFC 5280 section 6.1.3: the issuer name must chain to the parent's subject (OpenSSL's
 * check also matches key identifiers and the parent's keyCertSign usage) and the parent's
 * key must verify the child's signature.
 */
function certifies(parent: X509Certificate, child: X509Certificate): boolean {
  try {
    return child.checkIssued(parent) && child.verify(parent.publicKey);
  } catch {
    return false;
  }
}
