import type { NameQuestion } from '../../src/definition/types';
import { name } from '../../src/questions/name';
import { parseContext, viewContext, wordsOf } from './context';

const fullName: NameQuestion = {
  id: 'full-name',
  type: 'name',
  label: 'Full name',
  errorLabel: 'your full name',
};

const post = (typed: string, q: NameQuestion = fullName) =>
  name.parse(q, { 'full-name': typed }, parseContext);

describe('name', () => {
  it('tidies stray spaces but never changes case or punctuation', () => {
    expect(post("  mary   o'BRIEN-smith ")).toEqual({
      value: "mary o'BRIEN-smith",
      errors: [],
      raw: { 'full-name': "  mary   o'BRIEN-smith " },
    });
    expect(post('Zoë Nguyễn').value).toBe('Zoë Nguyễn');
  });

  it('asks for a name when empty, unless optional', () => {
    const { errors } = post('  ');
    expect(errors).toEqual([{ questionId: 'full-name', field: 'full-name', code: 'required' }]);
    expect(wordsOf(fullName, errors)).toEqual(['Enter your full name']);
    expect(post('', { ...fullName, optional: true }).errors).toEqual([]);
  });

  it('allows 100 characters by default', () => {
    expect(post('a'.repeat(100)).errors).toEqual([]);
    const { errors } = post('a'.repeat(101));
    expect(errors).toEqual([
      { questionId: 'full-name', field: 'full-name', code: 'tooLong', args: { max: 100 } },
    ]);
    expect(wordsOf(fullName, errors)).toEqual(['Your full name must be 100 characters or fewer']);
  });

  it('uses the question limit when it gives one', () => {
    expect(post('Jo Bloggs', { ...fullName, maxLength: 5 }).errors).toMatchObject([
      { code: 'tooLong', args: { max: 5 } },
    ]);
  });

  it('renders one input with name autocomplete and no spellcheck', () => {
    const call = name.view(fullName, name.toRaw(fullName, 'Jo Bloggs'), viewContext());
    expect(call.macro).toBe('govukInput');
    expect(call.params).toMatchObject({
      id: 'full-name',
      name: 'full-name',
      value: 'Jo Bloggs',
      label: { text: 'Full name', isPageHeading: true },
      autocomplete: 'name',
      spellcheck: false,
    });
  });

  it('shows the name as given on check answers', () => {
    expect(name.summary(fullName, 'jo BLOGGS', viewContext())).toEqual(['jo BLOGGS']);
    expect(name.toRaw(fullName, undefined)).toEqual({ 'full-name': '' });
  });
});
