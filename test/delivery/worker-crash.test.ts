import fs from 'node:fs';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { Webhook } from 'standardwebhooks';
import type { WebhookPayload } from '../../src/delivery/webhook-payload';
import { createDeliveryWorker } from '../../src/delivery/worker';
import { sqliteFile } from '../../src/store/open-store';
import { openPostgresStore } from '../../src/store/postgres-store';
import { openSqliteStore } from '../../src/store/sqlite-store';
import type { Store } from '../../src/store/store';
import { createI18n } from '../../src/web/i18n';
import { tempDataDir } from '../support/agent';
import { DATABASES, postgresSchemaUrl } from '../store/support/databases';
import {
  destinationsOf,
  housingForm,
  ROOT,
  SECRET,
  submitJourney,
  webhookTo,
} from './support/outbox-fixture';
import { formsFolder, SlowReceiver } from './support/slow-receiver';

const SUBMISSIONS = 30;

describe.each(DATABASES)('delivery on %s when the worker process is killed (SIGKILL)', (kind) => {
  let receiver: SlowReceiver;
  let child: ChildProcess | undefined;
  afterEach(async () => {
    child?.kill('SIGKILL');
    await receiver.stop();
  });

  it('delivers every submission after a restart, each under one webhook-id with its own answers', async () => {
    receiver = new SlowReceiver();
    const url = await receiver.start();
    const dataDir = tempDataDir();
    const databaseUrl = kind === 'postgres' ? await postgresSchemaUrl() : undefined;
    const open = (): Promise<Store> | Store =>
      databaseUrl
        ? openPostgresStore({ connectionString: databaseUrl })
        : openSqliteStore({ file: sqliteFile({ dataDir }) });
    const form = housingForm('housing-webhook');
    const config = destinationsOf(webhookTo(url));
    const store = await open();
    const references: string[] = [];
    try {
      for (let i = 0; i < SUBMISSIONS; i++) {
        references.push(await submitJourney(store, form, config, `tx-${i}`));
      }
    } finally {
      await store.close();
    }
    const destinationsFile = path.join(dataDir, 'destinations.json');
    fs.writeFileSync(
      destinationsFile,
      JSON.stringify({
        destinations: [
          {
            id: 'housing-webhook',
            type: 'webhook',
            url,
            allowInsecure: true,
            secret: { env: 'HOUSING_WEBHOOK_SECRET' },
          },
        ],
      }),
    );
    child = spawn(process.execPath, [path.join(ROOT, 'bin', 'civic-forms.js'), 'deliver'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        DATA_DIR: dataDir,
        ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
        FORMS_DIR: formsFolder(),
        DESTINATIONS_FILE: destinationsFile,
        HOUSING_WEBHOOK_SECRET: SECRET,
        DELIVERY_POLL_SECONDS: '0.2',
      },
      stdio: 'ignore',
    });
    // Killed with tries in flight: some answered and recorded, some answered and not recorded.
    for (let waited = 0; receiver.received.length < 12; waited += 50) {
      if (waited > 60_000) throw new Error('the worker process sent nothing');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    child.kill('SIGKILL');
    await new Promise((resolve) => child?.once('exit', resolve));
    const sentBeforeKill = receiver.received.length;
    expect(sentBeforeKill).toBeLessThan(SUBMISSIONS);

    // Restarted: the killed worker's claims are taken over once their time runs out (here, the
    // clock is moved past it rather than waiting minutes).
    const restarted = await open();
    try {
      const worker = createDeliveryWorker({
        store: restarted,
        forms: new Map([[form.id, form]]),
        destinations: config,
        i18n: createI18n(),
        clock: () => Date.now() + 10 * 60_000,
      });
      while ((await worker.runOnce()) > 0);
      expect(await restarted.deliveries.counts()).toEqual({
        pending: 0,
        delivered: SUBMISSIONS,
        dead: 0,
      });
    } finally {
      await restarted.close();
    }

    // Every submission arrived; a resend (at least once) always has the same webhook-id, and every
    // body, verified, is the submission its id names, with that submission's own answers.
    const idsByReference = new Map<string, Set<string>>();
    for (const got of receiver.received) {
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
      const ids = idsByReference.get(payload.reference) ?? new Set<string>();
      ids.add(got.id);
      idsByReference.set(payload.reference, ids);
    }
    expect([...idsByReference.keys()].sort()).toEqual([...references].sort());
    for (const ids of idsByReference.values()) expect(ids.size).toBe(1);
  }, 180_000);
});
