import type { PhoneQuestion } from '../../src/definition/types';
import { phone } from '../../src/questions/phone';
import { parseContext, viewContext, wordsOf } from './context';

const anyPhone: PhoneQuestion = { id: 'phone', type: 'phone', label: 'Phone number' };
const ukPhone: PhoneQuestion = { ...anyPhone, accept: 'uk' };

const post = (typed: string, q: PhoneQuestion = anyPhone) =>
  phone.parse(q, { phone: typed }, parseContext);

describe('phone', () => {
  it.each([
    '01632 960 001',
    '01632960001',
    '07700 900 982',
    '(01632) 960-001',
    '07700.900.982',
    '0800 123 456',
    '+44 808 157 0192',
    '+44 (0)20 7946 0000',
    '+447700900982',
    '0044 7700 900982',
  ])('accepts the UK number %j, stored exactly as typed', (typed) => {
    for (const q of [anyPhone, ukPhone]) {
      expect(post(typed, q)).toEqual({ value: typed, errors: [], raw: { phone: typed } });
    }
  });

  it('only tidies stray spaces, never reformats', () => {
    expect(post('  07700   900982 ').value).toBe('07700 900982');
    expect(post('+44-7700-900-982').value).toBe('+44-7700-900-982');
  });

  it('asks for a number when empty, unless optional', () => {
    const { errors } = post('   ');
    expect(errors).toEqual([{ questionId: 'phone', field: 'phone', code: 'required' }]);
    expect(wordsOf(anyPhone, errors)).toEqual(['Enter phone number']);
    expect(post('', { ...anyPhone, optional: true }).errors).toEqual([]);
  });

  it.each([
    '0163',
    '12345',
    'call me',
    '0770090098x',
    '++44 7700 900982',
    '07700 900 982 ext 12',
    '1234567890123456',
  ])('says %j is not a phone number', (typed) => {
    const { value, errors } = post(typed);
    expect(value).toBeUndefined();
    expect(errors).toEqual([{ questionId: 'phone', field: 'phone', code: 'invalid' }]);
    expect(wordsOf(anyPhone, errors)).toEqual([
      'Enter phone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192',
    ]);
  });

  it('accepts international numbers unless only UK numbers are wanted', () => {
    for (const typed of ['+33 1 23 45 67 89', '00 1 202 555 0143', '+353 1 234 5678']) {
      expect(post(typed)).toMatchObject({ value: typed, errors: [] });
      const { errors } = post(typed, ukPhone);
      expect(errors).toEqual([{ questionId: 'phone', field: 'phone', code: 'notUk' }]);
      expect(wordsOf(ukPhone, errors)).toEqual([
        'Phone number must be a UK number, like 01632 960 001, 07700 900 982 or +44 808 157 0192',
      ]);
    }
  });

  it('says a UK number with too few or too many digits is not valid', () => {
    expect(post('0163 296 00', ukPhone).errors).toMatchObject([{ code: 'invalid' }]);
    expect(post('+44 7700 900 98123', ukPhone).errors).toMatchObject([{ code: 'invalid' }]);
    expect(post('0044 7700', ukPhone).errors).toMatchObject([{ code: 'invalid' }]);
    expect(post('016329600011', ukPhone).errors).toMatchObject([{ code: 'invalid' }]);
  });

  it('renders a telephone input', () => {
    const call = phone.view(anyPhone, phone.toRaw(anyPhone, '07700 900982'), viewContext());
    expect(call.macro).toBe('govukInput');
    expect(call.params).toMatchObject({
      id: 'phone',
      name: 'phone',
      value: '07700 900982',
      label: { text: 'Phone number' },
      type: 'tel',
      autocomplete: 'tel',
      classes: 'govuk-input--width-20',
    });
  });

  it('shows the number as typed on check answers', () => {
    expect(phone.summary(anyPhone, '(01632) 960-001', viewContext())).toEqual(['(01632) 960-001']);
  });
});
