import { resolveConfig } from '../../src/config';
import type { Draft } from '../../src/engine/answers';
import { lookupDigest } from '../../src/resume/lookup-digest';
import { openSavedDraft } from '../../src/resume/open-saved-draft';
import { resumePolicy } from '../../src/resume/resume-policy';
import { newResumeCode } from '../../src/resume/resume-code';
import { saveForLater } from '../../src/resume/save-for-later';
import { hashSecret } from '../../src/resume/saved-secret';
import { openSqliteStore } from '../../src/store/sqlite-store';
import type { Store } from '../../src/store/store';
import { amaraAnswers } from '../fixtures/amara-draft';
import { tempDataDir } from '../support/agent';
import path from 'node:path';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const NOW = Date.parse('2025-06-15T09:15:00Z');
// The service's default limits.
const policy = resumePolicy(
  resolveConfig({ sessionSecret: 'a-test-secret-of-at-least-32-characters' }),
);
const ALPHABET = '34679ACDEFGHJKMNPQRTWXY';
const BORN = { kind: 'date-of-birth' as const, value: '1985-03-27' };
const NOT_BORN = { kind: 'date-of-birth' as const, value: '1985-03-28' };

/** Amara's application, saved half way through. */
function amarasDraft(): Draft {
  return {
    id: '6f1d2c5e-8a4b-4d1e-9c3f-2b7a9e0d4c11',
    formId: 'parking-permit',
    formVersion: '1.0',
    answers: structuredClone(amaraAnswers),
    done: ['live-in-zone', 'full-name', 'contact', 'has-vehicles'],
    language: 'cy',
    channel: 'online',
    createdAt: Date.parse('2025-06-15T09:12:03.000Z'),
    updatedAt: Date.parse('2025-06-15T09:14:40.000Z'),
  };
}

describe('openSavedDraft', () => {
  let store: Store;
  let draft: Draft;
  let code: string;

  beforeEach(async () => {
    store = openSqliteStore({ file: path.join(tempDataDir(), 'civic-forms.sqlite') });
    draft = amarasDraft();
    await store.journeys.saveDraft(draft);
    ({ code } = await saveForLater(store, { draft, secret: BORN, now: NOW }, policy));
  });
  afterEach(() => store.close());

  const open = (at: number, secret = BORN, client = '192.0.2.10', typed = code) =>
    openSavedDraft(store, { code: typed, secret, client, now: at }, policy);

  it('brings back the same draft, counts the resume and keeps the code for another period', async () => {
    const later = NOW + 3 * DAY;
    const result = await open(later);
    expect(result).toMatchObject({ outcome: 'opened', resumeCount: 1 });
    expect(result.outcome === 'opened' && result.draft).toEqual(draft);
    const digest = lookupDigest(policy.digestKey, 'resume-code', code.replace(/-/g, ''));
    const record = await store.resume.findResumeCode(digest);
    expect(record).toMatchObject({ resumeCount: 1, lastResumedAt: later });
    expect(record?.expiresAt).toBe(later + 28 * DAY);
  });

  it('says how many tries are left, then locks the code for the configured period', async () => {
    const left = [];
    for (let i = 0; i < 4; i += 1) left.push(await open(NOW, NOT_BORN, `192.0.2.${i}`));
    expect(left.map((r) => r.outcome === 'wrong' && r.attemptsLeft)).toEqual([4, 3, 2, 1]);
    expect(await open(NOW, NOT_BORN, '192.0.2.50')).toEqual({
      outcome: 'locked',
      until: NOW + 30 * MINUTE,
      formId: 'parking-permit',
    });
    expect((await open(NOW + 29 * MINUTE, BORN, '192.0.2.51')).outcome).toBe('locked');
    expect((await open(NOW + 30 * MINUTE, BORN, '192.0.2.52')).outcome).toBe('opened');
  });

  it('cannot be raced: tries sent at the same moment still stop at the limit', async () => {
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => open(NOW, NOT_BORN, `192.0.2.${i}`)),
    );
    const checked = results.filter((r) => r.outcome === 'wrong').length;
    expect(checked).toBeLessThanOrEqual(4);
    expect((await open(NOW, BORN, '192.0.2.99')).outcome).toBe('locked');
  });

  it('never locks out 30 people at one address (a library) who each mistype twice', async () => {
    const library = '192.0.2.200';
    // Thirty saved forms, each with its own code (one scrypt hash of the date of birth for all).
    const secret = await hashSecret(BORN);
    const codes = [];
    for (let i = 0; i < 30; i += 1) {
      const id = `6f1d2c5e-8a4b-4d1e-9c3f-${String(i).padStart(12, '0')}`;
      await store.journeys.saveDraft({ ...amarasDraft(), id });
      const theirs = newResumeCode();
      const codeDigest = lookupDigest(policy.digestKey, 'resume-code', theirs.replace(/-/g, ''));
      const draft = { codeDigest, draftId: id, formId: 'parking-permit', secret };
      await store.resume.saveResumeCode({ ...draft, savedAt: NOW, expiresAt: NOW + 28 * DAY }, NOW);
      codes.push(theirs);
    }
    const outcomes = [];
    for (const [i, theirs] of codes.entries()) {
      const at = NOW + i * MINUTE;
      const slip = `${theirs.slice(0, -1)}${theirs.endsWith('X') ? 'Y' : 'X'}`;
      // One slip in the code, one in the date of birth, then right.
      outcomes.push((await open(at, BORN, library, slip)).outcome);
      outcomes.push((await open(at, NOT_BORN, library, theirs)).outcome);
      outcomes.push((await open(at, BORN, library, theirs)).outcome);
    }
    expect(outcomes.filter((o) => o === 'not-found')).toHaveLength(30);
    expect(outcomes.filter((o) => o === 'wrong')).toHaveLength(30);
    expect(outcomes.filter((o) => o === 'opened')).toHaveLength(30);
  }, 120_000);

  it('slows an address trying many codes: 100 at once, then one every 36 seconds', async () => {
    const guesser = '198.51.100.66';
    const guess = (n: number) => `KMNP-QRTW-${ALPHABET[Math.floor(n / 23)]}${ALPHABET[n % 23]}`;
    for (let n = 0; n < 100; n += 1) {
      expect(await open(NOW, BORN, guesser, guess(n))).toEqual({ outcome: 'not-found' });
    }
    expect(await open(NOW, BORN, guesser, guess(100))).toEqual({
      outcome: 'locked',
      until: NOW + 36_000,
    });
    // Even the right code and secret wait their turn from that address; another address does not.
    expect((await open(NOW + 35_000, BORN, guesser)).outcome).toBe('locked');
    expect((await open(NOW, BORN, '198.51.100.67')).outcome).toBe('opened');
    expect(await open(NOW + 36_000, BORN, guesser, guess(101))).toEqual({ outcome: 'not-found' });
    expect((await open(NOW + 36_000, BORN, guesser, guess(102))).outcome).toBe('locked');
    expect((await open(NOW + 72_000, BORN, guesser)).outcome).toBe('opened');
  }, 60_000);

  it('says a code has expired, without counting it as a wrong try', async () => {
    const expired = NOW + 28 * DAY;
    for (let i = 0; i < 6; i += 1) {
      expect(await open(expired)).toEqual({ outcome: 'expired', formId: 'parking-permit' });
    }
  });

  it('opens nothing once the draft has been sent', async () => {
    await store.journeys.submit(draft, draft.answers, NOW);
    expect(await open(NOW + MINUTE)).toEqual({ outcome: 'not-found' });
  });

  it('gives a draft saved again a new code; the old one stops working', async () => {
    const again = await saveForLater(store, { draft, secret: BORN, now: NOW + DAY }, policy);
    expect(again.replaced).toBe(true);
    expect(again.code).not.toBe(code);
    expect(await open(NOW + DAY)).toEqual({ outcome: 'not-found' });
    expect((await open(NOW + DAY, BORN, '192.0.2.3', again.code)).outcome).toBe('opened');
  });
});
