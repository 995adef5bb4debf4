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
import { answerPermit, sendFrom, startCall, tableRows } from '../../support/assisted-journey';
import { addAccount, DISTINCTIVE_NAME, signedInCaseworker, signIn } from '../../support/caseworker';
import { groupedCode } from '../../support/grouped-code';

/** The words of the read-aloud panel, and the language they are marked with. */
function script(html: string): { lang?: string; text?: string } {
  const panel = /<div class="govuk-inset-text">([\s\S]*?)<\/div>\s*<\/div>/.exec(html)?.[1] ?? '';
  return {
    lang: /<div lang="([^"]+)"/.exec(panel)?.[1],
    text: textOf(panel, /^([\s\S]*)$/),
  };
}

// Each sign-in hashes with scrypt (0.3 s of a core): on a busy shared machine.
jest.setTimeout(30_000);

describe('caseworker: a form filled in with a caller', () => {
  let app: CivicFormsApp;
  beforeEach(() => {
    app = testApp();
  });
  afterEach(() => app.close());

  it('asks for consent first: the words in the caller’s language, their meaning in the caseworker’s', async () => {
    const visitor = await signedInCaseworker(app);
    const page = await visitor.get('/caseworker/start/parking-permit/cy');
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(h1(page.text)).toBe('Ask the caller for their consent');
    expect(page.text).toMatch(/<html lang="en"/);
    const said = script(page.text);
    expect(said.lang).toBe('cy');
    expect(said.text).toContain(
      'Gallaf lenwi’r ffurflen “Gwneud cais am drwydded barcio preswylwyr” gyda chi nawr',
    );
    expect(textOf(page.text, /The same words in English<\/p>([\s\S]*?)<form/)).toContain(
      'I can fill in the form “Apply for a resident parking permit” with you now, on this call.',
    );
    expect(page.text).toMatch(/<input[^>]*name="agrees"[^>]*type="checkbox" value="yes">/);
  });

  it('shows the consent words once when the caller speaks the caseworker’s language', async () => {
    const visitor = await signedInCaseworker(app);
    const page = await visitor.get('/caseworker/start/parking-permit/cy?lang=cy');
    expect(h1(page.text)).toBe('Gofynnwch am ganiatâd y galwr');
    expect(script(page.text).lang).toBe('cy');
    expect(page.text).not.toContain('Yr un geiriau yn Gymraeg');
  });

  it('will not start until the caseworker confirms the caller agrees', async () => {
    const visitor = await signedInCaseworker(app);
    await visitor.get('/caseworker/start/parking-permit/en');
    const refused = await visitor.post('/caseworker/start/parking-permit/en', {});
    expect(refused.status).toBe(400);
    expect(title(refused.text)).toMatch(/^Error: Ask the caller for their consent/);
    const message = 'Confirm that the caller agrees before you start the form';
    expect(summaryErrors(refused.text)).toEqual([`#agrees ${message}`]);
    expect(inlineErrors(refused.text)).toEqual([message]);
    expect(await tableRows(app, 'drafts')).toEqual([]);
    expect((await tableRows(app, 'audit_events')).map((r) => r.action)).toEqual(['sign-in']);
    // Nothing to answer yet: the journey's pages send the caseworker back to the consent.
    const early = await visitor.get('/caseworker/call/parking-permit/full-name');
    expect(early.status).toBe(303);
    expect(early.headers.location).toBe('/caseworker/call/parking-permit');
    const back = await visitor.get('/caseworker/call/parking-permit');
    expect(back.headers.location).toBe('/caseworker/start/parking-permit/en');
  });

  it('runs the same journey under /caseworker/call and records channel phone, the language and the caseworker', async () => {
    const user = await addAccount(app.store, 'sian.evans');
    const visitor = new Visitor(app);
    await signIn(visitor, 'sian.evans');
    const first = await startCall(visitor, 'cy');
    expect(first).toBe('/caseworker/call/parking-permit/live-in-zone');
    const checkAnswers = await answerPermit(visitor, first);
    expect(checkAnswers).toBe('/caseworker/call/parking-permit/check-answers');

    const check = await visitor.get(checkAnswers);
    expect(h1(check.text)).toBe('Check your answers before sending');
    expect(check.text).toContain('href="/caseworker/call/parking-permit/full-name?change=1"');
    expect(check.text).toContain('action="/caseworker/call/parking-permit/check-answers"');
    expect(check.text).toContain('Signed in as Siân Evans');
    expect(check.text).not.toContain('/parking-permit/clear');

    const reference = await sendFrom(visitor, checkAnswers);
    const submission = await app.store.journeys.findSubmission(reference);
    expect(submission).toMatchObject({
      formId: 'parking-permit',
      channel: 'phone',
      language: 'cy',
      caseworkerId: user.id,
    });
    expect(submission?.receivedOn).toBeUndefined();
    expect(submission?.answers['full-name']).toBe(DISTINCTIVE_NAME);
    const [row] = await tableRows(app, 'submissions');
    expect([row?.channel, row?.caseworker_id, row?.received_on]).toEqual(['phone', user.id, null]);
    expect(await tableRows(app, 'drafts')).toEqual([]);

    const shown = await visitor.get(`/caseworker/submissions/${reference}`);
    expect(shown.text).toMatch(/Channel\s*<\/dt>\s*<dd[^>]*>\s*By phone, with a caseworker/);
    expect(shown.text).toMatch(/Caseworker\s*<\/dt>\s*<dd[^>]*>\s*Siân Evans \(sian\.evans\)/);
    expect(shown.text).toMatch(/Language\s*<\/dt>\s*<dd[^>]*>\s*Cymraeg/);
  });

  it('shows what to say on each question page, in the caller’s language, with or without an error', async () => {
    const visitor = await signedInCaseworker(app);
    const first = await startCall(visitor, 'cy');
    const page = await visitor.get(first);
    expect(h1(page.text)).toBe('Do you live in a resident parking zone?');
    expect(script(page.text)).toEqual({
      lang: 'cy',
      text: "What to say (Cymraeg) Ydych chi'n byw mewn parth parcio preswylwyr? Ie Na",
    });
    // Staff have no "Save and come back later" and no "Clear my answers".
    expect(page.text).not.toContain('value="save"');
    expect(page.text).not.toContain('/clear');

    const refused = await visitor.post(first, {});
    expect(refused.status).toBe(400);
    expect(summaryErrors(refused.text)).toEqual([
      '#live-in-zone Select yes if you live in a resident parking zone',
    ]);
    expect(script(refused.text).lang).toBe('cy');

    let at = await visitor.answer(first, { 'live-in-zone': 'yes' });
    at = await visitor.answer(at, { 'full-name': 'Carys Llywelyn' });
    const contact = await visitor.get(at);
    expect(script(contact.text).text).toBe(
      'What to say (Cymraeg) Sut gallwn ni gysylltu â chi? Rhif ffôn Cyfeiriad e-bost (dewisol)',
    );
    at = await visitor.answer(at, { phone: '01632 960 001' });
    at = await visitor.answer(at, { 'has-vehicles': 'yes' });
    at = await visitor.answer(at, { registration: 'CY21 ABC' });
    expect(at).toBe('/caseworker/call/parking-permit/vehicles/1/fuel');
    const fuel = await visitor.get(at);
    expect(script(fuel.text).text).toBe(
      "What to say (Cymraeg) Cerbyd 1 Pa danwydd mae'n ei ddefnyddio? Petrol Disel Trydan",
    );
  });

  it('follows the form’s branching to its exit page, in the caseworker layout', async () => {
    const visitor = await signedInCaseworker(app);
    const first = await startCall(visitor);
    const exit = await visitor.answer(first, { 'live-in-zone': 'no' });
    expect(exit).toBe('/caseworker/call/parking-permit/cannot-apply');
    const page = await visitor.get(exit);
    expect(h1(page.text)).toBe('You cannot apply for a resident permit');
    expect(page.text).toContain('href="/caseworker" class="govuk-service-navigation__link"');
  });

  it('spells the reference out for reading back, in the caller’s language, also from a bookmark', async () => {
    const visitor = await signedInCaseworker(app);
    const reference = await sendFrom(
      visitor,
      await answerPermit(visitor, await startCall(visitor)),
    );
    const page = await visitor.get('/caseworker/call/parking-permit/confirmation');
    expect(page.status).toBe(200);
    const spoken: Record<string, string> = {
      '3': '3 three',
      '4': '4 four',
      '6': '6 six',
      '7': '7 seven',
      '9': '9 nine',
      A: 'A for Alfa',
      C: 'C for Charlie',
      D: 'D for Delta',
      E: 'E for Echo',
      F: 'F for Foxtrot',
      G: 'G for Golf',
      H: 'H for Hotel',
      J: 'J for Juliett',
      K: 'K for Kilo',
      M: 'M for Mike',
      N: 'N for November',
      P: 'P for Papa',
      Q: 'Q for Quebec',
      R: 'R for Romeo',
      T: 'T for Tango',
      W: 'W for Whiskey',
      X: 'X for X-ray',
      Y: 'Y for Yankee',
    };
    const groups = reference.split('-').map((group) => [...group].map((c) => spoken[c]).join(', '));
    const lines = [...page.text.matchAll(/<ol class="govuk-list">([\s\S]*?)<\/ol>/g)]
      .flatMap((m) => [...(m[1] ?? '').matchAll(/<li>([^<]*)<\/li>/g)])
      .map((m) => m[1]);
    expect(lines).toEqual(groups);
    expect(script(page.text).text).toContain('Your reference number is');
    // Left to right and whole in the sentence, in every language: isolated, broken only after a dash.
    expect(page.text).toContain(`Your reference number is ${groupedCode(reference)}.`);
    expect(page.text).toContain(`href="/caseworker/submissions/${reference}"`);
  });

  it('reads the reference back in Welsh to a Welsh-speaking caller', async () => {
    const visitor = await signedInCaseworker(app);
    const reference = await sendFrom(
      visitor,
      await answerPermit(visitor, await startCall(visitor, 'cy')),
    );
    const page = await visitor.get('/caseworker/call/parking-permit/confirmation');
    const said = script(page.text);
    expect(said.lang).toBe('cy');
    expect(page.text).toContain(`Eich cyfeirnod yw ${groupedCode(reference)}.`);
    expect(said.text).toMatch(
      / am (Alfa|Charlie|Delta|Echo|Foxtrot|Golf|Hotel|Juliett|Kilo|Mike|November|Papa|Quebec|Romeo|Tango|Whiskey|X-ray|Yankee)|[34679] (tri|pedwar|chwech|saith|naw)/,
    );
    expect(said.text).toContain('Byddwn yn postio');
  });

  it('audits the start and the submission with its reference, and never an answer', async () => {
    const user = await addAccount(app.store, 'sian.evans');
    const visitor = new Visitor(app);
    await signIn(visitor, 'sian.evans');
    const reference = await sendFrom(
      visitor,
      await answerPermit(visitor, await startCall(visitor, 'cy')),
    );
    const rows = await tableRows(app, 'audit_events');
    expect(rows.map((r) => [r.actor_id, r.action, r.target, r.detail])).toEqual([
      [user.id, 'sign-in', null, 'password'],
      [user.id, 'start', 'parking-permit', 'phone cy'],
      [user.id, 'submit', reference, 'phone'],
    ]);
    for (const row of rows) expect(row.client_ip).toMatch(/127\.0\.0\.1$/);
    const everything = JSON.stringify(rows);
    for (const answer of [DISTINCTIVE_NAME, '01632', 'AB12CDE', 'electric']) {
      expect(everything).not.toContain(answer);
    }
    const history = await visitor.get(`/caseworker/submissions/${reference}`);
    expect(history.text).toContain('Sent the form');
  });

  it('counts the journey in the KPIs with channel phone', async () => {
    const visitor = await signedInCaseworker(app);
    await sendFrom(visitor, await answerPermit(visitor, await startCall(visitor)));
    await app.kpi.recorder.flush();
    const events = await tableRows(app, 'journey_events');
    expect(events.filter((e) => e.type === 'start').map((e) => e.channel)).toEqual(['phone']);
    expect(events.filter((e) => e.type === 'submit').map((e) => e.channel)).toEqual(['phone']);
  });

  it('keeps the caseworker’s journey apart from the public pages in the same browser', async () => {
    const visitor = await signedInCaseworker(app);
    const first = await startCall(visitor);
    await visitor.answer(first, { 'live-in-zone': 'yes' });
    const publicPage = await visitor.get('/parking-permit/full-name');
    expect(publicPage.status).toBe(303);
    expect(publicPage.headers.location).toBe('/parking-permit/live-in-zone');
  });
});

describe('caseworker journeys: who may use them', () => {
  let app: CivicFormsApp;
  beforeEach(() => {
    app = testApp();
  });
  afterEach(() => app.close());

  it.each([
    '/caseworker/start/parking-permit/en',
    '/caseworker/call/parking-permit/live-in-zone',
    '/caseworker/call/parking-permit/check-answers',
    '/caseworker/pick-up',
    '/caseworker/paper/parking-permit',
    '/caseworker/paper/parking-permit/full-name',
  ])('sends a signed-out GET of %s to sign in', async (url) => {
    const response = await new Visitor(app).get(url);
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe(`/caseworker/sign-in?return=${encodeURIComponent(url)}`);
  });

  it('sends a constituent with a journey of their own to sign in, and refuses their posts', async () => {
    const constituent = new Visitor(app);
    const next = await constituent.answer('/parking-permit/live-in-zone', {
      'live-in-zone': 'yes',
    });
    expect(next).toBe('/parking-permit/full-name');
    const page = await constituent.get('/caseworker/call/parking-permit/full-name');
    expect(page.status).toBe(303);
    expect(page.headers.location).toMatch(/^\/caseworker\/sign-in\?return=/);
    const posted = await constituent.post('/caseworker/start/parking-permit/en', { agrees: 'yes' });
    expect(posted.status).toBe(403);
    const keyed = await constituent.post('/caseworker/call/parking-permit/full-name', {
      'full-name': 'Someone Else',
    });
    expect(keyed.status).toBe(403);
    expect((await tableRows(app, 'drafts')).map((d) => d.channel)).toEqual(['online']);
    // Their own journey is where they left it.
    expect((await constituent.get('/parking-permit/full-name')).status).toBe(200);
  });

  it('forbids the service team', async () => {
    await addAccount(app.store, 'team.lead', { role: 'service-team' });
    const visitor = new Visitor(app);
    await signIn(visitor, 'team.lead');
    for (const url of [
      '/caseworker/start/parking-permit/en',
      '/caseworker/call/parking-permit/live-in-zone',
      '/caseworker/paper/parking-permit',
      '/caseworker/pick-up',
    ]) {
      const response = await visitor.get(url);
      expect([url, response.status]).toEqual([url, 403]);
      expect(h1(response.text)).toBe('You cannot use this page');
    }
    const posted = await visitor.post('/caseworker/start/parking-permit/en', { agrees: 'yes' });
    expect(posted.status).toBe(403);
    expect(await tableRows(app, 'drafts')).toEqual([]);
  });

  it('answers not found for a form or a caller language the service does not have', async () => {
    const visitor = await signedInCaseworker(app);
    expect((await visitor.get('/caseworker/start/no-such-form/en')).status).toBe(404);
    expect((await visitor.get('/caseworker/start/parking-permit/es')).status).toBe(404);
    expect((await visitor.get('/caseworker/call/no-such-form/live-in-zone')).status).toBe(404);
  });
});
