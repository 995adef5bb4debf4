import { createI18n, translator } from '../../src/web/i18n';
import { h1, testApp, textOf, Visitor } from '../support/agent';
import type { CivicFormsApp } from '../../src/web/app';
import { panelCode } from '../support/panel-code';

const FORM = '/parking-permit';

describe('languages', () => {
  let app: CivicFormsApp;
  beforeEach(() => {
    app = testApp();
  });
  afterEach(() => app.close());

  it('shows a form in the language asked for with ?lang, and remembers it for the session', async () => {
    const visitor = new Visitor(app);
    const start = await visitor.get(`${FORM}?lang=cy`);
    expect(h1(start.text)).toBe('Gwneud cais am drwydded barcio preswylwyr');
    expect(start.text).toMatch(/<html lang="cy"/);
    expect(start.text).toContain('Dechrau nawr');
    expect(String(start.headers['set-cookie'])).toMatch(
      /civic\.lang=cy; Path=\/; HttpOnly; SameSite=Lax/,
    );
    const next = await visitor.get(`${FORM}/live-in-zone`);
    expect(textOf(next.text, /<h1[^>]*>([\s\S]*?)<\/h1>/)).toBe(
      "Ydych chi'n byw mewn parth parcio preswylwyr?",
    );
  });

  it('chooses the language from Accept-Language on a first visit, and English without one', async () => {
    const welsh = await new Visitor(app).agent
      .get(FORM)
      .set('Accept-Language', 'cy-GB,cy;q=0.9,en;q=0.5');
    expect(welsh.text).toMatch(/<html lang="cy"/);
    const none = await new Visitor(app).agent.get(FORM);
    expect(none.text).toMatch(/<html lang="en"/);
  });

  it.each([
    ['*', 'en'],
    ['fr, *;q=0.1', 'en'],
    ['fr-FR,fr;q=0.9,*;q=0.5', 'en'],
    ['*, cy;q=0.2', 'cy'],
    ['en-GB;q=0.3, *', 'en'],
    ['es-MX, *;q=0.1', 'es'],
  ])(
    'reads a wildcard as no preference: Accept-Language "%s" gives %s pages',
    async (header, lang) => {
      // The service's own pages are offered in every framework language, Arabic included.
      const home = await new Visitor(app).agent.get('/').set('Accept-Language', header);
      expect(home.text).toMatch(new RegExp(`<html lang="${lang}"`));
    },
  );

  it('shows a form in its own language when it is not offered in the one chosen', async () => {
    const spanish = await new Visitor(app).get(`${FORM}?lang=es`);
    expect(spanish.text).toMatch(/<html lang="en"/);
    expect(h1(spanish.text)).toBe('Apply for a resident parking permit');
  });

  it('links every page to the same page in the other languages, each named in its own language', async () => {
    const page = (await new Visitor(app).get(`${FORM}/live-in-zone`)).text;
    expect(page).toContain('class="govuk-language-navigation cf-languages"');
    expect(page).toMatch(
      /href="\/parking-permit\/live-in-zone\?lang=cy" rel="alternate" lang="cy" hreflang="cy"[^>]*>Cymraeg\s*</,
    );
    expect(page).toMatch(/aria-current="true" lang="en"[^>]*>English</);
  });

  it('keeps every answer when the language changes mid-journey, and records the language of the submission', async () => {
    const visitor = new Visitor(app);
    await visitor.answer(`${FORM}/live-in-zone`, { 'live-in-zone': 'yes' });
    await visitor.answer(`${FORM}/full-name`, { 'full-name': 'Carys Llywelyn' });
    const welshName = await visitor.get(`${FORM}/full-name?lang=cy`);
    expect(welshName.text).toContain('value="Carys Llywelyn"');
    expect(welshName.text).toContain('Beth yw eich enw llawn?');
    const welshZone = await visitor.get(`${FORM}/live-in-zone`);
    expect(welshZone.text).toMatch(/value="yes" checked/);

    let at = await visitor.answer(`${FORM}/contact`, { phone: '029 2018 0000', email: '' });
    at = await visitor.answer(at, { 'has-vehicles': 'no' });
    const start = new Date(Date.now() + 40 * 86_400_000);
    at = await visitor.answer(at, {
      'start-date-day': String(start.getUTCDate()),
      'start-date-month': new Intl.DateTimeFormat('cy', { month: 'long', timeZone: 'UTC' }).format(
        start,
      ),
      'start-date-year': String(start.getUTCFullYear()),
    });
    expect(at).toBe(`${FORM}/check-answers`);
    const check = (await visitor.get(at)).text;
    expect(check).toContain('Anfon y cais');
    await visitor.post(at, {});
    const confirmation = (await visitor.get(`${FORM}/confirmation`)).text;
    expect(textOf(confirmation, /<h1[^>]*>([\s\S]*?)<\/h1>/)).toBe("Cais wedi'i anfon");
    const reference = panelCode(confirmation) ?? '';
    expect((await app.store.journeys.findSubmission(reference))?.language).toBe('cy');
  });

  it('words errors in the language of the page, from the question’s own label', async () => {
    const visitor = new Visitor(app);
    await visitor.answer(`${FORM}/live-in-zone?lang=cy`, { 'live-in-zone': 'yes' });
    await visitor.get(`${FORM}/full-name`);
    const refused = await visitor.post(`${FORM}/full-name`, {});
    expect(refused.text).toMatch(/<title>Gwall: /);
    expect(refused.text).toContain('Mae problem wedi codi');
    expect(refused.text).toContain('Rhowch eich enw llawn');
  });
});

describe('right-to-left languages', () => {
  it('mark the page dir="rtl" and load the mirrored stylesheet', async () => {
    const app = testApp({ formsDir: 'forms' });
    const page = (await new Visitor(app).get('/council-tax-reduction?lang=ar')).text;
    await app.close();
    expect(page).toMatch(/<html lang="ar" dir="rtl"/);
    expect(page).toMatch(
      /<link rel="stylesheet" href="\/assets\/civic-forms\.rtl-[0-9a-f]+\.css">/,
    );
  });
});

describe('plurals', () => {
  const i18n = createI18n();

  it.each(['en', 'cy', 'es', 'ar'])('has every plural form %s needs', (lang) => {
    const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
    const missing = categories.filter(
      (category) =>
        !i18n.exists(`section.summaryCount_${category}`, { lng: lang, fallbackLng: false }),
    );
    expect(missing).toEqual([]);
  });

  it('reads 0, 1, 2, 3, 6 and 11 items with the six Welsh forms, each its own sentence', () => {
    const t = translator(i18n, 'cy');
    const forms = [0, 1, 2, 3, 6, 11].map((count) => {
      const category = new Intl.PluralRules('cy').select(count);
      const template = String(i18n.getResource('cy', 'common', `section.summaryCount_${category}`));
      expect(t('section.summaryCount', { count })).toBe(
        template.replace('{{count}}', String(count)),
      );
      return category;
    });
    expect(forms).toEqual(['zero', 'one', 'two', 'few', 'many', 'other']);
  });
});
