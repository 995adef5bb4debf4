import { Webhook } from 'standardwebhooks';
import type { WebhookPayload } from '../../src/delivery/webhook-payload';
import { createDeliveryWorker } from '../../src/delivery/worker';
import { sqliteFile } from '../../src/store/open-store';
import { openPostgresStore } from '../../src/store/postgres-store';
import { openSqliteStore } from '../../src/store/sqlite-store';
import type { Store } from '../../src/store/store';
import { createI18n } from '../../src/web/i18n';
import {
  destinationsOf,
  housingForm,
  SECRET,
  submitJourney,
  webhookTo,
} from '../delivery/support/outbox-fixture';
import { WebhookReceiver } from '../delivery/support/webhook-receiver';
import { tempDataDir } from '../support/agent';
import { civicFormsOn } from '../support/cli';
import { DATABASES, postgresSchemaUrl } from '../store/support/databases';

describe.each(DATABASES)('civic-forms deliveries replay on %s', (kind) => {
  let receiver: WebhookReceiver;
  afterEach(() => receiver.stop());

  it('sends delivered submissions again with the same webhook-id, one or a form’s since a day, audited', async () => {
    receiver = new WebhookReceiver();
    const url = `${await receiver.start()}/hook`;
    const dataDir = tempDataDir();
    const databaseUrl = kind === 'postgres' ? await postgresSchemaUrl() : undefined;
    const env: Record<string, string> = databaseUrl ? { DATABASE_URL: databaseUrl } : {};
    const open = (): Promise<Store> | Store =>
      databaseUrl
        ? openPostgresStore({ connectionString: databaseUrl })
        : openSqliteStore({ file: sqliteFile({ dataDir }) });
    const form = housingForm('housing-webhook');
    const config = destinationsOf(webhookTo(url));
    const deliverAll = async () => {
      const store = await open();
      try {
        const worker = createDeliveryWorker({
          store,
          forms: new Map([[form.id, form]]),
          destinations: config,
          i18n: createI18n(),
        });
        while ((await worker.runOnce()) > 0);
      } finally {
        await store.close();
      }
    };
    const store = await open();
    const references: string[] = [];
    try {
      for (const id of ['tx-a', 'tx-b'])
        references.push(await submitJourney(store, form, config, id));
    } finally {
      await store.close();
    }
    await deliverAll();
    expect(receiver.received).toHaveLength(2);
    const [a, b] = references as [string, string];

    const one = await civicFormsOn(dataDir, ['deliveries', 'replay', '--reference', a], '', env);
    const id = `msg_${a.replace(/-/g, '')}_housing-webhook`;
    expect([one.code, one.stdout]).toEqual([
      0,
      [`${a}: will be sent to housing-webhook again, as ${id}`],
    ]);
    await deliverAll();
    expect(receiver.received).toHaveLength(3);
    const resent = receiver.received[2];
    expect(resent?.headers['webhook-id']).toBe(id);
    const payload = new Webhook(SECRET).verify(
      resent?.body ?? '',
      resent?.headers as Record<string, string>,
    ) as WebhookPayload;
    expect(payload.reference).toBe(a);

    // A time before every delivery so far (a full ISO time; a day is taken from its midnight UTC).
    const today = new Date(Date.now() - 10 * 60_000).toISOString();
    const all = await civicFormsOn(
      dataDir,
      ['deliveries', 'replay', '--form', 'report-housing-repair', '--since', today],
      '',
      env,
    );
    expect(all.code).toBe(0);
    expect(all.stdout).toHaveLength(2);
    await deliverAll();
    const ids = receiver.received.map((r) => r.headers['webhook-id']);
    expect(ids.filter((x) => x === id)).toHaveLength(3);
    expect(new Set(ids).size).toBe(2);
    expect(ids).toContain(`msg_${b.replace(/-/g, '')}_housing-webhook`);

    // Nothing delivered since tomorrow; a call without what to replay is refused with its usage.
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const none = await civicFormsOn(
      dataDir,
      ['deliveries', 'replay', '--form', 'report-housing-repair', '--since', tomorrow],
      '',
      env,
    );
    expect(none.code).toBe(1);
    const bare = await civicFormsOn(dataDir, ['deliveries', 'replay', '--since', today], '', env);
    expect([bare.code, bare.stderr]).toEqual([
      2,
      expect.stringContaining('replay: give --reference'),
    ]);

    const audit = await civicFormsOn(dataDir, ['audit', '--target', a, '--json'], '', env);
    const replays = audit.stdout
      .map((line) => JSON.parse(line) as { action: string; detail: string })
      .filter((e) => e.action === 'replay-delivery');
    expect(replays.map((e) => e.detail)).toEqual(['housing-webhook', 'housing-webhook']);
  }, 180_000);
});
