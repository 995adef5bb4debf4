import { buildCatalogue, isQuestionPage, type Catalogue } from './catalogue';
import { didYouMean } from './joi-problems';
import type { Problem } from './problem';
import type { Condition, FormDefinition, Question, RepeatSection } from './types';

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

const ORDERED_TYPES = new Set(['number', 'money', 'date']);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether greaterThan/lessThan can compare this question's answers with the operand at all. */
function comparableWith(question: Question, operand: number | string): boolean {
  if (question.type === 'date')
    return operand === 'today' || (typeof operand === 'string' && ISO_DATE.test(operand));
  return operand !== '' && Number.isFinite(Number(operand));
}
const CHOICE_VALUES: Partial<Record<Question['type'], (q: Question) => string[]>> = {
  radios: (q) => ('options' in q ? q.options.map((o) => o.value) : []),
  select: (q) => ('options' in q ? q.options.map((o) => o.value) : []),
  checkboxes: (q) => ('options' in q ? q.options.map((o) => o.value) : []),
  'yes-no': () => ['yes', 'no'],
};

function checkCondition(
  condition: Condition,
  path: string,
  before: number,
  catalogue: Catalogue,
  file: string,
  problems: Problem[],
  section?: RepeatSection,
): void {
  if ('all' in condition || 'any' in condition) {
    const parts = 'all' in condition ? condition.all : condition.any;
    const key = 'all' in condition ? 'all' : 'any';
    parts.forEach((part, i) =>
      checkCondition(part, `${path}.${key}[${i}]`, before, catalogue, file, problems, section),
    );
    return;
  }
  const entry = catalogue.get(condition.question);
  if (!entry) {
    const guess = didYouMean(condition.question, [...catalogue.keys()]);
    problems.push({
      file,
      path: `${path}.question`,
      message: `names a question that does not exist ("${condition.question}")`,
      expected: 'the id of a question asked earlier in the form',
      hint: guess ? `did you mean "${guess}"?` : undefined,
    });
    return;
  }
  if (entry.order >= before) {
    problems.push({
      file,
      path: `${path}.question`,
      message: `names "${condition.question}", which is not asked before this page`,
      expected: 'a question on an earlier page',
    });
  } else if (entry.section && entry.section !== section) {
    // An item's answers are only in scope on that item's own pages: elsewhere this never holds.
    problems.push({
      file,
      path: `${path}.question`,
      message: `names "${condition.question}", a question of the repeating section "${entry.section.id}"`,
      expected: 'a question outside repeating sections, or one of the same section as this page',
    });
  }
  const { question } = entry;
  if (
    ('greaterThan' in condition || 'lessThan' in condition) &&
    !ORDERED_TYPES.has(question.type)
  ) {
    problems.push({
      file,
      path,
      message: `compares "${question.id}", a ${question.type} question, with greaterThan/lessThan`,
      expected: 'a number, money or date question',
    });
  } else {
    const operand =
      'greaterThan' in condition
        ? condition.greaterThan
        : 'lessThan' in condition
          ? condition.lessThan
          : undefined;
    if (operand !== undefined && !comparableWith(question, operand)) {
      problems.push({
        file,
        path,
        message: `compares "${question.id}" with ${JSON.stringify(operand)}, which its answers cannot be compared with`,
        expected: question.type === 'date' ? '"today" or a date written YYYY-MM-DD' : 'a number',
      });
    }
  }
  if ('contains' in condition && question.type !== 'checkboxes') {
    problems.push({
      file,
      path,
      message: `uses contains on "${question.id}", a ${question.type} question`,
      expected: 'a checkboxes question',
    });
  }
  if (
    question.type === 'checkboxes' &&
    ('equals' in condition || 'notEquals' in condition || 'oneOf' in condition)
  ) {
    problems.push({
      file,
      path,
      message: `compares "${question.id}", a checkboxes question, as if it had one answer`,
      expected: 'contains, or answered, for a checkboxes question',
    });
    return;
  }
  const choices = CHOICE_VALUES[question.type]?.(question);
  if (!choices) return;
  const values =
    'equals' in condition
      ? [condition.equals]
      : 'notEquals' in condition
        ? [condition.notEquals]
        : 'oneOf' in condition
          ? condition.oneOf
          : 'contains' in condition
            ? [condition.contains]
            : [];
  for (const value of values) {
    if (!choices.includes(String(value))) {
      problems.push({
        file,
        path,
        message: `compares "${question.id}" with ${JSON.stringify(value)}, which is not one of its options`,
        expected: `one of ${choices.join(', ')}`,
      });
    }
  }
}

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
