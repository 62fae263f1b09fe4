import type { Kysely } from 'kysely';

import type { AccessKey, AccessKeyStore, AccountSettings, AccountStore } from '../domain/ports.ts';
import type { Database } from './schema.ts';

export class SqlAccountStore implements AccountStore {
  constructor(private readonly db: Kysely<Database>) {}

  async getSettings(accountId: string, region: string): Promise<AccountSettings | undefined> {
    const row = await this.db.selectFrom('account_settings').select('days_before_expiry')
      .where('account_id', '=', accountId).where('region', '=', region).executeTakeFirst();
    return row ? { daysBeforeExpiry: row.days_before_expiry } : undefined;
  }

  async putSettings(accountId: string, region: string, settings: AccountSettings) {
    await this.db.insertInto('account_settings')
      .values({ account_id: accountId, region, days_before_expiry: settings.daysBeforeExpiry })
      .onConflict((oc) => oc.columns(['account_id', 'region'])
        .doUpdateSet({ days_before_expiry: settings.daysBeforeExpiry }))
      .execute();
  }

  async claimToken(accountId: string, region: string, scope: string, token: string, now: Date,
    windowMs: number): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const cutoff = now.getTime() - windowMs;
      await trx.deleteFrom('idempotency_tokens')
        .where('account_id', '=', accountId).where('region', '=', region)
        .where('created_at', '<=', cutoff).execute();
      const result = await trx.insertInto('idempotency_tokens')
        .values({ account_id: accountId, region, scope, token, created_at: now.getTime() })
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
    });
  }
}

export class SqlAccessKeyStore implements AccessKeyStore {
  constructor(private readonly db: Kysely<Database>) {}

  async create(key: AccessKey, sealedSecret: Buffer): Promise<boolean> {
    const result = await this.db.insertInto('access_keys').values({
      access_key_id: key.accessKeyId, account_id: key.accountId, secret: sealedSecret,
      created_at: key.createdAt.getTime(),
    }).onConflict((oc) => oc.column('access_key_id').doNothing()).executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
  }

  async list(): Promise<AccessKey[]> {
    return (await this.loadAll()).map(({ sealedSecret: _, ...key }) => key);
  }

  async delete(accessKeyId: string): Promise<boolean> {
    const result = await this.db.deleteFrom('access_keys')
      .where('access_key_id', '=', accessKeyId).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  async loadAll() {
    const rows = await this.db.selectFrom('access_keys').selectAll()
      .orderBy('created_at').execute();
    return rows.map((r) => ({
      accessKeyId: r.access_key_id, accountId: r.account_id,
      createdAt: new Date(Number(r.created_at)), sealedSecret: r.secret,
    }));
  }
}
