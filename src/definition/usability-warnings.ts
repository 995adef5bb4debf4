import type { Catalogue } from './catalogue';
import type { Problem } from './problem';

/** More options than this in radios make a long page to scroll: a select suits them better. */
export const MAX_RADIOS_OPTIONS = 10;

/**
 * Patterns that make a form hard to use, reported as warnings (the form still loads): a text
 * question with a `pattern` and no hint showing the format, and radios with more than
 * MAX_RADIOS_OPTIONS options. Conditional reveals, which would nest a question inside an option,
 * are not in the format at all: a follow-up question is a page of its own with a condition.
 */
export function usabilityWarnings(catalogue: Catalogue, file: string): Problem[] {
  const warnings: Problem[] = [];
  for (const { question, path } of catalogue.values()) {
    if (question.type === 'text' && question.pattern !== undefined && !question.hint) {
      warnings.push({
        file,
        path: `${path}.hint`,
        message: `is missing, but "${question.id}" only accepts answers that match a pattern`,
        expected: 'a hint showing the format, such as "For example, QQ 12 34 56 C"',
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
  }
  return warnings;
}
