import { missingGlyphs } from './fonts';

/** What stands in a copy of someone's answers for characters its fonts cannot draw. */
export interface Unprintable {
  /** Its number, printed in the text in its place and before its note. */
  number: number;
  /** The characters' Unicode code points, `U+1F600`. */
  codes: string[];
  /** Whether they are an emoji, for the note's words. */
  emoji: boolean;
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;

/**
 * A line of an answer as the PDF can print it: each run of characters no font of the PDF has (an
 * emoji, an arrow, a script without a font here) is replaced by its number in `marker` ("[1]"),
 * never by a wrong glyph or an empty box, and listed with its code points for a note. Characters
 * are taken whole as a reader sees them (an emoji with its skin tone, a flag), numbered from `first`.
 * @example printable('Home 🏠 at 12', 1, (n) => `[${n}]`) // { line: 'Home [1] at 12', unprintable: [{ number: 1, codes: ['U+1F3E0'], emoji: true }] }
 */
export function printable(
  line: string,
  first: number,
  marker: (number: number) => string,
): { line: string; unprintable: Unprintable[] } {
  const unprintable: Unprintable[] = [];
  let out = '';
  let run: string[] = [];
  const flush = () => {
    if (run.length === 0) return;
    const number = first + unprintable.length;
    const chars = run.join('');
    unprintable.push({
      number,
      codes: [...chars].map(
        (c) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`,
      ),
      emoji: run.every((segment) => EMOJI.test(segment)),
    });
    out += marker(number);
    run = [];
  };
  for (const { segment } of graphemes.segment(line)) {
    if (missingGlyphs(segment).length > 0) {
      run.push(segment);
    } else {
      flush();
      out += segment;
    }
  }
  flush();
  return { line: out, unprintable };
}
