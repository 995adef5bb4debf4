import type { Question, QuestionTypeName } from '../definition/types';
import { address } from './address';
import { checkboxes } from './checkboxes';
import { date } from './date';
import { email } from './email';
import { file } from './file';
import { money } from './money';
import { name } from './name';
import { number } from './number';
import { phone } from './phone';
import type { QuestionType } from './question-type';
import { radios } from './radios';
import { select } from './select';
import { text } from './text';
import { textarea } from './textarea';
import { yesNo } from './yes-no';

/** Every question type the framework offers, by the `type` a definition names. */
export const questionTypes: {
  readonly [T in QuestionTypeName]: QuestionType<Extract<Question, { type: T }>>;
} = Object.freeze({
  text,
  textarea,
  number,
  money,
  email,
  phone,
  date,
  radios,
  checkboxes,
  select,
  'yes-no': yesNo,
  name,
  address,
  file,
});

/** The module that handles a question's type. */
export function typeOf<Q extends Question>(question: Q): QuestionType<Q> {
  return questionTypes[question.type] as unknown as QuestionType<Q>;
}
