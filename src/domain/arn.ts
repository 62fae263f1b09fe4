import { fail } from './errors.ts';

/** A parsed ACM certificate ARN: `arn:<partition>:acm:<region>:<account>:certificate/<id>`. */
export interface CertificateArn {
  partition: string;
  region: string;
  accountId: string;
  id: string;
}

const CERTIFICATE_ARN = /^arn:(aws[a-z-]*):acm:([a-z0-9-]+):(\d{12}):certificate\/([A-Za-z0-9-]+)$/;

export function formatCertificateArn(region: string, accountId: string, id: string): string {
  return `arn:${partitionOf(region)}:acm:${region}:${accountId}:certificate/${id}`;
}

/** The AWS partition a region belongs to, so ARNs look as they would on AWS. */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/**
 * Parses an ARN that already passed the model's `Arn` pattern. ACM answers
 * InvalidArnException for ARNs that match the pattern but do not name a certificate.
 */
export function parseCertificateArn(arn: string): CertificateArn {
  const match = CERTIFICATE_ARN.exec(arn);
  if (!match) throw fail('InvalidArnException', `The certificate ARN ${arn} is not valid.`);

  const [, partition, region, accountId, id] = match as unknown as string[];
  return { partition: partition!, region: region!, accountId: accountId!, id: id! };
}
