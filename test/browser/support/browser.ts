import type { AddressInfo } from 'node:net';
import http from 'node:http';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import type { CivicFormsApp } from '../../../src/web/app';
import { testApp, type TestAppOptions } from '../../support/agent';
import { LANG_COOKIE } from '../../../src/web/language';
import { AXE_PATH, AXE_SCRIPT } from './checks';

/** Debian's Chromium: the tests never download a browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Chromium features Playwright 1.65 turns off (read from the browser's command line), which the
 * `--disable-features` below must repeat: Chromium keeps only the last `--disable-features` it is
 * given. test/browser/isolation.browser.test.ts fails if a Playwright upgrade adds one.
 */
const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];

/**
 * The address bar's drop-down is a web page of its own in this Chromium (chrome://omnibox-popup),
 * kept in a renderer process that works on every navigation although headless Chromium never shows
 * it: a third of the browser's CPU time for each page a test opens. Nothing a page does depends on
 * it.
 */
const OMNIBOX_POPUP_FEATURES = [
  'WebUIOmniboxPopup',
  'WebUIOmniboxFullPopup',
  'WebUIOmniboxAimPopup',
];

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  // Names resolve to nothing but the loopback address the service listens on, so a request meant
  // for a third party fails in the browser. Tests see it too: isolatedContext lists every such URL.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
  `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...OMNIBOX_POPUP_FEATURES].join(',')}`,
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
  // The service, and beside it axe-core for the accessibility checks (see AXE_PATH).
  const server = http.createServer((request, response) => {
    if (request.url !== AXE_PATH) return void app(request, response);
    response.writeHead(200, {
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': 'public, max-age=86400',
    });
    response.end(AXE_SCRIPT);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
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

/**
 * A browser context that lists every request leaving the service (nothing goes to a third party).
 * Such a request fails in the browser (no name resolves but the service's, see FLAGS); the list is
 * how a test sees that one was made. The requests are watched, not intercepted: Playwright turns
 * the browser's HTTP cache off for a context whose requests it routes, and a browser that fetches
 * the stylesheet, script and fonts again on every page is neither what users have nor quick.
 */
export async function isolatedContext(
  browser: Browser,
  baseUrl: string,
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<{ context: BrowserContext; offsite: string[] }> {
  const context = await browser.newContext({ baseURL: baseUrl, ...options });
  const offsite: string[] = [];
  context.on('request', (request) => {
    const url = request.url();
    const own = url.startsWith(`${baseUrl}/`) || url.startsWith(`blob:${baseUrl}/`);
    if (!own && !url.startsWith('data:')) offsite.push(url);
  });
  return { context, offsite };
}

/** A browser and a running service for one test file, started before its tests and stopped after. */
export interface SharedService {
  /** A new isolated browser context on the service (a request leaving it fails and is listed). */
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
