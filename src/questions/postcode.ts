// The shape of every UK postcode (outward code, then a digit and two letters), and Girobank's GIR 0AA.
const UK_POSTCODE = /^(?:[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}|GIR0AA)$/;

/**
 * A UK postcode written the standard way: upper case, one space before the last three characters.
 * Accepts any case and ignores stray spaces and punctuation; undefined when it is not a postcode.
 * @example ukPostcode(' sw1a1aa ') // 'SW1A 1AA'
 */
export function ukPostcode(typed: string): string | undefined {
  const compact = typed.replace(/[\s.,-]+/g, '').toUpperCase();
  if (!UK_POSTCODE.test(compact)) return undefined;
  return `${compact.slice(0, -3)} ${compact.slice(-3)}`;
}
