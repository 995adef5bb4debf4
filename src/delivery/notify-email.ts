import type { i18n } from 'i18next';
import type { FormDefinition } from '../definition/types';
import { answersPdf } from '../paper/answers-pdf';
import type { Submission } from '../store/store';
import { translator } from '../web/i18n';
import { answersText } from './answers-text';
import type { LinkOf } from './delivery-files';
import { emailFiles } from './email-files';
import { submissionFiles } from './payload-files';

/** GOV.UK Notify's largest file sent by email (its client's `prepareUpload` refuses more). */
export const NOTIFY_FILE_LIMIT_BYTES = 2 * 1024 * 1024;

/**
 * A Notify email: the placeholders the agency's template may use, each in the form's own
 * language, the reference Notify keeps with the notification, and the answers PDF when asked for.
 */
export interface NotifyEmail {
  reference: string;
  personalisation: {
    reference: string;
    form_title: string;
    form_id: string;
    /** The agency's name in the form's language. */
    agency: string;
    submitted_at: string;
    channel: string;
    /** The submission's details and answers as plain text, as the SMTP email carries them. */
    answers: string;
    /** Why the PDF is not there, when it is too large for Notify. */
    link_to_file?: string;
  };
  /** The answers PDF, sent as `((link_to_file))`. */
  pdf?: { filename: string; content: Buffer };
}

/**
 * What a submission sends through Notify: its details and answers as placeholders
 * (`((reference))`, `((form_title))`, `((agency))`, `((answers))`...), and with `includePdf` the answers PDF
 * for `((link_to_file))`, or words saying it is too large for Notify. Uploaded files are listed
 * at the end of `((answers))`, each with a signed link when `linkOf` is given.
 *
 * @example
 *   const email = await notifyEmail(form, submission, {
 *     i18n,
 *     agency: 'Northbrook Housing',
 *     includePdf: false,
 *   });
 */
export async function notifyEmail(
  form: FormDefinition,
  submission: Submission,
  options: { i18n: i18n; agency: string; includePdf: boolean; linkOf?: LinkOf },
): Promise<NotifyEmail> {
  const t = translator(options.i18n, form.language);
  // Notify sends one file at most: uploaded files go as links in ((answers)).
  const files = await emailFiles(submissionFiles(form, submission), {
    t,
    lang: form.language,
    limitBytes: 0,
    linkOf: options.linkOf,
  });
  const email: NotifyEmail = {
    reference: submission.reference,
    personalisation: {
      reference: submission.reference,
      form_title: form.title,
      form_id: submission.formId,
      agency: options.agency,
      submitted_at: new Date(submission.submittedAt).toISOString(),
      channel: t(`caseworker:channel.${submission.channel}`),
      answers:
        answersText(form, submission, t, options.agency) +
        files.lines.map((l) => `${l}\n`).join(''),
    },
  };
  if (!options.includePdf) return email;
  const pdf = await answersPdf(form, submission, form.language, t);
  if (pdf.length > NOTIFY_FILE_LIMIT_BYTES) {
    const size = Math.ceil(pdf.length / 1024);
    email.personalisation.link_to_file = t('delivery:email.pdfTooLarge', { size });
  } else {
    email.pdf = { filename: `${submission.formId}-${submission.reference}.pdf`, content: pdf };
  }
  return email;
}
