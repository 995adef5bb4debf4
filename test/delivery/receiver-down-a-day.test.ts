import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { DEFAULT_RETRY } from '../../src/delivery/destination';
import type { WebhookPayload } from '../../src/delivery/webhook-payload';
import { createDeliveryWorker } from '../../src/delivery/worker';
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

const HOUR = 3_600_000;

/**
 * A receiver that answers 503 until the simulated clock reaches `upAt`, then 204; it notes the
 * simulated time of every request it gets.
 */
class ReceiverDownUntil {
  readonly got: Array<{ at: number; id: string; body: string; headers: http.IncomingHttpHeaders }> =
    [];
  private readonly server: http.Server;
  constructor(
    private readonly clock: () => number,
    private readonly upAt: number,
  ) {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const at = this.clock();
        const body = Buffer.concat(chunks).toString();
        this.got.push({ at, id: String(req.headers['webhook-id']), body, headers: req.headers });
        res.writeHead(at >= this.upAt ? 204 : 503).end();
      });
    });
  }
  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
  }
  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

describe.each(DATABASES)('delivery on %s when a receiver is down for a day', (kind) => {
  let store: Store;
  const receivers: ReceiverDownUntil[] = [];
  beforeEach(async () => {
    store = await openTestStore(kind);
  });
  afterEach(async () => {
    await Promise.all(receivers.splice(0).map((r) => r.stop()));
    await store.close();
  });

  it('delivers everything to a receiver back after 23 hours, and dead-letters one still down at 24 hours exactly per the schedule', async () => {
    const T0 = Date.now();
    let now = T0;
    const clock = () => now;
    const back = new ReceiverDownUntil(clock, T0 + 23 * HOUR);
    const never = new ReceiverDownUntil(clock, Number.POSITIVE_INFINITY);
    receivers.push(back, never);
    const form = housingForm('housing-webhook', 'archive-webhook');
    const config = destinationsOf(
      webhookTo(await back.start(), 'housing-webhook'),
      webhookTo(await never.start(), 'archive-webhook'),
    );
    const references: string[] = [];
    for (let i = 0; i < 5; i++)
      references.push(await submitJourney(store, form, config, `tx-${i}`));
    const worker = createDeliveryWorker({
      store,
      forms: new Map([[form.id, form]]),
      destinations: config,
      i18n: createI18n(),
      clock,
      rng: () => 0.5,
    });

    // The simulated clock jumps to each next due try: a day passes in a few hundred tries.
    for (let round = 0; round < 10_000; round++) {
      await worker.runOnce();
      const pending = await store.deliveries.list({ status: 'pending', limit: 10_000 });
      if (pending.length === 0) break;
      now = Math.max(now, Math.min(...pending.map((d) => d.nextTryAt ?? now)));
    }

    expect(await store.deliveries.counts()).toEqual({ pending: 0, delivered: 5, dead: 5 });
    for (const reference of references) {
      const [archive, housing] = await store.deliveries.listForSubmission(reference);
      expect(housing).toMatchObject({ status: 'delivered' });
      expect(housing?.deliveredAt).toBeGreaterThanOrEqual(T0 + 23 * HOUR);
      // Tried until 24 hours after its first try, the last try falling on that time; then dead.
      expect(archive).toMatchObject({ status: 'dead', lastError: 'status: HTTP 503' });
      expect((archive?.lastTriedAt ?? 0) - (archive?.firstTriedAt ?? 0)).toBe(
        DEFAULT_RETRY.giveUpAfterMs,
      );
      const tries = never.got.filter((g) => g.id === archive?.webhookId).map((g) => g.at);
      expect(tries).toHaveLength(archive?.attempts ?? -1);
      // The schedule, with the jitter fixed at half: half of 30 s doubling each try, at most
      // half an hour (half of the hour's cap), the last gap cut to land on 24 hours.
      const gaps = tries.slice(1).map((at, i) => at - (tries[i] ?? 0));
      gaps.slice(0, -1).forEach((gap, i) => {
        expect(gap).toBe(Math.max(1000, Math.min(0.5 * 30_000 * 2 ** i, 0.5 * HOUR)));
      });
      expect(tries.at(-1)).toBe((tries[0] ?? 0) + DEFAULT_RETRY.giveUpAfterMs);
    }
    // Nothing is tried after it is dead: every try the receiver still down got fell within the
    // day of its delivery, and each was recorded.
    const dead = await store.deliveries.list({ status: 'dead' });
    const end = new Map(
      dead.map((d) => [d.webhookId, (d.firstTriedAt ?? 0) + DEFAULT_RETRY.giveUpAfterMs]),
    );
    expect(never.got.filter((g) => g.at > (end.get(g.id) ?? 0))).toEqual([]);
    expect(never.got.length).toBe(dead.reduce((sum, d) => sum + d.attempts, 0));

    // Each submission reached the receiver that came back under one webhook-id, with its answers.
    const delivered = back.got.filter((g) => g.at >= T0 + 23 * HOUR);
    expect(delivered).toHaveLength(5);
    for (const got of back.got) {
      const payload = new Webhook(SECRET).verify(
        got.body,
        got.headers as Record<string, string>,
      ) as WebhookPayload;
      expect(got.id).toBe(`msg_${payload.reference.replace(/-/g, '')}_housing-webhook`);
      const description = payload.answers.find(
        (e) => 'questionId' in e && e.questionId === 'problem-description',
      );
      expect(description).toMatchObject({
        value: `Leak reported in tx-${references.indexOf(payload.reference)}`,
      });
    }
    expect(new Set(delivered.map((g) => g.id)).size).toBe(5);
  }, 180_000);
});
