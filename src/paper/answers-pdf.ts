import { localise } from '../definition/translation';
import type { FormDefinition } from '../definition/types';
import { summarise } from '../engine/check-answers';
import { finishedDraft } from '../engine/finished-draft';
import { intlLocale } from '../questions/intl-locale';
import type { Translate } from '../questions/question-type';
import type { Submission } from '../store/store';
import { itemHeading } from '../web/item-heading';
import { ownDirection, textDirection } from './direction';
import { PdfPen } from './pdf-pen';
import { printable, type Unprintable } from './unprintable';

const TITLE = { size: 20, weight: 'bold' as const };
const HEADING = { size: 14, weight: 'bold' as const };
const LABEL = { size: 11, weight: 'bold' as const };
const TEXT = { size: 11 };
const QUIET = { size: 11, quiet: true };

/** The date and time a submission was sent, in the language and the service's time zone. */
function sentOn(submission: Submission, lang: string): string {
  return new Intl.DateTimeFormat(intlLocale(lang), {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/London',
  }).format(new Date(submission.submittedAt));
}

/**
 * A copy of what was sent, as a PDF: the reference number, when it was sent, and every question
 * and answer as check answers showed them (items of repeating sections under their own headings),
 * in `lang`, with the same fonts and right-to-left layout as the paper form. Each line of an answer
 * is laid out in its own direction, and characters no font here can draw are never altered: a
 * numbered mark stands in their place, with a note giving their code points.
 *
 * @example
 *   const pdf = await answersPdf(form, submission, 'cy', translator(i18n, 'cy'));
 */
export function answersPdf(
  form: FormDefinition,
  submission: Submission,
  lang: string,
  t: Translate,
): Promise<Buffer> {
  const localised = localise(form, lang);
  const pen = new PdfPen({
    lang,
    dir: textDirection(lang),
    title: `${localised.title}: ${submission.reference}`,
  });
  pen.text(t('paper:answers.title'), TITLE);
  pen.text(localised.title, HEADING);
  pen.space(8);
  pen.text(t('paper:answers.reference'), LABEL);
  pen.text(submission.reference, { size: 16, weight: 'bold' });
  pen.text(t('paper:answers.submitted'), LABEL);
  pen.text(sentOn(submission, lang), TEXT);
  pen.space(14);
  const groups = summarise(localised, finishedDraft(localised, submission.answers), { t, lang });
  const marker = (number: number) => t('paper:answers.marker', { number });
  let next = 1;
  for (const group of groups) {
    if (group.item) {
      const { itemName, position } = group.item;
      pen.keep(() => {
        pen.space(6);
        pen.text(itemHeading(t, lang, itemName, position), HEADING);
      });
    }
    for (const row of group.rows) {
      const notes: Unprintable[] = [];
      const lines = row.lines?.map((typed) => {
        const { line, unprintable } = printable(typed, next + notes.length, marker);
        notes.push(...unprintable);
        return line;
      });
      next += notes.length;
      pen.keep(() => {
        pen.text(row.label, LABEL);
        // Each line in its own direction: a phone number or a Latin address reads as typed in Arabic.
        if (lines)
          for (const line of lines) pen.text(line, TEXT, 12, undefined, ownDirection(line));
        else pen.text(t('checkAnswers.notProvided'), QUIET, 12);
        for (const note of notes) {
          const key = note.emoji ? 'unprintableEmoji' : 'unprintable';
          pen.text(
            t(`paper:answers.${key}`, { number: note.number, codes: note.codes.join(' ') }),
            QUIET,
            12,
          );
        }
        pen.space(8);
      });
    }
  }
  return pen.finish(
    t('paper:answers.header', { title: localised.title, reference: submission.reference }),
    (page, pages) => t('paper:document.page', { page, pages }),
  );
}
