import { randomCode, UNAMBIGUOUS_ALPHABET } from '../engine/reference';

/** How many characters a resume code has: 23^10, about 45 bits of randomness. */
export const RESUME_CODE_LENGTH = 10;

const VALID = new RegExp(`^[${UNAMBIGUOUS_ALPHABET}]{${RESUME_CODE_LENGTH}}$`);

/**
 * A new resume code from crypto randomness, grouped to be written down or read over the phone.
 *
 * @example
 *   newResumeCode(); // 'K7QM-3XPD-9C'
 */
export function newResumeCode(): string {
  return randomCode(RESUME_CODE_LENGTH, [4, 4]);
}

/**
 * A typed code as stored (upper case, no spaces or dashes), or undefined when it cannot be one.
 * The alphabet leaves out both sides of every pair people confuse (0/O, 1/I/L, 5/S, 2/Z, 8/B,
 * U/V), so no typed character can safely stand for another: such a code is refused, not guessed.
 *
 * @example
 *   normaliseResumeCode(' k7qm 3xpd-9c '); // 'K7QM3XPD9C'
 */
export function normaliseResumeCode(typed: string): string | undefined {
  const code = typed.toUpperCase().replace(/[\s_.\-\u2010-\u2015]+/g, '');
  return VALID.test(code) ? code : undefined;
}
