import type { Draft } from '../../../src/engine/answers';
import type { Store } from '../../../src/store/store';
import { amaraAnswers } from '../../fixtures/amara-draft';
import { DATABASES, newTestLocation, openStoreAt, type TestLocation } from '../support/databases';
import { refuseWrites } from '../support/raw-sql';

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

/** Amara's permit, keyed in from the Welsh paper form that arrived on 2 June. */
function paperDraft(): Draft {
  return {
    id: '0b6f9f52-3c1e-4f7a-9d2b-5e8c1a4d7f30',
    formId: 'parking-permit',
    formVersion: '1.0',
    answers: amaraAnswers,
    done: [],
    language: 'cy',
    channel: 'paper',
    caseworkerId: 'b3c1f0e2-7d4a-4e8b-9a6c-1f2e3d4c5b6a',
    paperReceivedOn: '2025-06-02',
    createdAt: Date.parse('2025-06-04T10:00:00.000Z'),
    updatedAt: Date.parse('2025-06-04T10:05:00.000Z'),
  };
}

/** The same draft as a constituent's own online journey: no caseworker, no arrival date. */
function onlineDraft(): Draft {
  const online: Draft = { ...paperDraft(), channel: 'online' };
  delete online.caseworkerId;
  delete online.paperReceivedOn;
  return online;
}

const SUBMITTED_AT = Date.parse('2025-06-15T09:21:57.000Z');
const REFERENCE =
  /^[34679ACDEFGHJKMNPQRTWXY]{4}-[34679ACDEFGHJKMNPQRTWXY]{4}-[34679ACDEFGHJKMNPQRTWXY]{2}$/;

describe.each(DATABASES)('store contract on %s: journeys', (kind) => {
  let location: TestLocation;
  let store: Store;
  beforeEach(async () => {
    location = await newTestLocation(kind);
    store = await openStoreAt(location);
  }, 60_000);
  afterEach(() => store.close());

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
      expect(await store.inspect.count('drafts')).toBe(1);
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
      expect(await store.inspect.count('submissions')).toBe(1);
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

    // Errors are matched by their message: better-sqlite3's native code may build them from another
    // jest module registry's classes, which instanceof (and so toThrow) does not recognise.
    it('keeps the draft and stores nothing when the insert fails', async () => {
      const draft = amarasDraft();
      await store.journeys.saveDraft(draft);
      await refuseWrites(location, 'submissions', 'INSERT');
      await expect(store.journeys.submit(draft, draft.answers, SUBMITTED_AT)).rejects.toMatchObject(
        { message: 'disk on fire' },
      );
      expect(await store.journeys.getDraft(draft.id)).toEqual(draft);
      expect(await store.inspect.count('submissions')).toBe(0);
    });

    it('undoes the stored submission when removing the draft fails', async () => {
      const draft = amarasDraft();
      await store.journeys.saveDraft(draft);
      const refusal = await refuseWrites(location, 'drafts', 'DELETE');
      await expect(store.journeys.submit(draft, draft.answers, SUBMITTED_AT)).rejects.toMatchObject(
        { message: 'disk on fire' },
      );
      expect(await store.inspect.count('submissions')).toBe(0);
      expect(await store.journeys.findSubmissionByTransaction(draft.id)).toBeUndefined();
      expect(await store.journeys.getDraft(draft.id)).toEqual(draft);

      await refusal.allowAgain();
      const retried = await store.journeys.submit(draft, draft.answers, SUBMITTED_AT);
      expect(retried.created).toBe(true);
      expect(await store.inspect.count('submissions')).toBe(1);
      expect(await store.journeys.getDraft(draft.id)).toBeUndefined();
    });
  });

  describe('transactions staff fill in', () => {
    it('keeps a draft’s caseworker and arrival date, and gives them to its submission', async () => {
      await store.journeys.saveDraft(paperDraft());
      expect(await store.journeys.getDraft(paperDraft().id)).toEqual(paperDraft());
      const { submission } = await store.journeys.submit(
        paperDraft(),
        amaraAnswers,
        Date.parse('2025-06-04T10:06:00Z'),
      );
      expect(submission).toMatchObject({
        channel: 'paper',
        caseworkerId: paperDraft().caseworkerId,
        receivedOn: '2025-06-02',
      });
      expect(await store.journeys.findSubmission(submission.reference)).toEqual(submission);
    });

    it('gives a constituent’s draft and submission neither', async () => {
      const online = onlineDraft();
      await store.journeys.saveDraft(online);
      const stored = await store.journeys.getDraft(online.id);
      expect(stored).toEqual(online);
      expect(stored && ('caseworkerId' in stored || 'paperReceivedOn' in stored)).toBe(false);
      const { submission } = await store.journeys.submit(
        online,
        amaraAnswers,
        Date.parse('2025-06-04T10:06:00Z'),
      );
      expect('caseworkerId' in submission || 'receivedOn' in submission).toBe(false);
      const found = await store.journeys.findSubmission(submission.reference);
      expect(found && ('caseworkerId' in found || 'receivedOn' in found)).toBe(false);
    });

    it('records the caseworker who takes over a saved draft on the same row', async () => {
      const online = onlineDraft();
      await store.journeys.saveDraft(online);
      await store.journeys.saveDraft({ ...online, channel: 'phone-assisted', caseworkerId: 'c-1' });
      expect(await store.journeys.getDraft(online.id)).toMatchObject({
        id: online.id,
        channel: 'phone-assisted',
        caseworkerId: 'c-1',
      });
      expect(await store.inspect.count('drafts')).toBe(1);
    });
  });

  describe('the database', () => {
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

      store = await openStoreAt(location);
      expect(await store.journeys.getDraft(draft.id)).toEqual(draft);
      expect(await store.journeys.findSubmission(submission.reference)).toEqual(submission);
      expect(await store.sessions.getSession('sid-amara', Date.now())).toBe('{"cookie":{}}');
      const again = await store.journeys.submit(submitted, submitted.answers, SUBMITTED_AT);
      expect(again).toEqual({ submission, created: false });
    });

    it('answers ping while open and rejects it once closed, as the database being unavailable', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
      await store.close();
      await expect(store.ping()).rejects.toMatchObject({
        code: 'DATABASE_UNAVAILABLE',
        cause: { message: expect.stringMatching(/closed/) },
      });
      await expect(store.journeys.getDraft(amarasDraft().id)).rejects.toMatchObject({
        code: 'DATABASE_UNAVAILABLE',
      });
    });
  });
});
