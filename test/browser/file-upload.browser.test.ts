/**
 * A file question's page in real Chromium, in English and Arabic: axe and the page rules in each
 * state (empty, an error, files added), no sideways scrolling at 320 px, and, with JavaScript, a
 * phone photo larger than the question needs scaled down before it is sent.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { sharedService } from './support/browser';
import { axeViolations, errorSummaryFocused, located, pageRules } from './support/checks';
import { navigation, open } from './support/journeys';
import { horizontalScroll, smallTargets } from './support/layout';

const FORMS = path.join(__dirname, '..', 'fixtures', 'upload-forms');
const UPLOADS = path.join(__dirname, '..', 'fixtures', 'uploads');
const PAGE = '/council-tax-evidence/payslips';
const SCREENSHOTS = path.join(os.tmpdir(), 'civic-forms-file-upload');
const fixture = (name: string) => fs.readFileSync(path.join(UPLOADS, name));

const SCREENS = [
  { name: '320px', viewport: { width: 320, height: 900 } },
  { name: 'desktop', viewport: { width: 1280, height: 900 } },
];

/** Chooses files in the page's file input and presses a button (Upload file, Continue). */
async function send(
  page: Page,
  files: Array<{ name: string; mimeType: string; buffer: Buffer }>,
  button: string,
): Promise<number> {
  if (files.length > 0) await page.setInputFiles('#payslips', files);
  return navigation(page, () => page.locator(`main form button:text-is("${button}")`).click());
}

const WORDS = {
  en: { upload: 'Upload file', continue: 'Continue', remove: 'Remove' },
  ar: { upload: 'رفع الملف', continue: 'متابعة', remove: 'إزالة' },
} as const;

async function problemsOn(page: Page, state: string): Promise<string[]> {
  return located(PAGE, state, [
    ...(await axeViolations(page)),
    ...(await pageRules(page)),
    ...(await horizontalScroll(page)),
    ...(await smallTargets(page)),
  ]);
}

describe('a file question page in Chromium', () => {
  const shared = sharedService({ formsDir: FORMS });
  fs.mkdirSync(SCREENSHOTS, { recursive: true });

  it.each(
    (['en', 'ar'] as const).flatMap((lang) =>
      SCREENS.map((screen) => [lang, screen.name, screen] as const),
    ),
  )(
    'in %s at %s: empty, with an error, with files: axe, page rules, no sideways scroll',
    async (lang, screenName, screen) => {
      const { context, offsite } = await shared.newContextIn(lang);
      const words = WORDS[lang];
      try {
        const page = await context.newPage();
        await page.setViewportSize(screen.viewport);
        const problems: string[] = [];
        const shot = async (state: string) =>
          page.screenshot({
            path: path.join(SCREENSHOTS, `${lang}-${screenName}-${state}.png`),
            fullPage: true,
          });

        expect(await open(page, PAGE)).toBe(200);
        expect(await page.getAttribute('html', 'dir')).toBe(lang === 'ar' ? 'rtl' : null);
        problems.push(...(await problemsOn(page, 'empty')));
        await shot('empty');

        expect(
          await send(
            page,
            [
              {
                name: 'payslip.pdf',
                mimeType: 'application/pdf',
                buffer: fixture('damp-wall.gif'),
              },
            ],
            words.upload,
          ),
        ).toBe(400);
        expect(await errorSummaryFocused(page)).toBe(true);
        problems.push(...(await problemsOn(page, 'error')));
        await shot('error');

        expect(
          await send(
            page,
            [
              {
                name: 'payslip-march.pdf',
                mimeType: 'application/pdf',
                buffer: fixture('payslip.pdf'),
              },
              { name: 'damp-wall.png', mimeType: 'image/png', buffer: fixture('damp-wall.png') },
            ],
            words.upload,
          ),
        ).toBe(200);
        expect(await page.locator('.cf-uploaded-files .govuk-summary-list__row').count()).toBe(2);
        problems.push(...(await problemsOn(page, 'with files')));
        await shot('with-files');

        // Remove works by keyboard: the button of the first file, then the page is shown again.
        const status = await navigation(page, async () => {
          await page.locator(`.cf-uploaded-files button`).first().focus();
          await page.keyboard.press('Enter');
        });
        expect(status).toBe(200);
        expect(await page.locator('.cf-uploaded-files .govuk-summary-list__row').count()).toBe(1);

        expect(await send(page, [], words.continue)).toBe(200);
        expect(new URL(page.url()).pathname).toBe('/council-tax-evidence/full-name');
        expect([...problems, ...offsite]).toEqual([]);
      } finally {
        await context.close();
      }
    },
    180_000,
  );

  it('with JavaScript, sends a phone photo larger than the question needs scaled down', async () => {
    const { context } = await shared.newContext();
    try {
      const page = await context.newPage();
      await open(page, PAGE);
      const photo = await page.evaluate(async () => {
        const canvas = document.createElement('canvas');
        canvas.width = 3000;
        canvas.height = 2250;
        const context2d = canvas.getContext('2d') as CanvasRenderingContext2D;
        const gradient = context2d.createLinearGradient(0, 0, 3000, 2250);
        gradient.addColorStop(0, '#6b8e23');
        gradient.addColorStop(1, '#d2b48c');
        context2d.fillStyle = gradient;
        context2d.fillRect(0, 0, 3000, 2250);
        // Grain, as a camera's sensor gives: what makes a photo's file large.
        const image = context2d.getImageData(0, 0, 3000, 2250);
        let seed = 42;
        for (let i = 0; i < image.data.length; i += 4) {
          seed = (seed * 1103515245 + 12345) % 2147483648;
          const shift = (seed % 24) - 12;
          image.data[i] = (image.data[i] ?? 0) + shift;
          image.data[i + 1] = (image.data[i + 1] ?? 0) + shift;
          image.data[i + 2] = (image.data[i + 2] ?? 0) + shift;
        }
        context2d.putImageData(image, 0, 0);
        const blob = await new Promise<Blob | null>((resolve) =>
          canvas.toBlob(resolve, 'image/jpeg', 0.92),
        );
        const bytes = new Uint8Array(await (blob as Blob).arrayBuffer());
        let binary = '';
        for (let i = 0; i < bytes.length; i += 0x8000) {
          binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
        }
        return btoa(binary);
      });
      const original = Buffer.from(photo, 'base64');
      // The fixture question takes files of up to 512 kB: the original is far larger.
      expect(original.length).toBeGreaterThan(1024 * 1024);
      expect(
        await send(
          page,
          [{ name: 'IMG_0042.jpg', mimeType: 'image/jpeg', buffer: original }],
          'Upload file',
        ),
      ).toBe(200);
      const id = await page.getAttribute('.cf-uploaded-files button[name="remove"]', 'value');
      const stored = await shared.app.uploads?.blobs.get(id ?? '');
      expect(stored?.length).toBeLessThan(512 * 1024);
      // A JPEG of 2000 px on its longer side (the question's default), under its own name.
      const sof = stored?.indexOf(Buffer.from([0xff, 0xc0])) ?? -1;
      expect(stored?.readUInt16BE(sof + 7)).toBe(2000);
      expect(await page.locator('.cf-uploaded-files dt').textContent()).toContain('IMG_0042.jpg');
    } finally {
      await context.close();
    }
  }, 120_000);
});
