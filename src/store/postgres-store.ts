import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { createStore, type StoreParts } from './create-store';
import { fromPostgresError } from './driver-errors';
import { migratePostgres } from './postgres-migrate';
import type { Store } from './store';
import type { Tables } from './tables';

export interface PostgresOptions extends StoreParts {
  /** `postgres://user@host:port/database` (DATABASE_URL). */
  connectionString: string;
  /** The most connections this process opens; node-postgres' default is 10. */
  poolSize?: number;
}

/** BIGINT (times in milliseconds) as numbers: every time fits well within 2^53. */
const BIGINT_OID = 20;
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === BIGINT_OID
      ? Number
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** The connection string without its password, for messages. */
function where(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    url.password = '';
    return url.toString();
  } catch {
    return 'named by DATABASE_URL';
  }
}

/**
 * Opens the PostgreSQL store and brings its schema up to date (under a lock, so N processes may
 * start at once). A server that is down rejects with `StoreUnavailableError`.
 *
 * @example
 *   const store = await openPostgresStore({ connectionString: 'postgres://127.0.0.1:5432/forms' });
 */
export async function openPostgresStore(options: PostgresOptions): Promise<Store> {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.poolSize ?? 10,
    // A request waits at most this long for a connection: a server that is down is a quick 503.
    connectionTimeoutMillis: 5_000,
    types,
  });
  // A connection dropped by a restart of the server is replaced at the next query. node-postgres
  // reports the drop as an 'error' event: on the pool for an idle connection, on the connection
  // itself for one a request has checked out (its query is rejected as well, and that rejection
  // is what the request sees). Without a listener each event would end the process.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  try {
    await migratePostgres(pool, where(options.connectionString));
  } catch (error) {
    await pool.end();
    throw fromPostgresError(error);
  }
  const q = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  return createStore('postgres', q, fromPostgresError, { ...options, close: () => q.destroy() });
}
