import fs from 'node:fs';
import { LOCALES_DIR } from '../web/i18n';
import type { Problem } from './problem';
import { languagesOf } from './translation';
import type { FormDefinition } from './types';

/**
 * The languages the framework has locale files for: one folder each in `locales/`, as the service
 * loads them at start-up (`createI18n`).
 */
export function frameworkLanguages(localesDir = LOCALES_DIR): string[] {
  return fs
    .readdirSync(localesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/**
 * The languages a form offers (its own one included) that the framework cannot show a page in: the
 * buttons, headings and error messages would have no words.
 */
export function checkFrameworkLanguages(
  form: FormDefinition,
  file: string,
  available: readonly string[] = frameworkLanguages(),
): Problem[] {
  return languagesOf(form)
    .map((lang, i) => ({ lang, path: form.languages ? `languages[${i}]` : 'language' }))
    .filter(({ lang }) => !available.includes(lang))
    .map(({ lang, path }) => ({
      file,
      path,
      message: `offers "${lang}", which the framework has no locale files for`,
      expected: `one of ${available.join(', ')}, or a translation of the framework's words in locales/${lang}/ (docs/translation.md)`,
    }));
}
