import type { Kysely, Migration, MigrationProvider } from 'kysely';

import { initial } from './001-initial.ts';

/** Every migration, in order. Names sort as they apply; never edit one that has shipped. */
const MIGRATIONS: Record<string, Migration> = {
  '001-initial': initial,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};

export type AnyKysely = Kysely<any>;
