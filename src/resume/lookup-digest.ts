import { createHmac } from 'node:crypto';

/** What a digest is of, so a code's digest can never equal a client's. */
export type DigestPurpose = 'resume-code' | 'resume-client' | 'save-session' | 'save-client';

/**
 * A keyed SHA-256 digest (HMAC) of a value that must be found again by value: a resume code, a
 * client's address. Without the key (the session secret) the stored digests reveal neither.
 *
 * @example
 *   lookupDigest(config.sessionSecret, 'resume-code', 'K7QM3XPD9C');
 */
export function lookupDigest(key: string, purpose: DigestPurpose, value: string): string {
  return createHmac('sha256', key).update(`${purpose}:${value}`).digest('base64url');
}
