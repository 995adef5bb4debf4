import { bidi } from './bidi';

/**
 * The direction a language is written in, from the runtime's locale data (CLDR), so a PDF is laid
 * out right to left for Arabic, Hebrew, Persian and Urdu without a list of our own.
 * @example textDirection('ar') // 'rtl'
 */
export function textDirection(lang: string): 'ltr' | 'rtl' {
  const locale = new Intl.Locale(lang) as Intl.Locale & { textInfo?: { direction?: string } };
  return locale.textInfo?.direction === 'rtl' ? 'rtl' : 'ltr';
}

/**
 * The direction of a text someone typed, read on its own: that of its first letter with a
 * direction, left to right when it has none (a phone number, an amount), as a browser reads a
 * `<bdi>`. "07700 900123" and "12 High Street" keep their order on an Arabic page.
 * @example ownDirection('12 High Street') // 'ltr'
 */
export function ownDirection(text: string): 'ltr' | 'rtl' {
  return (bidi.getEmbeddingLevels(text).paragraphs[0]?.level ?? 0) % 2 === 1 ? 'rtl' : 'ltr';
}
