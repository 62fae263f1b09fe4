import { PostgresAdapter, type Kysely, type Migration } from 'kysely';

/** Column types are chosen to mean the same in SQLite and PostgreSQL. */
export const initial: Migration = {
  async up(db: Kysely<any>) {
    const binary = db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob';
    await db.schema.createTable('certificates')
      .addColumn('arn', 'varchar(2048)', (c) => c.primaryKey())
      .addColumn('account_id', 'varchar(12)', (c) => c.notNull())
      .addColumn('region', 'varchar(64)', (c) => c.notNull())
      .addColumn('type', 'varchar(32)', (c) => c.notNull())
      .addColumn('key_pair_origin', 'varchar(32)', (c) => c.notNull())
      .addColumn('status', 'varchar(32)', (c) => c.notNull())
      .addColumn('domain_name', 'varchar(253)')
      .addColumn('sans', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('issuer', 'text', (c) => c.notNull())
      .addColumn('serial', 'varchar(128)', (c) => c.notNull())
      .addColumn('not_before', 'bigint', (c) => c.notNull())
      .addColumn('not_after', 'bigint', (c) => c.notNull())
      .addColumn('key_algorithm', 'varchar(32)', (c) => c.notNull())
      .addColumn('signature_algorithm', 'varchar(64)', (c) => c.notNull())
      .addColumn('key_usages', 'text', (c) => c.notNull())
      .addColumn('key_usage_index', 'text', (c) => c.notNull())
      .addColumn('extended_key_usages', 'text', (c) => c.notNull())
      .addColumn('extended_key_usage_index', 'text', (c) => c.notNull())
      .addColumn('certificate_pem', 'text', (c) => c.notNull())
      .addColumn('chain_pem', 'text')
      .addColumn('private_key', binary, (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('imported_at', 'bigint')
      .addColumn('issued_at', 'bigint')
      .addColumn('in_use_by', 'text', (c) => c.notNull())
      .addColumn('options', 'text', (c) => c.notNull())
      .addColumn('export_option', 'varchar(16)', (c) => c.notNull())
      .addColumn('managed_by', 'varchar(32)')
      .addColumn('exported', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('certificates_by_owner')
      .on('certificates').columns(['account_id', 'region', 'created_at', 'arn']).execute();

    await db.schema.createTable('certificate_tags')
      .addColumn('arn', 'varchar(2048)', (c) =>
        c.notNull().references('certificates.arn').onDelete('cascade'))
      .addColumn('tag_key', 'varchar(128)', (c) => c.notNull())
      .addColumn('tag_value', 'varchar(256)')
      .addColumn('position', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('certificate_tags_pk', ['arn', 'tag_key'])
      .execute();

    await db.schema.createTable('account_settings')
      .addColumn('account_id', 'varchar(12)', (c) => c.notNull())
      .addColumn('region', 'varchar(64)', (c) => c.notNull())
      .addColumn('days_before_expiry', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('account_settings_pk', ['account_id', 'region'])
      .execute();

    await db.schema.createTable('idempotency_tokens')
      .addColumn('account_id', 'varchar(12)', (c) => c.notNull())
      .addColumn('region', 'varchar(64)', (c) => c.notNull())
      .addColumn('scope', 'varchar(64)', (c) => c.notNull())
      .addColumn('token', 'varchar(64)', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('idempotency_tokens_pk', ['account_id', 'region', 'scope', 'token'])
      .execute();

    await db.schema.createTable('access_keys')
      .addColumn('access_key_id', 'varchar(128)', (c) => c.primaryKey())
      .addColumn('account_id', 'varchar(12)', (c) => c.notNull())
      .addColumn('secret', binary, (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
  },

  async down(db: Kysely<any>) {
    for (const table of ['access_keys', 'idempotency_tokens', 'account_settings',
      'certificate_tags', 'certificates']) {
      await db.schema.dropTable(table).execute();
    }
  },
};
