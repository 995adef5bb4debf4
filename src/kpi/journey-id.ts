import { createHmac, randomBytes } from 'node:crypto';

/** The key journey ids are made with: derived from a secret the database never holds. */
export function journeyIdKey(secret: string): Buffer {
  return createHmac('sha256', secret).update('civic-forms/kpi/journey-id').digest();
}

/**
 * The anonymous id of a stored transaction's journey: an HMAC of its transaction id, so a resumed
 * journey keeps its id, while the events table alone cannot be joined to the submissions table.
 */
export function journeyIdOf(key: Buffer, transactionId: string): string {
  return createHmac('sha256', key).update(transactionId).digest('hex').slice(0, 32);
}

/** A random id for a journey whose transaction is not stored yet (before its first answer). */
export function provisionalJourneyId(): string {
  return randomBytes(16).toString('hex');
}
