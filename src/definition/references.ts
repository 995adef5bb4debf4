import { buildCatalogue, isQuestionPage } from './catalogue';
import { checkCondition } from './condition-checks';
import type { Problem } from './problem';
import type { FormDefinition, Question } from './types';

/** Page ids the runner uses for its own pages, so a form cannot take them. */
export const RESERVED_PAGE_IDS = Object.freeze([
  'check-answers',
  'confirmation',
  'start',
  'paper',
  'resume',
  'save',
  'clear',
  'timeout',
  'session-expired',
  'remove',
  'feedback',
]);

/**
 * The checks joi cannot make alone: ids unique across the form, conditions that name earlier
 * questions with values they can have, repeating sections whose item label exists.
 */
export function checkReferences(form: FormDefinition, file: string): Problem[] {
  const problems: Problem[] = [];
  const catalogue = buildCatalogue(form);
  const pageIds = new Map<string, string>();
  const questionIds = new Map<string, string>();

  const notePage = (id: string, path: string) => {
    if (RESERVED_PAGE_IDS.includes(id)) {
      problems.push({
        file,
        path: `${path}.id`,
        message: `is "${id}", a name the runner keeps for its own pages`,
        expected: `any id except ${RESERVED_PAGE_IDS.join(', ')}`,
      });
    }
    const first = pageIds.get(id);
    if (first)
      problems.push({
        file,
        path: `${path}.id`,
        message: `repeats the page id "${id}" of ${first}`,
        expected: 'a page id used once in the form',
      });
    else pageIds.set(id, path);
  };
  const noteQuestions = (questions: Question[], path: string) =>
    questions.forEach((q, i) => {
      const first = questionIds.get(q.id);
      const at = `${path}.questions[${i}]`;
      if (first)
        problems.push({
          file,
          path: `${at}.id`,
          message: `repeats the question id "${q.id}" of ${first}`,
          expected: 'a question id used once in the form',
        });
      else questionIds.set(q.id, at);
    });
  const firstOrder = (questions: Question[]) =>
    catalogue.get(questions[0]?.id ?? '')?.order ?? Infinity;

  let order = 0;
  form.pages.forEach((page, p) => {
    const path = `pages[${p}]`;
    notePage(page.id, path);
    if (page.condition)
      checkCondition(
        page.condition,
        `${path}.condition`,
        isQuestionPage(page) ? firstOrder(page.questions) : order,
        catalogue,
        file,
        problems,
      );
    if (isQuestionPage(page)) {
      noteQuestions(page.questions, path);
      order += page.questions.length;
    } else if (page.kind === 'repeat') {
      if (page.min !== undefined && page.max !== undefined && page.min > page.max) {
        problems.push({
          file,
          path: `${path}.min`,
          message: `is ${page.min}, more than max (${page.max})`,
          expected: 'min no greater than max',
        });
      }
      page.pages.forEach((inner, i) => {
        const innerPath = `${path}.pages[${i}]`;
        notePage(inner.id, innerPath);
        if (inner.condition)
          checkCondition(
            inner.condition,
            `${innerPath}.condition`,
            firstOrder(inner.questions),
            catalogue,
            file,
            problems,
            page,
          );
        noteQuestions(inner.questions, innerPath);
        order += inner.questions.length;
      });
      const label = catalogue.get(page.itemLabel);
      if (!label || label.section !== page) {
        problems.push({
          file,
          path: `${path}.itemLabel`,
          message: `names "${page.itemLabel}", which is not a question of this section`,
          expected: 'the id of a question asked in this repeating section',
        });
      }
    }
  });
  if (!form.pages.some(isQuestionPage)) {
    problems.push({
      file,
      path: 'pages',
      message: 'has no page of questions',
      expected: 'at least one page with questions',
    });
  }
  return problems;
}
