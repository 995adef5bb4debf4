/**
 * What each page of the service costs to load, in the bytes the service sends a browser that accepts
 * brotli (headers aside): the measuring `npm run bench:weight` prints and the budget test asserts.
 * The pages are found by walking the journeys planned from the definitions over HTTP.
 */
import request, { type Response } from 'supertest';
import type { CivicFormsApp } from '../../src/web/app';
import { planJourneys } from '../browser/support/pages';
import { Visitor } from './agent';

/** The budgets, in compressed bytes. */
export const BUDGETS = {
  /** HTML and render-blocking CSS: what arrives in the first round trip (10 TCP segments, RFC 6928). */
  firstRoundTrip: 14 * 1024,
  /** Everything a first visit loads. */
  firstVisit: 30 * 1024,
} as const;

const ACCEPT_ENCODING = 'br';

/** One page's weight, in compressed bytes. */
export interface PageWeight {
  /** The page's URL (an item page's for the first item). */
  url: string;
  status: number;
  /** The page's HTML as first opened. */
  html: number;
  /** The page's HTML after submitting it empty (error summary, inline messages), where that is refused. */
  htmlWithErrors?: number;
  /** Stylesheets and classic scripts in the head: nothing is drawn until they arrive. */
  renderBlocking: number;
  /** Every file the page loads: stylesheets, scripts and their imports. */
  assets: number;
  /** The HTML and every file it loads: a first visit, nothing cached. */
  firstVisit: number;
  /** The HTML and what is not cached for good: a later page (assets are hashed and immutable). */
  laterPage: number;
}

/** A file a page loads, as sent. */
export interface Resource {
  url: string;
  bytes: number;
  blocking: boolean;
  immutable: boolean;
}

/** A measured page, with the files it loads. */
export interface MeasuredPage extends PageWeight {
  files: Resource[];
}

/** The bytes of a response body on the wire, as its Content-Length says. */
function wireBytes(url: string, response: Response): number {
  const length = response.headers['content-length'];
  if (length === undefined) throw new Error(`${url}: no Content-Length to measure`);
  return Number(length);
}

/** A tag's attributes by name (`defer` and other bare attributes have the value ''). */
function attributes(tag: string): Map<string, string> {
  return new Map(
    [...tag.matchAll(/\s([\w-]+)(?:="([^"]*)")?/g)].map(([, name = '', value = '']) => [
      name.toLowerCase(),
      value,
    ]),
  );
}

/** The stylesheets, scripts and images an HTML page links to, and whether each holds up its rendering. */
function linkedFiles(html: string): Array<{ url: string; blocking: boolean }> {
  const head = html.slice(0, html.indexOf('<body'));
  const tags = (name: string) =>
    [...html.matchAll(new RegExp(`<${name}\\b[^>]*>`, 'g'))].map(([tag]) => ({
      tag,
      inHead: head.includes(tag),
      attrs: attributes(tag),
    }));
  const styles = tags('link')
    .filter(({ attrs }) => attrs.get('rel') === 'stylesheet' && attrs.has('href'))
    .map(({ attrs, inHead }) => ({ url: attrs.get('href') ?? '', blocking: inHead }));
  // Module scripts are deferred; a classic script in the head stops the parser until it has run.
  const scripts = tags('script')
    .filter(({ attrs }) => attrs.has('src'))
    .map(({ attrs, inHead }) => ({
      url: attrs.get('src') ?? '',
      blocking:
        inHead && attrs.get('type') !== 'module' && !attrs.has('defer') && !attrs.has('async'),
    }));
  // Images (an agency's logo) wait for nothing and hold nothing up, but a first visit loads them.
  const images = tags('img')
    .filter(({ attrs }) => attrs.has('src') && !attrs.get('src')?.startsWith('data:'))
    .map(({ attrs }) => ({ url: attrs.get('src') ?? '', blocking: false }));
  return [...styles, ...scripts, ...images];
}

/** Weighs pages of one app, fetching each asset once. */
class Scales {
  private readonly resources = new Map<string, Promise<Resource & { imports: string[] }>>();

  constructor(private readonly app: CivicFormsApp) {}

  private fetch(url: string, blocking: boolean): Promise<Resource & { imports: string[] }> {
    let found = this.resources.get(url);
    if (!found) {
      found = request(this.app)
        .get(url)
        .set('Accept-Encoding', ACCEPT_ENCODING)
        .then((response) => {
          if (response.status !== 200) throw new Error(`${url} gave ${response.status}`);
          const text = /javascript/.test(String(response.headers['content-type']))
            ? response.text
            : '';
          return {
            url,
            bytes: wireBytes(url, response),
            blocking,
            immutable: /\bimmutable\b/.test(String(response.headers['cache-control'])),
            // A module's static imports load before it runs: they are part of the visit too.
            imports: [...text.matchAll(/\bimport\s*(?:[\w${}*,\s]+\sfrom\s*)?"(\/[^"]+)"/g)].map(
              ([, imported = '']) => imported,
            ),
          };
        });
      this.resources.set(url, found);
    }
    return found;
  }

  /** Every file a page loads, its scripts' imports included. */
  async filesOf(html: string): Promise<Resource[]> {
    const loaded = new Map<string, Resource>();
    const queue = linkedFiles(html);
    for (let next = queue.shift(); next; next = queue.shift()) {
      if (loaded.has(next.url)) continue;
      const file = await this.fetch(next.url, next.blocking);
      loaded.set(next.url, file);
      queue.push(...file.imports.map((url) => ({ url, blocking: false })));
    }
    return [...loaded.values()];
  }

  async weigh(url: string, page: Response, withErrors?: Response): Promise<MeasuredPage> {
    const html = wireBytes(url, page);
    const files = await this.filesOf(page.text);
    const sum = (list: Resource[]) => list.reduce((total, file) => total + file.bytes, 0);
    return {
      url,
      status: page.status,
      html,
      ...(withErrors ? { htmlWithErrors: wireBytes(url, withErrors) } : {}),
      renderBlocking: sum(files.filter((f) => f.blocking)),
      assets: sum(files),
      firstVisit: html + sum(files),
      laterPage: html + sum(files.filter((f) => !f.immutable)),
      files,
    };
  }
}

/** HTML (in its heavier state) and render-blocking files: what must arrive before anything is drawn. */
export function firstRoundTrip(page: PageWeight): number {
  return Math.max(page.html, page.htmlWithErrors ?? 0) + page.renderBlocking;
}

/** A first visit to the page in its heavier state. */
export function heaviestFirstVisit(page: PageWeight): number {
  return Math.max(page.html, page.htmlWithErrors ?? 0) + page.assets;
}

/** A visitor whose browser accepts brotli. */
function visitor(app: CivicFormsApp): Visitor {
  const v = new Visitor(app);
  v.agent.set('Accept-Encoding', ACCEPT_ENCODING);
  return v;
}

/**
 * Weighs every page of every form the app serves (start, question and item pages, section summary
 * and remove pages, exit pages, check answers, confirmation), each once, walking over HTTP the
 * journeys planned from the definitions; then the form list and the "page not found" page.
 */
export async function weighService(app: CivicFormsApp): Promise<MeasuredPage[]> {
  const scales = new Scales(app);
  const pages: MeasuredPage[] = [];
  for (const form of app.forms.values()) {
    const done = new Set<string>();
    for (const journey of planJourneys(form)) {
      const person = visitor(app);
      for (const step of journey.steps) {
        const page = await person.get(step.url);
        if (page.status !== 200) throw new Error(`${step.url} gave ${page.status}, not the page`);
        if (!done.has(step.key)) {
          done.add(step.key);
          const refused = step.required ? await person.post(step.url, {}) : undefined;
          if (refused && refused.status !== 400) {
            throw new Error(`${step.url} accepted an empty answer (${refused.status})`);
          }
          pages.push(await scales.weigh(step.url, page, refused));
        }
        if (step.answer) {
          const posted = await person.post(step.url, step.answer);
          if (posted.status !== 303) throw new Error(`${step.url} refused the planned answer`);
        }
      }
    }
  }
  const anyone = visitor(app);
  pages.push(await scales.weigh('/', await anyone.get('/')));
  pages.push(await scales.weigh('/no-such-page', await anyone.get('/no-such-page')));
  return pages;
}

/** The weights as a table of bytes, with the heaviest pages against the budgets under it. */
export function weightTable(pages: readonly PageWeight[]): string {
  const width = Math.max(...pages.map((p) => p.url.length), 4);
  const row = (cells: Array<string | number | undefined>) =>
    [String(cells[0]).padEnd(width), ...cells.slice(1).map((c) => String(c ?? '-').padStart(10))]
      .join(' ')
      .trimEnd();
  const worst = (pick: (p: PageWeight) => number) =>
    pages.reduce((a, b) => (pick(b) > pick(a) ? b : a));
  const roundTrip = worst(firstRoundTrip);
  const first = worst(heaviestFirstVisit);
  return [
    row(['page', 'HTML', 'w/ errors', 'block CSS', 'first', 'later']),
    ...pages.map((p) =>
      row([p.url, p.html, p.htmlWithErrors, p.renderBlocking, p.firstVisit, p.laterPage]),
    ),
    '',
    `heaviest HTML + render-blocking CSS: ${firstRoundTrip(roundTrip)} bytes (${roundTrip.url}), budget ${BUDGETS.firstRoundTrip}`,
    `heaviest first visit: ${heaviestFirstVisit(first)} bytes (${first.url}), budget ${BUDGETS.firstVisit}`,
  ].join('\n');
}
