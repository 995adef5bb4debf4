/**
 * Completes one example form in Chromium under Chrome DevTools' "3G" profile (400 kbps down and up,
 * 400 ms round trip) and prints the time of each page, from the click to the next page's load event,
 * and the total. The answers come from the same explorer the HTTP tests use.
 *
 *   npm run bench:network            (BENCH_FORM=report-housing-repair by default)
 */
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { loadForms } from '../src/definition/load';
import { launchBrowser } from '../test/browser/support/browser';
import { EXAMPLE_FORMS, testApp, Visitor } from '../test/support/agent';
import { explore, type Body } from '../test/support/form-filler';

const FORM = process.env.BENCH_FORM ?? 'report-housing-repair';
const THREE_G = {
  offline: false,
  latency: 400,
  downloadThroughput: 50_000,
  uploadThroughput: 50_000,
};

async function fill(page: Page, body: Body): Promise<void> {
  for (const [name, value] of Object.entries(body)) {
    for (const one of Array.isArray(value) ? value : [value]) {
      const field = page.locator(`[name="${name}"]`).first();
      const kind = await field.evaluate((el) =>
        el instanceof HTMLInputElement ? el.type : el.tagName.toLowerCase(),
      );
      if (kind === 'radio' || kind === 'checkbox')
        await page.check(`[name="${name}"][value="${one}"]`);
      else if (kind === 'select') await field.selectOption(one);
      else await field.fill(one);
    }
  }
}

async function timed(page: Page, action: () => Promise<unknown>): Promise<number> {
  const started = Date.now();
  await Promise.all([page.waitForEvent('load'), action()]);
  return Date.now() - started;
}

async function main(): Promise<void> {
  const form = loadForms(EXAMPLE_FORMS).get(FORM);
  if (!form) throw new Error(`no example form "${FORM}"`);
  const app = testApp({ formsDir: EXAMPLE_FORMS });
  const journey = await explore(new Visitor(app), form, 'check-answers');
  if (!journey) throw new Error(`no way through ${FORM}`);
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ baseURL: base });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', THREE_G);
    console.log(
      `civic-forms over "3G" (400 kbps, 400 ms RTT): ${FORM}, ${journey.path.length} question pages`,
    );
    const rows: Array<[string, number]> = [];
    rows.push([
      `/${FORM} (first visit, cold cache)`,
      await timed(page, () => page.goto(`/${FORM}`)),
    ]);
    rows.push([
      journey.path[0]?.url ?? '',
      await timed(page, () => page.click('.govuk-button--start')),
    ]);
    for (const [i, step] of journey.path.entries()) {
      await fill(page, step.body);
      const next = journey.path[i + 1]?.url ?? `/${FORM}/check-answers`;
      rows.push([
        next,
        await timed(page, () => page.click('form[method="post"] button.govuk-button')),
      ]);
    }
    rows.push([
      `/${FORM}/confirmation`,
      await timed(page, () => page.click('form[method="post"] button.govuk-button')),
    ]);
    for (const [url, ms] of rows) console.log(`${String(ms).padStart(6)} ms  ${url}`);
    const total = rows.reduce((sum, [, ms]) => sum + ms, 0);
    console.log(
      `${String(total).padStart(6)} ms  total, ${rows.length} pages (${Math.round(total / rows.length)} ms a page)`,
    );
    if (!(await page.textContent('.cf-reference')))
      throw new Error('the journey did not reach its confirmation');
  } finally {
    await browser.close();
    server.close();
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
