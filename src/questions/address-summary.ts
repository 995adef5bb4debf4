import type { AddressQuestion } from '../definition/types';
import { PARTS, choicesOf, type AddressChoice } from './address-parts';
import { countryName } from './countries';
import type { Translate } from './question-type';

/** A stored address: its lines by name, and, when the person chose, `kind` (and `contact`). */
export type Address = Readonly<Record<string, string>>;

/**
 * What the person chose, from a stored answer: `kind` is `uk`, `international` or
 * `no-fixed-address` (then `contact` is `care-of`, `collect` or `phone`); answers of a question
 * with one kind of address have no `kind`.
 */
export function choiceOf(q: AddressQuestion, value: Address): AddressChoice {
  if (value.kind === 'no-fixed-address') return value.contact as AddressChoice;
  if (value.kind === 'uk' || value.kind === 'international') return value.kind;
  return choicesOf(q)[0] ?? 'uk';
}

/** Whether a stored address answer says the person has no fixed address. */
export function hasNoFixedAddress(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Record<string, unknown>).kind === 'no-fixed-address'
  );
}

/** The address as check answers shows it: its lines, or what the person asked for instead. */
export function addressSummary(
  q: AddressQuestion,
  value: Address,
  { t, lang }: { t: Translate; lang: string },
): string[] {
  const chosen = choiceOf(q, value);
  const lines = PARTS[chosen]
    .filter((part) => part.name !== 'careOf' && part.name !== 'phone')
    .map((part) =>
      part.name === 'country' && value.country
        ? countryName(value.country, lang)
        : value[part.name],
    )
    .filter((line): line is string => line !== undefined && line !== '');
  if (value.kind !== 'no-fixed-address') return lines;
  const said = t('questions:address.summary.noFixedAddress');
  if (chosen === 'care-of')
    return [said, t('questions:address.summary.careOf', { name: value.careOf }), ...lines];
  if (chosen === 'phone')
    return [said, t('questions:address.summary.phone', { phone: value.phone })];
  return [said, t('questions:address.summary.collect')];
}
