import type { ApiKeyRepository } from './api-key-repository';
import type { BlobRepository } from './blob-repository';
import type { DatabaseKind } from './database';
import type { DeliveryRepository } from './delivery-repository';
import type { StoreInspector } from './inspector';
import type { StoreMaintenance } from './maintenance';
import type { EventRepository } from './event-repository';
import type { FormVersionRepository } from './form-version-repository';
import type { JobRepository } from './job-repository';
import type { JourneyRepository } from './journey-repository';
import type { ResumeRepository } from './resume-repository';
import type { SessionRepository } from './session-repository';
import type { StaffRepository } from './staff-repository';

export type { Submission, SubmitResult } from './journey-repository';

/** The repositories, one per aggregate; inside `tx` they share one transaction. */
export interface Repositories {
  readonly sessions: SessionRepository;
  /** Drafts and the submissions they become. */
  readonly journeys: JourneyRepository;
  /** Staff accounts, sign-in throttling and the audit trail. */
  readonly staff: StaffRepository;
  /** Save and return. */
  readonly resume: ResumeRepository;
  /** Journey events, satisfaction and feedback (the KPIs). */
  readonly events: EventRepository;
  /** Leases for periodic jobs run by one of N processes. */
  readonly jobs: JobRepository;
  /** The outbox: each submission's deliveries to its form's destinations. */
  readonly deliveries: DeliveryRepository;
  /** Pull API keys and the receipts agencies give with them. */
  readonly apiKeys: ApiKeyRepository;
  /** Published form versions (immutable) and the log of publishing and closing forms. */
  readonly formVersions: FormVersionRepository;
  /** Uploaded files kept in the database (the database blob store). */
  readonly blobs: BlobRepository;
}

/**
 * Everything the service keeps, on SQLite or PostgreSQL. SQL lives only behind this interface; every
 * method reports a database that cannot be used now as `StoreUnavailableError`, never in the
 * driver's terms.
 */
export interface Store extends Repositories {
  readonly kind: DatabaseKind;
  /**
   * Runs `fn` as one transaction: whatever it does through the repositories it is given commits
   * together or not at all (a submission and its delivery rows).
   */
  tx<T>(fn: (repositories: Repositories) => Promise<T>): Promise<T>;
  /**
   * Resolves when the database can be written: a write as large as a new session needs, committed
   * (and undone in the same transaction). Rejects with `StoreUnavailableError` otherwise.
   */
  ping(): Promise<void>;
  /** Read-only counts and rows of the tables, for tests and checks. */
  readonly inspect: StoreInspector;
  /** Whole-table work for moving a deployment between databases (`civic-forms migrate-data`). */
  readonly maintenance: StoreMaintenance;
  close(): Promise<void>;
}
