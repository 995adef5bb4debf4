import type { Page } from 'playwright-core';
import { EXAMPLE_FORMS } from '../support/agent';
import { sharedService } from './support/browser';
import { located } from './support/checks';
import { navigation, open, visitJourneys, type PageState } from './support/journeys';
import { horizontalScroll, smallTargets } from './support/layout';
import {
  exampleForms,
  formPageKeys,
  planJourneys,
  servicePages,
  type JourneyStep,
} from './support/pages';
import type { DomField } from './support/dom';

const forms = exampleForms();

/**
 * The two screens of WCAG 1.4.10. A phone 320 CSS px wide; and a 1280 x 1024 screen zoomed to 400%.
 * Browser zoom divides the CSS px viewport by the zoom factor and multiplies the device pixel
 * ratio by it, so the zoomed screen is emulated as a 320 x 256 CSS px viewport with
 * deviceScaleFactor 4: media queries, and so the responsive layout, see exactly what they see under
 * real zoom. Setting `document.documentElement.style.zoom = 4` on a 1280 px viewport was not chosen:
 * media queries would still see 1280 px, so the page would keep its desktop layout, only magnified,
 * which is not what a browser shows at 400%.
 */
const SCREENS = [
  { name: '320 px', viewport: { width: 320, height: 640 }, deviceScaleFactor: 1 },
  { name: '1280 px at 400%', viewport: { width: 320, height: 256 }, deviceScaleFactor: 4 },
];

/** Filled in is enough for question pages; pages without that state are seen as they first show. */
function wanted(errorPage: string | undefined) {
  return (step: JourneyStep, state: PageState) =>
    state === 'shown' ||
    state === 'filled' ||
    (state === 'empty' && (step.kind === 'section-summary' || step.kind === 'remove-item')) ||
    (state === 'error-wrong' && step.key === errorPage);
}

async function layoutProblems(page: Page, offsite: string[]): Promise<string[]> {
  const problems = [...(await horizontalScroll(page)), ...(await smallTargets(page))];
  if (offsite.length > 0)
    problems.push(`requests left the service: ${offsite.splice(0).join(', ')}`);
  return problems;
}

describe('small screens and zoom: no sideways scrolling, targets of 24 px', () => {
  const shared = sharedService({ formsDir: EXAMPLE_FORMS });

  const cases = SCREENS.flatMap((screen) =>
    forms.map((form) => [screen.name, form.id, screen, form] as const),
  );

  it.each(cases)(
    '%s: every page of %s',
    async (_screen, _id, screen, form) => {
      const { context, offsite } = await shared.newContext({
        viewport: screen.viewport,
        deviceScaleFactor: screen.deviceScaleFactor,
      });
      const page = await context.newPage();
      const journeys = planJourneys(form);
      // One error state per form: the first page that refuses a wrong answer (longest messages).
      const errorPage = journeys.flatMap((j) => j.steps).find((s) => s.wrong)?.key;
      const problems: string[] = [];
      const seen = new Set<string>();
      await visitJourneys(page, journeys, {
        wants: wanted(errorPage),
        check: async (step, state) => {
          seen.add(step.key);
          problems.push(...located(step.url, state, await layoutProblems(page, offsite)));
        },
      });
      await context.close();
      expect(problems).toEqual([]);
      expect([...seen].sort()).toEqual([...formPageKeys(form)].sort());
    },
    300_000,
  );

  it.each(SCREENS.map((s) => [s.name, s] as const))(
    '%s: the form list, error pages and session pages',
    async (_name, screen) => {
      const { context, offsite } = await shared.newContext({
        viewport: screen.viewport,
        deviceScaleFactor: screen.deviceScaleFactor,
      });
      const page = await context.newPage();
      const problems: string[] = [];
      for (const shown of servicePages(forms)) {
        if (shown.postFrom) {
          await open(page, shown.postFrom);
          await page
            .locator('main form[method="post"] input[name="_csrf"]')
            .evaluate((e) => ((e as unknown as DomField).value = 'not-the-token'));
          await navigation(page, () =>
            page.locator('main form[method="post"] button[type="submit"]').first().click(),
          );
        } else {
          await open(page, shown.url);
        }
        problems.push(...located(shown.key, 'shown', await layoutProblems(page, offsite)));
      }
      await context.close();
      expect(problems).toEqual([]);
    },
  );
});
