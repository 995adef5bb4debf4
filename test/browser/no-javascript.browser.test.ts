import type { Page } from 'playwright-core';
import type { FormDefinition } from '../../src/definition/types';
import { EXAMPLE_FORMS } from '../support/agent';
import { sharedService } from './support/browser';
import { clearFields, fill, navigation, open, pathOf, submit } from './support/journeys';
import {
  exampleForms,
  planJourneys,
  sampleAnswers,
  steeringQuestions,
  type Body,
  type JourneyStep,
} from './support/pages';

const forms = exampleForms();

/**
 * A page of the journey whose answer can be changed without changing the way through the form
 * (no condition looks at it), with another answer it accepts.
 */
function changeable(
  form: FormDefinition,
  steps: JourneyStep[],
): { step: JourneyStep; answer: Body } | undefined {
  const steering = steeringQuestions(form);
  for (const step of steps) {
    if (step.kind !== 'question' || !step.answer) continue;
    for (const question of step.questions) {
      if (steering.has(question.id)) continue;
      const given = step.answer;
      const other = sampleAnswers(form, question).find((a) =>
        Object.entries(a).some(([field, v]) => JSON.stringify(given[field]) !== JSON.stringify(v)),
      );
      if (other) return { step, answer: { ...step.answer, ...other } };
    }
  }
  return undefined;
}

/** Follows the link on the page that leads to a URL. */
function follow(page: Page, url: string): Promise<number> {
  return navigation(page, () => page.locator(`main a[href="${url}"]`).first().click());
}

function rowValue(page: Page, changeHref: string): Promise<string> {
  return page
    .locator('.govuk-summary-list__row', { has: page.locator(`a[href="${changeHref}"]`) })
    .locator('.govuk-summary-list__value')
    .innerText();
}

describe('every example form with JavaScript off', () => {
  const shared = sharedService({ formsDir: EXAMPLE_FORMS });

  it.each(forms.map((f) => [f.id, f] as const))(
    '%s is completed to its confirmation, after a refused answer and a change from check answers',
    async (_id, form) => {
      const { context, offsite } = await shared.newContext({
        javaScriptEnabled: false,
      });
      const page = await context.newPage();
      const steps = planJourneys(form)[0]?.steps ?? [];
      const checkAnswers = steps.findIndex((s) => s.kind === 'check-answers');
      expect(checkAnswers).toBeGreaterThan(0);

      expect(await open(page, `/${form.id}`)).toBe(200);
      // The template's inline script adds this class: its absence shows no script ran.
      expect(await page.locator('body').getAttribute('class')).not.toContain('js-enabled');
      let refused = false;
      for (const [i, step] of steps.slice(0, checkAnswers).entries()) {
        const next = steps[i + 1] as JourneyStep;
        expect(pathOf(page)).toBe(step.url);
        if (!step.answer) {
          expect(await follow(page, next.url)).toBe(200);
          continue;
        }
        if (!refused && step.required) {
          // The server says what is wrong, with no script to help.
          await clearFields(page);
          expect(await submit(page)).toBe(400);
          await expect(page.locator('main .govuk-error-summary').count()).resolves.toBe(1);
          refused = true;
        }
        await clearFields(page);
        await fill(page, step.answer);
        expect(await submit(page)).toBe(200);
      }
      expect(pathOf(page)).toBe(`/${form.id}/check-answers`);

      const change = changeable(form, steps);
      expect(change).toBeDefined();
      const href = `${change?.step.url}?change=1`;
      const before = await rowValue(page, href);
      await navigation(page, () => page.locator(`a[href="${href}"]`).click());
      expect(pathOf(page)).toBe(change?.step.url);
      await clearFields(page);
      await fill(page, change?.answer ?? {});
      expect(await submit(page)).toBe(200);
      expect(pathOf(page)).toBe(`/${form.id}/check-answers`);
      expect(await rowValue(page, href)).not.toBe(before);

      expect(await submit(page)).toBe(200);
      expect(pathOf(page)).toBe(`/${form.id}/confirmation`);
      const reference = (await page.locator('.cf-reference').innerText()).trim();
      expect(reference).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{2}$/);
      const submission = await shared.app.store.journeys.findSubmission(reference);
      expect(submission?.formId).toBe(form.id);
      expect(offsite).toEqual([]);
      await context.close();
    },
  );
});
