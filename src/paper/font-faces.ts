import type * as fontkit from 'fontkit';
import { mirrorImage } from './bidi-pieces';

/** Glyph ids above this name a copy of a glyph (see `copyId`); TrueType ids stay below it. */
const COPY = 0x10000;

type GetGlyph = (id: number, codePoints?: number[]) => fontkit.Glyph;
interface Subset {
  glyphs: number[];
  includeGlyph(glyph: number | fontkit.Glyph): number;
}

/** A glyph that stands for no character (the dots of an Arabic letter), as a shape to draw. */
export interface Shape {
  /** The outline, as SVG path data in font units (y up). */
  path: string;
  /** Where its origin is, in font units from the start of the run (y up). */
  x: number;
  y: number;
}

/** For each font: each glyph's copies, by the characters they stand for (the first is the glyph itself). */
const copies = new WeakMap<fontkit.Font, Map<number, string[]>>();

/** The id to give a glyph standing for these characters: its own, or that of a copy of it. */
function copyId(font: fontkit.Font, id: number, chars: string): number {
  let byGlyph = copies.get(font);
  if (!byGlyph) copies.set(font, (byGlyph = new Map()));
  const known = byGlyph.get(id) ?? [];
  if (!known.includes(chars)) byGlyph.set(id, [...known, chars]);
  const n = (byGlyph.get(id) as string[]).indexOf(chars);
  return n === 0 ? id : n * COPY + id;
}

/**
 * Lays a text out so each glyph says exactly which characters it draws. fontkit keeps one glyph
 * object per glyph id, with the characters it was first made for, and a PDF maps each embedded
 * glyph to one text. Noto Sans Arabic draws several letters on one skeleton (ر and ز; ب ت ث ن ي)
 * and adds the dots as glyphs of their own that stand for no character. Here each glyph is a view
 * with the characters of its place in this text (a glyph standing for other characters than before
 * gets the id of a copy of itself, which the subset below embeds as a glyph of its own), and the
 * glyphs that stand for nothing are taken out of the run: they are drawn as shapes instead (see
 * `silentShapes`), so extracted text (copy and paste, search, screen readers, pdftotext) has every
 * letter once, in its word, and nothing else (see `textsOf` for marks).
 */
function layoutWithText(
  font: fontkit.Font,
  text: string,
  features?: unknown,
  mirrored = false,
): { run: fontkit.GlyphRun; shapes: Shape[] } {
  const shared = font as unknown as { getGlyph: GetGlyph };
  const getGlyph = shared.getGlyph;
  shared.getGlyph = (id, codePoints = []) =>
    Object.create(getGlyph.call(font, id, codePoints), {
      codePoints: { value: codePoints },
    }) as fontkit.Glyph;
  let run: fontkit.GlyphRun;
  try {
    run = font.layout(mirrored ? mirrorImage(text) : text, features);
  } finally {
    delete (shared as { getGlyph?: GetGlyph }).getGlyph;
  }
  const texts = textsOf(run);
  const glyphs: fontkit.Glyph[] = [];
  const positions: fontkit.GlyphPosition[] = [];
  const shapes: Shape[] = [];
  let x = 0;
  // The advance of silent glyphs before the first drawn one (marks have none).
  let lead = 0;
  run.glyphs.forEach((glyph, i) => {
    const at = run.positions[i] as fontkit.GlyphPosition;
    const drawn = texts[i] ?? [];
    // A mirrored glyph stands for the character it was drawn for: mirror images come in pairs.
    const codePoints = mirrored
      ? [...mirrorImage(String.fromCodePoint(...drawn))].map((c) => c.codePointAt(0) ?? 0)
      : drawn;
    if (codePoints.length > 0) {
      const chars = String.fromCodePoint(...codePoints);
      glyphs.push(
        Object.create(glyph, {
          codePoints: { value: codePoints },
          id: { value: copyId(font, glyph.id, chars) },
        }) as fontkit.Glyph,
      );
      const moved = positions.length === 0 ? lead : 0;
      positions.push({ ...at, xOffset: at.xOffset + moved, xAdvance: at.xAdvance + moved });
    } else {
      shapes.push({ path: glyph.path.toSVG(), x: x + at.xOffset, y: at.yOffset });
      // Its advance goes to the glyph before it, so the glyphs after it stay in place.
      const before = positions[positions.length - 1];
      if (before) before.xAdvance += at.xAdvance;
      else lead += at.xAdvance;
    }
    x += at.xAdvance;
  });
  return {
    run: Object.assign(Object.create(run) as fontkit.GlyphRun, { glyphs, positions }),
    shapes,
  };
}

const MARK = /^\p{Mn}$/u;
const isMark = (codePoints: number[]) =>
  codePoints.length > 0 && codePoints.every((code) => MARK.test(String.fromCodePoint(code)));

/**
 * The characters each glyph of a run stands for in extracted text. PDF readers place a mark's own
 * text (a vowel sign, shadda, an accent) by where it is drawn, which splits words and, above or
 * below the line, moves it to a line of its own; so a mark's glyph stands for nothing. In a
 * left-to-right run the mark goes with the letter it sits on, after it. In a right-to-left run it
 * is left out: readers disagree on the order of a letter and its marks there (pdf.js reads the
 * characters of a glyph as written, poppler reverses those of a glyph that mixes a letter and a
 * mark), and Arabic reads fully without its optional vowel signs. The page still shows them.
 */
function textsOf(run: fontkit.GlyphRun): number[][] {
  const texts = run.glyphs.map((glyph) => [...glyph.codePoints]);
  run.glyphs.forEach((glyph, i) => {
    if (!isMark(glyph.codePoints)) return;
    let base = i - 1;
    while (base >= 0 && texts[base]?.length === 0) base -= 1;
    const letter = texts[base];
    if (run.direction === 'ltr' && !letter) return;
    texts[i] = [];
    if (run.direction === 'ltr') letter?.push(...glyph.codePoints);
  });
  return texts;
}

/** A subset that embeds a copy of a glyph for each copy id it is given. */
function subsetWithCopies(font: fontkit.Font): Subset {
  const subset = (font as unknown as { createSubset(): Subset }).createSubset();
  const include = subset.includeGlyph.bind(subset);
  const placed = new Map<number, number>();
  subset.includeGlyph = (glyph) => {
    const id = typeof glyph === 'number' ? glyph : glyph.id;
    if (id < COPY) return include(id);
    let gid = placed.get(id);
    if (gid === undefined) {
      gid = subset.glyphs.push(id % COPY) - 1;
      placed.set(id, gid);
    }
    return gid;
  };
  return subset;
}

const extractable = new WeakMap<fontkit.Font, fontkit.Font>();
const extractableMirrored = new WeakMap<fontkit.Font, fontkit.Font>();

/**
 * The font as the PDF writer gets it: the same font, laid out so its text extracts as written.
 * The mirrored one draws each character as its mirror image (`(` as `)`), standing for itself.
 */
export function extractableFont(font: fontkit.Font, mirrored = false): fontkit.Font {
  const made = mirrored ? extractableMirrored : extractable;
  let wrapped = made.get(font);
  if (!wrapped) {
    wrapped = Object.create(font) as fontkit.Font;
    Object.defineProperties(wrapped, {
      layout: {
        value: (text: string, features?: unknown) =>
          layoutWithText(font, text, features, mirrored).run,
      },
      createSubset: { value: () => subsetWithCopies(font) },
      // pdfkit takes two fonts of one name for the same font and would draw with only one.
      ...(mirrored && { postscriptName: { value: `${font.postscriptName}-Mirrored` } }),
    });
    made.set(font, wrapped);
  }
  return wrapped;
}

/** Splits a text where pdfkit lays it out in parts: after each space or tab. */
const parts = (text: string) => text.split(/(?<=[ \t])/);

const shapesOf = new WeakMap<fontkit.Font, Map<string, Shape[]>>();
const MOST_REMEMBERED = 5_000;

/**
 * The glyphs of a text that stand for no character, as shapes placed from the start of the text
 * (font units): what the PDF draws as paths around the text `extractableFont` gives it.
 */
export function silentShapes(font: fontkit.Font, text: string): Shape[] {
  let known = shapesOf.get(font);
  if (!known) shapesOf.set(font, (known = new Map()));
  let shapes = known.get(text);
  if (!shapes) {
    if (known.size > MOST_REMEMBERED) known.clear();
    shapes = [];
    let x = 0;
    for (const part of parts(text)) {
      const { run, shapes: own } = layoutWithText(font, part);
      shapes.push(...own.map((s) => ({ ...s, x: s.x + x })));
      x += run.advanceWidth;
    }
    known.set(text, shapes);
  }
  return shapes;
}

/** The width of a text in a font at a size, in points, as pdfkit will draw it. */
export function widthOf(font: fontkit.Font, text: string, size: number): number {
  const units = parts(text).reduce((sum, part) => sum + font.layout(part).advanceWidth, 0);
  return (units / font.unitsPerEm) * size;
}
