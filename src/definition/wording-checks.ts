import type { Catalogue } from './catalogue';
import { checkCondition } from './condition-checks';
import { didYouMean } from './joi-problems';
import type { Problem } from './problem';
import { questionTypes } from '../questions/registry';

/**
 * Checks each question's `wording`: its `when` names a question asked on an earlier page (with the
 * same checks as a page's condition), and its `errors` only codes the question's type gives.
 */
export function checkWordings(catalogue: Catalogue, file: string): Problem[] {
  const problems: Problem[] = [];
  for (const { question, path, page, section } of catalogue.values()) {
    const pageStart = catalogue.get(page.questions[0]?.id ?? '')?.order ?? 0;
    const codes = questionTypes[question.type].errorCodes;
    (question.wording ?? []).forEach((wording, i) => {
      const at = `${path}.wording[${i}]`;
      checkCondition(wording.when, `${at}.when`, pageStart, catalogue, file, problems, section);
      for (const code of Object.keys(wording.errors ?? {})) {
        if (codes.includes(code)) continue;
        const guess = didYouMean(code, codes);
        problems.push({
          file,
          path: `${at}.errors.${code}`,
          message: `is not an error a ${question.type} question gives`,
          expected: `one of ${codes.join(', ')}`,
          hint: guess ? `did you mean "${guess}"?` : undefined,
        });
      }
    });
  }
  return problems;
}
