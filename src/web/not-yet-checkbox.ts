import type { Question } from '../definition/types';
import { notYetField } from '../engine/not-yet';
import type { MacroCall, RawState, Translate } from '../questions/question-type';

/** The words of a question's "I do not have this yet" checkbox: the author's, or the framework's. */
export function notYetText(question: Question, t: Translate): string {
  return typeof question.notYet === 'string' ? question.notYet : t('common:question.notYet');
}

/** The small checkbox under a soft-required question that lets a person go on without it. */
export function notYetCheckbox(question: Question, raw: RawState, t: Translate): MacroCall {
  const field = notYetField(question);
  return {
    macro: 'govukCheckboxes',
    params: {
      idPrefix: field,
      name: field,
      classes: 'govuk-checkboxes--small',
      items: [
        {
          value: 'yes',
          text: notYetText(question, t),
          hint: { text: t('common:question.notYetHint') },
          checked: raw[field] === 'yes',
        },
      ],
    },
  };
}
