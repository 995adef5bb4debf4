import type { Page } from 'playwright-core';
import fs from 'node:fs';
import { languagesOf } from '../../../src/definition/translation';
import { LOCALES_DIR } from '../../../src/web/i18n';
import { EXAMPLE_FORMS } from '../../support/agent';
import { sharedService } from './browser';
import { axeViolations, errorSummaryFocused, located, pageLang, pageRules } from './checks';
import type { DomField } from './dom';
import { navigation, open, visitJourneys } from './journeys';
import { exampleForms, formPageKeys, planJourneys, servicePages } from './pages';

const forms = exampleForms();
/** Every language the framework ships, for the pages outside any form. */
const LANGUAGES = fs.readdirSync(LOCALES_DIR).sort();
/** A whole form in every state takes a while on a busy 2-core machine. */
const FORM_TIMEOUT = 300_000;

/** Everything wrong with the page the browser is on, and any request that left the service. */
async function problemsOn(page: Page, offsite: string[], afterFailedSubmit: boolean) {
  const problems = [...(await pageRules(page)), ...(await axeViolations(page))];
  if (afterFailedSubmit && !(await errorSummaryFocused(page))) {
    problems.push('the error summary does not have focus after a failed submit');
  }
  if (offsite.length > 0)
    problems.push(`requests left the service: ${offsite.splice(0).join(', ')}`);
  return problems;
}

/**
 * axe-core on every page of every example form, empty, refused and filled in, in the languages of
 * one part of the suite, and on the pages outside any form. The suite is split into parts (one
 * test file each) by the position of each language in a form's list, so jest runs them side by side.
 */
export function describeAccessibility(part: number, parts: number): void {
  const inPart = (languages: readonly string[]) => languages.filter((_, i) => i % parts === part);
  /** Every form in the languages of this part. */
  const formsInLanguages = forms.flatMap((form) =>
    inPart(languagesOf(form)).map((lang) => [`${form.id} (${lang})`, form, lang] as const),
  );
  const formsHere = forms.filter((form) => inPart(languagesOf(form)).length > 0);
  const languagesHere = inPart(LANGUAGES);
  /** The pages the tests below have checked, by key. */
  const checked = new Set<string>();

  describe(`accessibility of every page (axe-core in Chromium), part ${part + 1} of ${parts}`, () => {
    const shared = sharedService({ formsDir: EXAMPLE_FORMS });

    it.each(formsInLanguages)(
      '%s: every page, empty, refused and filled in, has no violation',
      async (_name, form, lang) => {
        const { context, offsite } = await shared.newContextIn(lang);
        const page = await context.newPage();
        const problems: string[] = [];
        const seen = new Set<string>();
        await visitJourneys(page, planJourneys(form), {
          check: async (step, state) => {
            seen.add(step.key);
            checked.add(step.key);
            const found = await problemsOn(page, offsite, state.startsWith('error'));
            if ((await pageLang(page)) !== lang) found.push(`the page is not in ${lang}`);
            problems.push(...located(step.url, state, found));
          },
        });
        await context.close();
        expect(problems).toEqual([]);
        expect([...seen].sort()).toEqual([...formPageKeys(form)].sort());
      },
      FORM_TIMEOUT,
    );

    // jest refuses `each` over an empty table: a part without a framework language has no such test.
    if (languagesHere.length > 0)
      it.each(languagesHere)(
        'the form list, page not found, CSRF refused, session expired, clear answers and agency legal pages have no violation (%s)',
        async (lang) => {
          const { context, offsite } = await shared.newContextIn(lang);
          const page = await context.newPage();
          const problems: string[] = [];
          for (const shown of servicePages(forms)) {
            let status: number;
            if (shown.postFrom) {
              await open(page, shown.postFrom);
              await page
                .locator('main form[method="post"] input[name="_csrf"]')
                .evaluate((e) => ((e as unknown as DomField).value = 'not-the-token'));
              status = await navigation(page, () =>
                page.locator('main form[method="post"] button[type="submit"]').first().click(),
              );
            } else {
              status = await open(page, shown.url);
            }
            if (status !== shown.status) {
              problems.push(`${shown.key}: status ${status}, expected ${shown.status}`);
              continue;
            }
            problems.push(...located(shown.key, 'shown', await problemsOn(page, offsite, false)));
            checked.add(shown.key);
          }
          await context.close();
          expect(problems).toEqual([]);
        },
      );

    it('checked every page a user can see in the languages of this part', () => {
      const expected = [
        ...formsHere.flatMap((form) => planJourneys(form).flatMap((journey) => journey.steps)),
        ...(languagesHere.length > 0 ? servicePages(forms) : []),
      ];
      const unchecked = expected.filter((p) => !checked.has(p.key));
      expect([...new Set(unchecked.map((p) => p.key))]).toEqual([]);
    });
  });
}
