import fs from 'node:fs';
import path from 'node:path';
import { checkDefinitions } from '../../src/definition/load';
import { formatProblem } from '../../src/definition/problem';
import type { CivicFormsApp } from '../../src/web/app';
import { tempDataDir, testApp, textOf, Visitor } from '../support/agent';

/** A form with one repeating section of tenants, offered in English, Welsh, Spanish and Arabic. */
const definition = {
  id: 'tenants',
  title: 'Tell us who lives in your home',
  version: '1.0',
  languages: ['en', 'cy', 'es', 'ar'],
  description: 'Tell us who rents your home with you.',
  start: { body: ['Tell us about each tenant.'] },
  help: {
    phone: '0306 999 0123',
    hours: 'Monday to Friday, 9am to 5pm',
    postalAddress: ['Town Hall', 'NB1 1AA'],
  },
  pages: [
    {
      id: 'tenants',
      kind: 'repeat',
      title: 'Tenants',
      itemName: 'tenant',
      itemLabel: 'tenant-name',
      addAnotherLabel: 'Do you need to add another tenant?',
      itemCount_one: 'You have added {{count}} tenant',
      itemCount_other: 'You have added {{count}} tenants',
      max: 30,
      pages: [
        {
          id: 'tenant-name',
          questions: [{ id: 'tenant-name', type: 'text', label: 'Tenant’s name' }],
        },
      ],
    },
    {
      id: 'your-phone',
      questions: [{ id: 'your-phone', type: 'phone', label: 'Your phone number' }],
    },
  ],
  confirmation: { title: 'Sent', whatHappensNext: ['We will write to you.'] },
};

function translation(words: Record<string, string>, itemCount: Record<string, string>) {
  return {
    title: words.title,
    description: words.description,
    start: { body: [words.body] },
    help: { hours: words.hours },
    pages: {
      tenants: {
        title: words.section,
        itemName: words.itemName,
        addAnotherLabel: words.addAnother,
        ...Object.fromEntries(
          Object.entries(itemCount).map(([c, text]) => [`itemCount_${c}`, text]),
        ),
      },
    },
    questions: { 'tenant-name': { label: words.label }, 'your-phone': { label: words.phone } },
    confirmation: { title: words.sent, whatHappensNext: [words.next] },
  };
}

const WELSH_COUNTS = {
  zero: 'Nid ydych wedi ychwanegu unrhyw denant',
  one: 'Rydych wedi ychwanegu {{count}} tenant',
  two: 'Rydych wedi ychwanegu {{count}} denant',
  few: 'Rydych wedi ychwanegu {{count}} thenant',
  many: 'Rydych wedi ychwanegu {{count}} thenant',
  other: 'Rydych wedi ychwanegu {{count}} o denantiaid',
};
const translations: Record<string, object> = {
  cy: translation(
    {
      title: 'Dywedwch wrthym pwy sy’n byw yn eich cartref',
      description: 'Dywedwch wrthym pwy sy’n rhentu eich cartref gyda chi.',
      body: 'Dywedwch wrthym am bob tenant.',
      hours: 'Dydd Llun i ddydd Gwener, 9am i 5pm',
      section: 'Tenantiaid',
      itemName: 'tenant',
      addAnother: 'Oes angen i chi ychwanegu tenant arall?',
      label: 'Enw’r tenant',
      phone: 'Eich rhif ffôn',
      sent: 'Wedi anfon',
      next: 'Byddwn yn ysgrifennu atoch.',
    },
    WELSH_COUNTS,
  ),
  es: translation(
    {
      title: 'Díganos quién vive en su casa',
      description: 'Díganos quién alquila su casa con usted.',
      body: 'Háblenos de cada inquilino.',
      hours: 'De lunes a viernes, de 9 a 17 h',
      section: 'Inquilinos',
      itemName: 'inquilino',
      addAnother: '¿Necesita añadir otro inquilino?',
      label: 'Nombre del inquilino',
      phone: 'Su número de teléfono',
      sent: 'Enviado',
      next: 'Le escribiremos.',
    },
    {
      one: 'Ha añadido {{count}} inquilino',
      many: 'Ha añadido {{count}} de inquilinos',
      other: 'Ha añadido {{count}} inquilinos',
    },
  ),
  ar: translation(
    {
      title: 'أخبرنا من يعيش في منزلك',
      description: 'أخبرنا من يستأجر منزلك معك.',
      body: 'أخبرنا عن كل مستأجر.',
      hours: 'من الاثنين إلى الجمعة، من 9 صباحًا إلى 5 مساءً',
      section: 'المستأجرون',
      itemName: 'مستأجر',
      addAnother: 'هل تحتاج إلى إضافة مستأجر آخر؟',
      label: 'اسم المستأجر',
      phone: 'رقم هاتفك',
      sent: 'تم الإرسال',
      next: 'سنكتب إليك.',
    },
    {
      zero: 'لم تُضف أي مستأجر',
      one: 'لقد أضفت مستأجرًا واحدًا',
      two: 'لقد أضفت مستأجرَين',
      few: 'لقد أضفت {{count}} مستأجرين',
      many: 'لقد أضفت {{count}} مستأجرًا',
      other: 'لقد أضفت {{count}} مستأجر',
    },
  ),
};

function writeForms(welsh: object = translations.cy ?? {}): string {
  const dir = tempDataDir();
  fs.writeFileSync(path.join(dir, 'tenants.json'), JSON.stringify(definition));
  for (const [lang, words] of Object.entries({ ...translations, cy: welsh })) {
    fs.mkdirSync(path.join(dir, 'locales', lang), { recursive: true });
    fs.writeFileSync(path.join(dir, 'locales', lang, 'tenants.json'), JSON.stringify(words));
  }
  return dir;
}

/** Adds `count` tenants in a language and returns the sentence above the summary list. */
async function summaryAfter(app: CivicFormsApp, lang: string, count: number): Promise<string> {
  const visitor = new Visitor(app);
  await visitor.get(`/tenants?lang=${lang}`);
  for (let i = 1; i <= count; i += 1) {
    const at = await visitor.answer(`/tenants/tenants/${i}/tenant-name`, {
      'tenant-name': `Tenant ${i}`,
    });
    expect(at).toBe('/tenants/tenants');
    if (i < count) await visitor.answer('/tenants/tenants', { 'add-another': 'yes' });
  }
  const page = (await visitor.get('/tenants/tenants')).text;
  return textOf(page, /<h1[^>]*>[\s\S]*?<\/h1>\s*<p class="govuk-body">([\s\S]*?)<\/p>/) ?? '';
}

describe('the repeating section summary names its items in the plural each language needs', () => {
  let app: CivicFormsApp;
  beforeAll(() => {
    app = testApp({ formsDir: writeForms() });
  });
  afterAll(() => app.close());

  it.each([
    ['en', 1, 'You have added 1 tenant'],
    ['en', 2, 'You have added 2 tenants'],
    ['cy', 1, 'Rydych wedi ychwanegu 1 tenant'],
    ['cy', 2, 'Rydych wedi ychwanegu 2 denant'],
    ['cy', 3, 'Rydych wedi ychwanegu 3 thenant'],
    ['cy', 6, 'Rydych wedi ychwanegu 6 thenant'],
    ['cy', 4, 'Rydych wedi ychwanegu 4 o denantiaid'],
    ['es', 2, 'Ha añadido 2 inquilinos'],
    ['ar', 1, 'لقد أضفت مستأجرًا واحدًا'],
    ['ar', 2, 'لقد أضفت مستأجرَين'],
    ['ar', 3, 'لقد أضفت 3 مستأجرين'],
    ['ar', 11, 'لقد أضفت 11 مستأجرًا'],
  ])(
    'in %s, after %i added: "%s"',
    async (lang, count, expected) => {
      expect(await summaryAfter(app, lang, count)).toBe(expected);
    },
    120_000,
  );
});

describe('checking plural texts', () => {
  it('refuses a Welsh translation that leaves out a plural form Welsh has', () => {
    const broken = JSON.parse(JSON.stringify(translations.cy)) as {
      pages: { tenants: Record<string, string> };
    };
    delete broken.pages.tenants.itemCount_two;
    const dir = writeForms(broken);
    const [result] = checkDefinitions([path.join(dir, 'tenants.json')]);
    expect(result?.ok).toBe(false);
    const lines = result && !result.ok ? result.problems.map(formatProblem) : [];
    expect(lines).toEqual([
      expect.stringMatching(
        /locales\/cy\/tenants\.json: pages\.tenants\.itemCount_two: is missing \(expected the translation of "You have added \{\{count\}\} tenants"\)$/,
      ),
    ]);
  });

  it('refuses a definition without every plural form of its own language', () => {
    const dir = writeForms();
    const { itemCount_one: _one, ...section } = definition.pages[0] ?? {};
    fs.writeFileSync(
      path.join(dir, 'tenants.json'),
      JSON.stringify({ ...definition, languages: ['en'], pages: [section, definition.pages[1]] }),
    );
    const [result] = checkDefinitions([path.join(dir, 'tenants.json')]);
    const lines = result && !result.ok ? result.problems.map(formatProblem) : [];
    expect(lines).toEqual([
      expect.stringContaining(
        'tenants.json: pages[0].itemCount_one: is missing (expected every plural form en has: itemCount_one, itemCount_other)',
      ),
    ]);
  });
});
