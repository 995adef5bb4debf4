import type { CheckboxesQuestion } from '../../src/definition/types';
import { checkboxes } from '../../src/questions/checkboxes';
import { parseContext, viewContext, wordsOf } from './context';

const benefits: CheckboxesQuestion = {
  id: 'benefits',
  type: 'checkboxes',
  label: 'Which benefits do you get?',
  errorLabel: 'which benefits you get',
  hint: 'Select all that apply',
  options: [
    { value: 'universal-credit', text: 'Universal Credit' },
    { value: 'pension-credit', text: 'Pension Credit', hint: 'Guarantee or savings credit' },
    { value: 'housing-benefit', text: 'Housing Benefit' },
    { value: 'none', text: 'No, I do not get any of these benefits', exclusive: true },
  ],
};

const post = (posted: string | string[] | undefined, q: CheckboxesQuestion = benefits) =>
  checkboxes.parse(q, posted === undefined ? {} : { benefits: posted }, parseContext);

describe('checkboxes', () => {
  it('stores the chosen values in the order of the options', () => {
    expect(post(['housing-benefit', 'universal-credit'])).toEqual({
      value: ['universal-credit', 'housing-benefit'],
      errors: [],
      raw: { benefits: ['universal-credit', 'housing-benefit'] },
    });
    expect(post('pension-credit').value).toEqual(['pension-credit']);
  });

  it('ignores values the options do not offer, and repeats', () => {
    expect(post(['child-benefit', 'pension-credit', 'pension-credit']).value).toEqual([
      'pension-credit',
    ]);
  });

  it('asks for a choice when none is ticked, unless optional', () => {
    const { value, errors } = post(undefined);
    expect(value).toBeUndefined();
    expect(errors).toEqual([{ questionId: 'benefits', field: 'benefits', code: 'required' }]);
    expect(wordsOf(benefits, errors)).toEqual(['Select which benefits you get']);
    expect(post(['forged']).errors).toMatchObject([{ code: 'required' }]);
    expect(post(undefined, { ...benefits, optional: true })).toEqual({
      value: undefined,
      errors: [],
      raw: { benefits: [] },
    });
  });

  it('accepts the exclusive option alone, whatever the minimum', () => {
    expect(post('none', { ...benefits, minSelected: 2 })).toMatchObject({
      value: ['none'],
      errors: [],
    });
  });

  it('refuses the exclusive option ticked with others, naming it', () => {
    const { errors } = post(['universal-credit', 'none']);
    expect(errors).toEqual([
      {
        questionId: 'benefits',
        field: 'benefits',
        code: 'exclusiveWithOthers',
        args: { option: 'No, I do not get any of these benefits' },
      },
    ]);
    expect(wordsOf(benefits, errors)).toEqual([
      'Select which benefits you get, or select ‘No, I do not get any of these benefits’',
    ]);
  });

  it('checks the minimum and maximum number ticked', () => {
    const limited = { ...benefits, minSelected: 2, maxSelected: 2 };
    const few = post('universal-credit', limited);
    expect(few.errors).toEqual([
      { questionId: 'benefits', field: 'benefits', code: 'tooFew', args: { min: 2, count: 2 } },
    ]);
    expect(wordsOf(limited, few.errors)).toEqual(['Select at least 2 options']);
    const many = post(['universal-credit', 'pension-credit', 'housing-benefit'], limited);
    expect(many.errors).toMatchObject([{ code: 'tooMany', args: { max: 2 } }]);
    expect(wordsOf(limited, many.errors)).toEqual(['Select no more than 2 options']);
    const one = { ...benefits, maxSelected: 1 };
    expect(wordsOf(one, post(['universal-credit', 'pension-credit'], one).errors)).toEqual([
      'Select no more than 1 option',
    ]);
    expect(post(['universal-credit', 'pension-credit'], limited).errors).toEqual([]);
  });

  it('renders ticked boxes, with "or" before the exclusive option', () => {
    const call = checkboxes.view(
      benefits,
      checkboxes.toRaw(benefits, ['pension-credit']),
      viewContext(),
    );
    expect(call.macro).toBe('govukCheckboxes');
    expect(call.params).toMatchObject({
      idPrefix: 'benefits',
      name: 'benefits',
      fieldset: { legend: { text: 'Which benefits do you get?', isPageHeading: true } },
      hint: { text: 'Select all that apply' },
    });
    expect(call.params.items).toEqual([
      expect.objectContaining({ value: 'universal-credit', checked: false, behaviour: undefined }),
      expect.objectContaining({
        value: 'pension-credit',
        text: 'Pension Credit',
        hint: { text: 'Guarantee or savings credit' },
        checked: true,
      }),
      expect.objectContaining({ value: 'housing-benefit', checked: false }),
      { divider: 'or' },
      expect.objectContaining({ value: 'none', checked: false, behaviour: 'exclusive' }),
    ]);
  });

  it('keeps the ticks when showing an error', () => {
    const { raw, errors } = post(['universal-credit', 'none']);
    const text = wordsOf(benefits, errors)[0] ?? '';
    const call = checkboxes.view(
      benefits,
      raw,
      viewContext({ error: { text, fields: ['benefits'] } }),
    );
    expect(call.params.errorMessage).toEqual({ text, visuallyHiddenText: 'Error' });
    const items = call.params.items as Array<{ value?: string; checked?: boolean }>;
    expect(items.filter((item) => item.checked).map((item) => item.value)).toEqual([
      'universal-credit',
      'none',
    ]);
  });

  it('shows one line per chosen option on check answers', () => {
    expect(
      checkboxes.summary(benefits, ['universal-credit', 'housing-benefit'], viewContext()),
    ).toEqual(['Universal Credit', 'Housing Benefit']);
    expect(checkboxes.toRaw(benefits, undefined)).toEqual({ benefits: [] });
  });
});
