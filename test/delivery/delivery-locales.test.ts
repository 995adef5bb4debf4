import fs from 'node:fs';
import path from 'node:path';
import { LOCALES_DIR } from '../../src/web/i18n';

type Tree = { [key: string]: string | Tree };
const LANGUAGES = ['en', 'cy', 'es', 'ar'];

function read(lang: string): Tree {
  return JSON.parse(fs.readFileSync(path.join(LOCALES_DIR, lang, 'delivery.json'), 'utf8')) as Tree;
}

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keys(value, `${prefix}${key}.`),
  );
}

function strings(tree: Tree, prefix = ''): Array<[string, string]> {
  return Object.entries(tree).flatMap(([key, value]): Array<[string, string]> =>
    typeof value === 'string' ? [[`${prefix}${key}`, value]] : strings(value, `${prefix}${key}.`),
  );
}

describe('locales/<lang>/delivery.json', () => {
  const english = keys(read('en')).sort();

  it.each(LANGUAGES)('has every string of the agency email in %s, and no other', (lang) => {
    expect(keys(read(lang)).sort()).toEqual(english);
  });

  it.each(LANGUAGES.filter((lang) => lang !== 'en'))('is translated into %s', (lang) => {
    const en = new Map(strings(read('en')));
    const copied = strings(read(lang)).filter(
      ([key, text]) => en.get(key) === text && /[a-z]{3}/i.test(text.replace(/\{\{\w+\}\}/g, '')),
    );
    expect(copied).toEqual([]);
  });

  it.each(LANGUAGES)('keeps the placeholders of each string in %s', (lang) => {
    const placeholders = (text: string) => (text.match(/\{\{\w+\}\}/g) ?? []).sort();
    const en = new Map(strings(read('en')));
    for (const [key, text] of strings(read(lang))) {
      expect([key, placeholders(text)]).toEqual([key, placeholders(en.get(key) ?? '')]);
    }
  });
});
