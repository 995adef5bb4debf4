import { isDateRule } from '../engine/relative-date';
import type { Catalogue } from './catalogue';
import { didYouMean } from './joi-problems';
import type { Problem } from './problem';
import type { Condition, Question, RepeatSection } from './types';

const ORDERED_TYPES = new Set(['number', 'money', 'date']);

/** Whether greaterThan/lessThan can compare a date question's answers with the operand at all. */
function dateComparableWith(operand: number | string): boolean {
  return isDateRule(operand);
}

const CHOICE_VALUES: Partial<Record<Question['type'], (q: Question) => string[]>> = {
  radios: (q) => ('options' in q ? q.options.map((o) => o.value) : []),
  select: (q) => ('options' in q ? q.options.map((o) => o.value) : []),
  checkboxes: (q) => ('options' in q ? q.options.map((o) => o.value) : []),
  'yes-no': () => ['yes', 'no'],
};

type Operand = string | number | boolean;

/** The values a comparison compares the answer with, each with the JSON path of its own. */
function operandsOf(condition: Condition, path: string): Array<[Operand, string]> {
  if ('equals' in condition) return [[condition.equals, `${path}.equals`]];
  if ('notEquals' in condition) return [[condition.notEquals, `${path}.notEquals`]];
  if ('oneOf' in condition) return condition.oneOf.map((v, i) => [v, `${path}.oneOf[${i}]`]);
  if ('greaterThan' in condition) return [[condition.greaterThan, `${path}.greaterThan`]];
  if ('lessThan' in condition) return [[condition.lessThan, `${path}.lessThan`]];
  return [];
}

/**
 * Answers are compared as they are kept: a number or money answer as a number (compared with text,
 * "5", it never equals it: money is kept as "5.00"), any other answer as text (compared with the
 * number 5, an option "5" never equals it). Each operand must be of the answer's own kind.
 */
function operandKindProblems(
  question: Question,
  condition: Condition,
  path: string,
  file: string,
): Problem[] {
  const numeric = question.type === 'number' || question.type === 'money';
  const ordered = 'greaterThan' in condition || 'lessThan' in condition;
  // greaterThan/lessThan on a date, or on a type that has no order, are checked apart.
  if (!numeric && ordered) return [];
  const kind = `a ${question.type} question`;
  return operandsOf(condition, path)
    .filter(([operand]) => (typeof operand === 'number') !== numeric)
    .map(([operand, at]): Problem => {
      if (!numeric) {
        return {
          file,
          path: at,
          message: `compares "${question.id}", ${kind}, with the number ${operand}, which its answers never equal`,
          expected: `text, in quotes: "${String(operand)}"`,
        };
      }
      const text = typeof operand === 'string' && operand.trim() !== '';
      return text && Number.isFinite(Number(operand))
        ? {
            file,
            path: at,
            message: `compares "${question.id}", ${kind}, with the text ${JSON.stringify(operand)}`,
            expected: `the number ${Number(operand)}, without quotes`,
          }
        : {
            file,
            path: at,
            message: `compares "${question.id}", ${kind}, with ${JSON.stringify(operand)}, which is not a number`,
            expected: 'a number, without quotes',
          };
    });
}

/**
 * Checks one condition (and the conditions inside `all` and `any`): it names a question asked
 * before the page (`before`, in the catalogue's order) and in scope there, with an operator and
 * values that question's answers can meet.
 */
export function checkCondition(
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
  const operand =
    'greaterThan' in condition
      ? condition.greaterThan
      : 'lessThan' in condition
        ? condition.lessThan
        : undefined;
  if (operand !== undefined && !ORDERED_TYPES.has(question.type)) {
    problems.push({
      file,
      path,
      message: `compares "${question.id}", a ${question.type} question, with greaterThan/lessThan`,
      expected: 'a number, money or date question',
    });
  } else if (operand !== undefined && question.type === 'date' && !dateComparableWith(operand)) {
    problems.push({
      file,
      path,
      message: `compares "${question.id}" with ${JSON.stringify(operand)}, which its answers cannot be compared with`,
      expected:
        '"today", a date written YYYY-MM-DD, or one relative to today such as "16 years ago"',
    });
  }
  problems.push(...operandKindProblems(question, condition, path, file));
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
  if (!choices || operand !== undefined) return;
  const values =
    'contains' in condition
      ? [condition.contains]
      : operandsOf(condition, path)
          .filter(([value]) => typeof value !== 'number')
          .map(([value]) => value);
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
