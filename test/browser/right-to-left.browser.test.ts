import type { BrowserContext, Page } from 'playwright-core';
import { addAccount, PASSWORD } from '../support/caseworker';
import { sharedService } from './support/browser';
import type { DomElement, InPage } from './support/dom';
import { fastForward, navigation, open, pathOf } from './support/journeys';
import { horizontalScroll } from './support/layout';
import { exampleForms, planJourneys, type JourneyStep } from './support/pages';

const FORM = '/council-tax-reduction';

// One browser and one service for every test in this file.
const shared = sharedService({ formsDir: 'forms' });

describe('right-to-left pages (Arabic)', () => {
  it('mirror the layout: text from the right, back link arrow pointing right, no sideways scroll', async () => {
    const { context, offsite } = await shared.newContextIn('ar');
    const page = await context.newPage();
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(`${FORM}/your-area`);
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await page.getAttribute('html', 'lang')).toBe('ar');

    // The heading starts at the right edge of the content.
    const heading = await page.locator('h1').boundingBox();
    const main = await page.locator('main').boundingBox();
    expect(
      heading && main && Math.abs(heading.x + heading.width - (main.x + main.width)),
    ).toBeLessThan(2);

    // "Back" points the way a right-to-left reader goes back: its arrow is on the right of the text.
    const arrow = await page.locator('.govuk-back-link').evaluate((link) => {
      const before = getComputedStyle(link, '::before');
      return { right: before.right, left: before.left, transform: before.transform };
    });
    expect(arrow.right).not.toBe('auto');

    // Radios: the control sits to the right of its label.
    const input = await page.locator('.govuk-radios__item').first().locator('input').boundingBox();
    const label = await page.locator('.govuk-radios__item').first().locator('label').boundingBox();
    expect(input && label && input.x).toBeGreaterThan(label?.x ?? 0);

    expect(await horizontalScroll(page)).toEqual([]);
    // Phone numbers stay readable, left to right, inside right-to-left text.
    await page.goto(FORM);
    const phone = page.locator('.cf-nowrap').first();
    expect(await phone.evaluate((e) => getComputedStyle(e).direction)).toBe('ltr');
    expect(await phone.textContent()).toMatch(/^[\u200e]?0\d{3} \d{3} \d{4}$/);
    expect(offsite).toEqual([]);
    await context.close();
  });
});

/** The example form with a phone number and an address, as a constituent would answer it. */
const REPAIR = exampleForms().find((f) => f.id === 'report-housing-repair');
const PHONE = '07700 900123';
const STREET = '12 High Street';

/** The plain journey through the repair form, with a mobile number and a street typed in Latin script. */
function repairJourney(prefix = ''): JourneyStep[] {
  if (!REPAIR) throw new Error('no report-housing-repair example form');
  const steps = planJourneys(REPAIR)[0]?.steps ?? [];
  return steps.map((step) => {
    const answer = step.answer && { ...step.answer };
    for (const q of step.questions) {
      if (answer && q.type === 'phone') answer[q.id] = PHONE;
      if (answer && q.type === 'address') answer[`${q.id}-line1`] = STREET;
    }
    return { ...step, url: `${prefix}${step.url}`, answer };
  });
}

/** The x of the left edge of each character of a text shown in a summary list value. */
function characterLefts(page: Page, text: string): Promise<number[]> {
  return page.evaluate((wanted) => {
    const { document } = globalThis as unknown as InPage;
    for (const value of document.querySelectorAll('.govuk-summary-list__value')) {
      const walker = document.createTreeWalker(value, 4);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.data.indexOf(wanted);
        if (at < 0) continue;
        const range = document.createRange();
        const text = node;
        return [...wanted].map((_, i) => {
          range.setStart(text, at + i);
          range.setEnd(text, at + i + 1);
          return Math.round(range.getBoundingClientRect().left);
        });
      }
    }
    return [];
  }, text);
}

/** Whether the first and last characters of a text are shown left to right, as typed. */
async function shownAsTyped(page: Page, text: string): Promise<string> {
  const lefts = await characterLefts(page, text);
  if (lefts.length === 0) return `${text}: not on ${pathOf(page)}`;
  const first = lefts[0] ?? 0;
  const last = lefts[lefts.length - 1] ?? 0;
  return `${text}: ${first < last ? 'as typed' : 'reversed'}`;
}

/** Signs a browser context in as a caseworker, over HTTP, as the sign-in page would. */
async function signIn(context: BrowserContext): Promise<void> {
  const form = await context.request.get('/caseworker/sign-in');
  const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? '';
  const signedIn = await context.request.post('/caseworker/sign-in', {
    form: { _csrf: token, username: 'sian.evans', password: PASSWORD },
    maxRedirects: 0,
  });
  expect(signedIn.status()).toBe(303);
}

/** Each group of the reference or code on the page: its text and how many lines it takes. */
function groupLines(page: Page, selector: string) {
  return page.locator(`${selector} .cf-code-group`).evaluateAll((groups) =>
    groups.map((group) => ({
      text: (group as unknown as DomElement).textContent ?? '',
      lines: (group as unknown as DomElement).getClientRects().length,
    })),
  );
}

/** Lines the whole reference or code takes on the page. */
async function linesOf(page: Page, selector: string): Promise<number> {
  const tops = await page
    .locator(`${selector} .cf-code-group`)
    .evaluateAll((groups) =>
      groups.map(
        (g) =>
          (g as unknown as { getClientRects(): Array<{ top: number }> }).getClientRects()[0]?.top ??
          0,
      ),
    );
  return new Set(tops.map((top) => Math.round(top))).size;
}

/**
 * A reference inside a sentence (the read-aloud script): each group on one line, read left to right,
 * and its dash just to the right of the group, whatever the direction of the words around it.
 */
async function codeInSentence(page: Page, selector: string): Promise<string[]> {
  const code = page.locator(selector);
  if ((await code.count()) !== 1) return [`${selector}: ${await code.count()} on ${pathOf(page)}`];
  return code.evaluate((element) => {
    const { document } = globalThis as unknown as InPage;
    const problems: string[] = [];
    for (const group of (element as unknown as DomElement).querySelectorAll('.cf-code-group')) {
      const text = group.textContent ?? '';
      const lines = group.getClientRects().length;
      if (lines !== 1) problems.push(`"${text}" broken over ${lines} lines`);
      const node = document.createTreeWalker(group, 4).nextNode();
      if (!node) continue;
      const range = document.createRange();
      const lefts = [...text].map((_, i) => {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        return Math.round(range.getBoundingClientRect().left);
      });
      if (lefts.some((left, i) => i > 0 && left <= (lefts[i - 1] ?? 0))) {
        problems.push(`"${text}" not left to right: ${JSON.stringify(lefts)}`);
      }
    }
    return problems;
  });
}

/** Checks a reference number or code at 320 px and on a desktop: whole groups on each line. */
async function checkGroups(page: Page, selector: string, problems: string[]): Promise<string> {
  const code = (await page.locator(selector).innerText()).trim();
  for (const [width, wraps] of [
    [320, true],
    [1280, false],
  ] as const) {
    await page.setViewportSize({ width, height: 800 });
    const groups = await groupLines(page, selector);
    if (groups.map((g) => g.text).join('') !== code || groups.length !== 3) {
      problems.push(`${pathOf(page)} ${width}px: groups ${JSON.stringify(groups)} for ${code}`);
    }
    for (const group of groups.filter((g) => g.lines !== 1)) {
      problems.push(`${pathOf(page)} ${width}px: "${group.text}" broken over ${group.lines} lines`);
    }
    // At 320 px the large reference does not fit on one line: it must wrap between groups.
    if ((await linesOf(page, selector)) > 1 !== wraps) {
      problems.push(`${pathOf(page)} ${width}px: ${wraps ? 'did not wrap' : 'wrapped'}`);
    }
    problems.push(...(await horizontalScroll(page)).map((p) => `${width}px: ${p}`));
  }
  return code;
}

/** The system font stack `assets/app.css` sets on the root, as Chromium computes it. */
const SYSTEM_FONTS = 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';
/** Text of every kind on a question page: paragraphs, headings, hints, links, inputs and buttons. */
const TEXT_KINDS = [
  'body',
  'main h1',
  'main .govuk-hint',
  'main label',
  'main input.govuk-input',
  'main button.govuk-button',
  '.govuk-back-link',
  'footer p, footer a',
];

describe('fonts', () => {
  it.each(['en', 'ar'])(
    'body text, headings, hints, links, inputs and buttons use the system stack, never a serif (%s)',
    async (lang) => {
      const { context, offsite } = await shared.newContextIn(lang);
      const page = await context.newPage();
      const steps = repairJourney();
      const contact = steps.findIndex((s) => s.questions.some((q) => q.type === 'phone'));
      await fastForward(context, steps.slice(0, contact + 1));
      expect(await open(page, steps[contact]?.url ?? '')).toBe(200);
      const fonts = await page.evaluate((selectors) => {
        const inPage = globalThis as unknown as InPage;
        return selectors.map((selector) => {
          const element = inPage.document.querySelector(selector);
          const family = element ? inPage.getComputedStyle(element).fontFamily : 'not on the page';
          return `${selector}: ${family}`;
        });
      }, TEXT_KINDS);
      expect(fonts).toEqual(TEXT_KINDS.map((selector) => `${selector}: ${SYSTEM_FONTS}`));
      expect(offsite).toEqual([]);
      await context.close();
    },
    120_000,
  );
});

describe('what a person typed, and the reference they are given', () => {
  beforeAll(async () => {
    // The repair form is Northbrook Housing's: its caseworkers take its calls and see its submissions.
    await addAccount(shared.app.store, 'sian.evans', { agency: 'northbrook-housing' });
  }, 60_000);

  it.each(['en', 'ar'])(
    'check answers, the confirmation and the staff submission page (%s): answers read as typed; the reference breaks only between groups',
    async (lang) => {
      const steps = repairJourney();
      const checkAnswers = steps.find((s) => s.kind === 'check-answers');
      const { context, offsite } = await shared.newContextIn(lang);
      const page = await context.newPage();
      await page.setViewportSize({ width: 320, height: 800 });
      const problems: string[] = [];

      await fastForward(context, steps.slice(0, steps.indexOf(checkAnswers as JourneyStep) + 1));
      expect(await open(page, checkAnswers?.url ?? '')).toBe(200);
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      expect([await shownAsTyped(page, PHONE), await shownAsTyped(page, STREET)]).toEqual([
        `${PHONE}: as typed`,
        `${STREET}: as typed`,
      ]);

      await navigation(page, () => page.locator('main form button[type="submit"]').click());
      expect(pathOf(page)).toBe('/report-housing-repair/confirmation');
      const reference = await checkGroups(page, '.cf-reference', problems);
      expect(reference).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2}$/);

      await signIn(context);
      expect(await open(page, `/caseworker/submissions/${reference}`)).toBe(200);
      expect([await shownAsTyped(page, PHONE), await shownAsTyped(page, STREET)]).toEqual([
        `${PHONE}: as typed`,
        `${STREET}: as typed`,
      ]);
      problems.push(...(await codeInSentence(page, 'h1 strong[dir="ltr"]')));
      expect(problems).toEqual([]);
      expect(offsite).toEqual([]);
      await context.close();
    },
    120_000,
  );

  it.each(['en', 'ar'])(
    'the staff confirmation of a call and the resume code page (%s): the reference and the code break only between groups',
    async (lang) => {
      const { context, offsite } = await shared.newContextIn(lang);
      const page = await context.newPage();
      const problems: string[] = [];

      // A caseworker takes the form by phone, for a caller speaking the same language.
      await signIn(context);
      const consent = `/caseworker/start/report-housing-repair/${lang}`;
      await open(page, consent);
      await page.check('#agrees');
      await navigation(page, () => page.locator('main form button[type="submit"]').click());
      const call = repairJourney('/caseworker/call').slice(1);
      expect(pathOf(page)).toBe(call[0]?.url);
      await fastForward(context, call);
      expect(await open(page, call[call.length - 1]?.url ?? '')).toBe(200);
      await checkGroups(page, '.cf-reference', problems);
      // The reference in the sentence the caseworker reads out, at 320 px and on a desktop.
      const spoken = '.govuk-inset-text p strong[dir="ltr"]';
      for (const width of [320, 1280]) {
        await page.setViewportSize({ width, height: 800 });
        problems.push(...(await codeInSentence(page, spoken)).map((p) => `${width}px: ${p}`));
      }
      expect((await page.locator(spoken).innerText()).replace(/\s/g, '')).toBe(
        (await page.locator('.cf-reference').innerText()).replace(/\s/g, ''),
      );

      // A constituent saves the form for later and is given a code.
      const steps = repairJourney();
      const second = steps[2];
      await fastForward(context, steps.slice(0, 3));
      expect(await open(page, second?.url ?? '')).toBe(200);
      const save = page.locator('main form button[name="action"][value="save"]');
      await navigation(page, () => save.click());
      await page.check('#secret-kind');
      await page.fill('#date-of-birth-day', '27');
      await page.fill('#date-of-birth-month', '3');
      await page.fill('#date-of-birth-year', '1985');
      await navigation(page, () => page.locator('main form button[type="submit"]').click());
      await checkGroups(page, '.cf-resume-code', problems);

      expect(problems).toEqual([]);
      expect(offsite).toEqual([]);
      await context.close();
    },
    120_000,
  );
});
