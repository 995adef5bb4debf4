import { intlLocale } from '../../questions/intl-locale';

/** Formats the dashboard's figures in a page language; `null` (no data) is the caller's to word. */
export interface FigureFormat {
  count(value: number): string;
  percent(value: number): string;
  money(value: number, currency: string): string;
  /** A duration in milliseconds: minutes under 2 hours, hours under 2 days, else days. */
  duration(ms: number): string;
  /** A `YYYY-MM-DD` day, as "3 March 2025". */
  day(iso: string): string;
  /** A `YYYY-MM-DD` day, as "3 Mar", under a chart's columns. */
  shortDay(iso: string): string;
}

// The dashboard's figures are read beside tables of Latin digits (ids, codes), in every language.
const numbering = (lang: string) => `${intlLocale(lang)}-u-nu-latn`;

/** The formats of a page language, built once per language. */
export function figureFormat(lang: string): FigureFormat {
  let made = formats.get(lang);
  if (!made) formats.set(lang, (made = makeFormat(lang)));
  return made;
}

const formats = new Map<string, FigureFormat>();

function makeFormat(lang: string): FigureFormat {
  const locale = numbering(lang);
  const count = new Intl.NumberFormat(locale);
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const unit = (name: string) =>
    new Intl.NumberFormat(locale, {
      style: 'unit',
      unit: name,
      unitDisplay: 'long',
      maximumFractionDigits: 1,
    });
  const minutes = unit('minute');
  const hours = unit('hour');
  const days = unit('day');
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  const shortDates = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
  return {
    count: (value) => count.format(value),
    percent: (value) => percent.format(value),
    money: (value, currency) =>
      new Intl.NumberFormat(locale, { style: 'currency', currency }).format(value),
    duration(ms) {
      const inMinutes = ms / 60_000;
      if (inMinutes < 120) return minutes.format(Math.round(inMinutes * 10) / 10);
      if (inMinutes < 48 * 60) return hours.format(inMinutes / 60);
      return days.format(inMinutes / (24 * 60));
    },
    day: (iso) => dates.format(new Date(`${iso}T00:00:00Z`)),
    shortDay: (iso) => shortDates.format(new Date(`${iso}T00:00:00Z`)),
  };
}
