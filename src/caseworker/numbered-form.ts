import { revisionOf, tagRevision } from '../definition/revision';
import type { FormDefinition, Page, Question, QuestionPage } from '../definition/types';
import { numberQuestions } from '../paper/numbering';
import type { Translate } from '../questions/question-type';

const numbered = new WeakMap<FormDefinition, FormDefinition>();

/**
 * The form with each question's label (and summary label) starting with its number on the paper
 * form ("Question 3: What is your full name?"), so staff keying in a paper form find each answer.
 * Ids, conditions and validation are the form's own. `t` is in the form's language; the copy is
 * made once per (localised) definition.
 * @example numberedForm(localise(form, 'en'), t).pages[2] // label "Question 2: What is your full name?"
 */
export function numberedForm(form: FormDefinition, t: Translate): FormDefinition {
  const known = numbered.get(form);
  if (known) return known;
  const numbers = numberQuestions(form);
  const label = (text: string, number: number | undefined) =>
    number === undefined ? text : t('caseworker:paper.numberedLabel', { number, label: text });
  const question = (q: Question): Question => {
    const number = numbers.get(q.id);
    return {
      ...q,
      label: label(q.label, number),
      ...(q.summaryLabel && { summaryLabel: label(q.summaryLabel, number) }),
    };
  };
  const questionPage = (page: QuestionPage): QuestionPage => ({
    ...page,
    questions: page.questions.map(question),
  });
  const page = (p: Page): Page =>
    p.kind === 'exit'
      ? p
      : p.kind === 'repeat'
        ? { ...p, pages: p.pages.map(questionPage) }
        : questionPage(p);
  const copy = Object.freeze({ ...form, pages: form.pages.map(page) });
  tagRevision(copy, revisionOf(form));
  numbered.set(form, copy);
  return copy;
}
