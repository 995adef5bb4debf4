import type { Draft } from '../../../src/engine/answers';
import type { Store } from '../../../src/store/store';
import { DATABASES, openTestStore } from '../support/databases';

const T0 = Date.parse('2031-03-14T10:00:00Z');
const HOUR = 3_600_000;

async function submitted(store: Store, id: string, destinations: string[]): Promise<string> {
  const draft: Draft = {
    id,
    formId: 'report-housing-repair',
    formVersion: '1.0',
    answers: { 'tenant-name': 'Llŷr ap Siôn' },
    done: ['tenant-name'],
    language: 'cy',
    channel: 'online',
    createdAt: T0,
    updatedAt: T0,
  };
  return store.tx(async (t) => {
    const { submission } = await t.journeys.submit(draft, draft.answers, T0);
    await t.deliveries.enqueue(
      submission.reference,
      submission.formId,
      destinations.map((destination) => ({
        destination,
        webhookId: `msg_${submission.reference}_${destination}`,
        pull: destination.endsWith('-pull'),
      })),
    );
    return submission.reference;
  });
}

/** Delivers every due send delivery at `at`, as a worker would. */
async function deliverAll(store: Store, at: number) {
  for (const row of await store.deliveries.claimDue('w', at, 60_000, 100)) {
    await store.deliveries.markDelivered(row.id, 'w', at);
  }
}

describe.each(DATABASES)('store contract on %s: replay and retention', (kind) => {
  let store: Store;
  beforeEach(async () => {
    store = await openTestStore(kind);
  });
  afterEach(() => store.close());

  it('replays delivered deliveries, keeping their webhook-id, and leaves pending, dead and pull ones alone', async () => {
    const a = await submitted(store, 'a', ['housing-webhook', 'housing-inbox', 'housing-pull']);
    const b = await submitted(store, 'b', ['housing-webhook']);
    await deliverAll(store, T0 + HOUR);
    await store.deliveries.markPulled(a, T0 + HOUR);
    const before = await store.deliveries.listForSubmission(a);

    const replayed = await store.deliveries.replay(
      { reference: a, destination: 'housing-webhook' },
      T0 + 2 * HOUR,
    );
    expect(replayed.map((d) => [d.reference, d.destination])).toEqual([[a, 'housing-webhook']]);
    const after = await store.deliveries.listForSubmission(a);
    expect(after.map((d) => [d.destination, d.status, d.webhookId, d.nextTryAt])).toEqual([
      ['housing-inbox', 'delivered', before[0]?.webhookId, undefined],
      ['housing-pull', 'delivered', before[1]?.webhookId, undefined],
      ['housing-webhook', 'pending', before[2]?.webhookId, T0 + 2 * HOUR],
    ]);
    // Replaying again changes nothing until it is delivered again.
    expect(await store.deliveries.replay({ reference: a }, T0 + 2 * HOUR)).toEqual([
      expect.objectContaining({ destination: 'housing-inbox' }),
    ]);

    // By form and time delivered: only those delivered since then.
    await deliverAll(store, T0 + 5 * HOUR);
    const since = await store.deliveries.replay(
      { formId: 'report-housing-repair', deliveredSince: T0 + 3 * HOUR },
      T0 + 6 * HOUR,
    );
    expect(since.map((d) => [d.reference, d.destination]).sort()).toEqual([
      [a, 'housing-inbox'],
      [a, 'housing-webhook'],
    ]);
    expect((await store.deliveries.listForSubmission(b))[0]?.status).toBe('delivered');
    expect(() => store.deliveries.replay({}, T0)).toThrow(TypeError);
  });

  it('finds for retention only submissions every destination has, receipt included, by the cutoff', async () => {
    const done = await submitted(store, 'done', ['housing-webhook', 'housing-pull']);
    await submitted(store, 'no-receipt', ['housing-webhook', 'housing-pull']);
    const late = await submitted(store, 'late', ['housing-webhook']);
    const dead = await submitted(store, 'dead', ['housing-webhook', 'housing-inbox']);
    await submitted(store, 'nowhere', []);
    const rows = await store.deliveries.claimDue('w', T0, 60_000, 100);
    for (const row of rows) {
      if (row.reference === late) continue;
      if (row.reference === dead && row.destination === 'housing-inbox') {
        await store.deliveries.markFailed(row.id, 'w', { at: T0, error: 'x: y', next: 'dead' });
      } else await store.deliveries.markDelivered(row.id, 'w', T0 + HOUR);
    }
    await store.deliveries.markPulled(done, T0 + 2 * HOUR);
    await deliverAll(store, T0 + 10 * HOUR);

    expect(await store.deliveries.settledBefore(T0 + HOUR, 100)).toEqual([]);
    expect(await store.deliveries.settledBefore(T0 + 2 * HOUR, 100)).toEqual([done]);
    expect((await store.deliveries.settledBefore(T0 + 10 * HOUR, 100)).sort()).toEqual(
      [done, late].sort(),
    );

    const deleted = await store.tx((t) => t.journeys.deleteSubmission(done));
    expect(deleted?.answers).toEqual({ 'tenant-name': 'Llŷr ap Siôn' });
    expect(await store.journeys.findSubmission(done)).toBeUndefined();
    expect(await store.deliveries.listForSubmission(done)).toEqual([]);
    expect(await store.journeys.deleteSubmission(done)).toBeUndefined();
    expect(await store.deliveries.settledBefore(T0 + 10 * HOUR, 100)).toEqual([late]);
  });
});
