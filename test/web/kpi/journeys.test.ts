import { loadForms } from '../../../src/definition/load';
import type { FormDefinition } from '../../../src/definition/types';
import type { KpiReport } from '../../../src/kpi/report';
import type { CivicFormsApp } from '../../../src/web/app';
import { addAccount, signIn } from '../../support/caseworker';
import { addDays } from '../../support/dates';
import { FIXTURE_FORMS, testApp, Visitor } from '../../support/agent';

const FORM = '/parking-permit';
const START = addDays(30);

/** The fixture forms, the parking permit with channel costs. */
function formsWithCosts(): Map<string, FormDefinition> {
  const forms = new Map(loadForms(FIXTURE_FORMS));
  const permit = forms.get('parking-permit') as FormDefinition;
  forms.set('parking-permit', { ...permit, costs: { online: 0.5, phone: 6.2, paper: 9.8 } });
  return forms;
}

/** A person in a zone, without a vehicle, up to check answers, in the language of their visit. */
async function reachCheckAnswers(visitor: Visitor, name: string, lang = 'en'): Promise<void> {
  await visitor.get(`${FORM}?lang=${lang}`);
  let at = await visitor.answer(`${FORM}/live-in-zone`, { 'live-in-zone': 'yes' });
  at = await visitor.answer(at, { 'full-name': name });
  at = await visitor.answer(at, { phone: '029 2018 0417', email: '' });
  at = await visitor.answer(at, { 'has-vehicles': 'no' });
  at = await visitor.answer(at, {
    'start-date-day': START.day,
    'start-date-month': START.month,
    'start-date-year': START.year,
  });
  expect(at).toBe(`${FORM}/check-answers`);
  await visitor.get(at);
}

/** Sends the application and rates the service; returns the confirmation page. */
async function submitAndRate(visitor: Visitor, rating: string, comment = ''): Promise<string> {
  const sent = await visitor.post(`${FORM}/check-answers`, {});
  expect(sent.headers.location).toBe(`${FORM}/confirmation`);
  const confirmation = await visitor.get(`${FORM}/confirmation`);
  const rated = await visitor.post(`${FORM}/feedback`, { rating, comment });
  expect(rated.status).toBe(303);
  return confirmation.text;
}

/** The service team's JSON export of the last 30 days. */
async function exportedReport(app: CivicFormsApp): Promise<KpiReport> {
  await addAccount(app.store, 'dana.hughes', { role: 'service-team' });
  const team = new Visitor(app);
  await signIn(team, 'dana.hughes');
  const response = await team.get('/dashboard/parking-permit.json');
  expect(response.status).toBe(200);
  return response.body as KpiReport;
}

describe('KPIs of journeys through the web pages', () => {
  let app: CivicFormsApp;
  let report: KpiReport;

  beforeAll(async () => {
    app = testApp({ forms: formsWithCosts() });
    // Amara: finished, and very satisfied; she posts "Send" twice (one completion).
    const amara = new Visitor(app);
    await reachCheckAnswers(amara, 'Amara Okafor');
    await submitAndRate(amara, '5', 'Quick and clear.');
    await amara.post(`${FORM}/check-answers`, {});
    // Carys: finished in Welsh, dissatisfied.
    const carys = new Visitor(app);
    await reachCheckAnswers(carys, 'Carys Llywelyn', 'cy');
    await submitAndRate(carys, '2');
    // Tomasz: not in a zone, reached the exit page, and refreshed it.
    const tomasz = new Visitor(app);
    const exit = await tomasz.answer(`${FORM}/live-in-zone`, { 'live-in-zone': 'no' });
    await tomasz.get(exit);
    await tomasz.get(exit);
    // Bea: gave her name, then left on the contact page.
    const bea = new Visitor(app);
    await bea.answer(`${FORM}/live-in-zone`, { 'live-in-zone': 'yes' });
    await bea.answer(`${FORM}/full-name`, { 'full-name': 'Beatriz Sousa' });
    await bea.get(`${FORM}/contact`);
    // Olu: looked at the first question twice, answered nothing.
    const olu = new Visitor(app);
    await olu.get(`${FORM}/live-in-zone`);
    await olu.get(`${FORM}/live-in-zone`);
    report = await exportedReport(app);
  }, 120_000);
  afterAll(() => app.close());

  it('counts a start per journey, however often its first page is shown', () => {
    expect(report.figures.starts).toBe(5);
  });

  it('counts submissions and exit pages as completions, a double submit and a refresh once', () => {
    expect(report.figures.completions).toBe(3);
    expect(report.figures.completionRate).toBe(0.6);
  });

  it('shows where the journeys that did not complete left', () => {
    const rows = Object.fromEntries(report.funnel.rows.map((r) => [r.key, [r.reached, r.left]]));
    expect(rows).toMatchObject({
      'live-in-zone': [5, 1],
      'cannot-apply': [1, 0],
      'full-name': [3, 0],
      contact: [3, 1],
      'has-vehicles': [2, 0],
      'start-date': [2, 0],
      'check-answers': [2, 0],
    });
  });

  it('measures digital take-up, satisfaction and cost per transaction', () => {
    expect(report.figures.digitalTakeUp).toEqual({ digital: 3, all: 3, rate: 1 });
    expect(report.figures.satisfaction).toEqual({
      responses: 2,
      satisfied: 1,
      rate: 0.5,
      distribution: { 1: 0, 2: 1, 3: 0, 4: 0, 5: 1 },
    });
    expect(report.figures.cost).toEqual({
      currency: 'GBP',
      total: 1.5,
      perTransaction: 0.5,
      missing: [],
    });
    expect(report.figures.timeToComplete.count).toBe(3);
  });

  it('breaks the figures down by language and channel', () => {
    expect(report.byLanguage.map((r) => [r.key, r.starts, r.completions, r.responses])).toEqual([
      ['en', 4, 2, 1],
      ['cy', 1, 1, 1],
    ]);
    expect(report.byChannel.find((r) => r.key === 'online')).toMatchObject({
      starts: 5,
      completions: 3,
    });
  });
});
