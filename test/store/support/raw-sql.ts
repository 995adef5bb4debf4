import Database from 'better-sqlite3';
import pg from 'pg';
import type { TestLocation } from './databases';

/**
 * better-sqlite3 sets its error class once per process, so under jest (a fresh global realm per
 * test file, one native module for all) its errors after the first file fail `instanceof Error`,
 * and `rejects.toThrow` reported a thrown error as "did not throw". The same message and code, as
 * an Error of the calling file's realm.
 */
function inThisRealm(error: unknown): Error {
  if (error instanceof Error) return error;
  const { message, code } = error as { message?: unknown; code?: unknown };
  return Object.assign(new Error(String(message)), { code });
}

/**
 * Runs SQL straight on a test store's database, past the store, as an operator's SQL client (or a
 * failing disk) would: for the facts only the database itself can show. Rejects with the driver's
 * error. Only store tests use this; every other test sees the store through its interface.
 */
export async function runRawSql(location: TestLocation, statements: string): Promise<void> {
  if (location.kind === 'sqlite') {
    const db = new Database(location.file);
    try {
      db.exec(statements);
    } catch (error) {
      throw inThisRealm(error);
    } finally {
      db.close();
    }
    return;
  }
  const client = new pg.Client({ connectionString: location.url });
  await client.connect();
  try {
    await client.query(statements);
  } finally {
    await client.end();
  }
}

/** Reads rows straight from a test store's database with one statement, past the store. */
export async function queryRawSql(
  location: TestLocation,
  statement: string,
): Promise<Array<Record<string, unknown>>> {
  if (location.kind === 'sqlite') {
    const db = new Database(location.file, { readonly: true });
    try {
      return db.prepare(statement).all() as Array<Record<string, unknown>>;
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: location.url });
  await client.connect();
  try {
    return (await client.query<Record<string, unknown>>(statement)).rows;
  } finally {
    await client.end();
  }
}

/**
 * Makes the database refuse `operation` on `table` with the message `disk on fire` until
 * `allowAgain` is called: a write that fails part way through a transaction.
 */
export async function refuseWrites(
  location: TestLocation,
  table: string,
  operation: 'INSERT' | 'DELETE',
): Promise<{ allowAgain(): Promise<void> }> {
  const name = `refuse_${operation.toLowerCase()}_${table}`;
  if (location.kind === 'sqlite') {
    await runRawSql(
      location,
      `CREATE TRIGGER ${name} BEFORE ${operation} ON ${table}
       BEGIN SELECT RAISE(ABORT, 'disk on fire'); END`,
    );
    return { allowAgain: () => runRawSql(location, `DROP TRIGGER ${name}`) };
  }
  await runRawSql(
    location,
    `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION 'disk on fire'; END $$;
     CREATE TRIGGER ${name} BEFORE ${operation} ON ${table}
       FOR EACH ROW EXECUTE FUNCTION ${name}();`,
  );
  return { allowAgain: () => runRawSql(location, `DROP TRIGGER ${name} ON ${table}`) };
}
