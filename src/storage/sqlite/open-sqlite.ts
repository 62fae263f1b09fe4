import path from 'node:path';

import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';

import { ensureDirectory } from '../../config/directories.ts';
import type { Database } from '../schema.ts';

/**
 * Opens the embedded database. WAL lets readers run beside the writer; synchronous=FULL makes
 * every commit durable before the client hears success; foreign keys cascade tag deletes.
 */
export function openSqlite(file: string): Kysely<Database> {
  if (file !== ':memory:') ensureDirectory(path.dirname(file), 0o700);

  let sqlite: SQLite.Database | undefined;
  try {
    sqlite = new SQLite(file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
  } catch (error) {
    sqlite?.close();
    // SQLite's own words ("file is not a database") do not say which file it read.
    throw new Error(`Cannot use ${file} as the database: ${(error as Error).message}.`);
  }

  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
}
