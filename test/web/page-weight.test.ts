import { formPageKeys } from '../browser/support/pages';
import type { CivicFormsApp } from '../../src/web/app';
import { EXAMPLE_FORMS, testApp } from '../support/agent';
import {
  BUDGETS,
  firstRoundTrip,
  heaviestFirstVisit,
  weighService,
  type MeasuredPage,
} from '../support/page-weight';

jest.setTimeout(60_000);

/** The pages over a budget, with their bytes, so a failure names them. */
function over(pages: MeasuredPage[], weight: (page: MeasuredPage) => number, budget: number) {
  return pages
    .filter((page) => weight(page) > budget)
    .map((page) => `${page.url}: ${weight(page)} bytes`);
}

describe('page weight (bytes sent with brotli)', () => {
  let app: CivicFormsApp;
  let pages: MeasuredPage[];
  beforeAll(async () => {
    app = testApp({ formsDir: EXAMPLE_FORMS });
    pages = await weighService(app);
  }, 120_000);
  afterAll(() => app.close());

  it('weighs every page of every example form, the form list and the page not found', () => {
    const expected = [...app.forms.values()].flatMap((form) =>
      formPageKeys(form).map((key) => key.replace('{n}', '1')),
    );
    expect(pages.map((p) => p.url).sort()).toEqual([...expected, '/', '/no-such-page'].sort());
    // Every form page of an example agency loads its logo, so its weight is in the budget below.
    const logos = pages.filter((p) => p.files.some((f) => /\/logo-/.test(f.url)));
    expect(logos.length).toBe(expected.length);
    expect(pages.find((p) => p.url === '/no-such-page')?.status).toBe(404);
  });

  it(`keeps HTML and render-blocking CSS of every page, errors shown, within ${BUDGETS.firstRoundTrip} bytes`, () => {
    expect(over(pages, firstRoundTrip, BUDGETS.firstRoundTrip)).toEqual([]);
  });

  it(`keeps everything a first visit to any page loads within ${BUDGETS.firstVisit} bytes`, () => {
    expect(over(pages, heaviestFirstVisit, BUDGETS.firstVisit)).toEqual([]);
  });

  it('blocks rendering on the stylesheet alone: the script is a module, which waits for the page', () => {
    for (const page of pages) {
      const blocking = page.files.filter((f) => f.blocking).map((f) => f.url);
      const waiting = page.files.filter((f) => !f.blocking).map((f) => f.url);
      expect([page.url, blocking, waiting]).toEqual([
        page.url,
        [expect.stringMatching(/\.css$/)],
        // The module, then the agency's logo where it has one.
        waiting.length === 2
          ? [
              expect.stringMatching(/\.js$/),
              expect.stringMatching(/\/logo-[a-z-]+-[0-9a-f]{12}\.svg$/),
            ]
          : [expect.stringMatching(/\.js$/)],
      ]);
    }
  });

  it('loads only its HTML on a later page: every asset is hashed and immutable', () => {
    expect(pages.filter((p) => p.laterPage !== p.html).map((p) => p.url)).toEqual([]);
    expect(pages.flatMap((p) => p.files).every((f) => f.immutable)).toBe(true);
  });
});
