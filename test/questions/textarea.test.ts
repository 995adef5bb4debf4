import type { TextareaQuestion } from '../../src/definition/types';
import { characterCountText } from '../../src/questions/character-count-text';
import type { Translate } from '../../src/questions/question-type';
import { textarea } from '../../src/questions/textarea';
import { parseContext, viewContext, wordsOf } from './context';

const reason: TextareaQuestion = {
  id: 'reason',
  type: 'textarea',
  label: 'Why are you applying?',
  errorLabel: 'why you are applying',
  maxLength: 20,
  minLength: 5,
  rows: 8,
};

const post = (typed: string, q: TextareaQuestion = reason) =>
  textarea.parse(q, { reason: typed }, parseContext);

describe('textarea', () => {
  it('keeps line breaks, as one character each, and trims the ends', () => {
    expect(post('  My roof\r\nleaks.\r\n\r\n')).toEqual({
      value: 'My roof\nleaks.',
      errors: [],
      raw: { reason: '  My roof\r\nleaks.\r\n\r\n' },
    });
  });

  it('asks for an answer when empty, unless optional', () => {
    const { errors } = post(' \r\n ');
    expect(errors).toEqual([{ questionId: 'reason', field: 'reason', code: 'required' }]);
    expect(wordsOf(reason, errors)).toEqual(['Enter why you are applying']);
    expect(post('', { ...reason, optional: true }).errors).toEqual([]);
  });

  it('counts characters, not bytes or CRLF pairs', () => {
    expect(post('éééééééééé\r\nééééééééé').errors).toEqual([]);
    const { value, errors } = post('éééééééééé\r\néééééééééé');
    expect(value).toHaveLength(21);
    expect(errors).toEqual([
      { questionId: 'reason', field: 'reason', code: 'tooLong', args: { max: 20 } },
    ]);
    expect(wordsOf(reason, errors)).toEqual([
      'Why you are applying must be 20 characters or fewer',
    ]);
  });

  it('checks the minimum length', () => {
    const { errors } = post('Roof');
    expect(errors).toEqual([
      { questionId: 'reason', field: 'reason', code: 'tooShort', args: { min: 5 } },
    ]);
    expect(wordsOf(reason, errors)).toEqual(['Why you are applying must be 5 characters or more']);
  });

  it('renders a character count with the limit, rows and its messages in the user language', () => {
    const call = textarea.view(reason, { reason: 'Leaks' }, viewContext());
    expect(call.macro).toBe('govukCharacterCount');
    expect(call.params).toMatchObject({
      id: 'reason',
      name: 'reason',
      value: 'Leaks',
      label: { text: 'Why are you applying?', isPageHeading: true },
      maxlength: 20,
      rows: 8,
      textareaDescriptionText: 'You can enter up to %{count} characters',
      charactersUnderLimitText: {
        one: 'You have %{count} character remaining',
        other: 'You have %{count} characters remaining',
      },
      charactersAtLimitText: 'You have 0 characters remaining',
      charactersOverLimitText: {
        one: 'You have %{count} character too many',
        other: 'You have %{count} characters too many',
      },
    });
  });

  it('asks for every plural form of the user language', () => {
    const keys: string[] = [];
    const record: Translate = (key) => (keys.push(key), key);
    const welsh = characterCountText(record, 'cy');
    expect(Object.keys(welsh.charactersOverLimitText as object).sort()).toEqual([
      'few',
      'many',
      'one',
      'other',
      'two',
      'zero',
    ]);
    expect(welsh.charactersUnderLimitText).toMatchObject({
      two: 'questions:characterCount.underLimit_two',
    });
  });

  it('shows one line per line typed on check answers', () => {
    expect(textarea.summary(reason, 'My roof\nleaks.', viewContext())).toEqual([
      'My roof',
      'leaks.',
    ]);
    expect(textarea.toRaw(reason, 'My roof\nleaks.')).toEqual({ reason: 'My roof\nleaks.' });
  });
});
