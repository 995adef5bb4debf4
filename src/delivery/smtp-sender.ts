import nodemailer from 'nodemailer';
import type { AgencyEmail } from './agency-email';
import { failureOfCode, type DeliveryOutcome } from './delivery-outcome';
import type { SmtpDestination } from './destination';

/** nodemailer's error codes that mean the server refused the message, its sender or recipients. */
const REFUSED = new Set(['EAUTH', 'ENOAUTH', 'EENVELOPE', 'EMESSAGE', 'EPROTOCOL']);

/** What a failed send says, in the words of nodemailer and the server (never the message). */
function failureOf(error: unknown): DeliveryOutcome {
  const { code, originalCode, responseCode, response } = error as {
    code?: string;
    originalCode?: string;
    responseCode?: number;
    response?: string;
  };
  const said = typeof response === 'string' ? `: ${response.slice(0, 200)}` : '';
  const codes = [code, originalCode].filter(Boolean).join(' ');
  const detail = `${codes || (error as Error).message}${said}`;
  if (code === 'ETLS' || code === 'EREQUIRETLS') return { ok: false, failure: 'tls', detail };
  if (code && REFUSED.has(code)) {
    const status = responseCode ? { status: responseCode } : {};
    return { ok: false, failure: 'rejected', detail, ...status };
  }
  // A socket error keeps the system's code (ECONNREFUSED, CERT_HAS_EXPIRED) as `originalCode`.
  return { ok: false, failure: failureOfCode(originalCode ?? code), detail };
}

/**
 * Sends an agency email through the destination's SMTP server, one connection per email. TLS is
 * required (STARTTLS, or from the first byte on port 465) unless the destination allows a local
 * relay without it; certificates are checked. `messageId` lets mail clients see a resend as the
 * same message. Done when the server accepts the message for every recipient.
 *
 * @example
 *   await sendSmtp(destination, await agencyEmail(form, submission, options), '<msg_..@forms>');
 */
export async function sendSmtp(
  destination: SmtpDestination,
  email: AgencyEmail,
  messageId: string,
): Promise<DeliveryOutcome> {
  const transport = nodemailer.createTransport({
    host: destination.host,
    port: destination.port,
    secure: destination.implicitTls,
    requireTLS: !destination.implicitTls && !destination.allowInsecure,
    ...(destination.auth ? { auth: { ...destination.auth } } : {}),
    connectionTimeout: destination.timeoutMs,
    greetingTimeout: destination.timeoutMs,
    socketTimeout: destination.timeoutMs,
    tls: { minVersion: 'TLSv1.2' },
  });
  try {
    const info = await transport.sendMail({
      from: destination.from,
      to: [...destination.to],
      subject: email.subject,
      text: email.text,
      attachments: email.attachments,
      messageId,
    });
    if (info.rejected.length > 0) {
      return {
        ok: false,
        failure: 'rejected',
        detail: `refused ${info.rejected.length} recipient(s)`,
      };
    }
    return { ok: true, detail: String(info.response).slice(0, 200) };
  } catch (error) {
    return failureOf(error);
  } finally {
    transport.close();
  }
}
