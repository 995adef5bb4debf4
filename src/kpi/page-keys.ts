import { isQuestionPage } from '../definition/catalogue';
import type { FormDefinition } from '../definition/types';
import type { Step } from '../engine/journey';

/** The key a step is counted under: the same for every item of a repeating section. */
export function pageKeyOf(step: Step): string {
  if (step.kind === 'page' && step.section) return `${step.section.id}/${step.page.id}`;
  return step.key;
}

/** A step of the drop-off funnel, in the form's order. */
export interface FunnelStepDefinition {
  key: string;
  kind: 'page' | 'summary' | 'exit' | 'check-answers';
  /** The page's words (its title or its question's label); none for check answers. */
  label?: string;
}

/**
 * Every step a journey can reach, in the form's order: question pages, exit pages, each repeating
 * section's pages then its summary, and check answers last.
 */
export function funnelSteps(form: FormDefinition): FunnelStepDefinition[] {
  const steps: FunnelStepDefinition[] = [];
  for (const page of form.pages) {
    if (isQuestionPage(page)) {
      steps.push({ key: page.id, kind: 'page', label: page.title ?? page.questions[0]?.label });
    } else if (page.kind === 'exit') {
      steps.push({ key: page.id, kind: 'exit', label: page.title });
    } else {
      for (const inner of page.pages) {
        steps.push({
          key: `${page.id}/${inner.id}`,
          kind: 'page',
          label: inner.title ?? inner.questions[0]?.label,
        });
      }
      steps.push({ key: page.id, kind: 'summary', label: page.title });
    }
  }
  steps.push({ key: 'check-answers', kind: 'check-answers' });
  return steps;
}
