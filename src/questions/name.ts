import Joi from 'joi';
import type { NameQuestion } from '../definition/types';
import { inputParams } from './label';
import { lengthErrors } from './length-rules';
import { postedString, tidy, type QuestionType } from './question-type';

/** Every error code a name answer can have. */
export const nameErrorCodes = ['required', 'tooLong'] as const;

const DEFAULT_MAX_LENGTH = 100;

/** A person's full name in one box, kept as they write it (never re-cased or split). */
export const name: QuestionType<NameQuestion, string> = {
  errorCodes: nameErrorCodes,
  type: 'name',
  schemaKeys: { maxLength: Joi.number().integer().min(1).max(1000) },
  fields: (q) => [q.id],
  freeTextFields: (q) => [q.id],
  parse(q, body) {
    const typed = postedString(body, q.id);
    const value = tidy(typed);
    const raw = { [q.id]: typed };
    if (value === '') {
      const errors = q.optional ? [] : [{ questionId: q.id, field: q.id, code: 'required' }];
      return { value: undefined, raw, errors };
    }
    const errors = lengthErrors(q.id, value, undefined, q.maxLength ?? DEFAULT_MAX_LENGTH);
    return { value, raw, errors };
  },
  toRaw: (q, value) => ({ [q.id]: value ?? '' }),
  view(q, raw, context) {
    return {
      macro: 'govukInput',
      params: {
        ...inputParams(q, raw, context),
        autocomplete: 'name',
        spellcheck: false,
      },
    };
  },
  paper: () => [{ kind: 'write', lines: 1, width: 'full' }],
  summary: (_q, value) => [value],
};
