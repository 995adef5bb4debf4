import fs from 'node:fs';
import path from 'node:path';
import { LOCALES_DIR } from '../../../src/web/i18n';

type Tree = { [key: string]: string | Tree };

const PLURAL = /_(zero|one|two|few|many|other)$/;
const LANGUAGES = ['en', 'cy', 'es', 'ar'];

function read(lang: string): Tree {
  return JSON.parse(
    fs.readFileSync(path.join(LOCALES_DIR, lang, 'caseworker.json'), 'utf8'),
  ) as Tree;
}

/** Every key, flattened, with plural forms reduced to their stem. */
function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [`${prefix}${key.replace(PLURAL, '')}`]
      : keys(value, `${prefix}${key}.`),
  );
}

/** Every plural stem with the categories it has. */
function plurals(tree: Tree, prefix = ''): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value !== 'string') {
      for (const [stem, forms] of plurals(value, `${prefix}${key}.`)) found.set(stem, forms);
      continue;
    }
    const category = PLURAL.exec(key)?.[1];
    if (!category) continue;
    const stem = `${prefix}${key.replace(PLURAL, '')}`;
    found.set(stem, new Set([...(found.get(stem) ?? []), category]));
  }
  return found;
}

describe('locales/<lang>/caseworker.json', () => {
  const english = [...new Set(keys(read('en')))].sort();

  it.each(LANGUAGES)('has every string of the caseworker area in %s, and no other', (lang) => {
    expect([...new Set(keys(read(lang)))].sort()).toEqual(english);
  });

  it.each(LANGUAGES)('has every plural form %s needs', (lang) => {
    const needed = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
    const missing = [...plurals(read(lang))].flatMap(([stem, forms]) =>
      needed.filter((category) => !forms.has(category)).map((category) => `${stem}_${category}`),
    );
    expect(missing).toEqual([]);
  });

  it.each(LANGUAGES.filter((lang) => lang !== 'en'))('is translated into %s', (lang) => {
    const same = (a: Tree, b: Tree, prefix = ''): string[] =>
      Object.entries(a).flatMap(([key, value]) =>
        typeof value === 'string'
          ? value === b[key] && /[a-z]{3}/i.test(value.replace(/K7QM-3XPD-9C|\{\{\w+\}\}/g, ''))
            ? [`${prefix}${key}`]
            : []
          : same(value, (b[key] ?? {}) as Tree, `${prefix}${key}.`),
      );
    expect(same(read(lang), read('en'))).toEqual([]);
  });
});
