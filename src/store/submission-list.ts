/** The staff list of a form's submissions: what it asks the store and what it gets back. */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Channel } from '../engine/answers';

/**
 * Where a submission's deliveries stand, all destinations together: `dead` when any stopped
 * trying, else `failing` when any try failed and another is due, else `pending` while any is
 * waiting (to be sent, or for the agency's receipt), else `delivered`; `none` for a form that
 * sends its submissions nowhere.
 */
export type SubmissionDeliveryState = 'none' | 'pending' | 'delivered' | 'failing' | 'dead';

/** The delivery states staff can filter by. */
export const DELIVERY_STATES = ['pending', 'delivered', 'failing', 'dead'] as const;

/** Which submissions of a form to list: newest first, a page at a time. */
export interface SubmissionListQuery {
  formId: string;
  /** Milliseconds since the epoch: submitted at or after this. */
  from?: number;
  /** Milliseconds since the epoch: submitted before this. */
  to?: number;
  channel?: Channel;
  delivery?: (typeof DELIVERY_STATES)[number];
  /** How many of the newest matching to pass over. */
  offset: number;
  limit: number;
}

/** A row of the list: enough to find the submission, never an answer. */
export interface SubmissionListRow {
  reference: string;
  formVersion: string;
  language: string;
  channel: Channel;
  submittedAt: number;
  receivedOn?: string;
  delivery: SubmissionDeliveryState;
}

/** A page of the list and how many submissions match in all. */
export interface SubmissionListPage {
  total: number;
  rows: SubmissionListRow[];
}

/** Whether the submission in the outer query has a delivery matching `condition` (raw SQL). */
const hasDelivery = (condition: string) =>
  sql<SqlBool>`EXISTS (SELECT 1 FROM deliveries d WHERE d.reference = submissions.reference AND ${sql.raw(condition)})`;

/**
 * The delivery state of the submission in the outer query, as one SQL expression the list both
 * shows and filters by (the same on SQLite and PostgreSQL; each EXISTS uses the deliveries'
 * `(reference, destination)` key).
 */
export function deliveryStateSql(): RawBuilder<SubmissionDeliveryState> {
  return sql<SubmissionDeliveryState>`CASE
    WHEN ${hasDelivery("d.status = 'dead'")} THEN 'dead'
    WHEN ${hasDelivery("d.status = 'pending' AND d.kind = 'send' AND d.attempts > 0")} THEN 'failing'
    WHEN ${hasDelivery("d.status = 'pending'")} THEN 'pending'
    WHEN ${hasDelivery('1 = 1')} THEN 'delivered'
    ELSE 'none' END`;
}
