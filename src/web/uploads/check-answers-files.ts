import type { FormDefinition } from '../../definition/types';
import type { Draft } from '../../engine/answers';
import type { SummaryRow } from '../../engine/check-answers';
import { fileSummaryLine } from '../../questions/file';
import type { Translate } from '../../questions/question-type';
import type { StoredFile } from '../../uploads/stored-file';
import { escapeHtml } from '../escape-html';
import { filePlaces } from './remove-file';

/** Stands for the file's name in its line, so only the name is isolated (see below). */
const NAME = '\u0000name\u0000';

/**
 * A file's line ("payslip.pdf (120 KB, PDF)") in the page's language with only the name isolated
 * (`<bdi>`): isolating the whole line made an Arabic line read left to right from the Latin name,
 * with its size and type words out of order.
 */
function lineWithName(file: StoredFile, name: string, t: Translate, lang: string): string {
  const line = fileSummaryLine({ ...file, name: NAME }, { t, lang });
  return escapeHtml(line).split(escapeHtml(NAME)).join(name);
}

/**
 * Check answers' value for a file question: each file's line with a Remove button. The buttons
 * post the page's own form (its CSRF token) to `action` (`formaction`), so no second form and no
 * script are needed; other rows keep their lines.
 */
export function filesWithRemove(
  form: FormDefinition,
  draft: Draft,
  options: { t: Translate; lang: string; action: string },
): (row: SummaryRow) => string | undefined {
  const { t, lang, action } = options;
  const places = filePlaces(form, draft);
  return (row) => {
    const place = places.find(
      (p) => p.questionId === row.questionId && p.step.key === row.step.key,
    );
    if (!place || place.files.length === 0) return undefined;
    const items = place.files.map((file) => {
      const name = `<bdi>${escapeHtml(file.name)}</bdi>`;
      return (
        `<li class="cf-file-line">${lineWithName(file, name, t, lang)} ` +
        `<button type="submit" formaction="${escapeHtml(action)}" name="removeFile" value="${escapeHtml(file.id)}" ` +
        `class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">` +
        `${escapeHtml(t('questions:file.remove'))}<span class="govuk-visually-hidden"> ${name}</span></button></li>`
      );
    });
    return `<ul class="govuk-list cf-file-lines">${items.join('')}</ul>`;
  };
}
