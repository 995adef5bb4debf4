import type { CivicFormsApp } from '../../../src/web/app';
import {
  h1,
  inlineErrors,
  summaryErrors,
  testApp,
  textOf,
  title,
  Visitor,
} from '../../support/agent';
import { addDays } from '../../support/dates';
import {
  answerFirstPages,
  chooseSecret,
  CODE_SHAPE,
  DATE_OF_BIRTH,
  MEMORABLE_WORD,
  pressSave,
  resumeWith,
} from '../../support/save-and-return';
import { panelCode } from '../../support/panel-code';

const FORM = '/parking-permit';

describe('save and return pages', () => {
  let app: CivicFormsApp;
  beforeEach(() => {
    app = testApp();
  });
  afterEach(() => app.close());

  it('offers "Save and come back later" on question pages and a way back on the start page', async () => {
    const visitor = new Visitor(app);
    const start = await visitor.get(FORM);
    expect(start.text).toContain(`href="${FORM}/resume"`);
    expect(textOf(start.text, /href="\/parking-permit\/resume">([^<]*)</)).toBe(
      'Continue a form you saved',
    );
    const page = await visitor.get(`${FORM}/live-in-zone`);
    expect(page.text).toMatch(
      /<button type="submit" value="save" name="action"[^>]*class="govuk-button govuk-button--secondary"/,
    );
    // Continue comes first, so pressing Enter in a field continues rather than saves.
    expect(page.text.indexOf('Continue')).toBeLessThan(
      page.text.indexOf('Save and come back later'),
    );
  });

  it('saves on one device and brings every answer back on another, at the first unanswered page, as the same transaction', async () => {
    const first = new Visitor(app);
    const at = await answerFirstPages(first);
    await first.answer(at, { 'has-vehicles': 'yes' });
    const saveUrl = await pressSave(first, `${FORM}/vehicles/1/registration`, {
      registration: 'ab12 cde',
    });
    expect(saveUrl).toBe(`${FORM}/save`);
    const savePage = await first.get(saveUrl);
    expect(h1(savePage.text)).toBe('Save your answers and come back later');
    expect(savePage.text).not.toContain('was not saved');

    const code = await chooseSecret(first, saveUrl, DATE_OF_BIRTH);
    expect(code).toMatch(CODE_SHAPE);
    const shown = first.html;
    expect(h1(shown)).toBe('Your answers are saved');
    const expiry = addDays(28);
    const month = new Date(`${expiry.iso}T12:00:00Z`).toLocaleString('en-GB', { month: 'long' });
    expect(shown).toContain(`Your code works until`);
    expect(shown).toContain(`on ${Number(expiry.day)} ${month} ${expiry.year}.`);
    expect(shown).toContain('Enter your code and your date of birth.');
    expect(shown).toContain('0300 123 4567');
    expect(shown).toContain('http://localhost:3000/resume');

    // The browser that saved lets go of the answers: the next person on it starts afresh.
    const after = await first.get(`${FORM}/full-name`);
    expect(after.status).toBe(303);
    expect(after.headers.location).toBe(`${FORM}/live-in-zone`);
    expect((await first.get(`${FORM}/live-in-zone`)).text).not.toContain('checked');

    const [draft] = await app.store.inspect.rows('drafts');

    // Another device: a new browser, the code typed in lower case with spaces.
    const second = new Visitor(app);
    const typed = code.toLowerCase().replace(/-/g, ' ');
    const resumed = await resumeWith(second, typed, DATE_OF_BIRTH);
    expect(resumed.status).toBe(303);
    expect(resumed.headers.location).toBe(`${FORM}/vehicles/1/fuel`);
    expect((await second.get(`${FORM}/full-name`)).text).toContain('value="Amara Okafor"');
    expect((await second.get(`${FORM}/contact`)).text).toContain('value="01632 960 001"');
    expect((await second.get(`${FORM}/vehicles/1/registration`)).text).toContain('value="AB12CDE"');

    let next = await second.answer(`${FORM}/vehicles/1/fuel`, { fuel: 'petrol' });
    next = await second.answer(next, { 'add-another': 'no' });
    const start = addDays(30);
    next = await second.answer(next, {
      'start-date-day': start.day,
      'start-date-month': start.month,
      'start-date-year': start.year,
    });
    expect(next).toBe(`${FORM}/check-answers`);
    await second.get(next);
    await second.post(next, {});
    const confirmation = await second.get(`${FORM}/confirmation`);
    const reference = panelCode(confirmation.text) ?? '';
    const submission = await app.store.journeys.findSubmission(reference);
    expect(submission?.transactionId).toBe(draft?.id);
    expect(submission?.answers['full-name']).toBe('Amara Okafor');
    expect(await app.store.inspect.rows('resume_codes')).toMatchObject([{ resume_count: 1 }]);
    // For the figures: the saved journey started once, was saved, resumed and sent, one id
    // throughout (the first browser's later visit to the form is a journey of its own).
    await app.kpi.recorder.flush();
    const events = await app.store.events.listJourneyEvents({
      formId: 'parking-permit',
      from: 0,
      to: Date.now() + 60_000,
    });
    const journey = events.find((e) => e.type === 'save')?.journeyId;
    const mine = events.filter((e) => e.journeyId === journey).map((e) => e.type);
    expect(['start', 'save', 'resume', 'submit'].map((t) => mine.filter((m) => m === t))).toEqual([
      ['start'],
      ['save'],
      ['resume'],
      ['submit'],
    ]);

    // Once sent, the code opens nothing.
    const late = await resumeWith(new Visitor(app), code, DATE_OF_BIRTH);
    expect(late.status).toBe(400);
    expect(summaryErrors(late.text)).toEqual([
      '#resume-code We cannot find a saved form with this code. Check the code: it may have run out, or the form may have been sent already',
    ]);
  });

  it('keeps the valid answers of the page being saved and says which were not saved', async () => {
    const visitor = new Visitor(app);
    let at = await visitor.answer(`${FORM}/live-in-zone`, { 'live-in-zone': 'yes' });
    at = await visitor.answer(at, { 'full-name': 'Amara Okafor' });
    const saveUrl = await pressSave(visitor, at, { phone: '12', email: 'amara@example.com' });
    expect(saveUrl).toBe(`${FORM}/save?unsaved=1`);
    const page = await visitor.get(saveUrl);
    expect(page.text).toContain(
      'Your answer on the page you were on was not saved because it has a problem.',
    );
    const code = await chooseSecret(visitor, saveUrl, MEMORABLE_WORD);

    const other = new Visitor(app);
    const resumed = await resumeWith(other, code, {
      'secret-kind': 'memorable-word',
      'memorable-word': ' blue heron ',
    });
    expect(resumed.headers.location).toBe(`${FORM}/contact`);
    const contact = await other.get(`${FORM}/contact`);
    expect(contact.text).toContain('value="amara@example.com"');
    expect(contact.text).not.toMatch(/id="phone" name="phone" type="tel" value="12"/);
  });

  it('has nothing to save before the first answer is accepted', async () => {
    const visitor = new Visitor(app);
    const saveUrl = await pressSave(visitor, `${FORM}/live-in-zone`, {});
    expect(saveUrl).toBe(`${FORM}/save?unsaved=1`);
    const page = await visitor.get(saveUrl);
    expect(h1(page.text)).toBe('There is nothing to save yet');
    expect(await app.store.inspect.count('drafts')).toBe(0);
  });

  it('checks the secret like any answer: error summary, messages in place, answers kept', async () => {
    const visitor = new Visitor(app);
    const at = await answerFirstPages(visitor);
    const saveUrl = await pressSave(visitor, at, { 'has-vehicles': 'no' });
    await visitor.get(saveUrl);

    const none = await visitor.post(saveUrl, { email: '' });
    expect(none.status).toBe(400);
    expect(title(none.text)).toMatch(/^Error: Save your answers and come back later/);
    expect(summaryErrors(none.text)).toEqual([
      '#secret-kind Select what you want to use to show the form is yours',
    ]);

    const short = await visitor.post(saveUrl, {
      'secret-kind': 'memorable-word',
      'memorable-word': 'owl',
      email: 'amara@example',
    });
    expect(summaryErrors(short.text)).toEqual([
      '#memorable-word Your memorable word must be 4 characters or more',
      '#email Enter your email address in the correct format, like name@example.com',
    ]);
    expect(inlineErrors(short.text)).toHaveLength(2);
    expect(short.text).toContain('value="owl"');
    expect(short.text).toContain('value="amara@example"');

    const born = await visitor.post(saveUrl, {
      'secret-kind': 'date-of-birth',
      'date-of-birth-day': '27',
      'date-of-birth-year': '1985',
    });
    expect(summaryErrors(born.text)).toEqual([
      '#date-of-birth-month Your date of birth must include a month',
    ]);
    expect(born.text).toMatch(/name="secret-kind" type="radio" value="date-of-birth" checked/);

    // Every field is on show: the one filled in is the choice, even with no option ticked.
    const wordOnly = await visitor.post(saveUrl, { 'memorable-word': 'Blue Heron', email: '' });
    expect(wordOnly.status).toBe(200);
    expect(h1(wordOnly.text)).toBe('Your answers are saved');
    expect(wordOnly.text).toContain('Enter your code and your memorable word.');
  });

  it('checks the code and secret on the resume page, and says when they do not match', async () => {
    const visitor = new Visitor(app);
    const at = await answerFirstPages(visitor);
    const code = await chooseSecret(
      visitor,
      await pressSave(visitor, at, { 'has-vehicles': 'no' }),
      DATE_OF_BIRTH,
    );
    const other = new Visitor(app);
    await other.get('/resume');
    const empty = await other.post('/resume', {});
    expect(empty.status).toBe(400);
    expect(summaryErrors(empty.text)).toEqual([
      '#resume-code Enter your code',
      '#secret-kind Select what you chose when you saved your form',
    ]);
    const malformed = await other.post('/resume', {
      'resume-code': 'KOQM-3XPD-9C',
      ...DATE_OF_BIRTH,
    });
    expect(summaryErrors(malformed.text)).toEqual([
      '#resume-code Enter your code as we gave it to you: 10 letters and numbers, like K7QM-3XPD-9C',
    ]);

    const wrong = await resumeWith(other, code, { ...DATE_OF_BIRTH, 'date-of-birth-day': '28' });
    expect(wrong.status).toBe(400);
    expect(summaryErrors(wrong.text)).toEqual([
      '#date-of-birth-day This does not match what you gave when you saved your form. You can try 4 more times',
    ]);
    const otherKind = await resumeWith(other, code, { ...MEMORABLE_WORD });
    expect(summaryErrors(otherKind.text)).toEqual([
      '#memorable-word This does not match what you gave when you saved your form. You can try 3 more times',
    ]);
    const right = await resumeWith(other, code, DATE_OF_BIRTH, `${FORM}/resume`);
    expect(right.status).toBe(303);
    expect(right.headers.location).toBe(`${FORM}/start-date`);
  });

  it('gives the browser a new session id when a saved form is opened', async () => {
    const visitor = new Visitor(app);
    const at = await answerFirstPages(visitor);
    const code = await chooseSecret(
      visitor,
      await pressSave(visitor, at, { 'has-vehicles': 'no' }),
      DATE_OF_BIRTH,
    );
    const other = new Visitor(app);
    const page = await other.get('/resume');
    const before = String(page.headers['set-cookie']).match(/civic\.sid=([^;]+)/)?.[1];
    const resumed = await other.post('/resume', { 'resume-code': code, ...DATE_OF_BIRTH });
    const after = String(resumed.headers['set-cookie']).match(/civic\.sid=([^;]+)/)?.[1];
    expect(before).toBeDefined();
    expect(after).toBeDefined();
    expect(after).not.toBe(before);
  });
});
