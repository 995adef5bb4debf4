import type { FormDefinition, Question, QuestionPage, Wording } from '../definition/types';
import { itemsOf, type Draft } from './answers';
import { holds, type Lookup } from './conditions';
import { activeAnswers, lookupIn } from './journey';

const WORDS = ['label', 'summaryLabel', 'errorLabel', 'hint'] as const;

/** The question with the first wording whose `when` holds applied; the question itself otherwise. */
export function wordQuestion<Q extends Question>(question: Q, lookup: Lookup): Q {
  const wording = question.wording?.find((w: Wording) => holds(w.when, lookup));
  if (!wording) return question;
  const worded: Q = { ...question };
  for (const name of WORDS) {
    const text = wording[name];
    if (text !== undefined) worded[name] = text;
  }
  if (wording.errors) worded.errors = { ...question.errors, ...wording.errors };
  return worded;
}

/**
 * The page with each question worded for the answers in scope (`lookup`): what the online page,
 * check answers and the read-aloud script say. The paper form keeps the questions' own words.
 */
export function wordPage(page: QuestionPage, lookup: Lookup): QuestionPage {
  if (!page.questions.some((q) => q.wording)) return page;
  return { ...page, questions: page.questions.map((q) => wordQuestion(q, lookup)) };
}

/** Which wording each question of a page takes (-1: its own), for keys of cached renders. */
export function wordingChoices(page: QuestionPage, lookup: Lookup): string {
  return page.questions
    .map((q) => q.wording?.findIndex((w) => holds(w.when, lookup)) ?? -1)
    .join(',');
}

/** The answers a step's wording looks at: those on the path, and the step's own repeat item. */
export function stepLookup(
  form: FormDefinition,
  draft: Pick<Draft, 'answers' | 'done'>,
  step: { section?: { id: string }; item?: { id: string } },
): Lookup {
  const item =
    step.section && step.item
      ? itemsOf(draft.answers, step.section.id).find((i) => i.id === step.item?.id)
      : undefined;
  return lookupIn(form, activeAnswers(form, draft), item);
}
