import { isQuestionPage } from '../definition/catalogue';
import type { Condition, FormDefinition, Question } from '../definition/types';
import { holds } from '../engine/conditions';
import { catalogueOf } from '../engine/journey';
import { firstNumber, type Numbering } from './numbering';

/** Where an answer sends the reader: a question, the end of the form, or past some questions. */
export type SkipTarget =
  | number
  | 'end'
  /** "Do not answer questions 6 to 8": an exit notice comes next, which the reader must read. */
  | { first: number; last: number };

/** "If you answered A or B, go to question N" (or to the end, or past questions), as data. */
export interface SkipInstruction {
  question: Question;
  values: string[];
  /** The choices that go on as usual, when naming them is shorter ("anything other than A"). */
  otherThan?: string[];
  target: SkipTarget;
}

/** Answers known for sure: a value, or `undefined` for a question that is not answered. */
export type Known = ReadonlyMap<string, string | undefined>;

/**
 * Whether a condition holds when only some answers are known (a question on a page that was
 * skipped is known to have no answer): true, false, or undefined when it depends on others.
 */
export function decide(
  condition: Condition,
  form: FormDefinition,
  known: Known,
): boolean | undefined {
  if ('all' in condition || 'any' in condition) {
    const results = ('all' in condition ? condition.all : condition.any).map((c) =>
      decide(c, form, known),
    );
    const decisive = 'all' in condition ? false : true;
    if (results.includes(decisive)) return decisive;
    return results.every((r) => r === !decisive) ? !decisive : undefined;
  }
  const question = catalogueOf(form).get(condition.question)?.question;
  if (!question || !known.has(condition.question)) return undefined;
  return holds(condition, () => ({ question, value: known.get(condition.question) }));
}

function choicesOf(question: Question): string[] | undefined {
  if (question.type === 'yes-no') return ['yes', 'no'];
  if (question.type === 'radios' || question.type === 'select') {
    return question.options.map((o) => o.value);
  }
  return undefined;
}

type Page = FormDefinition['pages'][number];

/** The questions a page asks (a repeating section's, once). */
function questionsOf(page: Page): Question[] {
  if (isQuestionPage(page)) return page.questions;
  return page.kind === 'repeat' ? page.pages.flatMap((p) => p.questions) : [];
}

/**
 * Where one answer to a question sends the reader, as the journey online does: past every later
 * page its answer rules out (the questions on them stay unanswered, which can rule out more), to
 * the first page that may be shown. None when no page of questions is passed.
 */
function targetOf(
  form: FormDefinition,
  from: number,
  known: Map<string, string | undefined>,
  numbering: Numbering,
): SkipTarget | undefined {
  const passed: number[] = [];
  for (const page of form.pages.slice(from + 1)) {
    const applies = page.condition ? decide(page.condition, form, known) : true;
    if (applies === false) {
      for (const q of questionsOf(page)) {
        known.set(q.id, undefined);
        const number = numbering.get(q.id);
        if (number !== undefined) passed.push(number);
      }
      continue;
    }
    if (passed.length === 0) return undefined;
    if (page.kind === 'exit') return { first: Math.min(...passed), last: Math.max(...passed) };
    return firstNumber(page, numbering) ?? 'end';
  }
  return passed.length === 0 ? undefined : 'end';
}

const keyOf = (target: SkipTarget) =>
  typeof target === 'object' ? `${target.first}-${target.last}` : String(target);

/**
 * The "go to question N" instructions after each one-choice question that ends its page, by
 * question id: for each answer that skips at least one page of questions online, where the
 * reader goes next. When an exit notice comes next (it may apply, and the reader must read it),
 * the instruction names the questions to leave out instead ("do not answer questions 6 to 8").
 */
export function skipInstructions(
  form: FormDefinition,
  numbering: Numbering,
): Map<string, SkipInstruction[]> {
  const found = new Map<string, SkipInstruction[]>();
  form.pages.forEach((page, index) => {
    if (!isQuestionPage(page)) return;
    const question = page.questions[page.questions.length - 1];
    const values = question && choicesOf(question);
    if (!question || !values) return;
    const byTarget = new Map<string, { target: SkipTarget; values: string[] }>();
    for (const value of values) {
      const target = targetOf(form, index, new Map([[question.id, value]]), numbering);
      if (target === undefined) continue;
      const entry = byTarget.get(keyOf(target)) ?? { target, values: [] };
      entry.values.push(value);
      byTarget.set(keyOf(target), entry);
    }
    if (byTarget.size === 0) return;
    const skipping = [...byTarget.values()].flatMap((e) => e.values);
    const rest = values.filter((v) => !skipping.includes(v));
    found.set(
      question.id,
      [...byTarget.values()].map(({ target, values: chosen }) =>
        byTarget.size === 1 && chosen.length > rest.length && rest.length > 0
          ? { question, values: chosen, otherThan: rest, target }
          : { question, values: chosen, target },
      ),
    );
  });
  return found;
}
