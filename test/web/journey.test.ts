import { addDays } from '../support/dates';
import {
  h1,
  inlineErrors,
  summaryErrors,
  testApp,
  tempDataDir,
  textOf,
  title,
  Visitor,
} from '../support/agent';
import type { CivicFormsApp } from '../../src/web/app';
import { panelCode } from '../support/panel-code';

const FORM = '/parking-permit';
const START = addDays(30);

/** Answers the fixture form up to check answers, with one electric vehicle. */
async function reachCheckAnswers(visitor: Visitor): Promise<void> {
  let at = await visitor.answer(`${FORM}/live-in-zone`, { 'live-in-zone': 'yes' });
  at = await visitor.answer(at, { 'full-name': '  Amara   Okafor ' });
  at = await visitor.answer(at, { phone: '(01632) 960 001', email: '' });
  at = await visitor.answer(at, { 'has-vehicles': 'yes' });
  expect(at).toBe(`${FORM}/vehicles/1/registration`);
  at = await visitor.answer(at, { registration: 'ab12 cde' });
  at = await visitor.answer(at, { fuel: 'electric' });
  expect(at).toBe(`${FORM}/vehicles/1/charging`);
  at = await visitor.answer(at, { charging: 'no' });
  expect(at).toBe(`${FORM}/vehicles`);
  at = await visitor.answer(at, { 'add-another': 'no' });
  at = await visitor.answer(at, {
    'start-date-day': START.day,
    'start-date-month': START.month,
    'start-date-year': START.year,
  });
  expect(at).toBe(`${FORM}/check-answers`);
}

describe('a journey through a form', () => {
  let app: CivicFormsApp;
  beforeEach(() => {
    app = testApp();
  });
  afterEach(() => app.close());

  it('shows the start page with a start button to the first question', async () => {
    const visitor = new Visitor(app);
    const response = await visitor.get(FORM);
    expect(response.status).toBe(200);
    expect(h1(response.text)).toBe('Apply for a resident parking permit');
    expect(response.text).toContain(`href="${FORM}/live-in-zone"`);
    expect(response.text).toContain('0300 123 4567');
  });

  it('re-shows a page with the GOV.UK error summary when the answer is missing', async () => {
    const visitor = new Visitor(app);
    await visitor.get(`${FORM}/live-in-zone`);
    const response = await visitor.post(`${FORM}/live-in-zone`, {});
    expect(response.status).toBe(400);
    expect(title(response.text)).toMatch(/^Error: Do you live in a resident parking zone\?/);
    expect(summaryErrors(response.text)).toEqual([
      '#live-in-zone Select yes if you live in a resident parking zone',
    ]);
    expect(inlineErrors(response.text)).toEqual([
      'Select yes if you live in a resident parking zone',
    ]);
    expect(response.text).toContain('There is a problem');
    expect(response.text).toMatch(/<form [^>]*novalidate/);
    expect(response.text).not.toMatch(/\srequired[\s>=]/);
  });

  it('keeps what was typed when another answer on the page is wrong', async () => {
    const visitor = new Visitor(app);
    await visitor.answer(`${FORM}/live-in-zone`, { 'live-in-zone': 'yes' });
    await visitor.answer(`${FORM}/full-name`, { 'full-name': 'Amara Okafor' });
    await visitor.get(`${FORM}/contact`);
    const response = await visitor.post(`${FORM}/contact`, {
      phone: '12',
      email: 'amara@example.com',
    });
    expect(response.status).toBe(400);
    expect(response.text).toContain('value="12"');
    expect(response.text).toContain('value="amara@example.com"');
    expect(summaryErrors(response.text)[0]).toMatch(/^#phone /);
  });

  it('sends people who cannot apply to the exit page', async () => {
    const visitor = new Visitor(app);
    const at = await visitor.answer(`${FORM}/live-in-zone`, { 'live-in-zone': 'no' });
    expect(at).toBe(`${FORM}/cannot-apply`);
    const response = await visitor.get(at);
    expect(h1(response.text)).toBe('You cannot apply for a resident permit');
    const later = await visitor.get(`${FORM}/full-name`);
    expect(later.status).toBe(303);
    expect(later.headers.location).toBe(`${FORM}/cannot-apply`);
  });

  it('redirects a jump to a later page back to the page the journey has reached', async () => {
    const visitor = new Visitor(app);
    await visitor.answer(`${FORM}/live-in-zone`, { 'live-in-zone': 'yes' });
    for (const url of [`${FORM}/start-date`, `${FORM}/check-answers`, `${FORM}/vehicles/1/fuel`]) {
      const response = await visitor.get(url);
      expect(response.status).toBe(303);
      expect(response.headers.location).toBe(`${FORM}/full-name`);
    }
  });

  it('shows every answer on check answers, with Not provided for a skipped optional one', async () => {
    const visitor = new Visitor(app);
    await reachCheckAnswers(visitor);
    const page = (await visitor.get(`${FORM}/check-answers`)).text;
    expect(page).toContain('Amara Okafor');
    expect(page).toContain('(01632) 960 001');
    expect(page).toContain('AB12CDE');
    expect(page).toContain('Electric');
    expect(textOf(page, /cf-not-provided">([\s\S]*?)<\/dd>/)).toBe('Not provided');
    expect(page).toContain(`href="${FORM}/contact?change=1"`);
    expect(page).toMatch(/Change<span class="govuk-visually-hidden"> Phone number<\/span>/);
    expect(page).toContain('Send application');
  });

  it('returns to check answers after a change, through any question the change adds', async () => {
    const visitor = new Visitor(app);
    await reachCheckAnswers(visitor);
    let at = await visitor.answer(`${FORM}/full-name?change=1`, { 'full-name': 'Amara N Okafor' });
    expect(at).toBe(`${FORM}/check-answers`);
    at = await visitor.answer(`${FORM}/vehicles/1/fuel?change=1`, { fuel: 'diesel' });
    expect(at).toBe(`${FORM}/check-answers`);
    const page = (await visitor.get(at)).text;
    expect(page).toContain('Amara N Okafor');
    expect(page).not.toContain('Do you need a charging bay?');
  });

  it('neither shows nor submits answers from pages that left the path', async () => {
    const visitor = new Visitor(app);
    await reachCheckAnswers(visitor);
    const at = await visitor.answer(`${FORM}/has-vehicles?change=1`, { 'has-vehicles': 'no' });
    expect(at).toBe(`${FORM}/check-answers`);
    const page = (await visitor.get(at)).text;
    expect(page).not.toContain('AB12CDE');
    await visitor.get(at);
    await visitor.post(at, {});
    const reference = panelCode((await visitor.get(`${FORM}/confirmation`)).text) ?? '';
    const submission = await app.store.journeys.findSubmission(reference);
    expect(submission?.answers).not.toHaveProperty('vehicles');
    expect(submission?.answers['has-vehicles']).toBe('no');
  });

  it('adds and removes items of a repeating section, keeping the minimum', async () => {
    const visitor = new Visitor(app);
    await reachCheckAnswers(visitor);
    let at = await visitor.answer(`${FORM}/vehicles`, { 'add-another': 'yes' });
    expect(at).toBe(`${FORM}/vehicles/2/registration`);
    at = await visitor.answer(at, { registration: 'XY99 ZZZ' });
    at = await visitor.answer(at, { fuel: 'petrol' });
    expect(at).toBe(`${FORM}/vehicles`);
    let summary = (await visitor.get(at)).text;
    expect(summary).toContain('XY99ZZZ');
    expect(summary).toContain('AB12CDE');
    at = await visitor.answer(`${FORM}/vehicles/1/remove`, { remove: 'yes' });
    expect(at).toBe(`${FORM}/vehicles`);
    summary = (await visitor.get(at)).text;
    expect(summary).not.toContain('AB12CDE');
    expect(summary).toContain('Vehicle 1');
    await visitor.answer(`${FORM}/vehicles/1/remove`, { remove: 'yes' });
    expect((await visitor.get(`${FORM}/check-answers`)).headers.location).toBe(
      `${FORM}/vehicles/1/registration`,
    );
  });

  it('submits once however often the answers are sent, with the same reference', async () => {
    const visitor = new Visitor(app);
    await reachCheckAnswers(visitor);
    await visitor.get(`${FORM}/check-answers`);
    const [first, second] = await Promise.all([
      visitor.post(`${FORM}/check-answers`, {}),
      visitor.post(`${FORM}/check-answers`, {}),
    ]);
    expect(first.headers.location).toBe(`${FORM}/confirmation`);
    expect(second.headers.location).toBe(`${FORM}/confirmation`);
    const again = await visitor.post(`${FORM}/check-answers`, {});
    expect(again.headers.location).toBe(`${FORM}/confirmation`);
    const confirmation = (await visitor.get(`${FORM}/confirmation`)).text;
    const reference = panelCode(confirmation) ?? '';
    expect(reference).toMatch(
      /^[34679ACDEFGHJKMNPQRTWXY]{4}-[34679ACDEFGHJKMNPQRTWXY]{4}-[34679ACDEFGHJKMNPQRTWXY]{2}$/,
    );
    expect(confirmation).toContain('We will post your permit within 10 working days.');
    const submission = await app.store.journeys.findSubmission(reference);
    expect(submission).toMatchObject({
      formId: 'parking-permit',
      formVersion: '1.0',
      language: 'en',
      channel: 'online',
    });
    expect(submission?.answers['full-name']).toBe('Amara Okafor');
    // The date it was received, day month year as people in the UK write it (not "June 15, 2026").
    const received = textOf(confirmation, /<p class="govuk-body">(We received[^<]*)<\/p>/) ?? '';
    const day = new Intl.DateTimeFormat('en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'Europe/London',
    }).format(new Date(submission?.submittedAt ?? 0));
    expect(day).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4}$/);
    expect(received).toMatch(new RegExp(`^We received your form on ${day}\\. `));
    const bookmarked = (await visitor.get(`${FORM}/confirmation`)).text;
    expect(panelCode(bookmarked)).toBe(reference);
  });

  it('refuses a post without the CSRF token and keeps the answers', async () => {
    const visitor = new Visitor(app);
    await visitor.answer(`${FORM}/live-in-zone`, { 'live-in-zone': 'yes' });
    const response = await visitor.agent
      .post(`${FORM}/full-name`)
      .type('form')
      .send({ 'full-name': 'Mallory' });
    expect(response.status).toBe(403);
    expect(h1(response.text)).toBe('Sorry, we could not accept that');
    expect((await visitor.get(`${FORM}/live-in-zone`)).text).toMatch(/value="yes" checked/);
  });

  it('continues where the user was after a restart, on the same database', async () => {
    const dataDir = tempDataDir();
    const before = testApp({ dataDir });
    const visitor = new Visitor(before);
    await visitor.answer(`${FORM}/live-in-zone`, { 'live-in-zone': 'yes' });
    await visitor.answer(`${FORM}/full-name`, { 'full-name': 'Amara Okafor' });
    const cookies = (await visitor.agent.get(`${FORM}/contact`)).request.cookies;
    await before.close();

    const after = testApp({ dataDir });
    const resumed = new Visitor(after);
    const response = await resumed.agent.get(`${FORM}/check-answers`).set('Cookie', cookies);
    expect(response.headers.location).toBe(`${FORM}/contact`);
    const name = await resumed.agent.get(`${FORM}/full-name`).set('Cookie', cookies);
    expect(name.text).toContain('value="Amara Okafor"');
    await after.close();
  });

  it('answers 404 with a helpful page for unknown forms and pages', async () => {
    const visitor = new Visitor(app);
    for (const url of [
      '/no-such-form',
      `${FORM}/no-such-page`,
      `${FORM}/vehicles/9/registration`,
      '/a/b/c/d/e',
    ]) {
      const response = await visitor.get(url);
      expect(response.status).toBe(404);
      expect(h1(response.text)).toBe('Page not found');
    }
  });

  it('sends pages holding answers with no-store and security headers', async () => {
    const visitor = new Visitor(app);
    const response = await visitor.get(`${FORM}/live-in-zone`);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['content-security-policy']).toContain("script-src 'self' 'sha256-");
    expect(response.headers['content-security-policy']).not.toContain('unsafe-inline');
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
  });

  it('refuses a request body over the limit', async () => {
    const visitor = new Visitor(app);
    await visitor.get(`${FORM}/live-in-zone`);
    const response = await visitor.post(`${FORM}/live-in-zone`, {
      'live-in-zone': 'x'.repeat(100 * 1024),
    });
    expect(response.status).toBe(413);
  });
});

describe('GET /health', () => {
  it('answers 200 when the database answers and 503 when it does not', async () => {
    const app = testApp();
    const visitor = new Visitor(app);
    const ok = await visitor.get('/health');
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ status: 'ok', database: 'sqlite' });
    await visitor.get('/parking-permit/live-in-zone');
    await app.close();
    const down = await visitor.get('/health');
    expect(down.status).toBe(503);
    expect(down.body).toEqual({
      status: 'unavailable',
      code: 'DATABASE_UNAVAILABLE',
      database: 'sqlite',
    });
    const page = await visitor.get('/parking-permit/live-in-zone');
    expect(page.status).toBe(503);
    expect(h1(page.text)).toBe('Sorry, the service is unavailable');
  });
});

describe('pages without forms', () => {
  it('set no session cookie, so a visit that answers nothing stores nothing', async () => {
    const app = testApp();
    for (const url of ['/', FORM, '/no-such-page']) {
      const response = await new Visitor(app).get(url);
      expect(response.headers['set-cookie']).toBeUndefined();
    }
    await app.close();
  });
});
