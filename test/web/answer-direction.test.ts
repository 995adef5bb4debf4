import type { CivicFormsApp } from '../../src/web/app';
import { testApp, Visitor } from '../support/agent';
import { signedInAccount } from '../support/caseworker';
import { addDays } from '../support/dates';
import { panelCode } from '../support/panel-code';
import { answerFirstPages, DATE_OF_BIRTH, pressSave } from '../support/save-and-return';

const FORM = '/parking-permit';
/** An answer in Arabic script, typed on a page in English or Welsh. */
const ARABIC_NAME = 'أمارا أوكافور';
const PHONE = '07700 900123';

/** Each summary list value of a page, as HTML. */
function summaryValues(html: string): string[] {
  return [...html.matchAll(/<dd class="govuk-summary-list__value">([\s\S]*?)<\/dd>/g)].map(
    ([, value = '']) => value.trim(),
  );
}

/** The values that hold text outside a `<bdi>` (so not isolated), other than the words given. */
function notIsolated(html: string, words: string[] = []): string[] {
  return summaryValues(html).filter(
    (value) =>
      !words.includes(value) &&
      value
        .replace(/<bdi>[^<]*<\/bdi>/g, '')
        .replace(/<br>/g, '')
        .trim() !== '',
  );
}

/** Answers the fixture form to check answers with a name in Arabic script and a mobile number. */
async function reachCheckAnswers(visitor: Visitor): Promise<string> {
  const start = addDays(30);
  let at = await visitor.answer(`${FORM}/live-in-zone`, { 'live-in-zone': 'yes' });
  at = await visitor.answer(at, { 'full-name': ARABIC_NAME });
  at = await visitor.answer(at, { phone: PHONE, email: '' });
  at = await visitor.answer(at, { 'has-vehicles': 'yes' });
  at = await visitor.answer(at, { registration: 'ab12 cde' });
  at = await visitor.answer(at, { fuel: 'electric' });
  at = await visitor.answer(at, { charging: 'no' });
  at = await visitor.answer(at, { 'add-another': 'no' });
  return visitor.answer(at, {
    'start-date-day': start.day,
    'start-date-month': start.month,
    'start-date-year': start.year,
  });
}

describe('every answer a person typed is shown in its own direction', () => {
  let app: CivicFormsApp;
  beforeEach(() => {
    app = testApp();
  });
  afterEach(() => app.close());

  it('on check answers and on the staff submission page, each answer line in a <bdi>', async () => {
    const visitor = new Visitor(app);
    const checkAnswers = await reachCheckAnswers(visitor);
    const check = (await visitor.get(`${checkAnswers}?lang=cy`)).text;
    expect(summaryValues(check)).toEqual(
      expect.arrayContaining([`<bdi>${ARABIC_NAME}</bdi>`, `<bdi>${PHONE}</bdi>`]),
    );
    expect(notIsolated(check, ['Heb ei roi'])).toEqual([]);

    const reference = panelCode((await visitor.get(await visitor.answer(checkAnswers, {}))).text);
    const { visitor: staff } = await signedInAccount(app);
    const submission = (await staff.get(`/caseworker/submissions/${reference}`)).text;
    expect(summaryValues(submission)).toEqual(
      expect.arrayContaining([`<bdi>${ARABIC_NAME}</bdi>`, `<bdi>${PHONE}</bdi>`]),
    );
    // The details list (reference, channel...) is the service's words; the answers are isolated.
    const answers = submission.slice(submission.indexOf('Answers'));
    expect(notIsolated(answers, ['Not provided'])).toEqual([]);
  }, 60_000);

  it('on a picked-up form’s answers so far, and the email address on the resume code page', async () => {
    const constituent = new Visitor(app);
    const at = await answerFirstPages(constituent);
    const save = await pressSave(constituent, at, { 'has-vehicles': 'yes' });
    await constituent.get(save);
    const code = await constituent.post(save, { ...DATE_OF_BIRTH, email: 'amara@example.com' });
    expect(code.text).toContain('<bdi>amara@example.com</bdi>.');

    const { visitor: staff } = await signedInAccount(app);
    await staff.get('/caseworker/pick-up');
    await staff.post('/caseworker/pick-up', {
      'resume-code': panelCode(code.text, 'cf-resume-code') ?? '',
      ...DATE_OF_BIRTH,
    });
    const soFar = (await staff.get('/caseworker/pick-up/parking-permit')).text;
    expect(summaryValues(soFar)).toEqual(
      expect.arrayContaining(['<bdi>Amara Okafor</bdi>', '<bdi>01632 960 001</bdi>']),
    );
    expect(notIsolated(soFar, ['Not provided'])).toEqual([]);
  }, 60_000);
});
