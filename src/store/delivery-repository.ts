import { sql } from 'kysely';
import type { Db } from './database';
import {
  toDelivery,
  type Delivery,
  type DeliveryCounts,
  type DeliveryStatus,
  type DeliveryTarget,
  type FailedTry,
  type PullPosition,
  type PullRow,
} from './delivery-records';

export type {
  Delivery,
  DeliveryCounts,
  DeliveryStatus,
  DeliveryTarget,
  FailedTry,
  PullPosition,
  PullRow,
} from './delivery-records';

/** The outbox: rows written in the submission's transaction, claimed and recorded by the workers. */
export interface DeliveryRepository {
  /**
   * Adds a submission's deliveries, due at once (a pull delivery waits for a receipt). Meant for
   * the submission's own transaction: `store.tx(t => ... t.deliveries.enqueue(...))`.
   */
  enqueue(reference: string, formId: string, targets: readonly DeliveryTarget[]): Promise<void>;
  /**
   * Claims up to `limit` due deliveries for `workerId` until `now + leaseMs`: pending, due, and not
   * claimed by another worker whose claim still runs. One worker at a time holds a row, on N
   * processes too (row locks skipped on PostgreSQL, the write lock on SQLite).
   */
  claimDue(workerId: string, now: number, leaseMs: number, limit: number): Promise<Delivery[]>;
  /** Records a try that worked; false when the row is no longer this worker's to record. */
  markDelivered(id: number, workerId: string, at: number): Promise<boolean>;
  /** Records a try that failed, and the next try or the end; false as for `markDelivered`. */
  markFailed(
    id: number,
    workerId: string,
    failure: { at: number; error: string; next: FailedTry },
  ): Promise<boolean>;
  /** A submission's deliveries, by destination id. */
  listForSubmission(reference: string): Promise<Delivery[]>;
  /**
   * Makes a dead (or pending) send delivery due now, with a fresh retry schedule; false when there
   * is none to retry (delivered, a pull delivery, or no such row).
   */
  retry(reference: string, destination: string, now: number): Promise<boolean>;
  /**
   * Deliveries newest first, of one status or form or all, at most `limit` (100 by default);
   * `forms` keeps only those of the forms named (`only`) or of every form but those (`except`):
   * an agency's, whose forms its file lists (see `DeliveryListFilter`).
   */
  list(filter?: DeliveryListFilter): Promise<Delivery[]>;
  /** How many deliveries are pending, delivered and dead, of one form or of all. */
  counts(formId?: string): Promise<DeliveryCounts>;
  /** Marks a submission's pull deliveries delivered (its receipt came); how many were. */
  markPulled(reference: string, at: number): Promise<number>;
  /**
   * A page of a form's pull deliveries in commit order, after a cursor position. On PostgreSQL
   * only rows whose transactions are older than every transaction still running are given, so a
   * submission that commits late is never skipped by a cursor that moved past it.
   */
  pullPage(formId: string, after: PullPosition | undefined, limit: number): Promise<PullRow[]>;
  /**
   * Sends delivered submissions again (a receiver lost them): each delivered send delivery matching
   * is made due at `now` with a fresh retry schedule and its same `webhook-id`. Returns those made
   * due. Pull deliveries are left alone: the agency fetches a submission again by its reference.
   */
  replay(filter: ReplayFilter, now: number): Promise<Delivery[]>;
  /**
   * Up to `limit` references of submissions that have deliveries, every one of them delivered (a
   * pull delivery: its receipt given) at or before `cutoff`: what retention may delete.
   */
  settledBefore(cutoff: number, limit: number): Promise<string[]>;
}

/** Which delivered deliveries to send again: one submission's, or a form's delivered since a time. */
/** Which deliveries `list` gives. */
export interface DeliveryListFilter {
  status?: DeliveryStatus;
  formId?: string;
  /** Only the deliveries of these forms, or of every form except these. */
  forms?: { only: readonly string[] } | { except: readonly string[] };
  limit?: number;
}

export interface ReplayFilter {
  reference?: string;
  formId?: string;
  /** Delivered at or after this (milliseconds since the epoch). */
  deliveredSince?: number;
  /** Only to this destination. */
  destination?: string;
}

/** The outbox repository on either database. */
export function deliveryRepository(db: Db): DeliveryRepository {
  return {
    async enqueue(reference, formId, targets) {
      if (targets.length === 0) return;
      const now = db.now();
      await db.q
        .insertInto('deliveries')
        .values(
          targets.map((target) => ({
            reference,
            form_id: formId,
            destination: target.destination,
            kind: target.pull ? ('pull' as const) : ('send' as const),
            status: 'pending' as const,
            attempts: 0,
            next_try_at: target.pull ? null : now,
            webhook_id: target.webhookId,
            created_at: now,
          })),
        )
        .execute();
    },
    claimDue(workerId, now, leaseMs, limit) {
      return db.write(async ({ q }) => {
        const due = await q
          .selectFrom('deliveries')
          .select('id')
          .where('status', '=', 'pending')
          .where('kind', '=', 'send')
          .where('next_try_at', '<=', now)
          .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]))
          .orderBy('next_try_at')
          .limit(limit)
          // Another worker's rows are passed over, not waited for: each claims different ones.
          .$if(db.kind === 'postgres', (qb) => qb.forUpdate().skipLocked())
          .execute();
        if (due.length === 0) return [];
        const rows = await q
          .updateTable('deliveries')
          .set({ claimed_by: workerId, claimed_until: now + leaseMs })
          .where(
            'id',
            'in',
            due.map((row) => row.id),
          )
          .returningAll()
          .execute();
        return rows.map(toDelivery).sort((a, b) => a.id - b.id);
      });
    },
    async markDelivered(id, workerId, at) {
      const result = await db.q
        .updateTable('deliveries')
        .set({
          status: 'delivered',
          attempts: sql<number>`attempts + 1`,
          delivered_at: at,
          first_tried_at: sql<number>`COALESCE(first_tried_at, ${at})`,
          last_tried_at: at,
          next_try_at: null,
          claimed_by: null,
          claimed_until: null,
        })
        .where('id', '=', id)
        .where('claimed_by', '=', workerId)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async markFailed(id, workerId, { at, error, next }) {
      const result = await db.q
        .updateTable('deliveries')
        .set({
          status: next === 'dead' ? 'dead' : 'pending',
          attempts: sql<number>`attempts + 1`,
          first_tried_at: sql<number>`COALESCE(first_tried_at, ${at})`,
          last_tried_at: at,
          last_error: error.slice(0, 500),
          next_try_at: next === 'dead' ? null : next.nextTryAt,
          claimed_by: null,
          claimed_until: null,
        })
        .where('id', '=', id)
        .where('claimed_by', '=', workerId)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async listForSubmission(reference) {
      const rows = await db.q
        .selectFrom('deliveries')
        .selectAll()
        .where('reference', '=', reference)
        .orderBy('destination')
        .execute();
      return rows.map(toDelivery);
    },
    async retry(reference, destination, now) {
      const result = await db.q
        .updateTable('deliveries')
        .set({
          status: 'pending',
          next_try_at: now,
          first_tried_at: null,
          attempts: 0,
          claimed_by: null,
          claimed_until: null,
        })
        .where('reference', '=', reference)
        .where('destination', '=', destination)
        .where('kind', '=', 'send')
        .where('status', '!=', 'delivered')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async list(filter = {}) {
      const only = filter.forms && 'only' in filter.forms ? [...filter.forms.only] : undefined;
      const except = filter.forms && 'except' in filter.forms ? [...filter.forms.except] : [];
      // `in ()` is no SQL: no forms at all, no deliveries.
      if (only?.length === 0) return [];
      const rows = await db.q
        .selectFrom('deliveries')
        .selectAll()
        .$if(filter.status !== undefined, (qb) =>
          qb.where('status', '=', filter.status as DeliveryStatus),
        )
        .$if(filter.formId !== undefined, (qb) => qb.where('form_id', '=', filter.formId as string))
        .$if(only !== undefined, (qb) => qb.where('form_id', 'in', only as string[]))
        .$if(except.length > 0, (qb) => qb.where('form_id', 'not in', except))
        .orderBy('id', 'desc')
        .limit(Math.min(Math.max(filter.limit ?? 100, 1), 10_000))
        .execute();
      return rows.map(toDelivery);
    },
    async counts(formId) {
      const rows = await db.q
        .selectFrom('deliveries')
        .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
        .$if(formId !== undefined, (qb) => qb.where('form_id', '=', formId as string))
        .groupBy('status')
        .execute();
      const counts: DeliveryCounts = { pending: 0, delivered: 0, dead: 0 };
      for (const row of rows) counts[row.status] = Number(row.n);
      return counts;
    },
    async markPulled(reference, at) {
      const result = await db.q
        .updateTable('deliveries')
        .set({ status: 'delivered', delivered_at: at, attempts: sql<number>`attempts + 1` })
        .where('reference', '=', reference)
        .where('kind', '=', 'pull')
        .where('status', '=', 'pending')
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
    async pullPage(formId, after, limit) {
      const rows = await db.q
        .selectFrom('deliveries')
        .select(['id', 'xact', 'reference'])
        .where('form_id', '=', formId)
        .where('kind', '=', 'pull')
        .$if(after !== undefined, (qb) =>
          qb.where((eb) =>
            eb.or([
              eb('xact', '>', after?.xact ?? 0),
              eb.and([eb('xact', '=', after?.xact ?? 0), eb('id', '>', after?.id ?? 0)]),
            ]),
          ),
        )
        // Only transactions that every snapshot now sees as ended: a lower id may still commit.
        .$if(db.kind === 'postgres', (qb) =>
          qb.where(
            'xact',
            '<',
            sql<number>`(pg_snapshot_xmin(pg_current_snapshot())::text::bigint)`,
          ),
        )
        .orderBy('xact')
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map((row) => ({
        id: Number(row.id),
        xact: Number(row.xact),
        reference: row.reference,
      }));
    },
    replay(filter, now) {
      if (filter.reference === undefined && filter.formId === undefined) {
        throw new TypeError('replay needs a reference or a form');
      }
      return db.write(async ({ q }) => {
        const rows = await q
          .updateTable('deliveries')
          .set({
            status: 'pending',
            next_try_at: now,
            first_tried_at: null,
            attempts: 0,
            delivered_at: null,
            claimed_by: null,
            claimed_until: null,
          })
          .where('kind', '=', 'send')
          .where('status', '=', 'delivered')
          .$if(filter.reference !== undefined, (qb) =>
            qb.where('reference', '=', filter.reference as string),
          )
          .$if(filter.formId !== undefined, (qb) =>
            qb.where('form_id', '=', filter.formId as string),
          )
          .$if(filter.deliveredSince !== undefined, (qb) =>
            qb.where('delivered_at', '>=', filter.deliveredSince as number),
          )
          .$if(filter.destination !== undefined, (qb) =>
            qb.where('destination', '=', filter.destination as string),
          )
          .returningAll()
          .execute();
        return rows.map(toDelivery).sort((a, b) => a.id - b.id);
      });
    },
    async settledBefore(cutoff, limit) {
      const rows = await db.q
        .selectFrom('deliveries as done')
        .select('done.reference')
        .where('done.status', '=', 'delivered')
        .where('done.delivered_at', '<=', cutoff)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('deliveries as other')
                .select('other.id')
                .whereRef('other.reference', '=', 'done.reference')
                .where((eb) =>
                  eb.or([
                    eb('other.status', '!=', 'delivered'),
                    eb('other.delivered_at', '>', cutoff),
                  ]),
                ),
            ),
          ),
        )
        .groupBy('done.reference')
        .orderBy('done.reference')
        .limit(limit)
        .execute();
      return rows.map((row) => row.reference);
    },
  };
}
