import type { Condition, FormDefinition, Question } from '../definition/types';
import { catalogueOf } from '../engine/journey';
import type { Numbering } from './numbering';

/** The sentence a single condition becomes; each is a key under `paper:routing` in the locales. */
export type LeafKey =
  | 'answered'
  | 'answeredOther'
  | 'ticked'
  | 'is'
  | 'isNot'
  | 'moreThan'
  | 'lessThan'
  | 'amountMoreThan'
  | 'amountLessThan'
  | 'after'
  | 'before'
  | 'hasAnswer'
  | 'noAnswer';

/** A condition written for paper, as data: which sentence, about which question, with which answers. */
export type Instruction =
  | {
      kind: 'leaf';
      key: LeafKey;
      number: number;
      question: Question;
      /** Answers (option values, amounts, dates or `today`); several are read as "A or B". */
      values: Array<string | number | boolean>;
    }
  | { kind: 'group'; join: 'and' | 'or'; parts: Instruction[] };

const ONE_CHOICE = new Set<Question['type']>(['radios', 'select', 'yes-no']);
/** Past this many other options, "anything other than A" reads better than listing them. */
const MOST_LISTED = 2;

/** The values a one-choice question offers. */
function offered(question: Question): string[] {
  if (question.type === 'yes-no') return ['yes', 'no'];
  return 'options' in question ? question.options.map((o) => o.value) : [];
}

function leaf(
  key: LeafKey,
  question: Question,
  number: number,
  values: Array<string | number | boolean>,
): Instruction {
  return { kind: 'leaf', key, number, question, values };
}

/** The sentence for comparing an answer with a limit: amounts, dates and other numbers differ. */
function comparison(question: Question, more: boolean): LeafKey {
  if (question.type === 'date') return more ? 'after' : 'before';
  if (question.type === 'money') return more ? 'amountMoreThan' : 'amountLessThan';
  return more ? 'moreThan' : 'lessThan';
}

const LISTING = new Set<LeafKey>(['answered', 'ticked', 'is']);

/** "you answered A at question 1 or you answered B at question 1" becomes "you answered A or B at question 1". */
function mergeAlternatives(parts: Instruction[]): void {
  for (let i = parts.length - 1; i > 0; i--) {
    const [before, part] = [parts[i - 1], parts[i]];
    if (
      before?.kind === 'leaf' &&
      part?.kind === 'leaf' &&
      before.key === part.key &&
      LISTING.has(part.key) &&
      before.question === part.question
    ) {
      parts.splice(i - 1, 2, { ...before, values: [...before.values, ...part.values] });
    }
  }
}

/**
 * What a condition asks of the reader of a paper form, as data the locales turn into words: for
 * example `{ key: 'answered', number: 4, values: ['no'] }` is "you answered No at question 4".
 * A choice that must not be one option names the others instead ("you answered A or B"), which
 * is what a person ticking boxes can check. Groups (`all`, `any`) keep their parts in order.
 */
export function instructionFor(
  condition: Condition,
  form: FormDefinition,
  numbering: Numbering,
): Instruction {
  if ('all' in condition || 'any' in condition) {
    const join = 'all' in condition ? 'and' : 'or';
    const parts = ('all' in condition ? condition.all : condition.any).map((c) =>
      instructionFor(c, form, numbering),
    );
    // "A and (B and C)" reads as "A, B and C".
    const flat = parts.flatMap((p) => (p.kind === 'group' && p.join === join ? p.parts : [p]));
    if (join === 'or') mergeAlternatives(flat);
    return flat.length === 1 ? (flat[0] as Instruction) : { kind: 'group', join, parts: flat };
  }
  const question = catalogueOf(form).get(condition.question)?.question;
  const number = numbering.get(condition.question);
  if (!question || number === undefined) {
    throw new Error(`condition names "${condition.question}", which the form does not ask`);
  }
  const choice = ONE_CHOICE.has(question.type);
  const ticks = question.type === 'checkboxes';
  if ('equals' in condition) {
    return leaf(choice ? 'answered' : ticks ? 'ticked' : 'is', question, number, [
      condition.equals,
    ]);
  }
  if ('notEquals' in condition) {
    const others = offered(question).filter((v) => v !== String(condition.notEquals));
    if (!choice || others.length === 0) {
      return leaf('isNot', question, number, [condition.notEquals]);
    }
    return others.length <= MOST_LISTED
      ? leaf('answered', question, number, others)
      : leaf('answeredOther', question, number, [condition.notEquals]);
  }
  if ('oneOf' in condition) {
    return leaf(choice ? 'answered' : ticks ? 'ticked' : 'is', question, number, condition.oneOf);
  }
  if ('contains' in condition) return leaf('ticked', question, number, [condition.contains]);
  if ('greaterThan' in condition) {
    return leaf(comparison(question, true), question, number, [condition.greaterThan]);
  }
  if ('lessThan' in condition) {
    return leaf(comparison(question, false), question, number, [condition.lessThan]);
  }
  return leaf(condition.answered ? 'hasAnswer' : 'noAnswer', question, number, []);
}
