import path from 'node:path';
import { openSqliteStore } from '../../../src/store/sqlite-store';
import type { JourneyEvent } from '../../../src/store/journey-events';
import type { CivicFormsApp } from '../../../src/web/app';
import { testApp, tempDataDir, Visitor } from '../../support/agent';
import { addDays } from '../../support/dates';
import {
  answerFirstPages,
  chooseSecret,
  DATE_OF_BIRTH,
  pressSave,
  resumeWith,
} from '../../support/save-and-return';

const FORM = '/parking-permit';
const IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';

async function eventsOf(app: CivicFormsApp): Promise<JourneyEvent[]> {
  await app.kpi.recorder.flush();
  return app.store.events.listJourneyEvents({
    formId: 'parking-permit',
    from: 0,
    to: Date.now() + 60_000,
  });
}

/** Answers the fixture form up to check answers, without a vehicle; returns its URL. */
async function reachCheckAnswers(visitor: Visitor): Promise<string> {
  let at = await answerFirstPages(visitor);
  at = await visitor.answer(at, { 'has-vehicles': 'no' });
  const start = addDays(30);
  at = await visitor.answer(at, {
    'start-date-day': start.day,
    'start-date-month': start.month,
    'start-date-year': start.year,
  });
  await visitor.get(at);
  return at;
}

describe('journey events recorded by the web pages', () => {
  let app: CivicFormsApp;
  beforeEach(() => {
    app = testApp();
  });
  afterEach(() => app.close());

  it('keeps one anonymous journey id from the first page, before any answer, to the submission', async () => {
    const visitor = new Visitor(app);
    const at = await reachCheckAnswers(visitor);
    // The page's script adds `_js=1` to every form it posts.
    await visitor.post(at, { _js: '1' });
    const events = await eventsOf(app);
    expect(events.map((e) => [e.type, e.pageKey, e.js])).toEqual([
      ['start', 'live-in-zone', null],
      ['page', 'live-in-zone', null],
      // Posted without `_js`: from then on the journey is known to run without JavaScript.
      ['answer', 'live-in-zone', false],
      ['page', 'full-name', false],
      ['answer', 'full-name', false],
      ['page', 'contact', false],
      ['answer', 'contact', false],
      ['page', 'has-vehicles', false],
      ['answer', 'has-vehicles', false],
      ['page', 'start-date', false],
      ['answer', 'start-date', false],
      ['page', 'check-answers', false],
      ['submit', 'check-answers', true],
    ]);
    expect(new Set(events.map((e) => e.journeyId)).size).toBe(1);
    const journeyId = events[0]?.journeyId ?? '';
    expect(journeyId).toMatch(/^[0-9a-f]{32}$/);
    // Not the transaction id the submission is stored under, in any spelling.
    const ids = (await app.store.inspect.rows('submissions')).map((row) =>
      String(row.transaction_id),
    );
    expect(ids).toHaveLength(1);
    expect(ids[0]?.replace(/-/g, '')).not.toBe(journeyId);
  });

  it('gives a journey resumed on another device the same journey id, and no second start', async () => {
    const laptop = new Visitor(app);
    await answerFirstPages(laptop);
    const saveUrl = await pressSave(laptop, `${FORM}/has-vehicles`, {});
    const code = await chooseSecret(laptop, saveUrl, DATE_OF_BIRTH);
    const phone = new Visitor(app);
    const resumed = await resumeWith(phone, code, DATE_OF_BIRTH);
    expect(resumed.status).toBe(303);
    await phone.get(resumed.headers.location as string);
    const events = await eventsOf(app);
    expect(new Set(events.map((e) => e.journeyId)).size).toBe(1);
    expect(events.filter((e) => e.type === 'start')).toHaveLength(1);
    expect(events.at(-1)?.pageKey).toBe('has-vehicles');
  });

  it('begins a new journey on an explicit start, as staff taking the next call do', async () => {
    // A session whose earlier call never got an answer, and a new unsaved draft: what a "next call"
    // screen would hand the hooks.
    const draft = {
      id: 'not-stored-yet',
      formId: 'parking-permit',
      formVersion: '1.0',
      answers: {},
      done: [],
      language: 'en',
      channel: 'phone' as const,
      createdAt: 0,
      updatedAt: 0,
    };
    const session = { journeys: {}, kpiJourneys: { 'parking-permit': 'earlier-call' } };
    const req = { session, method: 'GET', get: () => undefined } as unknown as Parameters<
      typeof app.kpi.events.journeyEvent
    >[0];
    app.kpi.events.journeyEvent(req, draft, 'start', { pageKey: 'live-in-zone' });
    app.kpi.events.journeyEvent(req, draft, 'page', { pageKey: 'live-in-zone' });
    const phone = (await eventsOf(app)).filter((e) => e.channel === 'phone');
    expect(phone.map((e) => e.type)).toEqual(['start', 'page']);
    expect(phone[0]?.journeyId).not.toBe('earlier-call');
    expect(phone[1]?.journeyId).toBe(phone[0]?.journeyId);
  });

  it('records a coarse device class from the User-Agent, and whether JavaScript ran', async () => {
    const visitor = new Visitor(app);
    await visitor.agent.get(`${FORM}/live-in-zone`).set('User-Agent', IPHONE);
    const events = await eventsOf(app);
    expect(events.map((e) => [e.type, e.device, e.js])).toEqual([
      ['start', 'mobile', null],
      ['page', 'mobile', null],
    ]);
  });

  it('records that JavaScript did not run when a form is posted without the script’s flag', async () => {
    const visitor = new Visitor(app);
    await visitor.post(await reachCheckAnswers(visitor), {});
    const events = await eventsOf(app);
    expect(events.filter((e) => e.type === 'submit').map((e) => e.js)).toEqual([false]);
  });

  it('writes the events still waiting when the app closes', async () => {
    const dataDir = tempDataDir();
    const closing = testApp({ dataDir });
    await new Visitor(closing).get(`${FORM}/live-in-zone`);
    expect(closing.kpi.recorder.waiting).toBe(2);
    await closing.close();
    const reopened = openSqliteStore({ file: path.join(dataDir, 'civic-forms.sqlite') });
    const events = await reopened.events.listJourneyEvents({
      formId: 'parking-permit',
      from: 0,
      to: Date.now() + 1,
    });
    await reopened.close();
    expect(events.map((e) => e.type)).toEqual(['start', 'page']);
  });
});
