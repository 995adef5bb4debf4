import type { EmailQuestion } from '../../src/definition/types';
import { email } from '../../src/questions/email';
import { parseContext, viewContext, wordsOf } from './context';

const contact: EmailQuestion = {
  id: 'email',
  type: 'email',
  label: 'Email address',
  errorLabel: 'your email address',
};

const post = (typed: string, q: EmailQuestion = contact) =>
  email.parse(q, { email: typed }, parseContext);

describe('email', () => {
  it('trims the address but never changes its case', () => {
    expect(post('  Jo.Bloggs+forms@Example.CO.UK ')).toEqual({
      value: 'Jo.Bloggs+forms@Example.CO.UK',
      errors: [],
      raw: { email: '  Jo.Bloggs+forms@Example.CO.UK ' },
    });
  });

  it('asks for an address when empty, unless optional', () => {
    const { errors } = post(' ');
    expect(errors).toEqual([{ questionId: 'email', field: 'email', code: 'required' }]);
    expect(wordsOf(contact, errors)).toEqual(['Enter your email address']);
    expect(post('', { ...contact, optional: true }).errors).toEqual([]);
  });

  it.each([
    'jo.bloggs',
    'jo@example',
    '@example.com',
    'jo@@example.com',
    'jo bloggs@example.com',
    'jo@example..com',
    'jo@.example.com',
    'jo@example.com.',
  ])('says %j is not in the correct format', (typed) => {
    const { value, errors } = post(typed);
    expect(value).toBeUndefined();
    expect(errors).toEqual([{ questionId: 'email', field: 'email', code: 'invalid' }]);
    expect(wordsOf(contact, errors)).toEqual([
      'Enter your email address in the correct format, like name@example.com',
    ]);
  });

  it('accepts up to 254 characters', () => {
    const at254 = `${'a'.repeat(64)}@${'b'.repeat(185)}.com`;
    expect(at254).toHaveLength(254);
    expect(post(at254)).toMatchObject({ value: at254, errors: [] });
    const { errors } = post(`a${at254}`);
    expect(errors).toEqual([
      { questionId: 'email', field: 'email', code: 'tooLong', args: { max: 254 } },
    ]);
    expect(wordsOf(contact, errors)).toEqual([
      'Your email address must be 254 characters or fewer',
    ]);
  });

  it('renders an email input without spellcheck', () => {
    const call = email.view(contact, email.toRaw(contact, 'jo@example.com'), viewContext());
    expect(call.macro).toBe('govukInput');
    expect(call.params).toMatchObject({
      id: 'email',
      name: 'email',
      value: 'jo@example.com',
      label: { text: 'Email address', isPageHeading: true, classes: 'govuk-label--l' },
      type: 'email',
      autocomplete: 'email',
      spellcheck: false,
    });
  });

  it('shows the address as stored on check answers', () => {
    expect(email.summary(contact, 'Jo@Example.com', viewContext())).toEqual(['Jo@Example.com']);
    expect(email.toRaw(contact, undefined)).toEqual({ email: '' });
  });
});
