import i18next from 'i18next';
import errors from '../../locales/en/errors.json';
import common from '../../locales/en/common.json';
import questions from '../../locales/en/questions.json';
import type { Question } from '../../src/definition/types';
import { errorText } from '../../src/questions/error-text';
import type {
  ParseContext,
  QuestionError,
  Translate,
  ViewContext,
} from '../../src/questions/question-type';

/** A real i18next instance with the English locale files; like the app's, a missing key throws. */
export const i18n = i18next.createInstance();
void i18n.init({
  lng: 'en',
  fallbackLng: false,
  resources: { en: { common, errors, questions } },
  ns: ['common', 'errors', 'questions'],
  interpolation: { escapeValue: false },
  initAsync: false,
  showSupportNotice: false,
  saveMissing: true,
  missingKeyHandler: (_lngs, ns, key) => {
    throw new Error(`No "${ns}:${key}" string in locales/en`);
  },
});

export const t: Translate = (key, options = {}) => String(i18n.t(key, options));

/** The context a question is rendered in: alone on its page, in English, unless told otherwise. */
export function viewContext(extra: Partial<ViewContext> = {}): ViewContext {
  return { t, lang: 'en', isPageHeading: true, ...extra };
}

export const parseContext: ParseContext = { today: '2025-06-15' };

/** The words a user would read for each error. */
export function wordsOf(question: Question, errors: QuestionError[]): string[] {
  return errors.map((error) => errorText(question, error, t, 'en'));
}
