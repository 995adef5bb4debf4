import { buildCatalogue, isQuestionPage, type Catalogue } from '../definition/catalogue';
import type { ExitPage, FormDefinition, QuestionPage, RepeatSection } from '../definition/types';
import { answerOf, itemsOf, type Answers, type Draft, type RepeatItem } from './answers';
import { holds, type Lookup } from './conditions';

/** One step of a journey: a page with its own URL. */
export type Step =
  | {
      kind: 'page';
      key: string;
      page: QuestionPage;
      section?: RepeatSection;
      item?: { id: string; index: number };
    }
  | { kind: 'summary'; key: string; section: RepeatSection }
  | { kind: 'exit'; key: string; page: ExitPage }
  | { kind: 'check-answers'; key: 'check-answers' };

/** Where a journey stands: the steps on its path up to the first one still to do. */
export interface Walk {
  /** Steps on the path, in order, ending with the first step not done (or check answers or an exit). */
  steps: Step[];
  /** The step the user should be on next. */
  next: Step;
  /** Every step is done: check answers is next. */
  complete: boolean;
}

const catalogues = new WeakMap<FormDefinition, Catalogue>();

/** The form's catalogue of questions, built once per definition. */
export function catalogueOf(form: FormDefinition): Catalogue {
  let catalogue = catalogues.get(form);
  if (!catalogue) {
    catalogue = buildCatalogue(form);
    catalogues.set(form, catalogue);
  }
  return catalogue;
}

/** The key under which a step's completion is recorded. */
export function itemPageKey(sectionId: string, itemId: string, pageId: string): string {
  return `${sectionId}/${itemId}/${pageId}`;
}

/** Looks answers up in a repeat item first, then in the form's top-level answers. */
export function lookupIn(form: FormDefinition, answers: Answers, item?: RepeatItem): Lookup {
  const catalogue = catalogueOf(form);
  return (questionId) => {
    const entry = catalogue.get(questionId);
    if (!entry) return undefined;
    const value = entry.section ? item?.answers[questionId] : answerOf(answers, questionId);
    return { question: entry.question, value };
  };
}

/**
 * Walks a form with the answers so far: which pages are on the path (their conditions hold), up to
 * the first step not yet done. A pure function of the definition and the draft.
 */
export function walk(form: FormDefinition, draft: Pick<Draft, 'answers' | 'done'>): Walk {
  const done = new Set(draft.done);
  const steps: Step[] = [];
  // Conditions see only answers given on pages that are on the path so far: an answer left behind on
  // a page the path no longer visits must not steer the journey.
  const onPath: Answers = {};
  const lookup = lookupIn(form, onPath);
  const keep = (
    page: QuestionPage,
    from: Readonly<Record<string, unknown>>,
    into: Record<string, unknown>,
  ) => {
    for (const q of page.questions) if (from[q.id] !== undefined) into[q.id] = from[q.id];
  };
  const stop = (step: Step): Walk => {
    steps.push(step);
    return { steps, next: step, complete: false };
  };

  for (const page of form.pages) {
    if (page.condition && !holds(page.condition, lookup)) continue;
    if (page.kind === 'exit') return stop({ kind: 'exit', key: page.id, page });
    if (isQuestionPage(page)) {
      const step: Step = { kind: 'page', key: page.id, page };
      if (!done.has(step.key)) return stop(step);
      steps.push(step);
      keep(page, draft.answers, onPath);
      continue;
    }
    const items = itemsOf(draft.answers, page.id);
    const pending: RepeatItem = { id: 'new', answers: {} };
    for (const [index, item] of (items.length > 0 ? items : [pending]).entries()) {
      const seen: RepeatItem = { id: item.id, answers: {} };
      const itemLookup = lookupIn(form, onPath, seen);
      for (const inner of page.pages) {
        if (inner.condition && !holds(inner.condition, itemLookup)) continue;
        const step: Step = {
          kind: 'page',
          key: itemPageKey(page.id, item.id, inner.id),
          page: inner,
          section: page,
          item: { id: item.id, index },
        };
        if (!done.has(step.key)) return stop(step);
        steps.push(step);
        keep(inner, item.answers, seen.answers);
      }
    }
    const summary: Step = { kind: 'summary', key: page.id, section: page };
    if (!done.has(summary.key)) return stop(summary);
    steps.push(summary);
  }
  const check: Step = { kind: 'check-answers', key: 'check-answers' };
  steps.push(check);
  return { steps, next: check, complete: true };
}

/** The step before the given one on the path, for the back link; undefined at the first step. */
export function previousStep(walked: Walk, key: string): Step | undefined {
  const at = walked.steps.findIndex((s) => s.key === key);
  return at > 0 ? walked.steps[at - 1] : undefined;
}

/** The step after the given one on the path; the next step to do when it is not on the path. */
export function stepAfter(walked: Walk, key: string): Step {
  const at = walked.steps.findIndex((s) => s.key === key);
  return at >= 0 && at + 1 < walked.steps.length ? (walked.steps[at + 1] as Step) : walked.next;
}

/** The answers that are on the path: pages whose conditions no longer hold are left out. */
export function activeAnswers(
  form: FormDefinition,
  draft: Pick<Draft, 'answers' | 'done'>,
): Answers {
  const result: Answers = {};
  for (const step of walk(form, draft).steps) {
    if (step.kind !== 'page') continue;
    if (!step.section || !step.item) {
      for (const q of step.page.questions) {
        const value = answerOf(draft.answers, q.id);
        if (value !== undefined) result[q.id] = value;
      }
      continue;
    }
    const item = itemsOf(draft.answers, step.section.id).find((i) => i.id === step.item?.id);
    if (!item) continue;
    const items = (result[step.section.id] ??= []) as RepeatItem[];
    let kept = items.find((i) => i.id === item.id);
    if (!kept) {
      kept = { id: item.id, answers: {} };
      items.push(kept);
    }
    for (const q of step.page.questions) {
      const value = item.answers[q.id];
      if (value !== undefined) kept.answers[q.id] = value;
    }
  }
  return result;
}
