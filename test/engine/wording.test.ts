import { readAloudScript } from '../../src/caseworker/read-aloud-script';
import { parseDefinition } from '../../src/definition/load';
import type { FormDefinition, QuestionPage } from '../../src/definition/types';
import { stepLookup, wordPage, wordQuestion } from '../../src/engine/wording';
import { paperForm, type PaperQuestion } from '../../src/paper/paper-form';
import { createI18n, translator } from '../../src/web/i18n';

const definition = {
  id: 'carers',
  title: 'Apply for a carer’s grant',
  version: '1.0',
  description: 'Apply for a grant for a carer.',
  start: { body: ['Apply for yourself or for someone you care for.'] },
  help: { phone: '0306 999 0123', hours: 'Monday to Friday, 9am to 5pm' },
  pages: [
    {
      id: 'who-for',
      questions: [
        {
          id: 'who-for',
          type: 'radios',
          label: 'Who are you applying for?',
          options: [
            { value: 'me', text: 'Myself' },
            { value: 'other', text: 'Someone I care for' },
          ],
        },
      ],
    },
    {
      id: 'dob',
      questions: [
        {
          id: 'dob',
          type: 'date',
          label: 'What is their date of birth?',
          hint: 'For example, 27 3 1950',
          wording: [
            {
              when: { question: 'who-for', equals: 'me' },
              label: 'What is your date of birth?',
              hint: 'For example, 27 3 1980',
            },
          ],
        },
      ],
    },
  ],
  confirmation: { title: 'Sent', whatHappensNext: ['We will write to you.'] },
};

const result = parseDefinition(JSON.stringify(definition), 'forms/carers.json');
if (!result.ok) throw new Error(JSON.stringify(result.problems));
const form: FormDefinition = result.form;
const dobPage = form.pages[1] as QuestionPage;
const t = translator(createI18n(), 'en');
const asked = (whoFor: string) => wordPage(dobPage, stepLookup(form, draft(whoFor), {}));

function draft(whoFor: string) {
  return { answers: { 'who-for': whoFor }, done: ['who-for'] };
}

describe('wording', () => {
  it('takes the wording whose condition holds, keeping the rest of the question', () => {
    const [question] = asked('me').questions;
    expect(question).toMatchObject({
      id: 'dob',
      type: 'date',
      label: 'What is your date of birth?',
      hint: 'For example, 27 3 1980',
    });
  });

  it('keeps the question’s own words when no wording holds, or nothing is answered yet', () => {
    expect(asked('other').questions[0]).toMatchObject({
      label: 'What is their date of birth?',
      hint: 'For example, 27 3 1950',
    });
    const own = dobPage.questions[0] as QuestionPage['questions'][number];
    const none = wordQuestion(own, stepLookup(form, { answers: {}, done: [] }, {}));
    expect(none.label).toBe('What is their date of birth?');
  });

  it('gives the caseworker the words the caller’s answers call for', () => {
    expect(readAloudScript(asked('me'), t).questions).toEqual([
      { label: 'What is your date of birth?', hint: 'For example, 27 3 1980' },
    ]);
    expect(readAloudScript(asked('other'), t).questions).toEqual([
      { label: 'What is their date of birth?', hint: 'For example, 27 3 1950' },
    ]);
  });

  it('prints the question’s own words on paper, where no answer is known yet', () => {
    const paper = paperForm(form, {
      t,
      lang: 'en',
      dir: 'ltr',
      onlineUrl: 'https://x.test/carers',
    });
    const printed = paper.blocks[1] as PaperQuestion;
    expect(printed.label).toBe('What is their date of birth?');
    expect(printed.hint).toBe('For example, 27 3 1950');
  });
});
