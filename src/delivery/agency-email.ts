import type { i18n } from 'i18next';
import type { FormDefinition } from '../definition/types';
import { answersPdf } from '../paper/answers-pdf';
import type { Submission } from '../store/store';
import { translator } from '../web/i18n';
import { answersText } from './answers-text';

/** An email to an agency's inbox: plain text, with the answers PDF when it fits. */
export interface AgencyEmail {
  subject: string;
  text: string;
  attachments: Array<{ filename: string; contentType: 'application/pdf'; content: Buffer }>;
}

/**
 * The email an agency receives for a submission, in the form's own language: the answers as
 * text, and the answers PDF attached unless it is larger than `attachmentLimitBytes` (the text
 * then says so, and where staff find it).
 *
 * @example
 *   const email = await agencyEmail(form, submission, { i18n, attachmentLimitBytes: 10 << 20 });
 */
export async function agencyEmail(
  form: FormDefinition,
  submission: Submission,
  options: { i18n: i18n; attachmentLimitBytes: number },
): Promise<AgencyEmail> {
  const t = translator(options.i18n, form.language);
  const pdf = await answersPdf(form, submission, form.language, t);
  const fits = pdf.length <= options.attachmentLimitBytes;
  const note = fits
    ? t('delivery:email.pdfAttached')
    : t('delivery:email.pdfTooLarge', { size: Math.ceil(pdf.length / 1024) });
  return {
    subject: t('delivery:email.subject', { title: form.title, reference: submission.reference }),
    text: `${answersText(form, submission, t)}\n${note}\n`,
    attachments: fits
      ? [
          {
            filename: `${submission.formId}-${submission.reference}.pdf`,
            contentType: 'application/pdf',
            content: pdf,
          },
        ]
      : [],
  };
}
