import { ServiceError } from '../errors';

/**
 * The database cannot do what was asked right now (the disk is full, the file cannot be written or
 * opened, it is locked, the connection is closed): `DATABASE_UNAVAILABLE`, 503. The driver's own
 * error is its `cause`, for the log.
 */
export class StoreUnavailableError extends ServiceError {
  constructor(
    reason: string,
    override readonly cause: unknown,
  ) {
    super('DATABASE_UNAVAILABLE', `database unavailable: ${reason}`);
  }
}

/** Whether a store method's failure is its database being unavailable, as a `Store` reports it. */
export function isStoreUnavailable(error: unknown): error is StoreUnavailableError {
  return error instanceof ServiceError && error.code === 'DATABASE_UNAVAILABLE';
}
