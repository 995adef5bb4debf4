import type { Draft } from '../../../src/engine/answers';
import { hashSecret } from '../../../src/resume/saved-secret';
import type { TableName } from '../../../src/store/inspector';
import type { NewResumeCode } from '../../../src/store/resume-records';
import type { Store } from '../../../src/store/store';
import { DATABASES, newTestLocation, openStoreAt, type TestLocation } from '../support/databases';

const DAY = 24 * 60 * 60_000;
const NOW = Date.parse('2025-07-20T10:00:00Z');
const KEEP = 28 * DAY;
const LIMIT = { max: 5, lockMs: 30 * 60_000 };

function draftUpdated(id: string, updatedAt: number): Draft {
  return {
    id,
    formId: 'parking-permit',
    formVersion: '1.0',
    answers: { 'live-in-zone': 'yes', 'full-name': 'Amara Okafor' },
    done: ['live-in-zone', 'full-name'],
    language: 'en',
    channel: 'online',
    createdAt: updatedAt,
    updatedAt,
  };
}

describe.each(DATABASES)('store contract on %s: save and return', (kind) => {
  let location: TestLocation;
  let store: Store;
  let code: (draftId: string, digest: string, savedAt: number) => Promise<NewResumeCode>;

  beforeEach(async () => {
    location = await newTestLocation(kind);
    store = await openStoreAt(location);
    const secret = await hashSecret({ kind: 'date-of-birth', value: '1985-03-27' });
    code = async (draftId, digest, savedAt) => ({
      codeDigest: digest,
      draftId,
      formId: 'parking-permit',
      secret,
      savedAt,
      expiresAt: savedAt + KEEP,
    });
  }, 60_000);
  afterEach(() => store.close());

  /** One column of a table's rows, sorted. */
  const ids = async (table: TableName, column: string) =>
    (await store.inspect.rows(table)).map((row) => String(row[column])).sort();

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
    expect(await ids('resume_codes', 'code_digest')).toEqual(['digest-2']);
    expect(
      await store.resume.saveResumeCode(await code('draft-b', 'digest-2', NOW), NOW + KEEP),
    ).toBe('saved');
    expect(await ids('resume_codes', 'draft_id')).toEqual(['draft-b']);
  });

  it('finds a code by its digest, and counts resumes, keeping the code for longer', async () => {
    const saved = await code('draft-a', 'digest-1', NOW);
    await store.resume.saveResumeCode(saved, NOW);
    expect(await store.resume.findResumeCode('digest-1')).toEqual({
      ...saved,
      firstSavedAt: NOW,
      resumeCount: 0,
    });
    expect(await store.resume.findResumeCode('digest-unknown')).toBeUndefined();
    await store.resume.recordResume('digest-1', NOW + DAY, NOW + DAY + KEEP);
    // A resume never shortens the code's life.
    await store.resume.recordResume('digest-1', NOW + 2 * DAY, NOW);
    expect(await store.resume.findResumeCode('digest-1')).toMatchObject({
      resumeCount: 2,
      lastResumedAt: NOW + 2 * DAY,
      expiresAt: NOW + DAY + KEEP,
      firstSavedAt: NOW,
    });
    // A new code for the same draft keeps when it was first saved.
    await store.resume.saveResumeCode(await code('draft-a', 'digest-2', NOW + 3 * DAY), NOW);
    expect(await store.resume.findResumeCode('digest-2')).toMatchObject({
      firstSavedAt: NOW,
      savedAt: NOW + 3 * DAY,
    });
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
    expect(await ids('drafts', 'id')).toEqual(['in-a-session', 'recent', 'resumed']);
    expect(await ids('resume_codes', 'draft_id')).toEqual(['resumed']);
  });

  it('forgets counts of wrong tries once they are old and no lock is running', async () => {
    await store.resume.chargeResumeAttempt('client:old', NOW - KEEP - DAY, LIMIT);
    await store.resume.chargeResumeAttempt('client:recent', NOW - DAY, LIMIT);
    expect((await store.resume.purgeExpired(NOW, KEEP)).attempts).toBe(1);
    expect(await ids('resume_attempts', 'subject')).toEqual(['client:recent']);
  });

  it('refuses tries while a subject is locked, and counts every try taken at once', async () => {
    const tries = await Promise.all(
      Array.from({ length: 8 }, async () => {
        const charge = await store.resume.chargeResumeAttempt('code:abc', NOW, LIMIT);
        if (!charge.allowed) return charge;
        await store.resume.settleResumeAttempt('code:abc', NOW, 'failed', LIMIT);
        return charge;
      }),
    );
    // However the eight interleave, exactly `max` wrong tries get through, and then the lock.
    expect(tries.filter((charge) => charge.allowed)).toHaveLength(LIMIT.max);
    const after = await store.resume.chargeResumeAttempt('code:abc', NOW + 1, LIMIT);
    expect(after).toEqual({ allowed: false, lockedUntil: expect.any(Number) });
    expect(after.allowed === false && after.lockedUntil).toBeGreaterThan(NOW + 1);
  });

  it('leaves one code for a draft saved for later twice at the same moment', async () => {
    await store.journeys.saveDraft(draftUpdated('draft-a', NOW));
    const other = kind === 'sqlite' ? store : await openStoreAt(location);
    try {
      const saves = await Promise.all(
        Array.from({ length: 6 }, async (_, i) =>
          (i % 2 === 0 ? store : other).resume.saveResumeCode(
            await code('draft-a', `digest-${i}`, NOW),
            NOW,
          ),
        ),
      );
      expect(saves.every((saved) => saved === 'saved' || saved === 'replaced')).toBe(true);
      const rows = await store.inspect.rows('resume_codes');
      expect(rows.map((row) => row.draft_id)).toEqual(['draft-a']);
      expect(await store.resume.findResumeCode(String(rows[0]?.code_digest))).toMatchObject({
        draftId: 'draft-a',
      });
    } finally {
      if (other !== store) await other.close();
    }
  }, 60_000);
});
