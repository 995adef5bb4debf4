import Joi from 'joi';
import type { PhoneQuestion } from '../definition/types';
import { inputParams } from './label';
import { postedString, tidy, type QuestionType } from './question-type';

/** Every error code a phone answer can have. */
export const phoneErrorCodes = ['required', 'invalid', 'notUk'] as const;
type PhoneErrorCode = (typeof phoneErrorCodes)[number];

/** The digits of a number once the spaces, brackets, dashes and dots people write are removed. */
function dialled(typed: string): { plus: boolean; digits: string } | undefined {
  const match = /^(\+?)(\d+)$/.exec(typed.replace(/[\s().\-\u2013]/g, ''));
  return match ? { plus: match[1] === '+', digits: match[2] ?? '' } : undefined;
}

/** UK numbers: 0 then 9 or 10 digits, or +44 (or 0044) then 9 or 10, with an optional (0). */
function isUk({ plus, digits }: { plus: boolean; digits: string }): boolean {
  if (!plus && /^0\d{9,10}$/.test(digits)) return true;
  const national = (plus ? /^44(\d+)$/ : /^0044(\d+)$/).exec(digits)?.[1];
  return national !== undefined && /^0?[1-9]\d{8,9}$/.test(national);
}

/** Numbers dialled with a country code other than the UK's 44. */
function isForeign({ plus, digits }: { plus: boolean; digits: string }): boolean {
  return plus ? !digits.startsWith('44') : /^00(?!44)/.test(digits);
}

/** Any number that could be dialled: 7 to 15 digits (ITU E.164 allows at most 15). */
function isDiallable({ digits }: { plus: boolean; digits: string }): boolean {
  return /^\d{7,15}$/.test(digits.replace(/^00/, ''));
}

/** A phone number, stored as typed (spaces tidied), never reformatted. */
export const phone: QuestionType<PhoneQuestion, string> = {
  errorCodes: phoneErrorCodes,
  type: 'phone',
  schemaKeys: { accept: Joi.string().valid('uk', 'any') },
  fields: (q) => [q.id],
  freeTextFields: (q) => [q.id],
  parse(q, body) {
    const typed = postedString(body, q.id);
    const value = tidy(typed);
    const raw = { [q.id]: typed };
    const fail = (code: PhoneErrorCode) => ({
      value: undefined,
      raw,
      errors: [{ questionId: q.id, field: q.id, code }],
    });
    if (value === '') return q.optional ? { value: undefined, raw, errors: [] } : fail('required');
    const number = dialled(value);
    if (!number) return fail('invalid');
    if (isUk(number)) return { value, raw, errors: [] };
    if (q.accept === 'uk') {
      // A foreign number is a real number, just not one this service can take.
      return fail(isForeign(number) && isDiallable(number) ? 'notUk' : 'invalid');
    }
    return isDiallable(number) ? { value, raw, errors: [] } : fail('invalid');
  },
  toRaw: (q, value) => ({ [q.id]: value ?? '' }),
  view(q, raw, context) {
    return {
      macro: 'govukInput',
      params: {
        ...inputParams(q, raw, context),
        classes: 'govuk-input--width-20',
        type: 'tel',
        autocomplete: 'tel',
      },
    };
  },
  paper: () => [{ kind: 'write', lines: 1, width: 'medium' }],
  summary: (_q, value) => [value],
};
