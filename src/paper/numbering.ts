import { isQuestionPage } from '../definition/catalogue';
import type { FormDefinition, QuestionPage } from '../definition/types';

/** Each question's number on paper, by question id. */
export type Numbering = ReadonlyMap<string, number>;

/**
 * Numbers the questions 1, 2, 3... in the definition's order, as the paper form prints them. A
 * repeating section's questions are numbered once: every "Person 1, Person 2" block shares them.
 * @example numberQuestions(form).get('date-of-birth') // 5
 */
export function numberQuestions(form: FormDefinition): Numbering {
  const numbers = new Map<string, number>();
  const add = (page: QuestionPage) => {
    for (const question of page.questions) {
      if (!numbers.has(question.id)) numbers.set(question.id, numbers.size + 1);
    }
  };
  for (const page of form.pages) {
    if (isQuestionPage(page)) add(page);
    else if (page.kind === 'repeat') page.pages.forEach(add);
  }
  return numbers;
}

/** The number of the first question a page or section asks, if it asks any. */
export function firstNumber(
  page: FormDefinition['pages'][number],
  numbering: Numbering,
): number | undefined {
  const pages = page.kind === 'repeat' ? page.pages : isQuestionPage(page) ? [page] : [];
  const first = pages.flatMap((p) => p.questions)[0];
  return first ? numbering.get(first.id) : undefined;
}
