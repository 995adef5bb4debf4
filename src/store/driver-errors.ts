import { StoreUnavailableError } from './store-unavailable';

/** Reads a driver's error: `StoreUnavailableError` when the database cannot be used now, or itself. */
export type DriverErrorMap = (error: unknown) => unknown;

/**
 * SQLite's result codes for a database that cannot be used as things stand, rather than a mistake in
 * a statement: full (the disk, or `max_page_count`), input/output errors, read-only, cannot open,
 * busy or locked past the timeout, out of memory, corrupt, not a database, no permission.
 */
const SQLITE_UNAVAILABLE =
  /^SQLITE_(FULL|IOERR|READONLY|CANTOPEN|BUSY|LOCKED|NOMEM|CORRUPT|NOTADB|PROTOCOL|PERM)/;

/** better-sqlite3's words for a statement run on a closed connection (a TypeError, no code). */
const SQLITE_CLOSED = /database connection is not open/;

/** SQLite's errors as the store reports them. */
export function fromSqliteError(error: unknown): unknown {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && SQLITE_UNAVAILABLE.test(code)) {
    return new StoreUnavailableError(code, error);
  }
  if (typeof message === 'string' && SQLITE_CLOSED.test(message)) {
    return new StoreUnavailableError('connection closed', error);
  }
  return error;
}

/**
 * PostgreSQL's SQLSTATE classes for a server that cannot serve now: connection exceptions (08),
 * insufficient resources such as a full disk (53), operator intervention such as a shutdown or
 * restart (57P), a read-only server (25006); and the network's own refusals.
 */
const POSTGRES_UNAVAILABLE = /^(08|53|57P|25006)/;
const NETWORK_UNAVAILABLE = /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND|EHOSTUNREACH)$/;
/** node-postgres' words for a connection lost, a pool closed or no connection in time. */
const POOL_UNAVAILABLE =
  /Connection terminated|connection error|timeout exceeded when trying to connect|Cannot use a pool after calling end/i;

/** PostgreSQL's (node-postgres') errors as the store reports them. */
export function fromPostgresError(error: unknown): unknown {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (
    typeof code === 'string' &&
    (POSTGRES_UNAVAILABLE.test(code) || NETWORK_UNAVAILABLE.test(code))
  ) {
    return new StoreUnavailableError(code, error);
  }
  if (typeof message === 'string' && POOL_UNAVAILABLE.test(message)) {
    return new StoreUnavailableError('connection lost', error);
  }
  return error;
}

/**
 * The same object, each of its methods reporting the driver's "cannot use the database now" errors
 * as `StoreUnavailableError`, so nothing above the store reads a driver's codes.
 */
export function mapDriverErrors<T extends object>(
  target: T,
  map: DriverErrorMap,
  isClosed: () => boolean = () => false,
): T {
  const mapped: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(target)) {
    if (typeof value !== 'function') {
      mapped[name] = value;
      continue;
    }
    const method = value as (...args: unknown[]) => unknown;
    mapped[name] = (...args: unknown[]): unknown => {
      if (isClosed()) {
        return Promise.reject(new StoreUnavailableError('connection closed', new Error(name)));
      }
      try {
        const result = method(...args);
        return result instanceof Promise
          ? result.then(undefined, (error: unknown) => Promise.reject(map(error)))
          : result;
      } catch (error) {
        throw map(error);
      }
    };
  }
  return mapped as T;
}
