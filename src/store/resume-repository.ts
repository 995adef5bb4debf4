import type { Selectable } from 'kysely';
import { chargeAttempt, NO_ATTEMPTS, settleAttempt } from '../resume/attempt-limit';
import type { SecretKind } from '../resume/saved-secret';
import type { Channel } from '../engine/answers';
import type { Db } from './database';
import type {
  AttemptCharge,
  AttemptLimit,
  AttemptRecord,
  AttemptSettled,
  AttemptSettlement,
  NewResumeCode,
  PurgeResult,
  ResumeCodeRecord,
  SaveCodeResult,
} from './resume-records';
import type { Tables } from './tables';

/** Save and return: codes found by a keyed digest, secrets hashed, tries limited. */
export interface ResumeRepository {
  /** Stores a draft's resume code, replacing its earlier one; 'taken' when a live code has it. */
  saveResumeCode(code: NewResumeCode, now: number): Promise<SaveCodeResult>;
  findResumeCode(codeDigest: string): Promise<ResumeCodeRecord | undefined>;
  /** Counts a resume of the code's draft and keeps the code at least until `expiresAt`. */
  recordResume(codeDigest: string, at: number, expiresAt: number): Promise<void>;
  /** Takes one try from a subject (a code, a client), atomically; refused while it is locked. */
  chargeResumeAttempt(subject: string, now: number, limit: AttemptLimit): Promise<AttemptCharge>;
  /** Ends a charged try: given back or forgiven on success; counted, maybe locking, on failure. */
  settleResumeAttempt(
    subject: string,
    now: number,
    settlement: AttemptSettlement,
    limit: AttemptLimit,
  ): Promise<AttemptSettled>;
  /**
   * Deletes expired codes and their drafts, drafts no code or live session reaches that were not
   * touched for `maxAgeMs`, and try counts older than that.
   */
  purgeExpired(now: number, maxAgeMs: number): Promise<PurgeResult>;
}

function toRecord(row: Selectable<Tables['resume_codes']>): ResumeCodeRecord {
  return {
    codeDigest: row.code_digest,
    draftId: row.draft_id,
    formId: row.form_id,
    secret: { kind: row.secret_kind as SecretKind, salt: row.secret_salt, hash: row.secret_hash },
    firstSavedAt: row.first_saved_at,
    savedAt: row.saved_at,
    expiresAt: row.expires_at,
    resumeCount: row.resume_count,
    lastResumedAt: row.last_resumed_at ?? undefined,
  };
}

/** The save-and-return repository on either database. */
export function resumeRepository(db: Db): ResumeRepository {
  const byDigest = ({ q }: Db, codeDigest: string) =>
    q
      .selectFrom('resume_codes')
      .selectAll()
      .where('code_digest', '=', codeDigest)
      .executeTakeFirst();

  // A subject's row, made if missing and held until the transaction ends (PostgreSQL), so two
  // processes taking tries at once never lose one; SQLite's write lock already holds the database.
  const heldAttempt = async ({ q, kind }: Db, subject: string): Promise<AttemptRecord> => {
    await q
      .insertInto('resume_attempts')
      .values({
        subject,
        failures: NO_ATTEMPTS.failures,
        locks: NO_ATTEMPTS.locks,
        last_tried_at: NO_ATTEMPTS.lastTriedAt,
        locked_until: NO_ATTEMPTS.lockedUntil,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
    const row = await q
      .selectFrom('resume_attempts')
      .select(['failures', 'locks', 'last_tried_at', 'locked_until'])
      .where('subject', '=', subject)
      .$if(kind === 'postgres', (query) => query.forUpdate())
      .executeTakeFirstOrThrow();
    return {
      failures: row.failures,
      locks: row.locks,
      lastTriedAt: row.last_tried_at,
      lockedUntil: row.locked_until,
    };
  };
  const writeAttempt = async ({ q }: Db, subject: string, record: AttemptRecord) => {
    await q
      .updateTable('resume_attempts')
      .set({
        failures: record.failures,
        locks: record.locks,
        last_tried_at: record.lastTriedAt,
        locked_until: record.lockedUntil,
      })
      .where('subject', '=', subject)
      .execute();
  };

  return {
    saveResumeCode(code, now) {
      return db.write(async (tx) => {
        await tx.q
          .deleteFrom('resume_codes')
          .where('code_digest', '=', code.codeDigest)
          .where('expires_at', '<=', now)
          .execute();
        const holder = await byDigest(tx, code.codeDigest);
        if (holder && holder.draft_id !== code.draftId) return 'taken';
        const earlier = await tx.q
          .selectFrom('resume_codes')
          .select('code_digest')
          .where('draft_id', '=', code.draftId)
          .executeTakeFirst();
        const secret = {
          code_digest: code.codeDigest,
          form_id: code.formId,
          secret_kind: code.secret.kind,
          secret_salt: code.secret.salt,
          secret_hash: code.secret.hash,
          saved_at: code.savedAt,
          expires_at: code.expiresAt,
        };
        await tx.q
          .insertInto('resume_codes')
          .values({ ...secret, draft_id: code.draftId, first_saved_at: code.savedAt })
          .onConflict((oc) => oc.column('draft_id').doUpdateSet(secret))
          .execute();
        return earlier ? 'replaced' : 'saved';
      });
    },
    async findResumeCode(codeDigest) {
      const row = await byDigest(db, codeDigest);
      return row ? toRecord(row) : undefined;
    },
    async recordResume(codeDigest, at, expiresAt) {
      await db.q
        .updateTable('resume_codes')
        .set((eb) => ({
          resume_count: eb('resume_count', '+', 1),
          last_resumed_at: at,
          expires_at: eb
            .case()
            .when('expires_at', '<', expiresAt)
            .then(expiresAt)
            .else(eb.ref('expires_at'))
            .end(),
        }))
        .where('code_digest', '=', codeDigest)
        .execute();
    },
    chargeResumeAttempt(subject, now, limit) {
      return db.write(async (tx) => {
        const { record, charge } = chargeAttempt(await heldAttempt(tx, subject), now, limit);
        await writeAttempt(tx, subject, record);
        return charge;
      });
    },
    settleResumeAttempt(subject, now, settlement, limit) {
      return db.write(async (tx) => {
        const current = await heldAttempt(tx, subject);
        const { record, settled } = settleAttempt(current, now, settlement, limit);
        await writeAttempt(tx, subject, record);
        return settled;
      });
    },
    purgeExpired(now, maxAgeMs) {
      return db.write(async ({ q }) => {
        const expired = await q
          .selectFrom('drafts as d')
          .innerJoin('resume_codes as c', 'c.draft_id', 'd.id')
          .select([
            'd.id',
            'd.form_id',
            'd.form_version',
            'd.language',
            'd.channel',
            'c.expires_at',
          ])
          .where('c.expires_at', '<=', now)
          .execute();
        const drafts = await q
          .deleteFrom('drafts')
          .where('id', 'in', (qb) =>
            qb.selectFrom('resume_codes').select('draft_id').where('expires_at', '<=', now),
          )
          .executeTakeFirst();
        const codes = await q
          .deleteFrom('resume_codes')
          .where('expires_at', '<=', now)
          .executeTakeFirst();
        // A draft nobody can reach any more: no code, no live session holding it, untouched for
        // the period a code would have lasted.
        const orphans = await q
          .deleteFrom('drafts')
          .where('updated_at', '<', now - maxAgeMs)
          .where(({ not, exists, selectFrom }) =>
            not(
              exists(
                selectFrom('resume_codes as c')
                  .select('c.draft_id')
                  .whereRef('c.draft_id', '=', 'drafts.id'),
              ),
            ),
          )
          .where(({ not, exists, selectFrom }) =>
            not(
              exists(
                selectFrom('session_drafts as sd')
                  .innerJoin('sessions as s', 's.id', 'sd.session_id')
                  .select('sd.draft_id')
                  .whereRef('sd.draft_id', '=', 'drafts.id')
                  .where('s.expires_at', '>', now),
              ),
            ),
          )
          .executeTakeFirst();
        const attempts = await q
          .deleteFrom('resume_attempts')
          .where('locked_until', '<=', now)
          .where('last_tried_at', '<', now - maxAgeMs)
          .executeTakeFirst();
        return {
          drafts: Number(drafts.numDeletedRows) + Number(orphans.numDeletedRows),
          codes: Number(codes.numDeletedRows),
          attempts: Number(attempts.numDeletedRows),
          expired: expired.map((row) => ({
            id: row.id,
            formId: row.form_id,
            formVersion: row.form_version,
            language: row.language,
            channel: row.channel as Channel,
            expiredAt: row.expires_at,
          })),
        };
      });
    },
  };
}
