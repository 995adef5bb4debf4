import type request from 'supertest';
import { Webhook } from 'standardwebhooks';
import { checkDefinitions } from '../../src/definition/load';
import type { WebhookPayload } from '../../src/delivery/webhook-payload';
import { createDeliveryWorker } from '../../src/delivery/worker';
import { createFormCatalogue } from '../../src/publishing/form-catalogue';
import { publishForm } from '../../src/publishing/publish';
import type { Store } from '../../src/store/store';
import type { CivicFormsApp } from '../../src/web/app';
import { createI18n } from '../../src/web/i18n';
import { h1, testApp, Visitor } from '../support/agent';
import { tableRows } from '../support/assisted-journey';
import { signedInAccount } from '../support/caseworker';
import { addDays } from '../support/dates';
import { writeVersion } from '../support/form-versions';
import { panelCode } from '../support/panel-code';
import { pdftotext } from '../support/pdftotext';
import {
  answerFirstPages,
  chooseSecret,
  DATE_OF_BIRTH,
  pressSave,
  resumeWith,
} from '../support/save-and-return';
import { destinationsOf, SECRET, webhookTo } from '../delivery/support/outbox-fixture';
import { WebhookReceiver } from '../delivery/support/webhook-receiver';
import { DATABASES, openTestStore } from '../store/support/databases';

const FORM = '/parking-permit';
const START = addDays(30);
const OLD_LABEL = 'What is your full name?';
const NEW_LABEL = 'What name should we write on the permit?';
const OLD_SENT = 'Application sent';
const NEW_SENT = 'Permit application received';
const OLD_NEXT = 'We will post your permit within 10 working days.';
const NEW_NEXT = 'We will email your permit within 2 working days.';

/** 1.1 words the name question, the title and the confirmation anew (drafts on 1.0 stay on it). */
function reworded(form: Record<string, unknown>, cy: Record<string, unknown>): void {
  form.title = 'Apply for a parking permit';
  form.destinations = ['permits'];
  form.confirmation = { title: NEW_SENT, whatHappensNext: [NEW_NEXT] };
  const pages = form.pages as Array<{ id: string; questions?: Array<Record<string, unknown>> }>;
  const name = pages.find((p) => p.id === 'full-name')?.questions?.[0];
  if (name) name.label = NEW_LABEL;
  void cy;
}

async function publishFile(store: Store, file: string): Promise<void> {
  const [result] = checkDefinitions([file]);
  if (!result?.ok) throw new Error(JSON.stringify(result?.problems));
  await publishForm(store, result, Date.now());
}

function binary(req: request.Test): request.Test {
  return req.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });
}

/** The rest of 1.0's journey after a save on the vehicles question, to check answers. */
async function finishFromVehicles(visitor: Visitor, base: string, from: string): Promise<string> {
  let at = await visitor.answer(from, { registration: 'AB12CDE' });
  at = await visitor.answer(at, { fuel: 'petrol' });
  at = await visitor.answer(at, { 'add-another': 'no' });
  at = await visitor.answer(at, {
    'start-date-day': START.day,
    'start-date-month': START.month,
    'start-date-year': START.year,
  });
  expect(at).toBe(`${base}/check-answers`);
  return at;
}

/** Amara saves on 1.0 after the first pages; returns her resume code. */
async function savedOn10(app: CivicFormsApp): Promise<string> {
  const constituent = new Visitor(app);
  const at = await answerFirstPages(constituent);
  const save = await pressSave(constituent, at, { 'has-vehicles': 'yes' });
  return chooseSecret(constituent, save, DATE_OF_BIRTH);
}

describe.each(DATABASES)('a draft on an earlier version, through every channel, on %s', (kind) => {
  let store: Store;
  let app: CivicFormsApp;
  let receiver: WebhookReceiver;

  beforeEach(async () => {
    store = await openTestStore(kind);
    receiver = new WebhookReceiver({});
    const url = await receiver.start();
    // 1.0 delivers to the same destination as 1.1, so a 1.0 submission gets a delivery row.
    await publishFile(
      store,
      writeVersion('1.0', (form) => {
        form.destinations = ['permits'];
      }),
    );
    const catalogue = createFormCatalogue({ store });
    await catalogue.refresh();
    app = testApp({
      store,
      catalogue,
      destinations: destinationsOf(webhookTo(`${url}/hook`, 'permits')),
    });
  }, 60_000);
  afterEach(async () => {
    await app.close();
    await receiver.stop();
  });

  /** Publishes the reworded 1.1 and lets the app see it. */
  const publish11 = async () => {
    await publishFile(store, writeVersion('1.1', reworded));
    await app.forms.refresh();
    expect(app.forms.get('parking-permit')?.version).toBe('1.1');
  };

  it('finishes a save resumed on another device on 1.0, and its confirmation, answers PDF and webhook use 1.0', async () => {
    const code = await savedOn10(app);
    await publish11();

    const elsewhere = new Visitor(app);
    const resumed = await resumeWith(elsewhere, code, DATE_OF_BIRTH);
    expect(resumed.status).toBe(303);
    expect(resumed.headers.location).toBe(`${FORM}/vehicles/1/registration`);
    const check = await finishFromVehicles(elsewhere, FORM, `${FORM}/vehicles/1/registration`);
    const summary = await elsewhere.get(check);
    expect(summary.text).toContain(OLD_LABEL);
    expect(summary.text).not.toContain(NEW_LABEL);
    const sent = await elsewhere.post(check, {});
    expect(sent.headers.location).toBe(`${FORM}/confirmation`);
    const [row] = await store.inspect.rows('submissions');
    expect(row).toMatchObject({ form_version: '1.0' });

    // The confirmation says what 1.0 promised, not 1.1's new wording.
    const confirmation = await elsewhere.get(`${FORM}/confirmation`);
    expect(h1(confirmation.text)).toBe(OLD_SENT);
    expect(confirmation.text).toContain(OLD_NEXT);
    expect(confirmation.text).not.toContain(NEW_NEXT);

    const pdf = await binary(elsewhere.agent.get(`${FORM}/confirmation/answers.pdf`));
    expect(pdf.status).toBe(200);
    const text = await pdftotext(pdf.body as Buffer);
    expect(text).toContain(OLD_LABEL);
    expect(text).not.toContain(NEW_LABEL);

    // The delivery worker sends the webhook as 1.0 asked it, though 1.1 is current.
    const worker = createDeliveryWorker({
      store,
      forms: app.forms,
      destinations: app.destinations,
      i18n: createI18n(),
    });
    expect(await worker.runOnce()).toBe(1);
    const got = receiver.received[0];
    const payload = new Webhook(SECRET).verify(
      got?.body ?? '',
      got?.headers as Record<string, string>,
    ) as WebhookPayload;
    expect(payload.form).toEqual({
      id: 'parking-permit',
      version: '1.0',
      title: 'Apply for a resident parking permit',
    });
    expect(got?.body).toContain(OLD_LABEL);
    expect(got?.body).not.toContain(NEW_LABEL);
  }, 120_000);

  it("lets a caseworker pick up a save on 1.0 and finish it on 1.0; the staff pages and PDF show 1.0's words", async () => {
    const code = await savedOn10(app);
    await publish11();

    const { visitor } = await signedInAccount(app);
    await visitor.get('/caseworker/pick-up');
    const opened = await visitor.post('/caseworker/pick-up', {
      'resume-code': code,
      ...DATE_OF_BIRTH,
    });
    expect(opened.headers.location).toBe('/caseworker/pick-up/parking-permit');
    const soFar = await visitor.get('/caseworker/pick-up/parking-permit');
    expect(soFar.text).toContain(OLD_LABEL);
    expect(soFar.text).not.toContain(NEW_LABEL);

    const base = '/caseworker/call/parking-permit';
    const check = await finishFromVehicles(visitor, base, `${base}/vehicles/1/registration`);
    // What the caseworker reads out at the end is 1.0's "what happens next".
    const confirmation = await visitor.answer(check, {});
    const sent = await visitor.get(confirmation);
    expect(sent.text).toContain(OLD_NEXT);
    expect(sent.text).not.toContain(NEW_NEXT);
    const reference = panelCode(sent.text);
    expect(reference).toMatch(/^[A-Z0-9-]+$/);
    const [row] = await tableRows(app, 'submissions');
    expect(row).toMatchObject({ form_version: '1.0', channel: 'phone-assisted' });

    const page = await visitor.get(`/caseworker/submissions/${String(reference)}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(OLD_LABEL);
    expect(page.text).not.toContain(NEW_LABEL);
    const pdf = await binary(
      visitor.agent.get(`/caseworker/submissions/${String(reference)}/answers.pdf`),
    );
    expect(pdf.status).toBe(200);
    const text = await pdftotext(pdf.body as Buffer);
    expect(text).toContain(OLD_LABEL);
    expect(text).not.toContain(NEW_LABEL);
  }, 120_000);
});
