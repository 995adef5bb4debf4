import type Database from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/** How many distinct statements are kept; the service runs a few dozen. */
const MAX_STATEMENTS = 500;

/**
 * The better-sqlite3 database as Kysely's SQLite dialect sees it, with each statement prepared
 * once: Kysely prepares its SQL again on every query, and preparing cost more than running the
 * service's small queries (a question page's session and draft reads). A statement is only its
 * SQL compiled for this connection, so keeping it holds no data and nothing can go stale (SQLite
 * prepares it again itself when the schema changes). A statement still being iterated (a streamed
 * query) is busy: another use of the same SQL gets a statement of its own.
 */
export function withCachedStatements(database: Database.Database): SqliteDatabase {
  const statements = new Map<string, Database.Statement>();
  return {
    close: () => database.close(),
    prepare(sql) {
      const kept = statements.get(sql);
      if (kept && !kept.busy) return kept;
      const statement = database.prepare(sql);
      if (!kept) {
        if (statements.size >= MAX_STATEMENTS)
          statements.delete(statements.keys().next().value as string);
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}
