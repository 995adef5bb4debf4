import type { BrowserContext, Page } from 'playwright-core';
import { languagesOf } from '../../src/definition/translation';
import { EXAMPLE_FORMS } from '../support/agent';
import { ANSWERS } from '../paper/sent-application';
import { sharedService } from './support/browser';
import { axeViolations, located, pageRules } from './support/checks';
import { open } from './support/journeys';
import { exampleForms } from './support/pages';

const forms = exampleForms();
const formsInLanguages = forms.flatMap((form) =>
  languagesOf(form).map((lang) => [`${form.id} (${lang})`, form, lang] as const),
);

async function problemsOn(page: Page, url: string, offsite: string[]): Promise<string[]> {
  const status = await open(page, url);
  const problems = [...(await pageRules(page)), ...(await axeViolations(page))];
  if (status !== 200) problems.push(`answered ${status}`);
  if (offsite.length > 0)
    problems.push(`requests left the service: ${offsite.splice(0).join(', ')}`);
  return located(url, 'shown', problems);
}

/** Sends the council tax reduction form on the context's session, as its pages would post it. */
async function sendApplication(context: BrowserContext): Promise<void> {
  let url = '/council-tax-reduction/your-area';
  for (const answer of [...ANSWERS, {}]) {
    const page = await context.request.get(url);
    const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
    const body = new URLSearchParams({ _csrf: token });
    const fields = answer.phone ? { ...answer, email: '' } : answer;
    for (const [name, value] of Object.entries(fields)) {
      for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
    }
    const posted = await context.request.post(url, {
      data: body.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      maxRedirects: 0,
    });
    url = posted.headers().location ?? '';
    if (posted.status() !== 303) throw new Error(`POST gave ${posted.status()}`);
  }
  if (url !== '/council-tax-reduction/confirmation') throw new Error(`sent to ${url}`);
}

describe('the paper channel in a browser (axe-core in Chromium)', () => {
  const shared = sharedService({ formsDir: EXAMPLE_FORMS });

  it.each(formsInLanguages)(
    '%s: the printable paper form and the start page offering it have no violation',
    async (_name, form, lang) => {
      const { context, offsite } = await shared.newContextIn(lang);
      const page = await context.newPage();
      const problems = [
        ...(await problemsOn(page, `/${form.id}/paper`, offsite)),
        ...(await problemsOn(page, `/${form.id}`, offsite)),
      ];
      expect(await page.locator(`a[href="/${form.id}/paper?lang=${lang}"]`).count()).toBe(1);
      expect(await page.locator(`a[href="/${form.id}/paper.pdf?lang=${lang}"]`).count()).toBe(1);
      await context.close();
      expect(problems).toEqual([]);
    },
  );

  it.each(['en', 'cy', 'es', 'ar'])(
    'the confirmation page with the download link has no violation, and the link gives a PDF (%s)',
    async (lang) => {
      const { context, offsite } = await shared.newContextIn(lang);
      await sendApplication(context);
      const page = await context.newPage();
      const problems = await problemsOn(page, '/council-tax-reduction/confirmation', offsite);
      const link = page.locator('a[href^="/council-tax-reduction/confirmation/answers.pdf"]');
      expect(await link.count()).toBe(1);
      const pdf = await context.request.get((await link.getAttribute('href')) ?? '');
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-type']).toBe('application/pdf');
      await context.close();
      expect(problems).toEqual([]);
    },
  );

  it('prints the paper form without the page furniture', async () => {
    const { context } = await shared.newContext();
    const page = await context.newPage();
    await open(page, '/council-tax-reduction/paper');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.govuk-footer').isVisible()).toBe(false);
    expect(await page.locator('.cf-paper-screen').isVisible()).toBe(false);
    expect(await page.locator('.cf-paper-qr').isVisible()).toBe(true);
    await context.close();
  });
});
