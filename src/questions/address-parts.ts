import type { AddressQuestion } from '../definition/types';
import { isCountry } from './countries';
import { ukPostcode } from './postcode';
import { postedString, tidy, type PostedBody, type QuestionError } from './question-type';

/** Every error code an address answer can have. */
export const addressErrorCodes = [
  'required',
  'missingChoice',
  'missingLine1',
  'missingTown',
  'missingPostcode',
  'invalidPostcode',
  'missingCountry',
  'missingCareOf',
  'missingPhone',
  'invalidPhone',
  'lineTooLong',
] as const;
export type AddressErrorCode = (typeof addressErrorCodes)[number];

/**
 * What a person may give as an address: a UK address, one in another country, or, with no fixed
 * address, a "care of" address, collecting letters from an office, or a phone number only.
 */
export type AddressChoice = 'uk' | 'international' | 'care-of' | 'collect' | 'phone';

/** The choices no fixed address offers, in the order they are shown. */
export const NO_FIXED_ADDRESS: readonly AddressChoice[] = ['care-of', 'collect', 'phone'];

/** One input of an address: what it asks for, and the error when it is left empty. */
export interface AddressPart {
  name: 'careOf' | 'line1' | 'line2' | 'town' | 'region' | 'postcode' | 'country' | 'phone';
  autocomplete: string;
  missing?: AddressErrorCode;
  /** Its label's key under `questions:address`, when not its name. */
  label?: string;
  classes?: string;
  /** How its text is checked: a UK postcode, a country code, or a phone number. */
  check?: 'ukPostcode' | 'country' | 'phone';
}

const LINE1: AddressPart = {
  name: 'line1',
  autocomplete: 'address-line1',
  missing: 'missingLine1',
};
const LINE2: AddressPart = { name: 'line2', autocomplete: 'address-line2' };
const TOWN: AddressPart = {
  name: 'town',
  autocomplete: 'address-level2',
  missing: 'missingTown',
  classes: 'govuk-!-width-two-thirds',
};
const UK_POSTCODE: AddressPart = {
  name: 'postcode',
  autocomplete: 'postal-code',
  classes: 'govuk-input--width-10',
  missing: 'missingPostcode',
  check: 'ukPostcode',
};

/** The inputs of each choice, in the order they are shown. */
export const PARTS: Readonly<Record<AddressChoice, readonly AddressPart[]>> = {
  uk: [LINE1, LINE2, TOWN, UK_POSTCODE],
  international: [
    LINE1,
    LINE2,
    TOWN,
    { name: 'region', autocomplete: 'address-level1', classes: 'govuk-!-width-two-thirds' },
    {
      name: 'postcode',
      autocomplete: 'postal-code',
      classes: 'govuk-input--width-10',
      label: 'postcodeOptional',
    },
    { name: 'country', autocomplete: 'country', missing: 'missingCountry', check: 'country' },
  ],
  'care-of': [
    { name: 'careOf', autocomplete: 'off', missing: 'missingCareOf' },
    LINE1,
    LINE2,
    TOWN,
    UK_POSTCODE,
  ],
  collect: [],
  phone: [
    {
      name: 'phone',
      autocomplete: 'tel',
      missing: 'missingPhone',
      classes: 'govuk-input--width-20',
      check: 'phone',
    },
  ],
};

const MAX_LENGTH = 100;

/** The choices a question offers: one (no choice to make), or several the person picks from. */
export function choicesOf(q: AddressQuestion): AddressChoice[] {
  const places: AddressChoice[] =
    q.variant === 'either' ? ['uk', 'international'] : [q.variant ?? 'uk'];
  return q.noFixedAddress ? [...places, ...NO_FIXED_ADDRESS] : places;
}

/** Whether the person picks what kind of address they give (a radio for each choice). */
export const offersChoice = (q: AddressQuestion) => choicesOf(q).length > 1;

/** The form field of a part: `home-line1`, or `home-uk-line1` when the question offers choices. */
export function fieldOf(q: AddressQuestion, choice: AddressChoice, part: AddressPart): string {
  return offersChoice(q) ? `${q.id}-${choice}-${part.name}` : `${q.id}-${part.name}`;
}

/** The field holding the person's choice. */
export const choiceField = (q: AddressQuestion) => `${q.id}-choice`;

/** A phone number that can be dialled: digits with the spaces, brackets and + people write. */
function isPhoneNumber(text: string): boolean {
  return /^\+?\d{7,15}$/.test(text.replace(/[\s().\-\u2013]/g, ''));
}

/** The parts of one choice read from a post: the values, and each part's error. */
export function readParts(
  q: AddressQuestion,
  choice: AddressChoice,
  body: PostedBody,
): { value: Record<string, string>; errors: QuestionError[]; empty: boolean } {
  const value: Record<string, string> = {};
  const errors: QuestionError[] = [];
  const parts = PARTS[choice];
  const typed = (part: AddressPart) => tidy(postedString(body, fieldOf(q, choice, part)));
  const fail = (part: AddressPart, code: AddressErrorCode, args?: QuestionError['args']) =>
    errors.push({ questionId: q.id, field: fieldOf(q, choice, part), code, ...(args && { args }) });
  for (const part of parts) {
    const text = typed(part);
    if (text === '') {
      if (part.missing) fail(part, part.missing);
    } else if (part.check === 'ukPostcode') {
      const written = ukPostcode(text);
      if (written) value.postcode = written;
      else fail(part, 'invalidPostcode');
    } else if (part.check === 'country') {
      if (isCountry(text)) value.country = text;
      else fail(part, 'missingCountry');
    } else if (part.check === 'phone') {
      if (isPhoneNumber(text)) value.phone = text;
      else fail(part, 'invalidPhone');
    } else if ([...text].length > MAX_LENGTH) {
      // `context` picks the message naming the line, like errors:address.lineTooLong_town.
      fail(part, 'lineTooLong', { max: MAX_LENGTH, context: part.name });
    } else {
      value[part.name] = text;
    }
  }
  return { value, errors, empty: parts.every((part) => typed(part) === '') };
}
