import type { FormDefinition } from '../definition/types';
import { typeOf } from '../questions/registry';
import type { AnswerValue, Translate } from '../questions/question-type';
import type { Draft } from './answers';
import { activeAnswers, lookupIn, walk, type Step } from './journey';
import { isNotYet } from './not-yet';
import { wordQuestion } from './wording';

/** One answer as check answers shows it; `lines` is undefined for a skipped optional answer. */
export interface SummaryRow {
  questionId: string;
  label: string;
  lines: string[] | undefined;
  /** The person ticked "I do not have this yet": `lines` say "Not provided yet". */
  notYet?: true;
  /** The step to change it on. */
  step: Step;
}

/** A block of rows: the form's own questions, or one item of a repeating section. */
export interface SummaryGroup {
  /** The section and the item's position (1-based), for items of repeating sections. */
  item?: { sectionId: string; itemName: string; position: number };
  rows: SummaryRow[];
}

/** The check answers summary: every answer on the path, in order, grouped by section item. */
export function summarise(
  form: FormDefinition,
  draft: Pick<Draft, 'answers' | 'done'>,
  context: { t: Translate; lang: string },
): SummaryGroup[] {
  const groups: SummaryGroup[] = [];
  let current: SummaryGroup | undefined;
  const active = activeAnswers(form, draft);
  for (const step of walk(form, draft).steps) {
    if (step.kind !== 'page') continue;
    const itemKey = step.item?.id;
    const answers = step.section
      ? ((
          draft.answers[step.section.id] as
            Array<{ id: string; answers: Record<string, AnswerValue> }> | undefined
        )?.find((i) => i.id === itemKey)?.answers ?? {})
      : (draft.answers as Record<string, AnswerValue>);
    const needsGroup = step.section
      ? current?.item?.sectionId !== step.section.id ||
        current.item.position !== (step.item?.index ?? 0) + 1
      : current === undefined || current.item !== undefined;
    if (needsGroup) {
      current = step.section
        ? {
            item: {
              sectionId: step.section.id,
              itemName: step.section.itemName,
              position: (step.item?.index ?? 0) + 1,
            },
            rows: [],
          }
        : { rows: [] };
      groups.push(current);
    }
    const lookup = lookupIn(form, active, { id: itemKey ?? '', answers });
    for (const asked of step.page.questions) {
      // The label follows earlier answers as the page did ("your" or "their").
      const question = wordQuestion(asked, lookup);
      const value = answers[question.id];
      if (isNotYet(value)) {
        current?.rows.push({
          questionId: question.id,
          label: question.summaryLabel ?? question.label,
          lines: [context.t('common:checkAnswers.notProvidedYet')],
          notYet: true,
          step,
        });
        continue;
      }
      current?.rows.push({
        questionId: question.id,
        label: question.summaryLabel ?? question.label,
        lines:
          value === undefined
            ? undefined
            : typeOf(question).summary(question, value as never, context),
        step,
      });
    }
  }
  return groups;
}
