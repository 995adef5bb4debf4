import { localise } from '../../src/definition/translation';
import type { FormDefinition } from '../../src/definition/types';
import { summarise } from '../../src/engine/check-answers';
import { finishedDraft } from '../../src/engine/finished-draft';
import { answersPdf } from '../../src/paper/answers-pdf';
import type { Submission } from '../../src/store/store';
import type { CivicFormsApp } from '../../src/web/app';
import { createI18n, translator } from '../../src/web/i18n';
import { EXAMPLE_FORMS, testApp } from '../support/agent';
import { linesOf, pdfText, plain, plainText } from '../support/pdf-text';
import { sendApplication } from './sent-application';

jest.setTimeout(60_000);
const i18n = createI18n();

describe('answersPdf, a copy of what was sent', () => {
  let app: CivicFormsApp;
  let form: FormDefinition;
  let submission: Submission;
  beforeAll(async () => {
    app = testApp({ formsDir: EXAMPLE_FORMS });
    form = app.forms.get('council-tax-reduction') as FormDefinition;
    const { reference } = await sendApplication(app, 'en');
    submission = (await app.store.findSubmission(reference)) as Submission;
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
