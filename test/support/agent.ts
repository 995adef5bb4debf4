import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { openSqliteStore } from '../../src/store/sqlite-store';
import { sqliteFile } from '../../src/store/open-store';
import { createApp, type AppOptions, type CivicFormsApp } from '../../src/web/app';

export const FIXTURE_FORMS = path.join(__dirname, '..', 'fixtures', 'forms');
export const EXAMPLE_FORMS = path.join(__dirname, '..', '..', 'forms');

const created: string[] = [];

/** A fresh data folder for one test's database, removed when the test file ends. */
export function tempDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'civic-forms-test-'));
  created.push(dir);
  return dir;
}

// Under jest, each test file removes the folders it made (scripts that borrow these helpers keep theirs).
if (typeof afterAll === 'function') {
  afterAll(() => {
    for (const dir of created.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });
}

/** What a test may give `testApp`: without a store, one is opened on SQLite under `dataDir`. */
export type TestAppOptions = Omit<AppOptions, 'store'> & { store?: AppOptions['store'] };

/** An app on a real SQLite database in a temporary folder (or the store given). */
export function testApp(options: TestAppOptions = {}): CivicFormsApp {
  const dataDir = options.dataDir ?? tempDataDir();
  return createApp({
    formsDir: FIXTURE_FORMS,
    logLevel: 'silent',
    ...options,
    dataDir,
    store: options.store ?? openSqliteStore({ file: sqliteFile({ dataDir }) }),
  });
}

/** The page's visible text of an element matched by a regular expression, tags removed. */
export function textOf(html: string, pattern: RegExp): string | undefined {
  const match = pattern.exec(html)?.[1];
  return match
    ?.replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The h1's text. */
export const h1 = (html: string) => textOf(html, /<h1[^>]*>([\s\S]*?)<\/h1>/);
/** The <title>. */
export const title = (html: string) => textOf(html, /<title>([\s\S]*?)<\/title>/);
/** The error summary's messages. */
export function summaryErrors(html: string): string[] {
  const list = /govuk-error-summary__list">([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '';
  return [...list.matchAll(/<a href="([^"]+)">([^<]*)<\/a>/g)].map((m) => `${m[1]} ${m[2]}`);
}
/** The inline error messages, without their visually hidden prefix. */
export function inlineErrors(html: string): string[] {
  return [...html.matchAll(/class="govuk-error-message"[^>]*>([\s\S]*?)<\/p>/g)].map((m) =>
    (m[1] ?? '')
      .replace(/<span class="govuk-visually-hidden">[^<]*<\/span>/, '')
      .replace(/\s+/g, ' ')
      .trim(),
  );
}

/** A browser-like client: keeps cookies, reads the CSRF token from each page it gets. */
export class Visitor {
  readonly agent: ReturnType<typeof request.agent>;
  csrf = '';
  html = '';

  constructor(readonly app: CivicFormsApp) {
    this.agent = request.agent(app);
  }

  async get(url: string): Promise<request.Response> {
    const response = await this.agent.get(url);
    this.html = response.text;
    const token = /name="_csrf" value="([^"]+)"/.exec(response.text)?.[1];
    if (token) this.csrf = token;
    return response;
  }

  /** Posts a form as a browser would (with the CSRF token), without following the redirect. */
  async post(url: string, fields: Record<string, string | string[]>): Promise<request.Response> {
    const response = await this.agent
      .post(url)
      .type('form')
      .send({ _csrf: this.csrf, ...fields });
    this.html = response.text;
    return response;
  }

  /** Gets a page, posts answers to it, and follows the redirect; returns where it landed. */
  async answer(url: string, fields: Record<string, string | string[]>): Promise<string> {
    await this.get(url);
    const response = await this.post(url, fields);
    if (response.status !== 303) {
      throw new Error(
        `POST ${url} gave ${response.status}: ${summaryErrors(response.text).join('; ')}`,
      );
    }
    return response.headers.location as string;
  }
}
