import { isDateRule, resolveDate } from './relative-date';
import { isNotYet } from './not-yet';
import { today } from './today';
import type { Condition, Question } from '../definition/types';
import { typeOf } from '../questions/registry';
import type { AnswerValue } from '../questions/question-type';

/** Finds the answer and the question for an id, in the scope the condition is evaluated in. */
export type Lookup = (
  questionId: string,
) => { question: Question; value: AnswerValue | undefined } | undefined;

function isAnswered(value: AnswerValue | undefined): boolean {
  if (value === undefined || value === '' || isNotYet(value)) return false;
  return !Array.isArray(value) || value.length > 0;
}

function compare(
  question: Question,
  value: AnswerValue | undefined,
  operand: number | string,
): number | undefined {
  if (value === undefined) return undefined;
  const mine = typeOf(question).comparable?.(value as never);
  if (mine === undefined) return undefined;
  const other =
    typeof operand === 'string' && isDateRule(operand) ? resolveDate(operand, today()) : operand;
  if (typeof mine === 'number') {
    const theirs = Number(other);
    return Number.isFinite(theirs) ? mine - theirs : undefined;
  }
  return mine < String(other) ? -1 : mine > String(other) ? 1 : 0;
}

/** Whether a condition holds for the answers in scope. An unanswered question satisfies only `answered: false`. */
export function holds(condition: Condition, lookup: Lookup): boolean {
  if ('all' in condition) return condition.all.every((c) => holds(c, lookup));
  if ('any' in condition) return condition.any.some((c) => holds(c, lookup));
  const found = lookup(condition.question);
  const value = found?.value;
  if ('answered' in condition) return isAnswered(value) === condition.answered;
  if (!found || !isAnswered(value)) return false;
  const same = (operand: string | number | boolean) =>
    typeof operand === 'number'
      ? compare(found.question, value, operand) === 0
      : String(value) === String(operand);
  if ('equals' in condition) return same(condition.equals);
  if ('notEquals' in condition) return !same(condition.notEquals);
  if ('oneOf' in condition) return condition.oneOf.some(same);
  if ('contains' in condition) return Array.isArray(value) && value.includes(condition.contains);
  if ('greaterThan' in condition)
    return (compare(found.question, value, condition.greaterThan) ?? 0) > 0;
  return (compare(found.question, value, condition.lessThan) ?? 0) < 0;
}
