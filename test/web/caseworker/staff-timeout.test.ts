import type { CivicFormsApp } from '../../../src/web/app';
import { h1, testApp, textOf, Visitor } from '../../support/agent';
import { startCall } from '../../support/assisted-journey';
import {
  addAccount,
  PASSWORD,
  sessionIdOf,
  signIn,
  signedInCaseworker,
} from '../../support/caseworker';

// Each sign-in hashes with scrypt (0.3 s of a core): on a busy shared machine.
jest.setTimeout(30_000);

const MINUTE = 60_000;

/** The time-out dialog's attributes and words on a page, or undefined when it has none. */
function dialogOf(html: string) {
  const tag = /<dialog class="cf-timeout"[^>]*>/.exec(html)?.[0];
  if (!tag) return undefined;
  const attribute = (name: string) =>
    new RegExp(`${name}="([^"]*)"`).exec(tag)?.[1]?.replace(/&amp;/g, '&');
  return {
    warnAfter: attribute('data-warn-after'),
    expireAfter: attribute('data-expire-after'),
    keepAlive: attribute('data-keep-alive-href'),
    expired: attribute('data-expired-href'),
    title: textOf(html, /id="cf-timeout-title">([\s\S]*?)<\/h2>/),
    body: textOf(html, /id="cf-timeout-body">([\s\S]*?)<\/p>/),
    buttons: [...html.matchAll(/<dialog[\s\S]*?<\/dialog>/g)]
      .flatMap(([dialog]) => [...dialog.matchAll(/<button([^>]*)>([^<]*)<\/button>/g)])
      .map(([, attributes = '', text = '']) => {
        // A button that submits another form names it: "Sign out → #cf-sign-out".
        const submits = /form="([^"]+)"/.exec(attributes)?.[1];
        return submits ? `${text.trim()} → #${submits}` : text.trim();
      }),
  };
}

/** The caseworker part of the visitor's stored session. */
async function heldSignIn(app: CivicFormsApp, visitor: Visitor) {
  const data = await app.store.sessions.getSession(sessionIdOf(visitor), Date.now());
  return data ? (JSON.parse(data) as { caseworker?: { expiresAt: number } }).caseworker : undefined;
}

/** Moves the stored sign-in's idle expiry, as if the caseworker had been away. */
async function setExpiry(app: CivicFormsApp, visitor: Visitor, expiresAt: number) {
  const id = sessionIdOf(visitor);
  const stored = JSON.parse((await app.store.sessions.getSession(id, Date.now())) ?? '{}');
  stored.caseworker.expiresAt = expiresAt;
  await app.store.sessions.setSession(id, JSON.stringify(stored), Date.now() + 16 * MINUTE);
}

const auditTrail = async (app: CivicFormsApp) =>
  (await app.store.staff.listAudit({ actorUsername: 'sian.evans' })).map((e) =>
    [e.action, e.detail ?? ''].join(' ').trim(),
  );

describe('the caseworker time-out warning', () => {
  let app: CivicFormsApp;
  beforeEach(() => {
    app = testApp();
  });
  afterEach(() => app.close());

  it('is on every page of a signed-in caseworker, in staff words, timed from CASEWORKER_IDLE_MINUTES', async () => {
    const visitor = await signedInCaseworker(app);
    const home = dialogOf((await visitor.get('/caseworker')).text);
    expect(home).toEqual({
      warnAfter: '600',
      expireAfter: '900',
      keepAlive: '/caseworker/keep-alive',
      expired: '/caseworker/sign-in?return=%2Fcaseworker&expired=1',
      title: 'Do you want to stay signed in?',
      body: 'We will sign you out in 5 minutes if you do nothing. We do this to protect callers’ information.',
      buttons: ['Stay signed in', 'Sign out → #cf-sign-out'],
    });
    // "Sign out" in the dialog submits the header's sign-out form, CSRF token and all.
    expect(visitor.html).toMatch(
      /<form method="post" action="\/caseworker\/sign-out" id="cf-sign-out" novalidate>\s*<input type="hidden" name="_csrf"/,
    );

    // A question page of a phone journey, rendered by the form's own routes in the staff layout.
    const question = await startCall(visitor);
    const onQuestion = dialogOf((await visitor.get(question)).text);
    expect(onQuestion?.keepAlive).toBe('/caseworker/keep-alive');
    expect(onQuestion?.expired).toBe(
      `/caseworker/sign-in?${new URLSearchParams({ return: question, expired: '1' }).toString()}`,
    );

    // Not on the sign-in page, and a constituent's journey keeps its own warning.
    const signedOut = new Visitor(app);
    expect(dialogOf((await signedOut.get('/caseworker/sign-in')).text)).toBeUndefined();
    const journey = dialogOf((await signedOut.get('/parking-permit/live-in-zone')).text);
    expect(journey).toMatchObject({
      keepAlive: '/session/keep-alive',
      expired: '/parking-permit/session-expired',
      title: 'Do you need more time?',
      buttons: ['Keep my answers'],
    });
  });

  it('is worded in the language the caseworker reads the pages in', async () => {
    const visitor = await signedInCaseworker(app);
    const titles: Record<string, string | undefined> = {};
    const bodies: Record<string, string | undefined> = {};
    for (const lang of ['cy', 'es', 'ar']) {
      const dialog = dialogOf((await visitor.get(`/caseworker?lang=${lang}`)).text);
      titles[lang] = `${dialog?.title} | ${dialog?.buttons.join(' | ')}`;
      bodies[lang] = dialog?.body;
    }
    expect(titles).toEqual({
      cy: 'Ydych chi am aros wedi mewngofnodi? | Aros wedi mewngofnodi | Allgofnodi → #cf-sign-out',
      es: '¿Quiere mantener la sesión iniciada? | Mantener la sesión iniciada | Cerrar sesión → #cf-sign-out',
      ar: 'هل تريد البقاء مسجّلًا للدخول؟ | البقاء مسجّلًا للدخول | تسجيل الخروج → #cf-sign-out',
    });
    expect(bodies.cy).toContain('ymhen 5 munud');
    expect(bodies.es).toContain('dentro de 5 minutos');
    expect(bodies.ar).toContain('بعد 5 دقائق');
  });

  it('"Stay signed in" renews the sign-in: its idle expiry starts again from now', async () => {
    const visitor = await signedInCaseworker(app);
    await visitor.get('/caseworker');
    // Fourteen and a half minutes without a request: thirty seconds left.
    await setExpiry(app, visitor, Date.now() + 30_000);
    const before = Date.now();
    const kept = await visitor.post('/caseworker/keep-alive', {});
    expect(kept.status).toBe(204);
    expect(kept.headers['cache-control']).toBe('no-store');
    const held = await heldSignIn(app, visitor);
    expect(held?.expiresAt).toBeGreaterThanOrEqual(before + 15 * MINUTE);
    expect(held?.expiresAt).toBeLessThanOrEqual(Date.now() + 15 * MINUTE);

    // Thirty-one seconds on, the caseworker is still signed in.
    const home = await visitor.get('/caseworker');
    expect(home.status).toBe(200);
    expect(await auditTrail(app)).toEqual(['sign-in password']);
  });

  it('renews a service-team sign-in too (its refusal pages in this layout show the warning)', async () => {
    await addAccount(app.store, 'priya.shah', { role: 'service-team', displayName: 'Priya Shah' });
    const visitor = new Visitor(app);
    expect((await signIn(visitor, 'priya.shah')).status).toBe(303);
    const refused = await visitor.get('/caseworker');
    expect(refused.status).toBe(403);
    expect(dialogOf(refused.text)?.keepAlive).toBe('/caseworker/keep-alive');
    expect((await visitor.post('/caseworker/keep-alive', {})).status).toBe(204);
  });

  it('refuses to renew without the CSRF token, without a staff sign-in, or once it has ended', async () => {
    const visitor = await signedInCaseworker(app);
    await visitor.get('/caseworker');
    await setExpiry(app, visitor, Date.now() + 30_000);
    const forged = await visitor.agent.post('/caseworker/keep-alive').type('form').send({});
    expect(forged.status).toBe(403);
    expect((await heldSignIn(app, visitor))?.expiresAt).toBeLessThanOrEqual(Date.now() + 30_000);

    // A constituent's session has a token, but no sign-in.
    const constituent = new Visitor(app);
    await constituent.get('/parking-permit/live-in-zone');
    const notStaff = await constituent.post('/caseworker/keep-alive', {});
    expect(notStaff.status).toBe(403);
    expect(h1(notStaff.text)).toBe('You need to sign in');

    // Too late: the sign-in has ended; the audit trail says why.
    await setExpiry(app, visitor, Date.now() - 1000);
    const id = sessionIdOf(visitor);
    expect((await visitor.post('/caseworker/keep-alive', {})).status).toBe(403);
    expect(await app.store.sessions.getSession(id, Date.now())).toBeUndefined();
    expect(await auditTrail(app)).toEqual(['sign-in password', 'sign-out idle']);
  });
});

describe('the sign-in page when the time is up', () => {
  let app: CivicFormsApp;
  beforeEach(() => {
    app = testApp();
  });
  afterEach(() => app.close());

  const page = '/caseworker/submissions/K7QM-3XPD-9C';
  const expiredHref = `/caseworker/sign-in?return=${encodeURIComponent(page)}&expired=1`;

  it('ends the idle sign-in, says why, and goes back to the page after signing in again', async () => {
    const visitor = await signedInCaseworker(app);
    await visitor.get(page);
    expect(dialogOf(visitor.html)?.expired).toBe(expiredHref);
    await setExpiry(app, visitor, Date.now() - 1000);

    // The warning's script goes here when the time is up (no request was made meanwhile).
    const ended = await visitor.get(expiredHref);
    expect(ended.status).toBe(303);
    expect(ended.headers.location).toBe(expiredHref);
    expect(await auditTrail(app)).toEqual(['sign-in password', 'sign-out idle']);
    const signInPage = await visitor.get(expiredHref);
    expect(h1(signInPage.text)).toBe('Sign in');
    expect(textOf(signInPage.text, /govuk-notification-banner__content">([\s\S]*?)<\/div>/)).toBe(
      'You were signed out because you did nothing for 15 minutes. Sign in again to carry on.',
    );
    expect(signInPage.text).toContain(`<input type="hidden" name="return" value="${page}">`);

    const again = await visitor.post('/caseworker/sign-in', {
      username: 'sian.evans',
      password: PASSWORD,
      return: page,
    });
    expect(again.headers.location).toBe(page);
  });

  it('sends a caseworker still signed in (another tab kept it alive) straight back to the page', async () => {
    const visitor = await signedInCaseworker(app);
    const back = await visitor.get(expiredHref);
    expect(back.status).toBe(303);
    expect(back.headers.location).toBe(page);
    expect(await auditTrail(app)).toEqual(['sign-in password']);
    // Never to a page of the other staff area, nor to another site.
    const home = await visitor.get('/caseworker/sign-in?return=%2Fdashboard&expired=1');
    expect(home.headers.location).toBe('/caseworker');
    const offsite = await visitor.get('/caseworker/sign-in?return=https%3A%2F%2Fexample.com%2F');
    expect(offsite.headers.location).toBe('/caseworker');
  });

  it.each([
    [
      'en',
      'You were signed out because you did nothing for 15 minutes. Sign in again to carry on.',
    ],
    [
      'cy',
      'Cawsoch eich allgofnodi am na wnaethoch unrhyw beth am 15 munud. Mewngofnodwch eto i barhau.',
    ],
    [
      'es',
      'Se cerró su sesión porque no hizo nada durante 15 minutos. Vuelva a iniciar sesión para continuar.',
    ],
    ['ar', 'تم تسجيل خروجك لأنك لم تقم بأي إجراء لمدة 15 دقيقة. سجّل الدخول مرة أخرى للمتابعة.'],
  ])('says why in %s, without JavaScript, keeping the page to go back to', async (lang, words) => {
    const visitor = await signedInCaseworker(app);
    await setExpiry(app, visitor, Date.now() - 1000);
    const sent = await visitor.get(`${page}?lang=${lang}`);
    expect(sent.status).toBe(303);
    const signInPage = await visitor.get(sent.headers.location as string);
    expect(textOf(signInPage.text, /govuk-notification-banner__content">([\s\S]*?)<\/div>/)).toBe(
      words,
    );
    expect(signInPage.text).toContain(
      `<input type="hidden" name="return" value="${page}?lang=${lang}">`,
    );
  });
});
