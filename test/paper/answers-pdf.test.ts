import { localise } from '../../src/definition/translation';
import type { FormDefinition } from '../../src/definition/types';
import { summarise } from '../../src/engine/check-answers';
import { finishedDraft } from '../../src/engine/finished-draft';
import { answersPdf } from '../../src/paper/answers-pdf';
import { missingGlyphs } from '../../src/paper/fonts';
import type { Submission } from '../../src/store/store';
import type { CivicFormsApp } from '../../src/web/app';
import { createI18n, translator } from '../../src/web/i18n';
import { EXAMPLE_FORMS, testApp } from '../support/agent';
import { linesOf, pdfText, plain, plainText } from '../support/pdf-text';
import { ANSWERS, sendApplication } from './sent-application';

jest.setTimeout(120_000);
const i18n = createI18n();

describe('answersPdf, a copy of what was sent', () => {
  let app: CivicFormsApp;
  let form: FormDefinition;
  let submission: Submission;
  beforeAll(async () => {
    app = testApp({ formsDir: EXAMPLE_FORMS });
    form = app.forms.get('council-tax-reduction') as FormDefinition;
    const { reference } = await sendApplication(app, 'en');
    submission = (await app.store.journeys.findSubmission(reference)) as Submission;
  }, 120_000);
  afterAll(() => app.close());

  it.each(['en', 'cy', 'es', 'ar'])(
    'gives the reference, the date and every answer as check answers shows them (%s)',
    async (lang) => {
      const t = translator(i18n, lang);
      const text = await pdfText(await answersPdf(form, submission, lang, t));
      const said = plainText(text);
      expect(said).toContain(plain(submission.reference));
      expect(said).toContain(plain(t('paper:answers.title')));
      const localised = localise(form, lang);
      const groups = summarise(localised, finishedDraft(localised, submission.answers), {
        t,
        lang,
      });
      const rows = groups.flatMap((g) => g.rows);
      expect(rows.length).toBeGreaterThan(14);
      for (const row of rows) {
        expect(said).toContain(
          plain(`${row.label}${(row.lines ?? [t('checkAnswers.notProvided')]).join('')}`),
        );
      }
      expect(text.info.Language).toBe(lang);
    },
  );

  it('heads the items of a repeating section as check answers does, and says what was not given', async () => {
    const t = translator(i18n, 'en');
    const said = plainText(await pdfText(await answersPdf(form, submission, 'en', t)));
    expect(said).toContain(plain('Person 1 Full name Chidi Okafor Date of birth 2 September 2015'));
    expect(said).toContain(plain('Email address Not provided'));
    expect(said).toContain(plain('Sent on'));
    expect(said).toMatch(/20\d\d/);
  });

  describe('with a phone number, a Latin address, an emoji and symbols typed in', () => {
    let typed: Submission;
    beforeAll(async () => {
      const answers = ANSWERS.map((page) =>
        page['property-address-line1']
          ? { ...page, 'property-address-line1': '12 High Street 🏠 → ✓' }
          : page['full-name']
            ? { 'full-name': 'Amara Okafor 👍🏽' }
            : page.phone
              ? { ...page, phone: '07700 900123' }
              : page,
      );
      const { reference } = await sendApplication(app, 'ar', answers);
      typed = (await app.store.journeys.findSubmission(reference)) as Submission;
    });

    it('draws each typed answer in its own direction: in Arabic, as typed', async () => {
      const text = await pdfText(await answersPdf(form, typed, 'ar', translator(i18n, 'ar')));
      // What a reader sees on each line, left to right.
      const seen = text.pages.flatMap((page) =>
        linesOf(page).map((line) =>
          [...line]
            .sort((a, b) => a.x - b.x)
            .map((item) => item.text)
            .join(' ')
            .replace(/\s+/g, ' ')
            .trim(),
        ),
      );
      expect(seen).toContain('07700 900123');
      expect(seen).toContain('12 High Street [1] [2] [3]');
      expect(seen).toContain('Amara Okafor [4]');
    });

    it.each(['en', 'ar'])(
      'never alters an emoji or a symbol: a numbered mark in its place, and a note (%s)',
      async (lang) => {
        const t = translator(i18n, lang);
        const text = await pdfText(await answersPdf(form, typed, lang, t));
        const said = plainText(text);
        expect(said).toContain(plain('12 High Street [1] [2] [3]'));
        expect(said).toContain(plain('Amara Okafor [4]'));
        const notes = [
          t('paper:answers.unprintableEmoji', { number: 1, codes: 'U+1F3E0' }),
          t('paper:answers.unprintable', { number: 2, codes: 'U+2192' }),
          t('paper:answers.unprintable', { number: 3, codes: 'U+2713' }),
          t('paper:answers.unprintableEmoji', { number: 4, codes: 'U+1F44D U+1F3FD' }),
        ];
        for (const note of notes) expect(said).toContain(plain(note));
        // Every character the copy prints is one its fonts draw: no empty box, no wrong glyph.
        expect(missingGlyphs(said)).toEqual([]);
      },
    );
  });

  it('reads right to left in Arabic', async () => {
    const text = await pdfText(await answersPdf(form, submission, 'ar', translator(i18n, 'ar')));
    const page = text.pages[0];
    if (!page) throw new Error('no page');
    const title = linesOf(page).find((line) => line.some((i) => i.text === 'إجاباتك'));
    expect(title).toBeDefined();
    const rightmost = Math.max(...page.items.map((i) => i.x + i.width));
    expect(page.width - 50 - rightmost).toBeLessThan(1);
  });
});
