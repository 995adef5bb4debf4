import fs from 'node:fs';
import path from 'node:path';
import type request from 'supertest';
import { checkDefinitions } from '../../src/definition/load';
import { createDeliveryWorker } from '../../src/delivery/worker';
import { createFormCatalogue } from '../../src/publishing/form-catalogue';
import { publishForm } from '../../src/publishing/publish';
import type { Store } from '../../src/store/store';
import type { Tables } from '../../src/store/tables';
import type { CivicFormsApp } from '../../src/web/app';
import { createI18n } from '../../src/web/i18n';
import { h1, testApp, textOf, Visitor } from '../support/agent';
import { addAccount, signIn, signedInAccount } from '../support/caseworker';
import { addDays } from '../support/dates';
import { withBlueBadge, writeVersion } from '../support/form-versions';
import { pdftotext } from '../support/pdftotext';
import { destinationsOf, webhookTo } from '../delivery/support/outbox-fixture';
import { WebhookReceiver } from '../delivery/support/webhook-receiver';
import { DATABASES, openTestStore } from '../store/support/databases';

const PREVIEW = '/preview/parking-permit';
const START = addDays(30);
const KPI_TABLES = ['journey_events', 'satisfaction', 'feedback_comments'] as const;
const KEPT = [...KPI_TABLES, 'drafts', 'submissions', 'deliveries'] as const;

function binary(req: request.Test): request.Test {
  return req.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });
}

/** The preview banner's words on a page, if it has one. */
const banner = (html: string) =>
  textOf(html, /class="govuk-notification-banner cf-preview-banner[^"]*"[^>]*>([\s\S]*?)<\/p>/);

async function rowCounts(
  store: Store,
  tables: ReadonlyArray<keyof Tables>,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) counts[table] = await store.inspect.count(table);
  return counts;
}

describe.each(DATABASES)('previewing a form not yet published, on %s', (kind) => {
  let store: Store;
  let app: CivicFormsApp;
  let receiver: WebhookReceiver;
  let formsDir: string;

  beforeEach(async () => {
    store = await openTestStore(kind);
    receiver = new WebhookReceiver({});
    const url = await receiver.start();
    // 1.0 is published and served; the folder holds 1.1, with a new question and a destination.
    const [published] = checkDefinitions([writeVersion('1.0')]);
    if (!published?.ok) throw new Error('fixture 1.0 does not load');
    await publishForm(store, published, Date.now());
    const file = writeVersion('1.1', (form, cy) => {
      withBlueBadge(false)(form, cy);
      form.destinations = ['permits'];
    });
    formsDir = path.dirname(file);
    const catalogue = createFormCatalogue({ store });
    await catalogue.refresh();
    app = testApp({
      store,
      catalogue,
      formsDir,
      destinations: destinationsOf(webhookTo(`${url}/hook`, 'permits')),
    });
  }, 60_000);
  afterEach(async () => {
    await app.close();
    await receiver.stop();
  });

  const serviceTeam = async () => {
    await addAccount(store, 'rhian.jones', { role: 'service-team', displayName: 'Rhian Jones' });
    const visitor = new Visitor(app);
    expect((await signIn(visitor, 'rhian.jones')).status).toBe(303);
    return visitor;
  };

  it('answers "page not found" to a constituent and to a caseworker, exactly as for no page at all', async () => {
    const constituent = new Visitor(app);
    const nowhere = await constituent.get('/no-such-form-here');
    for (const url of ['/preview', PREVIEW, `${PREVIEW}/blue-badge`, `${PREVIEW}/paper.pdf`]) {
      const page = await constituent.get(url);
      expect(page.status).toBe(404);
      expect(h1(page.text)).toBe(h1(nowhere.text));
    }
    // A constituent with a session and its CSRF token, posting an answer.
    await constituent.get('/parking-permit/live-in-zone');
    const posted = await constituent.post(`${PREVIEW}/live-in-zone`, { 'live-in-zone': 'yes' });
    expect(posted.status).toBe(404);
    const { visitor: caseworker } = await signedInAccount(app);
    expect((await caseworker.get('/preview')).status).toBe(404);
    expect((await caseworker.get(PREVIEW)).status).toBe(404);
  }, 60_000);

  it('lists the folder for the service team, runs 1.1 with a banner on every page, and its sending keeps, delivers and counts nothing', async () => {
    // A constituent on the published 1.0: the KPI tables have rows before the preview.
    const constituent = new Visitor(app);
    await constituent.answer('/parking-permit/live-in-zone', { 'live-in-zone': 'yes' });
    await app.kpi.recorder.flush();
    const team = await serviceTeam();
    const before = await rowCounts(store, KEPT);
    expect(before.journey_events).toBeGreaterThan(0);

    const list = await team.get('/preview');
    expect(list.status).toBe(200);
    expect(h1(list.text)).toBe('Preview forms');
    expect(list.text).toContain('Version 1.1 · Not published yet');
    expect(list.text).toContain(`href="${PREVIEW}?lang=cy"`);
    expect(banner(list.text)).toContain('Preview');

    const pages: string[] = [];
    const answer = async (url: string, fields: Record<string, string>) => {
      const page = await team.get(url);
      expect(page.status).toBe(200);
      pages.push(page.text);
      const sent = await team.post(url, fields);
      expect(sent.status).toBe(303);
      return sent.headers.location as string;
    };
    const start = await team.get(PREVIEW);
    pages.push(start.text);
    expect(start.text).toContain(`href="${PREVIEW}/live-in-zone"`);
    expect(start.text).not.toContain('/parking-permit/resume');
    let at = await answer(`${PREVIEW}/live-in-zone`, { 'live-in-zone': 'yes' });
    at = await answer(at, { 'full-name': 'Rhian Test' });
    // 1.1's new question, which the published 1.0 does not ask.
    expect(at).toBe(`${PREVIEW}/blue-badge`);
    at = await answer(at, { 'blue-badge': 'no' });
    at = await answer(at, { phone: '01632 960 001', email: '' });
    at = await answer(at, { 'has-vehicles': 'yes' });
    at = await answer(at, { registration: 'AB12CDE' });
    at = await answer(at, { fuel: 'petrol' });
    at = await answer(at, { 'add-another': 'no' });
    at = await answer(at, {
      'start-date-day': START.day,
      'start-date-month': START.month,
      'start-date-year': START.year,
    });
    expect(at).toBe(`${PREVIEW}/check-answers`);
    const sent = await answer(at, {});
    expect(sent).toBe(`${PREVIEW}/confirmation`);
    const confirmation = await team.get(sent);
    pages.push(confirmation.text);
    expect(h1(confirmation.text)).toBe('Preview sent');
    expect(confirmation.text).toContain('nothing was stored, delivered or counted');
    expect(confirmation.text).toContain('We will post your permit within 10 working days.');

    for (const html of pages) {
      expect(banner(html)).toBe(
        'Preview This is a preview of a form that may not be published. Nothing you send is kept, delivered or counted.',
      );
      // No "save and come back later" and no clearing a preview: there is nothing kept to clear.
      expect(html).not.toContain('name="action" value="save"');
    }

    // Nothing was kept, delivered or counted.
    await app.kpi.recorder.flush();
    const worker = createDeliveryWorker({
      store,
      forms: app.forms,
      destinations: app.destinations,
      i18n: createI18n(),
    });
    expect(await worker.runOnce()).toBe(0);
    expect(receiver.received).toEqual([]);
    expect(await rowCounts(store, KEPT)).toEqual(before);
    // The published form is untouched: the constituent is still on 1.0.
    expect(app.forms.get('parking-permit')?.version).toBe('1.0');
  }, 120_000);

  it('previews every language the form offers, with its paper form and read-aloud script', async () => {
    const team = await serviceTeam();
    const welsh = await team.get(`${PREVIEW}/blue-badge?lang=cy`);
    // Not reached yet: the preview goes to its first question, in Welsh.
    expect(welsh.status).toBe(303);
    const first = await team.get(welsh.headers.location as string);
    expect(first.text).toContain('<html lang="cy"');
    expect(banner(first.text)).toMatch(/^Rhagolwg Rhagolwg yw hwn o ffurflen/);

    const pdf = await binary(team.agent.get(`${PREVIEW}/paper.pdf?lang=cy`));
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = await pdftotext(pdf.body as Buffer);
    expect(text).toContain('Oes gennych chi Fathodyn Glas?');

    const script = await team.get(`${PREVIEW}/script?lang=cy`);
    expect(script.status).toBe(200);
    expect(banner(script.text)).toMatch(/^Rhagolwg/);
    expect(script.text).toContain('Oes gennych chi Fathodyn Glas?');
    const english = await team.get(`${PREVIEW}/script?lang=en`);
    expect(h1(english.text)).toBe('Read-aloud script: Apply for a resident parking permit');
    expect(english.text).toContain('Do you hold a Blue Badge?');
  }, 120_000);

  it('shows a folder file with a problem as the validator reports it, and previews the edit at once', async () => {
    const team = await serviceTeam();
    const file = path.join(formsDir, 'parking-permit.json');
    const good = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, good.replace('"version":"1.1"', '"version":"one"'));
    const list = await team.get('/preview');
    expect(list.text).toContain('This file has problems, so it cannot be previewed:');
    expect(list.text).toContain('version: must be a version number such as 1.0 or 2.1.3');
    expect((await team.get(PREVIEW)).status).toBe(404);
    fs.writeFileSync(file, good.replace('Do you hold a Blue Badge?', 'Have you got a Blue Badge?'));
    await team.answer(`${PREVIEW}/live-in-zone`, { 'live-in-zone': 'yes' });
    await team.answer(`${PREVIEW}/full-name`, { 'full-name': 'Rhian Test' });
    expect(h1((await team.get(`${PREVIEW}/blue-badge`)).text)).toBe('Have you got a Blue Badge?');
  }, 120_000);
});
