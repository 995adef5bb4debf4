import { deepFreeze } from './freeze';
import type { Problem } from './problem';
import { translatableEntries } from './translatable-strings';
import type { FormDefinition } from './types';

/** Keys a translation may give although the definition does not require them (the address). */
const OPTIONAL_KEYS = /^help\.postalAddress\.\d+$/;

/** A translation file flattened to `key → text`, lists by index (`start.body.0`). */
function flatten(
  value: unknown,
  prefix = '',
  into: Map<string, unknown> = new Map(),
): Map<string, unknown> {
  if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value))
      flatten(inner, prefix ? `${prefix}.${key}` : key, into);
  } else {
    into.set(prefix, value);
  }
  return into;
}

function toJsonPath(key: string): string {
  return key.replace(/\.(\d+)(?=\.|$)/g, '[$1]');
}

/** What checking a translation found: errors that stop it being used, and warnings. */
export interface TranslationCheck {
  problems: Problem[];
  warnings: Problem[];
}

/**
 * Checks a form's translation file: every string present (an error if not), no keys the definition
 * does not have, and no string left as in the form's own language (warnings).
 */
export function checkTranslation(
  form: FormDefinition,
  translation: unknown,
  file: string,
  lang = form.language,
): TranslationCheck {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  if (translation === null || typeof translation !== 'object' || Array.isArray(translation)) {
    return {
      problems: [
        {
          file,
          path: '',
          message: 'is not a JSON object',
          expected: 'the layout in docs/translation.md',
        },
      ],
      warnings,
    };
  }
  const given = flatten(translation);
  const wanted = new Map(translatableEntries(form, lang).map((e) => [e.key, e]));
  for (const [key, entry] of wanted) {
    const text = given.get(key);
    if (typeof text !== 'string' || text.trim() === '') {
      problems.push({
        file,
        path: toJsonPath(key),
        message: text === undefined ? 'is missing' : `is ${JSON.stringify(text)}`,
        expected: `the translation of ${JSON.stringify(entry.text)}`,
      });
    } else if (text === entry.text && /\p{L}{3,}/u.test(text)) {
      warnings.push({
        file,
        path: toJsonPath(key),
        message: `is the same as in ${form.language} (${JSON.stringify(text)})`,
        expected: 'a translation, unless the words really are the same',
      });
    }
  }
  for (const key of given.keys()) {
    if (!wanted.has(key) && !OPTIONAL_KEYS.test(key)) {
      warnings.push({
        file,
        path: toJsonPath(key),
        message: 'is not used: the definition has no such text',
        expected: 'only keys for texts the definition has',
      });
    }
  }
  const address = given.get('help.postalAddress.0');
  const own = form.help.postalAddress?.length ?? 0;
  if (address !== undefined) {
    const lines = [...given.keys()].filter((k) => OPTIONAL_KEYS.test(k)).length;
    if (lines !== own) {
      problems.push({
        file,
        path: 'help.postalAddress',
        message: `has ${lines} lines`,
        expected:
          own > 0
            ? `${own} lines, as in the definition, or no key at all`
            : 'no key at all: the definition has no postal address',
      });
    }
  }
  return { problems, warnings };
}

/** The definition with every string replaced by its translation (a checked translation). */
export function applyTranslation(
  form: FormDefinition,
  translation: unknown,
  lang: string,
): FormDefinition {
  const copy = structuredClone(form) as FormDefinition;
  const given = flatten(translation);
  for (const entry of translatableEntries(form, lang)) {
    const text = given.get(entry.key);
    if (typeof text === 'string') entry.set(copy, text);
  }
  const address = [...given.entries()]
    .filter(([k]) => OPTIONAL_KEYS.test(k))
    .map(([, v]) => String(v));
  if (address.length > 0 && address.length === form.help.postalAddress?.length)
    copy.help.postalAddress = address;
  copy.language = lang;
  return deepFreeze(copy);
}

const translations = new WeakMap<FormDefinition, ReadonlyMap<string, FormDefinition>>();

/** Records a form's translated definitions, by language (the loader does this). */
export function registerTranslations(
  form: FormDefinition,
  byLanguage: ReadonlyMap<string, FormDefinition>,
): void {
  translations.set(form, byLanguage);
}

/** The form in a language it is offered in; its own language otherwise. */
export function localise(form: FormDefinition, lang: string): FormDefinition {
  return translations.get(form)?.get(lang) ?? form;
}

/** The languages a form is offered in, its own first. */
export function languagesOf(form: FormDefinition): readonly string[] {
  return form.languages ?? [form.language];
}
