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

const DECIMAL_COMMA = new Map<string, boolean>();

/** Whether a language writes the decimal point as a comma (Spanish "1.250,50"). */
function usesDecimalComma(lang: string): boolean {
  let comma = DECIMAL_COMMA.get(lang);
  if (comma === undefined) {
    const parts = new Intl.NumberFormat(lang).formatToParts(1.5);
    comma = parts.find((p) => p.type === 'decimal')?.value === ',';
    DECIMAL_COMMA.set(lang, comma);
  }
  return comma;
}

/**
 * Digits and separators as the number reader expects them: Arabic-Indic and Persian digits become
 * 0-9, Arabic separators become "." and ",", and in a language that writes "1.250,50" the two
 * separators swap, so "16.000" is sixteen thousand there and never silently sixteen.
 */
function normalise(typed: string, lang: string): string {
  const western = typed
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/\u066b/g, '.')
    .replace(/\u066c/g, ',')
    .replace(/\s+/g, '');
  return usesDecimalComma(lang)
    ? western.replace(/[.,]/g, (c) => (c === '.' ? ',' : '.'))
    : western;
}

/**
 * Reads a decimal number as people type it in a language, ignoring stray spaces and thousands
 * separators; undefined when it is not a number.
 * @example readDecimal(' 1,250.50 ') // { negative: false, whole: '1250', fraction: '5' }
 * @example readDecimal('1.250,5', 'es') // { negative: false, whole: '1250', fraction: '5' }
 */
export function readDecimal(typed: string, lang = 'en'): DecimalText | undefined {
  const match = /^([-\u2212]?)(\d[\d,]*)?(?:\.(\d*))?$/.exec(normalise(typed, lang));
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
