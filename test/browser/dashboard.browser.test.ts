import type { Page } from 'playwright-core';
import type { Channel } from '../../src/engine/answers';
import { EventLog, WITHOUT_VEHICLES } from '../kpi/journey-fixture';
import { addAccount, PASSWORD } from '../support/caseworker';
import { addDays } from '../support/dates';
import { sharedService } from './support/browser';
import { axeViolations, errorSummaryFocused, located, pageLang, pageRules } from './support/checks';
import type { InPage } from './support/dom';
import { navigation, open, pathOf } from './support/journeys';

/** The languages the dashboard is checked in: every one the framework ships. */
const LANGUAGES = ['en', 'cy', 'es', 'ar'];
const DAY = 86_400_000;
const SIGN_IN_BUTTON = 'main form button.govuk-button:not(.govuk-password-input__toggle)';

/** Journeys over the last week: finished in every channel, left on several pages, with errors. */
function lastWeek(): EventLog {
  const log = new EventLog();
  const at = (days: number, hours: number) => Date.now() - days * DAY + hours * 3_600_000;
  const channels: Channel[] = ['online', 'online', 'phone-assisted', 'phone', 'paper'];
  channels.forEach((channel, i) =>
    log.journey(`done-${i}`, at(6 - i, 0), WITHOUT_VEHICLES, {
      channel,
      language: i % 2 ? 'cy' : 'en',
      end: 'submit',
    }),
  );
  log
    .journey('exit', at(4, 1), ['live-in-zone'])
    .add('exit', 'exit', at(4, 1.1), { pageKey: 'cannot-apply' });
  log.journey('left', at(3, 2), ['live-in-zone', 'full-name', 'contact']);
  log.add('left', 'error', at(3, 2.1), {
    pageKey: 'contact',
    questionId: 'phone',
    errorCode: 'invalid',
  });
  log.journey('saved', at(2, 3), ['live-in-zone', 'full-name'], { language: 'cy', end: 'save' });
  return log;
}

/** Whether a question's first character is drawn left of its last, in a table cell and in a chart. */
function shownAsTyped(page: Page, question: string): Promise<string[]> {
  return page.evaluate((text) => {
    const { document } = globalThis as unknown as InPage;
    const inTable = [...document.querySelectorAll('main table th, main table td')].find(
      (cell) => cell.textContent === text,
    );
    let table = 'not in a table';
    const node = inTable && document.createTreeWalker(inTable, 4).nextNode();
    if (node) {
      const range = document.createRange();
      const leftOf = (i: number) => {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        return range.getBoundingClientRect().left;
      };
      table = leftOf(0) < leftOf(text.length - 1) ? 'as typed' : 'reversed';
    }
    const label = [...document.querySelectorAll('main svg text')].find(
      (t) => t.textContent === text,
    ) as unknown as { getStartPositionOfChar(i: number): { x: number } } | undefined;
    const chart = !label
      ? 'not in a chart'
      : label.getStartPositionOfChar(0).x < label.getStartPositionOfChar(text.length - 1).x
        ? 'as typed'
        : 'reversed';
    return [`table: ${table}`, `chart: ${chart}`];
  }, question);
}

describe('the KPI dashboard in Chromium', () => {
  const shared = sharedService();
  beforeAll(async () => {
    const { store } = shared.app;
    await addAccount(store, 'dana.hughes', { role: 'service-team' });
    await store.events.appendJourneyEvents(lastWeek().events);
    const today = new Date().toISOString().slice(0, 10);
    for (const [rating, language] of [
      [5, 'en'],
      [4, 'cy'],
      [2, 'en'],
    ] as const) {
      await store.events.addSatisfaction({
        day: today,
        formId: 'parking-permit',
        formVersion: '1.0',
        channel: 'online',
        language,
        rating,
      });
    }
  });

  it.each(LANGUAGES)(
    'list, a form with data, and a date error have no violation, and draw their charts (%s)',
    async (lang) => {
      const { context, offsite } = await shared.newContextIn(lang);
      const page = await context.newPage();
      const refused: string[] = [];
      page.on('console', (message) => {
        // Only what the Content-Security-Policy refused: an inline style or script on a chart.
        if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
      });
      const problems: string[] = [];
      const check = async (state: string, status: number, expected: number, error = false) => {
        const found = [...(await pageRules(page)), ...(await axeViolations(page))];
        if (status !== expected) found.push(`answered ${status}, expected ${expected}`);
        if ((await pageLang(page)) !== lang) found.push(`not in ${lang}`);
        if (error && !(await errorSummaryFocused(page))) found.push('error summary not focused');
        if (offsite.length > 0) found.push(`requests left the service: ${offsite.join(', ')}`);
        if (refused.length > 0) found.push(`refused by the CSP: ${refused.splice(0).join(' | ')}`);
        problems.push(...located(pathOf(page), state, found));
      };

      expect(await open(page, '/dashboard')).toBe(200);
      expect(pathOf(page)).toBe('/caseworker/sign-in');
      await page.fill('#username', 'dana.hughes');
      await page.fill('#password', PASSWORD);
      await check('list', await navigation(page, () => page.click(SIGN_IN_BUTTON)), 200);
      expect(pathOf(page)).toBe('/dashboard');

      await check('form', await navigation(page, () => page.click('main table a')), 200);
      expect(await chartSizes(page)).toEqual([true, true, true, true, true]);
      expect(await page.locator('main table').first().textContent()).toMatch(/80|5/);
      // The form is in English and Welsh only: in Spanish and Arabic its English question is shown,
      // and it reads as typed in the table and the chart (in Arabic, not "?What is your full name").
      const question = lang === 'cy' ? 'Beth yw eich enw llawn?' : 'What is your full name?';
      expect(await shownAsTyped(page, question)).toEqual(['table: as typed', 'chart: as typed']);

      await page.fill('#from-day', '31');
      await page.fill('#from-month', '2');
      await page.fill('#to-day', '');
      await check(
        'date error',
        await navigation(page, () => page.click('main form button')),
        400,
        true,
      );
      await context.close();
      expect(problems).toEqual([]);
    },
    120_000,
  );

  it('warns before the sign-in ends, as caseworker pages do; "Stay signed in" keeps it', async () => {
    const { context } = await shared.newContextIn('en');
    const page = await context.newPage();
    await page.clock.install();
    await open(page, '/dashboard/parking-permit');
    await page.fill('#username', 'dana.hughes');
    await page.fill('#password', PASSWORD);
    await navigation(page, () => page.click(SIGN_IN_BUTTON));
    expect(pathOf(page)).toBe('/dashboard/parking-permit');
    const dialogOpen = () =>
      page.evaluate(
        () =>
          (
            (globalThis as unknown as InPage).document.getElementById('cf-timeout') as unknown as {
              open: boolean;
            }
          ).open,
      );
    expect(await dialogOpen()).toBe(false);
    // CASEWORKER_IDLE_MINUTES is 15: the warning opens 5 minutes before the end.
    await page.clock.runFor(10 * 60_000 + 1000);
    expect(await dialogOpen()).toBe(true);
    expect(await page.textContent('#cf-timeout-title')).toBe('Do you want to stay signed in?');
    const kept = page.waitForResponse((r) => r.url().endsWith('/caseworker/keep-alive'));
    await page.click('#cf-timeout button[data-module="cf-keep-alive"]');
    expect((await kept).status()).toBe(204);
    await page.waitForFunction(
      () =>
        !(
          (globalThis as unknown as InPage).document.getElementById('cf-timeout') as unknown as {
            open: boolean;
          }
        ).open,
    );
    await context.close();
  }, 120_000);

  it('takes a satisfaction rating on the confirmation page, with an error state and thanks, in Welsh', async () => {
    const { context, offsite } = await shared.newContextIn('cy');
    const page = await context.newPage();
    const problems: string[] = [];
    const check = async (state: string, error = false) => {
      const found = [...(await pageRules(page)), ...(await axeViolations(page))];
      if (error && !(await errorSummaryFocused(page))) found.push('error summary not focused');
      problems.push(...located(pathOf(page), state, found));
    };
    const next = () => navigation(page, () => page.click('main form button.govuk-button'));
    await open(page, '/parking-permit/live-in-zone');
    await page.check('#live-in-zone');
    await next();
    await page.fill('#full-name', 'Carys Llywelyn');
    await next();
    await page.fill('#phone', '029 2018 0000');
    await next();
    await page.check('#has-vehicles-2');
    await next();
    const start = addDays(30);
    await page.fill('#start-date-day', start.day);
    await page.fill('#start-date-month', start.month);
    await page.fill('#start-date-year', start.year);
    await next();
    await next();
    expect(pathOf(page)).toBe('/parking-permit/confirmation');
    await check('confirmation');
    // The page's script told the service JavaScript ran, with the form that sent the application.
    await shared.app.kpi.recorder.flush();
    const events = await shared.app.store.events.listJourneyEvents({
      formId: 'parking-permit',
      from: Date.now() - 60_000,
      to: Date.now() + 1,
    });
    expect(events.filter((e) => e.type === 'submit').map((e) => [e.language, e.js])).toEqual([
      ['cy', true],
    ]);
    expect(await next()).toBe(400);
    await check('feedback error', true);
    await page.check('#rating');
    expect(await next()).toBe(200);
    await check('thanks');
    await context.close();
    expect(offsite).toEqual([]);
    expect(problems).toEqual([]);
  }, 120_000);
});

/** Whether each chart on the page is drawn with a size (inline SVG the CSP lets through). */
function chartSizes(page: Page): Promise<boolean[]> {
  return page.evaluate(() => {
    const { document } = globalThis as unknown as InPage;
    return [...document.querySelectorAll('svg.cf-chart')].map((svg) => {
      const box = (
        svg as unknown as { getBoundingClientRect(): { width: number; height: number } }
      ).getBoundingClientRect();
      return box.width > 100 && box.height > 40;
    });
  });
}
