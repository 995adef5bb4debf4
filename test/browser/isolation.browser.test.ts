import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import {
  isolatedContext,
  launchBrowser,
  startService,
  type RunningService,
} from './support/browser';

/** The command line of each Chromium this process started (Linux: from /proc). */
function chromiumCommandLines(): string[][] {
  const lines: string[][] = [];
  for (const pid of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const args = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      if (parent === process.pid && args.some((a) => a.startsWith('--remote-debugging')))
        lines.push(args);
    } catch {
      // A process that ended while the list was read.
    }
  }
  return lines;
}

// Every browser test relies on what is checked here: that no request leaves the service unseen,
// and that the flags that make the browser quicker take nothing away from Playwright's own.
describe('the browser the tests drive', () => {
  let browser: Browser;
  let service: RunningService;
  beforeAll(async () => {
    [browser, service] = await Promise.all([launchBrowser(), startService()]);
  });
  afterAll(async () => {
    await browser?.close();
    await service?.stop();
  });

  it('lists a request meant for a third party, and the request never reaches anyone', async () => {
    const { context, offsite } = await isolatedContext(browser, service.baseUrl);
    const page = await context.newPage();
    await page.goto('/parking-permit/live-in-zone', { waitUntil: 'load' });
    // The service's page and everything it loads are not listed.
    expect(offsite).toEqual([]);
    // A page without the service's Content-Security-Policy, asking a third party for an image.
    const blank = await context.newPage();
    const failed = blank.waitForEvent('requestfailed');
    await blank.setContent('<img src="https://tracker.example/pixel.png" alt="">');
    const request = await failed;
    expect(request.url()).toBe('https://tracker.example/pixel.png');
    // No name but the loopback address resolves in the tests' browser.
    expect(request.failure()?.errorText).toBe('net::ERR_NAME_NOT_RESOLVED');
    expect(offsite).toEqual(['https://tracker.example/pixel.png']);
    await context.close();
  });

  it('keeps every feature Playwright turns off, and has no address bar drop-down page', async () => {
    const [args] = chromiumCommandLines();
    const lists = (args ?? [])
      .filter((a) => a.startsWith('--disable-features='))
      .map((a) => a.slice('--disable-features='.length).split(','));
    // Playwright's list first, ours last; Chromium uses only the last.
    expect(lists.length).toBeGreaterThanOrEqual(2);
    const used = lists.at(-1) ?? [];
    const dropped = lists.slice(0, -1).flatMap((list) => list.filter((f) => !used.includes(f)));
    expect(dropped).toEqual([]);

    const { context } = await isolatedContext(browser, service.baseUrl);
    const page = await context.newPage();
    await page.goto('/parking-permit/live-in-zone', { waitUntil: 'load' });
    const cdp = await browser.newBrowserCDPSession();
    const { targetInfos } = await cdp.send('Target.getTargets');
    expect(targetInfos.map((t) => `${t.type} ${t.url}`)).toEqual([
      `page ${service.baseUrl}/parking-permit/live-in-zone`,
    ]);
    await cdp.detach();
    await context.close();
  });
});
