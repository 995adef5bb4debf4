import fs from 'node:fs';
import path from 'node:path';
import { FILE_PROBLEM_CODES } from '../../src/uploads/file-problem';
import { createI18n, LOCALES_DIR, translator } from '../../src/web/i18n';

type Messages = Record<string, string>;

function fileMessages(lang: string): Messages {
  const errors = JSON.parse(
    fs.readFileSync(path.join(LOCALES_DIR, lang, 'errors.json'), 'utf8'),
  ) as Record<string, Messages>;
  return errors.file ?? {};
}

const LANGUAGES = ['en', 'cy', 'es', 'ar'];
const PLURAL = /_(zero|one|two|few|many|other)$/;
const COUNTED = ['tooFew', 'tooMany'];
const ARGS = {
  subject: 'a photo of the damp',
  name: 'IMG_0042.HEIC',
  size: '10 MB',
  types: 'JPG, PNG or PDF',
};

describe('locales/<lang>/errors.json: file', () => {
  it.each(LANGUAGES)('has a message for every file problem in %s, and no other', (lang) => {
    const stems = [
      ...new Set(Object.keys(fileMessages(lang)).map((key) => key.replace(PLURAL, ''))),
    ];
    expect(stems.sort()).toEqual([...FILE_PROBLEM_CODES].sort());
  });

  it.each(LANGUAGES)('has every plural form %s needs for the counts of files', (lang) => {
    const messages = fileMessages(lang);
    const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
    const missing = COUNTED.flatMap((code) =>
      categories
        .filter((category) => !(`${code}_${category}` in messages))
        .map((c) => `${code}_${c}`),
    );
    expect(missing).toEqual([]);
  });

  it.each(LANGUAGES.filter((lang) => lang !== 'en'))('is translated into %s', (lang) => {
    const english = fileMessages('en');
    const same = Object.entries(fileMessages(lang)).filter(([key, text]) => english[key] === text);
    expect(same).toEqual([]);
  });

  it.each(LANGUAGES)('names the file, its size and the types in %s', (lang) => {
    const t = translator(createI18n(), lang);
    expect(t('errors:file.tooBig', ARGS)).toContain('IMG_0042.HEIC');
    expect(t('errors:file.tooBig', ARGS)).toContain('10 MB');
    expect(t('errors:file.wrongType', ARGS)).toContain('JPG, PNG or PDF');
    for (const code of ['empty', 'infected', 'scannerDown']) {
      expect(t(`errors:file.${code}`, ARGS)).toContain('IMG_0042.HEIC');
    }
    expect(t('errors:file.required', ARGS)).toContain('a photo of the damp');
    expect(t('errors:file.tooMany', { ...ARGS, count: 3 })).toMatch(/3/);
  });

  it('words the English messages as the GOV.UK file upload pattern does', () => {
    const t = translator(createI18n(), 'en');
    expect(t('errors:file.tooBig', ARGS)).toBe(
      'The file ‘IMG_0042.HEIC’ must be smaller than 10 MB',
    );
    expect(t('errors:file.tooMany', { count: 1 })).toBe('You can only select 1 file');
    expect(t('errors:file.tooMany', { count: 5 })).toBe('You can only select up to 5 files');
    expect(t('errors:file.scannerDown', ARGS)).toBe(
      'The file ‘IMG_0042.HEIC’ could not be uploaded – try again later',
    );
  });
});
