import { answerDomains, comparisonsOf, type Stand } from './answer-domains';
import type { Catalogue } from './catalogue';
import type { Problem } from './problem';
import { SearchTooLong, someWayThrough, type Step } from './reachability-search';
import type { Condition, FormDefinition, Page, QuestionPage } from './types';

/** The steps a journey takes through top-level pages before `pages[end]`. */
function stepsBefore(pages: readonly Page[], end: number): Step[] {
  return pages.slice(0, end).flatMap((page): Step[] => {
    if (page.kind === 'exit') return [{ kind: 'exit', condition: page.condition }];
    // A repeating section's answers are its items' own: no later top-level condition sees them.
    if (page.kind === 'repeat') return [];
    return [{ kind: 'page', condition: page.condition, questions: page.questions }];
  });
}

/** The steps of a section's first item before `pages[end]` of the section. */
function itemStepsBefore(pages: readonly QuestionPage[], end: number): Step[] {
  return pages
    .slice(0, end)
    .map((page): Step => ({ kind: 'page', condition: page.condition, questions: page.questions }));
}

/** The steps that try a condition alone, whatever the way to it: each question free to be skipped. */
function aloneSteps(condition: Condition, catalogue: Catalogue): Step[] {
  const ids = [...new Set(comparisonsOf(condition).map((c) => c.question))];
  const questions = ids.flatMap((id) => {
    const entry = catalogue.get(id);
    return entry ? [{ ...entry.question, optional: true }] : [];
  });
  return [
    { kind: 'page', questions },
    { kind: 'gate', condition },
  ];
}

const quoted = (ids: string[]) => ids.map((id) => `"${id}"`).join(', ');

interface Target {
  path: string;
  what: string;
  condition?: Condition;
  before: Step[];
}

/**
 * How many steps one form's searches may take together. The example forms take a few hundred; a
 * form of 150 pages, each with a condition on the two before, about 50,000. 100,000 steps took 8 s
 * on a two-core machine busy with other work.
 */
const TRIES_PER_FORM = 150_000;

/** What the check found: pages no answers reach, and a warning if it stopped before the end. */
export interface Reachability {
  problems: Problem[];
  warnings: Problem[];
}

/**
 * Reports the pages no answers can reach: a condition that can never hold on the way to its page,
 * or every journey ended at an exit page before it. What cannot be proved unreachable is taken as
 * reachable. See "Pages no answers reach" in docs/form-definition.md for what it can prove.
 */
export function checkReachability(
  form: FormDefinition,
  catalogue: Catalogue,
  file: string,
  tries = TRIES_PER_FORM,
): Reachability {
  const domains: ReadonlyMap<string, Stand[]> = answerDomains(form, catalogue);
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const budget = { tries };
  let stoppedAt: string | undefined;
  let at = '';
  const reachable = (steps: Step[]) => {
    if (stoppedAt) return true;
    try {
      return someWayThrough(steps, domains, budget);
    } catch (error) {
      if (!(error instanceof SearchTooLong)) throw error;
      stoppedAt = at;
      warnings.push({
        file,
        path: at,
        message:
          'and the pages after it were not checked for answers that reach them: their conditions make too many ways through to try',
        expected: 'fewer conditions, or simpler ones',
      });
      return true;
    }
  };
  const exitsReached: string[] = [];
  /** Whether the target is shown to some journeys; reports it when not. */
  const check = (target: Target): 'shown' | 'never' | 'after every exit' => {
    at = target.path;
    if (reachable([...target.before, { kind: 'gate', condition: target.condition }]))
      return 'shown';
    if (!reachable(target.before)) {
      problems.push({
        file,
        path: target.path,
        message: `is never reached, nor is anything after it: every journey ends at an exit page before it (${quoted(exitsReached)})`,
        expected: 'exit pages whose conditions some answers get past',
      });
      return 'after every exit';
    }
    const alone = target.condition && reachable(aloneSteps(target.condition, catalogue));
    problems.push({
      file,
      path: `${target.path}.condition`,
      message: alone
        ? `is never met by the answers of a journey that gets this far, so ${target.what} is never shown`
        : `is met by no answers at all, so ${target.what} is never shown`,
      expected: 'a condition that some answers on the way to it meet',
    });
    return 'never';
  };

  for (const [p, page] of form.pages.entries()) {
    const path = `pages[${p}]`;
    const before = stepsBefore(form.pages, p);
    const what = `${page.kind === 'repeat' ? 'the section' : 'the page'} "${page.id}"`;
    const seen = check({ path, what, condition: page.condition, before });
    if (seen === 'after every exit') return { problems, warnings };
    if (seen !== 'shown') continue;
    if (page.kind === 'exit') exitsReached.push(page.id);
    if (page.kind !== 'repeat') continue;
    const entry: Step[] = [...before, { kind: 'gate', condition: page.condition }];
    page.pages.forEach((inner, i) =>
      check({
        path: `${path}.pages[${i}]`,
        what: `the page "${inner.id}"`,
        condition: inner.condition,
        before: [...entry, ...itemStepsBefore(page.pages, i)],
      }),
    );
  }
  at = 'pages';
  if (!reachable(stepsBefore(form.pages, form.pages.length))) {
    problems.push({
      file,
      path: 'pages',
      message: `end every journey at an exit page (${quoted(exitsReached)}): no one reaches check answers to send the form`,
      expected: 'some answers that get past every exit page',
    });
  }
  return { problems, warnings };
}
