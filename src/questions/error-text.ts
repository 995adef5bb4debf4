import type { Question } from '../definition/types';
import { intlLocale } from './intl-locale';
import type { QuestionError, Translate } from './question-type';

function firstLetter(text: string, lang: string, upper: boolean): string {
  const [first = '', ...rest] = [...text];
  return (upper ? first.toLocaleUpperCase(lang) : first.toLocaleLowerCase(lang)) + rest.join('');
}

function interpolate(template: string, args: Record<string, string | number>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) =>
    key in args ? String(args[key]) : whole,
  );
}

const DATE_FORMATS = new Map<string, Intl.DateTimeFormat>();

/** Dates in error arguments (ISO, from the date rules) read as the language writes dates. */
function shownArg(value: string | number, lang: string): string | number {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  let format = DATE_FORMATS.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale(lang), {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    DATE_FORMATS.set(lang, format);
  }
  return format.format(new Date(`${value}T00:00:00Z`));
}

/**
 * The words of a question's error in the user's language: the author's own message for that code
 * when the definition gives one, otherwise `errors:<type>.<code>` from the locale files, built from
 * the question's `errorLabel` (as `{{subject}}`, and capitalised as `{{Subject}}`).
 */
export function errorText(
  question: Question,
  error: QuestionError,
  t: Translate,
  lang: string,
): string {
  const subject =
    question.errorLabel ?? firstLetter(question.summaryLabel ?? question.label, lang, false);
  const args: Record<string, string | number> = {
    subject,
    Subject: firstLetter(subject, lang, true),
  };
  for (const [key, value] of Object.entries(error.args ?? {})) args[key] = shownArg(value, lang);
  const custom = question.errors?.[error.code];
  if (custom !== undefined) return interpolate(custom, args);
  return t(`errors:${question.type}.${error.code}`, args);
}
