import path from 'node:path';
import type { Draft } from '../../../src/engine/answers';
import type { DeliveryTarget } from '../../../src/store/delivery-repository';
import { openPostgresStore } from '../../../src/store/postgres-store';
import { openSqliteStore } from '../../../src/store/sqlite-store';
import type { Store } from '../../../src/store/store';
import { tempDataDir } from '../../support/agent';
import {
  DATABASES,
  openTestStore,
  postgresSchemaUrl,
  type TestDatabase,
} from '../support/databases';

const T0 = Date.parse('2031-03-14T10:00:00Z');

function draft(id: string, formId = 'report-housing-repair'): Draft {
  return {
    id,
    formId,
    formVersion: '1.0',
    answers: { 'tenant-name': 'Llŷr ap Siôn' },
    done: ['tenant-name'],
    language: 'cy',
    channel: 'online',
    createdAt: T0 - 60_000,
    updatedAt: T0,
  };
}

/**
 * The databases' own codes for a broken rule (SQLite's, PostgreSQL's SQLSTATE). Matched by code, not
 * by class: better-sqlite3 makes its errors with the class of the first test file that loaded it in
 * this jest worker, which is not an Error of this file's realm.
 */
const UNIQUE_VIOLATION = expect.stringMatching(/^(SQLITE_CONSTRAINT_UNIQUE|23505)$/);
const FOREIGN_KEY_VIOLATION = expect.stringMatching(/^(SQLITE_CONSTRAINT_FOREIGNKEY|23503)$/);

const WEBHOOK: DeliveryTarget = { destination: 'housing-webhook', webhookId: 'x', pull: false };

function targets(reference: string, ...ids: string[]): DeliveryTarget[] {
  return ids.map((id) => ({
    destination: id,
    webhookId: `msg_${reference}_${id}`,
    pull: id.endsWith('-pull'),
  }));
}

/** Submits a journey and enqueues its deliveries in one transaction, as the service does. */
async function submitted(store: Store, id: string, ...destinations: string[]): Promise<string> {
  return store.tx(async (t) => {
    const { submission } = await t.journeys.submit(draft(id), draft(id).answers, T0);
    await t.deliveries.enqueue(
      submission.reference,
      submission.formId,
      targets(submission.reference, ...destinations),
    );
    return submission.reference;
  });
}

/**
 * Two stores on one database, as two workers have. PostgreSQL: two pools on one schema. SQLite is
 * one process's database: its workers share the one connection, whose write lock orders their
 * claims (a second connection in the same process would wait for the lock on the only thread, the
 * one that must release it; separate processes are tested in test/delivery/worker-crash.test.ts).
 */
async function twoStores(kind: TestDatabase, clock: () => number): Promise<[Store, Store]> {
  if (kind === 'sqlite') {
    const store = openSqliteStore({ file: path.join(tempDataDir(), 'civic-forms.sqlite'), clock });
    return [store, store];
  }
  const connectionString = await postgresSchemaUrl();
  const first = await openPostgresStore({ connectionString, clock });
  return [first, await openPostgresStore({ connectionString, clock })];
}

/** The first pull page of the repair form once it lists `count` rows (a minute at most). */
async function pulledOnceSettled(store: Store, count: number) {
  for (let tries = 0; ; tries++) {
    const page = await store.deliveries.pullPage('report-housing-repair', undefined, 10);
    if (page.length >= count || tries >= 600) return page;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.each(DATABASES)('store contract on %s: deliveries', (kind) => {
  let store: Store;
  beforeEach(async () => {
    store = await openTestStore(kind, { clock: () => T0 });
  }, 60_000);
  afterEach(() => store.close());

  it('enqueues one pending row per destination, due at once; a pull row waits for a receipt', async () => {
    const reference = await submitted(store, 'tx-1', 'housing-webhook', 'housing-pull');
    const rows = await store.deliveries.listForSubmission(reference);
    expect(rows).toEqual([
      expect.objectContaining({
        destination: 'housing-pull',
        kind: 'pull',
        status: 'pending',
        nextTryAt: undefined,
        attempts: 0,
        formId: 'report-housing-repair',
      }),
      expect.objectContaining({
        destination: 'housing-webhook',
        kind: 'send',
        status: 'pending',
        nextTryAt: T0,
        webhookId: `msg_${reference}_housing-webhook`,
        createdAt: T0,
      }),
    ]);
    expect(await store.deliveries.counts()).toEqual({ pending: 2, delivered: 0, dead: 0 });
    const claimed = await store.deliveries.claimDue('w1', T0, 60_000, 10);
    expect(claimed.map((d) => d.destination)).toEqual(['housing-webhook']);
    expect(claimed[0]).toMatchObject({ claimedBy: 'w1', claimedUntil: T0 + 60_000 });
  }, 60_000);

  it('keeps a submission and its delivery rows together: one is never written without the other', async () => {
    // The second row repeats a destination, which the table refuses: the whole transaction goes.
    await expect(
      store.tx(async (t) => {
        const { submission } = await t.journeys.submit(draft('tx-2'), {}, T0);
        await t.deliveries.enqueue(submission.reference, submission.formId, [WEBHOOK, WEBHOOK]);
      }),
    ).rejects.toMatchObject({ code: UNIQUE_VIOLATION });
    expect(await store.inspect.count('submissions')).toBe(0);
    expect(await store.inspect.count('deliveries')).toBe(0);
    // And rows for a submission that does not exist are refused by the database itself.
    await expect(
      store.deliveries.enqueue('K7QM-3XPD-9C', 'report-housing-repair', [WEBHOOK]),
    ).rejects.toMatchObject({ code: FOREIGN_KEY_VIOLATION });
    expect(await store.inspect.count('deliveries')).toBe(0);
  }, 60_000);

  it('records a failed try with its next time, then dead; a retry makes it due again from the start', async () => {
    const reference = await submitted(store, 'tx-3', 'housing-webhook');
    const [row] = await store.deliveries.claimDue('w1', T0, 60_000, 10);
    if (!row) throw new Error('nothing claimed');
    expect(
      await store.deliveries.markFailed(row.id, 'w1', {
        at: T0 + 1000,
        error: 'status: HTTP 500',
        next: { nextTryAt: T0 + 31_000 },
      }),
    ).toBe(true);
    expect(await store.deliveries.claimDue('w1', T0 + 30_000, 60_000, 10)).toEqual([]);
    const [again] = await store.deliveries.claimDue('w2', T0 + 31_000, 60_000, 10);
    expect(again).toMatchObject({
      attempts: 1,
      firstTriedAt: T0 + 1000,
      lastError: 'status: HTTP 500',
      claimedBy: 'w2',
    });
    // w1's claim has gone: it can no longer record anything on this row.
    expect(await store.deliveries.markDelivered(row.id, 'w1', T0 + 31_000)).toBe(false);
    expect(
      await store.deliveries.markFailed(row.id, 'w2', {
        at: T0 + 32_000,
        error: 'timeout: no answer in 10000 ms',
        next: 'dead',
      }),
    ).toBe(true);
    expect(await store.deliveries.claimDue('w2', T0 + 10 ** 9, 60_000, 10)).toEqual([]);
    expect(await store.deliveries.listForSubmission(reference)).toEqual([
      expect.objectContaining({ status: 'dead', attempts: 2, nextTryAt: undefined }),
    ]);
    expect(await store.deliveries.counts('report-housing-repair')).toEqual({
      pending: 0,
      delivered: 0,
      dead: 1,
    });
    expect(await store.deliveries.list({ status: 'dead' })).toEqual([
      expect.objectContaining({ reference, destination: 'housing-webhook' }),
    ]);
    expect(await store.deliveries.list({ status: 'pending' })).toEqual([]);
    expect(await store.deliveries.list({ formId: 'another-form' })).toEqual([]);
    expect(await store.deliveries.retry(reference, 'housing-webhook', T0 + 40_000)).toBe(true);
    const [retried] = await store.deliveries.claimDue('w3', T0 + 40_000, 60_000, 10);
    expect(retried).toMatchObject({ status: 'pending', attempts: 0, firstTriedAt: undefined });
    expect(await store.deliveries.markDelivered(retried?.id ?? 0, 'w3', T0 + 41_000)).toBe(true);
    expect(await store.deliveries.listForSubmission(reference)).toEqual([
      expect.objectContaining({ status: 'delivered', deliveredAt: T0 + 41_000, attempts: 1 }),
    ]);
    // A delivered row is not retried.
    expect(await store.deliveries.retry(reference, 'housing-webhook', T0 + 50_000)).toBe(false);
  }, 60_000);

  it("lists the deliveries of a set of forms (an agency's), or of every form but a set", async () => {
    const ofForm = (id: string, formId: string) =>
      store.tx(async (t) => {
        const { submission } = await t.journeys.submit(draft(id, formId), {}, T0);
        await t.deliveries.enqueue(submission.reference, formId, [WEBHOOK]);
        return submission.reference;
      });
    const repair = await ofForm('tx-repair', 'report-housing-repair');
    const tax = await ofForm('tx-tax', 'council-tax-reduction');
    const moving = await ofForm('tx-moving', 'register-change-of-address');
    const listed = async (filter: Parameters<Store['deliveries']['list']>[0]) =>
      (await store.deliveries.list(filter)).map((d) => d.reference);
    expect(await listed({})).toEqual([moving, tax, repair]);
    expect(
      await listed({ forms: { only: ['council-tax-reduction', 'register-change-of-address'] } }),
    ).toEqual([moving, tax]);
    expect(await listed({ forms: { except: ['council-tax-reduction'] } })).toEqual([
      moving,
      repair,
    ]);
    expect(await listed({ forms: { only: [] } })).toEqual([]);
    expect(await listed({ forms: { except: [] } })).toEqual([moving, tax, repair]);
    expect(
      await listed({ forms: { only: ['report-housing-repair'] }, formId: 'council-tax-reduction' }),
    ).toEqual([]);
    expect(await listed({ forms: { except: ['report-housing-repair'] }, limit: 1 })).toEqual([
      moving,
    ]);
  }, 60_000);

  it('lets another worker take over a claim whose time ran out, and only then', async () => {
    await submitted(store, 'tx-4', 'housing-webhook');
    const [row] = await store.deliveries.claimDue('stuck', T0, 5_000, 10);
    expect(row).toBeDefined();
    expect(await store.deliveries.claimDue('other', T0 + 4_999, 5_000, 10)).toEqual([]);
    const [taken] = await store.deliveries.claimDue('other', T0 + 5_001, 5_000, 10);
    expect(taken).toMatchObject({ id: row?.id, claimedBy: 'other' });
    expect(await store.deliveries.markDelivered(taken?.id ?? 0, 'stuck', T0 + 6_000)).toBe(false);
    expect(await store.deliveries.markDelivered(taken?.id ?? 0, 'other', T0 + 6_000)).toBe(true);
  }, 60_000);

  it('never gives one row to two workers claiming at the same moment', async () => {
    const [a, b] = await twoStores(kind, () => T0);
    try {
      for (let i = 0; i < 30; i++)
        await submitted(a, `tx-c${i}`, 'housing-webhook', 'housing-inbox');
      const claims = await Promise.all(
        Array.from({ length: 16 }, (_, i) =>
          (i % 2 === 0 ? a : b).deliveries.claimDue(`w${i}`, T0, 60_000, 5),
        ),
      );
      const ids = claims.flat().map((d) => d.id);
      expect(ids).toHaveLength(60);
      expect(new Set(ids).size).toBe(60);
      // Each row says which worker has it, and it is the one that got it.
      claims.forEach((rows, i) => rows.forEach((d) => expect(d.claimedBy).toBe(`w${i}`)));
    } finally {
      await a.close();
      if (b !== a) await b.close();
    }
  }, 120_000);

  it('gives pull rows in commit order after a cursor, and marks them delivered on receipt', async () => {
    const first = await submitted(store, 'tx-p1', 'housing-pull', 'housing-webhook');
    const second = await submitted(store, 'tx-p2', 'housing-pull');
    // On PostgreSQL a row is listed once every older transaction of the server has ended, and
    // other test files' transactions (other databases, same server) may still be running.
    const page = await pulledOnceSettled(store, 2);
    expect(page.map((r) => r.reference)).toEqual([first, second]);
    const after = await store.deliveries.pullPage('report-housing-repair', page[0], 10);
    expect(after.map((r) => r.reference)).toEqual([second]);
    expect(await store.deliveries.pullPage('report-housing-repair', page[1], 10)).toEqual([]);
    expect(await store.deliveries.pullPage('another-form', undefined, 10)).toEqual([]);
    expect(await store.deliveries.markPulled(first, T0 + 5)).toBe(1);
    expect(await store.deliveries.markPulled(first, T0 + 6)).toBe(0);
    expect(await store.deliveries.listForSubmission(first)).toEqual([
      expect.objectContaining({
        destination: 'housing-pull',
        status: 'delivered',
        deliveredAt: T0 + 5,
      }),
      expect.objectContaining({ destination: 'housing-webhook', status: 'pending' }),
    ]);
  }, 60_000);

  it('keeps API keys by hash, revokes them by name, and keeps the first receipt', async () => {
    await store.apiKeys.addKey({
      id: 'k1',
      name: 'housing-crm',
      hash: 'a'.repeat(64),
      hint: 'cfk_abcd…',
      agency: 'northbrook-housing',
      forms: ['report-housing-repair', 'parking-permit'],
      createdAt: T0,
    });
    expect(await store.apiKeys.findKeyByHash('a'.repeat(64))).toMatchObject({
      id: 'k1',
      forms: ['report-housing-repair', 'parking-permit'],
      revokedAt: undefined,
    });
    expect(await store.apiKeys.findKeyByHash('b'.repeat(64))).toBeUndefined();
    await store.apiKeys.touchKey('k1', T0 + 1);
    expect(await store.apiKeys.revokeKey('housing-crm', T0 + 2)).toBe(true);
    expect(await store.apiKeys.revokeKey('housing-crm', T0 + 3)).toBe(false);
    expect(await store.apiKeys.listKeys()).toEqual([
      expect.objectContaining({ id: 'k1', lastUsedAt: T0 + 1, revokedAt: T0 + 2 }),
    ]);
    const reference = await submitted(store, 'tx-r', 'housing-pull');
    const receipt = { reference, apiKeyId: 'k1', at: T0 + 10 };
    expect(await store.apiKeys.addReceipt(receipt)).toEqual(receipt);
    expect(await store.apiKeys.addReceipt({ ...receipt, at: T0 + 20 })).toEqual(receipt);
    expect(await store.apiKeys.findReceipt(reference)).toEqual(receipt);
    await expect(
      store.apiKeys.addReceipt({ ...receipt, reference: 'NOPE-NOPE-NO' }),
    ).rejects.toMatchObject({ code: FOREIGN_KEY_VIOLATION });
  }, 60_000);
});
