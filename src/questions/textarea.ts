import Joi from 'joi';
import type { TextareaQuestion } from '../definition/types';
import { characterCountText } from './character-count-text';
import { inputParams } from './label';
import { lengthErrors } from './length-rules';
import { writingLines } from './paper-field';
import { postedString, type QuestionType } from './question-type';

/** Every error code a textarea answer can have. */
export const textareaErrorCodes = ['required', 'tooLong', 'tooShort'] as const;

/** Several lines of free text, with a character count. */
export const textarea: QuestionType<TextareaQuestion, string> = {
  errorCodes: textareaErrorCodes,
  type: 'textarea',
  schemaKeys: {
    maxLength: Joi.number().integer().min(1).max(10000).required(),
    minLength: Joi.number().integer().min(1),
    rows: Joi.number().integer().min(2).max(30),
  },
  fields: (q) => [q.id],
  freeTextFields: (q) => [q.id],
  parse(q, body) {
    const typed = postedString(body, q.id);
    // Browsers post line breaks as CRLF, but the character count the user saw counted one each.
    const value = typed.replace(/\r\n?/g, '\n').trim();
    const raw = { [q.id]: typed };
    if (value === '') {
      const errors = q.optional ? [] : [{ questionId: q.id, field: q.id, code: 'required' }];
      return { value: undefined, raw, errors };
    }
    return { value, raw, errors: lengthErrors(q.id, value, q.minLength, q.maxLength) };
  },
  toRaw: (q, value) => ({ [q.id]: value ?? '' }),
  view(q, raw, context) {
    return {
      macro: 'govukCharacterCount',
      params: {
        ...inputParams(q, raw, context),
        maxlength: q.maxLength,
        rows: q.rows,
        ...characterCountText(context.t, context.lang),
      },
    };
  },
  paper: (q, context) => [writingLines(q.maxLength, context, 3)],
  summary: (_q, value) => value.split('\n'),
};
