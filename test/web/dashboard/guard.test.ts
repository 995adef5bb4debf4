import type { CivicFormsApp } from '../../../src/web/app';
import { addAccount, PASSWORD, signIn } from '../../support/caseworker';
import { h1, testApp, title, Visitor } from '../../support/agent';

const SERVICE_FAULT = /there is a problem with the service/i;

jest.setTimeout(30_000);

describe('/dashboard: who may see it', () => {
  let app: CivicFormsApp;
  beforeAll(async () => {
    app = testApp();
    await addAccount(app.store, 'dana.hughes', {
      role: 'service-team',
      displayName: 'Dana Hughes',
    });
    await addAccount(app.store, 'sian.evans', { displayName: 'Siân Evans' });
  }, 120_000);
  afterAll(() => app.close());

  it('sends someone signed out to the staff sign-in page, then back to the page they asked for', async () => {
    const visitor = new Visitor(app);
    const asked = await visitor.get('/dashboard/parking-permit?from-day=1');
    expect(asked.status).toBe(303);
    const signInUrl = asked.headers.location as string;
    expect(signInUrl).toBe(
      '/caseworker/sign-in?return=%2Fdashboard%2Fparking-permit%3Ffrom-day%3D1',
    );
    const page = await visitor.get(signInUrl);
    expect(page.text).toContain(
      '<input type="hidden" name="return" value="/dashboard/parking-permit?from-day=1">',
    );
    const signedIn = await visitor.post('/caseworker/sign-in', {
      username: 'dana.hughes',
      password: PASSWORD,
      return: '/dashboard/parking-permit?from-day=1',
    });
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.location).toBe('/dashboard/parking-permit?from-day=1');
  });

  it('lands the service team on the dashboard after signing in', async () => {
    const visitor = new Visitor(app);
    const signedIn = await signIn(visitor, 'dana.hughes');
    expect(signedIn.headers.location).toBe('/dashboard');
    const page = await visitor.get('/dashboard');
    expect(page.status).toBe(200);
    expect(h1(page.text)).toBe('Service performance');
  });

  it('shows a caseworker the 403 page in the staff layout, for the pages and the exports', async () => {
    const caseworker = new Visitor(app);
    await signIn(caseworker, 'sian.evans');
    for (const url of [
      '/dashboard',
      '/dashboard/parking-permit',
      '/dashboard/parking-permit.csv',
    ]) {
      const response = await caseworker.get(url);
      expect([url, response.status]).toEqual([url, 403]);
      expect(h1(response.text)).toBe('You cannot use this page');
      expect(title(response.text)).toMatch(/^You cannot use this page/);
      expect(response.text).toContain('Signed in as Siân Evans');
      expect(response.text).not.toMatch(SERVICE_FAULT);
      expect(response.headers['cache-control']).toBe('no-store');
    }
  });

  it('refuses a post from someone signed out with the sign-in required page', async () => {
    const visitor = new Visitor(app);
    // A real session and CSRF token (from a public page), so only the guard can refuse it.
    await visitor.get('/parking-permit/live-in-zone');
    const response = await visitor.post('/dashboard/parking-permit', {});
    expect(response.status).toBe(403);
    expect(h1(response.text)).toBe('You need to sign in');
    expect(response.text).toContain('href="/caseworker/sign-in"');
    expect(response.text).not.toMatch(SERVICE_FAULT);
    // Without a token it is refused all the same, before the guard.
    const forged = await new Visitor(app).post('/dashboard', {});
    expect(forged.status).toBe(403);
  });
});
