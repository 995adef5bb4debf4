import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import type { CivicFormsApp } from '../../src/web/app';
import { summaryErrors, tempDataDir, testApp, Visitor } from '../support/agent';

const TOKEN = 'metrics-token-for-the-address-choice-test';

/** A form whose one address question takes a UK address, one abroad, or no fixed address. */
const definition = {
  id: 'housing-register',
  title: 'Join the housing register',
  version: '1.0',
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

function writeForms(): string {
  const dir = tempDataDir();
  fs.writeFileSync(path.join(dir, 'housing-register.json'), JSON.stringify(definition));
  return dir;
}

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

  it('shows every choice with its inputs in the page itself, so it works without JavaScript', async () => {
    const visitor = new Visitor(app);
    await visitor.get('/housing-register');
    const html = (await visitor.get('/housing-register/address')).text;
    const radios = [...html.matchAll(/name="address-choice" type="radio" value="([^"]+)"/g)];
    expect(radios.map((m) => m[1])).toEqual(['uk', 'international', 'care-of', 'collect', 'phone']);
    for (const field of [
      'address-uk-line1',
      'address-uk-postcode',
      'address-international-region',
      'address-care-of-careOf',
      'address-phone-phone',
    ]) {
      expect(html).toContain(`name="${field}"`);
    }
    expect(html).toMatch(/<select class="govuk-select" id="address-international-country"/);
    expect(html).toContain('<option value="FR">France</option>');
    // govuk-frontend hides a closed reveal only once its script runs (govuk-frontend-supported).
    expect(html).toContain('govuk-radios__conditional');
  }, 120_000);

  it('links the error to the phone number when the person chose phone only and left it empty', async () => {
    const visitor = new Visitor(app);
    await visitor.get('/housing-register');
    await visitor.get('/housing-register/address');
    const refused = await visitor.post('/housing-register/address', { 'address-choice': 'phone' });
    expect(refused.status).toBe(400);
    expect(summaryErrors(refused.text)).toEqual(['#address-phone-phone Enter a phone number']);
    expect(refused.text).toMatch(/value="phone" checked/);
  }, 120_000);

  it('takes an address abroad and shows the country by name on check answers', async () => {
    const visitor = new Visitor(app);
    await visitor.get('/housing-register');
    await visitor.answer('/housing-register/address', {
      'address-choice': 'international',
      'address-international-line1': '4 Rue de la Paix',
      'address-international-town': 'Paris',
      'address-international-postcode': '75002',
      'address-international-country': 'FR',
    });
    const check = (await visitor.get('/housing-register/check-answers')).text;
    expect(addressLines(check)).toEqual(['4 Rue de la Paix', 'Paris', '75002', 'France']);
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
});
