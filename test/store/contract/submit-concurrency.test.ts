import type { Draft } from '../../../src/engine/answers';
import type { Store } from '../../../src/store/store';
import { DATABASES, openTestStore } from '../support/databases';

function draft(id: string): Draft {
  return {
    id,
    formId: 'parking-permit',
    formVersion: '1.0',
    answers: { 'full-name': 'Amara Okafor' },
    done: ['full-name'],
    language: 'en',
    channel: 'online',
    createdAt: Date.parse('2025-06-15T09:12:03Z'),
    updatedAt: Date.parse('2025-06-15T09:14:40Z'),
  };
}

describe.each(DATABASES)('store contract on %s: submit', (kind) => {
  let store: Store;
  beforeEach(async () => {
    store = await openTestStore(kind);
  }, 60_000);
  afterEach(() => store.close());

  it('stores 20 simultaneous submits of one journey as one submission with one reference', async () => {
    const journey = draft('9a0f5c1e-2b3d-4e5f-8a9b-0c1d2e3f4a5b');
    await store.journeys.saveDraft(journey);
    const results = await Promise.all(
      Array.from({ length: 20 }, () => store.journeys.submit(journey, journey.answers, Date.now())),
    );
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.submission.reference)).size).toBe(1);
    expect(await store.inspect.count('submissions')).toBe(1);
    expect(await store.journeys.getDraft(journey.id)).toBeUndefined();
  }, 60_000);

  it('draws another reference when the one drawn is taken', async () => {
    const references = ['K7QM-3XPD-9C', 'K7QM-3XPD-9C', 'W4HN-7TRE-3A'];
    const drawn = await openTestStore(kind, { newReference: () => references.shift() ?? 'X' });
    try {
      const first = await drawn.journeys.submit(draft('t-1'), {}, Date.now());
      const second = await drawn.journeys.submit(draft('t-2'), {}, Date.now());
      expect([first.submission.reference, second.submission.reference]).toEqual([
        'K7QM-3XPD-9C',
        'W4HN-7TRE-3A',
      ]);
    } finally {
      await drawn.close();
    }
  }, 60_000);

  it('commits what a transaction did through several repositories together, or none of it', async () => {
    const journey = draft('tx-1');
    await store.journeys.saveDraft(journey);
    await expect(
      store.tx(async (t) => {
        await t.journeys.submit(journey, journey.answers, Date.now());
        await t.staff.appendAudit({
          at: Date.now(),
          actorId: undefined,
          actorUsername: 'cli:test',
          agency: undefined,
          action: 'submit',
          target: journey.id,
          detail: undefined,
          clientIp: undefined,
          userAgent: undefined,
        });
        throw new Error('the delivery rows could not be written');
      }),
    ).rejects.toThrow('the delivery rows could not be written');
    expect(await store.inspect.count('submissions')).toBe(0);
    expect(await store.inspect.count('audit_events')).toBe(0);
    expect(await store.journeys.getDraft(journey.id)).toMatchObject({ id: 'tx-1' });
    const made = await store.tx((t) => t.journeys.submit(journey, journey.answers, Date.now()));
    expect(await store.journeys.findSubmission(made.submission.reference)).toMatchObject({
      transactionId: 'tx-1',
    });
  }, 60_000);
});
