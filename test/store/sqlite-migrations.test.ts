import path from 'node:path';
import Database from 'better-sqlite3';
import { SQLITE_MIGRATIONS } from '../../src/store/sqlite-migrations';
import { openSqliteStore } from '../../src/store/sqlite-store';
import { tempDataDir } from '../support/agent';

/** A database file made by the first `steps` schema steps, as an earlier civic-forms left it. */
function earlierDatabase(steps: number): { file: string; db: Database.Database } {
  const file = path.join(tempDataDir(), 'civic-forms.sqlite');
  const db = new Database(file);
  SQLITE_MIGRATIONS.slice(0, steps).forEach((sql: string) => db.exec(sql));
  db.pragma(`user_version = ${steps}`);
  return { file, db };
}

describe('sqlite store: upgrading a database made by an earlier civic-forms', () => {
  it('adds the caseworker columns to a database made before them, keeping its submissions', async () => {
    const earlier = SQLITE_MIGRATIONS.findIndex((sql: string) =>
      sql.includes('ADD COLUMN caseworker_id'),
    );
    expect(earlier).toBeGreaterThan(0);
    const { file, db } = earlierDatabase(earlier);
    db.prepare(
      `INSERT INTO submissions (reference, transaction_id, form_id, form_version, answers, language, channel, submitted_at)
         VALUES ('K7QM-3XPD-9C', 't-1', 'parking-permit', '1.0', '{}', 'en', 'online', '2025-06-01T09:00:00Z')`,
    ).run();
    db.close();
    const store = openSqliteStore({ file });
    try {
      const kept = await store.journeys.findSubmission('K7QM-3XPD-9C');
      expect(kept).toMatchObject({ reference: 'K7QM-3XPD-9C', channel: 'online' });
      expect(kept && 'caseworkerId' in kept).toBe(false);
    } finally {
      await store.close();
    }
  });

  it('turns the ISO times of step 5 into the same instants in milliseconds, and indexes sessions from their JSON', async () => {
    const { file, db } = earlierDatabase(5);
    db.exec(`
      INSERT INTO drafts (id, form_id, form_version, answers, done, language, channel,
        caseworker_id, received_on, created_at, updated_at)
      VALUES ('d-1', 'parking-permit', '1.0', '{"full-name":"Amara Okafor"}', '["full-name"]', 'cy',
        'paper', 'c-1', '2025-06-02', '2025-06-15T09:12:03.456Z', '2025-06-15T09:14:40.001Z');
      INSERT INTO submissions (reference, transaction_id, form_id, form_version, answers, language,
        channel, submitted_at, caseworker_id, received_on)
      VALUES ('K7QM-3XPD-9C', 't-1', 'parking-permit', '1.0', '{}', 'en', 'online',
        '2025-06-01T09:00:00.999Z', NULL, NULL);
      INSERT INTO users (id, username, display_name, role, password_hash, disabled, created_at, updated_at)
      VALUES ('u-1', 'sian.evans', 'Siân Evans', 'caseworker', 'hash', 0,
        '2024-12-31T23:59:59.999Z', '2025-01-01T00:00:00.000Z');
      INSERT INTO audit_events (at, actor_id, actor_username, action, target)
      VALUES ('2025-06-16T09:00:00.000Z', 'u-1', 'sian.evans', 'sign-in', NULL),
             ('2025-06-16T09:01:30.250Z', 'u-1', 'sian.evans', 'view-submission', 'K7QM-3XPD-9C');
    `);
    const later = Date.parse('2099-01-01T00:00:00Z');
    const insertSession = db.prepare(
      'INSERT INTO sessions (id, data, expires_at) VALUES (?, ?, ?)',
    );
    insertSession.run(
      'sid-staff',
      JSON.stringify({
        caseworker: { principal: { id: 'u-1' } },
        caseworkerJourneys: { 'parking-permit': 'd-1' },
      }),
      later,
    );
    insertSession.run(
      'sid-amara',
      JSON.stringify({ journeys: { 'parking-permit': 'd-2', 'blue-badge': 'd-3' } }),
      later,
    );
    insertSession.run('sid-broken', 'not json at all', later);
    db.close();

    const store = openSqliteStore({ file });
    try {
      expect(await store.journeys.getDraft('d-1')).toMatchObject({
        createdAt: Date.parse('2025-06-15T09:12:03.456Z'),
        updatedAt: Date.parse('2025-06-15T09:14:40.001Z'),
        caseworkerId: 'c-1',
        paperReceivedOn: '2025-06-02',
        answers: { 'full-name': 'Amara Okafor' },
      });
      expect((await store.journeys.findSubmission('K7QM-3XPD-9C'))?.submittedAt).toBe(
        Date.parse('2025-06-01T09:00:00.999Z'),
      );
      expect(await store.staff.findUserById('u-1')).toMatchObject({
        createdAt: Date.parse('2024-12-31T23:59:59.999Z'),
        updatedAt: Date.parse('2025-01-01T00:00:00.000Z'),
      });
      expect((await store.staff.listAudit()).map((e) => [e.id, e.at])).toEqual([
        [1, Date.parse('2025-06-16T09:00:00.000Z')],
        [2, Date.parse('2025-06-16T09:01:30.250Z')],
      ]);
      expect((await store.inspect.rows('sessions')).map((row) => [row.id, row.user_id])).toEqual([
        ['sid-amara', null],
        ['sid-broken', null],
        ['sid-staff', 'u-1'],
      ]);
      expect(await store.inspect.rows('session_drafts')).toEqual([
        { session_id: 'sid-amara', draft_id: 'd-2' },
        { session_id: 'sid-amara', draft_id: 'd-3' },
        { session_id: 'sid-staff', draft_id: 'd-1' },
      ]);
      // What the columns are for works on the sessions from before them.
      expect(await store.sessions.endSignInsOf('u-1')).toBe(1);
      expect(await store.sessions.getSession('sid-amara', Date.now())).toBeDefined();
    } finally {
      await store.close();
    }
    // The audit trail is still append-only after its table was rebuilt.
    const after = new Database(file);
    try {
      expect(after.pragma('user_version', { simple: true })).toBe(SQLITE_MIGRATIONS.length);
      expect(() => after.prepare('DELETE FROM audit_events').run()).toThrow(/append-only/);
    } finally {
      after.close();
    }
  });
});
