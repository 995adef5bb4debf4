import { UNAMBIGUOUS_ALPHABET } from '../../src/engine/reference';
import { newResumeCode, normaliseResumeCode } from '../../src/resume/resume-code';

describe('resume-code', () => {
  const draws = Array.from({ length: 5000 }, () => newResumeCode());

  it('is ten characters of the unambiguous alphabet, grouped like K7QM-3XPD-9C', () => {
    const shape = new RegExp(
      `^[${UNAMBIGUOUS_ALPHABET}]{4}-[${UNAMBIGUOUS_ALPHABET}]{4}-[${UNAMBIGUOUS_ALPHABET}]{2}$`,
    );
    expect(draws.filter((code) => !shape.test(code))).toEqual([]);
    expect(new Set(draws).size).toBe(draws.length);
  });

  it('reads a code typed in any case, with spaces, dashes or dots', () => {
    expect(normaliseResumeCode('K7QM-3XPD-9C')).toBe('K7QM3XPD9C');
    expect(normaliseResumeCode(' k7qm 3xpd 9c ')).toBe('K7QM3XPD9C');
    expect(normaliseResumeCode('k7qm3xpd–9c')).toBe('K7QM3XPD9C');
    expect(normaliseResumeCode('K7QM.3XPD.9C')).toBe('K7QM3XPD9C');
  });

  it('refuses what cannot be a code rather than guessing at a misread character', () => {
    // The alphabet has neither O nor 0, neither I nor 1, so no lookalike can stand for another.
    expect(normaliseResumeCode('K7QM-3XPD-9O')).toBeUndefined();
    expect(normaliseResumeCode('K7QM-3XPD-90')).toBeUndefined();
    expect(normaliseResumeCode('K7QM-3XPD-9')).toBeUndefined();
    expect(normaliseResumeCode('K7QM-3XPD-9CC')).toBeUndefined();
    expect(normaliseResumeCode('')).toBeUndefined();
  });
});
