import { createHash } from 'node:crypto';
import type { FormDefinition } from '../definition/types';

// No 0/O, 1/I/L: a code read over the phone or keyed in from paper must not be misread.
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/**
 * A short code naming a form and its version, printed on every page of the paper form so a
 * returned form can be matched to the definition it was printed from. Stable: the same id and
 * version always give the same code.
 * @example formCode({ id: 'council-tax-reduction', version: '1.0' }) // 'CTR-1.0-…' (4 more characters)
 */
export function formCode(form: Pick<FormDefinition, 'id' | 'version'>): string {
  const initials = form.id
    .split('-')
    .map((word) => word.charAt(0))
    .join('')
    .toUpperCase()
    .slice(0, 4);
  const digest = createHash('sha256').update(`${form.id}\n${form.version}`).digest();
  const check = [...digest.subarray(0, 4)].map((byte) => ALPHABET[byte % ALPHABET.length]).join('');
  return `${initials}-${form.version}-${check}`;
}
