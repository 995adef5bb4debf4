import type { YesNoQuestion } from '../definition/types';
import { errorParams, fieldsetParams, hintParams } from './label';
import { postedString, type QuestionType } from './question-type';

/** Every error code a yes-or-no answer can have. */
export const yesNoErrorCodes = ['required'] as const;

const ANSWERS = ['yes', 'no'] as const;

/** A yes-or-no question: two inline radios, stored as "yes" or "no". */
export const yesNo: QuestionType<YesNoQuestion, string> = {
  errorCodes: yesNoErrorCodes,
  type: 'yes-no',
  schemaKeys: {},
  fields: (q) => [q.id],
  freeTextFields: () => [],
  parse(q, body) {
    const value = postedString(body, q.id).trim();
    if (value !== 'yes' && value !== 'no') {
      const errors = q.optional ? [] : [{ questionId: q.id, field: q.id, code: 'required' }];
      return { value: undefined, raw: {}, errors };
    }
    return { value, raw: { [q.id]: value }, errors: [] };
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
        classes: 'govuk-radios--inline',
        items: ANSWERS.map((answer) => ({
          value: answer,
          text: context.t(`questions:yesNo.${answer}`),
          checked: postedString(raw, q.id) === answer,
        })),
      },
    };
  },
  paper: (_q, { t }) => [
    {
      kind: 'tick',
      instruction: t('paper:tick.one'),
      multiple: false,
      options: ANSWERS.map((answer) => ({ text: t(`questions:yesNo.${answer}`) })),
    },
  ],
  summary: (_q, value, { t }) => [t(`questions:yesNo.${value}`)],
};
