import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { createStore, type StoreParts } from './create-store';
import { fromSqliteError } from './driver-errors';
import { migrateSqlite } from './sqlite-migrate';
import { withCachedStatements } from './sqlite-statements';
import type { Store } from './store';
import type { Tables } from './tables';

export interface SqliteOptions extends StoreParts {
  /** The database file, or `:memory:`. */
  file: string;
  /** `normal` survives a crash of the process; `full` also a power cut, at a cost per write. */
  synchronous?: 'normal' | 'full';
  /**
   * The most pages the database may grow to (SQLite's `max_page_count`); past it, writes fail with
   * `SQLITE_FULL` exactly as on a full disk. No limit by default.
   */
  maxPageCount?: number;
}

/**
 * Opens (and creates or upgrades) the embedded SQLite store: one file, WAL mode, one process.
 *
 * @example
 *   const store = openSqliteStore({ file: 'data/civic-forms.sqlite' });
 */
export function openSqliteStore(options: SqliteOptions): Store {
  if (options.file !== ':memory:') fs.mkdirSync(path.dirname(options.file), { recursive: true });
  let database: Database.Database;
  try {
    database = new Database(options.file);
  } catch (error) {
    throw fromSqliteError(error);
  }
  try {
    database.pragma('journal_mode = WAL');
    database.pragma(`synchronous = ${options.synchronous ?? 'normal'}`);
    database.pragma('busy_timeout = 5000');
    database.pragma('foreign_keys = ON');
    migrateSqlite(database, options.file);
    if (options.maxPageCount !== undefined) {
      database.pragma(`max_page_count = ${Math.trunc(options.maxPageCount)}`);
    }
  } catch (error) {
    // A database refused (newer than the code, or unusable) is not left open in this process.
    database.close();
    throw fromSqliteError(error);
  }
  const db = database;
  const q = new Kysely<Tables>({
    dialect: new SqliteDialect({ database: withCachedStatements(db) }),
  });
  return createStore('sqlite', q, fromSqliteError, {
    ...options,
    close: async () => {
      await q.destroy();
      // Kysely closes the connection only once a query has initialised its driver: a store opened
      // and closed unused (a migration) would otherwise keep the file open.
      if (db.open) db.close();
    },
  });
}
