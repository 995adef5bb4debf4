/**
 * The direction a language is written in, from the runtime's locale data (CLDR), so a PDF is laid
 * out right to left for Arabic, Hebrew, Persian and Urdu without a list of our own.
 * @example textDirection('ar') // 'rtl'
 */
export function textDirection(lang: string): 'ltr' | 'rtl' {
  const locale = new Intl.Locale(lang) as Intl.Locale & { textInfo?: { direction?: string } };
  return locale.textInfo?.direction === 'rtl' ? 'rtl' : 'ltr';
}
