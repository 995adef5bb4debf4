import { comparisonsOf, holdsFor, UNDECIDED, type Decided, type Stand } from './answer-domains';
import type { Condition, Question } from './types';

/**
 * One step on the way to a page, as the journey takes it (`walk` in the engine):
 * - `exit`: an exit page; the way ends there if its condition holds (or it has none)
 * - `page`: a page of questions; when its condition holds, its questions get answers
 * - `gate`: a condition that must hold to go on (a repeating section's, or the page's own)
 */
export type Step =
  | { kind: 'exit'; condition?: Condition }
  | { kind: 'page'; condition?: Condition; questions: readonly Question[] }
  | { kind: 'gate'; condition?: Condition };

/** An answer tried: its stand-in, and its place in the question's domain (-1: no answer). */
interface Choice {
  stand: Stand | undefined;
  index: number;
}
const UNANSWERED: Choice = { stand: undefined, index: -1 };

/** The search gave up: its budget of tries is spent. */
export class SearchTooLong extends Error {}

/** How many partial ways through the searches of one form may try, together. */
export interface SearchBudget {
  tries: number;
}

/**
 * Whether some answers take a journey through every step, to the end: a search over the
 * stand-ins of every answer a condition names, the questions decided in the order they are asked.
 * Throws SearchTooLong when the budget runs out first.
 */
export function someWayThrough(
  steps: readonly Step[],
  domains: ReadonlyMap<string, Stand[]>,
  budget: SearchBudget,
): boolean {
  // The questions each step onwards still looks at: two ways that agree on them end alike.
  const lookedAtFrom: string[][] = [];
  const later = new Set<string>();
  for (let i = steps.length; i >= 0; i -= 1) {
    for (const c of comparisonsOf(steps[i]?.condition)) later.add(c.question);
    lookedAtFrom[i] = [...later];
  }
  // The gates that look at each question: once it is answered, one may be false whatever follows.
  const gatesOn = new Map<string, Condition[]>();
  for (const step of steps) {
    if (step.kind !== 'gate' || !step.condition) continue;
    for (const id of new Set(comparisonsOf(step.condition).map((c) => c.question)))
      gatesOn.set(id, [...(gatesOn.get(id) ?? []), step.condition]);
  }
  /** Each decided question's answer, and its place in the question's domain (-1: no answer). */
  const answers = new Map<string, Choice>();
  /** The ways (step, and the answers still looked at) already found to go nowhere. */
  const deadEnds = new Set<string>();
  function answerOf(id: string): Decided {
    const decided = answers.get(id);
    return decided ? decided.stand : UNDECIDED;
  }
  function hopeless(id: string): boolean {
    for (const gate of gatesOn.get(id) ?? []) if (holdsFor(gate, answerOf) === false) return true;
    return false;
  }
  const askedAt = steps.map((step) =>
    step.kind === 'page' ? step.questions.filter((q) => domains.has(q.id)) : [],
  );
  const choicesOf = new Map<string, Choice[]>();
  for (const [id, domain] of domains)
    choicesOf.set(
      id,
      domain.map((stand, index) => ({ stand, index })),
    );

  function from(i: number): boolean {
    budget.tries -= 1;
    if (budget.tries < 0) throw new SearchTooLong();
    const step = steps[i];
    if (!step) return true;
    let key = String(i);
    for (const id of lookedAtFrom[i] ?? []) key += `|${answers.get(id)?.index ?? ''}`;
    if (deadEnds.has(key)) return false;
    // A way through ends the search at once: only dead ends need remembering.
    if (take(step, i)) return true;
    deadEnds.add(key);
    return false;
  }

  /** Answers the step's questions from the `q`th on, each way in turn, then goes on. */
  function answer(i: number, holds: boolean, asked: readonly Question[], q: number): boolean {
    const question = asked[q];
    if (!question) return from(i + 1);
    const choices = holds ? (choicesOf.get(question.id) ?? []) : [];
    const unanswered = question.optional || !holds;
    for (let c = 0; c < choices.length + (unanswered ? 1 : 0); c += 1) {
      answers.set(question.id, choices[c] ?? UNANSWERED);
      const found = !hopeless(question.id) && answer(i, holds, asked, q + 1);
      answers.delete(question.id);
      if (found) return true;
    }
    return false;
  }

  function take(step: Step, i: number): boolean {
    const holds = !step.condition || holdsFor(step.condition, answerOf) === true;
    if (step.kind === 'exit') return !holds && from(i + 1);
    if (step.kind === 'gate') return holds && from(i + 1);
    return answer(i, holds, askedAt[i] ?? [], 0);
  }

  return from(0);
}
