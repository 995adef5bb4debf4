import type { CivicFormsApp } from '../../../src/web/app';
import { formCode } from '../../../src/paper/form-code';
import { h1, inlineErrors, summaryErrors, testApp, textOf, title } from '../../support/agent';
import { sendFrom, tableRows } from '../../support/assisted-journey';
import { DISTINCTIVE_NAME, signedInAccount } from '../../support/caseworker';
import { addDays } from '../../support/dates';

const START = '/caseworker/paper/parking-permit';

/** The fields of the start page: version 1.0, the paper's language, the day it arrived. */
function paperDetails(lang: string, days: number): Record<string, string> {
  const arrived = addDays(days);
  return {
    version: '1.0',
    language: lang,
    'received-on-day': arrived.day,
    'received-on-month': arrived.month,
    'received-on-year': arrived.year,
  };
}

/** The text of every label and legend on a page. */
function labels(html: string): string[] {
  return [...html.matchAll(/<(?:label|legend)[^>]*>([\s\S]*?)<\/(?:label|legend)>/g)].map(
    (m) => textOf(m[1] ?? '', /^([\s\S]*)$/) ?? '',
  );
}

jest.setTimeout(30_000);

describe('caseworker: keying in a paper form', () => {
  let app: CivicFormsApp;
  beforeEach(() => {
    app = testApp();
  });
  afterEach(() => app.close());

  const caseworker = () => signedInAccount(app);

  it('asks for the version and language printed on the paper, and the day it arrived', async () => {
    const { visitor } = await caseworker();
    const page = await visitor.get(START);
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(h1(page.text)).toBe('Key in a paper form');
    const code = formCode({ id: 'parking-permit', version: '1.0' });
    expect(labels(page.text)).toEqual([
      'Which version is printed on the paper form?',
      `Version 1.0 (form ${code})`,
      'Which language is the paper form in?',
      'English',
      'Cymraeg',
      'When did the paper form arrive?',
      'Day',
      'Month',
      'Year',
    ]);
    // The one version the service knows is chosen already; the language is not.
    expect(page.text).toMatch(/name="version" type="radio" value="1\.0" checked/);
    expect(page.text).not.toMatch(/name="language" type="radio" value="[a-z]+" checked/);
    expect(page.text).toMatch(/<label class="govuk-label govuk-radios__label" lang="cy"/);
  });

  it.each([
    [
      'nothing',
      {},
      [
        '#version Select the version printed on the paper form',
        '#language Select the language of the paper form',
        '#received-on-day Enter the date the paper form arrived',
      ],
    ],
    [
      'a day still to come',
      paperDetails('en', 2),
      ['#received-on-day The date the paper form arrived must be today or in the past'],
    ],
    [
      'a day that does not exist',
      { ...paperDetails('en', -1), 'received-on-day': '31', 'received-on-month': '2' },
      ['#received-on-day The date the paper form arrived must be a real date'],
    ],
    [
      'a version the service does not know',
      { ...paperDetails('en', -1), version: '0.9' },
      ['#version Select the version printed on the paper form'],
    ],
  ])('refuses %s, saying what is wrong', async (_what, fields, errors) => {
    const { visitor } = await caseworker();
    await visitor.get(START);
    const refused = await visitor.post(START, fields);
    expect(refused.status).toBe(400);
    expect(title(refused.text)).toMatch(/^Error: Key in a paper form/);
    expect(summaryErrors(refused.text)).toEqual(errors);
    expect(inlineErrors(refused.text)).toEqual(errors.map((e) => e.replace(/^#\S+ /, '')));
    expect(await tableRows(app, 'drafts')).toEqual([]);
  });

  it('numbers each question as the paper does, and records channel paper with the day it arrived', async () => {
    const { user, visitor } = await caseworker();
    await visitor.get(START);
    const details = paperDetails('cy', -3);
    const started = await visitor.post(START, details);
    expect(started.status).toBe(303);
    expect(started.headers.location).toBe(`${START}/live-in-zone`);

    const first = await visitor.get(`${START}/live-in-zone`);
    expect(h1(first.text)).toBe('Question 1: Do you live in a resident parking zone?');
    expect(first.text).not.toContain('What to say');
    let at = await visitor.answer(`${START}/live-in-zone`, { 'live-in-zone': 'yes' });
    expect(h1((await visitor.get(at)).text)).toBe('Question 2: What is your full name?');
    at = await visitor.answer(at, { 'full-name': DISTINCTIVE_NAME });
    const contact = await visitor.get(at);
    expect(labels(contact.text)).toEqual([
      'Question 3: Phone number',
      'Question 4: Email address (optional)',
    ]);
    at = await visitor.answer(at, { phone: '01632 960 001', email: '' });
    at = await visitor.answer(at, { 'has-vehicles': 'yes' });
    expect(h1((await visitor.get(at)).text)).toBe(
      "Question 6: What is the vehicle's registration number?",
    );
    at = await visitor.answer(at, { registration: 'ab12 cde' });
    at = await visitor.answer(at, { fuel: 'diesel' });
    at = await visitor.answer(at, { 'add-another': 'no' });
    expect(h1((await visitor.get(at)).text)).toBe(
      'Question 9: When do you want the permit to start?',
    );
    const start = addDays(30);
    at = await visitor.answer(at, {
      'start-date-day': start.day,
      'start-date-month': start.month,
      'start-date-year': start.year,
    });
    expect(at).toBe(`${START}/check-answers`);
    const check = await visitor.get(at);
    expect(check.text).toMatch(/Question 2: What is your full name\?\s*<\/dt>/);

    const reference = await sendFrom(visitor, at);
    const confirmation = await visitor.get(`${START}/confirmation`);
    expect(confirmation.text).toContain('Write the reference number on the first page');
    expect(confirmation.text).not.toContain('govuk-inset-text');

    const submission = await app.store.journeys.findSubmission(reference);
    expect(submission).toMatchObject({
      channel: 'paper',
      language: 'cy',
      formVersion: '1.0',
      caseworkerId: user.id,
      receivedOn: addDays(-3).iso,
    });
    const [row] = await tableRows(app, 'submissions');
    expect([row?.channel, row?.received_on, row?.caseworker_id]).toEqual([
      'paper',
      addDays(-3).iso,
      user.id,
    ]);

    const shown = await visitor.get(`/caseworker/submissions/${reference}`);
    expect(shown.text).toMatch(/Channel\s*<\/dt>\s*<dd[^>]*>\s*Paper form/);
    const arrived = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(
      new Date(`${addDays(-3).iso}T00:00:00Z`),
    );
    expect(shown.text).toMatch(
      new RegExp(`Paper form arrived\\s*</dt>\\s*<dd[^>]*>\\s*${arrived}`),
    );
    expect(shown.text).toMatch(/Caseworker\s*<\/dt>\s*<dd[^>]*>\s*Siân Evans \(sian\.evans\)/);

    const audit = await tableRows(app, 'audit_events');
    expect(audit.map((r) => [r.actor_id, r.action, r.target, r.detail])).toEqual([
      [user.id, 'sign-in', null, 'password'],
      [user.id, 'key-in-paper', 'parking-permit', '1.0 cy'],
      [user.id, 'submit', reference, 'paper'],
      [user.id, 'view-submission', reference, null],
    ]);
    const everything = JSON.stringify(audit);
    for (const answer of [DISTINCTIVE_NAME, '01632', 'AB12CDE', 'diesel']) {
      expect(everything).not.toContain(answer);
    }
  });

  it('keeps a paper journey apart from a phone journey of the same form', async () => {
    const { visitor } = await caseworker();
    await visitor.get(START);
    await visitor.post(START, paperDetails('en', 0));
    await visitor.answer(`${START}/live-in-zone`, { 'live-in-zone': 'yes' });
    const call = await visitor.get('/caseworker/call/parking-permit/full-name');
    expect(call.status).toBe(303);
    expect(call.headers.location).toBe('/caseworker/call/parking-permit');
    expect((await visitor.get(`${START}/full-name`)).status).toBe(200);
  });
});
