import { openPostgresStore } from '../../src/store/postgres-store';
import type { CivicFormsApp } from '../../src/web/app';
import { h1, testApp, Visitor } from '../support/agent';
import { addDays } from '../support/dates';
import { panelCode } from '../support/panel-code';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';
import { POSTGRES_URL, postgresSchemaUrl } from '../store/support/databases';

const FORM = '/parking-permit';

/** Asks /health until it answers `status` (the pool reconnects by itself), at most 60 times. */
async function healthBecomes(visitor: Visitor, status: number): Promise<void> {
  for (let i = 0; i < 60; i += 1) {
    if ((await visitor.get('/health')).status === status) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`/health never answered ${status}`);
}

// PostgreSQL cut off from one app (a proxy between them drops every connection and refuses new
// ones, as a restart of the server does), never the server itself, which other tests share.
describe('PostgreSQL down and back during a journey', () => {
  let proxy: TcpProxy;
  let app: CivicFormsApp;

  beforeAll(async () => {
    const server = new URL(POSTGRES_URL);
    proxy = await startTcpProxy({ host: server.hostname, port: Number(server.port || 5432) });
    const url = new URL(await postgresSchemaUrl());
    url.hostname = '127.0.0.1';
    url.port = String(proxy.port);
    app = testApp({ store: await openPostgresStore({ connectionString: url.toString() }) });
  }, 180_000);

  afterAll(async () => {
    await app.close();
    await proxy.close();
  }, 60_000);

  it('answers 503 while it is down, keeps every saved answer, and recovers by itself', async () => {
    const visitor = new Visitor(app);
    let at = await visitor.answer(`${FORM}/live-in-zone`, { 'live-in-zone': 'yes' });
    at = await visitor.answer(at, { 'full-name': 'Amara Okafor' });
    expect(at).toBe(`${FORM}/contact`);
    await visitor.get(at);
    expect((await visitor.get('/health')).body).toEqual({ status: 'ok', database: 'postgres' });

    await proxy.cut();
    const health = await visitor.get('/health');
    expect(health.status).toBe(503);
    expect(health.body).toEqual({
      status: 'unavailable',
      code: 'DATABASE_UNAVAILABLE',
      database: 'postgres',
    });
    const refused = await visitor.post(`${FORM}/contact`, { phone: '01632 960 001', email: '' });
    expect(refused.status).toBe(503);
    expect(h1(refused.text)).toBe('Sorry, the service is unavailable');
    const page = await visitor.get(`${FORM}/full-name`);
    expect(page.status).toBe(503);

    // Back, without a restart of the app: the answers saved before are all there.
    await proxy.restore();
    await healthBecomes(visitor, 200);
    expect((await visitor.get(`${FORM}/live-in-zone`)).text).toMatch(/value="yes" checked/);
    expect((await visitor.get(`${FORM}/full-name`)).text).toContain('value="Amara Okafor"');
    // The journey goes on from the page whose answer the outage refused.
    const resumed = await visitor.get(`${FORM}/check-answers`);
    expect(resumed.headers.location).toBe(`${FORM}/contact`);
    at = await visitor.answer(`${FORM}/contact`, { phone: '01632 960 001', email: '' });
    at = await visitor.answer(at, { 'has-vehicles': 'no' });
    const start = addDays(30);
    at = await visitor.answer(at, {
      'start-date-day': start.day,
      'start-date-month': start.month,
      'start-date-year': start.year,
    });
    expect(at).toBe(`${FORM}/check-answers`);
    await visitor.get(at);
    const sent = await visitor.post(at, {});
    expect(sent.headers.location).toBe(`${FORM}/confirmation`);
    const reference = panelCode((await visitor.get(`${FORM}/confirmation`)).text) ?? '';
    const submission = await app.store.journeys.findSubmission(reference);
    expect(submission?.answers).toMatchObject({
      'live-in-zone': 'yes',
      'full-name': 'Amara Okafor',
      phone: '01632 960 001',
      'has-vehicles': 'no',
    });
  }, 180_000);
});
