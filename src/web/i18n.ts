import fs from 'node:fs';
import path from 'node:path';
import i18next, { type i18n, type Resource } from 'i18next';
import type { Translate } from '../questions/question-type';

/** The folder of the framework's own locale files, beside `src/` and `dist/`. */
export const LOCALES_DIR = path.resolve(__dirname, '..', '..', 'locales');

function readResources(localesDir: string): Resource {
  const resources: Resource = {};
  for (const lang of fs.readdirSync(localesDir)) {
    const dir = path.join(localesDir, lang);
    if (!fs.statSync(dir).isDirectory()) continue;
    resources[lang] = {};
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      resources[lang][path.basename(file, '.json')] = JSON.parse(
        fs.readFileSync(path.join(dir, file), 'utf8'),
      ) as Record<string, unknown>;
    }
  }
  return resources;
}

/** Thrown by a translation lookup that finds no string: a page never shows a bare key. */
export class MissingTranslationError extends Error {
  readonly code = 'TRANSLATION_MISSING';
}

/**
 * An i18next instance with every locale file loaded, synchronously, before the first request.
 * A missing key throws, so a test that renders a page fails on it.
 */
export function createI18n(localesDir = LOCALES_DIR): i18n {
  const instance = i18next.createInstance();
  const resources = readResources(localesDir);
  void instance.init({
    resources,
    lng: 'en',
    fallbackLng: false,
    supportedLngs: Object.keys(resources),
    ns: Object.keys(resources.en ?? {}),
    defaultNS: 'common',
    initAsync: false,
    showSupportNotice: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    saveMissing: true,
    missingKeyHandler: (lngs, ns, key) => {
      throw new MissingTranslationError(`No "${ns}:${key}" string for ${lngs.join(', ')}`);
    },
  });
  return instance;
}

/** A lookup fixed to one language. */
export function translator(instance: i18n, lang: string): Translate {
  let byLang = translators.get(instance);
  if (!byLang) translators.set(instance, (byLang = new Map()));
  let t = byLang.get(lang);
  if (!t) byLang.set(lang, (t = instance.getFixedT(lang) as unknown as Translate));
  return t;
}

const translators = new WeakMap<i18n, Map<string, Translate>>();

/** The languages the framework has locale files for. */
export function frameworkLanguages(instance: i18n): string[] {
  return Object.keys(instance.store.data);
}
