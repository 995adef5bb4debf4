import Joi from 'joi';
import type { NumberQuestion } from '../definition/types';
import { decimalValue, readDecimal } from './decimal-text';
import { intlLocale } from './intl-locale';
import { inputParams } from './label';
import { postedString, type ParseResult, type QuestionType } from './question-type';

/** Every error code a number answer can have. */
export const numberErrorCodes = [
  'required',
  'notANumber',
  'notWhole',
  'tooManyDecimals',
  'tooSmall',
  'tooLarge',
] as const;
type NumberErrorCode = (typeof numberErrorCodes)[number];

/** A number, whole unless the question allows decimal places, within optional limits. */
export const number: QuestionType<NumberQuestion, number> = {
  errorCodes: numberErrorCodes,
  type: 'number',
  schemaKeys: {
    decimals: Joi.number().integer().min(0).max(10),
    min: Joi.number(),
    max: Joi.number(),
    suffix: Joi.string(),
  },
  fields: (q) => [q.id],
  freeTextFields: (q) => [q.id],
  parse(q, body, { lang }) {
    const typed = postedString(body, q.id);
    const raw = { [q.id]: typed };
    const result = (
      value: number | undefined,
      code?: NumberErrorCode,
      args?: Record<string, number>,
    ): ParseResult<number> => ({
      value,
      raw,
      errors: code ? [{ questionId: q.id, field: q.id, code, ...(args && { args }) }] : [],
    });
    if (typed.trim() === '') return result(undefined, q.optional ? undefined : 'required');
    const decimal = readDecimal(typed, lang);
    if (!decimal) return result(undefined, 'notANumber');
    const places = q.decimals ?? 0;
    if (decimal.fraction.length > places) {
      return places === 0
        ? result(undefined, 'notWhole')
        : result(undefined, 'tooManyDecimals', { count: places });
    }
    const value = decimalValue(decimal);
    if (q.min !== undefined && value < q.min) return result(value, 'tooSmall', { min: q.min });
    if (q.max !== undefined && value > q.max) return result(value, 'tooLarge', { max: q.max });
    return result(value);
  },
  toRaw: (q, value) => ({ [q.id]: value === undefined ? '' : String(value) }),
  view(q, raw, context) {
    return {
      macro: 'govukInput',
      params: {
        ...inputParams(q, raw, context),
        classes: 'govuk-input--width-10',
        inputmode: (q.decimals ?? 0) > 0 ? 'decimal' : 'numeric',
        spellcheck: false,
        suffix: q.suffix ? { text: q.suffix } : undefined,
      },
    };
  },
  paper: (q) => [
    { kind: 'write', lines: 1, width: 'short', ...(q.suffix && { suffix: q.suffix }) },
  ],
  summary(q, value, { lang }) {
    const format = new Intl.NumberFormat(intlLocale(lang), {
      maximumFractionDigits: q.decimals ?? 0,
    });
    return [q.suffix ? `${format.format(value)} ${q.suffix}` : format.format(value)];
  },
  comparable: (value) => value,
};
