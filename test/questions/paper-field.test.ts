import type { Question } from '../../src/definition/types';
import { questionTypes, typeOf } from '../../src/questions/registry';
import { createI18n, translator } from '../../src/web/i18n';

const i18n = createI18n();
const context = { t: translator(i18n, 'en'), lang: 'en' };
const paper = (question: Question) => typeOf(question).paper(question, context);

describe('how each question type looks on paper', () => {
  it('is said by every registered type', () => {
    for (const type of Object.values(questionTypes)) expect(typeof type.paper).toBe('function');
  });

  it('gives one line for a name, an email address and a phone number', () => {
    expect(paper({ id: 'n', type: 'name', label: 'Full name' })).toEqual([
      { kind: 'write', lines: 1, width: 'full' },
    ]);
    expect(paper({ id: 'e', type: 'email', label: 'Email' })).toEqual([
      { kind: 'write', lines: 1, width: 'full' },
    ]);
    expect(paper({ id: 'p', type: 'phone', label: 'Phone' })).toEqual([
      { kind: 'write', lines: 1, width: 'medium' },
    ]);
  });

  it('sizes the lines of free text to its length limit, and sends long answers to another sheet', () => {
    expect(paper({ id: 't', type: 'text', label: 'Code', width: 10 })).toEqual([
      { kind: 'write', lines: 1, width: 'short' },
    ]);
    expect(paper({ id: 't', type: 'text', label: 'Council', maxLength: 100 })).toEqual([
      { kind: 'write', lines: 3, width: 'full' },
    ]);
    expect(paper({ id: 'd', type: 'textarea', label: 'Details', maxLength: 90 })).toEqual([
      { kind: 'write', lines: 3, width: 'full' },
    ]);
    expect(paper({ id: 'd', type: 'textarea', label: 'Details', maxLength: 1200 })).toEqual([
      {
        kind: 'write',
        lines: 8,
        width: 'full',
        note: 'If you need more space, carry on on a separate sheet of paper and write the question number on it.',
      },
    ]);
  });

  it('puts the pound sign before an amount and the unit after a number', () => {
    expect(paper({ id: 'm', type: 'money', label: 'Income' })).toEqual([
      { kind: 'write', lines: 1, width: 'short', prefix: '£' },
    ]);
    expect(paper({ id: 'h', type: 'number', label: 'Hours', suffix: 'hours' })).toEqual([
      { kind: 'write', lines: 1, width: 'short', suffix: 'hours' },
    ]);
  });

  it('gives a box for each digit of a date: DD MM YYYY', () => {
    expect(paper({ id: 'dob', type: 'date', label: 'Date of birth' })).toEqual([
      {
        kind: 'boxes',
        parts: [
          { label: 'Day', boxes: 2, placeholder: 'DD' },
          { label: 'Month', boxes: 2, placeholder: 'MM' },
          { label: 'Year', boxes: 4, placeholder: 'YYYY' },
        ],
      },
    ]);
  });

  it('gives a tick box per option: tick one, or tick all that apply', () => {
    const options = [
      { value: 'rent', text: 'Rent' },
      { value: 'own', text: 'Own', hint: 'Or with a mortgage' },
    ];
    expect(paper({ id: 'r', type: 'radios', label: 'Home', options })).toEqual([
      {
        kind: 'tick',
        instruction: 'Tick one',
        multiple: false,
        options: [{ text: 'Rent' }, { text: 'Own', hint: 'Or with a mortgage' }],
      },
    ]);
    expect(paper({ id: 's', type: 'select', label: 'Home', options })[0]).toMatchObject({
      instruction: 'Tick one',
    });
    expect(
      paper({
        id: 'c',
        type: 'checkboxes',
        label: 'Benefits',
        options: [...options, { value: 'none', text: 'None of these', exclusive: true }],
      })[0],
    ).toMatchObject({
      instruction: 'Tick all that apply',
      multiple: true,
      options: [{ text: 'Rent' }, { text: 'Own' }, { text: 'None of these', exclusive: true }],
    });
    expect(paper({ id: 'y', type: 'yes-no', label: 'Blue Badge?' })).toEqual([
      {
        kind: 'tick',
        instruction: 'Tick one',
        multiple: false,
        options: [{ text: 'Yes' }, { text: 'No' }],
      },
    ]);
  });

  it('gives a labelled line for each line of an address, the postcode short', () => {
    expect(paper({ id: 'a', type: 'address', label: 'Address', variant: 'uk' })).toEqual([
      { kind: 'write', label: 'Address line 1', lines: 1, width: 'full' },
      { kind: 'write', label: 'Address line 2 (optional)', lines: 1, width: 'full' },
      { kind: 'write', label: 'Town or city', lines: 1, width: 'full' },
      { kind: 'write', label: 'Postcode', lines: 1, width: 'short' },
    ]);
  });

  it('uses the words of the page’s language', () => {
    const welsh = { t: translator(i18n, 'cy'), lang: 'cy' };
    const date = { id: 'dob', type: 'date', label: 'Dyddiad geni' } as const;
    expect(typeOf(date).paper(date, welsh)[0]).toMatchObject({
      parts: [{ label: 'Diwrnod', placeholder: 'DD' }, { label: 'Mis' }, { placeholder: 'BBBB' }],
    });
  });
});
