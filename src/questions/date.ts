import Joi from 'joi';
import type { DateQuestion } from '../definition/types';
import { DATE_RULE, resolveDate } from '../engine/relative-date';
import { intlLocale } from './intl-locale';
import { errorParams, fieldInError, fieldsetParams, hintParams } from './label';
import { monthFromName } from './month-names';
import { postedString, type ParseResult, type QuestionType } from './question-type';

/** Every error code a date answer can have, in the order GOV.UK checks them. */
export const dateErrorCodes = [
  'required',
  'missingDay',
  'missingMonth',
  'missingYear',
  'missingDayAndMonth',
  'missingDayAndYear',
  'missingMonthAndYear',
  'notReal',
  'mustBeInPast',
  'mustBeInFuture',
  'mustBeBefore',
  'mustBeAfter',
  'tooEarly',
  'tooLate',
] as const;
type DateErrorCode = (typeof dateErrorCodes)[number];

const PARTS = ['day', 'month', 'year'] as const;
type Part = (typeof PARTS)[number];

const MISSING: Partial<Record<string, DateErrorCode>> = {
  day: 'missingDay',
  month: 'missingMonth',
  year: 'missingYear',
  'day month': 'missingDayAndMonth',
  'day year': 'missingDayAndYear',
  'month year': 'missingMonthAndYear',
};

/** A date rule: `YYYY-MM-DD`, `today`, or relative to today (`16 years ago`, `3 months from today`). */
const dateRule = Joi.string().pattern(DATE_RULE).messages({
  'string.pattern.base':
    'must be a date written YYYY-MM-DD, "today", or relative to today such as "16 years ago" or "3 months from today"',
});

const fieldOf = (q: DateQuestion, part: Part) => `${q.id}-${part}`;

/** A day or month typed as a number, leading zeros allowed, if it is between 1 and `max`. */
function numberUpTo(text: string, max: number): number | undefined {
  const value = /^\d+$/.test(text) ? Number(text) : NaN;
  return value >= 1 && value <= max ? value : undefined;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A date typed in day, month and year boxes; month names are accepted; stored as `YYYY-MM-DD`. */
export const date: QuestionType<DateQuestion, string> = {
  errorCodes: dateErrorCodes,
  type: 'date',
  schemaKeys: {
    autocomplete: Joi.string().valid('bday'),
    before: dateRule,
    after: dateRule,
    earliest: dateRule,
    latest: dateRule,
    past: Joi.boolean(),
    future: Joi.boolean(),
  },
  fields: (q) => PARTS.map((part) => fieldOf(q, part)),
  freeTextFields: (q) => PARTS.map((part) => fieldOf(q, part)),
  parse(q, body, { today, lang }) {
    const raw = Object.fromEntries(
      PARTS.map((p) => [fieldOf(q, p), postedString(body, fieldOf(q, p))]),
    );
    const typed = (part: Part) => postedString(raw, fieldOf(q, part)).replace(/\s+/g, '');
    const result = (
      value: string | undefined,
      code?: DateErrorCode,
      inError: readonly Part[] = PARTS,
      args?: Record<string, string>,
    ): ParseResult<string> => {
      if (!code) return { value, raw, errors: [] };
      const fields = inError.map((part) => fieldOf(q, part));
      const error = { questionId: q.id, field: fields[0] ?? q.id, fields, code };
      return { value, raw, errors: [args ? { ...error, args } : error] };
    };

    const missing = PARTS.filter((part) => typed(part) === '');
    if (missing.length === PARTS.length) {
      return result(undefined, q.optional ? undefined : 'required');
    }
    if (missing.length > 0) {
      return result(undefined, MISSING[missing.join(' ')] ?? 'required', missing);
    }

    const day = numberUpTo(typed('day'), 31);
    const month = numberUpTo(typed('month'), 12) ?? monthFromName(typed('month'), lang);
    const year = /^[1-9]\d{3}$/.test(typed('year')) ? Number(typed('year')) : undefined;
    if (day === undefined || month === undefined || year === undefined) {
      const wrong = PARTS.filter((part) => ({ day, month, year })[part] === undefined);
      return result(undefined, 'notReal', wrong);
    }
    if (day > daysInMonth(year, month)) return result(undefined, 'notReal');

    const value = [year, month, day]
      .map((n, i) => String(n).padStart(i === 0 ? 4 : 2, '0'))
      .join('-');
    if (q.past && value > today) return result(value, 'mustBeInPast');
    if (q.future && value < today) return result(value, 'mustBeInFuture');
    const on = (rule: string | undefined) => (rule ? resolveDate(rule, today) : undefined);
    const [before, after, earliest, latest] = [q.before, q.after, q.earliest, q.latest].map(on);
    if (before && value >= before) return result(value, 'mustBeBefore', PARTS, { date: before });
    if (after && value <= after) return result(value, 'mustBeAfter', PARTS, { date: after });
    if (earliest && value < earliest) return result(value, 'tooEarly', PARTS, { date: earliest });
    if (latest && value > latest) return result(value, 'tooLate', PARTS, { date: latest });
    return result(value);
  },
  toRaw(q, value) {
    const [year = '', month = '', day = ''] = value?.split('-').map((n) => String(Number(n))) ?? [];
    return { [fieldOf(q, 'day')]: day, [fieldOf(q, 'month')]: month, [fieldOf(q, 'year')]: year };
  },
  view(q, raw, context) {
    return {
      macro: 'govukDateInput',
      params: {
        id: q.id,
        namePrefix: q.id,
        fieldset: fieldsetParams(q, context),
        hint: hintParams(q),
        errorMessage: errorParams(context),
        items: PARTS.map((part) => ({
          name: part,
          label: context.t(`questions:date.${part}`),
          value: postedString(raw, fieldOf(q, part)),
          classes:
            (part === 'year' ? 'govuk-input--width-4' : 'govuk-input--width-2') +
            (fieldInError(context, fieldOf(q, part)) ? ' govuk-input--error' : ''),
          autocomplete: q.autocomplete === 'bday' ? `bday-${part}` : undefined,
          inputmode: 'numeric',
        })),
      },
    };
  },
  paper: (_q, { t }) => [
    {
      kind: 'boxes',
      parts: PARTS.map((part) => ({
        label: t(`questions:date.${part}`),
        boxes: part === 'year' ? 4 : 2,
        placeholder: t(`paper:date.${part}`),
      })),
    },
  ],
  summary(_q, value, { lang }) {
    const format = new Intl.DateTimeFormat(intlLocale(lang), {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    return [format.format(new Date(`${value}T00:00:00Z`))];
  },
  comparable: (value) => value,
};
