import { addAccount, PASSWORD } from '../support/caseworker';
import { EXAMPLE_FORMS } from '../support/agent';
import { sharedService } from './support/browser';
import { axeViolations, errorSummaryFocused, located, pageLang, pageRules } from './support/checks';
import { navigation, open, pathOf } from './support/journeys';

/** The languages the administration pages are checked in: every one the framework ships. */
const LANGUAGES = ['en', 'cy', 'es', 'ar'];
const SIGN_IN_BUTTON = 'main form button.govuk-button:not(.govuk-password-input__toggle)';

describe('the administration pages in Chromium', () => {
  const shared = sharedService({ formsDir: EXAMPLE_FORMS });
  beforeAll(async () => {
    const { store } = shared.app;
    await addAccount(store, 'pat.platform', { role: 'platform-admin', displayName: 'Pat Reid' });
    await addAccount(store, 'sian.evans', { agency: 'northbrook-council' });
    const at = Date.now() - 3_600_000;
    const event = { formVersion: '1.0', language: 'en', js: true, device: 'desktop' as const };
    await store.events.appendJourneyEvents([
      {
        ...event,
        at,
        formId: 'council-tax-reduction',
        journeyId: 'j1',
        type: 'start',
        channel: 'online',
      },
      {
        ...event,
        at,
        formId: 'council-tax-reduction',
        journeyId: 'j1',
        type: 'submit',
        channel: 'online',
      },
    ]);
  });

  it.each(LANGUAGES)(
    'the platform overview, the staff list, an account and adding one with errors have no violation (%s)',
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
      expect(await open(page, '/admin/platform')).toBe(200);
      expect(pathOf(page)).toBe('/caseworker/sign-in');
      await page.fill('#username', 'pat.platform');
      await page.fill('#password', PASSWORD);
      await check('overview', await navigation(page, () => page.click(SIGN_IN_BUTTON)), 200);
      expect(pathOf(page)).toBe('/admin/platform');
      await check('staff', await open(page, '/admin/staff'), 200);
      await check('account', await open(page, '/admin/staff/accounts/sian.evans'), 200);
      await open(page, '/admin/staff/new');
      await page.fill('#username', 'a b');
      await check(
        'add with errors',
        await navigation(page, () =>
          page.click('main form button[type="submit"]:not(.govuk-password-input__toggle)'),
        ),
        400,
        true,
      );
      await context.close();
      expect(problems).toEqual([]);
    },
    120_000,
  );
});
