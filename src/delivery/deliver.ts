import type { i18n } from 'i18next';
import { DEFAULT_AGENCY_NAME_KEY } from '../agency/default-agency';
import type { FormDefinition } from '../definition/types';
import { answersPdf } from '../paper/answers-pdf';
import type { Submission } from '../store/store';
import { translator } from '../web/i18n';
import { agencyEmail } from './agency-email';
import type { DeliveryOutcome } from './delivery-outcome';
import {
  DEFAULT_EMAIL_LINK_MS,
  DEFAULT_WEBHOOK_LINK_MS,
  type Destination,
  type PullApiDestination,
} from './destination';
import { linksFor, type DeliveryFiles } from './delivery-files';
import { withFileLinks, withInlineFiles } from './payload-files';
import { notifyEmail } from './notify-email';
import { sendNotify } from './notify-sender';
import { sendSmtp } from './smtp-sender';
import { webhookId } from './webhook-id';
import { webhookPayload, withAnswersPdf } from './webhook-payload';
import { sendWebhook } from './webhook-sender';

/** A destination something is sent to: every type but the pull API, which waits for a receipt. */
export type SendingDestination = Exclude<Destination, PullApiDestination>;

/** One try at delivering a submission to a destination. */
export interface DeliveryJob {
  destination: SendingDestination;
  submission: Submission;
  /** The form's own definition (not a translation): labels and email words come from it. */
  form: FormDefinition;
  /** The agency whose form it is, named in a webhook's payload. */
  agency?: string;
  /** That agency's name in the form's language, named in emails; the default agency's if not given. */
  agencyName?: string;
}

/**
 * What a try needs from the service: its translations, the clock for the signature, and for
 * forms with file questions, the files and the signer of their links.
 */
export interface DeliveryServices {
  i18n: i18n;
  now?: () => Date;
  files?: DeliveryFiles;
}

/**
 * Makes one try at delivering a submission to a destination, whatever its type, and says how it
 * went, for the outbox to record (and to schedule the next try with `nextTry` when it failed).
 * The same submission and destination give the same `webhook-id` and email `Message-ID` on every
 * try. Never throws for a failed delivery: every failure is an outcome.
 *
 * @example
 *   const outcome = await deliver({ destination, submission, form }, { i18n });
 */
export async function deliver(
  job: DeliveryJob,
  services: DeliveryServices,
): Promise<DeliveryOutcome> {
  const { destination, submission, form } = job;
  const id = webhookId(submission.reference, destination.id);
  const now = (services.now?.() ?? new Date()).getTime();
  const { files } = services;
  const agencyName = () =>
    job.agencyName ?? translator(services.i18n, form.language)(DEFAULT_AGENCY_NAME_KEY);
  const linkOf = (lifetimeMs: number | undefined, fallback: number) =>
    files && linksFor(files, submission.reference, destination.id, lifetimeMs ?? fallback, now);
  switch (destination.type) {
    case 'webhook': {
      let payload = webhookPayload(form, submission, job.agency);
      if (files && destination.files === 'inline') {
        payload = await withInlineFiles(payload, files.blobs);
      } else if (files) {
        const link = linksFor(
          files,
          submission.reference,
          destination.id,
          destination.fileLinkMs ?? DEFAULT_WEBHOOK_LINK_MS,
          now,
        );
        payload = withFileLinks(payload, (file) => link(file.id));
      }
      if (destination.includePdf) {
        const t = translator(services.i18n, form.language);
        payload = withAnswersPdf(payload, await answersPdf(form, submission, form.language, t));
      }
      return sendWebhook(destination, { id, body: JSON.stringify(payload) }, services.now);
    }
    case 'email-smtp': {
      const linked = linkOf(destination.fileLinkMs, DEFAULT_EMAIL_LINK_MS);
      const email = await agencyEmail(form, submission, {
        i18n: services.i18n,
        agency: agencyName(),
        attachmentLimitBytes: destination.attachmentLimitBytes,
        files: files &&
          linked && {
            blobs: files.blobs,
            linkOf: linked,
            limitBytes: destination.fileAttachmentLimitBytes ?? files.emailAttachmentLimitBytes,
          },
      });
      const domain = destination.from.split('@')[1] ?? 'civic-forms.invalid';
      return sendSmtp(destination, email, `<${id}@${domain}>`);
    }
    case 'notify': {
      const email = await notifyEmail(form, submission, {
        i18n: services.i18n,
        agency: agencyName(),
        includePdf: destination.includePdf,
        linkOf: linkOf(destination.fileLinkMs, DEFAULT_EMAIL_LINK_MS),
      });
      return sendNotify(destination, email);
    }
  }
}
