import {
  SPELLING_ALPHABET,
  spellReference,
  spokenReference,
} from '../../src/caseworker/spell-reference';
import { UNAMBIGUOUS_ALPHABET } from '../../src/engine/reference';
import { createI18n, translator } from '../../src/web/i18n';

const i18n = createI18n();

describe('spellReference', () => {
  it('spells each group between dashes: letters with their code word, digits as they are', () => {
    expect(spellReference('K7QM-3XPD-9C')).toEqual([
      [
        { kind: 'letter', character: 'K', codeWord: 'Kilo' },
        { kind: 'digit', character: '7' },
        { kind: 'letter', character: 'Q', codeWord: 'Quebec' },
        { kind: 'letter', character: 'M', codeWord: 'Mike' },
      ],
      [
        { kind: 'digit', character: '3' },
        { kind: 'letter', character: 'X', codeWord: 'X-ray' },
        { kind: 'letter', character: 'P', codeWord: 'Papa' },
        { kind: 'letter', character: 'D', codeWord: 'Delta' },
      ],
      [
        { kind: 'digit', character: '9' },
        { kind: 'letter', character: 'C', codeWord: 'Charlie' },
      ],
    ]);
  });

  it('reads a reference typed in lower case with spaces as the stored one', () => {
    expect(spellReference('k7 qm')).toEqual(spellReference('K7QM'));
  });

  it('has a code word for every letter a reference can hold, spelt as ICAO spells them', () => {
    const letters = [...UNAMBIGUOUS_ALPHABET].filter((c) => /[A-Z]/.test(c));
    expect(letters.filter((c) => !SPELLING_ALPHABET[c])).toEqual([]);
    expect([SPELLING_ALPHABET.A, SPELLING_ALPHABET.J, SPELLING_ALPHABET.X]).toEqual([
      'Alfa',
      'Juliett',
      'X-ray',
    ]);
  });
});

describe('spokenReference', () => {
  it.each([
    [
      'en',
      [
        'K for Kilo, 7 seven, Q for Quebec, M for Mike',
        '3 three, X for X-ray, P for Papa, D for Delta',
        '9 nine, C for Charlie',
      ],
    ],
    [
      'cy',
      [
        'K am Kilo, 7 saith, Q am Quebec, M am Mike',
        '3 tri, X am X-ray, P am Papa, D am Delta',
        '9 naw, C am Charlie',
      ],
    ],
    [
      'es',
      [
        'K de Kilo, 7 siete, Q de Quebec, M de Mike',
        '3 tres, X de X-ray, P de Papa, D de Delta',
        '9 nueve, C de Charlie',
      ],
    ],
    [
      'ar',
      [
        'K كما في Kilo، 7 سبعة، Q كما في Quebec، M كما في Mike',
        '3 ثلاثة، X كما في X-ray، P كما في Papa، D كما في Delta',
        '9 تسعة، C كما في Charlie',
      ],
    ],
  ])('says a reference in %s, one line a group', (lang, lines) => {
    expect(spokenReference('K7QM-3XPD-9C', translator(i18n, lang))).toEqual(lines);
  });

  it('has a word for every digit in every language', () => {
    for (const lang of ['en', 'cy', 'es', 'ar']) {
      const lines = spokenReference('3467-9', translator(i18n, lang));
      expect(lines).toHaveLength(2);
      expect(lines.join(' ')).not.toMatch(/caseworker:/);
    }
  });
});
