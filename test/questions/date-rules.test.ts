import path from 'node:path';
import type { Condition, DateQuestion, FormDefinition } from '../../src/definition/types';
import { parseDefinition } from '../../src/definition/load';
import { formatProblem } from '../../src/definition/problem';
import { holds } from '../../src/engine/conditions';
import { resolveDate } from '../../src/engine/relative-date';
import { today } from '../../src/engine/today';
import { answerWords } from '../../src/paper/routing-words';
import { date } from '../../src/questions/date';
import { createI18n, translator } from '../../src/web/i18n';
import { wordsOf } from './context';

/** "At least 16 years old": born on or before the day 16 years ago. */
const dob: DateQuestion = {
  id: 'dob',
  type: 'date',
  label: 'Date of birth',
  errorLabel: 'your date of birth',
  latest: '16 years ago',
};
/** "A start date in the next 3 months". */
const start: DateQuestion = {
  id: 'start',
  type: 'date',
  label: 'Start date',
  errorLabel: 'the start date',
  earliest: 'today',
  latest: '3 months from today',
};
const TODAY = '2025-06-15';

function post(question: DateQuestion, iso: string) {
  const [year, month, day] = iso.split('-');
  return date.parse(
    question,
    {
      [`${question.id}-day`]: String(Number(day)),
      [`${question.id}-month`]: String(Number(month)),
      [`${question.id}-year`]: year ?? '',
    },
    { today: TODAY, lang: 'en' },
  );
}

describe('dates relative to today', () => {
  it('works out days, weeks, months and years before and after today', () => {
    expect(resolveDate('16 years ago', '2025-06-15')).toBe('2009-06-15');
    expect(resolveDate('3 months from today', '2025-11-30')).toBe('2026-02-28');
    expect(resolveDate('1 year ago', '2024-02-29')).toBe('2023-02-28');
    expect(resolveDate('30 days ago', '2025-03-01')).toBe('2025-01-30');
    expect(resolveDate('2 weeks from today', '2025-12-25')).toBe('2026-01-08');
    expect(resolveDate('today', '2025-06-15')).toBe('2025-06-15');
  });

  it('"at least 16 years old": accepts a 16th birthday today, refuses one tomorrow, in words', () => {
    expect(post(dob, '2009-06-15').errors).toEqual([]);
    const { errors } = post(dob, '2009-06-16');
    expect(errors.map((e) => e.code)).toEqual(['tooLate']);
    expect(wordsOf(dob, errors)).toEqual(['Your date of birth must be 15 June 2009 or earlier']);
  });

  it('"a start date in the next 3 months": today and the last day accepted, either side refused', () => {
    expect(post(start, '2025-06-15').errors).toEqual([]);
    expect(post(start, '2025-09-15').errors).toEqual([]);
    expect(wordsOf(start, post(start, '2025-06-14').errors)).toEqual([
      'The start date must be 15 June 2025 or later',
    ]);
    expect(wordsOf(start, post(start, '2025-09-16').errors)).toEqual([
      'The start date must be 15 September 2025 or earlier',
    ]);
  });

  it('compares an answer with a relative date in a condition, on the real today', () => {
    const sixteenYearsAgo = resolveDate('16 years ago', today());
    const under16: Condition = { question: 'dob', greaterThan: '16 years ago' };
    const lookup = (value: string) => () => ({ question: dob, value });
    expect(holds(under16, lookup(sixteenYearsAgo))).toBe(false);
    expect(holds(under16, lookup(resolveDate('1 day from today', sixteenYearsAgo)))).toBe(true);
  });

  it('words a relative date on the paper form in every language, plurals and mutations kept', () => {
    const i18n = createI18n();
    const words = (lang: string, rule: string) =>
      answerWords(dob, rule, { t: translator(i18n, lang), lang });
    expect(words('en', '16 years ago')).toBe('the date 16 years before today');
    expect(words('cy', '16 years ago')).toBe('y dyddiad 16 mlynedd cyn heddiw');
    expect(words('cy', '2 months from today')).toBe('y dyddiad 2 fis ar ôl heddiw');
    expect(words('es', '3 months from today')).toBe('la fecha dentro de 3 meses');
    expect(words('ar', '2 years ago')).toBe('التاريخ الذي مضت عليه سنتان');
  });

  it('refuses a date rule it cannot work out, saying what it accepts', () => {
    const file = path.join('forms', 'x.json');
    const form: Partial<FormDefinition> = {
      id: 'x',
      title: 'X',
      version: '1.0',
      description: 'X',
      start: { body: ['X'] },
      help: { postalAddress: ['A', 'B'] },
      pages: [{ id: 'dob', questions: [{ ...dob, latest: '16 yrs ago' }] }],
      confirmation: { title: 'Sent', whatHappensNext: ['X'] },
    };
    const result = parseDefinition(JSON.stringify(form), file);
    const lines = result.ok ? [] : result.problems.map(formatProblem);
    expect(lines).toEqual([
      expect.stringContaining(
        'pages[0].questions[0].latest: must be a date written YYYY-MM-DD, "today", or relative to today such as "16 years ago" or "3 months from today"',
      ),
    ]);
  });
});
