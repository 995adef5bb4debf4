import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import type { CivicFormsApp } from '../../../src/web/app';
import { testApp, type TestAppOptions } from '../../support/agent';
import { LANG_COOKIE } from '../../../src/web/language';

/** Debian's Chromium: the tests never download a browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Launches headless Chromium with the flags this workplace needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
}

/** The real service on a free port of the loopback interface. */
export interface RunningService {
  app: CivicFormsApp;
  baseUrl: string;
  stop(): Promise<void>;
}

/** Starts the service as a browser sees it: listening, on its own database. */
export async function startService(options: TestAppOptions = {}): Promise<RunningService> {
  const app = testApp(options);
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  // Node closes a keep-alive connection after 5 s idle. On a busy machine axe can take longer than
  // that on one page, and the next request of Playwright's client, sent on the connection as Node
  // closed it, failed with ECONNRESET; keep idle connections open longer than any gap in a test.
  server.keepAliveTimeout = 120_000;
  const { port } = server.address() as AddressInfo;
  return {
    app,
    baseUrl: `http://127.0.0.1:${port}`,
    stop: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await app.close();
    },
  };
}

/** A browser context that refuses any request that leaves the service (nothing goes to a third party). */
export async function isolatedContext(
  browser: Browser,
  baseUrl: string,
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<{ context: BrowserContext; offsite: string[] }> {
  const context = await browser.newContext({ baseURL: baseUrl, ...options });
  const offsite: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(baseUrl) || url.startsWith('data:')) return route.continue();
    offsite.push(url);
    return route.abort();
  });
  return { context, offsite };
}

/** A browser and a running service for one test file, started before its tests and stopped after. */
export interface SharedService {
  /** A new isolated browser context on the service (requests leaving it are aborted and listed). */
  newContext(options?: Parameters<Browser['newContext']>[0]): ReturnType<typeof isolatedContext>;
  /** A new isolated context whose pages are in a language (as if chosen once with `?lang=`). */
  newContextIn(lang: string): ReturnType<typeof isolatedContext>;
  readonly app: CivicFormsApp;
}

/** Registers the file's beforeAll/afterAll that start Chromium and the service, and stop them. */
export function sharedService(options: TestAppOptions = {}): SharedService {
  let browser: Browser | undefined;
  let service: RunningService | undefined;
  beforeAll(async () => {
    [browser, service] = await Promise.all([launchBrowser(), startService(options)]);
  });
  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });
  const started = () => {
    if (!browser || !service) throw new Error('the browser and service start in beforeAll');
    return { browser, service };
  };
  return {
    newContext: (contextOptions) => {
      const { browser: b, service: s } = started();
      return isolatedContext(b, s.baseUrl, contextOptions);
    },
    async newContextIn(lang) {
      const { browser: b, service: s } = started();
      const opened = await isolatedContext(b, s.baseUrl);
      await opened.context.addCookies([{ name: LANG_COOKIE, value: lang, url: s.baseUrl }]);
      return opened;
    },
    get app() {
      return started().service.app;
    },
  };
}
