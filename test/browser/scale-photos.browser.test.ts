/**
 * assets/scale-photos.js in real Chromium, served in the one module every page loads, posting to a
 * real multipart parser: what the server receives is what a user on a slow network would send.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import express from 'express';
import type { Browser, Page } from 'playwright-core';
import { sniffFileKind } from '../../src/uploads/file-kind';
import { parseMultipart, type ReceivedFile } from '../../src/uploads/parse-multipart';
import { createAssets } from '../../src/web/assets';
import { isolatedContext, launchBrowser } from './support/browser';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'uploads');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Width and height from a JPEG's start-of-frame segment, or a PNG's header. */
function dimensions(bytes: Buffer): { width: number; height: number } {
  if (sniffFileKind(bytes) === 'png') {
    return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  }
  for (let at = 2; at + 9 < bytes.length;) {
    const marker = bytes.readUInt16BE(at);
    if (marker >= 0xffc0 && marker <= 0xffcf && ![0xffc4, 0xffc8, 0xffcc].includes(marker)) {
      return { width: bytes.readUInt16BE(at + 7), height: bytes.readUInt16BE(at + 5) };
    }
    at += 2 + bytes.readUInt16BE(at + 2);
  }
  throw new Error('no JPEG frame header');
}

/** A page with a file input that wants photos no larger than 800 px, and the server it posts to. */
async function startPage(): Promise<{
  url: string;
  received: ReceivedFile[][];
  stop(): Promise<void>;
}> {
  const { urls, serve } = createAssets();
  const received: ReceivedFile[][] = [];
  const app = express();
  app.use(serve);
  app.get('/', (_req, res) => {
    res.type('html').send(`<!doctype html><html lang="en"><head><title>Evidence</title></head>
<body class="govuk-frontend-supported">
<form method="post" action="/upload" enctype="multipart/form-data">
<label for="photo">A photo of the damp</label>
<input type="file" id="photo" name="photo" multiple data-max-dimension="800">
<button type="submit">Continue</button>
</form>
<script type="module" src="${urls.js}"></script></body></html>`);
  });
  app.post('/upload', async (req, res) => {
    const parsed = await parseMultipart(req, {
      fileFields: { photo: { maxBytes: 30 * 1024 * 1024, maxFiles: 3 } },
      maxFields: 5,
      maxFieldBytes: 1024,
    });
    received.push(parsed.files);
    res.type('html').send('<!doctype html><title>Received</title><h1>Received</h1>');
  });
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    stop: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A photo as a phone takes it: 3000 × 2250 pixels of varied colour, encoded by Chromium itself. */
async function phonePhoto(
  page: Page,
  type: 'image/jpeg' | 'image/png',
  width: number,
  height: number,
): Promise<Buffer> {
  const base64 = await page.evaluate(
    async ({ type, width, height }) => {
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      const context = canvas.getContext('2d') as CanvasRenderingContext2D;
      const gradient = context.createLinearGradient(0, 0, width, height);
      gradient.addColorStop(0, '#6b8e23');
      gradient.addColorStop(1, '#d2b48c');
      context.fillStyle = gradient;
      context.fillRect(0, 0, width, height);
      // Grain, as a camera's sensor gives: what makes a photo's file large.
      const grain = context.getImageData(0, 0, width, height);
      let seed = 42;
      for (let i = 0; i < grain.data.length; i += 4) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        const shift = (seed % 48) - 24;
        grain.data[i] = (grain.data[i] ?? 0) + shift;
        grain.data[i + 1] = (grain.data[i + 1] ?? 0) + shift;
        grain.data[i + 2] = (grain.data[i + 2] ?? 0) + shift;
      }
      context.putImageData(grain, 0, 0);
      const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, type, 0.92));
      const bytes = new Uint8Array(await (blob as Blob).arrayBuffer());
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) {
        binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      }
      return btoa(binary);
    },
    { type, width, height },
  );
  return Buffer.from(base64, 'base64');
}

describe('assets/scale-photos.js', () => {
  let browser: Browser;
  let site: Awaited<ReturnType<typeof startPage>>;
  let photoJpeg: Buffer;
  let photoPng: Buffer;

  beforeAll(async () => {
    [browser, site] = await Promise.all([launchBrowser(), startPage()]);
    const { context } = await isolatedContext(browser, site.url);
    const page = await context.newPage();
    await page.goto('/');
    photoJpeg = await phonePhoto(page, 'image/jpeg', 3000, 2250);
    photoPng = await phonePhoto(page, 'image/png', 1600, 1200);
    await context.close();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await site?.stop();
  });

  async function send(
    files: { name: string; mimeType: string; buffer: Buffer }[],
    javaScriptEnabled = true,
  ): Promise<ReceivedFile[]> {
    const { context, offsite } = await isolatedContext(browser, site.url, { javaScriptEnabled });
    try {
      const page = await context.newPage();
      await page.goto('/');
      await page.setInputFiles('#photo', files);
      // "Continue" at once: sending waits for the scaling to finish.
      await Promise.all([
        page.waitForURL('**/upload'),
        page.getByRole('button', { name: 'Continue' }).click(),
      ]);
      expect(await page.locator('h1').textContent()).toBe('Received');
      expect(offsite).toEqual([]);
      return site.received.at(-1) ?? [];
    } finally {
      await context.close();
    }
  }

  it('sends a phone photo larger than the form needs as a JPEG of 800 px, a fraction of its size, under its name', async () => {
    expect(photoJpeg.length).toBeGreaterThan(1024 * 1024);

    const [sent, ...rest] = await send([
      { name: 'IMG_0042.jpg', mimeType: 'image/jpeg', buffer: photoJpeg },
    ]);

    expect(rest).toEqual([]);
    expect(sent?.name).toBe('IMG_0042.jpg');
    expect(sniffFileKind(sent?.bytes ?? Buffer.alloc(0))).toBe('jpeg');
    expect(dimensions(sent?.bytes ?? Buffer.alloc(0))).toEqual({ width: 800, height: 600 });
    expect(sent?.bytes.length).toBeLessThan(photoJpeg.length / 5);
  });

  it('scales a large PNG too, keeping it a PNG', async () => {
    const [sent] = await send([
      { name: 'screenshot.png', mimeType: 'image/png', buffer: photoPng },
    ]);

    expect(sniffFileKind(sent?.bytes ?? Buffer.alloc(0))).toBe('png');
    expect(dimensions(sent?.bytes ?? Buffer.alloc(0))).toEqual({ width: 800, height: 600 });
    expect(sent?.bytes.length).toBeLessThan(photoPng.length);
  });

  it('sends a photo already small enough, and a PDF, exactly as chosen', async () => {
    const small = fixture('damp-wall.png');
    const pdf = fixture('payslip.pdf');

    const sent = await send([
      { name: 'damp-wall.png', mimeType: 'image/png', buffer: small },
      { name: 'payslip.pdf', mimeType: 'application/pdf', buffer: pdf },
    ]);

    expect(sent.map((file) => [file.name, sha256(file.bytes)])).toEqual([
      ['damp-wall.png', sha256(small)],
      ['payslip.pdf', sha256(pdf)],
    ]);
  });

  it('sends the original photo when JavaScript is off', async () => {
    const [sent] = await send(
      [{ name: 'IMG_0042.jpg', mimeType: 'image/jpeg', buffer: photoJpeg }],
      false,
    );

    expect(sha256(sent?.bytes ?? Buffer.alloc(0))).toBe(sha256(photoJpeg));
  });
});
