import { Webhook } from 'standardwebhooks';
import type { DestinationsConfig } from '../../src/delivery/destination';
import type { WebhookPayload } from '../../src/delivery/webhook-payload';
import { createDeliveryWorker, type DeliveryWorker } from '../../src/delivery/worker';
import type { FormDefinition } from '../../src/definition/types';
import type { Store } from '../../src/store/store';
import { createI18n } from '../../src/web/i18n';
import { DATABASES, openTestStore } from '../store/support/databases';
import {
  destinationsOf,
  housingForm,
  SECRET,
  submitJourney,
  webhookTo,
} from './support/outbox-fixture';
import { WebhookReceiver, type Behaviour } from './support/webhook-receiver';

const i18n = createI18n();
const DAY_MS = 24 * 60 * 60_000;

describe.each(DATABASES)('the delivery worker on %s, to a real HTTP receiver', (kind) => {
  let store: Store;
  let receiver: WebhookReceiver;
  let behaviours: Record<string, Behaviour>;
  let url: string;
  let now: number;
  let form: FormDefinition;
  let config: DestinationsConfig;

  const worker = (id = 'w1'): DeliveryWorker =>
    createDeliveryWorker({
      store,
      forms: new Map([[form.id, form]]),
      destinations: config,
      i18n,
      workerId: id,
      clock: () => now,
      rng: () => 0.5,
    });

  beforeEach(async () => {
    now = Date.now();
    store = await openTestStore(kind, { clock: () => now });
    behaviours = {};
    receiver = new WebhookReceiver(behaviours);
    url = await receiver.start();
    form = housingForm('housing-webhook');
    // A generous time limit: a loaded machine must not turn a 2xx into a timeout.
    config = destinationsOf(webhookTo(`${url}/hook`, 'housing-webhook', 10_000));
  }, 60_000);
  afterEach(async () => {
    await receiver.stop();
    await store.close();
  });

  it('delivers on a 2xx, signed by Standard Webhooks, and records when', async () => {
    const reference = await submitJourney(store, form, config, 'tx-ok');
    expect(await worker().runOnce()).toBe(1);
    expect(receiver.received).toHaveLength(1);
    const got = receiver.received[0];
    const payload = new Webhook(SECRET).verify(
      got?.body ?? '',
      got?.headers as Record<string, string>,
    ) as WebhookPayload;
    expect(payload).toMatchObject({ version: 1, reference, channel: 'online', language: 'cy' });
    expect(payload.form.id).toBe('report-housing-repair');
    expect(got?.headers['webhook-id']).toBe(`msg_${reference.replace(/-/g, '')}_housing-webhook`);
    expect(await store.deliveries.listForSubmission(reference)).toEqual([
      expect.objectContaining({ status: 'delivered', deliveredAt: now, attempts: 1 }),
    ]);
    // Nothing is due any more: no second POST.
    expect(await worker().runOnce()).toBe(0);
    expect(receiver.received).toHaveLength(1);
  }, 60_000);

  it('retries a 500, a redirect (not followed) and a timeout with the same webhook-id, then delivers', async () => {
    // Short enough for the receiver that never answers.
    config = destinationsOf(webhookTo(`${url}/hook`, 'housing-webhook', 500));
    const reference = await submitJourney(store, form, config, 'tx-retry');
    const tries: Array<[Behaviour, string]> = [
      [{ status: 500 }, 'status: HTTP 500'],
      [
        { status: 302, headers: { location: `${url}/elsewhere` } },
        'redirect: HTTP 302, not followed',
      ],
      ['never-answer', 'timeout: no answer in 500 ms'],
    ];
    for (const [behaviour, error] of tries) {
      behaviours['/hook'] = behaviour;
      expect(await worker().runOnce()).toBe(1);
      const [row] = await store.deliveries.listForSubmission(reference);
      expect(row).toMatchObject({ status: 'pending', lastError: error });
      // Not again before its time.
      expect(await worker().runOnce()).toBe(0);
      now = row?.nextTryAt ?? now;
    }
    behaviours['/hook'] = { status: 204 };
    expect(await worker().runOnce()).toBe(1);
    const [row] = await store.deliveries.listForSubmission(reference);
    expect(row).toMatchObject({ status: 'delivered', attempts: 4 });
    expect(receiver.received.map((r) => r.path)).toEqual(['/hook', '/hook', '/hook', '/hook']);
    expect(new Set(receiver.received.map((r) => r.headers['webhook-id'])).size).toBe(1);
  }, 60_000);

  it('dead-letters a delivery still failing 24 hours after its first try, and keeps it', async () => {
    const reference = await submitJourney(store, form, config, 'tx-dead');
    behaviours['/hook'] = { status: 503 };
    const first = now;
    let tries = 0;
    for (;;) {
      expect(await worker().runOnce()).toBe(1);
      tries += 1;
      const [row] = await store.deliveries.listForSubmission(reference);
      if (row?.status === 'dead') break;
      expect(row?.nextTryAt).toBeGreaterThan(now);
      now = row?.nextTryAt ?? now;
      if (tries > 500) throw new Error('never dead-lettered');
    }
    const [dead] = await store.deliveries.listForSubmission(reference);
    expect(dead).toMatchObject({ status: 'dead', attempts: tries, lastError: 'status: HTTP 503' });
    // Tried for the whole day, not less; the last try falls on the day's end.
    expect(now - first).toBe(DAY_MS);
    expect(tries).toBeGreaterThan(24);
    expect(receiver.received).toHaveLength(tries);
    now += DAY_MS;
    expect(await worker().runOnce()).toBe(0);
    expect(await store.deliveries.counts()).toEqual({ pending: 0, delivered: 0, dead: 1 });
  }, 120_000);

  it('sends each submission its own answers, once, under its own webhook-id', async () => {
    const references = [];
    for (let i = 0; i < 12; i++)
      references.push(await submitJourney(store, form, config, `tx-${i}`));
    const [a, b] = [worker('a'), worker('b')];
    let tried = 0;
    for (let round = 0; round < 10; round++) {
      const [x, y] = await Promise.all([a.runOnce(), b.runOnce()]);
      tried += x + y;
      if (x + y === 0) break;
    }
    expect(tried).toBe(12);
    expect(receiver.received).toHaveLength(12);
    for (const got of receiver.received) {
      const payload = JSON.parse(got.body) as WebhookPayload;
      const transaction = references.indexOf(payload.reference);
      expect(transaction).toBeGreaterThanOrEqual(0);
      expect(got.headers['webhook-id']).toBe(
        `msg_${payload.reference.replace(/-/g, '')}_housing-webhook`,
      );
      const description = payload.answers.find(
        (entry) => 'questionId' in entry && entry.questionId === 'problem-description',
      );
      expect(description).toMatchObject({ value: `Leak reported in tx-${transaction}` });
    }
    expect(new Set(receiver.received.map((r) => r.headers['webhook-id'])).size).toBe(12);
  }, 60_000);

  it('records a destination the service no longer has as a failure to retry, and sends nothing', async () => {
    const reference = await submitJourney(store, form, config, 'tx-gone');
    config = destinationsOf();
    expect(await worker().runOnce()).toBe(1);
    expect(await store.deliveries.listForSubmission(reference)).toEqual([
      expect.objectContaining({
        status: 'pending',
        lastError: 'not-configured: no destination "housing-webhook"',
      }),
    ]);
    expect(receiver.received).toHaveLength(0);
  }, 60_000);
});
