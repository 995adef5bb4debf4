import type { CivicFormsApp } from '../../../src/web/app';
import { EXAMPLE_FORMS, testApp, Visitor } from '../../support/agent';
import { addAccount, signIn } from '../../support/caseworker';

// Each sign-in hashes with scrypt: a busy shared machine.
jest.setTimeout(120_000);

describe("the dashboard: one agency's figures", () => {
  let app: CivicFormsApp;
  let visitor: Visitor;
  beforeAll(async () => {
    app = testApp({ formsDir: EXAMPLE_FORMS });
    const at = Date.now() - 3_600_000;
    const event = { formVersion: '1.0', language: 'en', js: true, device: 'desktop' as const };
    await app.store.events.appendJourneyEvents([
      {
        ...event,
        at,
        formId: 'council-tax-reduction',
        journeyId: 'j1',
        type: 'start',
        channel: 'online',
      },
      {
        ...event,
        at,
        formId: 'report-housing-repair',
        journeyId: 'j2',
        type: 'start',
        channel: 'online',
      },
    ]);
    await addAccount(app.store, 'priya.shah', {
      role: 'service-team',
      agency: 'northbrook-council',
      displayName: 'Priya Shah',
    });
    visitor = new Visitor(app);
    await signIn(visitor, 'priya.shah');
  });
  afterAll(() => app.close());

  it("lists its agency's forms only", async () => {
    const page = await visitor.get('/dashboard');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Apply for council tax reduction');
    expect(page.text).toContain('Tell the council you have moved');
    expect(page.text).not.toContain('Report a repair in your council home');
    expect(page.text).not.toContain('/dashboard/report-housing-repair');
  });

  it('exports figures that carry the agency, and audits the view against it', async () => {
    const json = await visitor.get('/dashboard/council-tax-reduction.json');
    expect(json.status).toBe(200);
    expect(JSON.parse(json.text)).toMatchObject({
      agency: 'northbrook-council',
      formId: 'council-tax-reduction',
      figures: { starts: 1 },
    });
    const csv = await visitor.get('/dashboard/council-tax-reduction.csv');
    expect(csv.text.split('\r\n').slice(0, 3)).toEqual([
      'section,group,item,metric,value',
      'report,,,agency,northbrook-council',
      'report,,,formId,council-tax-reduction',
    ]);
    const audit = await app.store.staff.listAudit({ actorUsername: 'priya.shah' });
    expect(audit.filter((e) => e.action !== 'sign-in').map((e) => [e.action, e.agency])).toEqual([
      ['view-figures', 'northbrook-council'],
      ['export-figures', 'northbrook-council'],
      ['export-figures', 'northbrook-council'],
    ]);
    expect((await visitor.get('/dashboard/report-housing-repair.json')).status).toBe(404);
  });
});
