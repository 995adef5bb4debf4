import axios from 'axios';
import { NotifyClient } from 'notifications-node-client';
import { failureOfCode, type DeliveryOutcome } from './delivery-outcome';
import type { NotifyDestination } from './destination';
import type { NotifyEmail } from './notify-email';

/** What Notify's API answers on an error: `{ status_code, errors: [{ error, message }] }`. */
interface NotifyErrorBody {
  errors?: Array<{ error?: string; message?: string }>;
}

function failureOf(error: unknown): DeliveryOutcome {
  const { response, code } = error as {
    response?: { status: number; data?: NotifyErrorBody };
    code?: string;
  };
  if (!response) {
    if (code === 'ECONNABORTED' || code === 'ETIMEDOUT') {
      return { ok: false, failure: 'timeout', detail: code };
    }
    return { ok: false, failure: failureOfCode(code), detail: code ?? String(error) };
  }
  const { status } = response;
  const first = response.data?.errors?.[0];
  const said = first ? ` ${first.error ?? ''}: ${first.message ?? ''}`.slice(0, 200) : '';
  const detail = `HTTP ${status}${said}`;
  if (status >= 300 && status < 400) return { ok: false, failure: 'redirect', status, detail };
  // Notify refuses the request itself (a template, a personalisation, the key): 400 and 403.
  if (status === 400 || status === 403) return { ok: false, failure: 'rejected', status, detail };
  return { ok: false, failure: 'status', status, detail };
}

/**
 * Sends an email through GOV.UK Notify with its official client, from the destination's template
 * to the agency's address. The answers PDF goes as Notify's `link_to_file` (the reader confirms
 * their email address before downloading). Done when Notify accepts it (201); Notify's own errors
 * (400 bad template or personalisation, 403 key, 429 limits, 5xx) are failures.
 *
 * @example
 *   const outcome = await sendNotify(destination, await notifyEmail(form, submission, options));
 */
export async function sendNotify(
  destination: NotifyDestination,
  email: NotifyEmail,
): Promise<DeliveryOutcome> {
  const client = new NotifyClient(destination.baseUrl, destination.apiKey);
  // The client's own axios has no time limit and follows redirects.
  client.setClient(axios.create({ timeout: destination.timeoutMs, maxRedirects: 0 }));
  const personalisation: Record<string, unknown> = { ...email.personalisation };
  if (email.pdf) {
    personalisation.link_to_file = client.prepareUpload(email.pdf.content, {
      filename: email.pdf.filename,
      confirmEmailBeforeDownload: true,
    });
  }
  try {
    const response = await client.sendEmail(destination.templateId, destination.emailAddress, {
      personalisation,
      reference: email.reference,
    });
    return { ok: true, detail: `notification ${response.data.id}` };
  } catch (error) {
    return failureOf(error);
  }
}
