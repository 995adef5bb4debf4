import type { BrowserContext, Page } from 'playwright-core';
import { addAccount, PASSWORD } from '../support/caseworker';
import { sharedService } from './support/browser';
import { axeViolations } from './support/checks';
import type { InPage } from './support/dom';
import { navigation, open, pathOf } from './support/journeys';

const LANGUAGES = ['en', 'cy', 'es', 'ar'];
const MINUTE = 60_000;
const SIGN_IN_BUTTON = 'main form button.govuk-button:not(.govuk-password-input__toggle)';
/** A caseworker page to be on when the time runs out, and to come back to. */
const PICK_UP = '/caseworker/pick-up';

/** What the warning says in each language: its heading and the button that keeps the sign-in. */
const WORDS: Record<string, { title: string; stay: string }> = {
  en: { title: 'Do you want to stay signed in?', stay: 'Stay signed in' },
  cy: { title: 'Ydych chi am aros wedi mewngofnodi?', stay: 'Aros wedi mewngofnodi' },
  es: { title: '¿Quiere mantener la sesión iniciada?', stay: 'Mantener la sesión iniciada' },
  ar: { title: 'هل تريد البقاء مسجّلًا للدخول؟', stay: 'البقاء مسجّلًا للدخول' },
};

describe('the caseworker time-out warning in Chromium', () => {
  // CASEWORKER_IDLE_MINUTES is 15 by default: the warning opens after 10 minutes, for 5.
  const shared = sharedService();
  beforeAll(() => addAccount(shared.app.store, 'sian.evans'));

  async function signIn(page: Page): Promise<void> {
    await open(page, '/caseworker/sign-in');
    await page.fill('#username', 'sian.evans');
    await page.fill('#password', PASSWORD);
    await navigation(page, () => page.click(SIGN_IN_BUTTON));
  }

  /** The server's idle expiry of the context's sign-in, and a way to move it (time passing there). */
  async function storedSignIn(context: BrowserContext) {
    const cookie = (await context.cookies()).find((c) => c.name === 'civic.sid');
    const value = decodeURIComponent(cookie?.value ?? '');
    const id = value.slice(2, value.lastIndexOf('.'));
    const { store } = shared.app;
    const read = async () => JSON.parse((await store.sessions.getSession(id, Date.now())) ?? '{}');
    return {
      expiresAt: async () => ((await read()).caseworker?.expiresAt as number | undefined) ?? 0,
      async set(expiresAt: number) {
        const data = await read();
        data.caseworker.expiresAt = expiresAt;
        await store.sessions.setSession(id, JSON.stringify(data), Date.now() + 16 * MINUTE);
      },
    };
  }

  const focused = (page: Page) =>
    page.evaluate(() => {
      const active = (globalThis as unknown as InPage).document.activeElement;
      return active?.id ? `#${active.id}` : (active?.textContent ?? '').trim();
    });

  const dialogOpen = (page: Page) =>
    page.evaluate(
      () =>
        (
          (globalThis as unknown as InPage).document.getElementById('cf-timeout') as unknown as {
            open: boolean;
          }
        ).open,
    );

  it.each(LANGUAGES)(
    'opens five minutes before the sign-in ends, takes focus, and has no axe violation (%s)',
    async (lang) => {
      const { context, offsite } = await shared.newContextIn(lang);
      const page = await context.newPage();
      await page.clock.install();
      await signIn(page);
      expect(pathOf(page)).toBe('/caseworker');
      expect(await dialogOpen(page)).toBe(false);

      // The page's clock also runs on its own while the test waits on the browser: on a busy machine
      // seconds of it, so the warning is seen shut a minute early rather than a second.
      await page.clock.runFor(9 * MINUTE);
      expect(await dialogOpen(page)).toBe(false);
      await page.clock.runFor(MINUTE + 1000);
      expect(await dialogOpen(page)).toBe(true);
      expect(await page.locator('#cf-timeout').isVisible()).toBe(true);
      expect(await focused(page)).toBe(WORDS[lang]?.stay);
      expect(await page.textContent('#cf-timeout-title')).toBe(WORDS[lang]?.title);
      expect(await axeViolations(page)).toEqual([]);
      expect(offsite).toEqual([]);
      await context.close();
    },
  );

  it('"Stay signed in" (Enter) renews the sign-in, closes, and gives the focus back', async () => {
    const { context } = await shared.newContextIn('en');
    const page = await context.newPage();
    await page.clock.install();
    await signIn(page);
    // The search box has the focus on arrival: it gets it back.
    expect(await focused(page)).toBe('#reference');
    await page.clock.runFor(10 * MINUTE + 1000);
    expect(await dialogOpen(page)).toBe(true);

    // On the server, as many minutes have passed: less than one is left.
    const held = await storedSignIn(context);
    await held.set(Date.now() + 50_000);
    const kept = page.waitForResponse((r) => r.url().endsWith('/caseworker/keep-alive'));
    await page.keyboard.press('Enter');
    expect((await kept).status()).toBe(204);
    await page.waitForFunction(
      () =>
        !(
          (globalThis as unknown as InPage).document.getElementById('cf-timeout') as unknown as {
            open: boolean;
          }
        ).open,
    );
    expect(await focused(page)).toBe('#reference');
    expect(await held.expiresAt()).toBeGreaterThan(Date.now() + 14 * MINUTE);

    // Still signed in: the next page is a caseworker page, not the sign-in page.
    await open(page, PICK_UP);
    expect(pathOf(page)).toBe(PICK_UP);
    await context.close();
  });

  it('"Sign out" in the warning signs out at once (a shared desk)', async () => {
    const { context } = await shared.newContextIn('en');
    const page = await context.newPage();
    await page.clock.install();
    await signIn(page);
    await page.clock.runFor(10 * MINUTE + 1000);
    await navigation(page, () => page.click('#cf-timeout button[form="cf-sign-out"]'));
    expect(pathOf(page)).toBe('/caseworker/sign-in');
    expect(await page.textContent('.govuk-notification-banner')).toContain('You have signed out.');
    await open(page, PICK_UP);
    expect(pathOf(page)).toBe('/caseworker/sign-in');
    await context.close();
  });

  it('when the time is up, goes to the sign-in page, which says why and comes back after', async () => {
    const { context } = await shared.newContextIn('en');
    const page = await context.newPage();
    await page.clock.install();
    await signIn(page);
    await open(page, PICK_UP);
    const held = await storedSignIn(context);
    await held.set(Date.now() - 1000);

    await page.clock.runFor(15 * MINUTE + 1000);
    await page.waitForURL('**/caseworker/sign-in?*expired=1');
    await page.waitForLoadState('load');
    expect(await page.textContent('.govuk-notification-banner')).toContain(
      'You were signed out because you did nothing for 15 minutes. Sign in again to carry on.',
    );
    expect(await page.locator('#cf-timeout').count()).toBe(0);

    await page.fill('#username', 'sian.evans');
    await page.fill('#password', PASSWORD);
    await navigation(page, () => page.click(SIGN_IN_BUTTON));
    expect(pathOf(page)).toBe(PICK_UP);
    await context.close();
  });

  it('without JavaScript: never opens, and an ended sign-in leads to the same explanation', async () => {
    const { context } = await shared.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page);
    expect(await page.locator('#cf-timeout').isVisible()).toBe(false);
    await (await storedSignIn(context)).set(Date.now() - 1000);
    await open(page, PICK_UP);
    expect(pathOf(page)).toBe('/caseworker/sign-in');
    expect(await page.textContent('.govuk-notification-banner')).toContain(
      'You were signed out because you did nothing for 15 minutes.',
    );
    expect(await page.getAttribute('input[name="return"]', 'value')).toBe(PICK_UP);
    await context.close();
  });
});
