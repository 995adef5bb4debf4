import path from 'node:path';
import { ConfigError, readConfig, type Config } from '../config';
import { openSqliteStore } from '../store/sqlite-store';
import type { Store } from '../store/store';

/** The store the server uses: the SQLite file in DATA_DIR, read from the environment by `config`. */
export function openConfiguredStore(config: Config = readConfig()): Store {
  return openSqliteStore({
    file: path.join(config.dataDir, 'civic-forms.sqlite'),
    synchronous: config.sqliteSynchronous,
  });
}

/**
 * Runs a command on the configured store and closes it; a bad environment is reported as the
 * server reports it (one line per variable), without a stack trace.
 */
export async function withConfiguredStore(
  run: (store: Store) => Promise<number>,
  err: (line: string) => void,
): Promise<number> {
  let store: Store;
  try {
    store = openConfiguredStore();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    err(error.message);
    return 1;
  }
  try {
    return await run(store);
  } finally {
    await store.close();
  }
}
