import Joi from 'joi';
import type { AddressQuestion } from '../definition/types';
import {
  addressErrorCodes,
  choiceField,
  choicesOf,
  fieldOf,
  offersChoice,
  PARTS,
  readParts,
  type AddressChoice,
} from './address-parts';
import { addressSummary, choiceOf, type Address } from './address-summary';
import { addressPaper } from './address-paper';
import { partInputs } from './address-inputs';
import { errorParams, fieldsetParams, hintParams } from './label';
import {
  postedString,
  type MacroCall,
  type ParseResult,
  type QuestionError,
  type QuestionType,
  type RawState,
} from './question-type';

export { addressErrorCodes } from './address-parts';

/** Every form field of every choice the question offers, the choice itself first. */
function allFields(q: AddressQuestion): string[] {
  const parts = choicesOf(q).flatMap((c) => PARTS[c].map((part) => fieldOf(q, c, part)));
  return offersChoice(q) ? [choiceField(q), ...parts] : parts;
}

/** The answer of a question with one kind of address: its lines, as they always were. */
function parseOne(q: AddressQuestion, body: Record<string, unknown>): ParseResult<Address> {
  const [only = 'uk'] = choicesOf(q);
  const raw = Object.fromEntries(allFields(q).map((f) => [f, postedString(body, f)]));
  const read = readParts(q, only, raw);
  if (read.empty) {
    if (q.optional) return { value: undefined, raw, errors: [] };
    const fields = PARTS[only].filter((p) => p.missing).map((p) => fieldOf(q, only, p));
    const field = fields[0] ?? q.id;
    return {
      value: undefined,
      raw,
      errors: [{ questionId: q.id, field, fields, code: 'required' }],
    };
  }
  return read.errors.length > 0
    ? { value: undefined, raw, errors: read.errors }
    : { value: read.value, raw, errors: [] };
}

/** The answer of a question whose person picks the kind of address (or no fixed address). */
function parseChoice(q: AddressQuestion, body: Record<string, unknown>): ParseResult<Address> {
  const raw = Object.fromEntries(allFields(q).map((f) => [f, postedString(body, f)]));
  const chosen = raw[choiceField(q)] as AddressChoice;
  if (!choicesOf(q).includes(chosen)) {
    const typed = allFields(q).some((f) => f !== choiceField(q) && raw[f]?.trim());
    if (q.optional && !typed) return { value: undefined, raw, errors: [] };
    const error: QuestionError = {
      questionId: q.id,
      field: choiceField(q),
      code: 'missingChoice',
      ...(q.noFixedAddress && { args: { context: 'noFixedAddress' } }),
    };
    return { value: undefined, raw: { ...raw, [choiceField(q)]: '' }, errors: [error] };
  }
  const read = readParts(q, chosen, raw);
  if (read.errors.length > 0) return { value: undefined, raw, errors: read.errors };
  const kind: Record<string, string> =
    chosen === 'uk' || chosen === 'international'
      ? { kind: chosen }
      : { kind: 'no-fixed-address', contact: chosen };
  return { value: { ...kind, ...read.value }, raw, errors: [] };
}

/**
 * A postal address: a UK one with a postcode, one in another country, or either as the person
 * chooses; and, where the form allows it, no fixed address (a "care of" address, collecting
 * letters from an office, or a phone number only).
 */
export const address: QuestionType<AddressQuestion, Address> = {
  errorCodes: addressErrorCodes,
  type: 'address',
  schemaKeys: {
    variant: Joi.string().valid('uk', 'international', 'either'),
    noFixedAddress: Joi.boolean(),
  },
  fields: allFields,
  freeTextFields: (q) =>
    choicesOf(q).flatMap((c) =>
      PARTS[c].filter((p) => p.name !== 'country').map((p) => fieldOf(q, c, p)),
    ),
  parse: (q, body) => (offersChoice(q) ? parseChoice(q, body) : parseOne(q, body)),
  toRaw(q, value) {
    const raw: RawState = Object.fromEntries(allFields(q).map((f) => [f, '']));
    if (!value) return raw;
    const chosen = choiceOf(q, value);
    if (offersChoice(q)) raw[choiceField(q)] = chosen;
    for (const part of PARTS[chosen]) raw[fieldOf(q, chosen, part)] = value[part.name] ?? '';
    return raw;
  },
  view(q, raw, context) {
    const stage = context.stage as AddressChoice | 'choose' | undefined;
    const single = !offersChoice(q) || (stage !== undefined && stage !== 'choose');
    if (single) {
      // One kind of address, or the second page of a choice: the chosen kind's inputs alone.
      const [only = 'uk'] = stage && stage !== 'choose' ? [stage] : choicesOf(q);
      const children = partInputs(q, only, raw, context);
      const eachFieldSaysWhy = children.some((c) => c.params.errorMessage !== undefined);
      return {
        macro: 'govukFieldset',
        params: {
          id: q.id,
          ...fieldsetParams(q, context),
          // The renderer shows the hint inside the fieldset as `${id}-hint`; on the second page of
          // a choice, the hint says which kind of address was chosen.
          describedBy: q.hint || offersChoice(q) ? `${q.id}-hint` : undefined,
          hint: offersChoice(q)
            ? { text: context.t(`questions:address.choice.${only}`) }
            : hintParams(q),
          // The question's one message, unless each line in error shows its own.
          errorMessage: eachFieldSaysWhy ? undefined : errorParams(context),
        },
        children,
      };
    }
    const chosen = postedString(raw, choiceField(q));
    const reveals: Record<string, MacroCall[]> = {};
    const items: Array<Record<string, unknown>> = [];
    for (const choice of choicesOf(q)) {
      if (choice === 'care-of') items.push({ divider: context.t('questions:address.or') });
      // The first of two pages shows the choices only; with other questions on the page, each
      // choice reveals its inputs.
      if (stage !== 'choose') reveals[choice] = partInputs(q, choice, raw, context);
      items.push({
        value: choice,
        text: context.t(`questions:address.choice.${choice}`),
        checked: chosen === choice,
      });
    }
    const eachFieldSaysWhy = Object.values(reveals)
      .flat()
      .some((c) => c.params.errorMessage !== undefined);
    return {
      macro: 'govukRadios',
      params: {
        idPrefix: choiceField(q),
        name: choiceField(q),
        fieldset: fieldsetParams(q, context),
        hint: hintParams(q),
        errorMessage: eachFieldSaysWhy ? undefined : errorParams(context),
        items,
      },
      ...(stage === 'choose' ? {} : { reveals }),
    };
  },
  paper: addressPaper,
  summary: addressSummary,
};
