import type { QuestionError } from './question-type';

/** The errors for a text answer outside its length limits (counted in characters, not bytes). */
export function lengthErrors(
  questionId: string,
  value: string,
  minLength: number | undefined,
  maxLength: number | undefined,
): QuestionError[] {
  const length = [...value].length;
  if (maxLength !== undefined && length > maxLength) {
    return [{ questionId, field: questionId, code: 'tooLong', args: { max: maxLength } }];
  }
  if (minLength !== undefined && length < minLength) {
    return [{ questionId, field: questionId, code: 'tooShort', args: { min: minLength } }];
  }
  return [];
}
