import type { CivicFormsApp } from '../../../src/web/app';
import {
  h1,
  inlineErrors,
  summaryErrors,
  tempDataDir,
  testApp,
  title,
  Visitor,
} from '../../support/agent';
import {
  addAccount,
  PASSWORD,
  sessionIdOf,
  signIn,
  signedInCaseworker,
} from '../../support/caseworker';

const WRONG = 'The username or password is not right';

// Each sign-in hashes with scrypt (0.3 s of a core), a PDF takes a second: on a busy shared machine.
jest.setTimeout(30_000);

describe('caseworker sign-in', () => {
  let app: CivicFormsApp;
  beforeEach(() => {
    app = testApp();
  });
  afterEach(() => app.close());

  it('shows a sign-in page with username and password fields and a CSRF token', async () => {
    const visitor = new Visitor(app);
    const page = await visitor.get('/caseworker/sign-in');
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(title(page.text)).toBe('Sign in – civic-forms caseworker');
    expect(page.text).toMatch(/<input[^>]*id="username"[^>]*autocomplete="username"/);
    expect(page.text).toMatch(/<input[^>]*id="password"[^>]*type="password"/);
    expect(page.text).toMatch(/autocomplete="current-password"/);
    expect(page.text).toMatch(/<form method="post" action="\/caseworker\/sign-in" novalidate>/);
    expect(visitor.csrf).not.toBe('');
    expect(page.text).not.toContain('Sign out');
  });

  it('asks for both fields when they are left empty, keeping the username', async () => {
    const visitor = new Visitor(app);
    await visitor.get('/caseworker/sign-in');
    const none = await visitor.post('/caseworker/sign-in', { username: '', password: '' });
    expect(none.status).toBe(400);
    expect(title(none.text)).toMatch(/^Error: Sign in/);
    expect(summaryErrors(none.text)).toEqual([
      '#username Enter your username',
      '#password Enter your password',
    ]);
    const noPassword = await visitor.post('/caseworker/sign-in', { username: 'sian.evans' });
    expect(summaryErrors(noPassword.text)).toEqual(['#password Enter your password']);
    expect(noPassword.text).toMatch(/id="username"[^>]*value="sian.evans"/);
  });

  it('signs in with the right password, in any case of username, on a new session id', async () => {
    await addAccount(app.store, 'sian.evans');
    const visitor = new Visitor(app);
    await visitor.get('/caseworker/sign-in');
    const before = sessionIdOf(visitor);
    const response = await visitor.post('/caseworker/sign-in', {
      username: '  Sian.Evans ',
      password: PASSWORD,
    });
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/caseworker');
    const after = sessionIdOf(visitor);
    expect(after).not.toBe(before);
    expect(await app.store.sessions.getSession(before, Date.now())).toBeUndefined();
    const home = await visitor.get('/caseworker');
    expect(home.status).toBe(200);
    expect(home.text).toContain('Signed in as Siân Evans');
  });

  it('gives the same answer for a wrong password, an unknown user and a disabled account', async () => {
    await addAccount(app.store, 'sian.evans');
    await addAccount(app.store, 'gone.away');
    await app.store.staff.setUserDisabled('gone.away', true);
    const attempts = [
      { username: 'sian.evans', password: 'not her password at all' },
      { username: 'nobody.here', password: PASSWORD },
      { username: 'gone.away', password: PASSWORD },
    ];
    for (const attempt of attempts) {
      const visitor = new Visitor(app);
      await visitor.get('/caseworker/sign-in');
      const response = await visitor.post('/caseworker/sign-in', attempt);
      expect({ status: response.status, errors: summaryErrors(response.text) }).toEqual({
        status: 400,
        errors: [`#username ${WRONG}`],
      });
      expect(inlineErrors(response.text)).toEqual([WRONG]);
      expect(response.text).not.toContain(attempt.password);
      expect((await visitor.get('/caseworker')).status).toBe(303);
    }
  });

  it('goes back to the page asked for before signing in, and never to another site', async () => {
    await addAccount(app.store, 'sian.evans');
    const visitor = new Visitor(app);
    const asked = await visitor.get('/caseworker/search?reference=K7QM-3XPD-9C');
    expect(asked.headers.location).toBe(
      '/caseworker/sign-in?return=%2Fcaseworker%2Fsearch%3Freference%3DK7QM-3XPD-9C',
    );
    await visitor.get(asked.headers.location as string);
    expect(visitor.html).toContain(
      'name="return" value="/caseworker/search?reference=K7QM-3XPD-9C"',
    );
    const back = await visitor.post('/caseworker/sign-in', {
      username: 'sian.evans',
      password: PASSWORD,
      return: '/caseworker/search?reference=K7QM-3XPD-9C',
    });
    expect(back.headers.location).toBe('/caseworker/search?reference=K7QM-3XPD-9C');

    for (const elsewhere of [
      'https://evil.example/',
      '//evil.example/caseworker',
      '/parking-permit',
    ]) {
      const other = new Visitor(app);
      await other.get('/caseworker/sign-in');
      const response = await other.post('/caseworker/sign-in', {
        username: 'sian.evans',
        password: PASSWORD,
        return: elsewhere,
      });
      expect(response.headers.location).toBe('/caseworker');
    }
  });

  it('refuses a sign-in posted without the CSRF token', async () => {
    await addAccount(app.store, 'sian.evans');
    const visitor = new Visitor(app);
    await visitor.get('/caseworker/sign-in');
    const forged = await visitor.agent
      .post('/caseworker/sign-in')
      .type('form')
      .send({ username: 'sian.evans', password: PASSWORD });
    expect(forged.status).toBe(403);
  });

  it('signs out: the session ends and caseworker pages ask for sign-in again', async () => {
    const visitor = await signedInCaseworker(app);
    await visitor.get('/caseworker');
    const sessionId = sessionIdOf(visitor);
    const out = await visitor.post('/caseworker/sign-out', {});
    expect(out.status).toBe(303);
    expect(out.headers.location).toBe('/caseworker/sign-in?signedOut=1');
    expect(String(out.headers['set-cookie'])).toMatch(/civic\.sid=;/);
    expect(await app.store.sessions.getSession(sessionId, Date.now())).toBeUndefined();
    const page = await visitor.get('/caseworker/sign-in?signedOut=1');
    expect(page.text).toContain('You have signed out.');
    expect((await visitor.get('/caseworker')).headers.location).toBe(
      '/caseworker/sign-in?return=%2Fcaseworker',
    );
  });
});

describe('caseworker sign-in throttling', () => {
  const LOCKED = 'You have tried to sign in too many times. Wait 15 minutes, then try again';

  it('locks a username after 5 failures, even for the right password, across a restart', async () => {
    const dataDir = tempDataDir();
    const app = testApp({ dataDir });
    await addAccount(app.store, 'sian.evans');
    const visitor = new Visitor(app);
    await visitor.get('/caseworker/sign-in');
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const response = await visitor.post('/caseworker/sign-in', {
        username: 'sian.evans',
        password: `guess number ${i}`,
      });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([400, 400, 400, 400, 429]);
    expect(summaryErrors(visitor.html)).toEqual([`#username ${LOCKED}`]);
    const right = await visitor.post('/caseworker/sign-in', {
      username: 'SIAN.EVANS',
      password: PASSWORD,
    });
    expect(right.status).toBe(429);
    await app.close();

    const restarted = testApp({ dataDir });
    try {
      const later = new Visitor(restarted);
      const response = await signIn(later, 'sian.evans');
      expect(response.status).toBe(429);
      expect(inlineErrors(response.text)).toEqual([LOCKED]);
      // Someone else can still sign in from elsewhere.
      await addAccount(restarted.store, 'tomasz.nowak');
      expect((await signIn(new Visitor(restarted), 'tomasz.nowak')).status).toBe(303);
    } finally {
      await restarted.close();
    }
  });

  it('locks a client address after 20 failures, whatever the usernames', async () => {
    const app = testApp();
    try {
      await addAccount(app.store, 'sian.evans');
      const visitor = new Visitor(app);
      await visitor.get('/caseworker/sign-in');
      for (let i = 0; i < 20; i++) {
        await visitor.post('/caseworker/sign-in', { username: `user${i}`, password: 'wrong' });
      }
      expect(visitor.html).toContain(LOCKED);
      const response = await signIn(new Visitor(app), 'sian.evans');
      expect(response.status).toBe(429);
    } finally {
      await app.close();
    }
  }, 60_000);
});

describe('caseworker idle time-out', () => {
  it('ends a sign-in left idle longer than CASEWORKER_IDLE_MINUTES, and says why', async () => {
    const app = testApp({ caseworkerIdleMinutes: 1 });
    try {
      const visitor = await signedInCaseworker(app);
      await visitor.get('/caseworker');
      const id = sessionIdOf(visitor);
      const stored = JSON.parse((await app.store.sessions.getSession(id, Date.now())) ?? '{}');
      const slid = stored.caseworker.expiresAt as number;
      expect(slid).toBeGreaterThan(Date.now() + 50_000);
      expect(slid).toBeLessThanOrEqual(Date.now() + 60_000);

      // A minute and a bit later: the expiry the last request set has passed.
      stored.caseworker.expiresAt = Date.now() - 1000;
      await app.store.sessions.setSession(id, JSON.stringify(stored), Date.now() + 60_000);
      const later = await visitor.get('/caseworker');
      expect(later.status).toBe(303);
      expect(later.headers.location).toBe('/caseworker/sign-in?return=%2Fcaseworker&expired=1');
      expect(await app.store.sessions.getSession(id, Date.now())).toBeUndefined();
      const page = await visitor.get(later.headers.location as string);
      expect(h1(page.text)).toBe('Sign in');
      expect(page.text).toContain(
        'You were signed out because you did nothing for 1 minute. Sign in again to carry on.',
      );
      const events = await app.store.staff.listAudit({ actorUsername: 'sian.evans' });
      expect(events.map((e) => [e.action, e.detail ?? ''])).toEqual([
        ['sign-in', 'password'],
        ['sign-out', 'idle'],
      ]);
    } finally {
      await app.close();
    }
  });

  it('says why too when the stored session itself has gone (a browser back after a long time)', async () => {
    const app = testApp({ caseworkerIdleMinutes: 1 });
    try {
      const visitor = await signedInCaseworker(app);
      await app.store.sessions.destroySession(sessionIdOf(visitor));
      const later = await visitor.get('/caseworker/submissions/K7QM-3XPD-9C');
      expect(later.headers.location).toBe(
        '/caseworker/sign-in?return=%2Fcaseworker%2Fsubmissions%2FK7QM-3XPD-9C&expired=1',
      );
    } finally {
      await app.close();
    }
  });

  it('defaults to 15 minutes, shorter than the constituent session', () => {
    const app = testApp();
    expect(app.config.caseworkerIdleMinutes).toBe(15);
    expect(app.config.caseworkerIdleMinutes).toBeLessThan(app.config.sessionIdleMinutes);
    return app.close();
  });
});
