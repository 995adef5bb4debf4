import { ownDirection } from '../../src/paper/direction';
import { printable } from '../../src/paper/unprintable';

const marker = (n: number) => `[${n}]`;

describe('printable: what the answers PDF prints for what someone typed', () => {
  it('keeps every character its fonts draw, in every language of the service', () => {
    for (const typed of [
      'Amara Okafor',
      'Ŵyn Ŷr',
      'Señora Núñez',
      'أمارا أوكافور',
      '£1,200 – ½ € © № °',
    ]) {
      expect(printable(typed, 1, marker)).toEqual({ line: typed, unprintable: [] });
    }
  });

  it('puts a numbered mark for each run of characters it cannot draw, whole as a reader sees them', () => {
    expect(printable('Home 🏠 at 12 → 14 王芳 👍🏽 🇬🇧', 3, marker)).toEqual({
      line: 'Home [3] at 12 [4] 14 [5] [6] [7]',
      unprintable: [
        { number: 3, codes: ['U+1F3E0'], emoji: true },
        { number: 4, codes: ['U+2192'], emoji: false },
        { number: 5, codes: ['U+738B', 'U+82B3'], emoji: false },
        { number: 6, codes: ['U+1F44D', 'U+1F3FD'], emoji: true },
        { number: 7, codes: ['U+1F1EC', 'U+1F1E7'], emoji: true },
      ],
    });
  });
});

describe('ownDirection', () => {
  it('reads a typed answer in the direction of its first letter, left to right without one', () => {
    expect(ownDirection('07700 900123')).toBe('ltr');
    expect(ownDirection('12 High Street')).toBe('ltr');
    expect(ownDirection('أمارا أوكافور')).toBe('rtl');
    expect(ownDirection('12 شارع المحطة')).toBe('rtl');
  });
});
