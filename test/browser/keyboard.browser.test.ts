import type { Page } from 'playwright-core';
import { EXAMPLE_FORMS } from '../support/agent';
import { sharedService } from './support/browser';
import type { DomElement, DomField, InPage } from './support/dom';
import { navigation, open, pathOf } from './support/journeys';
import { exampleForms, planJourneys, type JourneyStep } from './support/pages';

/** The example form whose plain journey asks radios, checkboxes, a date and a repeating section. */
const candidates = exampleForms().flatMap((form) => {
  const steps = planJourneys(form)[0]?.steps ?? [];
  const types = new Set(steps.flatMap((s) => s.questions.map((q) => q.type)));
  const fits =
    steps.some((s) => s.kind === 'item') &&
    ['radios', 'checkboxes', 'date'].every((t) => types.has(t as never));
  return fits ? [{ form, steps }] : [];
});

/** What has focus: enough to tell fields, options, links and buttons apart. */
interface Focused {
  tag: string;
  type: string;
  name: string;
  value: string;
  checked: boolean;
  href: string;
  text: string;
  /** The focus indicator is visible: an outline (not transparent) or a box shadow. */
  visibleIndicator: boolean;
}

function focused(page: Page): Promise<Focused | undefined> {
  return page.evaluate(() => {
    const w = globalThis as unknown as InPage;
    const active = w.document.activeElement as DomField | null;
    if (!active || active === w.document.body) return undefined;
    // Radios and checkboxes are drawn by their label's ::before: that is where the focus shows.
    const drawn =
      active.type === 'radio' || active.type === 'checkbox'
        ? w.getComputedStyle(active.labels?.[0] ?? active, '::before')
        : w.getComputedStyle(active);
    const outline =
      drawn.outlineStyle !== 'none' &&
      parseFloat(drawn.outlineWidth) > 0 &&
      !/rgba\(.*,\s*0\)|transparent/.test(drawn.outlineColor);
    return {
      tag: active.tagName,
      type: active.type ?? '',
      name: active.getAttribute('name') ?? '',
      value: active.value ?? '',
      checked: active.checked ?? false,
      href: active.getAttribute('href') ?? '',
      text: (active.textContent ?? '').trim(),
      visibleIndicator: outline || drawn.boxShadow !== 'none',
    };
  });
}

/**
 * Moves focus with Tab (or Shift+Tab when the target comes before what has focus) until an
 * element matching the selector has it. Fails when the visible focus indicator is missing.
 */
async function tabTo(page: Page, selector: string, problems: string[]): Promise<Focused> {
  for (let presses = 0; presses < 80; presses++) {
    const direction = await page.evaluate((sel) => {
      const { document } = globalThis as unknown as InPage;
      const active = document.activeElement;
      if (active?.matches(sel)) return 'here';
      const target = document.querySelector(sel);
      if (!target) return 'missing';
      if (!active || active === document.body) return 'Tab';
      return active.compareDocumentPosition(target as DomElement) & 2 ? 'Shift+Tab' : 'Tab';
    }, selector);
    if (direction === 'missing') throw new Error(`${page.url()}: nothing matches ${selector}`);
    if (direction === 'here') {
      const now = (await focused(page)) as Focused;
      if (!now.visibleIndicator) {
        problems.push(`${pathOf(page)}: ${selector} has focus but no visible indicator`);
      }
      return now;
    }
    await page.keyboard.press(direction);
  }
  throw new Error(`${page.url()}: Tab never reached ${selector}`);
}

/** Answers one field with the keyboard alone: typing, Space on options, arrows in radio groups. */
async function answerField(
  page: Page,
  name: string,
  value: string | string[],
  problems: string[],
): Promise<void> {
  const field = `main form[method="post"] [name="${name}"]`;
  const kind = await page.locator(field).first().getAttribute('type');
  const tag = await page
    .locator(field)
    .first()
    .evaluate((e) => (e as unknown as DomField).tagName);
  if (kind === 'checkbox') {
    for (const v of [value].flat()) {
      await tabTo(page, `${field}[value="${v}"]`, problems);
      await page.keyboard.press('Space');
    }
    return;
  }
  const wanted = [value].flat()[0] ?? '';
  if (kind === 'radio') {
    const values = await page
      .locator(field)
      .evaluateAll((all) => all.map((e) => (e as unknown as DomField).value));
    const at = values.indexOf((await tabTo(page, field, problems)).value);
    const target = values.indexOf(wanted);
    const checked = () =>
      page
        .locator(`${field}:checked`)
        .evaluateAll((all) => all.map((e) => (e as unknown as DomField).value));
    if (target === at) {
      // Arrows move the choice, so show they do: away to the next option and back again.
      await page.keyboard.press('ArrowDown');
      const moved = await checked();
      if (moved[0] !== values[(at + 1) % values.length]) {
        problems.push(`${pathOf(page)}: ArrowDown in ${name} chose ${moved}`);
      }
      await page.keyboard.press('ArrowUp');
    }
    for (let i = at; i < target; i++) await page.keyboard.press('ArrowDown');
    for (let i = at; i > target; i--) await page.keyboard.press('ArrowUp');
  } else if (tag === 'SELECT') {
    await tabTo(page, field, problems);
    for (let i = 0; i < 50 && (await focused(page))?.value !== wanted; i++) {
      await page.keyboard.press('ArrowDown');
    }
  } else {
    await tabTo(page, field, problems);
    await page.keyboard.type(wanted);
  }
  const now = await page.locator(field).evaluateAll((all) =>
    all
      .map((e) => e as unknown as DomField)
      .filter((e) => (e.type !== 'radio' && e.type !== 'checkbox') || e.checked)
      .map((e) => e.value),
  );
  if (!now.includes(wanted)) throw new Error(`${page.url()}: ${name} is ${now}, not ${wanted}`);
}

/**
 * Tabs to the page's submit button and presses Enter; on the way, checks Shift+Tab goes back from
 * the button to the control before it.
 */
async function submitWithEnter(page: Page, problems: string[]): Promise<number> {
  const button = 'main form[method="post"] button[type="submit"]';
  await tabTo(page, button, problems);
  await page.keyboard.press('Shift+Tab');
  const before = await focused(page);
  if (!before || before.tag === 'BUTTON' || !before.visibleIndicator) {
    problems.push(`${pathOf(page)}: Shift+Tab from the button reached ${JSON.stringify(before)}`);
  }
  await tabTo(page, button, problems);
  return navigation(page, () => page.keyboard.press('Enter'));
}

describe('a whole journey with the keyboard alone', () => {
  const shared = sharedService({ formsDir: EXAMPLE_FORMS });

  it('there is an example form with radios, checkboxes, a date and a repeating section', () => {
    expect(candidates.length).toBeGreaterThan(0);
  });

  it.each(candidates.slice(0, 1).map((c) => [c.form.id, c.steps] as const))(
    '%s: Tab, Shift+Tab, Space, Enter, arrows and typing reach the confirmation, focus always visible',
    async (formId, steps) => {
      const { context, offsite } = await shared.newContext();
      const page = await context.newPage();
      const problems: string[] = [];
      expect(await open(page, `/${formId}`)).toBe(200);

      for (const [i, step] of steps.entries()) {
        const next = steps[i + 1] as JourneyStep | undefined;
        expect(pathOf(page)).toBe(step.url);
        if (!next) break;
        if (!step.answer) {
          // The start button, or the Remove link of a section's summary.
          await tabTo(page, `main a[href="${next.url}"]`, problems);
          await navigation(page, () => page.keyboard.press('Enter'));
          continue;
        }
        if (step.required) {
          expect(await submitWithEnter(page, problems)).toBe(400);
          const summary = await page.evaluate(() =>
            (globalThis as unknown as InPage).document.activeElement?.matches(
              '.govuk-error-summary',
            ),
          );
          if (!summary) problems.push(`${step.url}: the error summary has no focus after Enter`);
          // Its first link takes the keyboard to the field at fault.
          const link = await tabTo(page, '.govuk-error-summary__list a', problems);
          await page.keyboard.press('Enter');
          const field = await page.evaluate(
            () => (globalThis as unknown as InPage).document.activeElement?.id ?? '',
          );
          if (`#${field}` !== link.href) {
            problems.push(`${step.url}: error link ${link.href} moved focus to #${field}`);
          }
        }
        for (const [name, value] of Object.entries(step.answer)) {
          await answerField(page, name, value, problems);
        }
        expect(await submitWithEnter(page, problems)).toBeLessThan(400);
      }

      expect(pathOf(page)).toBe(`/${formId}/confirmation`);
      expect(await page.locator('.cf-reference').innerText()).toMatch(
        /^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{2}$/,
      );
      expect(problems).toEqual([]);
      expect(offsite).toEqual([]);
      await context.close();
    },
    // A whole journey key by key: minutes on a busy 2-core machine, more than the browser default.
    300_000,
  );
});
