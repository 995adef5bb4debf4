import Joi from 'joi';
import type { RadiosQuestion } from '../definition/types';
import { errorParams, fieldsetParams, hintParams } from './label';
import { isOffered, optionText, optionsSchema } from './options';
import { tickOptions } from './paper-field';
import { postedString, type QuestionType } from './question-type';

/** Every error code a radios answer can have. */
export const radiosErrorCodes = ['required'] as const;

/** One choice from a short list. */
export const radios: QuestionType<RadiosQuestion, string> = {
  errorCodes: radiosErrorCodes,
  type: 'radios',
  schemaKeys: { options: optionsSchema, inline: Joi.boolean() },
  fields: (q) => [q.id],
  freeTextFields: () => [],
  parse(q, body) {
    const value = postedString(body, q.id).trim();
    const raw = { [q.id]: value };
    if (value === '') {
      return {
        value: undefined,
        raw,
        errors: q.optional ? [] : [{ questionId: q.id, field: q.id, code: 'required' }],
      };
    }
    if (!isOffered(q.options, value)) {
      return {
        value: undefined,
        raw: {},
        errors: [{ questionId: q.id, field: q.id, code: 'required' }],
      };
    }
    return { value, raw, errors: [] };
  },
  toRaw: (q, value) => ({ [q.id]: value ?? '' }),
  view(q, raw, context) {
    return {
      macro: 'govukRadios',
      params: {
        idPrefix: q.id,
        name: q.id,
        fieldset: fieldsetParams(q, context),
        hint: hintParams(q),
        errorMessage: errorParams(context),
        classes: q.inline ? 'govuk-radios--inline' : undefined,
        items: q.options.map((o) => ({
          value: o.value,
          text: o.text,
          hint: o.hint ? { text: o.hint } : undefined,
          checked: raw[q.id] === o.value,
        })),
      },
    };
  },
  paper: (q, context) => [tickOptions(q.options, false, context)],
  summary: (q, value) => [optionText(q.options, value)],
};
