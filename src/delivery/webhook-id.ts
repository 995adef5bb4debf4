import { normaliseCode } from '../engine/reference';

/**
 * The `webhook-id` of a submission's delivery to a destination: the same on every try, replay
 * and process, so a receiver that saw it before knows it is the same message (at-least-once
 * delivery). Made of the reference and the destination id, which both say what it is.
 *
 * @example
 *   webhookId('K7QM-3XPD-9C', 'housing-webhook'); // 'msg_K7QM3XPD9C_housing-webhook'
 */
export function webhookId(reference: string, destinationId: string): string {
  return `msg_${normaliseCode(reference)}_${destinationId}`;
}
