import { isQuestionPage } from '../definition/catalogue';
import type { FormDefinition, QuestionPage } from '../definition/types';
import { itemsOf, type Answers, type Draft, type RepeatItem } from './answers';
import { itemPageKey } from './journey';
import { rawFromAnswers, readPage } from './page-answers';

/**
 * A page's stored answers read back under a (new) definition, as if posted again: the answers that
 * still fit are kept, and the page stays done only if nothing on it needs asking again (a new
 * required question, an option taken away, a tighter rule). Files cannot be posted again: they
 * are kept as they are.
 */
function refit(
  page: QuestionPage,
  from: Readonly<Record<string, unknown>>,
  into: Record<string, unknown>,
  today: string,
  lang: string,
): boolean {
  const asked: QuestionPage = {
    ...page,
    questions: page.questions.filter((q) => q.type !== 'file'),
  };
  const read = readPage(asked, rawFromAnswers(asked, from), { today, lang });
  const wrong = new Set(read.errors.map((e) => e.questionId));
  for (const q of page.questions) {
    if (from[q.id] !== undefined && !wrong.has(q.id)) into[q.id] = from[q.id];
  }
  return read.errors.length === 0;
}

/**
 * A draft moved onto another version of its form (one declared compatible with the draft's): the
 * answers that still fit are kept, answers to questions the form no longer asks are dropped, and
 * pages with something to ask again are no longer done, so the journey goes back to them.
 */
export function moveDraft(form: FormDefinition, draft: Draft, today: string): Draft {
  const wasDone = new Set(draft.done);
  const answers: Answers = {};
  const done: string[] = [];
  for (const page of form.pages) {
    if (isQuestionPage(page)) {
      const fits = refit(page, draft.answers, answers, today, draft.language);
      if (fits && wasDone.has(page.id)) done.push(page.id);
      continue;
    }
    if (page.kind !== 'repeat') continue;
    const items: RepeatItem[] = [];
    for (const item of itemsOf(draft.answers, page.id)) {
      const kept: RepeatItem = { id: item.id, answers: {} };
      for (const inner of page.pages) {
        const key = itemPageKey(page.id, item.id, inner.id);
        const fits = refit(inner, item.answers, kept.answers, today, draft.language);
        if (fits && wasDone.has(key)) done.push(key);
      }
      items.push(kept);
    }
    if (items.length > 0) answers[page.id] = items;
    if (wasDone.has(page.id)) done.push(page.id);
  }
  return { ...draft, formVersion: form.version, answers, done };
}
