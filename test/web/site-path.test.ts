import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { refererPath, sitePath } from '../../src/web/site-path';
import type { CivicFormsApp } from '../../src/web/app';
import { testApp } from '../support/agent';

/** Where a page of the service is, as a browser sees it. */
const PAGE = 'https://forms.northbrook.example/some/page';
const ORIGIN = new URL(PAGE).origin;
/** Whether an href names its scheme (a fixed link the layout or an agency gives, never built). */
const absolute = (href: string) => /^[a-z][a-z\d+.-]*:/i.test(href);

/** Where a link leads from a page of this site. */
const leadsTo = (href: string) => new URL(href, PAGE).origin;

const HOSTILE_PATHS = [
  '//evil.example/x',
  '///evil.example/x',
  '/\\evil.example/x',
  '/\\\\evil.example/x',
  '/\\/evil.example/x',
  '//\\evil.example',
  '/%2F%2Fevil.example/x',
  '/%5C%5Cevil.example/x',
  '//evil.example/parking-permit',
  '//evil.example?lang=es',
];

/** Every href of a page, as a browser reads it (character references decoded). */
function hrefs(html: string): string[] {
  return [...html.matchAll(/href="([^"]*)"/g)].map((m) =>
    (m[1] ?? '')
      .replace(/&#x([\da-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
      .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&'),
  );
}

/**
 * Every link the page builds (every href without a scheme of its own: paths, and what a browser
 * would take for a path) stays on this site, and no link at all names the attacker's host.
 */
function expectAllOnThisSite(links: string[]): void {
  expect(links.filter((href) => !absolute(href) && leadsTo(href) !== ORIGIN)).toEqual([]);
  expect(links.filter((href) => leadsTo(href).includes('evil.example'))).toEqual([]);
  expect(links.filter((href) => !absolute(href)).length).toBeGreaterThan(3);
}

/** The clear-answers page's "go back" link, beside its button. */
const cancelLink = (html: string) =>
  /govuk-button-group">[\s\S]*?<a class="govuk-link" href="([^"]*)"/.exec(html)?.[1];

/** A GET with the path sent exactly as given (clients would tidy `\` and `//`). */
function rawGet(
  port: number,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('sitePath', () => {
  it.each(HOSTILE_PATHS)('keeps %j on this site', (path) => {
    const safe = sitePath(path);
    expect(safe).toMatch(/^\/(?![\\/])/);
    expect(new URL(safe, PAGE).origin).toBe(ORIGIN);
  });

  it('leaves an ordinary path as it is', () => {
    expect(sitePath('/parking-permit/contact')).toBe('/parking-permit/contact');
    expect(sitePath('//evil.example/x')).toBe('/evil.example/x');
    expect(sitePath('/\t/evil.example')).toBe('/evil.example');
  });

  it('takes from a Referer only a path of this site under the prefix', () => {
    expect(
      refererPath('https://forms.example/parking-permit/contact?change=1', '/parking-permit'),
    ).toBe('/parking-permit/contact?change=1');
    // Only the path is taken, so even a Referer naming another host gives a page of this site.
    expect(refererPath('//evil.example/parking-permit', '/parking-permit')).toBe('/parking-permit');
    expect(refererPath('/\\evil.example/x', '/parking-permit')).toBeUndefined();
    expect(refererPath('https://evil.example/x', '/parking-permit')).toBeUndefined();
    expect(refererPath('not a url', '/parking-permit')).toBeUndefined();
  });
});

describe('links the service builds from a request', () => {
  let app: CivicFormsApp;
  let server: http.Server;
  let port: number;
  beforeAll(async () => {
    app = testApp();
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    port = (server.address() as AddressInfo).port;
  }, 60_000);
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await app.close();
  });

  it.each(HOSTILE_PATHS)(
    'never leave the site on the page for %j, and its language links stay on it',
    async (path) => {
      const page = await rawGet(port, path);
      expect(page.status).toBe(404);
      const links = hrefs(page.body);
      const languageLinks = links.filter((href) => /[?&]lang=cy/.test(href));
      expect(languageLinks).toHaveLength(1);
      expect(languageLinks.map(leadsTo)).toEqual([ORIGIN]);
      expectAllOnThisSite(links);
    },
    60_000,
  );

  it.each([
    '//evil.example/parking-permit',
    '/\\evil.example/parking-permit',
    'https://evil.example/x',
  ])(
    'gives the clear-answers page a back link on this site when the Referer is %j',
    async (referer) => {
      const page = await rawGet(port, '/parking-permit/clear', { Referer: referer });
      expect(page.status).toBe(200);
      expect(cancelLink(page.body)).toBe('/parking-permit');
      expectAllOnThisSite(hrefs(page.body));
    },
    60_000,
  );

  it('goes back to the page the person came from on this site', async () => {
    const page = await rawGet(port, '/parking-permit/clear', {
      Referer: `http://127.0.0.1:${port}/parking-permit/contact`,
    });
    expect(cancelLink(page.body)).toBe('/parking-permit/contact');
  });
});
