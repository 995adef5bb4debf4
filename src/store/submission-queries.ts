import type { Channel } from '../engine/answers';
import type { Db } from './database';
import { toSubmission, type Submission } from './journey-repository';
import {
  deliveryStateSql,
  type SubmissionListPage,
  type SubmissionDeliveryState,
  type SubmissionListQuery,
} from './submission-list';

/** Reading a form's submissions in bulk (the staff list, exports) and deleting one (retention). */
export interface SubmissionQueries {
  /**
   * A page of a form's submissions, newest first, with where each one's deliveries stand, and how
   * many match in all.
   */
  listSubmissions(query: SubmissionListQuery): Promise<SubmissionListPage>;
  /** Every submission of a form sent in [from, to), oldest first (for exports). */
  submissionsBetween(formId: string, from: number, to: number): Promise<Submission[]>;
  /**
   * Deletes a submission with its deliveries and receipt; the submission as it was, or undefined
   * when there was none. Meant for a transaction that has checked it may go (retention).
   */
  deleteSubmission(reference: string): Promise<Submission | undefined>;
}

/** The bulk submission queries on either database. */
export function submissionQueries(db: Db): SubmissionQueries {
  return {
    async listSubmissions(query) {
      const state = deliveryStateSql();
      const matching = db.q
        .selectFrom('submissions')
        .where('form_id', '=', query.formId)
        .$if(query.from !== undefined, (qb) => qb.where('submitted_at', '>=', query.from as number))
        .$if(query.to !== undefined, (qb) => qb.where('submitted_at', '<', query.to as number))
        .$if(query.channel !== undefined, (qb) =>
          qb.where('channel', '=', query.channel as Channel),
        )
        .$if(query.delivery !== undefined, (qb) =>
          qb.where(state, '=', query.delivery as SubmissionDeliveryState),
        );
      const counted = await matching
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .executeTakeFirst();
      const rows = await matching
        .select([
          'reference',
          'form_version',
          'language',
          'channel',
          'submitted_at',
          'received_on',
          state.as('delivery'),
        ])
        .orderBy('submitted_at', 'desc')
        .orderBy('reference', 'desc')
        .offset(Math.max(0, query.offset))
        .limit(Math.min(Math.max(query.limit, 1), 500))
        .execute();
      return {
        total: Number(counted?.n ?? 0),
        rows: rows.map((row) => ({
          reference: row.reference,
          formVersion: row.form_version,
          language: row.language,
          channel: row.channel as Channel,
          submittedAt: Number(row.submitted_at),
          ...(row.received_on !== null && { receivedOn: row.received_on }),
          delivery: row.delivery,
        })),
      };
    },
    async submissionsBetween(formId, from, to) {
      const rows = await db.q
        .selectFrom('submissions')
        .selectAll()
        .where('form_id', '=', formId)
        .where('submitted_at', '>=', from)
        .where('submitted_at', '<', to)
        .orderBy('submitted_at')
        .orderBy('reference')
        .execute();
      return rows.map(toSubmission);
    },
    deleteSubmission(reference) {
      return db.write(async ({ q }) => {
        const row = await q
          .selectFrom('submissions')
          .selectAll()
          .where('reference', '=', reference)
          .executeTakeFirst();
        if (!row) return undefined;
        await q.deleteFrom('deliveries').where('reference', '=', reference).execute();
        await q.deleteFrom('receipts').where('reference', '=', reference).execute();
        await q.deleteFrom('submissions').where('reference', '=', reference).execute();
        return toSubmission(row);
      });
    },
  };
}
