import type { Question } from '../definition/types';
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

/**
 * The words of a question's error in the user's language: the author's own message for that code
 * when the definition gives one, otherwise `errors:<type>.<code>` from the locale files, built from
 * the question's `errorLabel` (as `{{subject}}`, and capitalised as `{{Subject}}`).
 */
export function errorText(question: Question, error: QuestionError, t: Translate, lang: string): string {
  const subject = question.errorLabel ?? firstLetter(question.summaryLabel ?? question.label, lang, false);
  const args = { ...error.args, subject, Subject: firstLetter(subject, lang, true) };
  const custom = question.errors?.[error.code];
  if (custom !== undefined) return interpolate(custom, args);
  return t(`errors:${question.type}.${error.code}`, args);
}
