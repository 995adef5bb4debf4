import { StoreUnavailableError } from './store-unavailable';

/**
 * SQLite's result codes for a database that cannot be used as things stand, rather than a mistake in
 * a statement: full (the disk, or `max_page_count`), input/output errors, read-only, cannot open,
 * busy or locked past the timeout, out of memory, corrupt, not a database, no permission.
 */
const UNAVAILABLE =
  /^SQLITE_(FULL|IOERR|READONLY|CANTOPEN|BUSY|LOCKED|NOMEM|CORRUPT|NOTADB|PROTOCOL|PERM)/;

/** better-sqlite3's words for a statement run on a closed connection (a TypeError, no code). */
const CLOSED = /database connection is not open/;

/** A driver error as the store reports it: `StoreUnavailableError`, or the error itself. */
export function fromSqliteError(error: unknown): unknown {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && UNAVAILABLE.test(code)) {
    return new StoreUnavailableError(code, error);
  }
  if (typeof message === 'string' && CLOSED.test(message)) {
    return new StoreUnavailableError('connection closed', error);
  }
  return error;
}

/**
 * The same store, each of its methods reporting the driver's "cannot use the database now" errors
 * as `StoreUnavailableError`, so nothing above the store reads SQLite's codes.
 */
export function mapSqliteErrors<T extends object>(store: T): T {
  const mapped: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(store)) {
    if (typeof value !== 'function') {
      mapped[name] = value;
      continue;
    }
    const method = value as (...args: unknown[]) => unknown;
    mapped[name] = (...args: unknown[]): unknown => {
      try {
        const result = method(...args);
        return result instanceof Object && typeof (result as Promise<unknown>).then === 'function'
          ? (result as Promise<unknown>).then(undefined, (error: unknown) =>
              Promise.reject(fromSqliteError(error)),
            )
          : result;
      } catch (error) {
        throw fromSqliteError(error);
      }
    };
  }
  return mapped as T;
}
