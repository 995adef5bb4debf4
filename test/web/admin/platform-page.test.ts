import type { Channel } from '../../../src/engine/answers';
import type { NewJourneyEvent } from '../../../src/store/journey-events';
import type { CivicFormsApp } from '../../../src/web/app';
import { EXAMPLE_FORMS, h1, testApp, textOf, Visitor } from '../../support/agent';
import { addAccount, signIn } from '../../support/caseworker';

// Each sign-in hashes with scrypt (0.3 s of a core): a busy shared machine.
jest.setTimeout(120_000);

const HOUR = 3_600_000;

/** A journey's events: a start, and a submission in the channel given unless it was left. */
function journey(formId: string, id: string, at: number, finished?: Channel): NewJourneyEvent[] {
  const base = { formId, formVersion: '1.0', journeyId: id, language: 'en', js: true };
  const start: NewJourneyEvent = {
    ...base,
    at,
    type: 'start',
    pageKey: 'first',
    channel: 'online',
    device: 'desktop',
  };
  if (!finished) return [start];
  return [start, { ...start, at: at + HOUR, type: 'submit', channel: finished }];
}

/** The overview table's rows as text. */
function rows(html: string): string[] {
  const body = /<tbody[^>]*>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? '';
  return [...body.matchAll(/<tr[^>]*>[\s\S]*?<\/tr>/g)].map(
    (row) => textOf(row[0], /<tr[^>]*>([\s\S]*?)<\/tr>/) ?? '',
  );
}

describe('the platform overview', () => {
  let app: CivicFormsApp;
  afterEach(() => app.close());

  it("shows each agency's forms, starts, completions, completion rate and digital take-up", async () => {
    app = testApp({ formsDir: EXAMPLE_FORMS });
    const now = Date.now() - 2 * 24 * HOUR;
    await app.store.events.appendJourneyEvents([
      // Northbrook Council: 3 starts over its two forms, 2 completed, one of them on paper.
      ...journey('council-tax-reduction', 'j1', now, 'online'),
      ...journey('council-tax-reduction', 'j2', now),
      ...journey('register-change-of-address', 'j3', now, 'paper'),
      // Northbrook Housing: 2 starts, both completed, one by phone-assisted (digital).
      ...journey('report-housing-repair', 'j4', now, 'online'),
      ...journey('report-housing-repair', 'j5', now, 'phone-assisted'),
    ]);
    await addAccount(app.store, 'pat.platform', {
      role: 'platform-admin',
      displayName: 'Pat Reid',
    });
    const visitor = new Visitor(app);
    await signIn(visitor, 'pat.platform');
    const page = await visitor.get('/admin/platform');
    expect(page.status).toBe(200);
    expect(h1(page.text)).toBe('Platform overview');
    expect(rows(page.text)).toEqual([
      'Northbrook Council 2 3 2 66.7% 50%',
      'Northbrook Housing Service 1 2 2 100% 100%',
    ]);
    const audit = await app.store.staff.listAudit({ actorUsername: 'pat.platform' });
    expect(audit.at(-1)).toMatchObject({ action: 'view-platform', agency: undefined });
  });

  it('is refused to every role but the platform team', async () => {
    app = testApp({ formsDir: EXAMPLE_FORMS });
    for (const role of ['caseworker', 'service-team', 'agency-admin'] as const) {
      await addAccount(app.store, role, { role, agency: 'northbrook-council' });
      const visitor = new Visitor(app);
      await signIn(visitor, role);
      const page = await visitor.get('/admin/platform');
      expect([role, page.status]).toEqual([role, 403]);
      expect(page.text).not.toContain('Northbrook Housing Service');
    }
  });
});
