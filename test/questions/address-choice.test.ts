import type { AddressQuestion } from '../../src/definition/types';
import { address } from '../../src/questions/address';
import { createI18n, translator } from '../../src/web/i18n';
import { t, parseContext, viewContext, wordsOf } from './context';

const either: AddressQuestion = {
  id: 'home',
  type: 'address',
  label: 'What is your address?',
  variant: 'either',
};
const anyAddress: AddressQuestion = { ...either, noFixedAddress: true };

const post = (q: AddressQuestion, fields: Record<string, string>) =>
  address.parse(q, fields, parseContext);

describe('address, where the person chooses', () => {
  it('takes a UK address, checking its postcode, and says it is in the UK', () => {
    const { value, errors } = post(either, {
      'home-choice': 'uk',
      'home-uk-line1': '1 High Street',
      'home-uk-town': 'Leeds',
      'home-uk-postcode': 'ls11aa',
      // What was typed under the other choice is left behind.
      'home-international-line1': 'Rue de Rivoli 1',
    });
    expect(errors).toEqual([]);
    expect(value).toEqual({
      kind: 'uk',
      line1: '1 High Street',
      town: 'Leeds',
      postcode: 'LS1 1AA',
    });
    expect(address.summary(either, value ?? {}, viewContext())).toEqual([
      '1 High Street',
      'Leeds',
      'LS1 1AA',
    ]);
  });

  it('takes an address abroad, with a region, an optional postal code and a listed country', () => {
    const { value, errors } = post(either, {
      'home-choice': 'international',
      'home-international-line1': '350 Fifth Avenue',
      'home-international-town': 'New York',
      'home-international-region': 'NY',
      'home-international-country': 'US',
    });
    expect(errors).toEqual([]);
    expect(value).toEqual({
      kind: 'international',
      line1: '350 Fifth Avenue',
      town: 'New York',
      region: 'NY',
      country: 'US',
    });
    expect(address.summary(either, value ?? {}, viewContext())).toEqual([
      '350 Fifth Avenue',
      'New York',
      'NY',
      'United States',
    ]);
    expect(address.summary(either, value ?? {}, { t, lang: 'cy' })).toContain('Yr Unol Daleithiau');
  });

  it('asks where the address is when nothing is chosen, and checks only the chosen lines', () => {
    const none = post(either, {});
    expect(wordsOf(either, none.errors)).toEqual(['Select where the address is']);
    expect(none.errors[0]?.field).toBe('home-choice');
    const abroad = post(either, { 'home-choice': 'international', 'home-uk-line1': 'x' });
    expect(wordsOf(either, abroad.errors)).toEqual([
      'Enter address line 1, typically the building and street',
      'Enter town or city',
      'Select the country',
    ]);
    expect(abroad.errors.map((e) => e.field)).toEqual([
      'home-international-line1',
      'home-international-town',
      'home-international-country',
    ]);
  });

  it('shows a radio for each choice, the lines of each revealed under it', () => {
    const raw = address.toRaw(either, {
      kind: 'international',
      line1: 'Via Roma 1',
      country: 'IT',
    });
    expect(raw['home-choice']).toBe('international');
    expect(raw['home-international-line1']).toBe('Via Roma 1');
    const call = address.view(either, raw, viewContext());
    expect(call.macro).toBe('govukRadios');
    expect(call.params).toMatchObject({
      idPrefix: 'home-choice',
      name: 'home-choice',
      fieldset: { legend: { text: 'What is your address?', isPageHeading: true } },
    });
    const items = call.params.items as Array<{ value: string; text: string; checked: boolean }>;
    expect(items.map((i) => [i.text, i.checked])).toEqual([
      ['An address in the UK', false],
      ['An address outside the UK', true],
    ]);
    expect(call.reveals?.uk?.map((c) => c.params.name)).toEqual([
      'home-uk-line1',
      'home-uk-line2',
      'home-uk-town',
      'home-uk-postcode',
    ]);
    expect(call.reveals?.international?.map((c) => c.macro)).toEqual([
      'govukInput',
      'govukInput',
      'govukInput',
      'govukInput',
      'govukInput',
      'govukSelect',
    ]);
  });

  it('prints a tick box for each choice, then the lines of each, on paper', () => {
    const fields = address.paper(either, { t: translator(createI18n(), 'en'), lang: 'en' });
    expect(fields[0]).toMatchObject({
      kind: 'tick',
      instruction: 'Tick one',
      options: [{ text: 'An address in the UK' }, { text: 'An address outside the UK' }],
    });
    expect(fields.slice(1).map((f) => (f.kind === 'write' ? f.label : f.kind))).toEqual([
      'An address in the UK: Address line 1',
      'An address in the UK: Address line 2 (optional)',
      'An address in the UK: Town or city',
      'An address in the UK: Postcode',
      'An address outside the UK: Address line 1',
      'An address outside the UK: Address line 2 (optional)',
      'An address outside the UK: Town or city',
      'An address outside the UK: County, state or region (optional)',
      'An address outside the UK: Postal code (optional)',
      'An address outside the UK: Country',
    ]);
  });
});

describe('address with "I have no fixed address"', () => {
  it('offers the three ways to reach someone with no fixed address after an "or"', () => {
    const items = address.view(anyAddress, {}, viewContext()).params.items as Array<
      Record<string, unknown>
    >;
    expect(items.map((i) => i.text ?? `— ${String(i.divider)} —`)).toEqual([
      'An address in the UK',
      'An address outside the UK',
      '— or —',
      'I have no fixed address: send letters to someone who will pass them on (‘care of’)',
      'I have no fixed address: I will collect letters from your office',
      'I have no fixed address: contact me by phone only',
    ]);
  });

  it('takes a care-of address, and says so on check answers', () => {
    const { value, errors } = post(anyAddress, {
      'home-choice': 'care-of',
      'home-care-of-careOf': 'St Mungo’s',
      'home-care-of-line1': '3 Thessaly Road',
      'home-care-of-town': 'London',
      'home-care-of-postcode': 'SW8 4XS',
    });
    expect(errors).toEqual([]);
    expect(value).toEqual({
      kind: 'no-fixed-address',
      contact: 'care-of',
      careOf: 'St Mungo’s',
      line1: '3 Thessaly Road',
      town: 'London',
      postcode: 'SW8 4XS',
    });
    expect(address.summary(anyAddress, value ?? {}, viewContext())).toEqual([
      'No fixed address',
      'Care of St Mungo’s',
      '3 Thessaly Road',
      'London',
      'SW8 4XS',
    ]);
  });

  it('takes collecting from an office with nothing more to type', () => {
    const { value, errors } = post(anyAddress, { 'home-choice': 'collect' });
    expect(errors).toEqual([]);
    expect(value).toEqual({ kind: 'no-fixed-address', contact: 'collect' });
    const es = translator(createI18n(), 'es');
    expect(address.summary(anyAddress, value ?? {}, { t: es, lang: 'es' })).toEqual([
      'Sin domicilio fijo',
      'Recogerá las cartas en la oficina',
    ]);
  });

  it('takes a phone number only, and refuses one that cannot be dialled', () => {
    expect(
      post(anyAddress, { 'home-choice': 'phone', 'home-phone-phone': '07700 900 982' }),
    ).toMatchObject({
      value: { kind: 'no-fixed-address', contact: 'phone', phone: '07700 900 982' },
      errors: [],
    });
    const wrong = post(anyAddress, { 'home-choice': 'phone', 'home-phone-phone': 'ring me' });
    expect(wordsOf(anyAddress, wrong.errors)).toEqual([
      'Enter a phone number, like 01632 960 001 or +44 808 157 0192',
    ]);
    const empty = post(anyAddress, { 'home-choice': 'phone' });
    expect(wordsOf(anyAddress, empty.errors)).toEqual(['Enter a phone number']);
  });

  it('asks for an address or a way to reach the person when nothing is chosen', () => {
    expect(wordsOf(anyAddress, post(anyAddress, {}).errors)).toEqual([
      'Select an address, or how we can reach you if you have no fixed address',
    ]);
  });

  it('lets an optional question be left empty, but not half-typed', () => {
    const optional = { ...anyAddress, optional: true };
    expect(post(optional, {})).toMatchObject({ value: undefined, errors: [] });
    expect(post(optional, { 'home-uk-line1': '1 High Street' }).errors).toHaveLength(1);
  });
});
