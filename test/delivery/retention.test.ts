import { createHash, randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import pino from 'pino';
import { submitWithDeliveries } from '../../src/delivery/outbox';
import { deleteDeliveredSubmissions, RETENTION_ACTOR } from '../../src/delivery/retention';
import type { FormDefinition } from '../../src/definition/types';
import type { Store } from '../../src/store/store';
import { ownedBlobKey, type BlobStore } from '../../src/uploads/blob-store';
import type { StoredFile } from '../../src/uploads/stored-file';
import { createFolderBlobStore } from '../../src/uploads/folder-blob-store';
import { startAppPurgeJob } from '../../src/web/app-purge-job';
import { tempDataDir, testApp } from '../support/agent';
import { DATABASES, openTestStore } from '../store/support/databases';
import { destinationsOf, housingForm, webhookTo } from './support/outbox-fixture';
import { sampleAnswers } from './support/sample-submission';

const T0 = Date.parse('2031-03-14T10:00:00Z');
const DAY = 86_400_000;
const KEEP = 30 * DAY;

const config = destinationsOf(webhookTo('https://housing.example.gov.uk/hook'), {
  id: 'housing-pull',
  type: 'pull-api',
});

describe.each(DATABASES)('retention on %s', (kind) => {
  let store: Store;
  let blobs: BlobStore;
  beforeEach(async () => {
    store = await openTestStore(kind);
    blobs = createFolderBlobStore({ dir: tempDataDir(), keyring: { current: randomBytes(32) } });
  });
  afterEach(() => store.close());

  /** A submission at T0 whose answers hold an uploaded photo, stored in the blob store. */
  async function submitWithPhoto(form: FormDefinition, id: string) {
    const key = ownedBlobKey(id);
    const bytes = Buffer.from(`photo of the leak in ${id}`);
    await blobs.put(key, bytes);
    const photo: StoredFile = {
      id: key,
      name: 'leak.jpg',
      size: bytes.length,
      kind: 'jpeg',
      sha256: createHash('sha256').update(bytes).digest('hex'),
    };
    const answers = { ...sampleAnswers(form), photos: [photo] };
    const { submission } = await submitWithDeliveries(store, config, form, {
      draft: {
        id,
        formId: form.id,
        formVersion: form.version,
        answers,
        done: [],
        language: 'en',
        channel: 'online',
        createdAt: T0,
        updatedAt: T0,
      },
      answers,
      at: T0,
    });
    return { reference: submission.reference, key };
  }

  /** Delivers a submission's webhook at a time, as the worker records it. */
  async function deliverWebhook(reference: string, at: number) {
    const rows = await store.deliveries.claimDue('w', at, 60_000, 100);
    for (const row of rows) {
      if (row.reference === reference) await store.deliveries.markDelivered(row.id, 'w', at);
    }
  }

  it('deletes a submission, its deliveries and its files only once every destination has had it for the time set, with an audit line', async () => {
    const form = housingForm('housing-webhook', 'housing-pull');
    const both = await submitWithPhoto(form, 'both');
    const noReceipt = await submitWithPhoto(form, 'no-receipt');
    const failing = await submitWithPhoto(form, 'failing');
    const nowhere = await submitWithPhoto(housingForm(), 'nowhere');
    await deliverWebhook(both.reference, T0 + DAY);
    await deliverWebhook(noReceipt.reference, T0 + DAY);
    await store.deliveries.markPulled(both.reference, T0 + 2 * DAY);
    await store.deliveries.markPulled(failing.reference, T0 + DAY);
    const [row] = (await store.deliveries.listForSubmission(failing.reference)).filter(
      (d) => d.kind === 'send',
    );
    await store.deliveries.claimDue('x', T0 + DAY, 60_000, 100);
    await store.deliveries.markFailed(row?.id ?? 0, 'x', {
      at: T0 + DAY,
      error: 'status: HTTP 500',
      next: 'dead',
    });

    // The receipt came 2 days after T0: a day short of its 30 days, nothing goes.
    expect(
      await deleteDeliveredSubmissions(store, T0 + 2 * DAY + KEEP - 1, { keepMs: KEEP, blobs }),
    ).toBe(0);
    expect(await store.journeys.findSubmission(both.reference)).toBeDefined();
    expect(await blobs.get(both.key)).toBeDefined();

    // Long after: only the one every destination has (webhook delivered and receipt given).
    const later = T0 + 400 * DAY;
    expect(await deleteDeliveredSubmissions(store, later, { keepMs: KEEP, blobs })).toBe(1);
    expect(await store.journeys.findSubmission(both.reference)).toBeUndefined();
    expect(await store.deliveries.listForSubmission(both.reference)).toEqual([]);
    expect(await blobs.get(both.key)).toBeUndefined();
    for (const kept of [noReceipt, failing, nowhere]) {
      expect(await store.journeys.findSubmission(kept.reference)).toBeDefined();
      expect((await blobs.get(kept.key))?.toString()).toMatch(/^photo of the leak in /);
    }
    expect(await store.staff.listAudit({ actorUsername: RETENTION_ACTOR })).toEqual([
      expect.objectContaining({
        at: later,
        action: 'delete-submission',
        target: both.reference,
        detail: 'report-housing-repair',
      }),
    ]);
    // The audit line holds no answer.
    expect(JSON.stringify(await store.inspect.rows('audit_events'))).not.toContain('leak');

    // A submission replayed since is kept until it is delivered again, and its time runs again.
    await store.deliveries.markPulled(noReceipt.reference, later);
    await store.deliveries.replay({ reference: noReceipt.reference }, later);
    expect(
      await deleteDeliveredSubmissions(store, later + KEEP + DAY, { keepMs: KEEP, blobs }),
    ).toBe(0);
    await deliverWebhook(noReceipt.reference, later + DAY);
    expect(await deleteDeliveredSubmissions(store, later + KEEP, { keepMs: KEEP, blobs })).toBe(0);
    expect(
      await deleteDeliveredSubmissions(store, later + DAY + KEEP, { keepMs: KEEP, blobs }),
    ).toBe(1);
    expect(await store.journeys.findSubmission(noReceipt.reference)).toBeUndefined();
  });

  it('runs in the service’s clean-up job when SUBMISSION_RETENTION_DAYS is set', async () => {
    const form = housingForm('housing-webhook');
    const app = testApp({
      store,
      forms: new Map([[form.id, form]]),
      destinations: config,
      submissionRetentionDays: 30,
    });
    try {
      const { reference } = await submitWithPhoto(form, 'job');
      await deliverWebhook(reference, T0 + DAY);
      const logged: Array<Record<string, unknown>> = [];
      const logger = pino(
        { level: 'info' },
        new Writable({
          write(chunk: Buffer, _encoding, done) {
            logged.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
            done();
          },
        }),
      );
      const job = startAppPurgeJob(app, logger, () => T0 + 31 * DAY + 1);
      try {
        while (!logged.some((line) => line.event === 'purge')) {
          await new Promise((resolve) => setImmediate(resolve));
        }
      } finally {
        job.stop();
      }
      expect(logged.find((line) => line.event === 'purge')).toMatchObject({ submissions: 1 });
      expect(await app.store.journeys.findSubmission(reference)).toBeUndefined();
    } finally {
      await app.close();
    }
  });
});
