/**
 * Plural forms of a definition's text, written as i18next writes them: one key per CLDR plural
 * category, `<name>_zero`, `_one`, `_two`, `_few`, `_many` and `_other`. Each language needs the
 * categories its grammar has (English `one` and `other`; Welsh and Arabic all six).
 */
export const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;

export type PluralCategory = (typeof PLURAL_CATEGORIES)[number];

/** The plural categories a language has, in the order above (`other` last). */
export function pluralCategoriesOf(lang: string): PluralCategory[] {
  const used = new Intl.PluralRules(lang).resolvedOptions().pluralCategories as string[];
  return PLURAL_CATEGORIES.filter((c) => used.includes(c));
}

/** The plural keys of `name` an object gives, by category. */
export function pluralForms(
  holder: object,
  name: string,
): Partial<Record<PluralCategory, string>> | undefined {
  const forms: Partial<Record<PluralCategory, string>> = {};
  let any = false;
  for (const category of PLURAL_CATEGORIES) {
    const text = (holder as Record<string, unknown>)[`${name}_${category}`];
    if (typeof text === 'string') {
      forms[category] = text;
      any = true;
    }
  }
  return any ? forms : undefined;
}

/**
 * The plural form for `count` in a language, `{{count}}` replaced by the number as that language
 * writes it; the `other` form when the language's category is not given.
 */
export function pluralText(
  forms: Partial<Record<PluralCategory, string>>,
  count: number,
  lang: string,
): string {
  const category = new Intl.PluralRules(lang).select(count) as PluralCategory;
  const text = forms[category] ?? forms.other ?? '';
  return text.replace(/\{\{\s*count\s*\}\}/g, new Intl.NumberFormat(lang).format(count));
}
