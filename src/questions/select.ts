import type { SelectQuestion } from '../definition/types';
import { errorParams, hintParams, labelParams } from './label';
import { isOffered, optionText, optionsSchema } from './options';
import { tickOptions } from './paper-field';
import { postedString, type QuestionType } from './question-type';

/** Every error code a select answer can have. */
export const selectErrorCodes = ['required'] as const;

/** One choice from a drop-down list (radios are easier to use: keep this for long lists). */
export const select: QuestionType<SelectQuestion, string> = {
  errorCodes: selectErrorCodes,
  type: 'select',
  schemaKeys: { options: optionsSchema },
  fields: (q) => [q.id],
  freeTextFields: () => [],
  parse(q, body) {
    const value = postedString(body, q.id).trim();
    if (value === '' || !isOffered(q.options, value)) {
      const errors = q.optional ? [] : [{ questionId: q.id, field: q.id, code: 'required' }];
      return { value: undefined, raw: {}, errors };
    }
    return { value, raw: { [q.id]: value }, errors: [] };
  },
  toRaw: (q, value) => ({ [q.id]: value ?? '' }),
  view(q, raw, context) {
    const selected = postedString(raw, q.id);
    return {
      macro: 'govukSelect',
      params: {
        id: q.id,
        name: q.id,
        label: labelParams(q, context),
        hint: hintParams(q),
        errorMessage: errorParams(context),
        items: [
          { value: '', text: context.t('questions:select.choose'), selected: selected === '' },
          ...q.options.map((o) => ({
            value: o.value,
            text: o.text,
            selected: selected === o.value,
          })),
        ],
      },
    };
  },
  paper: (q, context) => [tickOptions(q.options, false, context)],
  summary: (q, value) => [optionText(q.options, value)],
};
