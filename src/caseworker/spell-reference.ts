import type { Translate } from '../questions/question-type';

/** One character of a reference as it is read out: a letter with its code word, or a digit. */
export type SpokenCharacter =
  { kind: 'letter'; character: string; codeWord: string } | { kind: 'digit'; character: string };

/**
 * The ICAO (NATO) spelling alphabet, as ICAO Annex 10 spells it ("Alfa", "Juliett"): the same
 * words in every language, which is why they are a code and not a translation.
 */
export const SPELLING_ALPHABET: Readonly<Record<string, string>> = Object.freeze({
  A: 'Alfa',
  B: 'Bravo',
  C: 'Charlie',
  D: 'Delta',
  E: 'Echo',
  F: 'Foxtrot',
  G: 'Golf',
  H: 'Hotel',
  I: 'India',
  J: 'Juliett',
  K: 'Kilo',
  L: 'Lima',
  M: 'Mike',
  N: 'November',
  O: 'Oscar',
  P: 'Papa',
  Q: 'Quebec',
  R: 'Romeo',
  S: 'Sierra',
  T: 'Tango',
  U: 'Uniform',
  V: 'Victor',
  W: 'Whiskey',
  X: 'X-ray',
  Y: 'Yankee',
  Z: 'Zulu',
});

/**
 * Spells a reference for reading back over the phone: one list per group between dashes (a pause),
 * each character a letter with its code word or a digit. Anything else (spaces) is left out.
 * @example spellReference('K7-Q') // [[{ kind: 'letter', character: 'K', codeWord: 'Kilo' }, { kind: 'digit', character: '7' }], [...]]
 */
export function spellReference(reference: string): SpokenCharacter[][] {
  return reference
    .toUpperCase()
    .split('-')
    .map((group) =>
      [...group].flatMap((character): SpokenCharacter[] => {
        if (/^\d$/.test(character)) return [{ kind: 'digit', character }];
        const codeWord = SPELLING_ALPHABET[character];
        return codeWord ? [{ kind: 'letter', character, codeWord }] : [];
      }),
    )
    .filter((group) => group.length > 0);
}

/**
 * A spelled reference in words of a language, one line per group:
 * "K for Kilo, 7 seven, Q for Quebec, M for Mike".
 */
export function spokenReference(reference: string, t: Translate): string[] {
  return spellReference(reference).map((group) =>
    group
      .map((spoken) =>
        spoken.kind === 'letter'
          ? t('caseworker:spelling.letter', {
              character: spoken.character,
              codeWord: spoken.codeWord,
            })
          : t('caseworker:spelling.digit', {
              character: spoken.character,
              word: t(`caseworker:spelling.digits.${spoken.character}`),
            }),
      )
      .join(t('caseworker:spelling.separator')),
  );
}
