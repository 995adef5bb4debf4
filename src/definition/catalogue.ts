import type { FormDefinition, Page, Question, QuestionPage, RepeatSection } from './types';

/** Where a question sits in its form. */
export interface QuestionEntry {
  question: Question;
  page: QuestionPage;
  /** The repeating section the question is asked in, once per item. */
  section?: RepeatSection;
  /** Position in the form, counting every question from 0: conditions may only look back. */
  order: number;
  /** JSON path of the question in the definition, for error reports. */
  path: string;
}

/** Every question of a form by id, with where it sits. */
export type Catalogue = ReadonlyMap<string, QuestionEntry>;

/** Whether a page is a page of questions (the default kind). */
export function isQuestionPage(page: Page): page is QuestionPage {
  return page.kind === undefined || page.kind === 'questions';
}

/** Lists every question of a form in order, with its page and section. */
export function buildCatalogue(form: FormDefinition): Catalogue {
  const entries = new Map<string, QuestionEntry>();
  const add = (page: QuestionPage, pagePath: string, section?: RepeatSection) => {
    page.questions.forEach((question, i) => {
      if (entries.has(question.id)) return;
      entries.set(question.id, {
        question,
        page,
        section,
        order: entries.size,
        path: `${pagePath}.questions[${i}]`,
      });
    });
  };
  form.pages.forEach((page, p) => {
    if (isQuestionPage(page)) add(page, `pages[${p}]`);
    else if (page.kind === 'repeat') {
      page.pages.forEach((inner, i) => add(inner, `pages[${p}].pages[${i}]`, page));
    }
  });
  return entries;
}
