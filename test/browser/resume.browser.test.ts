import type { BrowserContext, Page } from 'playwright-core';
import { EXAMPLE_FORMS } from '../support/agent';
import { sharedService } from './support/browser';
import { axeViolations, errorSummaryFocused, located, pageLang, pageRules } from './support/checks';
import { fastForward, fill, navigation, open, pathOf, submit } from './support/journeys';
import { horizontalScroll } from './support/layout';
import { exampleForms, planJourneys } from './support/pages';

const FORM_ID = 'report-housing-repair';
const form = exampleForms().find((f) => f.id === FORM_ID);
const steps = form ? (planJourneys(form)[0]?.steps ?? []) : [];
/** The journey's first three question pages: two answered, the third saved with its answer. */
const [, first, second, third] = steps;
const LANGUAGES = ['en', 'cy', 'es', 'ar'];
const BORN = { day: '27', month: '3', year: '1985' };

/** Everything wrong with the page the browser is on, in the state it is in. */
async function problemsOn(page: Page, lang: string, state: string, afterFailedSubmit = false) {
  const found = [...(await pageRules(page)), ...(await axeViolations(page))];
  if (afterFailedSubmit && !(await errorSummaryFocused(page))) {
    found.push('the error summary does not have focus after a failed submit');
  }
  if ((await pageLang(page)) !== lang) found.push(`the page is not in ${lang}`);
  return located(pathOf(page), state, found);
}

/** Chooses "date of birth" and types one (its parts revealed under the choice). */
async function giveDateOfBirth(page: Page, born: Partial<typeof BORN>): Promise<void> {
  await page.check('#secret-kind');
  for (const part of ['day', 'month', 'year'] as const) {
    await page.fill(`#date-of-birth-${part}`, born[part] ?? '');
  }
}

/** A context of its own, coming from its own address (so per-client limits stay apart). */
async function client(
  shared: ReturnType<typeof sharedService>,
  address: string,
): Promise<BrowserContext> {
  const { context } = await shared.newContext({
    extraHTTPHeaders: { 'X-Forwarded-For': address },
  });
  return context;
}

describe('save and return in Chromium', () => {
  const shared = sharedService({ formsDir: EXAMPLE_FORMS, trustProxy: ['loopback'] });

  it('has a journey to save part way through', () => {
    expect([first?.answer, second?.answer, third?.kind]).toEqual([
      expect.any(Object),
      expect.any(Object),
      'question',
    ]);
  });

  it.each(LANGUAGES.map((lang, i) => [lang, i] as const))(
    'saves in one browser and resumes in another; every page passes axe (%s)',
    async (lang, i) => {
      if (!first || !second || !third) throw new Error('no journey planned');
      const problems: string[] = [];
      const saving = await client(shared, `203.0.113.${10 + i}`);
      const page = await saving.newPage();
      await open(page, `/${FORM_ID}?lang=${lang}`);
      await fastForward(
        saving,
        [steps[0], first, second].filter((s) => s !== undefined),
      );
      expect(await open(page, second.url)).toBe(200);
      problems.push(...(await problemsOn(page, lang, 'question, with its save button')));
      await fill(page, second.answer ?? {});
      const saveButton = page.locator('main form button[name="action"][value="save"]');
      expect(await navigation(page, () => saveButton.click())).toBe(200);
      expect(pathOf(page)).toBe(`/${FORM_ID}/save`);
      problems.push(...(await problemsOn(page, lang, 'save')));

      expect(await submit(page)).toBe(400);
      problems.push(...(await problemsOn(page, lang, 'save, nothing chosen', true)));
      await giveDateOfBirth(page, { day: BORN.day, year: BORN.year });
      expect(await submit(page)).toBe(400);
      problems.push(...(await problemsOn(page, lang, 'save, date without month', true)));
      await giveDateOfBirth(page, BORN);
      expect(await submit(page)).toBe(200);
      problems.push(...(await problemsOn(page, lang, 'code')));
      // Large, and still readable without scrolling sideways on a 320 px screen.
      await page.setViewportSize({ width: 320, height: 640 });
      problems.push(...located(pathOf(page), 'code at 320 px', await horizontalScroll(page)));
      const code = (await page.locator('.cf-resume-code').innerText()).trim();
      expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2}$/);
      // The browser that saved no longer shows the answers.
      await open(page, first.url);
      expect(pathOf(page)).toBe(first.url);
      expect(await page.locator('main input:checked').count()).toBe(0);
      await saving.close();

      // Another browser, another address: the code and the date of birth bring everything back.
      const resuming = await client(shared, `198.51.100.${10 + i}`);
      const other = await resuming.newPage();
      await open(other, `/resume?lang=${lang}`);
      problems.push(...(await problemsOn(other, lang, 'resume')));
      expect(await submit(other)).toBe(400);
      problems.push(...(await problemsOn(other, lang, 'resume, empty', true)));
      await other.fill('#resume-code', code.toLowerCase().replace(/-/g, ' '));
      await giveDateOfBirth(other, { ...BORN, day: '28' });
      expect(await submit(other)).toBe(400);
      problems.push(...(await problemsOn(other, lang, 'resume, wrong secret', true)));
      await giveDateOfBirth(other, BORN);
      expect(await submit(other)).toBe(200);
      expect(pathOf(other)).toBe(third.url);
      await open(other, first.url);
      for (const [name, value] of Object.entries(first.answer ?? {})) {
        expect(await other.locator(`[name="${name}"][value="${String(value)}"]`).isChecked()).toBe(
          true,
        );
      }
      await open(other, second.url);
      for (const [name, value] of Object.entries(second.answer ?? {})) {
        expect(await other.locator(`[name="${name}"]`).inputValue()).toBe(String(value));
      }
      await resuming.close();

      // Someone else with the code but not the date of birth is locked out after five tries.
      const guessing = await client(shared, `192.0.2.${10 + i}`);
      const guesser = await guessing.newPage();
      await open(guesser, `/${FORM_ID}/resume?lang=${lang}`);
      let status = 0;
      for (let day = 1; day <= 5; day += 1) {
        await guesser.fill('#resume-code', code);
        await giveDateOfBirth(guesser, { ...BORN, day: String(day) });
        status = await submit(guesser);
      }
      expect(status).toBe(429);
      problems.push(...(await problemsOn(guesser, lang, 'locked')));
      await open(guesser, `/${FORM_ID}/save`);
      problems.push(...(await problemsOn(guesser, lang, 'nothing to save')));
      await guessing.close();

      expect(problems).toEqual([]);
    },
  );
});
