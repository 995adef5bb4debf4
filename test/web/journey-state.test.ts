import { activeAnswers } from '../../src/engine/journey';
import type { Submission } from '../../src/store/store';
import type { CivicFormsApp } from '../../src/web/app';
import { h1, testApp, Visitor } from '../support/agent';
import { answerPermit, startCall } from '../support/assisted-journey';
import { signedInCaseworker } from '../support/caseworker';
import { addDays } from '../support/dates';

const FORM = '/parking-permit';

/** The one draft in the app's database (each test has an app of its own). */
async function onlyDraftId(app: CivicFormsApp): Promise<string> {
  const rows = await app.store.inspect.rows('drafts');
  if (rows.length !== 1) throw new Error(`expected one draft, found ${rows.length}`);
  return String(rows[0]?.id);
}

function submissionCount(app: CivicFormsApp): Promise<number> {
  return app.store.inspect.count('submissions');
}

/**
 * What a crash leaves: the store committed the submission of the session's transaction (as
 * `acceptCheckAnswers` does), and the process stopped before the session was saved, so the
 * session still points at the transaction. Returns the submission.
 */
async function sentBeforeTheSessionWasSaved(app: CivicFormsApp): Promise<Submission> {
  const draft = await app.store.journeys.getDraft(await onlyDraftId(app));
  const form = app.forms.get('parking-permit');
  if (!draft || !form) throw new Error('no draft to send');
  const { submission } = await app.store.journeys.submit(
    draft,
    activeAnswers(form, draft),
    Date.now(),
  );
  return submission;
}

/** Amara answers every question up to check answers. */
async function reachCheckAnswers(visitor: Visitor): Promise<void> {
  const start = addDays(30);
  let at = await visitor.answer(`${FORM}/live-in-zone`, { 'live-in-zone': 'yes' });
  at = await visitor.answer(at, { 'full-name': 'Amara Okafor' });
  at = await visitor.answer(at, { phone: '01632 960 001', email: '' });
  at = await visitor.answer(at, { 'has-vehicles': 'no' });
  at = await visitor.answer(at, {
    'start-date-day': start.day,
    'start-date-month': start.month,
    'start-date-year': start.year,
  });
  expect(at).toBe(`${FORM}/check-answers`);
}

/** The words of a page as a person reads them: tags gone, spaces tidied. */
const wordsOf = (html: string) =>
  html
    .replace(/<[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .trim();

describe('a session whose journey was sent just before the process stopped', () => {
  let app: CivicFormsApp;
  beforeEach(() => {
    app = testApp();
  });
  afterEach(() => app.close());

  it('goes from check answers to the confirmation, which shows the reference', async () => {
    const amara = new Visitor(app);
    await reachCheckAnswers(amara);
    const { reference } = await sentBeforeTheSessionWasSaved(app);
    const back = await amara.get(`${FORM}/check-answers`);
    expect(back.status).toBe(303);
    expect(back.headers.location).toBe(`${FORM}/confirmation`);
    const confirmation = await amara.get(`${FORM}/confirmation`);
    expect(confirmation.status).toBe(200);
    expect(h1(confirmation.text)).toBe('Application sent');
    expect(wordsOf(confirmation.text)).toContain(reference);
  }, 60_000);

  it('goes from a question page, or from sending again, to the confirmation: never a second application', async () => {
    const amara = new Visitor(app);
    await reachCheckAnswers(amara);
    await amara.get(`${FORM}/check-answers`);
    const { reference } = await sentBeforeTheSessionWasSaved(app);
    const question = await amara.get(`${FORM}/full-name`);
    expect(question.status).toBe(303);
    expect(question.headers.location).toBe(`${FORM}/confirmation`);
    const again = await amara.post(`${FORM}/check-answers`, {});
    expect(again.status).toBe(303);
    expect(again.headers.location).toBe(`${FORM}/confirmation`);
    expect(wordsOf((await amara.get(`${FORM}/confirmation`)).text)).toContain(reference);
    expect(await submissionCount(app)).toBe(1);
  }, 60_000);

  it('shows the reference when the confirmation is the first page asked for', async () => {
    const amara = new Visitor(app);
    await reachCheckAnswers(amara);
    const { reference } = await sentBeforeTheSessionWasSaved(app);
    const confirmation = await amara.get(`${FORM}/confirmation`);
    expect(confirmation.status).toBe(200);
    expect(wordsOf(confirmation.text)).toContain(reference);
    // The session is put right: the first question now starts a new application.
    const first = await amara.get(`${FORM}/live-in-zone`);
    expect(first.status).toBe(200);
  }, 60_000);

  it('takes a caseworker to the staff confirmation, with one audit line for the submission', async () => {
    const sian = await signedInCaseworker(app);
    const checkAnswers = await answerPermit(sian, await startCall(sian));
    const { reference } = await sentBeforeTheSessionWasSaved(app);
    const back = await sian.get(checkAnswers);
    expect(back.status).toBe(303);
    expect(back.headers.location).toBe('/caseworker/call/parking-permit/confirmation');
    const confirmation = await sian.get('/caseworker/call/parking-permit/confirmation');
    expect(confirmation.status).toBe(200);
    expect(wordsOf(confirmation.text)).toContain(reference);
    const audit = await app.store.staff.listAudit({ target: reference });
    expect(audit.filter((event) => event.action === 'submit')).toHaveLength(1);
  }, 60_000);

  it('takes a caseworker who opens the staff confirmation first to the reference too', async () => {
    const sian = await signedInCaseworker(app);
    await answerPermit(sian, await startCall(sian));
    const { reference } = await sentBeforeTheSessionWasSaved(app);
    const confirmation = await sian.get('/caseworker/call/parking-permit/confirmation');
    expect(confirmation.status).toBe(200);
    expect(wordsOf(confirmation.text)).toContain(reference);
  }, 60_000);
});
