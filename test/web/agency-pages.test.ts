import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import type { CivicFormsApp } from '../../src/web/app';
import { EXAMPLE_FORMS, FIXTURE_FORMS, h1, testApp } from '../support/agent';

jest.setTimeout(60_000);

const LEGAL = ['accessibility', 'privacy', 'cookies', 'contact'];
const LANGUAGES = ['en', 'cy', 'es', 'ar'];

/** The footer's links, as [text, href]. */
function footerLinks(html: string): string[][] {
  const footer = /<footer[\s\S]*<\/footer>/.exec(html)?.[0] ?? '';
  return [...footer.matchAll(/<a class="govuk-footer__link" href="([^"]*)">([^<]*)<\/a>/g)].map(
    ([, href = '', text = '']) => [text, href],
  );
}

const text = (html: string) => html.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ');

describe('agencies on the example deployment', () => {
  let app: CivicFormsApp;
  beforeAll(() => {
    app = testApp({ formsDir: EXAMPLE_FORMS, sessionIdleMinutes: 25, resumeExpiryDays: 14 });
  });
  afterAll(() => app.close());

  it("links every form page and the form list to its agency's legal pages, with no crown or OGL", async () => {
    const pages: Array<[string, string]> = [
      ['/', 'default'],
      ['/council-tax-reduction', 'northbrook-council'],
      ['/register-change-of-address', 'northbrook-council'],
      ['/report-housing-repair', 'northbrook-housing'],
      ['/agencies/northbrook-housing/cookies', 'northbrook-housing'],
      ['/no-such-page', 'default'],
    ];
    for (const [url, agency] of pages) {
      const html = (await request(app).get(url)).text;
      expect([url, footerLinks(html).slice(0, 4)]).toEqual([
        url,
        [
          ['Accessibility statement', `/agencies/${agency}/accessibility`],
          ['Privacy notice', `/agencies/${agency}/privacy`],
          ['Cookies', `/agencies/${agency}/cookies`],
          ['Contact', `/agencies/${agency}/contact`],
        ],
      ]);
      expect(html).not.toMatch(
        /Crown copyright|Open Government Licence|copyright-logo|licence-logo/,
      );
      expect(html).toContain(`class="govuk-template__header cf-brand cf-brand--${agency}"`);
    }
  });

  it('adds the agency’s own footer links and shows its logo with its alt text', async () => {
    const html = (await request(app).get('/report-housing-repair?lang=cy')).text;
    expect(footerLinks(html)[4]).toEqual([
      'Atgyweiriadau rydym yn eu gwneud a&#39;r rhai nad ydym yn eu gwneud',
      'https://northbrook-council.example/housing/repairs',
    ]);
    const logo = /<img class="cf-brand__logo" src="([^"]+)" alt="([^"]+)"/.exec(html);
    expect(logo?.[2]).toBe('Gwasanaeth Tai Northbrook');
    const served = await request(app).get(logo?.[1] ?? '');
    expect(served.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
    expect(served.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(logo?.[1]).toMatch(/^\/assets\/logo-northbrook-housing-[0-9a-f]{12}\.svg$/);
  });

  it('colours each agency’s header in the one stylesheet', async () => {
    const html = (await request(app).get('/')).text;
    const css = /<link rel="stylesheet" href="([^"]+)"/.exec(html)?.[1] ?? '';
    const sheet = (await request(app).get(css).set('Accept-Encoding', 'identity')).text;
    expect(sheet).toContain('.cf-brand--northbrook-council{background-color:#00594f}');
    expect(sheet).toContain('.cf-brand--northbrook-housing{background-color:#5b2a86}');
  });

  it('lists forms under their agency', async () => {
    const page = text((await request(app).get('/?lang=es')).text);
    const council = page.indexOf('Formularios de Ayuntamiento de Northbrook');
    const housing = page.indexOf('Formularios de Servicio de Vivienda de Northbrook');
    expect(council).toBeGreaterThan(-1);
    expect(housing).toBeGreaterThan(council);
    expect(page.indexOf('Informar de una reparación')).toBeGreaterThan(housing);
  });

  it.each(LANGUAGES)('serves every legal page of every agency in %s', async (lang) => {
    for (const agency of ['northbrook-council', 'northbrook-housing', 'default']) {
      for (const page of LEGAL) {
        const response = await request(app).get(`/agencies/${agency}/${page}?lang=${lang}`);
        expect([agency, page, response.status]).toEqual([agency, page, 200]);
        expect(response.text).toContain(`<html lang="${lang}"`);
        expect(h1(response.text)).toBeTruthy();
      }
    }
    const privacy = text(
      (await request(app).get(`/agencies/northbrook-housing/privacy?lang=${lang}`)).text,
    );
    expect(privacy).toContain('25');
    expect(privacy).toContain('14');
    expect(privacy).toContain('730');
  });

  it('states what is kept and for how long from the settings it runs with', async () => {
    const privacy = text((await request(app).get('/agencies/northbrook-housing/privacy')).text);
    expect(privacy).toContain('If you do nothing for 25 minutes, the session ends');
    expect(privacy).toContain(
      'your answers are kept for 14 days after you last saved or opened them',
    );
    expect(privacy).toContain(
      'Northbrook Housing Service receives your answers and keeps them for 730 days',
    );
    const unknown = text((await request(app).get('/agencies/default/privacy')).text);
    expect(unknown).toContain('keeps them as its records policy says');
  });

  it('names each cookie the service sets with its purpose and lifetime', async () => {
    const page = text((await request(app).get('/agencies/northbrook-council/cookies')).text);
    expect(page).toContain(
      'civic.sid Purpose Remembers your answers as you move through a form, and that a member of staff has signed in Expires After 25 minutes without use',
    );
    expect(page).toContain(
      'civic.lang Purpose Remembers the language you chose Expires When you close your browser',
    );
  });

  it('gives the agency’s accessibility facts: WCAG 2.2 AA tested with axe, known issues, review date', async () => {
    const page = text(
      (await request(app).get('/agencies/northbrook-housing/accessibility?lang=ar')).text,
    );
    expect(page).toContain('WCAG) الإصدار 2.2 في المستوى AA');
    expect(page).toContain('axe');
    expect(page).toContain('لا تُوصف الصور التي ترسلها عن الإصلاح');
    const english = text(
      (await request(app).get('/agencies/northbrook-council/accessibility')).text,
    );
    expect(english).toContain('This statement was last reviewed on 30 November 2026.');
    expect(english).toContain(
      'We do not know of any part of these forms that does not meet WCAG 2.2 level AA.',
    );
  });

  it('answers 404 for an agency or a page it does not have', async () => {
    expect((await request(app).get('/agencies/no-such-agency/privacy')).status).toBe(404);
    expect((await request(app).get('/agencies/northbrook-council/terms')).status).toBe(404);
  });
});

describe('a deployment from before agencies', () => {
  it('puts every form in the default agency: its name, its legal pages, no crown', async () => {
    const app = testApp({ formsDir: FIXTURE_FORMS });
    try {
      expect(app.agencies.all.map((a) => a.agency.id)).toEqual(['default']);
      const html = (await request(app).get('/')).text;
      expect(html).toContain('Public services');
      expect(footerLinks(html)[0]).toEqual([
        'Accessibility statement',
        '/agencies/default/accessibility',
      ]);
      expect(html).not.toMatch(/Crown copyright|Open Government Licence/);
      expect(text((await request(app).get('/agencies/default/contact')).text)).toContain(
        'has not published its contact details',
      );
    } finally {
      await app.close();
    }
  });

  it('shows Crown copyright and the OGL only for an agency whose file asks for them', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'crown-'));
    const dir = path.join(root, 'agencies', 'default');
    fs.mkdirSync(dir, { recursive: true });
    const example = JSON.parse(
      fs.readFileSync(
        path.join(EXAMPLE_FORMS, '..', 'agencies', 'northbrook-council', 'agency.json'),
        'utf8',
      ),
    ) as Record<string, unknown>;
    fs.writeFileSync(
      path.join(dir, 'agency.json'),
      JSON.stringify({ ...example, id: 'default', logo: undefined, crownMarks: true, forms: [] }),
    );
    const app = testApp({ formsDir: FIXTURE_FORMS, agenciesDir: path.join(root, 'agencies') });
    try {
      const html = (await request(app).get('/')).text;
      expect(html).toContain('© Crown copyright');
      expect(html).toContain('Open Government Licence');
      expect(html).toContain('Northbrook Council');
    } finally {
      await app.close();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
