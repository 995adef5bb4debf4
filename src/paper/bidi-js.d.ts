/** bidi-js: the Unicode Bidirectional Algorithm (UAX #9), for the paper form's right-to-left lines. */
declare module 'bidi-js' {
  export interface EmbeddingLevels {
    levels: Uint8Array;
    paragraphs: Array<{ start: number; end: number; level: number }>;
  }
  export interface Bidi {
    getEmbeddingLevels(text: string, direction?: 'ltr' | 'rtl'): EmbeddingLevels;
    getReorderSegments(
      text: string,
      levels: EmbeddingLevels,
      start?: number,
      end?: number,
    ): Array<[number, number]>;
    /** The mirror image of a character (`(` for `)`), or null when it has none. */
    getMirroredCharacter(char: string): string | null;
    /** Takes the `levels` array itself, not the object `getEmbeddingLevels` returns. */
    getMirroredCharactersMap(
      text: string,
      levels: Uint8Array,
      start?: number,
      end?: number,
    ): Map<number, string>;
  }
  export default function bidiFactory(): Bidi;
}
