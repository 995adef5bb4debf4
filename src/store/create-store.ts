import type { Kysely } from 'kysely';
import { newReference } from '../engine/reference';
import { rootDb, type DatabaseKind, type Db } from './database';
import { mapDriverErrors, type DriverErrorMap } from './driver-errors';
import { StoreUnavailableError } from './store-unavailable';
import { apiKeyRepository } from './api-key-repository';
import { blobRepository } from './blob-repository';
import { deliveryRepository } from './delivery-repository';
import { eventRepository } from './event-repository';
import { formVersionRepository } from './form-version-repository';
import { jobRepository } from './job-repository';
import { journeyRepository } from './journey-repository';
import { resumeRepository } from './resume-repository';
import { sessionRepository } from './session-repository';
import { staffRepository } from './staff-repository';
import { storeInspector } from './inspector';
import { storeMaintenance } from './maintenance';
import type { Repositories, Store } from './store';
import type { Tables } from './tables';

/** What a store is built from besides its database: the clock and the reference generator. */
export interface StoreParts {
  /** Milliseconds since the epoch; `Date.now` by default. */
  clock?: () => number;
  /** New submission references; random unambiguous codes by default. */
  newReference?: () => string;
}

/** The row `ping` writes and removes: an id no session can have, and more than a page of data. */
const HEALTH_ROW_ID = 'health:check';
const HEALTH_ROW_DATA = 'x'.repeat(8192);

function repositories(db: Db, map: DriverErrorMap, isClosed: () => boolean): Repositories {
  return {
    sessions: mapDriverErrors(sessionRepository(db), map, isClosed),
    journeys: mapDriverErrors(journeyRepository(db), map, isClosed),
    staff: mapDriverErrors(staffRepository(db), map, isClosed),
    resume: mapDriverErrors(resumeRepository(db), map, isClosed),
    events: mapDriverErrors(eventRepository(db), map, isClosed),
    jobs: mapDriverErrors(jobRepository(db), map, isClosed),
    deliveries: mapDriverErrors(deliveryRepository(db), map, isClosed),
    apiKeys: mapDriverErrors(apiKeyRepository(db), map, isClosed),
    formVersions: mapDriverErrors(formVersionRepository(db), map, isClosed),
    blobs: mapDriverErrors(blobRepository(db), map, isClosed),
  };
}

/** A store on an open Kysely database: the same repositories whatever the database. */
export function createStore(
  kind: DatabaseKind,
  q: Kysely<Tables>,
  map: DriverErrorMap,
  parts: StoreParts & { close: () => Promise<void> },
): Store {
  const db = rootDb(kind, q, parts.clock ?? Date.now, parts.newReference ?? newReference);
  let closed = false;
  const isClosed = () => closed;
  const guarded = <T>(work: () => Promise<T>): Promise<T> =>
    closed
      ? Promise.reject(new StoreUnavailableError('connection closed', new Error('closed')))
      : work().catch((error: unknown) => Promise.reject(map(error)));
  return {
    kind,
    ...repositories(db, map, isClosed),
    tx: (fn) => guarded(() => db.write((joined) => fn(repositories(joined, map, isClosed)))),
    // A write as a new session needs (a new row, room for more than a page), then undone in the
    // same transaction: it fails when the disk or database is full, read-only or unreachable.
    ping: () =>
      guarded(() =>
        db.write(async ({ q: tx }) => {
          await tx.deleteFrom('sessions').where('id', '=', HEALTH_ROW_ID).execute();
          await tx
            .insertInto('sessions')
            .values({ id: HEALTH_ROW_ID, data: HEALTH_ROW_DATA, expires_at: 0, user_id: null })
            .execute();
          await tx.deleteFrom('sessions').where('id', '=', HEALTH_ROW_ID).execute();
        }),
      ),
    inspect: mapDriverErrors(storeInspector(db), map, isClosed),
    maintenance: mapDriverErrors(storeMaintenance(db), map, isClosed),
    close: async () => {
      if (closed) return;
      closed = true;
      await parts.close();
    },
  };
}
