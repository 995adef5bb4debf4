import type Database from 'better-sqlite3';
import type { Store } from './store';

/** The store method that clears out counts of failed sign-ins nothing needs any more. */
export type SignInHousekeepingMethods = Pick<Store, 'purgeSignInFailures'>;

/** Housekeeping of `sign_in_failures` on an open SQLite database. */
export function sqliteSignInHousekeeping(db: Database.Database): SignInHousekeepingMethods {
  // A row counts failures from window_start and may hold a lock until locked_until: once the
  // window is over and the lock (if any) has ended, the next failure would start afresh anyway.
  const purge = db.prepare(
    'DELETE FROM sign_in_failures WHERE window_start <= @windowOpenedBefore AND locked_until <= @now',
  );
  return {
    async purgeSignInFailures(windowOpenedBefore, now) {
      return purge.run({ windowOpenedBefore, now }).changes;
    },
  };
}
