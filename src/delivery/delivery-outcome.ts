/**
 * What one try at a delivery gave, for the outbox to record: done, or failed and why. The
 * `failure` is data (the staff pages put it into words from the locale files); `detail` is a
 * short technical line for operators (a status code, an error code), never a body or an answer.
 */
export type DeliveryOutcome =
  | { ok: true; detail: string }
  | { ok: false; failure: DeliveryFailure; detail: string; status?: number };

/**
 * Why a try failed:
 * - `timeout`: no answer within the destination's time limit;
 * - `network`: no connection (refused, reset, name not found);
 * - `tls`: the connection was not encrypted as required, or its certificate was refused;
 * - `status`: the receiver answered, but not with a 2xx;
 * - `redirect`: the receiver answered with a redirect, which is never followed;
 * - `rejected`: the email server or Notify refused the message (an address, a template, the key).
 */
export type DeliveryFailure = 'timeout' | 'network' | 'tls' | 'status' | 'redirect' | 'rejected';

/**
 * The failure a connection error stands for, by its code (node's, undici's or OpenSSL's): a time
 * limit, a certificate or handshake, or otherwise the network (refused, reset, not found).
 */
export function failureOfCode(code: string | undefined): DeliveryFailure {
  if (!code) return 'network';
  if (code === 'ETIMEDOUT' || code.includes('TIMEOUT')) return 'timeout';
  if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)) return 'tls';
  return 'network';
}
