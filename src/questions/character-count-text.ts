import type { Translate } from './question-type';

const KEY = 'questions:characterCount';

/**
 * One message per plural form of the language (`_zero` to `_other`, as i18next names them), as
 * govuk-frontend's JavaScript wants them: Welsh needs all six.
 */
function pluralForms(key: string, t: Translate, lang: string): Record<string, string> {
  const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
  return Object.fromEntries(categories.map((category) => [category, t(`${key}_${category}`)]));
}

/**
 * govuk-frontend's character count messages in the user's language (they default to English),
 * keeping govuk's `%{count}` placeholder for its JavaScript to fill in.
 */
export function characterCountText(t: Translate, lang: string): Record<string, unknown> {
  return {
    textareaDescriptionText: t(`${KEY}.description`),
    charactersUnderLimitText: pluralForms(`${KEY}.underLimit`, t, lang),
    charactersAtLimitText: t(`${KEY}.atLimit`),
    charactersOverLimitText: pluralForms(`${KEY}.overLimit`, t, lang),
  };
}
