import type { AddressQuestion } from '../../src/definition/types';
import { address } from '../../src/questions/address';
import type { MacroCall } from '../../src/questions/question-type';
import { parseContext, viewContext, wordsOf } from './context';

const home: AddressQuestion = { id: 'home', type: 'address', label: 'Your address' };
const abroad: AddressQuestion = {
  id: 'abroad',
  type: 'address',
  label: 'Address abroad',
  variant: 'international',
};

function post(question: AddressQuestion, fields: Record<string, string>) {
  const body = Object.fromEntries(
    Object.entries(fields).map(([part, text]) => [`${question.id}-${part}`, text]),
  );
  return address.parse(question, body, parseContext);
}

const childParams = (call: MacroCall) => (call.children ?? []).map((child) => child.params);

describe('address', () => {
  describe('parse (UK)', () => {
    it('stores the lines, tidied, and leaves out the empty ones', () => {
      const { value, errors } = post(home, {
        line1: ' 10  Downing Street ',
        line2: ' ',
        town: 'London',
        postcode: 'sw1a 2aa',
      });
      expect(errors).toEqual([]);
      expect(value).toEqual({ line1: '10 Downing Street', town: 'London', postcode: 'SW1A 2AA' });
    });

    it.each([
      ['sw1a1aa', 'SW1A 1AA'],
      [' SW1A  1AA ', 'SW1A 1AA'],
      ['Sw1A 1aA', 'SW1A 1AA'],
      ['ec1a1bb', 'EC1A 1BB'],
      ['m11ae', 'M1 1AE'],
      ['B33 8TH', 'B33 8TH'],
      ['cr2-6xh', 'CR2 6XH'],
      ['gir0aa', 'GIR 0AA'],
    ])('accepts the postcode %j and stores it as %j', (typed, stored) => {
      const { value, errors } = post(home, {
        line1: '1 High Street',
        town: 'Leeds',
        postcode: typed,
      });
      expect(errors).toEqual([]);
      expect(value?.postcode).toBe(stored);
    });

    it.each(['12345', 'SW1A', 'SW1A 1A', 'LS1 1AAA', '1AA 1AA', 'not a postcode'])(
      'says %j is not a real postcode',
      (typed) => {
        const { value, errors } = post(home, {
          line1: '1 High Street',
          town: 'Leeds',
          postcode: typed,
        });
        expect(value).toBeUndefined();
        expect(errors).toEqual([
          { questionId: 'home', field: 'home-postcode', code: 'invalidPostcode' },
        ]);
        expect(wordsOf(home, errors)).toEqual(['Enter a real postcode']);
      },
    );

    it('asks for the address when every field is empty, marking the required fields', () => {
      const { value, errors } = post(home, { line1: '', line2: ' ', town: '', postcode: '' });
      expect(value).toBeUndefined();
      expect(errors).toEqual([
        {
          questionId: 'home',
          field: 'home-line1',
          fields: ['home-line1', 'home-town', 'home-postcode'],
          code: 'required',
        },
      ]);
      expect(wordsOf(home, errors)).toEqual(['Enter your address']);
    });

    it('accepts an optional address left empty, but checks one partly filled in', () => {
      const optional = { ...home, optional: true };
      expect(post(optional, {})).toMatchObject({ value: undefined, errors: [] });
      expect(post(optional, { town: 'Leeds' }).errors.map((e) => e.code)).toEqual([
        'missingLine1',
        'missingPostcode',
      ]);
    });

    it('returns one error per field at fault, in the order of the fields', () => {
      const { value, errors } = post(home, { line2: 'Flat 2', postcode: 'nonsense' });
      expect(value).toBeUndefined();
      expect(errors).toEqual([
        { questionId: 'home', field: 'home-line1', code: 'missingLine1' },
        { questionId: 'home', field: 'home-town', code: 'missingTown' },
        { questionId: 'home', field: 'home-postcode', code: 'invalidPostcode' },
      ]);
      expect(wordsOf(home, errors)).toEqual([
        'Enter address line 1, typically the building and street',
        'Enter town or city',
        'Enter a real postcode',
      ]);
      expect(wordsOf(home, post(home, { line1: '1 High St', town: 'Leeds' }).errors)).toEqual([
        'Enter postcode',
      ]);
    });

    it('limits each line to 100 characters, naming the line in the message', () => {
      const long = 'a'.repeat(101);
      const { errors } = post(home, {
        line1: long,
        line2: long,
        town: 'é'.repeat(100),
        postcode: 'LS1 1AA',
      });
      expect(errors).toEqual([
        {
          questionId: 'home',
          field: 'home-line1',
          code: 'lineTooLong',
          args: { max: 100, context: 'line1' },
        },
        {
          questionId: 'home',
          field: 'home-line2',
          code: 'lineTooLong',
          args: { max: 100, context: 'line2' },
        },
      ]);
      expect(wordsOf(home, errors)).toEqual([
        'Address line 1 must be 100 characters or fewer',
        'Address line 2 must be 100 characters or fewer',
      ]);
    });
  });

  describe('parse (international)', () => {
    it('asks for a country and takes any postal code as typed', () => {
      const { value, errors } = post(abroad, {
        line1: 'Unter den Linden 77',
        town: 'Berlin',
        postcode: ' 10117 ',
        country: 'DE',
      });
      expect(errors).toEqual([]);
      expect(value).toEqual({
        line1: 'Unter den Linden 77',
        town: 'Berlin',
        postcode: '10117',
        country: 'DE',
      });
    });

    it('does not need a postal code, but does need a country', () => {
      expect(post(abroad, { line1: '1 Main St', town: 'Dublin', country: 'IE' })).toMatchObject({
        value: { line1: '1 Main St', town: 'Dublin', country: 'IE' },
        errors: [],
      });
      const { errors } = post(abroad, { line1: '1 Main St', town: 'Dublin' });
      expect(errors).toEqual([
        { questionId: 'abroad', field: 'abroad-country', code: 'missingCountry' },
      ]);
      expect(wordsOf(abroad, errors)).toEqual(['Select the country']);
    });

    it('limits the region and postal code to 100 characters, and takes only listed countries', () => {
      const { errors } = post(abroad, {
        line1: '1 Main St',
        town: 'Dublin',
        region: 'C'.repeat(101),
        postcode: '9'.repeat(101),
        country: 'Atlantis',
      });
      expect(wordsOf(abroad, errors)).toEqual([
        'County, state or region must be 100 characters or fewer',
        'Postal code must be 100 characters or fewer',
        'Select the country',
      ]);
    });

    it('marks line 1, town and country when everything is empty', () => {
      expect(post(abroad, {}).errors).toMatchObject([
        { code: 'required', fields: ['abroad-line1', 'abroad-town', 'abroad-country'] },
      ]);
    });
  });

  it('turns a stored address back into its fields', () => {
    const stored = { line1: '1 High Street', town: 'Leeds', postcode: 'LS1 1AA' };
    expect(address.toRaw(home, stored)).toEqual({
      'home-line1': '1 High Street',
      'home-line2': '',
      'home-town': 'Leeds',
      'home-postcode': 'LS1 1AA',
    });
    expect(address.fields(abroad)).toEqual([
      'abroad-line1',
      'abroad-line2',
      'abroad-town',
      'abroad-region',
      'abroad-postcode',
      'abroad-country',
    ]);
    expect(address.freeTextFields(home)).toEqual(address.fields(home));
  });

  describe('view', () => {
    it('is a fieldset of inputs, each with its label and autocomplete', () => {
      const stored = { line1: '1 High Street', town: 'Leeds', postcode: 'LS1 1AA' };
      const call = address.view(
        { ...home, hint: 'Where you live now' },
        address.toRaw(home, stored),
        viewContext(),
      );
      expect(call.macro).toBe('govukFieldset');
      expect(call.params).toMatchObject({
        id: 'home',
        legend: { text: 'Your address', isPageHeading: true },
        describedBy: 'home-hint',
        hint: { text: 'Where you live now' },
        errorMessage: undefined,
      });
      expect(call.children?.map((child) => child.macro)).toEqual([
        'govukInput',
        'govukInput',
        'govukInput',
        'govukInput',
      ]);
      expect(childParams(call)).toEqual([
        expect.objectContaining({
          id: 'home-line1',
          name: 'home-line1',
          value: '1 High Street',
          label: { text: 'Address line 1' },
          autocomplete: 'address-line1',
        }),
        expect.objectContaining({
          name: 'home-line2',
          value: '',
          label: { text: 'Address line 2 (optional)' },
          autocomplete: 'address-line2',
        }),
        expect.objectContaining({
          name: 'home-town',
          label: { text: 'Town or city' },
          autocomplete: 'address-level2',
          classes: 'govuk-!-width-two-thirds',
        }),
        expect.objectContaining({
          name: 'home-postcode',
          value: 'LS1 1AA',
          label: { text: 'Postcode' },
          autocomplete: 'postal-code',
          classes: 'govuk-input--width-10',
          spellcheck: false,
        }),
      ]);
    });

    it('asks for a country, and an optional postal code, when international', () => {
      const params = childParams(address.view(abroad, {}, viewContext()));
      expect(params.map((p) => p.label)).toEqual([
        { text: 'Address line 1' },
        { text: 'Address line 2 (optional)' },
        { text: 'Town or city' },
        { text: 'County, state or region (optional)' },
        { text: 'Postal code (optional)' },
        { text: 'Country' },
      ]);
      const country = address.view(abroad, { 'abroad-country': 'IE' }, viewContext()).children?.[5];
      expect(country?.macro).toBe('govukSelect');
      expect(country?.params).toMatchObject({ name: 'abroad-country', autocomplete: 'country' });
      const items = country?.params.items as Array<{
        value: string;
        text: string;
        selected: boolean;
      }>;
      expect(items[0]).toEqual({ value: '', text: 'Choose an option', selected: false });
      expect(items.filter((i) => i.selected)).toEqual([
        { value: 'IE', text: 'Ireland', selected: true },
      ]);
      expect(items).toHaveLength(251);
    });

    it('shows each field its own error when the renderer gives them', () => {
      const { raw, errors } = post(home, { line2: 'Flat 2', postcode: 'nonsense' });
      const [line1, town, postcode] = wordsOf(home, errors);
      const call = address.view(
        home,
        raw,
        viewContext({
          error: { text: line1 ?? '', fields: errors.map((e) => e.field) },
          fieldErrors: {
            'home-line1': line1 ?? '',
            'home-town': town ?? '',
            'home-postcode': postcode ?? '',
          },
        }),
      );
      expect(call.params.errorMessage).toBeUndefined();
      expect(childParams(call).map((p) => p.errorMessage)).toEqual([
        {
          text: 'Enter address line 1, typically the building and street',
          visuallyHiddenText: 'Error',
        },
        undefined,
        { text: 'Enter town or city', visuallyHiddenText: 'Error' },
        { text: 'Enter a real postcode', visuallyHiddenText: 'Error' },
      ]);
      expect(childParams(call).map((p) => p.value)).toEqual(['', 'Flat 2', '', 'nonsense']);
    });

    it('falls back to one message on the fieldset, marking the fields in error', () => {
      const call = address.view(
        home,
        {},
        viewContext({
          error: {
            text: 'Enter your address',
            fields: ['home-line1', 'home-town', 'home-postcode'],
          },
        }),
      );
      expect(call.params.errorMessage).toEqual({
        text: 'Enter your address',
        visuallyHiddenText: 'Error',
      });
      expect(childParams(call).map((p) => p.classes)).toEqual([
        'govuk-input--error',
        undefined,
        'govuk-!-width-two-thirds govuk-input--error',
        'govuk-input--width-10 govuk-input--error',
      ]);
    });
  });

  it('shows one line per part on check answers', () => {
    const stored = { line1: 'Flat 2', line2: '1 High Street', town: 'Leeds', postcode: 'LS1 1AA' };
    expect(address.summary(home, stored, viewContext())).toEqual([
      'Flat 2',
      '1 High Street',
      'Leeds',
      'LS1 1AA',
    ]);
    expect(
      address.summary(abroad, { line1: '1 Main St', town: 'Dublin', country: 'IE' }, viewContext()),
    ).toEqual(['1 Main St', 'Dublin', 'Ireland']);
    // An answer kept before the country was a list shows the name as typed.
    expect(
      address.summary(
        abroad,
        { line1: '1 Main St', town: 'Dublin', country: 'Eire' },
        viewContext(),
      ),
    ).toEqual(['1 Main St', 'Dublin', 'Eire']);
  });
});
