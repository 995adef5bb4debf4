import type { RadiosQuestion } from '../../src/definition/types';
import { radios } from '../../src/questions/radios';
import { parseContext, viewContext, wordsOf } from './context';

const contact: RadiosQuestion = {
  id: 'contact',
  type: 'radios',
  label: 'How should we contact you?',
  errorLabel: 'how we should contact you',
  options: [
    { value: 'email', text: 'Email' },
    { value: 'phone', text: 'Phone', hint: 'We call between 9am and 5pm' },
    { value: 'post', text: 'Post' },
  ],
};

const post = (posted: string, q: RadiosQuestion = contact) =>
  radios.parse(q, { contact: posted }, parseContext);

describe('radios', () => {
  it('stores the chosen value', () => {
    expect(post('phone')).toEqual({ value: 'phone', errors: [], raw: { contact: 'phone' } });
  });

  it('asks for a choice when none is made or the value is not offered', () => {
    for (const posted of ['', 'pigeon']) {
      const { value, errors } = post(posted);
      expect(value).toBeUndefined();
      expect(errors).toEqual([{ questionId: 'contact', field: 'contact', code: 'required' }]);
      expect(wordsOf(contact, errors)).toEqual(['Select how we should contact you']);
    }
    expect(post('', { ...contact, optional: true }).errors).toEqual([]);
  });

  it('renders the options with the answer checked', () => {
    const call = radios.view(contact, radios.toRaw(contact, 'post'), viewContext());
    expect(call.macro).toBe('govukRadios');
    expect(call.params).toMatchObject({
      idPrefix: 'contact',
      name: 'contact',
      classes: undefined,
      items: [
        { value: 'email', text: 'Email', checked: false },
        { value: 'phone', hint: { text: 'We call between 9am and 5pm' }, checked: false },
        { value: 'post', checked: true },
      ],
    });
    const inline = radios.view({ ...contact, inline: true }, {}, viewContext());
    expect(inline.params.classes).toBe('govuk-radios--inline');
  });

  it('shows the option text on check answers', () => {
    expect(radios.summary(contact, 'phone', viewContext())).toEqual(['Phone']);
  });
});
