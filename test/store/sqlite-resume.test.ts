import path from 'node:path';
import Database from 'better-sqlite3';
import type { Draft } from '../../src/engine/answers';
import { hashSecret } from '../../src/resume/saved-secret';
import type { NewResumeCode } from '../../src/store/resume-records';
import { openSqliteStore } from '../../src/store/sqlite-store';
import type { Store } from '../../src/store/store';
import { tempDataDir } from '../support/agent';

const DAY = 24 * 60 * 60_000;
const NOW = Date.parse('2025-07-20T10:00:00Z');
const KEEP = 28 * DAY;

function draftUpdated(id: string, updatedAt: number): Draft {
  const at = updatedAt;
  return {
    id,
    formId: 'parking-permit',
    formVersion: '1.0',
    answers: { 'live-in-zone': 'yes', 'full-name': 'Amara Okafor' },
    done: ['live-in-zone', 'full-name'],
    language: 'en',
    channel: 'online',
    createdAt: at,
    updatedAt: at,
  };
}

describe('sqlite-resume', () => {
  let store: Store;
  let db: Database.Database;
  let code: (draftId: string, digest: string, savedAt: number) => Promise<NewResumeCode>;

  beforeEach(async () => {
    const file = path.join(tempDataDir(), 'civic-forms.sqlite');
    store = openSqliteStore({ file });
    db = new Database(file);
    const secret = await hashSecret({ kind: 'date-of-birth', value: '1985-03-27' });
    code = async (draftId, digest, savedAt) => ({
      codeDigest: digest,
      draftId,
      formId: 'parking-permit',
      secret,
      savedAt,
      expiresAt: savedAt + KEEP,
    });
  });
  afterEach(async () => {
    db.close();
    await store.close();
  });

  const ids = (table: string, column: string) =>
    (
      db.prepare(`SELECT ${column} AS id FROM ${table} ORDER BY 1`).all() as Array<{ id: string }>
    ).map((row) => row.id);

  it('keeps each live code unique, and lets the digest of an expired one be used again', async () => {
    await store.journeys.saveDraft(draftUpdated('draft-a', NOW));
    await store.journeys.saveDraft(draftUpdated('draft-b', NOW));
    expect(await store.resume.saveResumeCode(await code('draft-a', 'digest-1', NOW), NOW)).toBe(
      'saved',
    );
    expect(await store.resume.saveResumeCode(await code('draft-b', 'digest-1', NOW), NOW)).toBe(
      'taken',
    );
    expect(await store.resume.saveResumeCode(await code('draft-a', 'digest-2', NOW), NOW)).toBe(
      'replaced',
    );
    expect(ids('resume_codes', 'code_digest')).toEqual(['digest-2']);
    expect(
      await store.resume.saveResumeCode(await code('draft-b', 'digest-2', NOW), NOW + KEEP),
    ).toBe('saved');
    expect(ids('resume_codes', 'draft_id')).toEqual(['draft-b']);
  });

  it('deletes expired codes with their drafts, and drafts nothing reaches any more', async () => {
    const old = NOW - KEEP - DAY;
    // Saved for later 29 days ago: expired.
    await store.journeys.saveDraft(draftUpdated('expired-code', old));
    await store.resume.saveResumeCode(await code('expired-code', 'digest-old', old), old);
    // Saved for later 29 days ago but opened since: its code lasts another period.
    await store.journeys.saveDraft(draftUpdated('resumed', old));
    await store.resume.saveResumeCode(await code('resumed', 'digest-resumed', old), old);
    await store.resume.recordResume('digest-resumed', NOW - DAY, NOW - DAY + KEEP);
    // Never saved for later, untouched for 29 days, its session long gone.
    await store.journeys.saveDraft(draftUpdated('orphan', old));
    // Untouched for 29 days but a live session still points at it.
    await store.journeys.saveDraft(draftUpdated('in-a-session', old));
    await store.sessions.setSession(
      'sid-1',
      JSON.stringify({ journeys: { p: 'in-a-session' } }),
      NOW + 60_000,
      { draftIds: ['in-a-session'] },
    );
    // Expired session pointing at an old draft: no protection.
    await store.journeys.saveDraft(draftUpdated('dead-session', old));
    await store.sessions.setSession(
      'sid-2',
      JSON.stringify({ journeys: { p: 'dead-session' } }),
      NOW - 1,
      { draftIds: ['dead-session'] },
    );
    // Recent, no code: someone may still be filling it in.
    await store.journeys.saveDraft(draftUpdated('recent', NOW - DAY));

    const purged = await store.resume.purgeExpired(NOW, KEEP);
    expect(purged).toEqual({
      drafts: 3,
      codes: 1,
      attempts: 0,
      // The one saved and never opened again, for the figures: a save not resumed in time.
      expired: [
        {
          id: 'expired-code',
          formId: 'parking-permit',
          formVersion: '1.0',
          language: 'en',
          channel: 'online',
          expiredAt: old + KEEP,
        },
      ],
    });
    expect(ids('drafts', 'id')).toEqual(['in-a-session', 'recent', 'resumed']);
    expect(ids('resume_codes', 'draft_id')).toEqual(['resumed']);
  });

  it('forgets counts of wrong tries once they are old and no lock is running', async () => {
    const limit = { max: 5, lockMs: 30 * 60_000 };
    await store.resume.chargeResumeAttempt('client:old', NOW - KEEP - DAY, limit);
    await store.resume.chargeResumeAttempt('client:recent', NOW - DAY, limit);
    expect((await store.resume.purgeExpired(NOW, KEEP)).attempts).toBe(1);
    expect(ids('resume_attempts', 'subject')).toEqual(['client:recent']);
  });
});
