import type { Question } from '../definition/types';
import { postedString, type RawState, type ViewContext } from './question-type';

/** The question's label text, with "(optional)" added in the user's language when it is optional. */
export function labelText(question: Question, context: ViewContext): string {
  return question.optional
    ? context.t('question.optionalLabel', { label: question.label })
    : question.label;
}

/** govuk `label` params: the page's h1 when the question is alone on its page. */
export function labelParams(question: Question, context: ViewContext): Record<string, unknown> {
  return {
    text: labelText(question, context),
    isPageHeading: context.isPageHeading,
    classes: context.isPageHeading ? 'govuk-label--l' : 'govuk-label--m',
  };
}

/** govuk `fieldset` params for grouped inputs (dates, radios, checkboxes, addresses). */
export function fieldsetParams(question: Question, context: ViewContext): Record<string, unknown> {
  return {
    legend: {
      text: labelText(question, context),
      isPageHeading: context.isPageHeading,
      classes: context.isPageHeading ? 'govuk-fieldset__legend--l' : 'govuk-fieldset__legend--m',
    },
  };
}

/** govuk `hint` params, or undefined when the question has no hint. */
export function hintParams(question: Question): Record<string, unknown> | undefined {
  return question.hint ? { text: question.hint } : undefined;
}

/** govuk `errorMessage` params, or undefined when the question has no error. */
export function errorParams(context: ViewContext): Record<string, unknown> | undefined {
  return context.error
    ? {
        text: context.error.text,
        visuallyHiddenText: context.t('common:layout.errorPrefix').replace(/:$/, ''),
      }
    : undefined;
}

/** Whether a field is among those in error. */
export function fieldInError(context: ViewContext, field: string): boolean {
  return context.error?.fields.includes(field) ?? false;
}

/** The params every single-input question shares: id and name, what was typed, label, hint, error. */
export function inputParams(
  question: Question,
  raw: RawState,
  context: ViewContext,
): Record<string, unknown> {
  return {
    id: question.id,
    name: question.id,
    value: postedString(raw, question.id),
    label: labelParams(question, context),
    hint: hintParams(question),
    errorMessage: errorParams(context),
  };
}
