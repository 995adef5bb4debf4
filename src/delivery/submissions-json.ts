import type { WebhookPayload } from './webhook-payload';

/**
 * Submissions as a JSON export: a list of payloads exactly as webhooks and the pull API send them
 * (`schema/webhook-payload.schema.json`), so one reader serves all three. No byte order mark: JSON
 * is UTF-8 without one (RFC 8259).
 */
export function submissionsJson(payloads: readonly WebhookPayload[]): string {
  return `${JSON.stringify(payloads, null, 2)}\n`;
}
