import type { DestinationsConfig } from '../../src/delivery/destination';
import { loadForms } from '../../src/definition/load';
import type { FormDefinition } from '../../src/definition/types';
import type { CivicFormsApp } from '../../src/web/app';
import { destinationsOf, webhookTo } from '../delivery/support/outbox-fixture';
import { deadUrl } from '../delivery/support/webhook-receiver';
import { answerPermit, sendFrom, startCall } from '../support/assisted-journey';
import { sqliteFile } from '../../src/store/open-store';
import { openSqliteStore } from '../../src/store/sqlite-store';
import { FIXTURE_FORMS, tempDataDir, testApp } from '../support/agent';
import { signedInCaseworker, submitPermitOnline } from '../support/caseworker';

/** The fixture forms, the parking permit delivered to the destinations named. */
function formsDeliveredTo(...destinations: string[]): Map<string, FormDefinition> {
  const forms = new Map(loadForms(FIXTURE_FORMS));
  const permit = forms.get('parking-permit');
  if (!permit) throw new Error('the fixture parking-permit form is missing');
  forms.set('parking-permit', { ...permit, destinations });
  return forms;
}

describe('the outbox, written with every submission', () => {
  let app: CivicFormsApp;
  let destinations: DestinationsConfig;
  beforeAll(async () => {
    // Nothing listens there: were the page to wait for a delivery, it would fail or hang.
    destinations = destinationsOf(webhookTo(await deadUrl(), 'permits-webhook'), {
      id: 'permits-pull',
      type: 'pull-api',
    });
  });
  afterEach(() => app.close());

  it('stores an online and a phone submission each with one row per destination, and sends nothing from the request', async () => {
    app = testApp({ forms: formsDeliveredTo('permits-webhook', 'permits-pull'), destinations });
    const online = await submitPermitOnline(app);
    const caseworker = await signedInCaseworker(app);
    const phone = await sendFrom(
      caseworker,
      await answerPermit(caseworker, await startCall(caseworker)),
    );
    for (const reference of [online, phone]) {
      expect(await app.store.deliveries.listForSubmission(reference)).toEqual([
        expect.objectContaining({ destination: 'permits-pull', kind: 'pull', status: 'pending' }),
        expect.objectContaining({
          destination: 'permits-webhook',
          kind: 'send',
          status: 'pending',
          attempts: 0,
          webhookId: `msg_${reference.replace(/-/g, '')}_permits-webhook`,
        }),
      ]);
    }
    expect((await app.store.journeys.findSubmission(phone))?.channel).toBe('phone');
    expect(await app.store.inspect.count('deliveries')).toBe(4);
  }, 60_000);

  it('stores neither the submission nor its rows when the rows cannot be written, and keeps the answers', async () => {
    // The same destination twice: the second row breaks the table's rule, inside the transaction.
    app = testApp({
      forms: formsDeliveredTo('permits-webhook', 'permits-webhook'),
      destinations,
      logLevel: 'silent',
    });
    await expect(submitPermitOnline(app)).rejects.toThrow();
    expect(await app.store.inspect.count('submissions')).toBe(0);
    expect(await app.store.inspect.count('deliveries')).toBe(0);
    expect(await app.store.inspect.count('drafts')).toBe(1);
  }, 60_000);

  it('refuses to start with a form naming a destination the service does not have', () => {
    const store = openSqliteStore({ file: sqliteFile({ dataDir: tempDataDir() }) });
    expect(() =>
      testApp({ forms: formsDeliveredTo('permits-webhok'), destinations, store }),
    ).toThrow(
      /parking-permit\.json: destinations\[0\]: is "permits-webhok", which is not a destination the service has \(expected one of permits-webhook, permits-pull\); did you mean "permits-webhook"\?/,
    );
    // The same forms and store start once the destination is one the service has.
    app = testApp({ forms: formsDeliveredTo('permits-webhook'), destinations, store });
  });
});
