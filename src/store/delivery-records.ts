/** The outbox's rows as the service sees them (src/store/delivery-repository.ts writes and reads them). */
import type { Selectable } from 'kysely';
import type { Tables } from './tables';

/** Where a delivery stands: still to do, done, or given up after the retry schedule. */
export type DeliveryStatus = 'pending' | 'delivered' | 'dead';

/** One submission's delivery to one destination: a row of the outbox. */
export interface Delivery {
  id: number;
  reference: string;
  formId: string;
  destination: string;
  /** `send`: the worker delivers it; `pull`: delivered when the agency gives a receipt. */
  kind: 'send' | 'pull';
  status: DeliveryStatus;
  attempts: number;
  /** When the worker may try next; undefined for a pull delivery, and once delivered or dead. */
  nextTryAt: number | undefined;
  claimedBy: string | undefined;
  claimedUntil: number | undefined;
  firstTriedAt: number | undefined;
  lastTriedAt: number | undefined;
  /** Why the last try failed, in a short technical line (`status: HTTP 500`); never an answer. */
  lastError: string | undefined;
  deliveredAt: number | undefined;
  /** The `webhook-id`: the same on every try. */
  webhookId: string;
  createdAt: number;
}

/** A destination a new submission goes to: its id, the `webhook-id`, and whether it is pulled. */
export interface DeliveryTarget {
  destination: string;
  webhookId: string;
  pull: boolean;
}

/** How many deliveries are in each status. */
export type DeliveryCounts = Record<DeliveryStatus, number>;

/** What follows a failed try: another at `nextTryAt`, or none (`dead`). */
export type FailedTry = { nextTryAt: number } | 'dead';

/** A position in a form's pull deliveries: the writing transaction and the row. */
export interface PullPosition {
  xact: number;
  id: number;
}

/** A row of the pull API's list: a submission and where it stands in commit order. */
export interface PullRow extends PullPosition {
  reference: string;
}

/** A row of the outbox as the service reads it: times as numbers, nothing stored as null. */
export function toDelivery(row: Selectable<Tables['deliveries']>): Delivery {
  const optional = (value: number | string | null) => value ?? undefined;
  return {
    id: Number(row.id),
    reference: row.reference,
    formId: row.form_id,
    destination: row.destination,
    kind: row.kind,
    status: row.status,
    attempts: row.attempts,
    nextTryAt: optional(row.next_try_at) as number | undefined,
    claimedBy: optional(row.claimed_by) as string | undefined,
    claimedUntil: optional(row.claimed_until) as number | undefined,
    firstTriedAt: optional(row.first_tried_at) as number | undefined,
    lastTriedAt: optional(row.last_tried_at) as number | undefined,
    lastError: optional(row.last_error) as string | undefined,
    deliveredAt: optional(row.delivered_at) as number | undefined,
    webhookId: row.webhook_id,
    createdAt: row.created_at,
  };
}
