import type { CivicFormsApp } from '../../../src/web/app';
import { addAccount, signIn } from '../../support/caseworker';
import { h1, summaryErrors, testApp, textOf, title, Visitor } from '../../support/agent';

/** A member of the service team, signed in. */
async function serviceTeam(app: CivicFormsApp): Promise<Visitor> {
  await addAccount(app.store, 'dana.hughes', { role: 'service-team' });
  const visitor = new Visitor(app);
  await signIn(visitor, 'dana.hughes');
  return visitor;
}

const today = new Date().toISOString().slice(0, 10);
const [YEAR, MONTH, DAY] = today.split('-').map(Number) as [number, number, number];

describe('/dashboard', () => {
  let app: CivicFormsApp;
  beforeAll(async () => {
    app = testApp();
    const tomasz = new Visitor(app);
    const exit = await tomasz.answer('/parking-permit/live-in-zone', { 'live-in-zone': 'no' });
    expect((await tomasz.get(exit)).status).toBe(200);
  }, 120_000);
  afterAll(() => app.close());

  it('sends someone not signed in to the staff sign-in page, and back here after', async () => {
    const response = await new Visitor(app).get('/dashboard/parking-permit');
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe(
      '/caseworker/sign-in?return=%2Fdashboard%2Fparking-permit',
    );
  });

  it('refuses a caseworker: it is for the service team', async () => {
    await addAccount(app.store, 'sian.evans');
    const caseworker = new Visitor(app);
    await signIn(caseworker, 'sian.evans');
    expect((await caseworker.get('/dashboard')).status).toBe(403);
    expect((await caseworker.get('/dashboard/parking-permit.csv')).status).toBe(403);
  });

  describe('for the service team', () => {
    let team: Visitor;
    beforeAll(async () => {
      team = await serviceTeam(app);
    }, 120_000);

    it('lists every form with its headline figures over the last 30 days', async () => {
      const page = await team.get('/dashboard');
      expect(page.status).toBe(200);
      expect(page.headers['cache-control']).toBe('no-store');
      expect(h1(page.text)).toBe('Service performance');
      const row = textOf(page.text, /(<th scope="row"[\s\S]*?)<\/tr>/);
      expect(row).toBe('Apply for a resident parking permit 1 1 100% 100% No data No cost set');
    });

    it('shows one form: headline table, charts each named by their heading, and their tables', async () => {
      const page = await team.get('/dashboard/parking-permit');
      expect(page.status).toBe(200);
      expect(h1(page.text)).toBe('Apply for a resident parking permit');
      expect(page.text).toContain(
        '<form method="get" action="/dashboard/parking-permit" novalidate>',
      );
      for (const id of ['funnel', 'channels', 'languages', 'satisfaction', 'trend']) {
        expect(page.text).toMatch(new RegExp(`<h2 class="govuk-heading-m" id="${id}-heading">`));
        expect(page.text).toMatch(
          new RegExp(`<svg [^>]*role="img" aria-labelledby="${id}-heading ${id}-chart-note"`),
        );
      }
      expect(page.text).not.toMatch(/\sstyle=/);
      expect(page.text).toContain('No errors were shown in these dates.');
      expect(page.text).toContain('href="/dashboard/parking-permit.csv"');
    });

    it('shows the dates chosen', async () => {
      const page = await team.get(
        `/dashboard/parking-permit?from-day=1&from-month=January&from-year=${YEAR}&to-day=${DAY}&to-month=${MONTH}&to-year=${YEAR}`,
      );
      expect(page.status).toBe(200);
      expect(page.text).toContain(`Figures from 1 January ${YEAR} to`);
      expect(page.text).toContain(
        `href="/dashboard/parking-permit.csv?from-day=1&amp;from-month=January`,
      );
    });

    it('says what is wrong with the dates, in the GOV.UK error summary', async () => {
      const page = await team.get(
        `/dashboard/parking-permit?from-day=31&from-month=2&from-year=${YEAR}&to-day=&to-month=&to-year=`,
      );
      expect(page.status).toBe(400);
      expect(title(page.text)).toMatch(/^Error: /);
      expect(summaryErrors(page.text)).toEqual([
        '#from-day The start date must be a real date',
        '#to-day Enter the end date',
      ]);
      const backwards = await team.get(
        `/dashboard/parking-permit?from-day=2&from-month=1&from-year=${YEAR}&to-day=1&to-month=1&to-year=${YEAR}`,
      );
      expect(summaryErrors(backwards.text)).toEqual([
        '#to-day The end date must be the same as or after the start date',
      ]);
      const long = await team.get(
        `/dashboard/parking-permit?from-day=1&from-month=1&from-year=${YEAR - 2}&to-day=1&to-month=1&to-year=${YEAR}`,
      );
      expect(summaryErrors(long.text)).toEqual([
        '#to-day The dates must be no more than 366 days apart',
      ]);
    });

    it('is in Welsh for a Welsh-speaking team member', async () => {
      const page = await team.get('/dashboard/parking-permit?lang=cy');
      expect(page.text).toMatch(/<html lang="cy"/);
      expect(page.text).toContain('Lle mae pobl yn stopio');
      expect(page.text).toContain('Gwneud cais am drwydded barcio preswylwyr');
    });

    it('exports the same figures as CSV and JSON, to download', async () => {
      const csv = await team.get('/dashboard/parking-permit.csv');
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      expect(csv.headers['content-disposition']).toMatch(
        /^attachment; filename="parking-permit-\d{4}-\d\d-\d\d-\d{4}-\d\d-\d\d\.csv"$/,
      );
      expect(csv.text.split('\r\n')).toEqual(
        expect.arrayContaining([
          'section,group,item,metric,value',
          'figures,,,starts,1',
          'figures,,,completions,1',
          'channel,online,,completions,1',
          'funnel,exit,cannot-apply,reached,1',
        ]),
      );
      const json = await team.get('/dashboard/parking-permit.json');
      expect(json.body).toMatchObject({
        formId: 'parking-permit',
        figures: { starts: 1, completions: 1 },
      });
    });

    it('sends an export with wrong dates to the page that says what is wrong', async () => {
      const response = await team.get(
        '/dashboard/parking-permit.csv?from-day=99&from-month=1&from-year=2025',
      );
      expect(response.status).toBe(303);
      expect(response.headers.location).toBe(
        '/dashboard/parking-permit?from-day=99&from-month=1&from-year=2025',
      );
    });

    it('answers 404 for a form that does not exist', async () => {
      expect((await team.get('/dashboard/no-such-form')).status).toBe(404);
      expect((await team.get('/dashboard/parking-permit.xml')).status).toBe(404);
    });
  });
});
