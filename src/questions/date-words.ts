import { intlLocale } from './intl-locale';

/** A date and time as people in the service's country read them, in the language. */
export function dateTimeWords(at: number, lang: string): string {
  return new Intl.DateTimeFormat(intlLocale(lang), {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/London',
  }).format(new Date(at));
}

/** A day (`YYYY-MM-DD`) in the language. */
export function dayWords(iso: string, lang: string): string {
  return new Intl.DateTimeFormat(intlLocale(lang), { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${iso}T00:00:00Z`),
  );
}
