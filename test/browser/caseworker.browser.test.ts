import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { createSignInThrottle } from '../../src/caseworker/sign-in-throttle';
import { LOCALES_DIR } from '../../src/web/i18n';
import { amaraAnswers } from '../fixtures/amara-draft';
import { addAccount, PASSWORD } from '../support/caseworker';
import { sharedService } from './support/browser';
import { axeViolations, errorSummaryFocused, located, pageLang, pageRules } from './support/checks';
import type { InPage } from './support/dom';
import { navigation, open, pathOf } from './support/journeys';

/** Every language the framework ships: staff may work in any of them. */
const LANGUAGES = fs.readdirSync(LOCALES_DIR).sort();
const SIGN_IN_BUTTON = 'main form button.govuk-button:not(.govuk-password-input__toggle)';

describe('caseworker pages in Chromium', () => {
  const shared = sharedService();
  let reference = '';
  beforeAll(async () => {
    const { store } = shared.app;
    await addAccount(store, 'sian.evans');
    await addAccount(store, 'locked.out');
    // Five wrong passwords from another address: this account shows the locked state.
    const throttle = createSignInThrottle(store);
    for (let i = 0; i < 5; i++) await throttle.failed('locked.out', '192.0.2.10', Date.now());
    const draft = {
      id: randomUUID(),
      formId: 'parking-permit',
      formVersion: '1.0',
      answers: amaraAnswers,
      done: [],
      language: 'cy',
      channel: 'online' as const,
      createdAt: Date.now(),
      updatedAt: Date.now(),
    };
    reference = (await store.journeys.submit(draft, amaraAnswers, Date.now())).submission.reference;
  });

  async function signInWith(page: Page, username: string, password: string): Promise<number> {
    await page.fill('#username', username);
    await page.fill('#password', password);
    return navigation(page, () => page.click(SIGN_IN_BUTTON));
  }

  it.each(LANGUAGES)(
    'sign-in (empty, refused, locked), home, no result, a submission, not found: no violation (%s)',
    async (lang) => {
      const { context, offsite } = await shared.newContextIn(lang);
      const page = await context.newPage();
      const problems: string[] = [];
      const check = async (state: string, status: number, expected: number, error = false) => {
        const found = [...(await pageRules(page)), ...(await axeViolations(page))];
        if (status !== expected) found.push(`answered ${status}, expected ${expected}`);
        if ((await pageLang(page)) !== lang) found.push(`not in ${lang}`);
        if (error && !(await errorSummaryFocused(page))) found.push('error summary not focused');
        if (offsite.length > 0) found.push(`requests left the service: ${offsite.join(', ')}`);
        problems.push(...located(pathOf(page), state, found));
      };

      await check('empty', await open(page, '/caseworker/sign-in'), 200);
      await check('error', await navigation(page, () => page.click(SIGN_IN_BUTTON)), 400, true);
      await check('wrong', await signInWith(page, 'sian.evans', 'not my password'), 400, true);
      await check('locked', await signInWith(page, 'locked.out', PASSWORD), 429, true);
      await check('home', await signInWith(page, 'sian.evans', PASSWORD), 200);
      await page.fill('#reference', 'K7QM 3XPD 9C');
      const none = await navigation(page, () => page.click('main form button'));
      await check('no result', none, 404, true);
      await check('shown', await open(page, `/caseworker/submissions/${reference}`), 200);
      await check('not found', await open(page, '/caseworker/submissions/K7QM-3XPD-9C'), 404);
      await check(
        'signed out',
        await navigation(page, () => page.click('header form button')),
        200,
      );
      await context.close();
      expect(problems).toEqual([]);
    },
  );

  /** The element with focus: its id, or its tag and text for buttons and links. */
  const focusedOn = (page: Page) =>
    page.evaluate(() => {
      const active = (globalThis as unknown as InPage).document.activeElement;
      if (!active) return '';
      return active.id ? `#${active.id}` : `${active.tagName} ${(active.textContent ?? '').trim()}`;
    });

  async function tabUntil(page: Page, target: string): Promise<void> {
    for (let presses = 0; presses < 30; presses++) {
      if ((await focusedOn(page)) === target) return;
      await page.keyboard.press('Tab');
    }
    throw new Error(`${pathOf(page)}: Tab never reached ${target}`);
  }

  it('signs in, finds a submission and signs out with the keyboard alone', async () => {
    const { context } = await shared.newContextIn('en');
    const page = await context.newPage();
    await open(page, '/caseworker/sign-in');
    await tabUntil(page, '#username');
    await page.keyboard.type('sian.evans');
    await page.keyboard.press('Tab');
    expect(await focusedOn(page)).toBe('#password');
    await page.keyboard.type(PASSWORD);
    await tabUntil(page, 'BUTTON Sign in');
    await navigation(page, () => page.keyboard.press('Enter'));
    expect(pathOf(page)).toBe('/caseworker');

    // The search box has the focus on arrival: the reference can be typed at once.
    expect(await focusedOn(page)).toBe('#reference');
    await page.keyboard.type(reference.toLowerCase().replace(/-/g, ' '));
    await navigation(page, () => page.keyboard.press('Enter'));
    expect(pathOf(page)).toBe(`/caseworker/submissions/${reference}`);
    expect(await page.textContent('h1')).toContain(reference);

    await tabUntil(page, 'BUTTON Sign out');
    await navigation(page, () => page.keyboard.press('Enter'));
    expect(pathOf(page)).toBe('/caseworker/sign-in');
    expect(await page.textContent('.govuk-notification-banner')).toContain('You have signed out.');
    await context.close();
  });

  it('keeps each reference of the submission list on one line on a 320 px phone (the table scrolls instead)', async () => {
    const { context } = await shared.newContext({ viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    await open(page, '/caseworker/sign-in');
    await signInWith(page, 'sian.evans', PASSWORD);
    expect(await open(page, '/caseworker/forms/parking-permit/submissions')).toBe(200);
    const shown = await page.$$eval('main table tbody th a', (links) =>
      links.map((a) => ({ text: a.textContent, lines: a.getClientRects().length })),
    );
    expect(shown).toEqual([{ text: reference, lines: 1 }]);
    await context.close();
  }, 300_000);
});
