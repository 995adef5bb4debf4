import fs from 'node:fs';
import path from 'node:path';
import { LOCALES_DIR } from '../../../src/web/i18n';

type Tree = { [key: string]: string | Tree };

function read(lang: string): Tree {
  return JSON.parse(fs.readFileSync(path.join(LOCALES_DIR, lang, 'resume.json'), 'utf8')) as Tree;
}

/** Every key, with plural forms reduced to their stem (`errors.wrong`). */
function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [`${prefix}${key.replace(/_(zero|one|two|few|many|other)$/, '')}`]
      : keys(value, `${prefix}${key}.`),
  );
}

const LANGUAGES = ['en', 'cy', 'es', 'ar'];

describe('locales/<lang>/resume.json', () => {
  const english = [...new Set(keys(read('en')))].sort();

  it.each(LANGUAGES)('has every string of save and return in %s, and no other', (lang) => {
    expect([...new Set(keys(read(lang)))].sort()).toEqual(english);
  });

  it.each(LANGUAGES)('has every plural form %s needs for the tries left', (lang) => {
    const errors = read(lang).errors as Tree;
    const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
    expect(categories.filter((category) => !(`wrong_${category}` in errors))).toEqual([]);
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
