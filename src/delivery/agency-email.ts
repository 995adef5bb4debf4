import type { i18n } from 'i18next';
import type { FormDefinition } from '../definition/types';
import { answersPdf } from '../paper/answers-pdf';
import type { Submission } from '../store/store';
import { translator } from '../web/i18n';
import { answersText } from './answers-text';
import type { LinkOf } from './delivery-files';
import { emailFiles, type EmailAttachment } from './email-files';
import { submissionFiles } from './payload-files';
import type { BlobStore } from '../uploads/blob-store';

/** An email to an agency's inbox: plain text, with the answers PDF and files when they fit. */
export interface AgencyEmail {
  subject: string;
  text: string;
  attachments: EmailAttachment[];
}

/** How an email carries uploaded files: attached up to `limitBytes` in all, the rest linked. */
export interface AgencyEmailFiles {
  blobs: BlobStore;
  limitBytes: number;
  linkOf: LinkOf;
}

/**
 * The email an agency receives for a submission, in the form's own language: a first line naming
 * the agency (`agency`: its name in that language), the form and the reference, the answers as
 * text, and the answers PDF attached unless it is larger than `attachmentLimitBytes` (the text
 * then says so, and where staff find it); with `files`, the uploaded files attached up to their
 * limit and the rest as signed links (without, they are listed by name).
 *
 * @example
 *   const email = await agencyEmail(form, submission, {
 *     i18n,
 *     agency: 'Northbrook Housing',
 *     attachmentLimitBytes: 10 << 20,
 *   });
 */
export async function agencyEmail(
  form: FormDefinition,
  submission: Submission,
  options: { i18n: i18n; agency: string; attachmentLimitBytes: number; files?: AgencyEmailFiles },
): Promise<AgencyEmail> {
  const t = translator(options.i18n, form.language);
  const pdf = await answersPdf(form, submission, form.language, t);
  const fits = pdf.length <= options.attachmentLimitBytes;
  const note = fits
    ? t('delivery:email.pdfAttached')
    : t('delivery:email.pdfTooLarge', { size: Math.ceil(pdf.length / 1024) });
  const files = await emailFiles(submissionFiles(form, submission), {
    t,
    lang: form.language,
    limitBytes: options.files?.limitBytes ?? 0,
    blobs: options.files?.blobs,
    linkOf: options.files?.linkOf,
  });
  const pdfAttachment = {
    filename: `${submission.formId}-${submission.reference}.pdf`,
    contentType: 'application/pdf',
    content: pdf,
  };
  return {
    subject: t('delivery:email.subject', { title: form.title, reference: submission.reference }),
    text: `${answersText(form, submission, t, options.agency)}\n${note}\n${files.lines.map((l) => `${l}\n`).join('')}`,
    attachments: [...(fits ? [pdfAttachment] : []), ...files.attachments],
  };
}
