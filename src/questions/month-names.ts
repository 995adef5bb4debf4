const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** Lower case, without accents or a final full stop: how typed month names are compared. */
function fold(text: string, lang: string): string {
  return text
    .trim()
    .toLocaleLowerCase(lang)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/\.$/, '');
}

const NAMES = new Map<string, string[][]>();

/** Each month's names in a language, long and short, as `Intl` writes them (for month 1 to 12). */
function monthNames(lang: string): string[][] {
  let names = NAMES.get(lang);
  if (!names) {
    names = Array.from({ length: 12 }, (_, m) =>
      (['long', 'short'] as const).map((month) =>
        fold(
          new Intl.DateTimeFormat(lang, { month, timeZone: 'UTC' }).format(Date.UTC(2000, m, 15)),
          lang,
        ),
      ),
    );
    NAMES.set(lang, names);
  }
  return names;
}

/**
 * The month (1 to 12) a month name stands for, in any case, in full or shortened: English (the first
 * three letters, and "Sept") and the page's language as `Intl` knows it ("Chwefror", "febrero",
 * "فبراير"); undefined when it names no month. People type these into the month box.
 * @example monthFromName('Sept') // 9
 * @example monthFromName('Mawrth', 'cy') // 3
 */
export function monthFromName(text: string, lang = 'en'): number | undefined {
  const word = fold(text, 'en');
  if (word === 'sept') return 9;
  const english = MONTHS.findIndex((month) => month === word || month.slice(0, 3) === word);
  if (english !== -1) return english + 1;
  if (lang === 'en' || word === '') return undefined;
  const local = fold(text, lang);
  const index = monthNames(lang).findIndex((forms) => forms.includes(local));
  return index === -1 ? undefined : index + 1;
}
