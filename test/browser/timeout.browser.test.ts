import { sharedService } from './support/browser';

const FORM = '/parking-permit';

describe('the session time-out warning', () => {
  const shared = sharedService({ sessionIdleMinutes: 20 });

  it('opens five minutes before the end, takes focus, and keeps the answers when asked', async () => {
    const { context } = await shared.newContext();
    const page = await context.newPage();
    await page.clock.install();
    await page.goto(`${FORM}/live-in-zone`);
    await page.check('input[value="yes"]');
    await page.click('button.govuk-button');
    await page.waitForURL(`**${FORM}/full-name`);
    const dialog = page.locator('#cf-timeout');
    await expect(dialog.isVisible()).resolves.toBe(false);

    await page.clock.runFor(15 * 60 * 1000 + 1000);
    await expect(dialog.isVisible()).resolves.toBe(true);
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(
      'Keep my answers',
    );
    expect(await dialog.getAttribute('aria-labelledby')).toBe('cf-timeout-title');
    expect(await page.textContent('#cf-timeout-title')).toBe('Do you need more time?');

    const keptAlive = page.waitForResponse((r) => r.url().endsWith('/session/keep-alive'));
    await page.keyboard.press('Enter');
    expect((await keptAlive).status()).toBe(204);
    await page.waitForFunction(
      () => !(document.getElementById('cf-timeout') as HTMLDialogElement).open,
    );

    await page.clock.runFor(20 * 60 * 1000 + 1000);
    await page.waitForURL(`**${FORM}/session-expired`);
    expect(await page.textContent('h1')).toContain('Your answers have been cleared');
    await context.close();
  });

  it('is never shown without JavaScript: the page works and the dialog stays closed', async () => {
    const { context } = await shared.newContext({
      javaScriptEnabled: false,
    });
    const page = await context.newPage();
    await page.goto(`${FORM}/live-in-zone`);
    await expect(page.locator('#cf-timeout').isVisible()).resolves.toBe(false);
    await context.close();
  });
});
