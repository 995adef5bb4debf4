import type { NumberQuestion } from '../../src/definition/types';
import { number } from '../../src/questions/number';
import { parseContext, viewContext, wordsOf } from './context';

const people: NumberQuestion = {
  id: 'people',
  type: 'number',
  label: 'How many people live with you?',
  errorLabel: 'how many people live with you',
  min: 0,
  max: 20,
};
const weight: NumberQuestion = {
  id: 'weight',
  type: 'number',
  label: 'Weight',
  decimals: 1,
  min: 0.5,
  max: 30000,
  suffix: 'kg',
};

const post = (q: NumberQuestion, typed: string) => number.parse(q, { [q.id]: typed }, parseContext);

describe('number', () => {
  it.each([
    ['3', 3],
    [' 12 ', 12],
    ['007', 7],
    ['0', 0],
  ])('reads %j as %d', (typed, value) => {
    expect(post(people, typed)).toEqual({ value, errors: [], raw: { people: typed } });
  });

  it.each([
    ['1,250', 1250],
    ['12,345.6', 12345.6],
    ['1 250.5', 1250.5],
    ['.5', 0.5],
    ['2.50', 2.5],
  ])('accepts thousands separators and stray spaces: %j is %d', (typed, value) => {
    expect(post(weight, typed)).toMatchObject({ value, errors: [] });
  });

  it('asks for a number when empty, unless optional', () => {
    const { errors } = post(people, '  ');
    expect(errors).toEqual([{ questionId: 'people', field: 'people', code: 'required' }]);
    expect(wordsOf(people, errors)).toEqual(['Enter how many people live with you']);
    expect(post({ ...people, optional: true }, '')).toMatchObject({ value: undefined, errors: [] });
  });

  it.each(['three', '1,5', '12,34', '1.2.3', '£5', '5kg', '-', '.'])(
    'says %j is not a number',
    (typed) => {
      const { value, errors } = post(weight, typed);
      expect(value).toBeUndefined();
      expect(errors).toEqual([{ questionId: 'weight', field: 'weight', code: 'notANumber' }]);
      expect(wordsOf(weight, errors)).toEqual(['Weight must be a number']);
    },
  );

  it('asks for a whole number when decimals are not allowed', () => {
    const { errors } = post(people, '2.5');
    expect(errors).toEqual([{ questionId: 'people', field: 'people', code: 'notWhole' }]);
    expect(wordsOf(people, errors)).toEqual([
      'How many people live with you must be a whole number',
    ]);
    expect(post(people, '2.0')).toMatchObject({ value: 2, errors: [] });
  });

  it('limits the decimal places, with the limit in args', () => {
    const { errors } = post(weight, '12.25');
    expect(errors).toEqual([
      { questionId: 'weight', field: 'weight', code: 'tooManyDecimals', args: { count: 1 } },
    ]);
    expect(wordsOf(weight, errors)).toEqual(['Weight must not have more than 1 decimal place']);
    expect(
      wordsOf({ ...weight, decimals: 2 }, post({ ...weight, decimals: 2 }, '1.125').errors),
    ).toEqual(['Weight must not have more than 2 decimal places']);
  });

  it('checks the minimum and maximum, keeping the number', () => {
    expect(post(weight, '0.4')).toMatchObject({
      value: 0.4,
      errors: [{ code: 'tooSmall', args: { min: 0.5 } }],
    });
    expect(post(weight, '30,000.1')).toMatchObject({
      value: 30000.1,
      errors: [{ code: 'tooLarge', args: { max: 30000 } }],
    });
    expect(wordsOf(people, post(people, '-1').errors)).toEqual([
      'How many people live with you must be 0 or more',
    ]);
    expect(wordsOf(people, post(people, '21').errors)).toEqual([
      'How many people live with you must be 20 or less',
    ]);
    expect(post(people, '20').errors).toEqual([]);
  });

  it('reads negative numbers', () => {
    expect(post({ ...people, min: -10 }, '-3')).toMatchObject({ value: -3, errors: [] });
    expect(post(people, '-0')).toMatchObject({ value: 0, errors: [] });
  });

  it('gives the stored number back as plain digits', () => {
    expect(number.toRaw(weight, 1250.5)).toEqual({ weight: '1250.5' });
    expect(number.toRaw(weight, undefined)).toEqual({ weight: '' });
  });

  describe('view', () => {
    it('uses a numeric keypad for whole numbers, without spellcheck', () => {
      const call = number.view(people, { people: '3' }, viewContext());
      expect(call.macro).toBe('govukInput');
      expect(call.params).toMatchObject({
        id: 'people',
        name: 'people',
        value: '3',
        label: { text: 'How many people live with you?', isPageHeading: true },
        inputmode: 'numeric',
        spellcheck: false,
        classes: 'govuk-input--width-10',
        suffix: undefined,
      });
    });

    it('uses a decimal keypad and shows the suffix when decimals are allowed', () => {
      const call = number.view(weight, { weight: '12.5' }, viewContext());
      expect(call.params).toMatchObject({ inputmode: 'decimal', suffix: { text: 'kg' } });
    });

    it('shows the error message', () => {
      const call = number.view(
        weight,
        { weight: 'lots' },
        viewContext({ error: { text: 'Weight must be a number', fields: ['weight'] } }),
      );
      expect(call.params).toMatchObject({
        value: 'lots',
        errorMessage: { text: 'Weight must be a number' },
      });
    });
  });

  it('formats the number for the user language on check answers, with its suffix', () => {
    expect(number.summary(weight, 12345.6, viewContext())).toEqual(['12,345.6 kg']);
    expect(number.summary(people, 1250, viewContext())).toEqual(['1,250']);
    expect(number.summary(weight, 12345.6, viewContext({ lang: 'de' }))).toEqual(['12.345,6 kg']);
  });

  it('compares as a number', () => {
    expect(number.comparable?.(12.5)).toBe(12.5);
  });
});
