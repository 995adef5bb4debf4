import fs from 'node:fs';
import path from 'node:path';
import { LOCALES_DIR } from '../../../src/web/i18n';
import type { Page } from 'playwright-core';
import type { DomElement, InPage } from './dom';

/** axe-core's rule sets for WCAG 2.0, 2.1 and 2.2 A and AA, and its best practices. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** axe-core's browser build, as `startService` serves it beside the service. */
export const AXE_SCRIPT = fs.readFileSync(require.resolve('axe-core/axe.min.js'));
/**
 * Where the browser tests' server serves axe-core (test/browser/support/browser.ts), from the
 * service's own origin so that its Content-Security-Policy lets the page load it. The browser then
 * keeps it in its cache and keeps the compiled code: injecting the 550 KB source into every page
 * instead (`page.evaluate`) cost about 360 ms a page, more than axe's run itself.
 */
export const AXE_PATH = '/__browser-tests__/axe.min.js';

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[] }>;
}

/** Runs axe-core in the page; returns one line per violation: rule id, what it is, and where. */
export async function axeViolations(page: Page): Promise<string[]> {
  const loaded = await page.evaluate(() => 'axe' in globalThis);
  if (!loaded) await page.addScriptTag({ url: AXE_PATH });
  const violations = await page.evaluate(async (tags) => {
    const axe = (
      globalThis as unknown as { axe: { run: (...args: unknown[]) => Promise<unknown> } }
    ).axe;
    const results = (await axe.run((globalThis as unknown as InPage).document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    })) as { violations: AxeViolation[] };
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  }, AXE_TAGS);
  return violations.map(
    (v) =>
      `axe ${v.id} (${v.impact ?? 'no impact'}: ${v.help}) at ${v.nodes
        .map((n) => n.target.map(String).join(' '))
        .join(' | ')}`,
  );
}

/**
 * The rules of PRODUCT.md every page keeps: `<html lang>`, "Error: " in the title exactly when an
 * error summary is shown, forms with `novalidate` and no `required`, the error summary first in
 * `<main>` with each link pointing at a field that exists and worded as that field's message.
 */
export async function pageRules(page: Page): Promise<string[]> {
  // The "Error:" prefix is in the page's language ("Gwall:", "خطأ:").
  const lang = (await pageLang(page)) ?? 'en';
  const prefix = errorPrefix(lang);
  return page.evaluate((prefix) => {
    const { document } = globalThis as unknown as InPage;
    const problems: string[] = [];
    const describe = (e: DomElement) =>
      `<${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${
        e.getAttribute('name') ? ` name=${e.getAttribute('name')}` : ''
      }>`;
    const words = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

    if (!document.documentElement.getAttribute('lang')) problems.push('<html> has no lang');
    const summary = document.querySelector('.govuk-error-summary');
    if (Boolean(summary) !== document.title.startsWith(`${prefix} `)) {
      problems.push(
        `title "${document.title}" ${summary ? 'lacks' : 'has'} "${prefix} " ` +
          `but the page ${summary ? 'shows' : 'has no'} an error summary`,
      );
    }
    for (const form of document.querySelectorAll('form')) {
      if (!form.hasAttribute('novalidate')) problems.push(`${describe(form)} has no novalidate`);
    }
    for (const field of document.querySelectorAll('[required]')) {
      problems.push(`${describe(field)} has the required attribute`);
    }
    if (!summary) return problems;

    let first = document.querySelector('main')?.firstElementChild ?? null;
    while (
      first &&
      !first.matches('.govuk-error-summary') &&
      first.matches('.govuk-grid-row, [class*="govuk-grid-column"]')
    ) {
      first = first.firstElementChild;
    }
    if (first !== summary) {
      problems.push(
        `the error summary is not the first thing in <main> (${first ? describe(first) : 'nothing'} is)`,
      );
    }
    const inline = [...document.querySelectorAll('.govuk-error-message')].map((m) =>
      words(m.textContent).startsWith(prefix)
        ? words(words(m.textContent).slice(prefix.length))
        : words(m.textContent),
    );
    const links = [...summary.querySelectorAll('.govuk-error-summary__list a')];
    if (links.length === 0) problems.push('the error summary lists no errors');
    for (const link of links) {
      const href = link.getAttribute('href') ?? '';
      const target = href.startsWith('#') ? document.getElementById(href.slice(1)) : null;
      if (!target) problems.push(`error summary link ${href} points at no element`);
      if (!inline.includes(words(link.textContent))) {
        problems.push(`error summary says "${words(link.textContent)}" but no field says so`);
      }
    }
    return problems;
  }, prefix);
}

/**
 * The page's `<html lang>`. Read with `evaluate` rather than `page.getAttribute`: Playwright's
 * selector engine is injected into each new document the first time a locator is used, about
 * 60 ms a page, and many checked pages never need it otherwise.
 */
export function pageLang(page: Page): Promise<string | null> {
  return page.evaluate(() =>
    (globalThis as unknown as InPage).document.documentElement.getAttribute('lang'),
  );
}

/** The "Error:" prefix of a language, from its locale file. */
function errorPrefix(lang: string): string {
  const common = JSON.parse(
    fs.readFileSync(path.join(LOCALES_DIR, lang, 'common.json'), 'utf8'),
  ) as {
    layout: { errorPrefix: string };
  };
  return common.layout.errorPrefix;
}

/** Whether the error summary has focus (govuk-frontend's JavaScript moves it there on load). */
export async function errorSummaryFocused(page: Page): Promise<boolean> {
  try {
    await page.waitForFunction(
      () =>
        (globalThis as unknown as InPage).document.activeElement?.matches('.govuk-error-summary') ??
        false,
      undefined,
      { timeout: 2000 },
    );
    return true;
  } catch {
    return false;
  }
}

/** Problems found on one page, each line starting with where and in which state. */
export function located(url: string, state: string, problems: string[]): string[] {
  return problems.map((p) => `${url} [${state}]: ${p}`);
}
