import { intlLocale } from '../../questions/intl-locale';

/** The service's own time zone: what "until 3:45pm on 14 August" means to the people it serves. */
const TIME_ZONE = 'Europe/London';

/**
 * A moment as a person reads it in their language: its date and its time of day, separately, so
 * a sentence can place them ("after {{time}} on {{date}}").
 *
 * @example
 *   dateAndTime(Date.parse('2026-08-14T14:45:00Z'), 'en'); // { date: '14 August 2026', time: '15:45' }
 */
export function dateAndTime(at: number, lang: string): { date: string; time: string } {
  const moment = new Date(at);
  const locale = intlLocale(lang);
  return {
    date: new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: TIME_ZONE }).format(
      moment,
    ),
    time: new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone: TIME_ZONE }).format(
      moment,
    ),
  };
}
