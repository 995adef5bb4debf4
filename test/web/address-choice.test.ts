import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import type { CivicFormsApp } from '../../src/web/app';
import { loadForms } from '../../src/definition/load';
import { h1, summaryErrors, tempDataDir, testApp, Visitor } from '../support/agent';
import { explore } from '../support/form-filler';

const TOKEN = 'metrics-token-for-the-address-choice-test';

/** A form whose one address question takes a UK address, one abroad, or no fixed address. */
const definition = {
  id: 'housing-register',
  title: 'Join the housing register',
  version: '1.0',
  languages: ['en', 'cy'],
  description: 'Apply to join the housing register.',
  start: { body: ['Apply to join the housing register.'] },
  help: { phone: '0306 999 0123', hours: 'Monday to Friday, 9am to 5pm' },
  pages: [
    {
      id: 'address',
      questions: [
        {
          id: 'address',
          type: 'address',
          variant: 'either',
          noFixedAddress: true,
          label: 'Where can we send letters to you?',
          summaryLabel: 'Address',
          errorLabel: 'your address',
        },
      ],
    },
  ],
  confirmation: { title: 'Application sent', whatHappensNext: ['We will write to you.'] },
};

/** Its Welsh translation (docs/translation.md). */
const welsh = {
  title: "Ymuno â'r gofrestr tai",
  description: "Gwnewch gais i ymuno â'r gofrestr tai.",
  start: { body: ["Gwnewch gais i ymuno â'r gofrestr tai."] },
  help: { hours: 'Dydd Llun i ddydd Gwener, 9am i 5pm' },
  questions: {
    address: {
      label: 'Ble gallwn ni anfon llythyrau atoch chi?',
      summaryLabel: 'Cyfeiriad',
      errorLabel: 'eich cyfeiriad',
    },
  },
  confirmation: {
    title: 'Cais wedi’i anfon',
    whatHappensNext: ['Byddwn yn ysgrifennu atoch chi.'],
  },
};

function writeForms(): string {
  const dir = tempDataDir();
  fs.writeFileSync(path.join(dir, 'housing-register.json'), JSON.stringify(definition));
  fs.mkdirSync(path.join(dir, 'locales', 'cy'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'locales', 'cy', 'housing-register.json'), JSON.stringify(welsh));
  return dir;
}

/** The language switcher's links: each language's code and address. */
const languageLinks = (html: string) =>
  [...html.matchAll(/<a [^>]*href="([^"]+)"[^>]*hreflang="([^"]+)"/g)].map((m) => [
    m[2],
    m[1]?.replace(/&amp;/g, '&'),
  ]);

/** The check answers value of the address, line by line. */
const addressLines = (html: string) =>
  (/govuk-summary-list__value">([\s\S]*?)<\/dd>/.exec(html)?.[1] ?? '')
    .split(/<br\s*\/?>/)
    .map((line) => line.replace(/<[^>]+>/g, '').trim())
    .filter(Boolean);

const metric = async (app: CivicFormsApp) =>
  /civic_forms_no_fixed_address_total\{form="housing-register",channel="online",agency="default"\} (\d+)/.exec(
    (await request(app).get('/metrics').set('Authorization', `Bearer ${TOKEN}`)).text,
  )?.[1];

describe('an address question that offers a choice, and no fixed address', () => {
  let app: CivicFormsApp;
  beforeAll(() => {
    app = testApp({ formsDir: writeForms(), metricsToken: TOKEN });
  });
  afterAll(() => app.close());

  it("asks which kind of address first, on a page of radios alone, then only that kind's inputs on a page of their own", async () => {
    const visitor = new Visitor(app);
    await visitor.get('/housing-register');
    const html = (await visitor.get('/housing-register/address')).text;
    const radios = [...html.matchAll(/name="address-choice" type="radio" value="([^"]+)"/g)];
    expect(radios.map((m) => m[1])).toEqual(['uk', 'international', 'care-of', 'collect', 'phone']);
    expect(h1(html)).toBe('Where can we send letters to you?');
    // No inputs, no reveals: short without JavaScript, nothing for a screen reader to expand.
    expect(html).not.toContain('name="address-uk-line1"');
    expect(html).not.toContain('govuk-radios__conditional');
    expect(html).not.toContain('aria-controls');

    const chose = await visitor.post('/housing-register/address', {
      'address-choice': 'international',
    });
    expect(chose.status).toBe(303);
    expect(chose.headers.location).toBe('/housing-register/address?address=international');
    const second = (await visitor.get(chose.headers.location as string)).text;
    expect(h1(second)).toBe('Where can we send letters to you?');
    expect(second).toContain('An address outside the UK');
    expect(second).not.toContain('name="address-choice"');
    expect(second).not.toContain('name="address-uk-line1"');
    for (const field of ['line1', 'town', 'region', 'postcode']) {
      expect(second).toContain(`name="address-international-${field}"`);
    }
    expect(second).toMatch(/<select class="govuk-select" id="address-international-country"/);
    expect(second).toContain('<option value="FR">France</option>');
    expect(second).toContain('action="/housing-register/address?address=international"');
    // Back goes to the choice, which remembers nothing it was not told: the person picks again.
    expect(second).toContain('href="/housing-register/address"');
  }, 120_000);

  it('keeps the chosen kind of address when the language is switched on the second page, and takes nothing else from the URL', async () => {
    const visitor = new Visitor(app);
    await visitor.get('/housing-register');
    const second = await visitor.answer('/housing-register/address', { 'address-choice': 'phone' });
    expect(second).toBe('/housing-register/address?address=phone');
    const english = (await visitor.get(`${second}&utm_source=leaflet&evil=%22x`)).text;
    expect(languageLinks(english)).toEqual([
      ['cy', '/housing-register/address?lang=cy&address=phone'],
    ]);
    const welsh = (await visitor.get('/housing-register/address?lang=cy&address=phone')).text;
    expect(h1(welsh)).toBe('Ble gallwn ni anfon llythyrau atoch chi?');
    // Still the second page: the phone number's input, not the choice of kind.
    expect(welsh).toContain('name="address-phone-phone"');
    expect(welsh).not.toContain('name="address-choice"');
    expect(languageLinks(welsh)).toEqual([
      ['en', '/housing-register/address?lang=en&address=phone'],
    ]);
    // In change mode too (the visitor reads Welsh now); and the first page's links name no choice.
    const changing = (await visitor.get('/housing-register/address?address=uk&change=1')).text;
    expect(languageLinks(changing)).toEqual([
      ['en', '/housing-register/address?lang=en&address=uk&change=1'],
    ]);
    const first = (await visitor.get('/housing-register/address?address=nowhere')).text;
    expect(first).toContain('name="address-choice"');
    expect(languageLinks(first)).toEqual([['en', '/housing-register/address?lang=en']]);
  }, 120_000);

  it('says which kind to choose when none is, and links the error to the phone number when phone only is left empty', async () => {
    const visitor = new Visitor(app);
    await visitor.get('/housing-register');
    await visitor.get('/housing-register/address');
    const none = await visitor.post('/housing-register/address', {});
    expect(none.status).toBe(400);
    expect(summaryErrors(none.text)).toHaveLength(1);
    expect(summaryErrors(none.text)[0]).toMatch(/^#address-choice /);
    const chose = await visitor.post('/housing-register/address', { 'address-choice': 'phone' });
    expect(chose.headers.location).toBe('/housing-register/address?address=phone');
    await visitor.get('/housing-register/address?address=phone');
    const refused = await visitor.post('/housing-register/address?address=phone', {
      'address-phone-phone': '',
    });
    expect(refused.status).toBe(400);
    expect(summaryErrors(refused.text)).toEqual(['#address-phone-phone Enter a phone number']);
    expect(refused.text).toContain('id="address-phone-phone"');
  }, 120_000);

  it('takes an address abroad over the two pages and shows the country by name on check answers', async () => {
    const visitor = new Visitor(app);
    await visitor.get('/housing-register');
    const second = await visitor.answer('/housing-register/address', {
      'address-choice': 'international',
    });
    expect(
      await visitor.answer(second, {
        'address-international-line1': '4 Rue de la Paix',
        'address-international-town': 'Paris',
        'address-international-postcode': '75002',
        'address-international-country': 'FR',
      }),
    ).toBe('/housing-register/check-answers');
    const check = (await visitor.get('/housing-register/check-answers')).text;
    expect(addressLines(check)).toEqual(['4 Rue de la Paix', 'Paris', '75002', 'France']);
    // Changing it goes through both pages again, in change mode, and back to check answers.
    expect(check).toContain('href="/housing-register/address?change=1"');
    await visitor.get('/housing-register/address?change=1');
    const again = await visitor.post('/housing-register/address?change=1', {
      'address-choice': 'uk',
    });
    expect(again.headers.location).toBe('/housing-register/address?address=uk&change=1');
    expect(
      await visitor.answer(again.headers.location as string, {
        'address-uk-line1': '14 Kestrel Row',
        'address-uk-town': 'Northbrook',
        'address-uk-postcode': 'nb1 2zz',
      }),
    ).toBe('/housing-register/check-answers');
    const changed = (await visitor.get('/housing-register/check-answers')).text;
    expect(addressLines(changed)).toEqual(['14 Kestrel Row', 'Northbrook', 'NB1 2ZZ']);
  }, 120_000);

  it('carries "I have no fixed address" to check answers, and counts it once sent', async () => {
    const before = Number((await metric(app)) ?? 0);
    const visitor = new Visitor(app);
    await visitor.get('/housing-register');
    await visitor.answer('/housing-register/address', { 'address-choice': 'collect' });
    const check = (await visitor.get('/housing-register/check-answers')).text;
    expect(addressLines(check)).toEqual([
      'No fixed address',
      'Will collect letters from the office',
    ]);
    const sent = await visitor.post('/housing-register/check-answers', {});
    expect(sent.status).toBe(303);
    expect(Number(await metric(app))).toBe(before + 1);
  }, 120_000);

  it('is filled by the test form filler as a person fills it: the kind on the first page, then only its inputs', async () => {
    const form = loadForms(app.config.formsDir).get('housing-register');
    if (!form) throw new Error('the test form did not load');
    const journey = await explore(new Visitor(app), form, 'check-answers');
    expect(journey?.path).toEqual([
      { url: '/housing-register/address', body: { 'address-choice': 'uk' } },
      {
        url: '/housing-register/address?address=uk',
        body: {
          'address-uk-line1': '12 Station Road',
          'address-uk-town': 'Northbrook',
          'address-uk-postcode': 'sw1a1aa',
        },
      },
    ]);
    // Each page, sent empty, says what is missing.
    expect(journey?.emptyErrors.map((e) => [e.url, e.errors.length > 0])).toEqual([
      ['/housing-register/address', true],
      ['/housing-register/address?address=uk', true],
    ]);
  }, 120_000);
});
