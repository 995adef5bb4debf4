import type { Font } from 'fontkit';
import { mirrorImage } from './bidi-pieces';
import { silentShapes } from './font-faces';
import { paperFont } from './fonts';
import { placeLine, type TextStyle } from './pdf-text';

/** Where and how one line of text is drawn. */
export interface LinePlace {
  /** The direction the line is laid out in (the Unicode Bidirectional Algorithm's paragraph level). */
  dir: 'ltr' | 'rtl';
  /** Which edge the line is set against. */
  align: 'left' | 'right';
  /** The left edge and the width of the space the line is set in, and its baseline, in points. */
  left: number;
  width: number;
  baseline: number;
  colour: string;
}

/** Draws the glyphs of a text that stand for no character (see `silentShapes`) as filled paths. */
function drawShapes(
  doc: PDFKit.PDFDocument,
  font: Font,
  text: string,
  at: { x: number; baseline: number; size: number; colour: string },
): void {
  const scale = at.size / font.unitsPerEm;
  for (const shape of silentShapes(font, text)) {
    doc
      .save()
      .translate(at.x + shape.x * scale, at.baseline - shape.y * scale)
      .scale(scale, -scale)
      .path(shape.path)
      .fill(at.colour)
      .restore();
  }
}

/**
 * Draws one line of text: its pieces in the fonts registered as `family-weight` (and
 * `family-weight-mirrored`), in reading order, each where it is seen, with the glyphs that stand for
 * no character drawn as shapes.
 */
export function drawLine(
  doc: PDFKit.PDFDocument,
  line: string,
  style: TextStyle,
  place: LinePlace,
): void {
  const placed = placeLine(line, place.dir, style);
  const left = place.align === 'right' ? place.left + place.width - placed.width : place.left;
  const weight = style.weight ?? 'regular';
  for (const piece of placed.pieces) {
    const x = left + piece.x;
    doc
      .font(`${piece.family}-${weight}${piece.mirrored ? '-mirrored' : ''}`)
      .fontSize(style.size)
      .fillColor(place.colour)
      .text(piece.text, x, place.baseline, { lineBreak: false, baseline: 'alphabetic' });
    const drawn = piece.mirrored ? mirrorImage(piece.text) : piece.text;
    drawShapes(doc, paperFont(piece.family, weight), drawn, {
      x,
      baseline: place.baseline,
      size: style.size,
      colour: place.colour,
    });
  }
}
