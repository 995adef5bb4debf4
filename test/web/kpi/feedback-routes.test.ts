import type { CivicFormsApp } from '../../../src/web/app';
import { addDays } from '../../support/dates';
import { h1, inlineErrors, summaryErrors, testApp, title, Visitor } from '../../support/agent';

const FORM = '/parking-permit';

/** A visitor who has just sent the parking permit form, in a language. */
async function submitted(app: CivicFormsApp, lang = 'en'): Promise<Visitor> {
  const visitor = new Visitor(app);
  await visitor.get(`${FORM}?lang=${lang}`);
  let at = await visitor.answer(`${FORM}/live-in-zone`, { 'live-in-zone': 'yes' });
  at = await visitor.answer(at, { 'full-name': 'Amara Okafor' });
  at = await visitor.answer(at, { phone: '01632 960 001', email: '' });
  at = await visitor.answer(at, { 'has-vehicles': 'no' });
  const start = addDays(10);
  at = await visitor.answer(at, {
    'start-date-day': start.day,
    'start-date-month': start.month,
    'start-date-year': start.year,
  });
  await visitor.get(at);
  await visitor.post(at, {});
  await visitor.get(`${FORM}/confirmation`);
  return visitor;
}

const everything = { formId: 'parking-permit', fromDay: '2000-01-01', toDay: '2100-01-01' };

describe('the satisfaction question', () => {
  let app: CivicFormsApp;
  beforeEach(() => {
    app = testApp();
  });
  afterEach(() => app.close());

  it('is on the confirmation page: the 5-point scale and an optional comment, posted with a CSRF token', async () => {
    const visitor = await submitted(app);
    const page = visitor.html;
    expect(page).toContain('Tell us what you think of this service');
    expect(page).toMatch(/<form method="post" action="\/parking-permit\/feedback" novalidate>/);
    expect(page).toMatch(/name="_csrf" value="[^"]+"/);
    const labels = [
      ...page.matchAll(
        /<label class="govuk-label govuk-radios__label" for="rating(?:-\d)?">\s*([^<]*?)\s*<\/label>/g,
      ),
    ].map((m) => m[1]);
    expect(labels).toEqual([
      'Very satisfied',
      'Satisfied',
      'Neither satisfied or dissatisfied',
      'Dissatisfied',
      'Very dissatisfied',
    ]);
    expect(page).toContain('How could we improve this service? (optional)');
  });

  it('asks again, with the GOV.UK error summary, when no rating is chosen, keeping the comment', async () => {
    const visitor = await submitted(app);
    const response = await visitor.post(`${FORM}/feedback`, { comment: 'The date page was hard' });
    expect(response.status).toBe(400);
    expect(title(response.text)).toMatch(/^Error: Overall, how did you feel/);
    expect(h1(response.text)).toBe(
      'Overall, how did you feel about the service you received today?',
    );
    expect(summaryErrors(response.text)).toEqual([
      '#rating Select how you felt about the service you received today',
    ]);
    expect(inlineErrors(response.text)).toEqual([
      'Select how you felt about the service you received today',
    ]);
    expect(response.text).toContain('The date page was hard</textarea>');
    expect(await app.store.events.listSatisfaction(everything)).toEqual([]);
  });

  it('refuses a comment over 1200 characters', async () => {
    const visitor = await submitted(app);
    const response = await visitor.post(`${FORM}/feedback`, {
      rating: '3',
      comment: 'a'.repeat(1201),
    });
    expect(response.status).toBe(400);
    expect(summaryErrors(response.text)).toEqual([
      '#comment How we could improve this service must be 1200 characters or fewer',
    ]);
    expect(response.text).toMatch(/value="3" checked/);
  });

  it('stores the rating and, apart from it, the comment; then thanks, once per submission', async () => {
    const visitor = await submitted(app, 'cy');
    const response = await visitor.post(`${FORM}/feedback`, {
      rating: '4',
      comment: '  Hawdd ei ddefnyddio  ',
    });
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe(`${FORM}/feedback`);
    const thanks = await visitor.get(`${FORM}/feedback`);
    expect(h1(thanks.text)).toBe('Diolch am eich adborth');
    await visitor.post(`${FORM}/feedback`, { rating: '1' });
    const [rating, ...more] = await app.store.events.listSatisfaction(everything);
    expect(more).toEqual([]);
    expect(rating).toMatchObject({
      formId: 'parking-permit',
      formVersion: '1.0',
      channel: 'online',
      language: 'cy',
      rating: 4,
    });
    expect(await app.store.events.listFeedbackComments(everything)).toEqual([
      {
        day: rating?.day,
        formId: 'parking-permit',
        language: 'cy',
        comment: 'Hawdd ei ddefnyddio',
      },
    ]);
  });

  it('sends a session that has submitted nothing to the start page', async () => {
    const visitor = new Visitor(app);
    await visitor.get(`${FORM}/live-in-zone`);
    const response = await visitor.post(`${FORM}/feedback`, { rating: '5' });
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe(FORM);
    expect(await app.store.events.listSatisfaction(everything)).toEqual([]);
  });

  it('refuses a post without the CSRF token', async () => {
    const visitor = await submitted(app);
    const response = await visitor.agent
      .post(`${FORM}/feedback`)
      .type('form')
      .send({ rating: '5' });
    expect(response.status).toBe(403);
  });
});
