import type { YesNoQuestion } from '../../src/definition/types';
import { yesNo } from '../../src/questions/yes-no';
import { parseContext, viewContext, wordsOf } from './context';

const passport: YesNoQuestion = {
  id: 'has-passport',
  type: 'yes-no',
  label: 'Do you have a UK passport?',
};

const post = (posted: string, q: YesNoQuestion = passport) =>
  yesNo.parse(q, { 'has-passport': posted }, parseContext);

describe('yesNo', () => {
  it('stores "yes" or "no"', () => {
    expect(post('yes')).toEqual({ value: 'yes', errors: [], raw: { 'has-passport': 'yes' } });
    expect(post('no').value).toBe('no');
  });

  it('asks for an answer when none is given or it is neither yes nor no', () => {
    for (const posted of ['', 'maybe', 'YES']) {
      const { value, errors } = post(posted);
      expect(value).toBeUndefined();
      expect(errors).toEqual([
        { questionId: 'has-passport', field: 'has-passport', code: 'required' },
      ]);
      expect(wordsOf(passport, errors)).toEqual(['Select yes or no']);
    }
    expect(post('', { ...passport, optional: true }).errors).toEqual([]);
  });

  it('renders inline radios with the words from the locale', () => {
    const call = yesNo.view(passport, yesNo.toRaw(passport, 'no'), viewContext());
    expect(call.macro).toBe('govukRadios');
    expect(call.params).toMatchObject({
      idPrefix: 'has-passport',
      name: 'has-passport',
      classes: 'govuk-radios--inline',
      fieldset: { legend: { text: 'Do you have a UK passport?', isPageHeading: true } },
      items: [
        { value: 'yes', text: 'Yes', checked: false },
        { value: 'no', text: 'No', checked: true },
      ],
    });
  });

  it('shows the translated word on check answers', () => {
    expect(yesNo.summary(passport, 'yes', viewContext())).toEqual(['Yes']);
    expect(yesNo.summary(passport, 'no', viewContext())).toEqual(['No']);
  });
});
