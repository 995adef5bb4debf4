import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Draft } from '../../src/engine/answers';
import { openSqliteStore } from '../../src/store/sqlite-store';
import type { Store } from '../../src/store/store';

/** Amara's parking permit application, part way through: a car, a Welsh-language journey. */
function amarasDraft(): Draft {
  return {
    id: '6f1d2c5e-8a4b-4d1e-9c3f-2b7a9e0d4c11',
    formId: 'parking-permit',
    formVersion: '1.0',
    answers: {
      'live-in-zone': 'yes',
      'full-name': 'Amara Okafor',
      phone: '01632 960001',
      'has-vehicles': 'yes',
      vehicles: [
        { id: '3f9c2a1b', answers: { registration: 'AB12CDE', fuel: 'electric', charging: 'yes' } },
      ],
    },
    done: [
      'live-in-zone',
      'full-name',
      'contact',
      'has-vehicles',
      'vehicles/3f9c2a1b/registration',
    ],
    language: 'cy',
    channel: 'online',
    createdAt: Date.parse('2025-06-15T09:12:03.000Z'),
    updatedAt: Date.parse('2025-06-15T09:14:40.000Z'),
  };
}

const SUBMITTED_AT = Date.parse('2025-06-15T09:21:57.000Z');
const REFERENCE =
  /^[34679ACDEFGHJKMNPQRTWXY]{4}-[34679ACDEFGHJKMNPQRTWXY]{4}-[34679ACDEFGHJKMNPQRTWXY]{2}$/;

describe('sqlite-store', () => {
  let dir: string;
  let file: string;
  let store: Store;
  /** A second connection to the same file, as another process (or an operator) would have. */
  let other: Database.Database;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'civic-forms-store-'));
    file = path.join(dir, 'data', 'civic-forms.sqlite');
    store = openSqliteStore({ file });
    other = new Database(file);
  });

  afterEach(async () => {
    other.close();
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  // Errors are matched by their message: better-sqlite3's native code may build them from another
  // jest module registry's classes, which instanceof (and so toThrow) does not recognise.
  const count = (table: 'drafts' | 'submissions' | 'sessions') =>
    (other.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

  describe('drafts', () => {
    it('gives a saved draft back as it was saved', async () => {
      await store.journeys.saveDraft(amarasDraft());
      expect(await store.journeys.getDraft(amarasDraft().id)).toEqual(amarasDraft());
    });

    it('updates the answers and progress of a saved draft, keeping when it was started', async () => {
      await store.journeys.saveDraft(amarasDraft());
      const later: Draft = {
        ...amarasDraft(),
        answers: { ...amarasDraft().answers, email: 'amara.okafor@example.com' },
        done: [...amarasDraft().done, 'vehicles/3f9c2a1b/fuel'],
        createdAt: Date.parse('2025-06-15T10:00:00.000Z'),
        updatedAt: Date.parse('2025-06-15T09:16:02.000Z'),
      };
      await store.journeys.saveDraft(later);
      expect(await store.journeys.getDraft(later.id)).toEqual({
        ...later,
        createdAt: amarasDraft().createdAt,
      });
      expect(count('drafts')).toBe(1);
    });

    it('gives nothing for a draft it does not have, or one deleted', async () => {
      expect(await store.journeys.getDraft('0b0c4f7e-0000-4000-8000-000000000000')).toBeUndefined();
      await store.journeys.saveDraft(amarasDraft());
      await store.journeys.deleteDraft(amarasDraft().id);
      expect(await store.journeys.getDraft(amarasDraft().id)).toBeUndefined();
    });
  });

  describe('submit', () => {
    it('stores the submission under a new reference and removes the draft', async () => {
      const draft = amarasDraft();
      await store.journeys.saveDraft(draft);
      const { submission, created } = await store.journeys.submit(
        draft,
        draft.answers,
        SUBMITTED_AT,
      );
      expect(created).toBe(true);
      expect(submission.reference).toMatch(REFERENCE);
      expect(await store.journeys.findSubmission(submission.reference)).toEqual({
        reference: submission.reference,
        transactionId: draft.id,
        formId: 'parking-permit',
        formVersion: '1.0',
        answers: draft.answers,
        language: 'cy',
        channel: 'online',
        submittedAt: SUBMITTED_AT,
      });
      expect(await store.journeys.findSubmissionByTransaction(draft.id)).toEqual(submission);
      expect(await store.journeys.getDraft(draft.id)).toBeUndefined();
    });

    it('stores one submission when the same transaction is submitted twice', async () => {
      const draft = amarasDraft();
      await store.journeys.saveDraft(draft);
      const first = await store.journeys.submit(draft, draft.answers, SUBMITTED_AT);
      const second = await store.journeys.submit(
        draft,
        draft.answers,
        Date.parse('2025-06-15T09:21:58.000Z'),
      );
      expect(second.created).toBe(false);
      expect(second.submission).toEqual(first.submission);
      expect(count('submissions')).toBe(1);
    });

    it('gives each transaction its own reference', async () => {
      const references = new Set<string>();
      for (let i = 0; i < 25; i += 1) {
        const draft = { ...amarasDraft(), id: `transaction-${i}` };
        references.add(
          (await store.journeys.submit(draft, draft.answers, SUBMITTED_AT)).submission.reference,
        );
      }
      expect(references.size).toBe(25);
    });

    it('keeps the draft and stores nothing when the insert fails', async () => {
      const draft = amarasDraft();
      await store.journeys.saveDraft(draft);
      other.exec(`CREATE TRIGGER refuse_submissions BEFORE INSERT ON submissions
        BEGIN SELECT RAISE(ABORT, 'disk on fire'); END`);
      await expect(store.journeys.submit(draft, draft.answers, SUBMITTED_AT)).rejects.toMatchObject(
        {
          message: 'disk on fire',
        },
      );
      expect(await store.journeys.getDraft(draft.id)).toEqual(draft);
      expect(count('submissions')).toBe(0);
    });

    it('undoes the stored submission when removing the draft fails', async () => {
      const draft = amarasDraft();
      await store.journeys.saveDraft(draft);
      other.exec(`CREATE TRIGGER keep_drafts BEFORE DELETE ON drafts
        BEGIN SELECT RAISE(ABORT, 'disk on fire'); END`);
      await expect(store.journeys.submit(draft, draft.answers, SUBMITTED_AT)).rejects.toMatchObject(
        {
          message: 'disk on fire',
        },
      );
      expect(count('submissions')).toBe(0);
      expect(await store.journeys.findSubmissionByTransaction(draft.id)).toBeUndefined();
      expect(await store.journeys.getDraft(draft.id)).toEqual(draft);

      other.exec('DROP TRIGGER keep_drafts');
      const retried = await store.journeys.submit(draft, draft.answers, SUBMITTED_AT);
      expect(retried.created).toBe(true);
      expect(count('submissions')).toBe(1);
      expect(await store.journeys.getDraft(draft.id)).toBeUndefined();
    });
  });

  describe('sessions', () => {
    const now = Date.parse('2025-06-15T09:00:00.000Z');
    const twentyMinutes = 20 * 60_000;
    const data = JSON.stringify({ cookie: { path: '/' }, draftIds: { 'parking-permit': 'abc' } });

    it('gives a session back until it expires, and nothing after', async () => {
      await store.sessions.setSession('sid-amara', data, now + twentyMinutes);
      expect(await store.sessions.getSession('sid-amara', now)).toBe(data);
      expect(await store.sessions.getSession('sid-amara', now + twentyMinutes - 1)).toBe(data);
      expect(await store.sessions.getSession('sid-amara', now + twentyMinutes)).toBeUndefined();
      expect(await store.sessions.getSession('sid-amara', now + 2 * twentyMinutes)).toBeUndefined();
    });

    it('keeps a touched session for longer', async () => {
      await store.sessions.setSession('sid-amara', data, now + twentyMinutes);
      await store.sessions.touchSession('sid-amara', now + 2 * twentyMinutes);
      expect(await store.sessions.getSession('sid-amara', now + twentyMinutes + 1)).toBe(data);
    });

    it('forgets a destroyed session', async () => {
      await store.sessions.setSession('sid-amara', data, now + twentyMinutes);
      await store.sessions.destroySession('sid-amara');
      expect(await store.sessions.getSession('sid-amara', now)).toBeUndefined();
    });

    it('purges expired sessions only, and says how many went', async () => {
      await store.sessions.setSession('sid-expired-1', data, now - 1);
      await store.sessions.setSession('sid-expired-2', data, now - twentyMinutes);
      await store.sessions.setSession('sid-live', data, now + twentyMinutes);
      expect(await store.sessions.purgeExpiredSessions(now)).toBe(2);
      expect(count('sessions')).toBe(1);
      expect(await store.sessions.getSession('sid-live', now)).toBe(data);
      expect(await store.sessions.purgeExpiredSessions(now)).toBe(0);
    });
  });

  describe('the database file', () => {
    it('keeps drafts, submissions and sessions when the service restarts', async () => {
      const draft = amarasDraft();
      const submitted = { ...amarasDraft(), id: '9a7e41c2-3d5b-4f60-8e19-c4b2a0d6f713' };
      await store.journeys.saveDraft(draft);
      const { submission } = await store.journeys.submit(
        submitted,
        submitted.answers,
        SUBMITTED_AT,
      );
      await store.sessions.setSession('sid-amara', '{"cookie":{}}', Date.parse('2099-01-01'));
      await store.close();

      store = openSqliteStore({ file });
      expect(await store.journeys.getDraft(draft.id)).toEqual(draft);
      expect(await store.journeys.findSubmission(submission.reference)).toEqual(submission);
      expect(await store.sessions.getSession('sid-amara', Date.now())).toBe('{"cookie":{}}');
      const again = await store.journeys.submit(submitted, submitted.answers, SUBMITTED_AT);
      expect(again).toEqual({ submission, created: false });
    });

    it('is in WAL mode', () => {
      expect(other.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(fs.existsSync(`${file}-wal`)).toBe(true);
    });

    it('answers ping while open and rejects it once closed, as the database being unavailable', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
      await store.close();
      await expect(store.ping()).rejects.toMatchObject({
        code: 'DATABASE_UNAVAILABLE',
        cause: { message: expect.stringMatching(/closed/) },
      });
    });
  });
});
