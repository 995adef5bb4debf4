import type Database from 'better-sqlite3';
import { DatabaseNewerError } from './database-newer';
import { SQLITE_MIGRATIONS } from './sqlite-migrations';

/**
 * Brings an SQLite database up to this code's schema, forward only, in one write transaction taken
 * at once (BEGIN IMMEDIATE): a second process starting at the same moment waits for it, then finds
 * nothing left to do. Refuses a database newer than the code.
 */
export function migrateSqlite(db: Database.Database, where: string): void {
  const known = SQLITE_MIGRATIONS.length;
  db.transaction(() => {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > known) throw new DatabaseNewerError(where, version, known);
    for (const step of SQLITE_MIGRATIONS.slice(version)) db.exec(step);
    if (version < known) db.pragma(`user_version = ${known}`);
  }).immediate();
}
