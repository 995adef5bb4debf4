import path from 'node:path';
import { numberedForm } from '../../src/caseworker/numbered-form';
import { loadForms } from '../../src/definition/load';
import { localise } from '../../src/definition/translation';
import type { FormDefinition, QuestionPage, RepeatSection } from '../../src/definition/types';
import { walk } from '../../src/engine/journey';
import { numberQuestions } from '../../src/paper/numbering';
import { createI18n, translator } from '../../src/web/i18n';

const i18n = createI18n();
const forms = loadForms(path.join(__dirname, '..', 'fixtures', 'forms'));
const permit = forms.get('parking-permit') as FormDefinition;

function labels(form: FormDefinition): string[] {
  return form.pages.flatMap((p) =>
    p.kind === 'exit'
      ? []
      : (p.kind === 'repeat' ? (p as RepeatSection).pages : [p as QuestionPage]).flatMap((page) =>
          page.questions.map((q) => q.label),
        ),
  );
}

describe('numberedForm', () => {
  it('starts each label with the question’s number on the paper form', () => {
    expect(labels(numberedForm(permit, translator(i18n, 'en')))).toEqual([
      'Question 1: Do you live in a resident parking zone?',
      'Question 2: What is your full name?',
      'Question 3: Phone number',
      'Question 4: Email address',
      'Question 5: Do you own a vehicle?',
      "Question 6: What is the vehicle's registration number?",
      'Question 7: What fuel does it use?',
      'Question 8: Do you need a charging bay?',
      'Question 9: When do you want the permit to start?',
    ]);
    // The numbers are the paper's own.
    expect([...numberQuestions(permit).values()]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('numbers in the form’s language, and keeps ids, conditions and the journey', () => {
    const welsh = numberedForm(localise(permit, 'cy'), translator(i18n, 'cy'));
    expect(labels(welsh)[1]).toBe('Cwestiwn 2: Beth yw eich enw llawn?');
    const draft = { answers: { 'live-in-zone': 'no' }, done: ['live-in-zone'] };
    expect(walk(welsh, draft).next).toMatchObject({ kind: 'exit', key: 'cannot-apply' });
    expect(welsh.pages.map((p) => p.id)).toEqual(permit.pages.map((p) => p.id));
  });

  it('makes the copy once per definition', () => {
    const t = translator(i18n, 'en');
    expect(numberedForm(permit, t)).toBe(numberedForm(permit, t));
    expect(Object.isFrozen(numberedForm(permit, t))).toBe(true);
  });
});
