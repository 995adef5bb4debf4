import type { FormDefinition } from '../../definition/types';
import { COMMENT_MAX } from '../../kpi/feedback-answer';
import type { Translate } from '../../questions/question-type';

/** The ratings of the 5-point scale, as the form lists them: very satisfied first. */
const RATINGS = ['5', '4', '3', '2', '1'] as const;

/** What `views/partials/feedback-form.njk` shows: the question, and what was typed with its errors. */
export interface FeedbackFormView {
  action: string;
  ratings: Array<{ value: string; text: string; checked: boolean }>;
  commentHint: string;
  comment?: string;
  fieldErrors?: Partial<Record<'rating' | 'comment', string>>;
}

/** The satisfaction form of a form's confirmation page. */
export function feedbackForm(
  form: FormDefinition,
  t: Translate,
  typed: { rating?: string; comment?: string; fieldErrors?: FeedbackFormView['fieldErrors'] } = {},
): FeedbackFormView {
  return {
    action: `/${form.id}/feedback`,
    ratings: RATINGS.map((value) => ({
      value,
      text: t(`feedback:ratings.${value}`),
      checked: typed.rating === value,
    })),
    commentHint: t('feedback:commentHint', { max: COMMENT_MAX }),
    comment: typed.comment,
    fieldErrors: typed.fieldErrors,
  };
}
