import { Webhook } from 'standardwebhooks';
import { failureOfCode, type DeliveryOutcome } from './delivery-outcome';
import type { WebhookDestination } from './destination';

/** One message to a webhook: its `webhook-id` and the exact JSON text that is signed and sent. */
export interface WebhookMessage {
  id: string;
  body: string;
}

/** The code of the error under a failed `fetch` (undici puts it in `cause`, maybe in a list). */
function causeCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: string; errors?: Array<{ code?: string }> } }).cause;
  return cause?.code ?? cause?.errors?.[0]?.code;
}

/**
 * POSTs a message to a webhook, signed by the Standard Webhooks scheme (`webhook-id`,
 * `webhook-timestamp`, `webhook-signature`: HMAC-SHA256 of id, timestamp and body). Done on a
 * 2xx; a redirect is a failure (never followed: the signature is for this address), as are any
 * other status, no answer within the time limit, and no connection.
 *
 * @example
 *   const outcome = await sendWebhook(destination, { id: webhookId(ref, destination.id), body });
 */
export async function sendWebhook(
  destination: WebhookDestination,
  message: WebhookMessage,
  now: () => Date = () => new Date(),
): Promise<DeliveryOutcome> {
  const timestamp = now();
  const signature = new Webhook(destination.secret).sign(message.id, timestamp, message.body);
  let response: Response;
  try {
    response = await fetch(destination.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'civic-forms',
        'webhook-id': message.id,
        'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
        'webhook-signature': signature,
      },
      body: message.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(destination.timeoutMs),
    });
  } catch (error) {
    if ((error as Error).name === 'TimeoutError') {
      return { ok: false, failure: 'timeout', detail: `no answer in ${destination.timeoutMs} ms` };
    }
    const code = causeCode(error);
    return { ok: false, failure: failureOfCode(code), detail: code ?? (error as Error).message };
  }
  // What the receiver says is not read: it could echo the answers, and nothing here needs it.
  await response.body?.cancel().catch(() => undefined);
  const { status } = response;
  if (status >= 200 && status < 300) return { ok: true, detail: `HTTP ${status}` };
  if (status >= 300 && status < 400) {
    return { ok: false, failure: 'redirect', status, detail: `HTTP ${status}, not followed` };
  }
  return { ok: false, failure: 'status', status, detail: `HTTP ${status}` };
}
