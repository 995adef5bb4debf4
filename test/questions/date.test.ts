import type { DateQuestion } from '../../src/definition/types';
import { date } from '../../src/questions/date';
import { parseContext, viewContext, wordsOf } from './context';

const dob: DateQuestion = {
  id: 'dob',
  type: 'date',
  label: 'Date of birth',
  hint: 'For example, 27 3 2007',
  autocomplete: 'bday',
  past: true,
};

function post(day: string, month: string, year: string, question: DateQuestion = dob) {
  return date.parse(
    question,
    { 'dob-day': day, 'dob-month': month, 'dob-year': year },
    parseContext,
  );
}

describe('date', () => {
  describe('parse', () => {
    it('stores a real date as YYYY-MM-DD', () => {
      expect(post('4', '3', '1990')).toEqual({
        value: '1990-03-04',
        errors: [],
        raw: { 'dob-day': '4', 'dob-month': '3', 'dob-year': '1990' },
      });
    });

    it('accepts leading zeros and ignores stray spaces', () => {
      expect(post(' 04 ', '003', ' 1990').value).toBe('1990-03-04');
      expect(post('1 2', '1 1', '2 0 0 1').value).toBe('2001-11-12');
    });

    it.each([
      ['March', '1990-03-04'],
      ['mar', '1990-03-04'],
      ['MAR', '1990-03-04'],
      ['Sept', '1990-09-04'],
      ['sep', '1990-09-04'],
      ['september', '1990-09-04'],
      ['Dec.', '1990-12-04'],
    ])('accepts the month written as %s', (month, iso) => {
      expect(post('4', month, '1990')).toMatchObject({ value: iso, errors: [] });
    });

    it('keeps what was typed in raw, so the user sees it again', () => {
      expect(post(' 4', 'mar', '90').raw).toEqual({
        'dob-day': ' 4',
        'dob-month': 'mar',
        'dob-year': '90',
      });
    });

    it('asks for the date when every part is empty, marking all three', () => {
      const { value, errors } = post('', ' ', '');
      expect(value).toBeUndefined();
      expect(errors).toEqual([
        {
          questionId: 'dob',
          field: 'dob-day',
          fields: ['dob-day', 'dob-month', 'dob-year'],
          code: 'required',
        },
      ]);
      expect(wordsOf(dob, errors)).toEqual(['Enter date of birth']);
    });

    it('accepts an empty optional date', () => {
      expect(post('', '', '', { ...dob, optional: true })).toMatchObject({
        value: undefined,
        errors: [],
      });
    });

    it.each([
      ['', '3', '1990', 'missingDay', ['dob-day'], 'Date of birth must include a day'],
      ['4', '', '1990', 'missingMonth', ['dob-month'], 'Date of birth must include a month'],
      ['4', '3', '', 'missingYear', ['dob-year'], 'Date of birth must include a year'],
      [
        '',
        '',
        '1990',
        'missingDayAndMonth',
        ['dob-day', 'dob-month'],
        'Date of birth must include a day and month',
      ],
      [
        '',
        '3',
        '',
        'missingDayAndYear',
        ['dob-day', 'dob-year'],
        'Date of birth must include a day and year',
      ],
      [
        '4',
        '',
        '',
        'missingMonthAndYear',
        ['dob-month', 'dob-year'],
        'Date of birth must include a month and year',
      ],
    ])('day %j month %j year %j gives %s', (day, month, year, code, fields, words) => {
      const { errors } = post(day, month, year);
      expect(errors).toEqual([{ questionId: 'dob', field: fields[0], fields, code }]);
      expect(wordsOf(dob, errors)).toEqual([words]);
    });

    it('reports a missing part before a part that is not real (GOV.UK order)', () => {
      expect(post('45', '', '1990').errors).toMatchObject([
        { code: 'missingMonth', fields: ['dob-month'] },
      ]);
    });

    it.each([
      ['32', '3', '1990', ['dob-day']],
      ['0', '3', '1990', ['dob-day']],
      ['4', '13', '1990', ['dob-month']],
      ['4', 'Marchuary', '1990', ['dob-month']],
      ['4', '3', '90', ['dob-year']],
      ['4', '3', '19900', ['dob-year']],
      ['4', '3', '0990', ['dob-year']],
      ['x', '3', 'year', ['dob-day', 'dob-year']],
      ['31', '4', '1990', ['dob-day', 'dob-month', 'dob-year']],
      ['29', '2', '2023', ['dob-day', 'dob-month', 'dob-year']],
    ])('day %j month %j year %j is not a real date', (day, month, year, fields) => {
      const { value, errors } = post(day, month, year);
      expect(value).toBeUndefined();
      expect(errors).toEqual([{ questionId: 'dob', field: fields[0], fields, code: 'notReal' }]);
      expect(wordsOf(dob, errors)).toEqual(['Date of birth must be a real date']);
    });

    it('knows 29 February in a leap year is real', () => {
      expect(post('29', 'feb', '2024').value).toBe('2024-02-29');
    });

    it('reports a date that is not real before one out of range (GOV.UK order)', () => {
      expect(post('31', '2', '2099').errors).toMatchObject([{ code: 'notReal' }]);
    });

    it('accepts today as in the past, but not tomorrow', () => {
      expect(post('15', '6', '2025').errors).toEqual([]);
      const { value, errors } = post('16', '6', '2025');
      expect(value).toBe('2025-06-16');
      expect(errors).toEqual([
        {
          questionId: 'dob',
          field: 'dob-day',
          fields: ['dob-day', 'dob-month', 'dob-year'],
          code: 'mustBeInPast',
        },
      ]);
      expect(wordsOf(dob, errors)).toEqual(['Date of birth must be today or in the past']);
    });

    it('accepts today as in the future, but not yesterday', () => {
      const visit: DateQuestion = { id: 'dob', type: 'date', label: 'Visit date', future: true };
      expect(post('15', '6', '2025', visit).errors).toEqual([]);
      const { errors } = post('14', '6', '2025', visit);
      expect(errors).toMatchObject([{ code: 'mustBeInFuture', field: 'dob-day' }]);
      expect(wordsOf(visit, errors)).toEqual(['Visit date must be today or in the future']);
    });

    it('checks before and after dates, putting the limit in args', () => {
      const moved: DateQuestion = {
        id: 'dob',
        type: 'date',
        label: 'Date you moved in',
        after: '2000-01-01',
        before: '2025-01-01',
      };
      expect(post('1', '1', '2025', moved).errors).toMatchObject([
        { code: 'mustBeBefore', args: { date: '2025-01-01' } },
      ]);
      expect(post('1', '1', '2000', moved).errors).toMatchObject([
        { code: 'mustBeAfter', args: { date: '2000-01-01' } },
      ]);
      expect(wordsOf(moved, post('1', '1', '2000', moved).errors)).toEqual([
        'Date you moved in must be after 1 January 2000',
      ]);
      expect(post('2', '1', '2000', moved).errors).toEqual([]);
      expect(post('31', '12', '2024', moved).errors).toEqual([]);
    });
  });

  it('splits a stored date back into its parts without leading zeros', () => {
    expect(date.toRaw(dob, '1990-03-04')).toEqual({
      'dob-day': '4',
      'dob-month': '3',
      'dob-year': '1990',
    });
    expect(date.toRaw(dob, undefined)).toEqual({ 'dob-day': '', 'dob-month': '', 'dob-year': '' });
  });

  it('posts three fields, all shown back as typed', () => {
    expect(date.fields(dob)).toEqual(['dob-day', 'dob-month', 'dob-year']);
    expect(date.freeTextFields(dob)).toEqual(['dob-day', 'dob-month', 'dob-year']);
  });

  describe('view', () => {
    it('renders day, month and year boxes with bday autocomplete and a numeric keypad', () => {
      const call = date.view(dob, date.toRaw(dob, '1990-03-04'), viewContext());
      expect(call.macro).toBe('govukDateInput');
      expect(call.params).toMatchObject({
        id: 'dob',
        namePrefix: 'dob',
        fieldset: { legend: { text: 'Date of birth', isPageHeading: true } },
        hint: { text: 'For example, 27 3 2007' },
        errorMessage: undefined,
        items: [
          {
            name: 'day',
            label: 'Day',
            value: '4',
            classes: 'govuk-input--width-2',
            autocomplete: 'bday-day',
            inputmode: 'numeric',
          },
          {
            name: 'month',
            label: 'Month',
            value: '3',
            classes: 'govuk-input--width-2',
            autocomplete: 'bday-month',
            inputmode: 'numeric',
          },
          {
            name: 'year',
            label: 'Year',
            value: '1990',
            classes: 'govuk-input--width-4',
            autocomplete: 'bday-year',
            inputmode: 'numeric',
          },
        ],
      });
    });

    it('has no autocomplete for dates that are not birthdays', () => {
      const call = date.view({ ...dob, autocomplete: undefined }, {}, viewContext());
      const items = call.params.items as Array<Record<string, unknown>>;
      expect(items.map((item) => item.autocomplete)).toEqual([undefined, undefined, undefined]);
      expect(items.map((item) => item.value)).toEqual(['', '', '']);
    });

    it('marks only the parts in error and shows the message', () => {
      const { raw, errors } = post('4', '', '1990');
      const text = wordsOf(dob, errors)[0] ?? '';
      const call = date.view(dob, raw, viewContext({ error: { text, fields: ['dob-month'] } }));
      expect(call.params.errorMessage).toEqual({
        text: 'Date of birth must include a month',
        visuallyHiddenText: 'Error',
      });
      const items = call.params.items as Array<Record<string, unknown>>;
      expect(items.map((item) => item.classes)).toEqual([
        'govuk-input--width-2',
        'govuk-input--width-2 govuk-input--error',
        'govuk-input--width-4',
      ]);
      expect(items.map((item) => item.value)).toEqual(['4', '', '1990']);
    });
  });

  it('shows the date in words on check answers, in the user language', () => {
    expect(date.summary(dob, '1990-03-04', viewContext())).toEqual(['4 March 1990']);
    expect(date.summary(dob, '1990-03-04', viewContext({ lang: 'cy' }))).toEqual(['4 Mawrth 1990']);
  });

  it('compares dates by their ISO form', () => {
    expect(date.comparable?.('1990-03-04')).toBe('1990-03-04');
  });
});
