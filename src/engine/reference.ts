import { randomInt } from 'node:crypto';

/**
 * Letters and digits that cannot be mistaken for one another when read aloud or handwritten:
 * no 0/O, 1/I/L, 5/S, 2/Z, 8/B, U/V.
 */
export const UNAMBIGUOUS_ALPHABET = '34679ACDEFGHJKMNPQRTWXY';

/** A random code from the unambiguous alphabet, grouped with dashes, e.g. `K7QM-3XPD-9C`. */
export function randomCode(length: number, groups: number[] = [4, 4]): string {
  let code = '';
  for (let i = 0; i < length; i += 1)
    code += UNAMBIGUOUS_ALPHABET[randomInt(UNAMBIGUOUS_ALPHABET.length)];
  const parts: string[] = [];
  let at = 0;
  for (const size of groups) {
    if (at >= length) break;
    parts.push(code.slice(at, at + size));
    at += size;
  }
  if (at < length) parts.push(code.slice(at));
  return parts.join('-');
}

/** A submission reference: 10 characters, about 45 bits of randomness, e.g. `K7QM-3XPD-9C`. */
export function newReference(): string {
  return randomCode(10);
}

/** Normalises a typed reference or code: any case, spaces and dashes ignored. */
export function normaliseCode(typed: string): string {
  return typed.toUpperCase().replace(/[^0-9A-Z]/g, '');
}
