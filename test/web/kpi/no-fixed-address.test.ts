import fs from 'node:fs';
import path from 'node:path';
import type { KpiReport } from '../../../src/kpi/report';
import type { Store } from '../../../src/store/store';
import type { CivicFormsApp } from '../../../src/web/app';
import { tempDataDir, testApp, textOf, Visitor } from '../../support/agent';
import { addAccount, signIn, signedInCaseworker } from '../../support/caseworker';
import { DATABASES, openTestStore } from '../../store/support/databases';

const FORM = 'housing-register';

/** A housing register whose one address question offers no fixed address. */
const definition = {
  id: FORM,
  title: 'Join the housing register',
  version: '1.0',
  description: 'Apply to join the housing register.',
  start: { body: ['Apply to join the housing register.'] },
  help: { phone: '0306 999 0123', hours: 'Monday to Friday, 9am to 5pm' },
  pages: [
    {
      id: 'address',
      questions: [
        {
          id: 'address',
          type: 'address',
          variant: 'either',
          noFixedAddress: true,
          label: 'Where can we send letters to you?',
          summaryLabel: 'Address',
          errorLabel: 'your address',
        },
      ],
    },
  ],
  confirmation: { title: 'Application sent', whatHappensNext: ['We will write to you.'] },
};

function formsDir(): string {
  const dir = tempDataDir();
  fs.writeFileSync(path.join(dir, `${FORM}.json`), JSON.stringify(definition));
  return dir;
}

/** Answers the address page until check answers, then sends; returns the last page's location. */
async function apply(visitor: Visitor, base: string, answers: Record<string, string>[]) {
  let at = `${base}/${FORM}/address`;
  for (const fields of answers) at = await visitor.answer(at, fields);
  expect(at).toBe(`${base}/${FORM}/check-answers`);
  return visitor.answer(at, {});
}

describe.each(DATABASES)('"no fixed address" on the KPI dashboard, on %s', (kind) => {
  let store: Store;
  let app: CivicFormsApp;
  beforeEach(async () => {
    store = await openTestStore(kind);
    app = testApp({ store, formsDir: formsDir() });
  }, 60_000);
  afterEach(() => app.close());

  it('counts the applicants who had no fixed address, by channel, as a fact without the answer', async () => {
    // Online: one collects letters from the office, one gives a UK address.
    await apply(new Visitor(app), '', [{ 'address-choice': 'collect' }]);
    await apply(new Visitor(app), '', [
      { 'address-choice': 'uk' },
      {
        'address-choice': 'uk',
        'address-uk-line1': '14 Kestrel Row',
        'address-uk-town': 'Northbrook',
        'address-uk-postcode': 'nb1 2zz',
      },
    ]);
    // By phone: a caller with no fixed address, to be contacted by phone only.
    const caseworker = await signedInCaseworker(app);
    const consent = `/caseworker/start/${FORM}/en`;
    await caseworker.get(consent);
    await caseworker.post(consent, { agrees: 'yes' });
    await apply(caseworker, '/caseworker/call', [
      { 'address-choice': 'phone' },
      { 'address-choice': 'phone', 'address-phone-phone': '07700 900 982' },
    ]);
    expect(await store.inspect.count('submissions')).toBe(3);

    await addAccount(store, 'dana.hughes', { role: 'service-team' });
    const team = new Visitor(app);
    await signIn(team, 'dana.hughes');
    const report = (await team.get(`/dashboard/${FORM}.json`)).body as KpiReport;
    expect(report.figures.completions).toBe(3);
    expect(report.figures.noFixedAddress).toBe(2);
    expect(
      Object.fromEntries(report.byChannel.map((row) => [row.key, row.noFixedAddress])),
    ).toEqual({ online: 1, 'phone-assisted': 0, phone: 1, paper: 0 });

    const page = await team.get(`/dashboard/${FORM}`);
    const row = textOf(page.text, /(<th[^>]*>\s*No fixed address\s*<\/th>[\s\S]*?)<\/tr>/);
    expect(row).toMatch(/^No fixed address 2 Applicants whose address answer was/);
    const csv = (await team.get(`/dashboard/${FORM}.csv`)).text;
    expect(csv).toContain('figures,,,noFixedAddress,2');
    expect(csv).toContain('channel,phone,,noFixedAddress,1');

    // The events hold the fact on the journey's anonymous id: no choice, no number, no address.
    const events = await store.inspect.rows('journey_events');
    const facts = events.filter((e) => e.type === 'no-fixed-address');
    expect(facts.map((e) => [e.channel, e.page_key, e.question_id, e.error_code])).toEqual([
      ['online', 'check-answers', null, null],
      ['phone', 'check-answers', null, null],
    ]);
    const everything = JSON.stringify(events);
    for (const answer of ['collect', '07700', 'Kestrel', 'NB1']) {
      expect(everything).not.toContain(answer);
    }
  }, 120_000);
});
