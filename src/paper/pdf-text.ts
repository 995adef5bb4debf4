import { mirrorImage, visualPieces, type Piece } from './bidi-pieces';
import { widthOf } from './font-faces';
import { familyOf, paperFont, type Family, type Weight } from './fonts';

/** How a run of text is set: its size in points and its weight. */
export interface TextStyle {
  size: number;
  weight?: Weight;
  /** Grey, for hints and notes. */
  quiet?: boolean;
}

const widths = new Map<string, number>();
const MOST_REMEMBERED = 20_000;

/** The width of text in one family, remembered: a form prints the same words in every copy. */
function pieceWidth(family: Family, weight: Weight, text: string, size: number): number {
  const key = `${family}|${weight}|${size}|${text}`;
  let width = widths.get(key);
  if (width === undefined) {
    if (widths.size > MOST_REMEMBERED) widths.clear();
    width = widthOf(paperFont(family, weight), text, size);
    widths.set(key, width);
  }
  return width;
}

/** The width of a word or a line as written, each character in the family that draws it. */
export function textWidth(text: string, style: TextStyle): number {
  let width = 0;
  let run = '';
  let family: Family | undefined;
  for (const char of text) {
    const own = char === ' ' && family ? family : familyOf(char);
    if (family && own !== family) {
      width += pieceWidth(family, style.weight ?? 'regular', run, style.size);
      run = '';
    }
    family = own;
    run += char;
  }
  return family ? width + pieceWidth(family, style.weight ?? 'regular', run, style.size) : width;
}

/** Breaks text into lines no wider than `width`, between words (inside a word only if it must). */
export function wrapText(text: string, style: TextStyle, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const tried = line ? `${line} ${word}` : word;
    if (textWidth(tried, style) <= width || !line) {
      line = tried;
    } else {
      lines.push(line);
      line = word;
    }
    // A word wider than the line (a long web address) is cut where it has to be.
    while (textWidth(line, style) > width && line.length > 1) {
      let cut = line.length - 1;
      while (cut > 1 && textWidth(line.slice(0, cut), style) > width) cut--;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** A piece of a line with its place: `x` from the line's left end, in points. */
export interface PlacedPiece extends Piece {
  x: number;
  width: number;
}

/**
 * Places a line's pieces from left to right as they are seen (see `visualPieces`), and returns
 * them in reading order, so the PDF's text reads in the order it is written.
 */
export function placeLine(
  line: string,
  dir: 'ltr' | 'rtl',
  style: TextStyle,
): { pieces: PlacedPiece[]; width: number } {
  const weight = style.weight ?? 'regular';
  const space = pieceWidth('latin', weight, ' ', style.size);
  const pieces: PlacedPiece[] = [];
  let x = 0;
  for (const item of visualPieces(line, dir)) {
    if ('space' in item) {
      x += space;
      continue;
    }
    const drawn = item.mirrored ? mirrorImage(item.text) : item.text;
    const width = pieceWidth(item.family, weight, drawn, style.size);
    pieces.push({ ...item, x, width });
    x += width;
  }
  return { pieces: pieces.sort((a, b) => a.logicalStart - b.logicalStart), width: x };
}
