import { h1, testApp, Visitor } from '../support/agent';
import type { CivicFormsApp } from '../../src/web/app';

const FORM = '/parking-permit';

/** The session id inside the signed session cookie the visitor holds. */
async function sessionIdOf(visitor: Visitor): Promise<string> {
  const response = await visitor.agent.get(`${FORM}/full-name`);
  const cookie = String(response.request.cookies).match(/civic\.sid=s%3A([^.;]+)/)?.[1];
  if (!cookie) throw new Error('no session cookie');
  return decodeURIComponent(cookie);
}

describe('session pages', () => {
  let app: CivicFormsApp;
  beforeEach(() => {
    app = testApp({ sessionIdleMinutes: 20 });
  });
  afterEach(() => app.close());

  it('warns before the session ends, on journey pages only, with the time left', async () => {
    const visitor = new Visitor(app);
    const page = (await visitor.get(`${FORM}/live-in-zone`)).text;
    expect(page).toMatch(
      /<dialog class="cf-timeout"[^>]*data-warn-after="900" data-expire-after="1200"/,
    );
    expect(page).toContain('We will clear your answers in 5 minutes if you do not do anything.');
    expect(page).toContain(`href="${FORM}/clear"`);
    expect((await visitor.get(FORM)).text).not.toContain('cf-timeout');
  });

  it('keeps the session alive when the warning asks it to, with the CSRF token', async () => {
    const visitor = new Visitor(app);
    await visitor.get(`${FORM}/live-in-zone`);
    expect((await visitor.post('/session/keep-alive', {})).status).toBe(204);
    const forged = await visitor.agent.post('/session/keep-alive').type('form').send({});
    expect(forged.status).toBe(403);
  });

  it('explains a timed-out session instead of showing an empty page, and lets the user start again', async () => {
    const visitor = new Visitor(app);
    await visitor.answer(`${FORM}/live-in-zone`, { 'live-in-zone': 'yes' });
    await app.store.sessions.destroySession(await sessionIdOf(visitor));

    const later = await visitor.get(`${FORM}/full-name`);
    expect(later.status).toBe(303);
    expect(later.headers.location).toBe(`${FORM}/session-expired`);
    const expired = await visitor.get(`${FORM}/session-expired`);
    expect(h1(expired.text)).toBe('Your answers have been cleared');
    expect(expired.text).toContain('You have not done anything for 20 minutes');
    expect(String(expired.headers['set-cookie'])).toMatch(/civic\.sid=;/);

    const again = await visitor.get(`${FORM}/live-in-zone`);
    expect(again.status).toBe(200);
    expect(again.text).not.toMatch(/value="yes" checked/);
  });

  it('sends a post from a timed-out session to the explanation, not to a refusal', async () => {
    const visitor = new Visitor(app);
    await visitor.answer(`${FORM}/live-in-zone`, { 'live-in-zone': 'yes' });
    await app.store.sessions.destroySession(await sessionIdOf(visitor));
    const posted = await visitor.post(`${FORM}/full-name`, { 'full-name': 'Amara Okafor' });
    expect(posted.status).toBe(303);
    expect(posted.headers.location).toBe(`${FORM}/session-expired`);
  });

  it('clears the answers on request: the draft is deleted and the session ended', async () => {
    const visitor = new Visitor(app);
    await visitor.answer(`${FORM}/live-in-zone`, { 'live-in-zone': 'yes' });
    await visitor.answer(`${FORM}/full-name`, { 'full-name': 'Amara Okafor' });
    const sessionId = await sessionIdOf(visitor);
    const draftId =
      (
        JSON.parse((await app.store.sessions.getSession(sessionId, Date.now())) ?? '{}') as {
          journeys: Record<string, string>;
        }
      ).journeys['parking-permit'] ?? '';
    expect(await app.store.journeys.getDraft(draftId)).toBeDefined();

    const confirm = await visitor.get(`${FORM}/clear`);
    expect(h1(confirm.text)).toBe('Are you sure you want to clear your answers?');
    const cleared = await visitor.post(`${FORM}/clear`, {});
    expect(cleared.headers.location).toBe(`${FORM}?cleared=1`);
    expect(await app.store.journeys.getDraft(draftId)).toBeUndefined();
    expect(await app.store.sessions.getSession(sessionId, Date.now())).toBeUndefined();
    expect((await visitor.get(`${FORM}?cleared=1`)).text).toContain(
      'Your answers have been cleared.',
    );
    expect((await visitor.get(`${FORM}/full-name`)).headers.location).toBe(`${FORM}/live-in-zone`);
  });
});
