import type { CivicFormsApp } from '../../src/web/app';
import { h1, testApp, Visitor } from '../support/agent';
import { cappedStore, fillUp } from '../support/full-database';

/** The session cookie a response sets, if any. */
const sessionCookie = (response: { headers: Record<string, unknown> }) =>
  String(response.headers['set-cookie'] ?? '').match(/civic\.sid=[^;]*/)?.[0];

describe('session commit and /health, with a full database (SQLITE_FULL, as on a full disk)', () => {
  let app: CivicFormsApp;
  let fillers: string[];

  beforeAll(async () => {
    app = testApp({ store: cappedStore().store });
    const health = await new Visitor(app).get('/health');
    expect([health.status, health.body]).toEqual([200, { status: 'ok', database: 'sqlite' }]);
    fillers = await fillUp(app.store);
  }, 60_000);
  afterAll(() => app.close());

  it('makes /health answer 503, so a load balancer stops sending people here', async () => {
    const health = await new Visitor(app).get('/health');
    expect(health.status).toBe(503);
    expect(health.body).toEqual({
      status: 'unavailable',
      code: 'DATABASE_UNAVAILABLE',
      database: 'sqlite',
    });
  });

  it('shows a new visitor the service unavailable page (503), in their language, not a form whose session was never stored', async () => {
    const visitor = new Visitor(app);
    const page = await visitor.get('/parking-permit/live-in-zone');
    expect(page.status).toBe(503);
    expect(h1(page.text)).toBe('Sorry, the service is unavailable');
    expect(page.text).toContain('We cannot save anything at the moment.');
    // No form and no cookie: nothing that would lead the first answer to "session expired".
    expect(page.text).not.toContain('name="_csrf"');
    expect(sessionCookie(page)).toBeUndefined();
    expect(page.headers['cache-control']).toBe('no-store');

    const welsh = await new Visitor(app).agent
      .get('/parking-permit/live-in-zone')
      .set('Accept-Language', 'cy');
    expect(welsh.status).toBe(503);
    expect(h1(welsh.text)).toBe('Mae’n ddrwg gennym, nid yw’r gwasanaeth ar gael');
  });

  it('serves again by itself once there is room', async () => {
    for (const id of fillers) await app.store.sessions.destroySession(id);
    expect((await new Visitor(app).get('/health')).status).toBe(200);
    const visitor = new Visitor(app);
    const page = await visitor.get('/parking-permit/live-in-zone');
    expect(page.status).toBe(200);
    expect(sessionCookie(page)).toBeDefined();
    expect(await visitor.answer('/parking-permit/live-in-zone', { 'live-in-zone': 'yes' })).toBe(
      '/parking-permit/full-name',
    );
  });
});
