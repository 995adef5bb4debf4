import { isQuestionPage } from '../definition/catalogue';
import type { Condition, FormDefinition, Question } from '../definition/types';
import { holds } from '../engine/conditions';
import { catalogueOf } from '../engine/journey';
import { firstNumber, type Numbering } from './numbering';

/** "If you answered A or B, go to question N" (or to the end of the form), as data. */
export interface SkipInstruction {
  question: Question;
  values: string[];
  /** The choices that go on as usual, when naming them is shorter ("anything other than A"). */
  otherThan?: string[];
  /** The question to go to, or `end` when every later page is skipped. */
  target: number | 'end';
}

/**
 * Whether a condition holds when only one question's answer is known: true, false, or undefined
 * when it depends on answers not known yet.
 */
export function decide(
  condition: Condition,
  form: FormDefinition,
  known: { questionId: string; value: string },
): boolean | undefined {
  if ('all' in condition || 'any' in condition) {
    const results = ('all' in condition ? condition.all : condition.any).map((c) =>
      decide(c, form, known),
    );
    const decisive = 'all' in condition ? false : true;
    if (results.includes(decisive)) return decisive;
    return results.every((r) => r === !decisive) ? !decisive : undefined;
  }
  if (condition.question !== known.questionId) return undefined;
  const question = catalogueOf(form).get(known.questionId)?.question;
  if (!question) return undefined;
  return holds(condition, () => ({ question, value: known.value }));
}

function choicesOf(question: Question): string[] | undefined {
  if (question.type === 'yes-no') return ['yes', 'no'];
  if (question.type === 'radios' || question.type === 'select') {
    return question.options.map((o) => o.value);
  }
  return undefined;
}

/**
 * The "go to question N" instructions after each one-choice question whose answers skip the pages
 * that follow it, by question id. Exit pages are passed over silently (they say themselves when
 * they apply); the instruction is given only when at least one page of questions is skipped.
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
    const byTarget = new Map<number | 'end', string[]>();
    for (const value of values) {
      let skipped = 0;
      let target: number | 'end' = 'end';
      for (const later of form.pages.slice(index + 1)) {
        const applies = later.condition
          ? decide(later.condition, form, { questionId: question.id, value })
          : true;
        if (later.kind === 'exit') {
          if (applies === false) continue;
          target = -1;
          break;
        }
        if (applies === false) {
          skipped += 1;
          continue;
        }
        target = firstNumber(later, numbering) ?? 'end';
        break;
      }
      if (skipped > 0 && target !== -1)
        byTarget.set(target, [...(byTarget.get(target) ?? []), value]);
    }
    if (byTarget.size === 0) return;
    const skipping = [...byTarget.values()].flat();
    const rest = values.filter((v) => !skipping.includes(v));
    found.set(
      question.id,
      [...byTarget].map(([target, chosen]) =>
        byTarget.size === 1 && chosen.length > rest.length && rest.length > 0
          ? { question, values: chosen, otherThan: rest, target }
          : { question, values: chosen, target },
      ),
    );
  });
  return found;
}
