/**
 * The locale `Intl` formats answers with for a page language: plain `en` means UK English here,
 * so dates read "4 March 1990", not "March 4, 1990".
 * @example intlLocale('en') // 'en-GB'
 */
export function intlLocale(lang: string): string {
  return lang === 'en' ? 'en-GB' : lang;
}
