import { Migrator, type Kysely } from 'kysely';

import { migrationProvider } from './migrations/index.ts';
import type { Database } from './schema.ts';
import { openSqlite } from './sqlite/open-sqlite.ts';

/** Opens the database named by a URL and brings its schema up to date. */
export async function openDatabase(url: string): Promise<Kysely<Database>> {
  if (!url.startsWith('sqlite:')) {
    throw new Error(`Unsupported database URL scheme in '${url.split(':')[0]}:'.`);
  }
  const db = openSqlite(url.slice('sqlite:'.length));

  const { error, results } = await new Migrator({ db, provider: migrationProvider })
    .migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    await db.destroy();
    throw new Error(`Database migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
  return db;
}
