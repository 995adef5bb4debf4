import { offersChoice } from '../questions/address-parts';
import type { Catalogue } from './catalogue';
import type { Problem } from './problem';

/** More options than this in radios make a long page to scroll: a select suits them better. */
export const MAX_RADIOS_OPTIONS = 10;

/** A select with this many options or fewer hides choices radios would show at once. */
export const FEWEST_SELECT_OPTIONS = 3;

const DATE_RULES = ['before', 'after', 'earliest', 'latest', 'past', 'future'] as const;

/**
 * Patterns that make a form hard to use, reported as warnings (the form still loads): a text
 * question with a `pattern` and no hint showing the format, a date question with rules (a range,
 * past or future) and no hint saying which dates it takes, radios with more than
 * MAX_RADIOS_OPTIONS options, a select of FEWEST_SELECT_OPTIONS options or fewer, and an address
 * whose kind the person chooses sharing its page (then not asked over two pages). Conditional
 * reveals, which would nest a question inside an option, are not in the format at all: a
 * follow-up question is a page of its own with a condition.
 */
export function usabilityWarnings(catalogue: Catalogue, file: string): Problem[] {
  const warnings: Problem[] = [];
  for (const { question, page, path } of catalogue.values()) {
    if (question.type === 'text' && question.pattern !== undefined && !question.hint) {
      warnings.push({
        file,
        path: `${path}.hint`,
        message: `is missing, but "${question.id}" only accepts answers that match a pattern`,
        expected: 'a hint showing the format, such as "For example, QQ 12 34 56 C"',
      });
    }
    const rules =
      question.type === 'date' ? DATE_RULES.filter((r) => question[r] !== undefined) : [];
    if (rules.length > 0 && !question.hint) {
      warnings.push({
        file,
        path: `${path}.hint`,
        message: `is missing, but "${question.id}" only accepts some dates (${rules.join(', ')})`,
        expected:
          'a hint with an example date and the dates it takes, such as "For example, 27 3 2007"',
      });
    }
    if (question.type === 'select' && question.options.length <= FEWEST_SELECT_OPTIONS) {
      warnings.push({
        file,
        path: `${path}.type`,
        message: `is "select" with only ${question.options.length} options, hidden until the list is opened`,
        expected: `"radios" for ${FEWEST_SELECT_OPTIONS} options or fewer`,
        hint: 'radios show every choice at once; a select suits long lists',
      });
    }
    if (question.type === 'radios' && question.options.length > MAX_RADIOS_OPTIONS) {
      warnings.push({
        file,
        path: `${path}.options`,
        message: `has ${question.options.length} options, a long list of radios to read through`,
        expected: `${MAX_RADIOS_OPTIONS} options or fewer`,
        hint: 'use "type": "select" for a long list',
      });
    }
    if (question.type === 'address' && offersChoice(question) && page.questions.length > 1) {
      const others = page.questions.length - 1;
      warnings.push({
        file,
        path,
        message: `is "${question.id}", an address whose kind the person chooses, on a page with ${others} other question${others === 1 ? '' : 's'}: it is then asked on that one page, each kind's boxes revealed under its radio (and all of them without JavaScript)`,
        expected: 'the address question alone on its page',
        hint: 'alone on its page, it is asked over two pages: the kind of address, then only its boxes',
      });
    }
  }
  return warnings;
}
