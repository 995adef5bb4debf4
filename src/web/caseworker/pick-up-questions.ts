import type { TextQuestion } from '../../definition/types';
import type { QuestionError, Translate } from '../../questions/question-type';
import type { SecretQuestions } from '../resume/secret-fields';

/**
 * The caller's resume code, worded for the caseworker who types it; `outcomes` words the errors
 * of a try that failed (`notFound`, `expired`, `locked`), already in words.
 */
export function callerCodeQuestion(
  t: Translate,
  outcomes: Record<string, string> = {},
): TextQuestion {
  return {
    id: 'resume-code',
    type: 'text',
    label: t('caseworker:pickUp.codeLabel'),
    hint: t('caseworker:pickUp.codeHint'),
    errorLabel: t('caseworker:pickUp.codeSubject'),
    width: 10,
    maxLength: 40,
    autocomplete: 'off',
    spellcheck: false,
    errors: {
      pattern: t('caseworker:pickUp.errors.codeFormat'),
      ...outcomes,
    },
  };
}

/**
 * The secret questions of save and return (`secret-fields.ts`), worded for a caseworker asking a
 * caller: read and shown by the same functions as the public page. `wrong` is the words for a
 * secret that does not match.
 */
export function callerSecretQuestions(t: Translate, wrong?: string): SecretQuestions {
  const errors = wrong ? { wrong } : {};
  return {
    kind: {
      id: 'secret-kind',
      type: 'radios',
      label: t('caseworker:pickUp.kindLegend'),
      options: [
        { value: 'date-of-birth', text: t('caseworker:pickUp.dateOfBirth') },
        { value: 'memorable-word', text: t('caseworker:pickUp.memorableWord') },
      ],
      errors: { required: t('caseworker:pickUp.errors.kindRequired') },
    },
    dateOfBirth: {
      id: 'date-of-birth',
      type: 'date',
      label: t('caseworker:pickUp.dateOfBirthLabel'),
      hint: t('caseworker:pickUp.dateOfBirthHint'),
      errorLabel: t('caseworker:pickUp.dateOfBirthSubject'),
      past: true,
      errors,
    },
    memorableWord: {
      id: 'memorable-word',
      type: 'text',
      label: t('caseworker:pickUp.memorableWordLabel'),
      errorLabel: t('caseworker:pickUp.memorableWordSubject'),
      maxLength: 100,
      autocomplete: 'off',
      spellcheck: false,
      errors,
    },
  };
}

/** An error on the code field: one the resume code question's `errors` words. */
export const codeError = (code: string): QuestionError => ({
  questionId: 'resume-code',
  field: 'resume-code',
  code,
});
