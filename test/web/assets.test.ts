import fs from 'node:fs';
import request from 'supertest';
import { STYLESHEET } from '../../src/web/assets';
import { testApp } from '../support/agent';

describe('assets', () => {
  const app = testApp();
  afterAll(() => app.close());
  let page: string;
  let css: string;
  let js: string;
  beforeAll(async () => {
    page = (await request(app).get('/')).text;
    css = /<link rel="stylesheet" href="([^"]+)">/.exec(page)?.[1] ?? '';
    js = /<script type="module" src="([^"]+)"><\/script>/.exec(page)?.[1] ?? '';
  }, 120_000);

  it('links the stylesheet in the head and the script as a module at the end of the body', () => {
    expect(page.indexOf(css)).toBeLessThan(page.indexOf('<body'));
    expect(page.indexOf(js)).toBeGreaterThan(page.lastIndexOf('</footer>'));
    // The only other script is govuk-frontend's one-line inline check, which loads nothing.
    expect([...page.matchAll(/<script\b[^>]*>/g)].map(([tag]) => tag)).toEqual([
      expect.stringMatching(/^<script>$/),
      `<script type="module" src="${js}">`,
    ]);
  });

  it('names each file by its content and lets browsers keep it for a year', async () => {
    expect(css).toMatch(/^\/assets\/civic-forms-[0-9a-f]{12}\.css$/);
    expect(js).toMatch(/^\/assets\/govuk-frontend-[0-9a-f]{12}\.js$/);
    for (const url of [css, js]) {
      const response = await request(app).get(url);
      expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
  });

  it('sends each file with brotli, gzip or as it is, as the browser accepts', async () => {
    for (const url of [css, js]) {
      const sizes: Record<string, number> = {};
      const texts = new Set<string>();
      for (const encoding of ['br', 'gzip', 'identity']) {
        const response = await request(app).get(url).set('Accept-Encoding', encoding);
        expect(response.headers['content-encoding'] ?? 'identity').toBe(encoding);
        expect(response.headers.vary).toBe('Accept-Encoding');
        sizes[encoding] = Number(response.headers['content-length']);
        texts.add(response.text);
      }
      expect(texts.size).toBe(1);
      expect(sizes.br).toBeLessThan(sizes.gzip ?? 0);
      // Under a third: the script was at 24.95 % with govuk-frontend's minified code alone, and the
      // framework's own readable scripts compress less (the photo scaling took it to 25.6 %).
      expect(sizes.gzip).toBeLessThan((sizes.identity ?? 0) / 3);
    }
  });

  it('serves the built stylesheet, and govuk-frontend’s JavaScript as one module that starts it', async () => {
    // The built file, then the agencies' brand rules (their header colours).
    const served = (await request(app).get(css)).text;
    expect(served.startsWith(fs.readFileSync(STYLESHEET, 'utf8'))).toBe(true);
    expect(served).toMatch(/\.cf-brand--default\{background-color:#1d70b8\}$/);
    const script = (await request(app).get(js)).text;
    expect(script).toMatch(/export\{[^}]*\binitAll\b[^}]*\};?\s*initAll\(\);\n\{\n/);
    // The framework's own scripts follow, each in a block of its own.
    expect(script).toContain("document.getElementById('cf-timeout')");
    expect(script).not.toMatch(/\bimport\b/);
  });

  it('answers the favicon request browsers make with no content instead of the 404 page', async () => {
    const response = await request(app).get('/favicon.ico');
    expect(response.status).toBe(204);
    expect(response.headers['cache-control']).toMatch(/max-age=\d+/);
  });
});
