import type { MoneyQuestion } from '../../src/definition/types';
import { money } from '../../src/questions/money';
import { parseContext, viewContext, wordsOf } from './context';

const rent: MoneyQuestion = {
  id: 'rent',
  type: 'money',
  label: 'Monthly rent',
  hint: 'In pounds and pence',
  min: 0.5,
  max: 5000,
};
const savings: MoneyQuestion = { id: 'savings', type: 'money', label: 'Savings', wholeUnits: true };

const post = (q: MoneyQuestion, typed: string) => money.parse(q, { [q.id]: typed }, parseContext);

describe('money', () => {
  it.each([
    ['£1,250.50', '1250.50'],
    ['1250', '1250.00'],
    [' 12.5 ', '12.50'],
    ['£ 85', '85.00'],
    ['0.99', '0.99'],
    ['£4,999.9', '4999.90'],
    ['0075', '75.00'],
  ])('reads %j as %j', (typed, value) => {
    expect(post(rent, typed)).toEqual({ value, errors: [], raw: { rent: typed } });
  });

  it('stores whole pounds without pence', () => {
    expect(post(savings, '£1,250')).toMatchObject({ value: '1250', errors: [] });
    expect(post(savings, '1250.00')).toMatchObject({ value: '1250', errors: [] });
  });

  it('asks for an amount when empty, unless optional', () => {
    const { errors } = post(rent, '');
    expect(errors).toEqual([{ questionId: 'rent', field: 'rent', code: 'required' }]);
    expect(wordsOf(rent, errors)).toEqual(['Enter monthly rent']);
    expect(post({ ...rent, optional: true }, ' ')).toEqual({
      value: undefined,
      errors: [],
      raw: { rent: ' ' },
    });
  });

  it.each(['£', 'ten pounds', '12,50', '1.2.3', '$5', '5£'])(
    'says %j is not an amount',
    (typed) => {
      const { value, errors } = post(rent, typed);
      expect(value).toBeUndefined();
      expect(errors).toEqual([{ questionId: 'rent', field: 'rent', code: 'notAnAmount' }]);
      expect(wordsOf(rent, errors)).toEqual([
        'Monthly rent must be an amount of money, like £600 or £85.50',
      ]);
    },
  );

  it('allows at most 2 decimal places', () => {
    const { errors } = post(rent, '12.505');
    expect(errors).toEqual([{ questionId: 'rent', field: 'rent', code: 'tooManyDecimals' }]);
    expect(wordsOf(rent, errors)).toEqual([
      'Monthly rent must not have more than 2 decimal places, like £85.50',
    ]);
  });

  it('asks for whole pounds when pence are not allowed', () => {
    const { errors } = post(savings, '12.50');
    expect(errors).toEqual([{ questionId: 'savings', field: 'savings', code: 'notWhole' }]);
    expect(wordsOf(savings, errors)).toEqual([
      'Savings must be a whole number of pounds, like £600',
    ]);
  });

  it('checks the minimum and maximum, writing the limits as amounts', () => {
    const low = post(rent, '0.25');
    expect(low).toMatchObject({
      value: '0.25',
      errors: [{ code: 'tooSmall', args: { min: '0.50' } }],
    });
    expect(wordsOf(rent, low.errors)).toEqual(['Monthly rent must be £0.50 or more']);
    const high = post(rent, '£5,000.01');
    expect(high.errors).toMatchObject([{ code: 'tooLarge', args: { max: '5000' } }]);
    expect(wordsOf(rent, high.errors)).toEqual(['Monthly rent must be £5000 or less']);
    expect(post(rent, '5000').errors).toEqual([]);
  });

  it('gives the stored amount back as it was stored', () => {
    expect(money.toRaw(rent, '1250.50')).toEqual({ rent: '1250.50' });
    expect(money.toRaw(rent, undefined)).toEqual({ rent: '' });
  });

  it('renders a £ prefix from the locale, a decimal keypad and no spellcheck', () => {
    const call = money.view(rent, { rent: '£1,250.50' }, viewContext());
    expect(call.macro).toBe('govukInput');
    expect(call.params).toMatchObject({
      id: 'rent',
      name: 'rent',
      value: '£1,250.50',
      label: { text: 'Monthly rent' },
      hint: { text: 'In pounds and pence' },
      prefix: { text: '£' },
      classes: 'govuk-input--width-10',
      inputmode: 'decimal',
      spellcheck: false,
    });
  });

  it('shows the amount as currency on check answers', () => {
    expect(money.summary(rent, '1250.50', viewContext())).toEqual(['£1,250.50']);
    expect(money.summary(rent, '12.00', viewContext())).toEqual(['£12.00']);
    expect(money.summary(savings, '1250', viewContext())).toEqual(['£1,250']);
  });

  it('compares as a number', () => {
    expect(money.comparable?.('1250.50')).toBe(1250.5);
  });
});
