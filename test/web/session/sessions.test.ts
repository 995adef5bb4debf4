import { createRequire } from 'node:module';
import express, { type Express } from 'express';
import request from 'supertest';
import type { Store } from '../../../src/store/store';
import { sessionIndex } from '../../../src/web/session-index';
import { createSessions } from '../../../src/web/session/sessions';
import type {} from '../../../src/web/session/session-data';
import { DATABASES, openTestStore } from '../../store/support/databases';

declare module '../../../src/web/session/session-data' {
  interface SessionData {
    /** What this test's pages keep. */
    note?: string;
  }
}

const SECRET = 'a-test-secret-a-test-secret-a-test!';
const IDLE_MS = 25 * 60_000;
// express's own signed cookies and express-session's use cookie-signature: a cookie signed by it
// must open the session, so browsers keep their sessions across the change of session layer.
const cookieSignature = createRequire(require.resolve('express'))('cookie-signature') as {
  sign(value: string, secret: string): string;
};

/** The session cookie's value (URL-decoded) and its attributes, from a response. */
function sessionCookie(response: request.Response) {
  const header = ([] as string[])
    .concat((response.headers['set-cookie'] as string[] | undefined) ?? [])
    .find((line) => line.startsWith('civic.sid='));
  if (!header) return undefined;
  const [pair = '', ...attributes] = header.split('; ');
  return { value: decodeURIComponent(pair.slice('civic.sid='.length)), attributes };
}

/** The id a signed value carries. */
const idOf = (value: string) => value.slice(2, value.lastIndexOf('.'));

describe.each(DATABASES)('sessions on %s', (database) => {
  let store: Store;
  let app: Express;
  /** Lets a slow page go on once the test has done what it needs meanwhile. */
  let releaseSlowPage: () => void = () => undefined;
  let slowPageRead: () => void = () => undefined;

  beforeAll(async () => {
    store = await openTestStore(database);
    app = express();
    app.use(
      createSessions({
        name: 'civic.sid',
        secret: SECRET,
        store: store.sessions,
        idleMs: IDLE_MS,
        secure: false,
        index: sessionIndex,
      }),
    );
    app.get('/note', (req, res) => {
      res.send(req.session.note ?? 'nothing');
    });
    app.post('/note/:text', (req, res) => {
      req.session.note = String(req.params.text);
      res.send('kept');
    });
    // A page that reads the session, then waits: another tab's post lands meanwhile.
    app.get('/slow', (req, res) => {
      const seen = req.session.note ?? 'nothing';
      slowPageRead();
      new Promise<void>((resolve) => (releaseSlowPage = resolve)).then(
        () => res.send(seen),
        () => undefined,
      );
    });
    app.post('/keep-alive', (req, res) => {
      req.session.touch();
      res.status(204).end();
    });
  }, 60_000);
  afterAll(() => store.close());

  const stored = async (id: string) =>
    (await store.inspect.rows('sessions')).find((row) => row.id === id) as
      { data: string; expires_at: number | string } | undefined;

  it('stores nothing and sets no cookie for a visit that keeps nothing', async () => {
    const response = await request(app).get('/note');
    expect(response.text).toBe('nothing');
    expect(sessionCookie(response)).toBeUndefined();
  });

  it('keeps what a page stores, under a signed id in an HttpOnly, SameSite cookie that rolls', async () => {
    const before = Date.now();
    const kept = await request(app).post('/note/amara');
    const cookie = sessionCookie(kept);
    expect(cookie?.value).toMatch(/^s:[\w-]{32}\./);
    const id = idOf(cookie?.value ?? '');
    expect(cookie?.value).toBe(`s:${cookieSignature.sign(id, SECRET)}`);
    expect(cookie?.attributes).toEqual([
      'Path=/',
      expect.stringMatching(/^Expires=/),
      'HttpOnly',
      'SameSite=Lax',
    ]);
    const expires = Date.parse((cookie?.attributes[1] ?? '').slice('Expires='.length));
    // The header's date has whole seconds.
    expect(expires).toBeGreaterThanOrEqual(Math.floor((before + IDLE_MS) / 1000) * 1000);
    expect(JSON.parse((await stored(id))?.data ?? '{}')).toEqual({
      cookie: { originalMaxAge: IDLE_MS },
      note: 'amara',
    });

    // The next page reads it; the cookie goes back as it came, with its expiry moved on.
    const read = await request(app).get('/note').set('Cookie', `civic.sid=${cookie?.value}`);
    expect(read.text).toBe('amara');
    expect(sessionCookie(read)?.value).toBe(cookie?.value);
  });

  it('opens a session whose cookie express-session signed, and starts afresh on a forged one', async () => {
    await store.sessions.setSession(
      'from-express-session',
      JSON.stringify({
        cookie: {
          originalMaxAge: IDLE_MS,
          expires: new Date(Date.now() + IDLE_MS).toISOString(),
          httpOnly: true,
          path: '/',
          sameSite: 'lax',
        },
        note: 'bea',
      }),
      Date.now() + IDLE_MS,
    );
    const signed = `s:${cookieSignature.sign('from-express-session', SECRET)}`;
    const read = await request(app)
      .get('/note')
      .set('Cookie', `civic.sid=${encodeURIComponent(signed)}`);
    expect(read.text).toBe('bea');

    const forged = `s:${cookieSignature.sign('from-express-session', 'another secret')}`;
    const refused = await request(app)
      .get('/note')
      .set('Cookie', `civic.sid=${encodeURIComponent(forged)}`);
    expect(refused.text).toBe('nothing');
    expect(sessionCookie(refused)).toBeUndefined();
    const unsigned = await request(app)
      .get('/note')
      .set('Cookie', 'civic.sid=from-express-session');
    expect(unsigned.text).toBe('nothing');
  });

  it('never writes back an older copy: a page read in one tab keeps what another tab posted meanwhile', async () => {
    const cookie = sessionCookie(await request(app).post('/note/first'))?.value ?? '';
    const header = `civic.sid=${encodeURIComponent(cookie)}`;
    const read = new Promise<void>((resolve) => (slowPageRead = resolve));
    const slow = request(app).get('/slow').set('Cookie', header).then();
    await read;
    expect((await request(app).post('/note/second').set('Cookie', header)).text).toBe('kept');
    releaseSlowPage();
    expect((await slow).text).toBe('first');
    expect((await request(app).get('/note').set('Cookie', header)).text).toBe('second');
    expect(JSON.parse((await stored(idOf(cookie)))?.data ?? '{}').note).toBe('second');
  });

  it('moves the stored expiry on at most once a minute, and at once for "keep my answers"', async () => {
    const cookie = sessionCookie(await request(app).post('/note/chidi'))?.value ?? '';
    const id = idOf(cookie);
    const header = `civic.sid=${encodeURIComponent(cookie)}`;
    const data = (await stored(id))?.data ?? '';
    const expiryNow = async () => Number((await stored(id))?.expires_at);

    // Stored 30 seconds ago: a page read now leaves it.
    const recent = Date.now() + IDLE_MS - 30_000;
    await store.sessions.touchSession(id, recent);
    await request(app).get('/note').set('Cookie', header);
    expect(await expiryNow()).toBe(recent);

    // Stored two minutes ago: the page moves it on to a full idle time from now.
    await store.sessions.touchSession(id, Date.now() + IDLE_MS - 120_000);
    const before = Date.now();
    await request(app).get('/note').set('Cookie', header);
    expect(await expiryNow()).toBeGreaterThanOrEqual(before + IDLE_MS);

    // "Keep my answers" moves it however recently it moved.
    await store.sessions.touchSession(id, recent);
    const asked = Date.now();
    await request(app).post('/keep-alive').set('Cookie', header);
    expect(await expiryNow()).toBeGreaterThanOrEqual(asked + IDLE_MS);
    // Only the expiry: the data is what it was.
    expect((await stored(id))?.data).toBe(data);
  });

  it('ends with its time: an expired session is not read, and the browser gets a new one', async () => {
    const cookie = sessionCookie(await request(app).post('/note/dara'))?.value ?? '';
    await store.sessions.touchSession(idOf(cookie), Date.now() - 1);
    const header = `civic.sid=${encodeURIComponent(cookie)}`;
    expect((await request(app).get('/note').set('Cookie', header)).text).toBe('nothing');
    const renewed = await request(app).post('/note/again').set('Cookie', header);
    expect(idOf(sessionCookie(renewed)?.value ?? '')).not.toBe(idOf(cookie));
  });
});
