import type { AddressQuestion } from '../definition/types';
import { PARTS, fieldOf, type AddressChoice, type AddressPart } from './address-parts';
import { countryOptions } from './countries';
import { errorParams, fieldInError } from './label';
import { postedString, type MacroCall, type RawState, type ViewContext } from './question-type';

/** The label of an address part, in the page's language. */
export function partLabel(part: AddressPart, t: ViewContext['t']): string {
  return t(`questions:address.${part.label ?? part.name}`);
}

/** The inputs of one choice: a text input per line, and a drop-down list of countries. */
export function partInputs(
  q: AddressQuestion,
  choice: AddressChoice,
  raw: RawState,
  context: ViewContext,
): MacroCall[] {
  return PARTS[choice].map((part): MacroCall => {
    const field = fieldOf(q, choice, part);
    const error = context.fieldErrors?.[field];
    const marked = error === undefined && fieldInError(context, field);
    const value = postedString(raw, field);
    const common = {
      id: field,
      name: field,
      label: { text: partLabel(part, context.t) },
      autocomplete: part.autocomplete,
      errorMessage: error === undefined ? undefined : { ...errorParams(context), text: error },
    };
    if (part.name === 'country') {
      return {
        macro: 'govukSelect',
        params: {
          ...common,
          classes: marked ? 'govuk-select--error' : undefined,
          items: [
            { value: '', text: context.t('questions:select.choose'), selected: value === '' },
            ...countryOptions(context.lang).map((c) => ({
              value: c.code,
              text: c.name,
              selected: value === c.code,
            })),
          ],
        },
      };
    }
    return {
      macro: 'govukInput',
      params: {
        ...common,
        value,
        type: part.name === 'phone' ? 'tel' : undefined,
        classes:
          [part.classes, marked && 'govuk-input--error'].filter(Boolean).join(' ') || undefined,
        spellcheck: part.name === 'postcode' || part.name === 'phone' ? false : undefined,
      },
    };
  });
}
