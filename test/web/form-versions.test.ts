import { checkDefinitions } from '../../src/definition/load';
import { createFormCatalogue } from '../../src/publishing/form-catalogue';
import { publishForm } from '../../src/publishing/publish';
import type { Store } from '../../src/store/store';
import type { CivicFormsApp } from '../../src/web/app';
import { addDays } from '../support/dates';
import { h1, testApp, Visitor } from '../support/agent';
import { signedInAccount } from '../support/caseworker';
import { withBlueBadge, writeVersion } from '../support/form-versions';
import { DATABASES, openTestStore } from '../store/support/databases';

const FORM = '/parking-permit';
const START = addDays(30);

async function publishFile(store: Store, file: string): Promise<string> {
  const [result] = checkDefinitions([file]);
  if (!result?.ok) throw new Error(JSON.stringify(result?.problems));
  return publishForm(store, result, Date.now());
}

/** Answers up to the contact page, as a person who stops there for now. */
async function startJourney(visitor: Visitor): Promise<void> {
  let at = await visitor.answer(`${FORM}/live-in-zone`, { 'live-in-zone': 'yes' });
  at = await visitor.answer(at, { 'full-name': 'Amara Okafor' });
  expect(at).toBe(`${FORM}/contact`);
}

/** The rest of the journey from the contact page to check answers, one petrol car. */
async function finishJourney(visitor: Visitor, from = `${FORM}/contact`): Promise<void> {
  let at = await visitor.answer(from, { phone: '01632 960 001', email: '' });
  at = await visitor.answer(at, { 'has-vehicles': 'yes' });
  at = await visitor.answer(at, { registration: 'AB12CDE' });
  at = await visitor.answer(at, { fuel: 'petrol' });
  at = await visitor.answer(at, { 'add-another': 'no' });
  at = await visitor.answer(at, {
    'start-date-day': START.day,
    'start-date-month': START.month,
    'start-date-year': START.year,
  });
  expect(at).toBe(`${FORM}/check-answers`);
}

describe.each(DATABASES)('form versions on %s', (kind) => {
  let store: Store;
  let app: CivicFormsApp;
  beforeEach(async () => {
    store = await openTestStore(kind);
    await publishFile(store, writeVersion('1.0'));
    // As production runs: the published versions are the source.
    const catalogue = createFormCatalogue({ store });
    await catalogue.refresh();
    app = testApp({ store, catalogue });
  }, 60_000);
  afterEach(() => app.close());

  it('finishes a draft started on 1.0 on 1.0 after 1.1 adds a required question, and stores it as 1.0', async () => {
    const visitor = new Visitor(app);
    await startJourney(visitor);
    expect(await publishFile(store, writeVersion('1.1', withBlueBadge(false)))).toBe('published');
    await app.forms.refresh();
    expect(app.forms.get('parking-permit')?.version).toBe('1.1');

    // The person carries on where they were: 1.0's next page, never 1.1's new question.
    await finishJourney(visitor);
    const check = await visitor.get(`${FORM}/check-answers`);
    expect(check.text).not.toContain('Blue Badge');
    const sent = await visitor.post(`${FORM}/check-answers`, {});
    expect(sent.headers.location).toBe(`${FORM}/confirmation`);
    const [row] = await store.inspect.rows('submissions');
    expect(row).toMatchObject({ form_id: 'parking-permit', form_version: '1.0' });
    expect(Object.keys(JSON.parse(String(row?.answers)))).not.toContain('blue-badge');

    // Someone starting now is asked 1.1's question, and their submission is 1.1.
    const newcomer = new Visitor(app);
    await newcomer.answer(`${FORM}/live-in-zone`, { 'live-in-zone': 'yes' });
    const next = await newcomer.answer(`${FORM}/full-name`, { 'full-name': 'Dafydd Rees' });
    expect(next).toBe(`${FORM}/blue-badge`);
    await newcomer.get(next);
    expect(h1(newcomer.html)).toBe('Do you hold a Blue Badge?');
  }, 120_000);

  it('moves a draft to a version that declares itself compatible, asking only the new question', async () => {
    const visitor = new Visitor(app);
    await startJourney(visitor);
    await publishFile(store, writeVersion('1.1', withBlueBadge(true)));
    await app.forms.refresh();

    // The next page the draft loads is 1.1's new question; the name given on 1.0 is kept.
    const contact = await visitor.get(`${FORM}/contact`);
    expect(contact.status).toBe(303);
    expect(contact.headers.location).toBe(`${FORM}/blue-badge`);
    const at = await visitor.answer(`${FORM}/blue-badge`, { 'blue-badge': 'yes' });
    expect(at).toBe(`${FORM}/contact`);
    await finishJourney(visitor);
    const check = await visitor.get(`${FORM}/check-answers`);
    expect(check.text).toContain('Amara Okafor');
    expect(check.text).toContain('Do you hold a Blue Badge?');
    await visitor.post(`${FORM}/check-answers`, {});
    const [row] = await store.inspect.rows('submissions');
    expect(row).toMatchObject({ form_version: '1.1' });
    expect(JSON.parse(String(row?.answers))).toMatchObject({
      'full-name': 'Amara Okafor',
      'blue-badge': 'yes',
    });
  }, 120_000);

  it('shows a closed form as closed to newcomers, in Welsh too, and lets a started draft finish until its deadline', async () => {
    const visitor = new Visitor(app);
    await startJourney(visitor);
    const today = new Date().toISOString().slice(0, 10);
    await store.formVersions.unpublish(
      'parking-permit',
      {
        message: {
          en: 'Permits are now issued by the county.',
          cy: 'Trwyddedau gan y sir o hyn ymlaen.',
        },
        closesOn: today,
        draftsUntil: addDays(7).iso,
      },
      Date.now(),
    );
    await app.forms.refresh();

    const newcomer = new Visitor(app);
    const start = await newcomer.get(FORM);
    expect(start.status).toBe(410);
    expect(h1(start.text)).toBe('This form is closed');
    expect(start.text).toContain('Permits are now issued by the county.');
    const welsh = await newcomer.get(`${FORM}/live-in-zone?lang=cy`);
    expect(welsh.status).toBe(410);
    expect(h1(welsh.text)).toBe("Mae'r ffurflen hon wedi cau");
    expect(welsh.text).toContain('Trwyddedau gan y sir o hyn ymlaen.');
    const list = await newcomer.get('/');
    expect(list.text).not.toContain(`href="${FORM}"`);

    // The person who had started goes on to the end.
    await finishJourney(visitor);
    const sent = await visitor.post(`${FORM}/check-answers`, {});
    expect(sent.headers.location).toBe(`${FORM}/confirmation`);
    expect(await store.inspect.count('submissions')).toBe(1);
  }, 120_000);

  it('keys in a paper form on the version printed on it after a newer one is published', async () => {
    await publishFile(store, writeVersion('1.1', withBlueBadge(false)));
    await app.forms.refresh();
    const { visitor } = await signedInAccount(app);
    const start = await visitor.get('/caseworker/paper/parking-permit');
    expect(start.text).toMatch(/name="version" type="radio" value="1\.1"/);
    expect(start.text).toMatch(/name="version" type="radio" value="1\.0"/);
    const arrived = addDays(-2);
    const started = await visitor.post('/caseworker/paper/parking-permit', {
      version: '1.0',
      language: 'en',
      'received-on-day': arrived.day,
      'received-on-month': arrived.month,
      'received-on-year': arrived.year,
    });
    const base = '/caseworker/paper/parking-permit';
    expect(started.headers.location).toBe(`${base}/live-in-zone`);
    await visitor.answer(`${base}/live-in-zone`, { 'live-in-zone': 'yes' });
    // 1.0 has no Blue Badge question: the name is followed by the contact details.
    expect(await visitor.answer(`${base}/full-name`, { 'full-name': 'Amara Okafor' })).toBe(
      `${base}/contact`,
    );
    const [draft] = await store.inspect.rows('drafts');
    expect(draft).toMatchObject({ form_version: '1.0', channel: 'paper' });
  }, 120_000);
});
