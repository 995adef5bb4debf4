import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** What a person chooses to prove a saved form is theirs. */
export const SECRET_KINDS = ['date-of-birth', 'memorable-word'] as const;
export type SecretKind = (typeof SECRET_KINDS)[number];

/** A secret as given: its kind, and its value already read (an ISO date, or the word typed). */
export interface Secret {
  kind: SecretKind;
  value: string;
}

/** The stored form of a secret: a scrypt hash with its own salt, never the secret itself. */
export interface HashedSecret {
  kind: SecretKind;
  salt: string;
  hash: string;
}

// scrypt's recommended interactive cost (16 MiB, tens of milliseconds): slow enough that a stolen
// database cannot be searched through every date of birth cheaply, fast enough for a page.
const COST: ScryptOptions = { N: 2 ** 14, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_LENGTH = 32;

/**
 * The secret as compared: dates as `YYYY-MM-DD`; words in lower case with spaces tidied, so
 * "Blue  Heron" and "blue heron" match (a caseworker may be told it over the phone).
 */
export function normaliseSecret(secret: Secret): string {
  const value =
    secret.kind === 'memorable-word'
      ? secret.value.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim()
      : secret.value.trim();
  // The kind is part of what is hashed: a date of birth never matches a word that looks like one.
  return `${secret.kind}:${value}`;
}

function derive(secret: Secret, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(normaliseSecret(secret), salt, KEY_LENGTH, COST, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/** Hashes a secret with scrypt and a new random salt. */
export async function hashSecret(secret: Secret): Promise<HashedSecret> {
  const salt = randomBytes(16);
  const hash = await derive(secret, salt);
  return { kind: secret.kind, salt: salt.toString('base64'), hash: hash.toString('base64') };
}

/** Whether a given secret is the stored one, compared in constant time. */
export async function secretMatches(given: Secret, stored: HashedSecret): Promise<boolean> {
  // Hashed even when the kinds differ, so the time taken does not tell which kind was stored.
  const hash = await derive(given, Buffer.from(stored.salt, 'base64'));
  const expected = Buffer.from(stored.hash, 'base64');
  return (
    expected.length === hash.length && timingSafeEqual(hash, expected) && given.kind === stored.kind
  );
}
