import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Every pull API key starts with this, so a leaked one is recognised (secret scanners, logs). */
export const API_KEY_PREFIX = 'cfk_';

const KEY_PATTERN = /^cfk_[A-Za-z0-9_-]{43}$/;

/**
 * A new pull API key: `cfk_` and 32 random bytes (256 bits) in base64url. It is shown once, to
 * the operator who made it; the service keeps only `hashApiKey(key)`.
 *
 * @example
 *   const key = newApiKey(); // 'cfk_Q2hpZGkgT2thZm9y...'
 */
export function newApiKey(): string {
  return `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/**
 * What the service stores for a key: its SHA-256, in hex. A fast hash is right here, unlike for
 * passwords: a key is 256 random bits, so there is nothing to guess from the hash (a slow hash
 * only slows the guessing of low-entropy secrets), and each request is checked by one lookup
 * without spending tens of milliseconds of CPU on a hash, which would itself invite a denial of
 * service.
 */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** Whether a presented key is the one whose hash is stored, in time that does not depend on where they differ. */
export function apiKeyMatches(presented: string, storedHash: string): boolean {
  const actual = Buffer.from(hashApiKey(presented), 'hex');
  const expected = Buffer.from(storedHash, 'hex');
  return expected.length === actual.length && timingSafeEqual(actual, expected);
}

/** The start of a key, for `api-keys list` to tell keys apart without keeping them. */
export function apiKeyHint(key: string): string {
  return `${key.slice(0, API_KEY_PREFIX.length + 4)}…`;
}

/**
 * The key an `Authorization: Bearer <key>` header carries, when it has the shape of one; undefined
 * otherwise (no header, another scheme, not a civic-forms key), which the API answers with 401.
 */
export function bearerKey(header: string | undefined): string | undefined {
  const match = /^Bearer +(\S+) *$/i.exec(header ?? '');
  const key = match?.[1];
  return key && KEY_PATTERN.test(key) ? key : undefined;
}
