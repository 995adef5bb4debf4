import type { Selectable } from 'kysely';
import type { Answers, Channel, Draft } from '../engine/answers';
import type { Db } from './database';
import type { Tables } from './tables';
import { precompiled } from './precompiled';
import { submissionQueries, type SubmissionQueries } from './submission-queries';

/** A finished transaction, as stored. Times are milliseconds since the epoch. */
export interface Submission {
  reference: string;
  transactionId: string;
  formId: string;
  formVersion: string;
  answers: Answers;
  language: string;
  channel: Channel;
  submittedAt: number;
  /** The member of staff who sent it for a caller or keyed it in from paper (account id). */
  caseworkerId?: string;
  /** When a paper form came back by post (`YYYY-MM-DD`). */
  receivedOn?: string;
}

/** What `submit` did: stored a new submission, or found the one this transaction already made. */
export interface SubmitResult {
  submission: Submission;
  created: boolean;
}

/** Journeys in progress (drafts) and the submissions they become. */
export interface JourneyRepository extends SubmissionQueries {
  getDraft(id: string): Promise<Draft | undefined>;
  saveDraft(draft: Draft): Promise<void>;
  deleteDraft(id: string): Promise<void>;
  /**
   * Turns a draft into a submission in one transaction: either the whole submission is stored and
   * the draft removed, or nothing changes. Idempotent, on N processes too: submitting the same
   * transaction again gives back the first submission.
   */
  submit(draft: Draft, answers: Answers, submittedAt: number): Promise<SubmitResult>;
  findSubmission(reference: string): Promise<Submission | undefined>;
  findSubmissionByTransaction(transactionId: string): Promise<Submission | undefined>;
}

/** A drafts row as the service reads it. */
export function toDraft(row: Selectable<Tables['drafts']>): Draft {
  return {
    id: row.id,
    formId: row.form_id,
    formVersion: row.form_version,
    answers: JSON.parse(row.answers) as Answers,
    done: JSON.parse(row.done) as string[],
    language: row.language,
    channel: row.channel as Channel,
    ...(row.caseworker_id !== null && { caseworkerId: row.caseworker_id }),
    ...(row.received_on !== null && { paperReceivedOn: row.received_on }),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** A submissions row as the service reads it. */
export function toSubmission(row: Selectable<Tables['submissions']>): Submission {
  return {
    reference: row.reference,
    transactionId: row.transaction_id,
    formId: row.form_id,
    formVersion: row.form_version,
    answers: JSON.parse(row.answers) as Answers,
    language: row.language,
    channel: row.channel as Channel,
    submittedAt: row.submitted_at,
    ...(row.caseworker_id !== null && { caseworkerId: row.caseworker_id }),
    ...(row.received_on !== null && { receivedOn: row.received_on }),
  };
}

const draftById = precompiled((q, id: string) =>
  q.selectFrom('drafts').selectAll().where('id', '=', id),
);

/** Writes a draft, new or not: every answer is saved before the page moves on. */
const upsertDraft = precompiled(
  (
    q,
    id: string,
    formId: string,
    formVersion: string,
    createdAt: number,
    answers: string,
    done: string,
    language: string,
    channel: string,
    caseworkerId: string | null,
    receivedOn: string | null,
    updatedAt: number,
  ) => {
    const row = {
      answers,
      done,
      language,
      channel,
      caseworker_id: caseworkerId,
      received_on: receivedOn,
      updated_at: updatedAt,
    };
    return q
      .insertInto('drafts')
      .values({ ...row, id, form_id: formId, form_version: formVersion, created_at: createdAt })
      .onConflict((oc) => oc.column('id').doUpdateSet(row));
  },
);

/** The journey repository on either database. */
export function journeyRepository(db: Db): JourneyRepository {
  const byTransaction = async ({ q }: Db, transactionId: string) => {
    const row = await q
      .selectFrom('submissions')
      .selectAll()
      .where('transaction_id', '=', transactionId)
      .executeTakeFirst();
    return row ? toSubmission(row) : undefined;
  };
  return {
    async getDraft(id) {
      const { rows } = await draftById(db, id);
      return rows[0] ? toDraft(rows[0]) : undefined;
    },
    async saveDraft(draft) {
      await upsertDraft(
        db,
        draft.id,
        draft.formId,
        draft.formVersion,
        draft.createdAt,
        JSON.stringify(draft.answers),
        JSON.stringify(draft.done),
        draft.language,
        draft.channel,
        draft.caseworkerId ?? null,
        draft.paperReceivedOn ?? null,
        draft.updatedAt,
      );
    },
    async deleteDraft(id) {
      await db.q.deleteFrom('drafts').where('id', '=', id).execute();
    },
    submit(draft, answers, submittedAt) {
      return db.write(async (tx) => {
        const existing = await byTransaction(tx, draft.id);
        if (existing) return { submission: existing, created: false };
        for (;;) {
          const submission: Submission = {
            reference: tx.newReference(),
            transactionId: draft.id,
            formId: draft.formId,
            formVersion: draft.formVersion,
            answers,
            language: draft.language,
            channel: draft.channel,
            submittedAt,
            ...(draft.caseworkerId && { caseworkerId: draft.caseworkerId }),
            ...(draft.paperReceivedOn && { receivedOn: draft.paperReceivedOn }),
          };
          // Another process submitting the same transaction at this moment holds its row: this
          // insert waits for it, then does nothing, and the row it made is read below.
          const inserted = await tx.q
            .insertInto('submissions')
            .values({
              reference: submission.reference,
              transaction_id: submission.transactionId,
              form_id: submission.formId,
              form_version: submission.formVersion,
              answers: JSON.stringify(answers),
              language: submission.language,
              channel: submission.channel,
              submitted_at: submittedAt,
              caseworker_id: submission.caseworkerId ?? null,
              received_on: submission.receivedOn ?? null,
            })
            .onConflict((oc) => oc.doNothing())
            .executeTakeFirst();
          if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) {
            await tx.q.deleteFrom('drafts').where('id', '=', draft.id).execute();
            return { submission, created: true };
          }
          const made = await byTransaction(tx, draft.id);
          if (made) return { submission: made, created: false };
          // Otherwise the reference was taken: draw another.
        }
      });
    },
    async findSubmission(reference) {
      const row = await db.q
        .selectFrom('submissions')
        .selectAll()
        .where('reference', '=', reference)
        .executeTakeFirst();
      return row ? toSubmission(row) : undefined;
    },
    findSubmissionByTransaction: (transactionId) => byTransaction(db, transactionId),
    ...submissionQueries(db),
  };
}
