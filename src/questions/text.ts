import Joi from 'joi';
import type { TextQuestion } from '../definition/types';
import { inputParams } from './label';
import { postedString, tidy, type QuestionType } from './question-type';
import { lengthErrors } from './length-rules';
import { writingLines } from './paper-field';

const WIDTHS = [2, 3, 4, 5, 10, 20, 30];

/** Every error code a text answer can have. */
export const textErrorCodes = ['required', 'tooLong', 'tooShort', 'pattern'] as const;

/** A single line of free text, with optional length and pattern rules. */
export const text: QuestionType<TextQuestion, string> = {
  errorCodes: textErrorCodes,
  type: 'text',
  schemaKeys: {
    minLength: Joi.number().integer().min(1),
    maxLength: Joi.number().integer().min(1).max(10000),
    pattern: Joi.string().custom((value: string) => {
      new RegExp(value, 'u');
      return value;
    }, 'a regular expression'),
    width: Joi.number().valid(...WIDTHS),
    autocomplete: Joi.string(),
    spellcheck: Joi.boolean(),
    ignoreSpaces: Joi.boolean(),
    uppercase: Joi.boolean(),
  },
  fields: (q) => [q.id],
  freeTextFields: (q) => [q.id],
  parse(q, body) {
    const typed = postedString(body, q.id);
    let value = tidy(typed);
    if (q.ignoreSpaces) value = value.replace(/[\s-]+/g, '');
    if (q.uppercase) value = value.toUpperCase();
    const raw = { [q.id]: typed };
    if (value === '') {
      return {
        value: undefined,
        raw,
        errors: q.optional ? [] : [{ questionId: q.id, field: q.id, code: 'required' }],
      };
    }
    const errors = lengthErrors(q.id, value, q.minLength, q.maxLength);
    if (errors.length === 0 && q.pattern && !new RegExp(`^(?:${q.pattern})$`, 'u').test(value)) {
      errors.push({ questionId: q.id, field: q.id, code: 'pattern' });
    }
    return { value, raw, errors };
  },
  toRaw: (q, value) => ({ [q.id]: value ?? '' }),
  view(q, raw, context) {
    return {
      macro: 'govukInput',
      params: {
        ...inputParams(q, raw, context),
        classes: q.width ? `govuk-input--width-${q.width}` : undefined,
        autocomplete: q.autocomplete,
        spellcheck: q.spellcheck,
      },
    };
  },
  paper(q, context) {
    // A code or a number fits a short line; other answers get the lines their limit needs.
    if (q.width !== undefined && q.width <= 10)
      return [{ kind: 'write', lines: 1, width: 'short' }];
    if (q.width === 20) return [{ kind: 'write', lines: 1, width: 'medium' }];
    return [writingLines(q.maxLength, context)];
  },
  summary: (_q, value) => [value],
};
