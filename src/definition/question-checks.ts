import type { Catalogue } from './catalogue';
import { didYouMean } from './joi-problems';
import type { Problem } from './problem';
import { questionTypes } from '../questions/registry';

/**
 * Checks of each question's own settings that joi's per-key rules cannot see: error-message codes
 * the type really gives, and limits that contradict each other.
 */
export function checkQuestions(catalogue: Catalogue, file: string): Problem[] {
  const problems: Problem[] = [];
  for (const { question, path } of catalogue.values()) {
    const codes = questionTypes[question.type].errorCodes;
    for (const code of Object.keys(question.errors ?? {})) {
      if (codes.includes(code)) continue;
      const guess = didYouMean(code, codes);
      problems.push({
        file,
        path: `${path}.errors.${code}`,
        message: `is not an error a ${question.type} question gives`,
        expected: `one of ${codes.join(', ')}`,
        hint: guess ? `did you mean "${guess}"?` : undefined,
      });
    }
    if (question.notYet && question.optional) {
      problems.push({
        file,
        path: `${path}.notYet`,
        message: 'is set on an optional question, which can be left empty anyway',
        expected: 'notYet or optional, not both',
      });
    }
    if (question.type === 'date' && question.past && question.future) {
      problems.push({
        file,
        path: `${path}.future`,
        message: 'is true, and so is past: no date is both',
        expected: 'past or future, not both',
      });
    }
    if (
      (question.type === 'number' || question.type === 'money') &&
      question.min !== undefined &&
      question.max !== undefined &&
      question.min > question.max
    ) {
      problems.push({
        file,
        path: `${path}.min`,
        message: `is ${question.min}, more than max (${question.max})`,
        expected: 'min no greater than max',
      });
    }
    // A file question's minimum is checked against its maximum, 1 when it gives none.
    const files = question.type === 'file' ? question : undefined;
    if (files?.minFiles !== undefined && files.minFiles > (files.maxFiles ?? 1)) {
      problems.push({
        file,
        path: `${path}.minFiles`,
        message: `is ${files.minFiles}, more than maxFiles (${files.maxFiles ?? '1, when not given'})`,
        expected: 'minFiles no greater than maxFiles',
      });
    }
    const lengths = question.type === 'text' || question.type === 'textarea' ? question : undefined;
    if (
      lengths?.minLength !== undefined &&
      lengths.maxLength !== undefined &&
      lengths.minLength > lengths.maxLength
    ) {
      problems.push({
        file,
        path: `${path}.minLength`,
        message: `is ${lengths.minLength}, more than maxLength (${lengths.maxLength})`,
        expected: 'minLength no greater than maxLength',
      });
    }
  }
  return problems;
}
