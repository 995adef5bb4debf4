import type { TextQuestion } from '../../src/definition/types';
import { text } from '../../src/questions/text';
import { parseContext, viewContext, wordsOf } from './context';

const reference: TextQuestion = {
  id: 'reference',
  type: 'text',
  label: 'Reference number',
  width: 10,
  pattern: '[A-Z]{2}[0-9]{6}',
  ignoreSpaces: true,
  uppercase: true,
  spellcheck: false,
};
const town: TextQuestion = { id: 'town', type: 'text', label: 'Town', minLength: 2, maxLength: 10 };

const post = (q: TextQuestion, typed: string) => text.parse(q, { [q.id]: typed }, parseContext);

describe('text', () => {
  it('tidies stray spaces and keeps what was typed in raw', () => {
    expect(post(town, '  St   Ives ')).toEqual({
      value: 'St Ives',
      errors: [],
      raw: { town: '  St   Ives ' },
    });
  });

  it('strips spaces and dashes and upper-cases reference numbers when asked', () => {
    expect(post(reference, ' ab 12-34 56 ')).toMatchObject({ value: 'AB123456', errors: [] });
  });

  it('asks for an answer when empty, unless optional', () => {
    const { errors } = post(town, ' ');
    expect(errors).toEqual([{ questionId: 'town', field: 'town', code: 'required' }]);
    expect(wordsOf(town, errors)).toEqual(['Enter town']);
    expect(post({ ...town, optional: true }, '').errors).toEqual([]);
  });

  it('checks the length in characters', () => {
    expect(wordsOf(town, post(town, 'Llanfairpwll').errors)).toEqual([
      'Town must be 10 characters or fewer',
    ]);
    expect(wordsOf(town, post(town, 'A').errors)).toEqual(['Town must be 2 characters or more']);
    expect(post(town, 'Ÿstrad Ÿ').errors).toEqual([]);
  });

  it('checks the whole answer against the pattern', () => {
    const { errors } = post(reference, 'AB12345');
    expect(errors).toEqual([{ questionId: 'reference', field: 'reference', code: 'pattern' }]);
    expect(wordsOf(reference, errors)).toEqual(['Enter reference number in the correct format']);
    expect(post(reference, 'xAB123456').errors).toMatchObject([{ code: 'pattern' }]);
  });

  it('renders an input with the width, autocomplete and spellcheck the question gives', () => {
    const call = text.view(reference, text.toRaw(reference, 'AB123456'), viewContext());
    expect(call.macro).toBe('govukInput');
    expect(call.params).toMatchObject({
      id: 'reference',
      name: 'reference',
      value: 'AB123456',
      label: { text: 'Reference number', isPageHeading: true },
      classes: 'govuk-input--width-10',
      spellcheck: false,
    });
  });

  it('shows the answer as stored on check answers', () => {
    expect(text.summary(town, 'St Ives', viewContext())).toEqual(['St Ives']);
  });
});
