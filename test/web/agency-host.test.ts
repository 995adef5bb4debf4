import request from 'supertest';
import type { CivicFormsApp } from '../../src/web/app';
import { EXAMPLE_FORMS, h1, testApp } from '../support/agent';

// The example Northbrook Housing Service names this host in agencies/northbrook-housing/agency.json.
const HOUSING_HOST = 'repairs.northbrook.example';

/** The hrefs of a page's links. */
const hrefs = (html: string) => [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1] ?? '');

describe("an agency's own host name", () => {
  let app: CivicFormsApp;
  beforeAll(() => {
    app = testApp({ formsDir: EXAMPLE_FORMS });
  });
  afterAll(() => app.close());

  const on = (host: string, url: string) => request(app).get(url).set('Host', host);

  it('lists only that agency’s forms, in its brand, with its legal pages at short paths', async () => {
    const page = await on(HOUSING_HOST, '/');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Report a repair in your council home');
    expect(page.text).not.toContain('Apply for council tax reduction');
    expect(page.text).toContain('cf-brand--northbrook-housing');
    const links = hrefs(page.text);
    expect(links).toEqual(
      expect.arrayContaining(['/accessibility', '/privacy', '/cookies', '/contact']),
    );
    expect(links.filter((href) => href.startsWith('/agencies/'))).toEqual([]);
  });

  it('answers its legal pages at short paths and at the path prefix, on its host', async () => {
    const short = await on(HOUSING_HOST, '/privacy');
    expect(short.status).toBe(200);
    expect(h1(short.text)).toBe('Privacy notice');
    expect(short.text).toContain('Northbrook Housing Service');
    const prefixed = await on(HOUSING_HOST, '/agencies/northbrook-housing/privacy');
    expect(prefixed.status).toBe(200);
    expect(h1(prefixed.text)).toBe(h1(short.text));
  });

  it('serves its forms at their usual paths and never another agency’s', async () => {
    const own = await on(HOUSING_HOST, '/report-housing-repair');
    expect(own.status).toBe(200);
    for (const url of ['/council-tax-reduction', '/council-tax-reduction/your-area']) {
      const other = await on(HOUSING_HOST, url);
      expect([url, other.status]).toEqual([url, 404]);
      expect(other.text).not.toContain('Apply for council tax reduction');
    }
  });

  it('gives a question page the legal links of the host it was asked on, whichever came first', async () => {
    // Question pages are rendered once and kept: the host's page must not be served to the main
    // site (its short links answer 404 there), nor the other way round.
    const page = '/report-housing-repair/problem-type';
    const onHost = await on(HOUSING_HOST, page);
    const onMain = await on('127.0.0.1', page);
    expect([onHost.status, onMain.status]).toEqual([200, 200]);
    expect(hrefs(onHost.text)).toContain('/privacy');
    expect(hrefs(onMain.text)).not.toContain('/privacy');
    expect(hrefs(onMain.text)).toContain('/agencies/northbrook-housing/privacy');
  });

  it('matches the host name in any case, and with a port', async () => {
    for (const host of ['Repairs.Northbrook.Example', `${HOUSING_HOST}:8443`]) {
      const page = await on(host, '/');
      expect([host, page.text.includes('Apply for council tax reduction')]).toEqual([host, false]);
      expect((await on(host, '/privacy')).status).toBe(200);
    }
  });

  it('falls back to the path prefix on any other host, and never puts the host in a link', async () => {
    for (const host of ['127.0.0.1', 'evil.example', 'forms.northbrook.example']) {
      const page = await on(host, '/');
      expect(page.text).toContain('Apply for council tax reduction');
      expect(page.text).toContain('Report a repair in your council home');
      expect(page.text).not.toContain(host === '127.0.0.1' ? 'http://127.0.0.1' : host);
      expect(hrefs(page.text).filter((href) => /^[a-z]+:|^\/\//.test(href))).toEqual([]);
      expect((await on(host, '/privacy')).status).toBe(404);
      expect((await on(host, '/agencies/northbrook-housing/privacy')).status).toBe(200);
    }
    // Not even the configured host is written into a page: links are paths.
    expect((await on(HOUSING_HOST, '/')).text).not.toContain(HOUSING_HOST);
  });

  it('ignores X-Forwarded-Host unless the service trusts a proxy', async () => {
    const page = await request(app)
      .get('/')
      .set('Host', '127.0.0.1')
      .set('X-Forwarded-Host', HOUSING_HOST);
    expect(page.text).toContain('Apply for council tax reduction');
  });
});
