import { sql, type Kysely, type Selectable } from 'kysely';

import type { CertificateRecord, KeyAlgorithm } from '../domain/certificate.ts';
import type { CertificateQuery, CertificateStore, ListCursor } from '../domain/ports.ts';
import type { Tag } from '../domain/tags.ts';
import type { CertificatesTable, Database } from './schema.ts';

/** The certificate store over any Kysely dialect; no SQL here is specific to one database. */
export class SqlCertificateStore implements CertificateStore {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(record: CertificateRecord, sealedKey: Buffer, tags: Tag[], limit: number) {
    return this.db.transaction().execute(async (trx) => {
      const held = await trx.selectFrom('certificates')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('account_id', '=', record.accountId).where('region', '=', record.region)
        .where('type', '=', record.type)
        .executeTakeFirstOrThrow();
      if (Number(held.n) >= limit) return false;

      await trx.insertInto('certificates').values(toRow(record, sealedKey)).execute();
      if (tags.length > 0) {
        await trx.insertInto('certificate_tags').values(tagRows(record.arn, tags)).execute();
      }
      return true;
    });
  }

  async replaceMaterial(accountId: string, region: string, arn: string, sealedKey: Buffer,
    replace: (current: CertificateRecord) => CertificateRecord): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('certificates').selectAll()
        .where('arn', '=', arn).where('account_id', '=', accountId).where('region', '=', region)
        .executeTakeFirst();
      if (!row) return false;
      const { arn: _arn, account_id: _account, region: _region, created_at: _created,
        ...material } = toRow(replace(fromRow(row)), sealedKey);
      await trx.updateTable('certificates').set(material)
        .where('arn', '=', arn).where('account_id', '=', accountId).where('region', '=', region)
        .execute();
      return true;
    });
  }

  async find(accountId: string, region: string, arn: string) {
    const row = await this.db.selectFrom('certificates').selectAll()
      .where('arn', '=', arn).where('account_id', '=', accountId).where('region', '=', region)
      .executeTakeFirst();
    return row ? fromRow(row) : undefined;
  }

  /** Tags go with the certificate through the foreign key's ON DELETE CASCADE. */
  async delete(accountId: string, region: string, arn: string): Promise<boolean> {
    const result = await this.db.deleteFrom('certificates')
      .where('arn', '=', arn).where('account_id', '=', accountId).where('region', '=', region)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  async updateOptions(record: CertificateRecord): Promise<void> {
    await this.db.updateTable('certificates')
      .set({ options: JSON.stringify(record.options),
        export_option: record.options.export ?? 'DISABLED' })
      .where('arn', '=', record.arn).where('account_id', '=', record.accountId)
      .where('region', '=', record.region)
      .execute();
  }

  async list(query: CertificateQuery, after: ListCursor | undefined, limit: number) {
    const now = query.now.getTime();
    const derivedStatus = sql<string>`case when status = 'ISSUED' and not_after <= ${now}
      then 'EXPIRED' else status end`;
    const order = query.descending ? 'desc' : 'asc';

    let select = this.db.selectFrom('certificates').selectAll()
      .where('account_id', '=', query.accountId).where('region', '=', query.region)
      .where('key_algorithm', 'in', query.keyTypes)
      .where('key_pair_origin', 'in', query.origins);
    if (query.statuses) select = select.where(derivedStatus, 'in', query.statuses);
    if (query.keyUsages) {
      const names = query.keyUsages;
      select = select.where((eb) => eb.or(names.map((name) =>
        eb('key_usage_index', 'like', `%,${name},%`))));
    }
    if (query.extendedKeyUsages) {
      const names = query.extendedKeyUsages;
      select = select.where((eb) => eb.or(names.map((name) => name === 'NONE'
        ? eb('extended_key_usage_index', '=', ',')
        : eb('extended_key_usage_index', 'like', `%,${name},%`))));
    }
    if (query.exportOption) select = select.where('export_option', '=', query.exportOption);
    if (query.managedBy) select = select.where('managed_by', '=', query.managedBy);
    if (after) {
      const op = query.descending ? '<' : '>';
      select = select.where((eb) => eb.or([
        eb('created_at', op, after.createdAt),
        eb.and([eb('created_at', '=', after.createdAt), eb('arn', op, after.arn)]),
      ]));
    }

    const rows = await select.orderBy('created_at', order).orderBy('arn', order)
      .limit(limit).execute();
    return rows.map(fromRow);
  }

  async listTags(arn: string): Promise<Tag[]> {
    const rows = await this.db.selectFrom('certificate_tags').select(['tag_key', 'tag_value'])
      .where('arn', '=', arn).orderBy('position').execute();
    return rows.map((r) => (r.tag_value === null
      ? { key: r.tag_key } : { key: r.tag_key, value: r.tag_value }));
  }

  async mutateTags(accountId: string, region: string, arn: string,
    change: (tags: Tag[]) => Tag[]): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const owner = await trx.selectFrom('certificates').select('arn')
        .where('arn', '=', arn).where('account_id', '=', accountId).where('region', '=', region)
        .executeTakeFirst();
      if (!owner) return false;

      const current = await new SqlCertificateStore(trx).listTags(arn);
      const next = change(current);
      await trx.deleteFrom('certificate_tags').where('arn', '=', arn).execute();
      if (next.length > 0) {
        await trx.insertInto('certificate_tags').values(tagRows(arn, next)).execute();
      }
      return true;
    });
  }
}

function tagRows(arn: string, tags: Tag[]) {
  return tags.map((tag, position) =>
    ({ arn, tag_key: tag.key, tag_value: tag.value ?? null, position }));
}

function toRow(record: CertificateRecord, sealedKey: Buffer) {
  const f = record.facts;
  return {
    arn: record.arn,
    account_id: record.accountId,
    region: record.region,
    type: record.type,
    key_pair_origin: record.keyPairOrigin,
    status: record.status,
    domain_name: f.domainName ?? null,
    sans: JSON.stringify(f.subjectAlternativeNames),
    subject: f.subject,
    issuer: f.issuer,
    serial: f.serial,
    not_before: f.notBefore.getTime(),
    not_after: f.notAfter.getTime(),
    key_algorithm: f.keyAlgorithm,
    signature_algorithm: f.signatureAlgorithm,
    key_usages: JSON.stringify(f.keyUsages),
    key_usage_index: `,${f.keyUsages.join(',')},`,
    extended_key_usages: JSON.stringify(f.extendedKeyUsages),
    extended_key_usage_index: `,${f.extendedKeyUsages.map((e) => e.name).join(',')},`
      .replace(',,', ','),
    certificate_pem: record.certificatePem,
    chain_pem: record.chainPem ?? null,
    private_key: sealedKey,
    created_at: record.createdAt.getTime(),
    imported_at: record.importedAt?.getTime() ?? null,
    issued_at: record.issuedAt?.getTime() ?? null,
    in_use_by: JSON.stringify(record.inUseBy),
    options: JSON.stringify(record.options),
    export_option: record.options.export ?? 'DISABLED',
    managed_by: null,
    exported: record.exported ? 1 : 0,
  };
}

function fromRow(row: Selectable<CertificatesTable>): CertificateRecord {
  const date = (ms: number | null) => (ms === null ? undefined : new Date(Number(ms)));
  return {
    arn: row.arn,
    accountId: row.account_id,
    region: row.region,
    type: row.type as CertificateRecord['type'],
    keyPairOrigin: row.key_pair_origin as CertificateRecord['keyPairOrigin'],
    status: row.status as CertificateRecord['status'],
    facts: {
      domainName: row.domain_name ?? undefined,
      subjectAlternativeNames: JSON.parse(row.sans),
      subject: row.subject,
      issuer: row.issuer,
      serial: row.serial,
      notBefore: new Date(Number(row.not_before)),
      notAfter: new Date(Number(row.not_after)),
      keyAlgorithm: row.key_algorithm as KeyAlgorithm,
      signatureAlgorithm: row.signature_algorithm,
      keyUsages: JSON.parse(row.key_usages),
      extendedKeyUsages: JSON.parse(row.extended_key_usages),
    },
    certificatePem: row.certificate_pem,
    chainPem: row.chain_pem ?? undefined,
    createdAt: new Date(Number(row.created_at)),
    importedAt: date(row.imported_at),
    issuedAt: date(row.issued_at),
    inUseBy: JSON.parse(row.in_use_by),
    options: JSON.parse(row.options),
    exported: row.exported === 1,
  };
}
