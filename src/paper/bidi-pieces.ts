import { bidi } from './bidi';
import { familyOf, type Family } from './fonts';

/** A run of a line drawn in one go: one family, one direction, no break inside. */
export interface Piece {
  /** The characters to hand to the font, in the order it wants them (see `visualPieces`). */
  text: string;
  family: Family;
  /** Drawn as its mirror image (a bracket in a right-to-left line), standing for `text` itself. */
  mirrored?: boolean;
  /** Where the piece starts in the line as written, so pieces can be drawn in reading order. */
  logicalStart: number;
}

/** A text drawn as its mirror image: each character that has one swapped for it (`(` for `)`). */
export function mirrorImage(text: string): string {
  return [...text].map((char) => bidi.getMirroredCharacter(char) ?? char).join('');
}

/** A line in the order it is seen, left to right: pieces, and the spaces between them. */
export type VisualItem = Piece | { space: true };

/**
 * Orders a line for drawing with the Unicode Bidirectional Algorithm: in a right-to-left line the
 * words run from right to left, while numbers, Latin words and phone numbers inside it keep their
 * own left-to-right order; brackets are mirrored. Arabic pieces are handed over in their written
 * order, because the font shapes them (joining forms) and lays them out right to left itself;
 * every other piece is handed over in the order it is seen. A mirrored character is a piece of its
 * own: it is drawn as its mirror image but stands for the character written, so the text read
 * back from the PDF has the brackets of the line as written.
 */
export function visualPieces(line: string, dir: 'ltr' | 'rtl'): VisualItem[] {
  const levels = bidi.getEmbeddingLevels(line, dir);
  const order = Array.from({ length: line.length }, (_, i) => i);
  for (const [start, end] of bidi.getReorderSegments(line, levels)) {
    order.splice(start, end - start + 1, ...order.slice(start, end + 1).reverse());
  }
  const mirrored = bidi.getMirroredCharactersMap(line, levels.levels);
  const items: VisualItem[] = [];
  let current: { chars: string[]; family: Family; rtl: boolean; indices: number[] } | undefined;
  const flush = () => {
    if (!current) return;
    const shapedHere = current.rtl && current.family === 'arabic';
    items.push({
      text: (shapedHere ? [...current.chars].reverse() : current.chars).join(''),
      family: current.family,
      logicalStart: Math.min(...current.indices),
    });
    current = undefined;
  };
  for (const index of order) {
    const char = line[index] ?? '';
    const rtl = ((levels.levels[index] ?? 0) & 1) === 1;
    if (mirrored.has(index)) {
      flush();
      items.push({ text: char, family: familyOf(char), mirrored: true, logicalStart: index });
      continue;
    }
    if (char === ' ' && (rtl || !current || current.rtl)) {
      flush();
      items.push({ space: true });
      continue;
    }
    const family = char === ' ' && current ? current.family : familyOf(char);
    if (current && (current.family !== family || current.rtl !== rtl)) flush();
    current ??= { chars: [], family, rtl, indices: [] };
    current.chars.push(char);
    current.indices.push(index);
    // Punctuation in a right-to-left run goes one character at a time, so its text reads in order.
    if (rtl && family !== 'arabic') flush();
  }
  flush();
  return items;
}
