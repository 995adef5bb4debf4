import fs from 'node:fs';
import path from 'node:path';
import { LOCALES_DIR } from '../../../src/web/i18n';

const LANGUAGES = ['en', 'cy', 'es', 'ar'];

/** A locale file's strings by dotted key. */
function strings(lang: string, namespace: string): Map<string, string> {
  const flat = new Map<string, string>();
  const walk = (value: unknown, prefix: string) => {
    if (typeof value === 'string') flat.set(prefix, value);
    else
      for (const [key, inner] of Object.entries(value as object))
        walk(inner, prefix ? `${prefix}.${key}` : key);
  };
  walk(JSON.parse(fs.readFileSync(path.join(LOCALES_DIR, lang, `${namespace}.json`), 'utf8')), '');
  return flat;
}

describe.each(['dashboard', 'feedback'])('locales/*/%s.json', (namespace) => {
  const english = strings('en', namespace);

  it.each(LANGUAGES.slice(1))('has every key in %s, and no other', (lang) => {
    expect([...strings(lang, namespace).keys()].sort()).toEqual([...english.keys()].sort());
  });

  it.each(LANGUAGES.slice(1))('is translated into %s, not copied from English', (lang) => {
    const copied = [...strings(lang, namespace)].filter(([key, text]) => english.get(key) === text);
    expect(copied).toEqual([]);
  });

  it.each(LANGUAGES)('keeps every {{placeholder}} of the English string in %s', (lang) => {
    const names = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    const lost = [...strings(lang, namespace)].filter(
      ([key, text]) =>
        JSON.stringify(names(text)) !== JSON.stringify(names(english.get(key) ?? '')),
    );
    expect(lost).toEqual([]);
  });
});
