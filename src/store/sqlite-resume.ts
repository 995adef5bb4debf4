import type Database from 'better-sqlite3';
import { chargeAttempt, NO_ATTEMPTS, settleAttempt } from '../resume/attempt-limit';
import type { SecretKind } from '../resume/saved-secret';
import type {
  AttemptLimit,
  AttemptRecord,
  AttemptSettlement,
  ExpiredDraft,
  NewResumeCode,
  PurgeResult,
  ResumeCodeRecord,
} from './resume-records';
import type { Store } from './store';

/** The store methods for save and return: resume codes, attempt limits, the clean-up. */
export type ResumeMethods = Pick<
  Store,
  | 'saveResumeCode'
  | 'findResumeCode'
  | 'recordResume'
  | 'chargeResumeAttempt'
  | 'settleResumeAttempt'
  | 'purgeExpired'
>;

interface CodeRow {
  code_digest: string;
  draft_id: string;
  form_id: string;
  secret_kind: string;
  secret_salt: string;
  secret_hash: string;
  first_saved_at: number;
  saved_at: number;
  expires_at: number;
  resume_count: number;
  last_resumed_at: number | null;
}

interface AttemptRow {
  failures: number;
  locks: number;
  last_tried_at: number;
  locked_until: number;
}

function toRecord(row: CodeRow): ResumeCodeRecord {
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

/** Save and return on an open SQLite database (tables from the resume migration). */
export function sqliteResume(db: Database.Database): ResumeMethods {
  const sql = {
    dropExpiredDigest: db.prepare(
      'DELETE FROM resume_codes WHERE code_digest = ? AND expires_at <= ?',
    ),
    codeByDigest: db.prepare<[string], CodeRow>('SELECT * FROM resume_codes WHERE code_digest = ?'),
    codeOfDraft: db.prepare<[string], { one: number }>(
      'SELECT 1 AS one FROM resume_codes WHERE draft_id = ?',
    ),
    saveCode: db.prepare(
      `INSERT INTO resume_codes (code_digest, draft_id, form_id, secret_kind, secret_salt,
         secret_hash, first_saved_at, saved_at, expires_at)
       VALUES (@codeDigest, @draftId, @formId, @kind, @salt, @hash, @savedAt, @savedAt, @expiresAt)
       ON CONFLICT (draft_id) DO UPDATE SET code_digest = excluded.code_digest,
         form_id = excluded.form_id, secret_kind = excluded.secret_kind,
         secret_salt = excluded.secret_salt, secret_hash = excluded.secret_hash,
         saved_at = excluded.saved_at, expires_at = excluded.expires_at`,
    ),
    recordResume: db.prepare(
      `UPDATE resume_codes SET resume_count = resume_count + 1, last_resumed_at = @at,
         expires_at = MAX(expires_at, @expiresAt) WHERE code_digest = @codeDigest`,
    ),
    attempt: db.prepare<[string], AttemptRow>(
      'SELECT failures, locks, last_tried_at, locked_until FROM resume_attempts WHERE subject = ?',
    ),
    putAttempt: db.prepare(
      `INSERT INTO resume_attempts (subject, failures, locks, last_tried_at, locked_until)
       VALUES (@subject, @failures, @locks, @lastTriedAt, @lockedUntil)
       ON CONFLICT (subject) DO UPDATE SET failures = excluded.failures, locks = excluded.locks,
         last_tried_at = excluded.last_tried_at, locked_until = excluded.locked_until`,
    ),
    expiredDrafts: db.prepare<[number], ExpiredDraft>(
      `SELECT d.id, d.form_id AS formId, d.form_version AS formVersion, d.language, d.channel,
         c.expires_at AS expiredAt FROM drafts d JOIN resume_codes c ON c.draft_id = d.id
       WHERE c.expires_at <= ?`,
    ),
    purgeExpiredDrafts: db.prepare(
      'DELETE FROM drafts WHERE id IN (SELECT draft_id FROM resume_codes WHERE expires_at <= ?)',
    ),
    purgeExpiredCodes: db.prepare('DELETE FROM resume_codes WHERE expires_at <= ?'),
    // A draft nobody can reach any more: no code, no live session pointing at it, untouched for
    // the period a code would have lasted.
    purgeOrphanedDrafts: db.prepare(
      `DELETE FROM drafts WHERE updated_at < @before
         AND NOT EXISTS (SELECT 1 FROM resume_codes c WHERE c.draft_id = drafts.id)
         AND NOT EXISTS (SELECT 1 FROM sessions s WHERE s.expires_at > @now
                           AND instr(s.data, drafts.id) > 0)`,
    ),
    purgeAttempts: db.prepare(
      'DELETE FROM resume_attempts WHERE locked_until <= @now AND last_tried_at < @since',
    ),
  };

  const readAttempt = (subject: string): AttemptRecord => {
    const row = sql.attempt.get(subject);
    return row
      ? {
          failures: row.failures,
          locks: row.locks,
          lastTriedAt: row.last_tried_at,
          lockedUntil: row.locked_until,
        }
      : { ...NO_ATTEMPTS };
  };
  const writeAttempt = (subject: string, record: AttemptRecord) =>
    sql.putAttempt.run({ subject, ...record });

  const saveCode = db.transaction((code: NewResumeCode, now: number) => {
    sql.dropExpiredDigest.run(code.codeDigest, now);
    const holder = sql.codeByDigest.get(code.codeDigest);
    if (holder && holder.draft_id !== code.draftId) return 'taken' as const;
    const replacing = sql.codeOfDraft.get(code.draftId) !== undefined;
    sql.saveCode.run({
      codeDigest: code.codeDigest,
      draftId: code.draftId,
      formId: code.formId,
      kind: code.secret.kind,
      salt: code.secret.salt,
      hash: code.secret.hash,
      savedAt: code.savedAt,
      expiresAt: code.expiresAt,
    });
    return replacing ? ('replaced' as const) : ('saved' as const);
  });
  const charge = db.transaction((subject: string, now: number, limit: AttemptLimit) => {
    const { record, charge: result } = chargeAttempt(readAttempt(subject), now, limit);
    writeAttempt(subject, record);
    return result;
  });
  const settle = db.transaction(
    (subject: string, now: number, settlement: AttemptSettlement, limit: AttemptLimit) => {
      const { record, settled } = settleAttempt(readAttempt(subject), now, settlement, limit);
      writeAttempt(subject, record);
      return settled;
    },
  );
  const purge = db.transaction((now: number, maxAgeMs: number): PurgeResult => {
    const expired = sql.expiredDrafts.all(now);
    const drafts = sql.purgeExpiredDrafts.run(now).changes;
    const codes = sql.purgeExpiredCodes.run(now).changes;
    const before = new Date(now - maxAgeMs).toISOString();
    const orphans = sql.purgeOrphanedDrafts.run({ before, now }).changes;
    const attempts = sql.purgeAttempts.run({ now, since: now - maxAgeMs }).changes;
    return { drafts: drafts + orphans, codes, attempts, expired };
  });

  return {
    async saveResumeCode(code, now) {
      return saveCode.immediate(code, now);
    },
    async findResumeCode(codeDigest) {
      const row = sql.codeByDigest.get(codeDigest);
      return row ? toRecord(row) : undefined;
    },
    async recordResume(codeDigest, at, expiresAt) {
      sql.recordResume.run({ codeDigest, at, expiresAt });
    },
    async chargeResumeAttempt(subject, now, limit) {
      return charge.immediate(subject, now, limit);
    },
    async settleResumeAttempt(subject, now, settlement, limit) {
      return settle.immediate(subject, now, settlement, limit);
    },
    async purgeExpired(now, maxAgeMs) {
      return purge.immediate(now, maxAgeMs);
    },
  };
}
