import {
  UNAMBIGUOUS_ALPHABET,
  newReference,
  normaliseCode,
  randomCode,
} from '../../src/engine/reference';

describe('reference', () => {
  describe('UNAMBIGUOUS_ALPHABET', () => {
    it('leaves out every character that can be misread as another', () => {
      for (const confusable of '0O1IL5S2Z8BUV') {
        expect(UNAMBIGUOUS_ALPHABET).not.toContain(confusable);
      }
    });

    it('holds each character once, all upper case or digits', () => {
      expect(new Set(UNAMBIGUOUS_ALPHABET).size).toBe(UNAMBIGUOUS_ALPHABET.length);
      expect(UNAMBIGUOUS_ALPHABET).toMatch(/^[0-9A-Z]+$/);
    });
  });

  describe('newReference', () => {
    const draws = Array.from({ length: 20_000 }, () => newReference());

    it('is ten characters in groups of four, four and two, like K7QM-3XPD-9C', () => {
      const shape = /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2}$/;
      expect(draws.filter((reference) => !shape.test(reference))).toEqual([]);
    });

    it('uses only the unambiguous alphabet', () => {
      const used = new Set(draws.join('').replace(/-/g, ''));
      for (const character of used) expect(UNAMBIGUOUS_ALPHABET).toContain(character);
    });

    it('uses every character of the alphabet, so no part of it is wasted', () => {
      const used = new Set(draws.join('').replace(/-/g, ''));
      expect([...used].sort().join('')).toBe([...UNAMBIGUOUS_ALPHABET].sort().join(''));
    });

    it('never repeats itself over 20,000 draws', () => {
      expect(new Set(draws).size).toBe(draws.length);
    });
  });

  describe('randomCode', () => {
    it('groups a code as asked, with the rest in a last group', () => {
      expect(randomCode(6, [3])).toMatch(/^[0-9A-Z]{3}-[0-9A-Z]{3}$/);
      expect(randomCode(8, [4, 4])).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      expect(randomCode(5, [])).toMatch(/^[0-9A-Z]{5}$/);
    });
  });

  describe('normaliseCode', () => {
    it('reads a reference typed in lower case, with spaces instead of dashes', () => {
      expect(normaliseCode('k7qm 3xpd 9c')).toBe('K7QM3XPD9C');
    });

    it('ignores dashes, stray spaces and punctuation', () => {
      expect(normaliseCode(' K7QM-3XPD-9C ')).toBe('K7QM3XPD9C');
      expect(normaliseCode('k7qm–3xpd.9c')).toBe('K7QM3XPD9C');
    });

    it('gives the same code for a reference and its normalised form', () => {
      const reference = newReference();
      expect(normaliseCode(normaliseCode(reference))).toBe(normaliseCode(reference));
      expect(normaliseCode(reference.toLowerCase().replace(/-/g, ' '))).toBe(
        reference.replace(/-/g, ''),
      );
    });
  });
});
