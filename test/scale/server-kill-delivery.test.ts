import fs from 'node:fs';
import path from 'node:path';
import { Webhook } from 'standardwebhooks';
import type { WebhookPayload } from '../../src/delivery/webhook-payload';
import { sqliteFile } from '../../src/store/open-store';
import { openPostgresStore } from '../../src/store/postgres-store';
import { openSqliteStore } from '../../src/store/sqlite-store';
import type { Store } from '../../src/store/store';
import {
  destinationsOf,
  housingForm,
  SECRET,
  submitJourney,
  webhookTo,
} from '../delivery/support/outbox-fixture';
import { formsFolder, SlowReceiver } from '../delivery/support/slow-receiver';
import { tempDataDir } from '../support/agent';
import { startService, type ServiceProcess } from '../support/service-process';
import { DATABASES, postgresSchemaUrl } from '../store/support/databases';

const SUBMISSIONS = 30;

/** Resolves once `check` holds, asking every 100 ms; fails after `timeoutMs`. */
async function until(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 120_000) {
  for (let waited = 0; !(await check()); waited += 100) {
    if (waited > timeoutMs) throw new Error(`waited ${timeoutMs} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.each(DATABASES)('delivery on %s when the server (npm start) is killed', (kind) => {
  let receiver: SlowReceiver;
  let server: ServiceProcess | undefined;
  afterEach(async () => {
    server?.child.kill('SIGKILL');
    await server?.exited;
    await receiver.stop();
  });

  it('delivers every submission after a SIGKILL mid-delivery and a restart, each under one webhook-id with its own answers', async () => {
    receiver = new SlowReceiver();
    const url = await receiver.start();
    const dataDir = tempDataDir();
    const databaseUrl = kind === 'postgres' ? await postgresSchemaUrl() : undefined;
    const open = (): Promise<Store> | Store =>
      databaseUrl
        ? openPostgresStore({ connectionString: databaseUrl })
        : openSqliteStore({ file: sqliteFile({ dataDir }) });
    const form = housingForm('housing-webhook');
    const references: string[] = [];
    const store = await open();
    try {
      for (let i = 0; i < SUBMISSIONS; i++) {
        references.push(
          await submitJourney(store, form, destinationsOf(webhookTo(url)), `tx-${i}`),
        );
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
            timeoutSeconds: 5,
            secret: { env: 'HOUSING_WEBHOOK_SECRET' },
          },
        ],
      }),
    );
    const env = {
      NODE_ENV: 'test',
      DATA_DIR: dataDir,
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      FORMS_DIR: formsFolder(),
      DESTINATIONS_FILE: destinationsFile,
      HOUSING_WEBHOOK_SECRET: SECRET,
      DELIVERY_POLL_SECONDS: '0.2',
      // The killed server's claims are taken over after 15 s, not the default two minutes.
      DELIVERY_CLAIM_SECONDS: '15',
    };

    // The service as `npm start` runs it, its delivery worker inside; killed with tries in
    // flight: some answered and recorded, some answered and not recorded, some not answered.
    server = await startService(env);
    await until(() => receiver.received.length >= 12, 'the first deliveries');
    server.child.kill('SIGKILL');
    await server.exited;
    const sentBeforeKill = receiver.received.length;
    expect(sentBeforeKill).toBeLessThan(SUBMISSIONS);

    server = await startService(env);
    const watcher = await open();
    try {
      await until(
        async () => (await watcher.deliveries.counts()).delivered === SUBMISSIONS,
        'every delivery',
      );
      expect(await watcher.deliveries.counts()).toEqual({
        pending: 0,
        delivered: SUBMISSIONS,
        dead: 0,
      });
    } finally {
      await watcher.close();
    }
    await server.stop();

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
  }, 300_000);
});
