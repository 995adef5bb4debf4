/** A decimal number as typed, kept as digits so no precision is lost to floating point. */
export interface DecimalText {
  negative: boolean;
  /** Digits before the point, without leading zeros ("0" when there are none). */
  whole: string;
  /** Digits after the point, without trailing zeros. */
  fraction: string;
}

// Commas only count as thousands separators where they group digits in threes: "1,5" is not 15.
const GROUPED_IN_THREES = /^\d{1,3}(?:,\d{3})+$/;

/**
 * Reads a decimal number as people type it, ignoring stray spaces and thousands separators;
 * undefined when it is not a number.
 * @example readDecimal(' 1,250.50 ') // { negative: false, whole: '1250', fraction: '5' }
 */
export function readDecimal(typed: string): DecimalText | undefined {
  const match = /^([-\u2212]?)(\d[\d,]*)?(?:\.(\d*))?$/.exec(typed.replace(/\s+/g, ''));
  if (!match) return undefined;
  const [, sign = '', whole = '', fraction = ''] = match;
  if (whole === '' && fraction === '') return undefined;
  if (whole.includes(',') && !GROUPED_IN_THREES.test(whole)) return undefined;
  const digits = {
    whole: whole.replace(/,/g, '').replace(/^0+(?=\d)/, '') || '0',
    fraction: fraction.replace(/0+$/, ''),
  };
  return { negative: sign !== '' && /[1-9]/.test(digits.whole + digits.fraction), ...digits };
}

/** The number a decimal stands for. */
export function decimalValue(decimal: DecimalText): number {
  return Number(`${decimal.negative ? '-' : ''}${decimal.whole}.${decimal.fraction || '0'}`);
}
