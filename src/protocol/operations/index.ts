import { getAccountConfiguration, putAccountConfiguration }
  from '../../app/account/account-configuration.ts';
import type { AppServices, Caller } from '../../app/context.ts';
import { importCertificate } from '../../app/certificates/import-certificate.ts';
import { listCertificates } from '../../app/certificates/list-certificates.ts';
import {
  addTagsToCertificate, deleteCertificate, describeCertificate, getCertificate, listTags,
  removeTagsFromCertificate, updateCertificateOptions,
} from '../../app/certificates/manage.ts';
import type { CertificateOptions } from '../../domain/certificate.ts';
import type { Tag } from '../../domain/tags.ts';
import { certificateDetail, certificateSummary, compact, tagList } from '../shapes.ts';
import { decodeBlob } from '../validate.ts';

/** Input as the validator returns it: the model's members, types already checked. */
type Input = Record<string, any>;
/** An operation: validated input in, output members out (undefined: empty body). */
export type Operation = (services: AppServices, caller: Caller, input: Input) =>
  Promise<Record<string, unknown> | undefined>;

const tags = (list: Array<{ Key: string; Value?: string }> | undefined): Tag[] | undefined =>
  list?.map((t) => (t.Value === undefined ? { key: t.Key } : { key: t.Key, value: t.Value }));

/** The operations this server carries out, by their X-Amz-Target name. */
export const OPERATIONS: Record<string, Operation> = {
  async ImportCertificate(services, caller, input) {
    const arn = await importCertificate(services, caller, {
      certificateArn: input.CertificateArn,
      certificate: decodeBlob(input.Certificate),
      privateKey: decodeBlob(input.PrivateKey),
      chain: input.CertificateChain === undefined ? undefined : decodeBlob(input.CertificateChain),
      tags: tags(input.Tags),
    });
    return { CertificateArn: arn };
  },

  async DescribeCertificate(services, caller, input) {
    const record = await describeCertificate(services, caller, input.CertificateArn);
    return { Certificate: certificateDetail(record, services.clock.now()) };
  },

  async GetCertificate(services, caller, input) {
    const pem = await getCertificate(services, caller, input.CertificateArn);
    return compact({ Certificate: pem.certificate, CertificateChain: pem.chain });
  },

  async ListCertificates(services, caller, input) {
    const includes = input.Includes ?? {};
    const page = await listCertificates(services, caller, {
      statuses: input.CertificateStatuses,
      origins: input.CertificateKeyPairOrigins,
      keyTypes: includes.keyTypes,
      keyUsages: includes.keyUsage,
      extendedKeyUsages: includes.extendedKeyUsage,
      exportOption: includes.exportOption,
      managedBy: includes.managedBy,
      sortBy: input.SortBy,
      sortOrder: input.SortOrder,
      maxItems: input.MaxItems,
      nextToken: input.NextToken,
    });
    return compact({
      CertificateSummaryList: page.certificates.map((r) => certificateSummary(r, page.asOf)),
      NextToken: page.nextToken,
    });
  },

  async DeleteCertificate(services, caller, input) {
    await deleteCertificate(services, caller, input.CertificateArn);
    return undefined;
  },

  async AddTagsToCertificate(services, caller, input) {
    await addTagsToCertificate(services, caller, input.CertificateArn, tags(input.Tags)!);
    return undefined;
  },

  async RemoveTagsFromCertificate(services, caller, input) {
    await removeTagsFromCertificate(services, caller, input.CertificateArn, tags(input.Tags)!);
    return undefined;
  },

  async ListTagsForCertificate(services, caller, input) {
    const list = await listTags(services, caller, input.CertificateArn);
    return { Tags: tagList(list) };
  },

  async UpdateCertificateOptions(services, caller, input) {
    const options: CertificateOptions = {
      certificateTransparencyLoggingPreference:
        input.Options.CertificateTransparencyLoggingPreference,
      export: input.Options.Export,
    };
    await updateCertificateOptions(services, caller, input.CertificateArn, options);
    return undefined;
  },

  async GetAccountConfiguration(services, caller) {
    const config = await getAccountConfiguration(services, caller);
    return { ExpiryEvents: { DaysBeforeExpiry: config.daysBeforeExpiry } };
  },

  async PutAccountConfiguration(services, caller, input) {
    await putAccountConfiguration(services, caller, {
      daysBeforeExpiry: input.ExpiryEvents?.DaysBeforeExpiry,
      idempotencyToken: input.IdempotencyToken,
    });
    return undefined;
  },
};
