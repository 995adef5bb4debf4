import type { CivicFormsApp } from '../../../src/web/app';
import { h1, inlineErrors, summaryErrors, testApp, textOf, Visitor } from '../../support/agent';
import { sendFrom, tableRows } from '../../support/assisted-journey';
import { addAccount, signedInAccount, signIn } from '../../support/caseworker';
import { addDays } from '../../support/dates';
import {
  answerFirstPages,
  chooseSecret,
  DATE_OF_BIRTH,
  MEMORABLE_WORD,
  pressSave,
} from '../../support/save-and-return';

/** Amara saves her application online after three pages; returns her code and the draft's id. */
async function savedOnline(app: CivicFormsApp): Promise<{ code: string; draftId: string }> {
  const constituent = new Visitor(app);
  const at = await answerFirstPages(constituent);
  const save = await pressSave(constituent, at, { 'has-vehicles': 'yes' });
  const code = await chooseSecret(constituent, save, DATE_OF_BIRTH);
  const [draft] = await tableRows(app, 'drafts');
  return { code, draftId: String(draft?.id) };
}

/** The rows of the summary lists on a page, as "key: value". */
function summaryRows(html: string): string[] {
  return html
    .split('class="govuk-summary-list__row')
    .slice(1)
    .map(
      (row) =>
        `${textOf(row, /<dt[^>]*>([\s\S]*?)<\/dt>/)}: ${textOf(row, /<dd[^>]*>([\s\S]*?)<\/dd>/)}`,
    );
}

jest.setTimeout(30_000);

describe('caseworker: picking up a form a caller saved', () => {
  let app: CivicFormsApp;
  beforeEach(() => {
    app = testApp();
  });
  afterEach(() => app.close());

  const caseworker = () => signedInAccount(app);

  it('opens the same transaction, shows the answers so far, and sends it as phone-assisted', async () => {
    const { code, draftId } = await savedOnline(app);
    const { user, visitor } = await caseworker();
    const page = await visitor.get('/caseworker/pick-up');
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(h1(page.text)).toBe('Pick up a form a caller saved');

    const typed = code.toLowerCase().replace(/-/g, ' ');
    const opened = await visitor.post('/caseworker/pick-up', {
      'resume-code': typed,
      ...DATE_OF_BIRTH,
    });
    expect(opened.status).toBe(303);
    expect(opened.headers.location).toBe('/caseworker/pick-up/parking-permit');
    const [draft] = await tableRows(app, 'drafts');
    expect([draft?.id, draft?.channel, draft?.caseworker_id]).toEqual([
      draftId,
      'phone-assisted',
      user.id,
    ]);

    const soFar = await visitor.get('/caseworker/pick-up/parking-permit');
    expect(h1(soFar.text)).toBe('Answers so far');
    expect(summaryRows(soFar.text)).toEqual([
      'Do you live in a resident parking zone?: Yes',
      'What is your full name?: Amara Okafor',
      'Phone number: 01632 960 001',
      'Email address: Not provided',
      'Do you own a vehicle?: Yes',
    ]);
    expect(soFar.text).toContain('href="/caseworker/call/parking-permit/vehicles/1/registration"');

    const start = addDays(30);
    let at = await visitor.answer('/caseworker/call/parking-permit/vehicles/1/registration', {
      registration: 'ab12 cde',
    });
    at = await visitor.answer(at, { fuel: 'petrol' });
    at = await visitor.answer(at, { 'add-another': 'no' });
    at = await visitor.answer(at, {
      'start-date-day': start.day,
      'start-date-month': start.month,
      'start-date-year': start.year,
    });
    const reference = await sendFrom(visitor, at);
    const submission = await app.store.journeys.findSubmission(reference);
    expect(submission).toMatchObject({
      transactionId: draftId,
      channel: 'phone-assisted',
      caseworkerId: user.id,
    });
    expect(submission?.answers['full-name']).toBe('Amara Okafor');

    expect(
      (await tableRows(app, 'audit_events')).map((r) => [r.actor_id, r.action, r.target, r.detail]),
    ).toEqual([
      [user.id, 'sign-in', null, 'password'],
      [user.id, 'open-draft', 'parking-permit', 'phone-assisted'],
      [user.id, 'submit', reference, 'phone-assisted'],
    ]);
    const audit = JSON.stringify(await tableRows(app, 'audit_events'));
    for (const answer of ['Amara', '01632', 'AB12CDE', code, '1985']) {
      expect(audit).not.toContain(answer);
    }
    const shown = await visitor.get(`/caseworker/submissions/${reference}`);
    expect(shown.text).toMatch(/Channel\s*<\/dt>\s*<dd[^>]*>\s*Started online, finished by phone/);
  });

  it('says how many tries are left when the secret does not match, and records the failure', async () => {
    const { code } = await savedOnline(app);
    const { visitor } = await caseworker();
    await visitor.get('/caseworker/pick-up');
    const wrong = await visitor.post('/caseworker/pick-up', {
      'resume-code': code,
      ...DATE_OF_BIRTH,
      'date-of-birth-day': '28',
    });
    expect(wrong.status).toBe(400);
    const message =
      'This does not match what the caller gave when they saved the form. You can try 4 more times';
    expect(summaryErrors(wrong.text)).toEqual([`#date-of-birth-day ${message}`]);
    expect(inlineErrors(wrong.text)).toEqual([message]);
    expect((await tableRows(app, 'drafts')).map((d) => [d.channel, d.caseworker_id])).toEqual([
      ['online', null],
    ]);
    const failed = (await tableRows(app, 'audit_events')).filter((r) => r.action !== 'sign-in');
    expect(failed.map((r) => [r.action, r.target, r.detail])).toEqual([
      ['open-draft-failed', null, 'wrong'],
    ]);
  });

  it('says when no saved form has the code, or the code is not one', async () => {
    await savedOnline(app);
    const { visitor } = await caseworker();
    await visitor.get('/caseworker/pick-up');
    const unknown = await visitor.post('/caseworker/pick-up', {
      'resume-code': 'K7QM-3XPD-9C',
      ...MEMORABLE_WORD,
    });
    expect(unknown.status).toBe(400);
    expect(summaryErrors(unknown.text)).toEqual([
      '#resume-code No saved form has this code. Check it with the caller: it may have run out, or the form may have been sent already',
    ]);
    const malformed = await visitor.post('/caseworker/pick-up', { 'resume-code': 'K7QM' });
    expect(summaryErrors(malformed.text)).toEqual([
      '#resume-code Enter the code as the caller was given it: 10 letters and numbers, like K7QM-3XPD-9C',
      '#secret-kind Select what the caller chose when they saved the form',
    ]);
    const empty = await visitor.post('/caseworker/pick-up', {});
    expect(summaryErrors(empty.text)).toEqual([
      '#resume-code Enter the caller’s code',
      '#secret-kind Select what the caller chose when they saved the form',
    ]);
  });

  it("answers another agency's caseworker with the right code and secret as if no form had the code", async () => {
    const { code, draftId } = await savedOnline(app);
    // The fixture form is the default agency's; this caseworker is another agency's.
    await addAccount(app.store, 'tomasz.nowak', { agency: 'northbrook-housing' });
    const outsider = new Visitor(app);
    await signIn(outsider, 'tomasz.nowak');
    await outsider.get('/caseworker/pick-up');
    const refused = await outsider.post('/caseworker/pick-up', {
      'resume-code': code,
      ...DATE_OF_BIRTH,
    });
    expect(refused.status).toBe(400);
    expect(summaryErrors(refused.text)).toEqual([
      '#resume-code No saved form has this code. Check it with the caller: it may have run out, or the form may have been sent already',
    ]);
    // The draft is untouched, and its own agency's caseworker still opens it.
    expect(await app.store.journeys.getDraft(draftId)).toMatchObject({ channel: 'online' });
    const { visitor } = await caseworker();
    await visitor.get('/caseworker/pick-up');
    const opened = await visitor.post('/caseworker/pick-up', {
      'resume-code': code,
      ...DATE_OF_BIRTH,
    });
    expect(opened.headers.location).toBe('/caseworker/pick-up/parking-permit');
  });

  it('locks a caseworker out after too many wrong tries', async () => {
    const { code } = await savedOnline(app);
    const { visitor } = await caseworker();
    await visitor.get('/caseworker/pick-up');
    let last = await visitor.post('/caseworker/pick-up', {
      'resume-code': code,
      ...MEMORABLE_WORD,
    });
    for (let i = 0; i < 5 && last.status === 400 && !/Wait \d+ minutes?/.test(last.text); i++) {
      last = await visitor.post('/caseworker/pick-up', { 'resume-code': code, ...MEMORABLE_WORD });
    }
    expect(summaryErrors(last.text)).toEqual([
      expect.stringMatching(
        /^#resume-code There have been too many wrong tries\. Wait \d+ minutes?, then try again$/,
      ),
    ]);
    const right = await visitor.post('/caseworker/pick-up', {
      'resume-code': code,
      ...DATE_OF_BIRTH,
    });
    expect(right.status).toBe(400);
    expect((await tableRows(app, 'audit_events')).at(-1)?.detail).toBe('locked');
  });

  it('sends the answers-so-far page back to the pick-up page when nothing was picked up', async () => {
    const { visitor } = await caseworker();
    const response = await visitor.get('/caseworker/pick-up/parking-permit');
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/caseworker/pick-up');
  });
});
