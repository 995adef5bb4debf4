import Joi from 'joi';
import type { CheckboxesQuestion } from '../definition/types';
import { errorParams, fieldsetParams, hintParams } from './label';
import { optionText, optionsSchema } from './options';
import { tickOptions } from './paper-field';
import { postedList, type ParseResult, type QuestionType } from './question-type';

/** Every error code a checkboxes answer can have. */
export const checkboxesErrorCodes = [
  'required',
  'tooFew',
  'tooMany',
  'exclusiveWithOthers',
] as const;
type CheckboxesErrorCode = (typeof checkboxesErrorCodes)[number];

/** Any number of choices from a list; an `exclusive` option ("None of these") stands alone. */
export const checkboxes: QuestionType<CheckboxesQuestion, string[]> = {
  errorCodes: checkboxesErrorCodes,
  type: 'checkboxes',
  schemaKeys: {
    options: optionsSchema,
    minSelected: Joi.number().integer().min(1),
    maxSelected: Joi.number().integer().min(1),
  },
  fields: (q) => [q.id],
  freeTextFields: () => [],
  parse(q, body) {
    // Values the options do not offer are dropped, so a forged post cannot store anything else.
    const posted = postedList(body, q.id);
    const chosen = q.options.filter((o) => posted.includes(o.value));
    const value = chosen.map((o) => o.value);
    const raw = { [q.id]: value };
    const result = (
      code?: CheckboxesErrorCode,
      args?: Record<string, string | number>,
    ): ParseResult<string[]> => ({
      value: value.length > 0 ? value : undefined,
      raw,
      errors: code ? [{ questionId: q.id, field: q.id, code, ...(args && { args }) }] : [],
    });
    if (chosen.length === 0) return result(q.optional ? undefined : 'required');
    const exclusive = chosen.find((o) => o.exclusive);
    if (exclusive && chosen.length > 1) {
      return result('exclusiveWithOthers', { option: exclusive.text });
    }
    const { minSelected: min, maxSelected: max } = q;
    // "None of these" on its own is a whole answer, whatever the minimum.
    if (!exclusive && min !== undefined && chosen.length < min) {
      return result('tooFew', { min, count: min });
    }
    if (max !== undefined && chosen.length > max) return result('tooMany', { max, count: max });
    return result();
  },
  toRaw: (q, value) => ({ [q.id]: value ?? [] }),
  view(q, raw, context) {
    const checked = postedList(raw, q.id);
    return {
      macro: 'govukCheckboxes',
      params: {
        idPrefix: q.id,
        name: q.id,
        fieldset: fieldsetParams(q, context),
        hint: hintParams(q),
        errorMessage: errorParams(context),
        items: q.options.flatMap((o) => {
          const item = {
            value: o.value,
            text: o.text,
            hint: o.hint ? { text: o.hint } : undefined,
            checked: checked.includes(o.value),
            behaviour: o.exclusive ? 'exclusive' : undefined,
          };
          return o.exclusive ? [{ divider: context.t('questions:checkboxes.or') }, item] : [item];
        }),
      },
    };
  },
  paper: (q, context) => [tickOptions(q.options, true, context)],
  summary: (q, value) => value.map((v) => optionText(q.options, v)),
};
