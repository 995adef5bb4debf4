import countries from 'i18n-iso-countries';
import { intlLocale } from './intl-locale';

/** Every ISO 3166-1 alpha-2 country code, as i18n-iso-countries keeps the list up to date. */
const CODES: readonly string[] = Object.keys(countries.getAlpha2Codes());

const names = new Map<string, Intl.DisplayNames>();

/** A country's name in a language (`FR` → "Ffrainc" in Welsh), from the runtime's own data. */
export function countryName(code: string, lang: string): string {
  // Answers kept before the country was a list hold the country's name as typed.
  if (!isCountry(code)) return code;
  let display = names.get(lang);
  if (!display) {
    display = new Intl.DisplayNames([intlLocale(lang), 'en'], { type: 'region', fallback: 'code' });
    names.set(lang, display);
  }
  return display.of(code) ?? code;
}

/** Whether a code names a country of the list (so a forged post cannot store anything else). */
export function isCountry(code: string): boolean {
  return CODES.includes(code);
}

const sorted = new Map<string, ReadonlyArray<{ code: string; name: string }>>();

/** Every country, named and sorted in the language, for a drop-down list. */
export function countryOptions(lang: string): ReadonlyArray<{ code: string; name: string }> {
  let list = sorted.get(lang);
  if (!list) {
    const collator = new Intl.Collator(intlLocale(lang));
    list = CODES.map((code) => ({ code, name: countryName(code, lang) })).sort((a, b) =>
      collator.compare(a.name, b.name),
    );
    sorted.set(lang, list);
  }
  return list;
}
