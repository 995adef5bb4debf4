import path from 'node:path';
import type { Config } from '../config';
import type { StoreParts } from './create-store';
import { openPostgresStore } from './postgres-store';
import { openSqliteStore } from './sqlite-store';
import type { Store } from './store';

/** The SQLite file under `DATA_DIR`. */
export function sqliteFile(config: Pick<Config, 'dataDir'>): string {
  return path.join(config.dataDir, 'civic-forms.sqlite');
}

/**
 * The store the configuration names: PostgreSQL at `DATABASE_URL`, otherwise the SQLite file under
 * `DATA_DIR`. Its schema is brought up to date first.
 */
export async function openStore(
  config: Pick<Config, 'databaseUrl' | 'dataDir' | 'sqliteSynchronous' | 'databasePoolSize'>,
  parts: StoreParts = {},
): Promise<Store> {
  if (config.databaseUrl) {
    return openPostgresStore({
      ...parts,
      connectionString: config.databaseUrl,
      poolSize: config.databasePoolSize,
    });
  }
  return openSqliteStore({
    ...parts,
    file: sqliteFile(config),
    synchronous: config.sqliteSynchronous,
  });
}
