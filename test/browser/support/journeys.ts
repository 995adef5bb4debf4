import { SESSION_COOKIE } from '../../../src/web/session-expiry';
import type { BrowserContext, Page } from 'playwright-core';
import type { DomField, InPage } from './dom';
import type { Body, Journey, JourneyStep } from './pages';

/**
 * The states a page is seen in: `shown` (a page without questions), `empty` (as first opened),
 * `error-empty` (submitted empty), `error-wrong` (submitted with answers the service refuses) and
 * `filled` (opened again after answering, showing the stored answers).
 */
export type PageState = 'shown' | 'empty' | 'error-empty' | 'error-wrong' | 'filled';

/** The states each page of a journey can be seen in. */
export function statesOf(step: JourneyStep): PageState[] {
  switch (step.kind) {
    case 'question':
    case 'item': {
      const states: PageState[] = ['empty'];
      if (step.required) states.push('error-empty');
      if (step.wrong) states.push('error-wrong');
      return [...states, 'filled'];
    }
    case 'section-summary':
    case 'remove-item':
      return ['empty', 'error-empty'];
    default:
      return ['shown'];
  }
}

const REDIRECT = new Set([301, 302, 303, 307, 308]);

/** The path the browser is on, without the query. */
export function pathOf(page: Page): string {
  return new URL(page.url()).pathname;
}

/** Opens a URL of the service and returns the HTTP status of the page it ends on. */
export async function open(page: Page, url: string): Promise<number> {
  const response = await page.goto(url, { waitUntil: 'load' });
  return response?.status() ?? 0;
}

/**
 * Runs an action that makes the page navigate (a click, a key press), waits for the new page to
 * load, and returns its HTTP status (after any redirect).
 */
export async function navigation(page: Page, action: () => Promise<void>): Promise<number> {
  const landed = page.waitForResponse(
    (r) =>
      r.request().isNavigationRequest() &&
      r.frame() === page.mainFrame() &&
      !REDIRECT.has(r.status()),
  );
  const committed = page.waitForEvent('framenavigated', (frame) => frame === page.mainFrame());
  await action();
  const [response] = await Promise.all([landed, committed]);
  await page.waitForLoadState('load');
  return response.status();
}

/**
 * Presses the page's submit button (Continue, Send...) and waits for the next page: not a file
 * question's Upload file or Remove buttons, which post the page to stay on it.
 */
export function submit(page: Page): Promise<number> {
  return navigation(page, () =>
    page
      .locator(
        'main form[method="post"] button[type="submit"]:not([value="upload"]):not([name="remove"])',
      )
      .first()
      .click(),
  );
}

/** Empties every field of the page's form: no text, nothing ticked, nothing chosen. */
export async function clearFields(page: Page): Promise<void> {
  await page.evaluate(() => {
    const { document } = globalThis as unknown as InPage;
    for (const element of document.querySelectorAll('main form[method="post"] [name]')) {
      const field = element as DomField;
      if (field.type === 'hidden' || field.tagName === 'BUTTON') continue;
      if (field.type === 'radio' || field.type === 'checkbox') field.checked = false;
      else if (field.tagName === 'SELECT') field.selectedIndex = 0;
      else field.value = '';
    }
  });
}

/** Types answers into the page's fields and ticks or chooses options, as a person would. */
export async function fill(page: Page, body: Body): Promise<void> {
  for (const [name, value] of Object.entries(body)) {
    const fields = page.locator(`main form[method="post"] [name="${name}"]`);
    const kind = await fields
      .first()
      .evaluate((e) => `${(e as unknown as DomField).tagName}:${(e as unknown as DomField).type}`);
    const values = Array.isArray(value) ? value : [value];
    if (kind === 'INPUT:radio' || kind === 'INPUT:checkbox') {
      for (const v of values) {
        await page.locator(`main form[method="post"] [name="${name}"][value="${v}"]`).check();
      }
    } else if (kind.startsWith('SELECT')) {
      await fields.first().selectOption(values[0] ?? '');
    } else {
      await fields.first().fill(values[0] ?? '');
    }
  }
}

/**
 * Moves a journey from its first given step to its last without the browser rendering the pages:
 * the GET and POST (with the page's CSRF token) of each step but the last, on the context's cookies,
 * so the browser then opens the last step of the same journey. Each POST must lead to the next
 * step, which checks the plan against the service. Milliseconds a step, not a page load.
 */
export async function fastForward(context: BrowserContext, steps: JourneyStep[]): Promise<void> {
  for (const [i, step] of steps.slice(0, -1).entries()) {
    if (!step.answer) continue;
    const page = await context.request.get(step.url);
    const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
    const form = new URLSearchParams({ _csrf: token });
    for (const [name, value] of Object.entries(step.answer)) {
      for (const v of Array.isArray(value) ? value : [value]) form.append(name, v);
    }
    const posted = await context.request.post(step.url, {
      data: form.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      maxRedirects: 0,
    });
    const expected = steps[i + 1]?.url;
    const location = posted.headers().location;
    if (posted.status() !== 303 || (expected && location !== expected)) {
      throw new Error(
        `POST ${step.url} gave ${posted.status()} ${location ?? ''}, not ${expected}`,
      );
    }
  }
}

export interface VisitOptions {
  /** Whether to see this step in this state (defaults to every state). */
  wants?(step: JourneyStep, state: PageState): boolean;
  /** Runs the test's checks, with the browser on the page in that state. */
  check(step: JourneyStep, state: PageState): Promise<void>;
}

async function showState(page: Page, step: JourneyStep, state: PageState): Promise<void> {
  if (state !== 'error-empty' && state !== 'error-wrong') return;
  await clearFields(page);
  if (state === 'error-wrong' && step.wrong) await fill(page, step.wrong);
  const status = await submit(page);
  if (status !== 400 || pathOf(page) !== step.url) {
    throw new Error(`${step.url} submitted (${state}) gave ${status} at ${page.url()}, not 400`);
  }
}

/**
 * Drives the browser through journeys, seeing each page (by key) once in each state the options
 * want. The browser opens a page only to see it: between those pages the journey moves on over
 * HTTP (see `fastForward`), and the error states are submitted by the browser. Pages with stored
 * answers are opened again before check answers is sent (sending ends the draft). Each journey
 * starts on a fresh session.
 */
export async function visitJourneys(
  page: Page,
  journeys: Journey[],
  options: VisitOptions,
): Promise<void> {
  const wants = options.wants ?? (() => true);
  const seen = new Set<string>();
  for (const { steps } of journeys) {
    if (steps.every((s) => seen.has(s.key))) continue;
    // A fresh session for each journey, in the language the context was opened in.
    await page.context().clearCookies({ name: SESSION_COOKIE });
    const sending = steps.findIndex((s) => s.kind === 'check-answers');
    const answered: JourneyStep[] = [];
    let at = 0;
    /** Moves the journey on to a step: opens answered pages again first if it passes check answers. */
    const advance = async (to: number) => {
      if (answered.length > 0 && sending >= at && sending < to) await advance(sending);
      await fastForward(page.context(), steps.slice(at, to + 1));
      at = to;
      if (at !== sending || answered.length === 0) return;
      for (const step of answered.splice(0)) {
        await open(page, step.url);
        await options.check(step, 'filled');
      }
    };
    for (const [i, step] of steps.entries()) {
      if (seen.has(step.key)) continue;
      seen.add(step.key);
      const states = statesOf(step).filter((s) => wants(step, s));
      if (states.includes('filled')) answered.push(step);
      const now = states.filter((s) => s !== 'filled');
      if (now.length === 0) continue;
      await advance(i);
      const status = await open(page, step.url);
      if (status !== 200 || pathOf(page) !== step.url) {
        throw new Error(`opening ${step.url} gave ${status} at ${page.url()}`);
      }
      for (const state of now) {
        await showState(page, step, state);
        await options.check(step, state);
      }
    }
    if (answered.length > 0) {
      await advance(Math.max(at, sending >= 0 ? sending : steps.length - 1));
      for (const step of answered.splice(0)) {
        await open(page, step.url);
        await options.check(step, 'filled');
      }
    }
  }
}
