import type { QuestionPage } from '../definition/types';
import { postedString } from '../questions/question-type';
import { typeOf } from '../questions/registry';
import { isNotYet, NOT_YET, notYetField } from './not-yet';
import type {
  AnswerValue,
  ParseContext,
  PostedBody,
  QuestionError,
  RawState,
} from '../questions/question-type';

/** What a page's post gave: each question's answer, its errors, and what was typed. */
export interface PageResult {
  values: Record<string, AnswerValue | undefined>;
  errors: QuestionError[];
  raw: RawState;
}

/** Reads and validates every question of a page from the posted body. */
export function readPage(page: QuestionPage, body: PostedBody, context: ParseContext): PageResult {
  const result: PageResult = { values: {}, errors: [], raw: {} };
  for (const question of page.questions) {
    const parsed = typeOf(question).parse(question, body, context);
    if (question.notYet && postedString(body, notYetField(question)) === 'yes') {
      // "I do not have this yet" is the answer, whatever else was typed (which is kept to show).
      result.values[question.id] = { ...NOT_YET };
      Object.assign(result.raw, parsed.raw, { [notYetField(question)]: 'yes' });
      continue;
    }
    result.values[question.id] = parsed.value;
    result.errors.push(...parsed.errors);
    Object.assign(result.raw, parsed.raw);
  }
  return result;
}

/** Stores a page's answers in an answers record: empty answers are removed, not kept as blanks. */
export function applyValues(
  target: Record<string, unknown>,
  values: Record<string, AnswerValue | undefined>,
): void {
  for (const [id, value] of Object.entries(values)) {
    if (value === undefined) delete target[id];
    else target[id] = value;
  }
}

/** What the inputs of a page show for stored answers. */
export function rawFromAnswers(
  page: QuestionPage,
  answers: Readonly<Record<string, unknown>>,
): RawState {
  const raw: RawState = {};
  for (const question of page.questions) {
    const value = answers[question.id];
    if (isNotYet(value)) {
      Object.assign(raw, typeOf(question).toRaw(question, undefined as never), {
        [notYetField(question)]: 'yes',
      });
    } else Object.assign(raw, typeOf(question).toRaw(question, value as never));
  }
  return raw;
}
