import { sharedService } from './support/browser';
import { horizontalScroll } from './support/layout';

const FORM = '/council-tax-reduction';

describe('right-to-left pages (Arabic)', () => {
  const shared = sharedService({ formsDir: 'forms' });

  it('mirror the layout: text from the right, back link arrow pointing right, no sideways scroll', async () => {
    const { context, offsite } = await shared.newContextIn('ar');
    const page = await context.newPage();
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(`${FORM}/your-area`);
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await page.getAttribute('html', 'lang')).toBe('ar');

    // The heading starts at the right edge of the content.
    const heading = await page.locator('h1').boundingBox();
    const main = await page.locator('main').boundingBox();
    expect(
      heading && main && Math.abs(heading.x + heading.width - (main.x + main.width)),
    ).toBeLessThan(2);

    // "Back" points the way a right-to-left reader goes back: its arrow is on the right of the text.
    const arrow = await page.locator('.govuk-back-link').evaluate((link) => {
      const before = getComputedStyle(link, '::before');
      return { right: before.right, left: before.left, transform: before.transform };
    });
    expect(arrow.right).not.toBe('auto');

    // Radios: the control sits to the right of its label.
    const input = await page.locator('.govuk-radios__item').first().locator('input').boundingBox();
    const label = await page.locator('.govuk-radios__item').first().locator('label').boundingBox();
    expect(input && label && input.x).toBeGreaterThan(label?.x ?? 0);

    expect(await horizontalScroll(page)).toEqual([]);
    // Phone numbers stay readable, left to right, inside right-to-left text.
    await page.goto(FORM);
    const phone = page.locator('.cf-nowrap').first();
    expect(await phone.evaluate((e) => getComputedStyle(e).direction)).toBe('ltr');
    expect(await phone.textContent()).toMatch(/^[\u200e]?0\d{3} \d{3} \d{4}$/);
    expect(offsite).toEqual([]);
    await context.close();
  });
});
