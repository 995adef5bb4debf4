import { sql, type Kysely } from 'kysely';
import type { Tables } from './tables';

/** The databases civic-forms runs on. */
export type DatabaseKind = 'sqlite' | 'postgres';

/**
 * What a repository runs its queries on: the database (or the transaction it has joined), and the
 * clock and reference generator the service was built with.
 */
export interface Db {
  readonly kind: DatabaseKind;
  readonly q: Kysely<Tables>;
  /** Milliseconds since the epoch, from the clock the store was given. */
  now(): number;
  /** A new submission reference, from the generator the store was given. */
  newReference(): string;
  /**
   * Runs `fn` in one write transaction, or inside the transaction this `Db` has joined. SQLite takes
   * the write lock at once (BEGIN IMMEDIATE) so two processes never deadlock upgrading a read.
   */
  write<T>(fn: (db: Db) => Promise<T>): Promise<T>;
}

/** A `Db` on the whole database: each `write` is a transaction of its own. */
export function rootDb(
  kind: DatabaseKind,
  q: Kysely<Tables>,
  clock: () => number,
  newReference: () => string,
): Db {
  const db: Db = {
    kind,
    q,
    now: clock,
    newReference,
    write: (fn) =>
      q.connection().execute(async (connection) => {
        await sql.raw(kind === 'sqlite' ? 'BEGIN IMMEDIATE' : 'BEGIN').execute(connection);
        try {
          const result = await fn(joined(db, connection));
          await sql.raw('COMMIT').execute(connection);
          return result;
        } catch (error) {
          await sql
            .raw('ROLLBACK')
            .execute(connection)
            .catch(() => undefined);
          throw error;
        }
      }),
  };
  return db;
}

/** The same database seen from inside a transaction: a nested `write` joins it. */
function joined(root: Db, connection: Kysely<Tables>): Db {
  const db: Db = { ...root, q: connection, write: (fn) => fn(db) };
  return db;
}
