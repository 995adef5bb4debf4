import fs from 'node:fs';
import path from 'node:path';
import type { CivicFormsApp } from '../../src/web/app';
import { h1, inlineErrors, tempDataDir, testApp, Visitor } from '../support/agent';

/** A form for the person themselves or for someone else, whose later questions say "your" or "their". */
const definition = {
  id: 'blue-badge',
  title: 'Apply for a Blue Badge',
  version: '1.0',
  languages: ['en', 'cy'],
  description: 'Apply for a disabled parking permit.',
  start: { body: ['Apply for yourself or for someone you care for.'] },
  help: { phone: '0306 999 0123', hours: 'Monday to Friday, 9am to 5pm' },
  pages: [
    {
      id: 'who-for',
      questions: [
        {
          id: 'who-for',
          type: 'radios',
          label: 'Who is the badge for?',
          options: [
            { value: 'me', text: 'Me' },
            { value: 'someone-else', text: 'Someone else' },
          ],
        },
      ],
    },
    {
      id: 'full-name',
      questions: [
        {
          id: 'full-name',
          type: 'name',
          label: 'What is their full name?',
          summaryLabel: 'Their name',
          errors: { required: 'Enter their full name' },
          wording: [
            {
              when: { question: 'who-for', equals: 'me' },
              label: 'What is your full name?',
              summaryLabel: 'Your name',
              errors: { required: 'Enter your full name' },
            },
          ],
        },
      ],
    },
  ],
  confirmation: { title: 'Application sent', whatHappensNext: ['We will write to you.'] },
};

const welsh = {
  title: 'Gwneud cais am Fathodyn Glas',
  description: 'Gwneud cais am drwydded barcio i bobl anabl.',
  start: { body: ['Gwnewch gais drosoch chi eich hun neu dros rywun rydych yn gofalu amdano.'] },
  help: { hours: 'Dydd Llun i ddydd Gwener, 9am i 5pm' },
  questions: {
    'who-for': {
      label: 'Ar gyfer pwy mae’r bathodyn?',
      options: { me: { text: 'Fi' }, 'someone-else': { text: 'Rhywun arall' } },
    },
    'full-name': {
      label: 'Beth yw eu henw llawn?',
      summaryLabel: 'Eu henw',
      errors: { required: 'Rhowch eu henw llawn' },
      wording: [
        {
          label: 'Beth yw eich enw llawn?',
          summaryLabel: 'Eich enw',
          errors: { required: 'Rhowch eich enw llawn' },
        },
      ],
    },
  },
  confirmation: { title: 'Cais wedi’i anfon', whatHappensNext: ['Byddwn yn ysgrifennu atoch.'] },
};

function writeForms(): string {
  const dir = tempDataDir();
  fs.writeFileSync(path.join(dir, 'blue-badge.json'), JSON.stringify(definition));
  fs.mkdirSync(path.join(dir, 'locales', 'cy'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'locales', 'cy', 'blue-badge.json'), JSON.stringify(welsh));
  return dir;
}

/** The keys of the check answers summary list, as read. */
const keys = (html: string) =>
  [...html.matchAll(/govuk-summary-list__key">([\s\S]*?)<\/dt>/g)].map((m) => m[1]?.trim());

describe('wording that follows an earlier answer', () => {
  let app: CivicFormsApp;
  beforeAll(() => {
    app = testApp({ formsDir: writeForms() });
  });
  afterAll(() => app.close());

  it.each([
    ['en', 'me', 'What is your full name?', 'Enter your full name', 'Your name'],
    ['en', 'someone-else', 'What is their full name?', 'Enter their full name', 'Their name'],
    ['cy', 'me', 'Beth yw eich enw llawn?', 'Rhowch eich enw llawn', 'Eich enw'],
    ['cy', 'someone-else', 'Beth yw eu henw llawn?', 'Rhowch eu henw llawn', 'Eu henw'],
  ])(
    'in %s, for %s: asks "%s", says "%s" and checks "%s"',
    async (lang, whoFor, label, error, summary) => {
      const visitor = new Visitor(app);
      await visitor.get(`/blue-badge?lang=${lang}`);
      await visitor.answer('/blue-badge/who-for', { 'who-for': whoFor });
      expect(h1((await visitor.get('/blue-badge/full-name')).text)).toBe(label);
      const refused = await visitor.post('/blue-badge/full-name', { 'full-name': '' });
      expect(refused.status).toBe(400);
      expect(inlineErrors(refused.text)).toEqual([error]);
      await visitor.answer('/blue-badge/full-name', { 'full-name': 'Rhian Evans' });
      const check = (await visitor.get('/blue-badge/check-answers')).text;
      expect(keys(check)[1]).toBe(summary);
    },
    120_000,
  );

  it('changes the wording when the earlier answer changes, on the same cached page', async () => {
    const visitor = new Visitor(app);
    await visitor.get('/blue-badge');
    await visitor.answer('/blue-badge/who-for', { 'who-for': 'me' });
    expect(h1((await visitor.get('/blue-badge/full-name')).text)).toBe('What is your full name?');
    await visitor.answer('/blue-badge/who-for', { 'who-for': 'someone-else' });
    expect(h1((await visitor.get('/blue-badge/full-name')).text)).toBe('What is their full name?');
  }, 120_000);
});
