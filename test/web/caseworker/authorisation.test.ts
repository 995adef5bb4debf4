import type { CivicFormsApp } from '../../../src/web/app';
import { h1, testApp, Visitor } from '../../support/agent';
import {
  addAccount,
  DISTINCTIVE_NAME,
  sessionIdOf,
  signIn,
  signedInCaseworker,
  submitPermitOnline,
} from '../../support/caseworker';

// Each sign-in hashes with scrypt (0.3 s of a core), a PDF takes a second: on a busy shared machine.
jest.setTimeout(30_000);

describe('caseworker authorisation', () => {
  let app: CivicFormsApp;
  let reference: string;
  /** Every page of the caseworker area but sign-in, as a browser would ask for it. */
  let pages: string[];
  beforeEach(async () => {
    app = testApp();
    reference = await submitPermitOnline(app);
    pages = [
      '/caseworker',
      '/caseworker/',
      `/caseworker/search?reference=${reference}`,
      `/caseworker/submissions/${reference}`,
      `/caseworker/submissions/${reference}/answers.pdf`,
      '/caseworker/forms',
      '/caseworker/forms/parking-permit/submissions',
      '/caseworker/forms/parking-permit/export?format=csv',
      '/caseworker/no-such-page',
    ];
  });
  afterEach(() => app.close());

  it('sends a signed-out visitor to sign in from every page, and shows no data', async () => {
    for (const url of pages) {
      const response = await new Visitor(app).get(url);
      expect([url, response.status]).toEqual([url, 303]);
      expect(response.headers.location).toBe(
        `/caseworker/sign-in?return=${encodeURIComponent(url)}`,
      );
      expect(response.text).not.toContain(DISTINCTIVE_NAME);
    }
  });

  it('never lets a constituent session (one that answered a question) reach caseworker pages', async () => {
    const constituent = new Visitor(app);
    await constituent.answer('/parking-permit/live-in-zone', { 'live-in-zone': 'yes' });
    await constituent.get('/parking-permit/full-name');
    expect(constituent.csrf).not.toBe('');
    for (const url of pages) {
      const response = await constituent.get(url);
      expect([url, response.status]).toEqual([url, 303]);
      expect(response.headers.location).toMatch(/^\/caseworker\/sign-in\?return=/);
      expect(response.text).not.toContain(DISTINCTIVE_NAME);
    }
  });

  it('refuses a post from a constituent session, even with its valid CSRF token', async () => {
    const constituent = new Visitor(app);
    await constituent.answer('/parking-permit/live-in-zone', { 'live-in-zone': 'yes' });
    await constituent.get('/parking-permit/full-name');
    for (const url of ['/caseworker', `/caseworker/submissions/${reference}`]) {
      const response = await constituent.post(url, { reference });
      expect([url, response.status]).toEqual([url, 403]);
      expect(h1(response.text)).toBe('You need to sign in');
      expect(response.text).toContain('href="/caseworker/sign-in"');
      expect(response.text).not.toContain(DISTINCTIVE_NAME);
    }
  });

  it('refuses a post from nobody at all (no session, no token)', async () => {
    const response = await new Visitor(app).post(`/caseworker/submissions/${reference}`, {});
    expect(response.status).toBe(403);
    expect(response.text).not.toContain(DISTINCTIVE_NAME);
  });

  it('forbids the contact centre’s pages to a service-team account, saying who is signed in', async () => {
    await addAccount(app.store, 'priya.shah', { role: 'service-team', displayName: 'Priya Shah' });
    const visitor = new Visitor(app);
    // The service team starts on its dashboard; it sees submissions (their lists and pages), but
    // finding by reference and the journeys for callers and paper are not for it.
    expect((await signIn(visitor, 'priya.shah')).headers.location).toBe('/dashboard');
    expect((await visitor.get(`/caseworker/submissions/${reference}`)).status).toBe(200);
    for (const url of ['/caseworker', '/caseworker/pick-up', '/caseworker/paper/parking-permit']) {
      const response = await visitor.get(url);
      expect([url, response.status]).toEqual([url, 403]);
      expect(h1(response.text)).toBe('You cannot use this page');
      expect(response.text).toContain('Signed in as Priya Shah');
      expect(response.text).not.toContain(DISTINCTIVE_NAME);
    }
    expect((await visitor.post('/caseworker/sign-out', {})).status).toBe(303);
  });

  it('ends the sign-in of an account disabled while it was signed in', async () => {
    const visitor = await signedInCaseworker(app);
    expect((await visitor.get('/caseworker')).status).toBe(200);
    const sessionId = sessionIdOf(visitor);
    await app.store.staff.setUserDisabled('sian.evans', true);
    const next = await visitor.get(`/caseworker/submissions/${reference}`);
    expect(next.status).toBe(303);
    expect(next.headers.location).toMatch(/^\/caseworker\/sign-in\?return=/);
    expect(next.text).not.toContain(DISTINCTIVE_NAME);
    expect(await app.store.sessions.getSession(sessionId, Date.now())).toBeUndefined();
    const audit = await app.store.staff.listAudit({ actorUsername: 'sian.evans' });
    expect(audit.at(-1)).toMatchObject({ action: 'sign-out', detail: 'account-disabled' });
  });

  it('carries nothing of a constituent journey begun before sign-in into the signed-in session', async () => {
    await addAccount(app.store, 'sian.evans');
    const visitor = new Visitor(app);
    await visitor.answer('/parking-permit/live-in-zone', { 'live-in-zone': 'yes' });
    expect((await signIn(visitor, 'sian.evans')).status).toBe(303);
    // The session was replaced: the journey started before sign-in is not in it.
    const journey = await visitor.get('/parking-permit/full-name');
    expect(journey.headers.location).toBe('/parking-permit/live-in-zone');
  });
});
