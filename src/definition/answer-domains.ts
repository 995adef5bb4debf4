import type { Catalogue } from './catalogue';
import type { Condition, FormDefinition, Page, Question } from './types';

/**
 * One answer as the reachability check reasons about it: a stand-in for every answer that the
 * form's conditions cannot tell apart from it.
 *
 * - `text`: a choice's value, or typed text equal to a value some condition names (or to none: OTHER)
 * - `number`: a number or an amount, one per interval the conditions' numbers cut the line into
 * - `ticked`: the options named by `contains` that are ticked (others may be too)
 * - `facts`: for a date, whether each comparison made with it holds, taken as free of each other
 */
export type Stand =
  | { text: string }
  | { number: number }
  | { ticked: ReadonlySet<string> }
  | { facts: ReadonlyMap<string, boolean> };

/** Typed text that equals no value any condition names. */
export const OTHER = '\u0000other';

/** Each comparison a condition makes, with the question it names. */
export type Comparison = Exclude<Condition, { all: Condition[] } | { any: Condition[] }>;

/** Every comparison of a condition, through `all` and `any`. */
export function comparisonsOf(condition: Condition | undefined): Comparison[] {
  if (!condition) return [];
  if ('all' in condition) return condition.all.flatMap(comparisonsOf);
  if ('any' in condition) return condition.any.flatMap(comparisonsOf);
  return [condition];
}

/** Every condition of a form: of its pages, its sections and their pages. */
export function conditionsOf(pages: readonly Page[]): Condition[] {
  return pages.flatMap((page) => [
    ...(page.condition ? [page.condition] : []),
    ...(page.kind === 'repeat' ? conditionsOf(page.pages) : []),
  ]);
}

/** The key of a date comparison, under which its truth is kept in `facts`. */
function factOf(comparison: Comparison): string | undefined {
  if ('equals' in comparison) return `= ${String(comparison.equals)}`;
  if ('notEquals' in comparison) return `= ${String(comparison.notEquals)}`;
  if ('greaterThan' in comparison) return `> ${String(comparison.greaterThan)}`;
  if ('lessThan' in comparison) return `< ${String(comparison.lessThan)}`;
  return undefined;
}

function factsOf(comparison: Comparison): string[] {
  if ('oneOf' in comparison) return comparison.oneOf.map((v) => `= ${String(v)}`);
  const fact = factOf(comparison);
  return fact ? [fact] : [];
}

function textsOf(comparison: Comparison): string[] {
  const values =
    'equals' in comparison
      ? [comparison.equals]
      : 'notEquals' in comparison
        ? [comparison.notEquals]
        : 'oneOf' in comparison
          ? comparison.oneOf
          : [];
  return values.filter((v) => typeof v !== 'number').map(String);
}

function numbersOf(comparison: Comparison): number[] {
  const values =
    'equals' in comparison
      ? [comparison.equals]
      : 'notEquals' in comparison
        ? [comparison.notEquals]
        : 'oneOf' in comparison
          ? comparison.oneOf
          : 'greaterThan' in comparison
            ? [comparison.greaterThan]
            : 'lessThan' in comparison
              ? [comparison.lessThan]
              : [];
  return values.filter((v): v is number => typeof v === 'number');
}

/** Every subset of a list, as sets. */
function subsets(values: readonly string[]): Array<Set<string>> {
  return values.reduce<Array<Set<string>>>(
    (all, value) => [...all, ...all.map((s) => new Set([...s, value]))],
    [new Set()],
  );
}

/** One number in each interval the given numbers cut the line into, and each number itself. */
function numberStands(numbers: number[]): number[] {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  if (sorted.length === 0) return [0];
  const between = sorted.slice(1).map((n, i) => ((sorted[i] as number) + n) / 2);
  return [
    (sorted[0] as number) - 1,
    ...sorted,
    ...between,
    (sorted[sorted.length - 1] as number) + 1,
  ];
}

function standsFor(question: Question, comparisons: Comparison[]): Stand[] {
  switch (question.type) {
    case 'radios':
    case 'select':
    case 'yes-no': {
      const options =
        question.type === 'yes-no' ? ['yes', 'no'] : question.options.map((o) => o.value);
      const named = new Set(comparisons.flatMap(textsOf));
      const unnamed = options.find((o) => !named.has(o));
      return [...options.filter((o) => named.has(o)), ...(unnamed ? [unnamed] : [])].map(
        (text) => ({
          text,
        }),
      );
    }
    case 'checkboxes': {
      const options = question.options.map((o) => o.value);
      const named = [
        ...new Set(comparisons.flatMap((c) => ('contains' in c ? [c.contains] : []))),
      ].filter((v) => options.includes(v));
      const someUnnamed = options.length > named.length;
      return subsets(named)
        .filter((ticked) => ticked.size > 0 || someUnnamed)
        .map((ticked) => ({ ticked }));
    }
    case 'number':
    case 'money':
      return numberStands(comparisons.flatMap(numbersOf)).map((number) => ({ number }));
    case 'date': {
      const facts = [...new Set(comparisons.flatMap(factsOf))];
      return subsets(facts).map((held) => ({
        facts: new Map(facts.map((f) => [f, held.has(f)])),
      }));
    }
    default:
      return [...new Set(comparisons.flatMap(textsOf)), OTHER].map((text) => ({ text }));
  }
}

/** For each question a condition names, the stand-ins of every answer it can be given. */
export function answerDomains(form: FormDefinition, catalogue: Catalogue): Map<string, Stand[]> {
  const byQuestion = new Map<string, Comparison[]>();
  for (const comparison of conditionsOf(form.pages).flatMap(comparisonsOf)) {
    const list = byQuestion.get(comparison.question) ?? [];
    list.push(comparison);
    byQuestion.set(comparison.question, list);
  }
  const domains = new Map<string, Stand[]>();
  for (const [id, comparisons] of byQuestion) {
    const entry = catalogue.get(id);
    if (entry) domains.set(id, standsFor(entry.question, comparisons));
  }
  return domains;
}

/** Whether a typed or chosen answer equals a condition's value (the engine's `same`). */
function sameAs(stand: { text: string } | { number: number }, operand: string | number | boolean) {
  return 'number' in stand
    ? typeof operand === 'number' && stand.number === operand
    : typeof operand !== 'number' && stand.text === String(operand);
}

/** Whether a stand-in meets one comparison (the engine's rules, `src/engine/conditions.ts`). */
function meets(comparison: Comparison, stand: Stand | undefined): boolean {
  if ('answered' in comparison) return (stand !== undefined) === comparison.answered;
  if (stand === undefined) return false;
  if ('facts' in stand) {
    if ('oneOf' in comparison) {
      for (const value of comparison.oneOf) if (stand.facts.get(`= ${String(value)}`)) return true;
      return false;
    }
    const held = stand.facts.get(factOf(comparison) ?? '') === true;
    return 'notEquals' in comparison ? !held : held;
  }
  if ('ticked' in stand) return 'contains' in comparison && stand.ticked.has(comparison.contains);
  if ('equals' in comparison) return sameAs(stand, comparison.equals);
  if ('notEquals' in comparison) return !sameAs(stand, comparison.notEquals);
  if ('oneOf' in comparison) {
    for (const value of comparison.oneOf) if (sameAs(stand, value)) return true;
    return false;
  }
  if (!('number' in stand)) return false;
  if ('greaterThan' in comparison) return stand.number > Number(comparison.greaterThan);
  if ('lessThan' in comparison) return stand.number < Number(comparison.lessThan);
  return false;
}

/** Not yet decided: the question is asked later on the way being tried. */
export const UNDECIDED = Symbol('undecided');
export type Decided = Stand | undefined | typeof UNDECIDED;

/** Whether a condition holds, in three values: undefined when an undecided answer could settle it. */
export function holdsFor(
  condition: Condition,
  answer: (questionId: string) => Decided,
): boolean | undefined {
  if ('all' in condition || 'any' in condition) {
    const all = 'all' in condition;
    let unknown = false;
    for (const part of all ? condition.all : condition.any) {
      const result = holdsFor(part, answer);
      if (result === undefined) unknown = true;
      else if (result !== all) return !all;
    }
    return unknown ? undefined : all;
  }
  const stand = answer(condition.question);
  return stand === UNDECIDED ? undefined : meets(condition, stand);
}
