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

  it('shows who is signed in and signs out as the caseworker area does, audited', async () => {
    await addAccount(app.store, 'rhys.morgan', {
      role: 'service-team',
      displayName: 'Rhys Morgan',
    });
    const rhys = new Visitor(app);
    await signIn(rhys, 'rhys.morgan');
    const page = await rhys.get('/dashboard');
    expect(page.text).toContain('Signed in as Rhys Morgan');
    expect(page.text).toContain(
      '<form method="post" action="/caseworker/sign-out" id="cf-sign-out"',
    );
    const out = await rhys.post('/caseworker/sign-out', {});
    expect(out.status).toBe(303);
    expect(out.headers.location).toBe('/caseworker/sign-in?signedOut=1');
    expect((await rhys.get('/dashboard')).status).toBe(303);
    const audit = await app.store.staff.listAudit({ actorUsername: 'rhys.morgan' });
    expect(audit.map((e) => e.action)).toEqual(['sign-in', 'view-figures', 'sign-out']);
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
        const description = id === 'funnel' ? `${id}-chart-description ` : '';
        expect(page.text).toMatch(
          new RegExp(
            `<svg [^>]*role="img" aria-labelledby="${id}-heading ${description}${id}-chart-note"`,
          ),
        );
      }
      expect(page.text).toContain(
        '<p class="govuk-body" id="funnel-chart-description">Each bar is the number of journeys that left at that page without finishing.</p>',
      );
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

    it('in Arabic, shows each form title and question label in its own direction, isolated', async () => {
      // The parking permit form has no Arabic: its English words sit in right-to-left tables.
      const list = await team.get('/dashboard?lang=ar');
      expect(list.text).toMatch(/<html lang="ar" dir="rtl"/);
      expect(list.text).toContain(
        '<a class="govuk-link" href="/dashboard/parking-permit"><bdi>Apply for a resident parking permit</bdi></a>',
      );
      const page = await team.get('/dashboard/parking-permit?lang=ar');
      expect(page.text).toContain(
        '<h1 class="govuk-heading-l"><bdi>Apply for a resident parking permit</bdi></h1>',
      );
      // "Where people stop": the page's question, not "?Do you live in a resident parking zone".
      expect(page.text).toMatch(
        /<th scope="row" class="govuk-table__header"\s*><bdi>Do you live in a resident parking zone\?<\/bdi><\/th>/,
      );
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

    it('records each view and export of figures in the audit trail: who, which form, which filters', async () => {
      const before = (await app.store.staff.listAudit({ actorUsername: 'dana.hughes' })).length;
      const dates = `from-day=1&from-month=January&from-year=${YEAR}&to-day=${DAY}&to-month=${MONTH}&to-year=${YEAR}`;
      const day = (month: number, d: number) =>
        `${YEAR}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      const chosen = `${day(1, 1)}..${day(MONTH, DAY)}`;
      await team.get('/dashboard');
      await team.get(`/dashboard/parking-permit?${dates}`);
      await team.get(`/dashboard/parking-permit.csv?${dates}&version=1.0`);
      await team.get('/dashboard/parking-permit.json');
      // A refused export (dates that are wrong) showed nothing: nothing to record.
      await team.get('/dashboard/parking-permit.csv?from-day=99&from-month=1&from-year=2025');
      const events = (await app.store.staff.listAudit({ actorUsername: 'dana.hughes' })).slice(
        before,
      );
      const thirtyDays = events[0]?.detail ?? '';
      expect(thirtyDays).toMatch(/^\d{4}-\d\d-\d\d\.\.\d{4}-\d\d-\d\d$/);
      expect(events.map((e) => [e.action, e.target, e.detail])).toEqual([
        ['view-figures', undefined, thirtyDays],
        ['view-figures', 'parking-permit', chosen],
        ['export-figures', 'parking-permit', `csv ${chosen} version 1.0`],
        ['export-figures', 'parking-permit', `json ${thirtyDays}`],
      ]);
      for (const event of events) {
        expect(event.actorId).toBeDefined();
        expect(event.clientIp).toBeDefined();
      }
    });

    it('has the staff time-out warning, with "Stay signed in" and "Sign out"', async () => {
      const page = await team.get('/dashboard/parking-permit?lang=en');
      expect(page.text).toContain('<dialog class="cf-timeout" id="cf-timeout"');
      expect(page.text).toContain('data-keep-alive-href="/caseworker/keep-alive"');
      expect(page.text).toContain(
        'data-expired-href="/caseworker/sign-in?return=%2Fdashboard%2Fparking-permit%3Flang%3Den&amp;expired=1"',
      );
      expect(page.text).toContain('Stay signed in');
      expect(page.text).toMatch(/<button type="submit" form="cf-sign-out"/);
      const list = await team.get('/dashboard');
      expect(list.text).toContain('<dialog class="cf-timeout" id="cf-timeout"');
    });

    it('answers 404 for a form that does not exist', async () => {
      expect((await team.get('/dashboard/no-such-form')).status).toBe(404);
      expect((await team.get('/dashboard/parking-permit.xml')).status).toBe(404);
    });
  });
});
