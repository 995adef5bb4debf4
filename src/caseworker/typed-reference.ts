import { normaliseCode, UNAMBIGUOUS_ALPHABET } from '../engine/reference';

/** What a typed reference turned out to be. */
export type TypedReference =
  { kind: 'empty' } | { kind: 'malformed' } | { kind: 'reference'; reference: string };

const REFERENCE_LENGTH = 10;

/**
 * Reads a reference as a caller might read it out or a caseworker type it: any case, with or
 * without spaces and dashes (`k7qm 3xpd 9c`), into the stored form (`K7QM-3XPD-9C`).
 */
export function readTypedReference(typed: string): TypedReference {
  const code = normaliseCode(typed);
  if (code === '') return { kind: 'empty' };
  const fits =
    code.length === REFERENCE_LENGTH && [...code].every((c) => UNAMBIGUOUS_ALPHABET.includes(c));
  if (!fits) return { kind: 'malformed' };
  return {
    kind: 'reference',
    reference: `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`,
  };
}
