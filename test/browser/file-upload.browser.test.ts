/**
 * A file question's page in real Chromium. With JavaScript, in English and Arabic at 320 px and on a
 * desktop: files are added and removed without leaving the page, an error moves focus to the summary,
 * and the page after a JS add, check answers with files (its Remove by keyboard) and the
 * caseworker's page with the "received by post or email" question pass axe, the page rules and
 * reflow. Without JavaScript the page works as a plain form, as it always has; and with JavaScript a
 * phone photo larger than the question needs is scaled down before it is sent.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { addAccount, PASSWORD } from '../support/caseworker';
import { sharedService } from './support/browser';
import { axeViolations, errorSummaryFocused, located, pageRules } from './support/checks';
import type { InPage } from './support/dom';
import { navigation, open, pathOf, submit } from './support/journeys';
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
const MATRIX = (['en', 'ar'] as const).flatMap((lang) =>
  SCREENS.map((screen) => [lang, screen.name, screen] as const),
);

const PAYSLIP = {
  name: 'payslip-march.pdf',
  mimeType: 'application/pdf',
  buffer: fixture('payslip.pdf'),
};
const PHOTO = { name: 'damp-wall.png', mimeType: 'image/png', buffer: fixture('damp-wall.png') };
/** A GIF named like a PDF: refused by its content ("must be a JPG, PNG or PDF"). */
const WRONG_TYPE = {
  name: 'payslip.pdf',
  mimeType: 'application/pdf',
  buffer: fixture('damp-wall.gif'),
};

const ROWS = '.cf-uploaded-files .govuk-summary-list__row';
const UPLOAD = 'main form button[name="action"][value="upload"]';

/** What the live region of add-files.js says, in each language. */
const SAID = {
  en: {
    added: (name: string) => `‘${name}’ has been uploaded`,
    removed: (name: string) => `‘${name}’ has been removed`,
  },
  ar: {
    added: (name: string) => `تم رفع «${name}»`,
    removed: (name: string) => `تمت إزالة «${name}»`,
  },
} as const;

async function problemsOn(page: Page, state: string): Promise<string[]> {
  return located(pathOf(page), state, [
    ...(await axeViolations(page)),
    ...(await pageRules(page)),
    ...(await horizontalScroll(page)),
    ...(await smallTargets(page)),
  ]);
}

/** Marks the window: a page loaded again would not have the mark. */
async function markWindow(page: Page): Promise<void> {
  await page.evaluate(() => {
    (globalThis as unknown as { cfMark?: string }).cfMark = 'same page';
  });
}

async function sameWindow(page: Page): Promise<boolean> {
  return page.evaluate(() => (globalThis as unknown as { cfMark?: string }).cfMark === 'same page');
}

/** What the page's live region says, once it says `text` (or what it says after 60 s). */
async function announced(page: Page, text: string): Promise<string> {
  const read = () =>
    page.evaluate(
      () =>
        (globalThis as unknown as InPage).document.querySelector('main [role="status"]')
          ?.textContent ?? '',
    );
  await page
    .waitForFunction(
      (wanted) =>
        (
          (globalThis as unknown as InPage).document.querySelector('main [role="status"]')
            ?.textContent ?? ''
        ).includes(wanted),
      text,
      { timeout: 60_000 },
    )
    .catch(() => undefined);
  return read();
}

/** The id of the element that has focus. */
function focusedId(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      (globalThis as unknown as InPage & { document: { activeElement: { id: string } | null } })
        .document.activeElement?.id ?? '',
  );
}

describe('a file question page in Chromium', () => {
  const shared = sharedService({ formsDir: FORMS });
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  beforeAll(async () => {
    await addAccount(shared.app.store, 'sian.evans');
  });

  it.each(MATRIX)(
    'with JavaScript in %s at %s: an error and files added without leaving the page, then check answers with files and its Remove by keyboard',
    async (lang, screenName, screen) => {
      const { context, offsite } = await shared.newContextIn(lang);
      try {
        const page = await context.newPage();
        await page.setViewportSize(screen.viewport);
        const shot = (state: string) =>
          page.screenshot({
            path: path.join(SCREENSHOTS, `${lang}-${screenName}-${state}.png`),
            fullPage: true,
          });
        const problems: string[] = [];

        expect(await open(page, PAGE)).toBe(200);
        expect(await page.getAttribute('html', 'dir')).toBe(lang === 'ar' ? 'rtl' : null);
        await markWindow(page);

        // The wrong type: the error summary comes in, with focus, and "Error: " in the title.
        await page.setInputFiles('#payslips', [WRONG_TYPE]);
        await page.click(UPLOAD);
        await page.locator('.govuk-error-summary').waitFor({ timeout: 60_000 });
        expect(await errorSummaryFocused(page)).toBe(true);
        expect(await sameWindow(page)).toBe(true);
        expect(await page.locator('.govuk-error-summary').textContent()).toContain('payslip.pdf');
        problems.push(...(await problemsOn(page, 'error after a JS upload')));

        // Two files: listed, said in the live region, focus back on the file input.
        await page.setInputFiles('#payslips', [PAYSLIP, PHOTO]);
        await page.click(UPLOAD);
        expect(await announced(page, SAID[lang].added('damp-wall.png'))).toBe(
          `${SAID[lang].added('payslip-march.pdf')} ${SAID[lang].added('damp-wall.png')}`,
        );
        expect(await sameWindow(page)).toBe(true);
        expect(pathOf(page)).toBe(PAGE);
        expect(await page.locator(ROWS).count()).toBe(2);
        expect(await page.locator('.govuk-error-summary').count()).toBe(0);
        expect(await focusedId(page)).toBe('payslips');
        problems.push(...(await problemsOn(page, 'after a JS add')));
        await shot('js-added');

        expect(await submit(page)).toBe(200);
        await page.fill('#full-name', 'Amira Haddad');
        expect(await submit(page)).toBe(200);
        expect(pathOf(page)).toBe('/council-tax-evidence/check-answers');
        expect(await page.locator('main button[name="removeFile"]').count()).toBe(2);
        problems.push(...(await problemsOn(page, 'check answers with files')));
        await shot('check-answers');

        // Remove on check answers, by keyboard: the first thing Tab reaches after the back link,
        // and Enter posts it.
        await page.locator('.govuk-back-link').focus();
        await page.keyboard.press('Tab');
        const remove = page.locator('main button[name="removeFile"]').first();
        expect(
          await remove.evaluate(
            (e) =>
              e ===
              (globalThis as unknown as { document: { activeElement: unknown } }).document
                .activeElement,
          ),
        ).toBe(true);
        expect(await navigation(page, () => page.keyboard.press('Enter'))).toBe(200);
        expect(pathOf(page)).toBe('/council-tax-evidence/check-answers');
        expect(await page.locator('main button[name="removeFile"]').count()).toBe(1);
        expect(await page.locator('main').textContent()).not.toContain('payslip-march.pdf');
        expect([...problems, ...offsite]).toEqual([]);
      } finally {
        await context.close();
      }
    },
    120_000,
  );

  it('with JavaScript, Remove on the page takes the file away without leaving it, by keyboard', async () => {
    const { context } = await shared.newContext();
    try {
      const page = await context.newPage();
      await open(page, PAGE);
      await markWindow(page);
      await page.setInputFiles('#payslips', [PAYSLIP]);
      await page.click(UPLOAD);
      await announced(page, SAID.en.added('payslip-march.pdf'));
      expect(await page.locator(ROWS).count()).toBe(1);

      await page.locator(`${ROWS} button[name="remove"]`).focus();
      await page.keyboard.press('Enter');
      expect(await announced(page, SAID.en.removed('payslip-march.pdf'))).toBe(
        SAID.en.removed('payslip-march.pdf'),
      );
      expect(await page.locator(ROWS).count()).toBe(0);
      expect(await sameWindow(page)).toBe(true);
      expect(await focusedId(page)).toBe('payslips');
      // Nothing left: Continue asks for a file, as it does without JavaScript.
      expect(await submit(page)).toBe(400);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('with JavaScript, the Upload file button looks busy while its file is on its way, and not after', async () => {
    const { context } = await shared.newContext();
    try {
      const page = await context.newPage();
      await open(page, PAGE);
      const look = () =>
        page
          .locator(UPLOAD)
          .evaluate((button) => [
            button.getAttribute('aria-disabled'),
            getComputedStyle(button).opacity,
          ]);
      expect(await look()).toEqual([null, '1']);
      // The post is held until the button has been looked at.
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      let posted: () => void = () => undefined;
      const arrived = new Promise<void>((resolve) => (posted = resolve));
      await page.route(`**${PAGE}`, async (route) => {
        if (route.request().method() !== 'POST') return route.fallback();
        posted();
        await held;
        return route.fallback();
      });
      await page.setInputFiles('#payslips', [PAYSLIP]);
      await page.click(UPLOAD);
      await arrived;
      expect(await look()).toEqual(['true', '0.5']);
      release();
      await announced(page, SAID.en.added('payslip-march.pdf'));
      expect(await page.locator(ROWS).count()).toBe(1);
      expect(await look()).toEqual([null, '1']);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('with JavaScript, a refusal is shown as the browser shows it, and a lost connection sends the form itself', async () => {
    const { context } = await shared.newContext();
    try {
      const page = await context.newPage();
      await open(page, PAGE);
      // A token the service refuses: its refusal's page, as a post without JavaScript gets it.
      const refusal = await context.request.post(PAGE, {
        multipart: { _csrf: 'not-the-token', action: 'upload' },
      });
      const refusalTitle = /<title>([^<]*)<\/title>/.exec(await refusal.text())?.[1] ?? '';
      expect(refusal.status()).toBe(403);
      await page.locator('input[name="_csrf"]').evaluate((e) => {
        (e as unknown as { value: string }).value = 'not-the-token';
      });
      await page.setInputFiles('#payslips', [PAYSLIP]);
      await page.click(UPLOAD);
      await page.waitForFunction((title) => document.title === title, refusalTitle.trim(), {
        timeout: 60_000,
      });
      expect(await page.locator('#payslips').count()).toBe(0);

      // The fetch finds no network: the browser posts the form itself, and the file is added.
      await open(page, PAGE);
      await markWindow(page);
      let aborted = 0;
      await page.route(`**${PAGE}`, (route) =>
        route.request().method() === 'POST' && aborted++ === 0 ? route.abort() : route.fallback(),
      );
      await page.setInputFiles('#payslips', [PAYSLIP]);
      expect(await navigation(page, () => page.click(UPLOAD))).toBe(200);
      expect(aborted).toBe(2);
      expect(await sameWindow(page)).toBe(false);
      expect(await page.locator(ROWS).count()).toBe(1);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('without JavaScript, works as a plain form: Upload file and Remove post the page and show it again', async () => {
    const { context, offsite } = await shared.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      expect(await open(page, PAGE)).toBe(200);
      const press = (selector: string) => navigation(page, () => page.click(selector));
      await page.setInputFiles('#payslips', [WRONG_TYPE]);
      expect(await press(UPLOAD)).toBe(400);
      expect(await page.locator('.govuk-error-summary').count()).toBe(1);

      await page.setInputFiles('#payslips', [PAYSLIP, PHOTO]);
      expect(await press(UPLOAD)).toBe(200);
      expect(await page.locator(ROWS).count()).toBe(2);
      expect(await page.locator('main [role="status"]').count()).toBe(0);

      const status = await navigation(page, async () => {
        await page.locator(`${ROWS} button[name="remove"]`).first().focus();
        await page.keyboard.press('Enter');
      });
      expect(status).toBe(200);
      expect(await page.locator(ROWS).count()).toBe(1);
      expect(await submit(page)).toBe(200);
      expect(pathOf(page)).toBe('/council-tax-evidence/full-name');
      expect(offsite).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  it.each(MATRIX)(
    'a caseworker’s file page with how the caller sent it, in %s at %s: an error and a file added with JavaScript',
    async (lang, screenName, screen) => {
      const { context, offsite } = await shared.newContextIn(lang);
      try {
        const page = await context.newPage();
        await page.setViewportSize(screen.viewport);
        const problems: string[] = [];
        await open(page, '/caseworker/sign-in');
        await page.fill('#username', 'sian.evans');
        await page.fill('#password', PASSWORD);
        await navigation(page, () =>
          page.click('main form button.govuk-button:not(.govuk-password-input__toggle)'),
        );
        await open(page, `/caseworker/start/council-tax-evidence/${lang}`);
        await page.check('#agrees');
        expect(await submit(page)).toBe(200);
        expect(pathOf(page)).toBe('/caseworker/call/council-tax-evidence/payslips');
        problems.push(...(await problemsOn(page, 'caseworker empty')));
        await markWindow(page);

        // A file without saying how it came: the error is on that question.
        await page.setInputFiles('#payslips', [PAYSLIP]);
        await page.click(UPLOAD);
        await page.locator('.govuk-error-summary').waitFor({ timeout: 60_000 });
        expect(await errorSummaryFocused(page)).toBe(true);
        expect(await page.getAttribute('.govuk-error-summary a', 'href')).toBe(
          '#payslips-received-by',
        );
        problems.push(...(await problemsOn(page, 'caseworker error')));

        await page.setInputFiles('#payslips', [PAYSLIP]);
        await page.check('input[name="payslips-received-by"][value="post"]');
        await page.click(UPLOAD);
        await announced(page, SAID[lang].added('payslip-march.pdf'));
        expect(await sameWindow(page)).toBe(true);
        expect(await page.locator(ROWS).count()).toBe(1);
        problems.push(...(await problemsOn(page, 'caseworker after a JS add')));
        await page.screenshot({
          path: path.join(SCREENSHOTS, `caseworker-${lang}-${screenName}.png`),
          fullPage: true,
        });
        expect([...problems, ...offsite]).toEqual([]);
      } finally {
        await context.close();
      }
    },
    120_000,
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
      await page.setInputFiles('#payslips', [
        { name: 'IMG_0042.jpg', mimeType: 'image/jpeg', buffer: original },
      ]);
      // Upload at once: the send waits for the scaling.
      await page.click(UPLOAD);
      await announced(page, SAID.en.added('IMG_0042.jpg'));
      const id = await page.getAttribute(`${ROWS} button[name="remove"]`, 'value');
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
