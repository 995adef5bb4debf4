import Joi from 'joi';
import type { MoneyQuestion } from '../definition/types';
import { readDecimal } from './decimal-text';
import { intlLocale } from './intl-locale';
import { inputParams } from './label';
import { postedString, type ParseResult, type QuestionType } from './question-type';

/** Every error code a money answer can have. */
export const moneyErrorCodes = [
  'required',
  'notAnAmount',
  'tooManyDecimals',
  'notWhole',
  'tooSmall',
  'tooLarge',
] as const;
type MoneyErrorCode = (typeof moneyErrorCodes)[number];

/** A limit as an amount is written in an error message: "600", or "85.50" with pence. */
function amountText(amount: number): string {
  return Number.isInteger(amount) ? String(amount) : amount.toFixed(2);
}

/** An amount in pounds, stored as a string in pounds and pence ("1250.50"), or whole pounds. */
export const money: QuestionType<MoneyQuestion, string> = {
  errorCodes: moneyErrorCodes,
  type: 'money',
  schemaKeys: { min: Joi.number(), max: Joi.number(), wholeUnits: Joi.boolean() },
  fields: (q) => [q.id],
  freeTextFields: (q) => [q.id],
  parse(q, body, { lang }) {
    const typed = postedString(body, q.id);
    const raw = { [q.id]: typed };
    const result = (
      value: string | undefined,
      code?: MoneyErrorCode,
      args?: Record<string, string>,
    ): ParseResult<string> => ({
      value,
      raw,
      errors: code ? [{ questionId: q.id, field: q.id, code, ...(args && { args }) }] : [],
    });
    if (typed.trim() === '') return result(undefined, q.optional ? undefined : 'required');
    const decimal = readDecimal(typed.replace(/\s+/g, '').replace(/^([-\u2212]?)£/, '$1'), lang);
    if (!decimal) return result(undefined, 'notAnAmount');
    if (q.wholeUnits && decimal.fraction !== '') return result(undefined, 'notWhole');
    if (decimal.fraction.length > 2) return result(undefined, 'tooManyDecimals');
    const pence = q.wholeUnits ? '' : `.${decimal.fraction.padEnd(2, '0')}`;
    const value = `${decimal.negative ? '-' : ''}${decimal.whole}${pence}`;
    const amount = Number(value);
    if (q.min !== undefined && amount < q.min) {
      return result(value, 'tooSmall', { min: amountText(q.min) });
    }
    if (q.max !== undefined && amount > q.max) {
      return result(value, 'tooLarge', { max: amountText(q.max) });
    }
    return result(value);
  },
  toRaw: (q, value) => ({ [q.id]: value ?? '' }),
  view(q, raw, context) {
    return {
      macro: 'govukInput',
      params: {
        ...inputParams(q, raw, context),
        prefix: { text: context.t('questions:money.prefix') },
        classes: 'govuk-input--width-10',
        inputmode: 'decimal',
        spellcheck: false,
      },
    };
  },
  paper: (_q, { t }) => [
    { kind: 'write', lines: 1, width: 'short', prefix: t('questions:money.prefix') },
  ],
  summary(q, value, { lang }) {
    const digits = q.wholeUnits ? 0 : 2;
    const format = new Intl.NumberFormat(intlLocale(lang), {
      style: 'currency',
      currency: 'GBP',
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    return [format.format(Number(value))];
  },
  comparable: (value) => Number(value),
};
