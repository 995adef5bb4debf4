import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Answers, Channel, Draft } from '../engine/answers';
import { newReference } from '../engine/reference';
import { sqliteAccountChanges } from './sqlite-account-changes';
import { sqliteAccounts } from './sqlite-accounts';
import { sqliteAudit } from './sqlite-audit';
import { sqliteEvents } from './sqlite-events';
import { sqliteResume } from './sqlite-resume';
import { sqliteSignInHousekeeping } from './sqlite-sign-in-housekeeping';
import { mapSqliteErrors } from './sqlite-errors';
import { SQLITE_MIGRATIONS } from './sqlite-schema';
import type { Store, Submission, SubmitResult } from './store';

export interface SqliteOptions {
  /** The database file, or `:memory:`. */
  file: string;
  /** `normal` survives a crash of the process; `full` also a power cut, at a cost per write. */
  synchronous?: 'normal' | 'full';
  /**
   * The most pages the database may grow to (SQLite's `max_page_count`); past it, writes fail with
   * `SQLITE_FULL` exactly as on a full disk. No limit by default.
   */
  maxPageCount?: number;
}

/** The row `ping` writes and removes: an id no session can have, and more than a page of data. */
const HEALTH_ROW_ID = 'health:check';
const HEALTH_ROW_DATA = 'x'.repeat(8192);

interface DraftRow {
  id: string;
  form_id: string;
  form_version: string;
  answers: string;
  done: string;
  language: string;
  channel: string;
  caseworker_id: string | null;
  received_on: string | null;
  created_at: string;
  updated_at: string;
}

interface SubmissionRow {
  reference: string;
  transaction_id: string;
  form_id: string;
  form_version: string;
  answers: string;
  language: string;
  channel: string;
  submitted_at: string;
  caseworker_id: string | null;
  received_on: string | null;
}

function toDraft(row: DraftRow): Draft {
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

function toSubmission(row: SubmissionRow): Submission {
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

function migrate(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  SQLITE_MIGRATIONS.slice(version).forEach((sql, i) => {
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${version + i + 1}`);
    })();
  });
}

/**
 * Opens (and creates or upgrades) the embedded SQLite store: one file, WAL mode.
 *
 * @example
 *   const store = openSqliteStore({ file: 'data/civic-forms.sqlite' });
 */
export function openSqliteStore(options: SqliteOptions): Store {
  if (options.file !== ':memory:') fs.mkdirSync(path.dirname(options.file), { recursive: true });
  const db = new Database(options.file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${options.synchronous ?? 'normal'}`);
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  migrate(db);
  if (options.maxPageCount !== undefined) {
    db.pragma(`max_page_count = ${Math.trunc(options.maxPageCount)}`);
  }

  const sql = {
    getSession: db.prepare<[string, number], { data: string }>(
      'SELECT data FROM sessions WHERE id = ? AND expires_at > ?',
    ),
    setSession: db.prepare(
      `INSERT INTO sessions (id, data, expires_at) VALUES (?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET data = excluded.data, expires_at = excluded.expires_at`,
    ),
    touchSession: db.prepare('UPDATE sessions SET expires_at = ? WHERE id = ?'),
    destroySession: db.prepare('DELETE FROM sessions WHERE id = ?'),
    purgeSessions: db.prepare('DELETE FROM sessions WHERE expires_at <= ?'),
    getDraft: db.prepare<[string], DraftRow>('SELECT * FROM drafts WHERE id = ?'),
    saveDraft: db.prepare(
      `INSERT INTO drafts (id, form_id, form_version, answers, done, language, channel, caseworker_id, received_on, created_at, updated_at)
       VALUES (@id, @formId, @formVersion, @answers, @done, @language, @channel, @caseworkerId, @paperReceivedOn, @createdAt, @updatedAt)
       ON CONFLICT (id) DO UPDATE SET answers = excluded.answers, done = excluded.done,
         language = excluded.language, channel = excluded.channel, caseworker_id = excluded.caseworker_id,
         received_on = excluded.received_on, updated_at = excluded.updated_at`,
    ),
    deleteDraft: db.prepare('DELETE FROM drafts WHERE id = ?'),
    submissionByReference: db.prepare<[string], SubmissionRow>(
      'SELECT * FROM submissions WHERE reference = ?',
    ),
    submissionByTransaction: db.prepare<[string], SubmissionRow>(
      'SELECT * FROM submissions WHERE transaction_id = ?',
    ),
    insertSubmission: db.prepare(
      `INSERT INTO submissions (reference, transaction_id, form_id, form_version, answers, language, channel, submitted_at, caseworker_id, received_on)
       VALUES (@reference, @transactionId, @formId, @formVersion, @answers, @language, @channel, @submittedAt, @caseworkerId, @receivedOn)`,
    ),
    referenceTaken: db.prepare<[string], { one: number }>(
      'SELECT 1 AS one FROM submissions WHERE reference = ?',
    ),
    healthWrite: db.prepare('INSERT INTO sessions (id, data, expires_at) VALUES (?, ?, 0)'),
    healthUndo: db.prepare('DELETE FROM sessions WHERE id = ?'),
  };

  // A write as a new session needs (a new row, room for more than a page), committed, then undone
  // in the same transaction: it fails when the disk or database is full or read-only.
  const healthCheck = db.transaction(() => {
    sql.healthUndo.run(HEALTH_ROW_ID);
    sql.healthWrite.run(HEALTH_ROW_ID, HEALTH_ROW_DATA);
    sql.healthUndo.run(HEALTH_ROW_ID);
  });

  const submit = db.transaction(
    (draft: Draft, answers: Answers, submittedAt: string): SubmitResult => {
      const existing = sql.submissionByTransaction.get(draft.id);
      if (existing) return { submission: toSubmission(existing), created: false };
      let reference = newReference();
      while (sql.referenceTaken.get(reference)) reference = newReference();
      const submission: Submission = {
        reference,
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
      sql.insertSubmission.run({
        ...submission,
        answers: JSON.stringify(answers),
        caseworkerId: submission.caseworkerId ?? null,
        receivedOn: submission.receivedOn ?? null,
      });
      sql.deleteDraft.run(draft.id);
      return { submission, created: true };
    },
  );

  return mapSqliteErrors<Store>({
    kind: 'sqlite',
    async ping() {
      healthCheck.immediate();
    },
    async getSession(id, now) {
      return sql.getSession.get(id, now)?.data;
    },
    async setSession(id, data, expiresAt) {
      sql.setSession.run(id, data, expiresAt);
    },
    async touchSession(id, expiresAt) {
      sql.touchSession.run(expiresAt, id);
    },
    async destroySession(id) {
      sql.destroySession.run(id);
    },
    async getDraft(id) {
      const row = sql.getDraft.get(id);
      return row ? toDraft(row) : undefined;
    },
    async saveDraft(draft) {
      sql.saveDraft.run({
        ...draft,
        answers: JSON.stringify(draft.answers),
        done: JSON.stringify(draft.done),
        caseworkerId: draft.caseworkerId ?? null,
        paperReceivedOn: draft.paperReceivedOn ?? null,
      });
    },
    async deleteDraft(id) {
      sql.deleteDraft.run(id);
    },
    async submit(draft, answers, submittedAt) {
      return submit.immediate(draft, answers, submittedAt);
    },
    async findSubmission(reference) {
      const row = sql.submissionByReference.get(reference);
      return row ? toSubmission(row) : undefined;
    },
    async findSubmissionByTransaction(transactionId) {
      const row = sql.submissionByTransaction.get(transactionId);
      return row ? toSubmission(row) : undefined;
    },
    async purgeExpiredSessions(now) {
      return sql.purgeSessions.run(now).changes;
    },
    ...sqliteAccounts(db),
    ...sqliteAccountChanges(db),
    ...sqliteAudit(db),
    ...sqliteEvents(db),
    ...sqliteResume(db),
    ...sqliteSignInHousekeeping(db),
    async close() {
      if (db.open) db.close();
    },
  });
}
