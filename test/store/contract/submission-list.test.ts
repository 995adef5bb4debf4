import type { Channel, Draft } from '../../../src/engine/answers';
import type { Store } from '../../../src/store/store';
import { DATABASES, openTestStore } from '../support/databases';

const T0 = Date.parse('2031-03-14T10:00:00Z');
const HOUR = 3_600_000;

function draft(id: string, formId: string, channel: Channel): Draft {
  return {
    id,
    formId,
    formVersion: '1.0',
    answers: { 'tenant-name': `Tenant of ${id}` },
    done: ['tenant-name'],
    language: 'cy',
    channel,
    ...(channel !== 'online' && { caseworkerId: 'a3f1c9e2-caseworker' }),
    ...(channel === 'paper' && { paperReceivedOn: '2031-03-12' }),
    createdAt: T0 - HOUR,
    updatedAt: T0,
  };
}

/** Submits a journey with its deliveries at a time, as the service does; its reference. */
async function submitted(
  store: Store,
  id: string,
  at: number,
  options: { formId?: string; channel?: Channel; destinations?: string[] } = {},
): Promise<string> {
  const d = draft(id, options.formId ?? 'report-housing-repair', options.channel ?? 'online');
  return store.tx(async (t) => {
    const { submission } = await t.journeys.submit(d, d.answers, at);
    await t.deliveries.enqueue(
      submission.reference,
      submission.formId,
      (options.destinations ?? ['housing-webhook']).map((destination) => ({
        destination,
        webhookId: `msg_${submission.reference}_${destination}`,
        pull: destination.endsWith('-pull'),
      })),
    );
    return submission.reference;
  });
}

describe.each(DATABASES)('store contract on %s: the staff list of submissions', (kind) => {
  let store: Store;
  beforeEach(async () => {
    store = await openTestStore(kind);
  });
  afterEach(() => store.close());

  /** Fails the webhook delivery of `reference` once, or for good. */
  async function fail(reference: string, dead: boolean) {
    const [row] = (await store.deliveries.listForSubmission(reference)).filter(
      (d) => d.kind === 'send',
    );
    await store.deliveries.claimDue('w', row?.nextTryAt ?? 0, 60_000, 100);
    await store.deliveries.markFailed(row?.id ?? 0, 'w', {
      at: T0,
      error: 'status: HTTP 500',
      next: dead ? 'dead' : { nextTryAt: T0 + HOUR },
    });
  }

  it('lists a form’s submissions newest first, a page at a time, with each one’s delivery state', async () => {
    const refs: string[] = [];
    for (let i = 0; i < 5; i++) refs.push(await submitted(store, `tx-${i}`, T0 + i * HOUR));
    await submitted(store, 'other-form', T0 + 10 * HOUR, { formId: 'parking-permit' });
    await submitted(store, 'nowhere', T0 + 11 * HOUR, { destinations: [] });
    const [, failing, dead, delivered] = refs as [string, string, string, string, string];
    await fail(failing, false);
    await fail(dead, true);
    const [row] = await store.deliveries.listForSubmission(delivered);
    await store.deliveries.claimDue('w', T0 + 100 * HOUR, 60_000, 100);
    await store.deliveries.markDelivered(row?.id ?? 0, 'w', T0 + 12 * HOUR);

    const first = await store.journeys.listSubmissions({
      formId: 'report-housing-repair',
      offset: 0,
      limit: 4,
    });
    expect(first.total).toBe(6);
    expect(first.rows.map((r) => [r.submittedAt, r.delivery])).toEqual([
      [T0 + 11 * HOUR, 'none'],
      [T0 + 4 * HOUR, 'pending'],
      [T0 + 3 * HOUR, 'delivered'],
      [T0 + 2 * HOUR, 'dead'],
    ]);
    expect(first.rows[1]).toEqual({
      reference: refs[4],
      formVersion: '1.0',
      language: 'cy',
      channel: 'online',
      submittedAt: T0 + 4 * HOUR,
      delivery: 'pending',
    });
    const second = await store.journeys.listSubmissions({
      formId: 'report-housing-repair',
      offset: 4,
      limit: 4,
    });
    expect(second.total).toBe(6);
    expect(second.rows.map((r) => [r.reference, r.delivery])).toEqual([
      [failing, 'failing'],
      [refs[0], 'pending'],
    ]);
  });

  it('filters by dates, channel and delivery state together', async () => {
    const online = await submitted(store, 'online', T0);
    const paper = await submitted(store, 'paper', T0 + HOUR, { channel: 'paper' });
    const phone = await submitted(store, 'phone', T0 + 2 * HOUR, { channel: 'phone' });
    const late = await submitted(store, 'late', T0 + 30 * HOUR, { channel: 'paper' });
    await fail(paper, true);
    await fail(late, true);
    const list = (query: Partial<Parameters<Store['journeys']['listSubmissions']>[0]>) =>
      store.journeys
        .listSubmissions({ formId: 'report-housing-repair', offset: 0, limit: 50, ...query })
        .then((page) => page.rows.map((r) => r.reference));

    expect(await list({ from: T0 + HOUR, to: T0 + 3 * HOUR })).toEqual([phone, paper]);
    expect(await list({ channel: 'paper' })).toEqual([late, paper]);
    expect(await list({ delivery: 'dead' })).toEqual([late, paper]);
    expect(await list({ delivery: 'pending' })).toEqual([phone, online]);
    expect(await list({ channel: 'paper', delivery: 'dead', to: T0 + 24 * HOUR })).toEqual([paper]);
    expect(await list({ channel: 'phone-assisted' })).toEqual([]);
    const paperRow = (
      await store.journeys.listSubmissions({
        formId: 'report-housing-repair',
        channel: 'paper',
        to: T0 + 24 * HOUR,
        offset: 0,
        limit: 1,
      })
    ).rows[0];
    expect(paperRow).toMatchObject({
      channel: 'paper',
      receivedOn: '2031-03-12',
      delivery: 'dead',
    });
  });

  it('gives every submission of a form in a period, oldest first, with its answers, for exports', async () => {
    await submitted(store, 'before', T0 - 1);
    const a = await submitted(store, 'a', T0);
    const b = await submitted(store, 'b', T0 + HOUR);
    await submitted(store, 'at-the-end', T0 + 2 * HOUR);
    await submitted(store, 'other', T0 + HOUR, { formId: 'parking-permit' });
    const got = await store.journeys.submissionsBetween('report-housing-repair', T0, T0 + 2 * HOUR);
    expect(got.map((s) => [s.reference, s.answers['tenant-name']])).toEqual([
      [a, 'Tenant of a'],
      [b, 'Tenant of b'],
    ]);
  });
});
