import Joi from 'joi';
import type { AddressQuestion } from '../definition/types';
import { errorParams, fieldInError, fieldsetParams, hintParams } from './label';
import { ukPostcode } from './postcode';
import {
  postedString,
  tidy,
  type MacroCall,
  type ParseResult,
  type QuestionError,
  type QuestionType,
} from './question-type';

/** Every error code an address answer can have. */
export const addressErrorCodes = [
  'required',
  'missingLine1',
  'missingTown',
  'missingPostcode',
  'invalidPostcode',
  'missingCountry',
  'lineTooLong',
] as const;
type AddressErrorCode = (typeof addressErrorCodes)[number];
type Address = Readonly<Record<string, string>>;

const MAX_LENGTH = 100;

/** One input of an address: what it asks for, and the error when it is left empty. */
interface AddressPart {
  name: 'line1' | 'line2' | 'town' | 'postcode' | 'country';
  autocomplete: string;
  missing?: AddressErrorCode;
  /** Its label's key under `questions:address`, when not its name. */
  label?: string;
  classes?: string;
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
const POSTCODE: AddressPart = {
  name: 'postcode',
  autocomplete: 'postal-code',
  classes: 'govuk-input--width-10',
};
const UK_PARTS: AddressPart[] = [LINE1, LINE2, TOWN, { ...POSTCODE, missing: 'missingPostcode' }];
const INTERNATIONAL_PARTS: AddressPart[] = [
  LINE1,
  LINE2,
  TOWN,
  { ...POSTCODE, label: 'postcodeOptional' },
  { name: 'country', autocomplete: 'country-name', missing: 'missingCountry' },
];

const partsOf = (q: AddressQuestion) =>
  q.variant === 'international' ? INTERNATIONAL_PARTS : UK_PARTS;
const fieldOf = (q: AddressQuestion, part: AddressPart) => `${q.id}-${part.name}`;

/** A postal address: a UK one with a postcode, or an international one with a country. */
export const address: QuestionType<AddressQuestion, Address> = {
  errorCodes: addressErrorCodes,
  type: 'address',
  schemaKeys: { variant: Joi.string().valid('uk', 'international') },
  fields: (q) => partsOf(q).map((part) => fieldOf(q, part)),
  freeTextFields: (q) => partsOf(q).map((part) => fieldOf(q, part)),
  parse(q, body): ParseResult<Address> {
    const parts = partsOf(q);
    const raw = Object.fromEntries(
      parts.map((p) => [fieldOf(q, p), postedString(body, fieldOf(q, p))]),
    );
    const typed = (part: AddressPart) => tidy(postedString(raw, fieldOf(q, part)));
    if (parts.every((part) => typed(part) === '')) {
      if (q.optional) return { value: undefined, raw, errors: [] };
      const fields = parts.filter((p) => p.missing).map((p) => fieldOf(q, p));
      const field = fields[0] ?? q.id;
      return {
        value: undefined,
        raw,
        errors: [{ questionId: q.id, field, fields, code: 'required' }],
      };
    }

    const value: Record<string, string> = {};
    const errors: QuestionError[] = [];
    const fail = (part: AddressPart, code: AddressErrorCode, args?: QuestionError['args']) =>
      errors.push({ questionId: q.id, field: fieldOf(q, part), code, ...(args && { args }) });
    for (const part of parts) {
      const text = typed(part);
      const postcode = part.name === 'postcode' && q.variant !== 'international';
      if (text === '') {
        if (part.missing) fail(part, part.missing);
      } else if (postcode) {
        const written = ukPostcode(text);
        if (written) value.postcode = written;
        else fail(part, 'invalidPostcode');
      } else if ([...text].length > MAX_LENGTH) {
        // `context` picks the message naming the line, like errors:address.lineTooLong_town.
        fail(part, 'lineTooLong', { max: MAX_LENGTH, context: part.name });
      } else {
        value[part.name] = text;
      }
    }
    return errors.length > 0 ? { value: undefined, raw, errors } : { value, raw, errors };
  },
  toRaw: (q, value) =>
    Object.fromEntries(partsOf(q).map((part) => [fieldOf(q, part), value?.[part.name] ?? ''])),
  view(q, raw, context) {
    const children: MacroCall[] = partsOf(q).map((part) => {
      const field = fieldOf(q, part);
      const error = context.fieldErrors?.[field];
      const marked = error === undefined && fieldInError(context, field);
      return {
        macro: 'govukInput',
        params: {
          id: field,
          name: field,
          value: postedString(raw, field),
          label: { text: context.t(`questions:address.${part.label ?? part.name}`) },
          autocomplete: part.autocomplete,
          classes:
            [part.classes, marked && 'govuk-input--error'].filter(Boolean).join(' ') || undefined,
          spellcheck: part.name === 'postcode' ? false : undefined,
          errorMessage: error === undefined ? undefined : { ...errorParams(context), text: error },
        },
      };
    });
    const eachFieldSaysWhy = children.some((child) => child.params.errorMessage !== undefined);
    return {
      macro: 'govukFieldset',
      params: {
        id: q.id,
        ...fieldsetParams(q, context),
        // The renderer shows the hint inside the fieldset as `${id}-hint`.
        describedBy: q.hint ? `${q.id}-hint` : undefined,
        hint: hintParams(q),
        // The question's one message, unless each line in error shows its own.
        errorMessage: eachFieldSaysWhy ? undefined : errorParams(context),
      },
      children,
    };
  },
  paper: (q, { t }) =>
    partsOf(q).map((part) => ({
      kind: 'write',
      label: t(`questions:address.${part.label ?? part.name}`),
      lines: 1,
      width: part.name === 'postcode' ? 'short' : 'full',
    })),
  summary: (q, value) =>
    partsOf(q)
      .map((part) => value[part.name] ?? '')
      .filter((line) => line !== ''),
};
