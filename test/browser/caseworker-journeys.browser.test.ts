import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { LOCALES_DIR } from '../../src/web/i18n';
import type { CivicFormsApp } from '../../src/web/app';
import { Visitor } from '../support/agent';
import { addAccount, PASSWORD } from '../support/caseworker';
import { addDays } from '../support/dates';
import {
  answerFirstPages,
  chooseSecret,
  DATE_OF_BIRTH,
  pressSave,
} from '../support/save-and-return';
import { sharedService } from './support/browser';
import { axeViolations, errorSummaryFocused, located, pageLang, pageRules } from './support/checks';
import type { InPage } from './support/dom';
import { navigation, open, pathOf, submit } from './support/journeys';

/** Every language the framework ships: staff may work in any of them. */
const LANGUAGES = fs.readdirSync(LOCALES_DIR).sort();
/** The fixture form is offered in these; its pages fall back to English in the others. */
const FORM_LANGUAGES = ['en', 'cy'];
/** A caller saves the fixture form online after three pages, as the HTTP tests do; their code. */
async function savedOnline(app: CivicFormsApp): Promise<string> {
  const caller = new Visitor(app);
  const at = await answerFirstPages(caller);
  const save = await pressSave(caller, at, { 'has-vehicles': 'yes' });
  return chooseSecret(caller, save, DATE_OF_BIRTH);
}
const SIGN_IN_BUTTON = 'main form button.govuk-button:not(.govuk-password-input__toggle)';

describe('caseworker journeys in Chromium', () => {
  const shared = sharedService();
  beforeAll(async () => {
    await addAccount(shared.app.store, 'sian.evans');
  });

  it.each(LANGUAGES)(
    'consent, question pages with the script, check answers, confirmation, pick-up and paper: no violation (%s)',
    async (lang) => {
      const { context, offsite } = await shared.newContextIn(lang);
      const page = await context.newPage();
      const problems: string[] = [];
      const check = async (
        state: string,
        status: number,
        expected: number,
        options: { error?: boolean; formPage?: boolean } = {},
      ) => {
        const found = [...(await pageRules(page)), ...(await axeViolations(page))];
        if (status !== expected) found.push(`answered ${status}, expected ${expected}`);
        const shownIn = options.formPage && !FORM_LANGUAGES.includes(lang) ? 'en' : lang;
        if ((await pageLang(page)) !== shownIn) found.push(`not in ${shownIn}`);
        if (options.error && !(await errorSummaryFocused(page))) {
          found.push('error summary not focused');
        }
        if (offsite.length > 0) found.push(`requests left the service: ${offsite.join(', ')}`);
        problems.push(...located(pathOf(page), state, found));
      };
      const script = () => page.locator('.govuk-inset-text [lang]').first().getAttribute('lang');

      await open(page, '/caseworker/sign-in');
      await page.fill('#username', 'sian.evans');
      await page.fill('#password', PASSWORD);
      await navigation(page, () => page.click(SIGN_IN_BUTTON));

      // A caller speaking Welsh, or English to a Welsh-speaking caseworker.
      const caller = lang === 'cy' ? 'en' : 'cy';
      await check('consent', await open(page, `/caseworker/start/parking-permit/${caller}`), 200);
      await check('consent error', await submit(page), 400, { error: true });
      await page.check('#agrees');
      await check('question', await submit(page), 200, { formPage: true });
      expect(await script()).toBe(caller);
      await check('question error', await submit(page), 400, { error: true, formPage: true });
      expect(await script()).toBe(caller);

      await page.check('#live-in-zone');
      await submit(page);
      await page.fill('#full-name', 'Amara Okafor');
      await submit(page);
      await page.fill('#phone', '01632 960 001');
      await submit(page);
      await page.check('#has-vehicles-2');
      await submit(page);
      const start = addDays(30);
      await page.fill('#start-date-day', start.day);
      await page.fill('#start-date-month', start.month);
      await page.fill('#start-date-year', start.year);
      await check('check answers', await submit(page), 200, { formPage: true });
      expect(pathOf(page)).toBe('/caseworker/call/parking-permit/check-answers');
      await check('confirmation', await submit(page), 200);
      expect(pathOf(page)).toBe('/caseworker/call/parking-permit/confirmation');
      expect(await page.locator('.govuk-inset-text ol li').count()).toBe(3);

      await check('pick-up', await open(page, '/caseworker/pick-up'), 200);
      await page.fill('#resume-code', 'K7QM 3XPD 9C');
      await page.check('#secret-kind-2');
      await page.fill('#memorable-word', 'blue heron');
      await check('pick-up wrong code', await submit(page), 400, { error: true });
      // A form the caller saved online, opened with their code and date of birth.
      await page.fill('#resume-code', await savedOnline(shared.app));
      await page.check('#secret-kind');
      await page.fill('#date-of-birth-day', DATE_OF_BIRTH['date-of-birth-day'] ?? '');
      await page.fill('#date-of-birth-month', DATE_OF_BIRTH['date-of-birth-month'] ?? '');
      await page.fill('#date-of-birth-year', DATE_OF_BIRTH['date-of-birth-year'] ?? '');
      await check('answers so far', await submit(page), 200);
      expect(pathOf(page)).toBe('/caseworker/pick-up/parking-permit');

      await check('paper', await open(page, '/caseworker/paper/parking-permit'), 200);
      await page.fill('#received-on-day', addDays(3).day);
      await page.fill('#received-on-month', addDays(3).month);
      await page.fill('#received-on-year', addDays(3).year);
      await check('paper error', await submit(page), 400, { error: true });
      await page.check('#version');
      await page.check('#language');
      await page.fill('#received-on-day', addDays(0).day);
      await page.fill('#received-on-month', addDays(0).month);
      await page.fill('#received-on-year', addDays(0).year);
      await check('paper question', await submit(page), 200, { formPage: true });
      expect(pathOf(page)).toBe('/caseworker/paper/parking-permit/live-in-zone');

      await context.close();
      expect(problems).toEqual([]);
    },
  );

  /** The element with focus: its id, or its tag and text for buttons and links. */
  const focusedOn = (page: Page) =>
    page.evaluate(() => {
      const active = (globalThis as unknown as InPage).document.activeElement;
      if (!active) return '';
      return active.id
        ? `#${active.id}`
        : `${active.tagName} ${(active.textContent ?? '').replace(/\s+/g, ' ').trim()}`;
    });

  async function tabUntil(page: Page, target: RegExp): Promise<void> {
    for (let presses = 0; presses < 40; presses++) {
      if (target.test(await focusedOn(page))) return;
      await page.keyboard.press('Tab');
    }
    throw new Error(`${pathOf(page)}: Tab never reached ${target}`);
  }

  it('starts a form for a caller and answers its first question with the keyboard alone', async () => {
    const { context } = await shared.newContextIn('en');
    const page = await context.newPage();
    await open(page, '/caseworker/sign-in');
    await page.fill('#username', 'sian.evans');
    await page.fill('#password', PASSWORD);
    await navigation(page, () => page.click(SIGN_IN_BUTTON));

    await tabUntil(page, /^A Cymraeg/);
    await navigation(page, () => page.keyboard.press('Enter'));
    expect(pathOf(page)).toBe('/caseworker/start/parking-permit/cy');
    await tabUntil(page, /^#agrees$/);
    await page.keyboard.press('Space');
    await tabUntil(page, /^BUTTON Start the form$/);
    await navigation(page, () => page.keyboard.press('Enter'));
    expect(pathOf(page)).toBe('/caseworker/call/parking-permit/live-in-zone');

    await tabUntil(page, /^#live-in-zone$/);
    await page.keyboard.press('Space');
    await tabUntil(page, /^BUTTON Continue$/);
    await navigation(page, () => page.keyboard.press('Enter'));
    expect(pathOf(page)).toBe('/caseworker/call/parking-permit/full-name');
    await context.close();
  });
});
