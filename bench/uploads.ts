/**
 * What uploading evidence costs a person on a slow phone network, and what the service can take.
 *
 * 1. A 4 MB phone photo sent from a file question's page in Chromium under Chrome DevTools' "3G"
 *    profile (400 kbps down and up, 400 ms round trip): with JavaScript (assets/scale-photos.js
 *    scales it to the question's 2000 px before sending) and without (the original goes). Bytes are
 *    the request's Content-Length as the server received it; time is from choosing the file to the
 *    page showing it added.
 * 2. Uploads a second with virus scanning on: BENCH_UPLOADS (100) posts of a phone-sized photo, each
 *    from its own visitor, BENCH_CONCURRENCY (4) at a time, to one Node process, each file checked,
 *    streamed to a real clamd (test/support/clamd.ts) and stored encrypted.
 *
 *   npm run bench:uploads
 */
import fs from 'node:fs';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { parseClamdAddress } from '../src/uploads/clamd-address';
import { launchBrowser } from '../test/browser/support/browser';
import { startClamd } from '../test/support/clamd';
import { testApp } from '../test/support/agent';

const UPLOADS = Number(process.env.BENCH_UPLOADS ?? 100);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const THREE_G = {
  offline: false,
  latency: 400,
  downloadThroughput: 50_000,
  uploadThroughput: 50_000,
};
const FIXTURE = path.join(
  __dirname,
  '..',
  'test',
  'fixtures',
  'upload-forms',
  'council-tax-evidence.json',
);
const PAGE = '/council-tax-evidence/payslips';

/** The fixture form, taking photos of up to 10 MB (as the example housing repair form does). */
function benchForms(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'civic-forms-bench-uploads-'));
  const form = JSON.parse(fs.readFileSync(FIXTURE, 'utf8')) as {
    pages: Array<{ questions: Array<Record<string, unknown>> }>;
    languages: string[];
  };
  Object.assign(form.pages[0]?.questions[0] ?? {}, { maxSizeMB: 10, maxFiles: 3 });
  form.languages = ['en'];
  fs.writeFileSync(path.join(dir, 'council-tax-evidence.json'), JSON.stringify(form));
  return dir;
}

/** A JPEG like a phone camera's: a 4000 x 3000 scene with sensor grain, about 4 MB. */
async function phonePhoto(page: Page, width: number, height: number, grain: number) {
  const base64 = await page.evaluate(
    async ({ width, height, grain }) => {
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      const context = canvas.getContext('2d') as CanvasRenderingContext2D;
      const gradient = context.createLinearGradient(0, 0, width, height);
      gradient.addColorStop(0, '#6b8e23');
      gradient.addColorStop(1, '#d2b48c');
      context.fillStyle = gradient;
      context.fillRect(0, 0, width, height);
      const image = context.getImageData(0, 0, width, height);
      let seed = 42;
      for (let i = 0; i < image.data.length; i += 4) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        const shift = (seed % grain) - grain / 2;
        image.data[i] = (image.data[i] ?? 0) + shift;
        image.data[i + 1] = (image.data[i + 1] ?? 0) + shift;
        image.data[i + 2] = (image.data[i + 2] ?? 0) + shift;
      }
      context.putImageData(image, 0, 0);
      const blob = await new Promise<Blob | null>((resolve) =>
        canvas.toBlob(resolve, 'image/jpeg', 0.92),
      );
      const bytes = new Uint8Array(await (blob as Blob).arrayBuffer());
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) {
        binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      }
      return btoa(binary);
    },
    { width, height, grain },
  );
  return Buffer.from(base64, 'base64');
}

/** One upload of the photo from the page under "3G": bytes sent and milliseconds to the page again. */
async function overThreeG(
  browser: Browser,
  base: string,
  photo: Buffer,
  javaScriptEnabled: boolean,
  posted: number[],
): Promise<{ bytes: number; ms: number; scaledMs?: number; stored: string; id: string }> {
  const context = await browser.newContext({ baseURL: base, javaScriptEnabled });
  try {
    const page = await context.newPage();
    await page.goto(PAGE);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', THREE_G);
    const before = posted.length;
    const started = Date.now();
    await page.setInputFiles('#payslips', {
      name: 'IMG_20260312_093512.jpg',
      mimeType: 'image/jpeg',
      buffer: photo,
    });
    // With JavaScript, the photo is being scaled from the moment it is chosen; sending waits for it.
    let scaledMs: number | undefined;
    if (javaScriptEnabled) {
      await page.waitForFunction(
        (size) =>
          (document.querySelector('#payslips') as HTMLInputElement).files?.[0]?.size !== size,
        photo.length,
        { timeout: 0, polling: 50 },
      );
      scaledMs = Date.now() - started;
    }
    // 4 MB at 400 kbps takes well over a minute: no time limit but the network's. With JavaScript
    // the page stays and the list is put in place (assets/add-files.js); without, a new page loads.
    await Promise.all([
      javaScriptEnabled
        ? page.waitForSelector('.cf-uploaded-files button[name="remove"]', { timeout: 0 })
        : page.waitForEvent('load', { timeout: 0 }),
      page.click('main form button[value="upload"]', { timeout: 0 }),
    ]);
    const ms = Date.now() - started;
    const stored = (await page.textContent('.cf-uploaded-files dd')) ?? 'not added';
    const id = (await page.getAttribute('.cf-uploaded-files button[name="remove"]', 'value')) ?? '';
    return { bytes: posted[before] ?? 0, ms, scaledMs, stored: stored.trim(), id };
  } finally {
    await context.close();
  }
}

/** A visitor ready to post the page: its session cookie and CSRF token. */
async function visitor(base: string): Promise<{ cookie: string; csrf: string }> {
  const response = await fetch(`${base}${PAGE}`);
  const html = await response.text();
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
  return { cookie, csrf };
}

async function postPhoto(base: string, who: { cookie: string; csrf: string }, photo: Buffer) {
  const body = new FormData();
  body.append('_csrf', who.csrf);
  body.append('action', 'upload');
  body.append(
    'payslips',
    new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }),
    'IMG_0042.jpg',
  );
  const response = await fetch(`${base}${PAGE}`, {
    method: 'POST',
    body,
    headers: { cookie: who.cookie },
    redirect: 'manual',
  });
  await response.arrayBuffer();
  if (response.status !== 303) throw new Error(`an upload was answered ${response.status}`);
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

async function main(): Promise<void> {
  const clamd = await startClamd();
  const app = testApp({ formsDir: benchForms(), clamdAddress: parseClamdAddress(clamd.tcp) });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const posted: number[] = [];
  server.on('request', (req: IncomingMessage) => {
    if (req.method === 'POST') posted.push(Number(req.headers['content-length'] ?? 0));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await launchBrowser();
  try {
    const maker = await browser.newPage();
    await maker.goto(base);
    const photo = await phonePhoto(maker, 4000, 3000, 30);
    await maker.close();
    console.log(
      `civic-forms uploads: a ${(photo.length / 1024 / 1024).toFixed(1)} MB phone photo ` +
        `(4000 x 3000 JPEG) on a file question's page, Chrome DevTools "3G" (400 kbps, 400 ms RTT)`,
    );
    let scaled: Buffer | undefined;
    for (const javaScript of [true, false]) {
      const { bytes, ms, scaledMs, stored, id } = await overThreeG(
        browser,
        base,
        photo,
        javaScript,
        posted,
      );
      const scaling =
        scaledMs === undefined ? '' : `, of which ${(scaledMs / 1000).toFixed(1)} s scaling`;
      console.log(
        `  JavaScript ${javaScript ? 'on ' : 'off'}: ${kb(bytes).padStart(8)} sent, ` +
          `${(ms / 1000).toFixed(1).padStart(6)} s from choosing it to the page showing it${scaling} (stored: ${stored})`,
      );
      if (javaScript) scaled = await app.uploads?.blobs.get(id);
    }

    // The photo as JavaScript sent it is what most uploads will be: scan and store that.
    if (!scaled) throw new Error('the scaled photo was not stored');
    const photoSent = scaled;
    const visitors = await Promise.all(Array.from({ length: UPLOADS }, () => visitor(base)));
    const started = process.hrtime.bigint();
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < visitors.length) {
          const who = visitors[next++];
          if (who) await postPhoto(base, who, photoSent);
        }
      }),
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    console.log(
      `scanning on (clamd, ${kb(photoSent.length)} photos, ${CONCURRENCY} at a time, one Node process): ` +
        `${UPLOADS} uploads in ${seconds.toFixed(2)} s = ${(UPLOADS / seconds).toFixed(1)} uploads/s`,
    );
  } finally {
    await browser.close();
    server.closeAllConnections();
    server.close();
    await app.close();
    await clamd.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
