import type { Question } from '../definition/types';
import type { AnswerValue } from '../questions/question-type';

/**
 * The answer kept when a person ticks "I do not have this yet" on a soft-required question: a
 * record no question type gives, so it is never mistaken for an answer.
 */
export const NOT_YET: Readonly<Record<string, string>> = Object.freeze({ notYet: 'true' });

/** Whether a stored answer is "I do not have this yet". */
export function isNotYet(value: AnswerValue | unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    (value as Record<string, unknown>).notYet === 'true'
  );
}

/** The form field of a question's "I do not have this yet" checkbox. */
export function notYetField(question: Pick<Question, 'id'>): string {
  return `${question.id}-not-yet`;
}
