import type * as fontkit from 'fontkit';

/** Stands in for a glyph that has no character of its own (an Arabic letter's dots): zero width space. */
const NO_TEXT = [0x200b];
/** Glyph ids above this name a copy of a glyph (see `copyId`); TrueType ids stay below it. */
const COPY = 0x10000;

type GetGlyph = (id: number, codePoints?: number[]) => fontkit.Glyph;
interface Subset {
  glyphs: number[];
  includeGlyph(glyph: number | fontkit.Glyph): number;
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
 * Lays a text out so each glyph says which characters it draws. fontkit keeps one glyph object per
 * glyph id, with the characters it was first made for, and a PDF maps each embedded glyph to one
 * text. Noto Sans Arabic draws several letters on one skeleton (ر and ز; ب ت ث ن ي) and adds the
 * dots as marks, so without this the extracted text (copy and paste, search, screen readers)
 * names the wrong letters. Here each glyph is a view with the characters of its place in this
 * text; a glyph standing for other characters than before gets the id of a copy of itself, which
 * the subset below embeds as a glyph of its own (see `textOf` for marks).
 */
function layoutWithText(font: fontkit.Font, text: string, features?: unknown): fontkit.GlyphRun {
  const shared = font as unknown as { getGlyph: GetGlyph };
  const getGlyph = shared.getGlyph;
  shared.getGlyph = (id, codePoints = []) =>
    Object.create(getGlyph.call(font, id, codePoints), {
      codePoints: { value: codePoints },
    }) as fontkit.Glyph;
  let run: fontkit.GlyphRun;
  try {
    run = font.layout(text, features);
  } finally {
    delete (shared as { getGlyph?: GetGlyph }).getGlyph;
  }
  run.glyphs = run.glyphs.map((glyph) => {
    const codePoints = textOf(glyph.codePoints);
    return Object.create(glyph, {
      codePoints: { value: codePoints },
      id: { value: copyId(font, glyph.id, String.fromCodePoint(...codePoints)) },
    }) as fontkit.Glyph;
  });
  return run;
}

const MARK = /^\p{Mn}$/u;
const isMark = (code: number) => MARK.test(String.fromCodePoint(code));

/**
 * What a glyph stands for in extracted text. Marks that sit on a letter (Arabic vowel signs,
 * shadda, tanween, and the dots the font draws as marks) stand for a zero width space, which
 * readers drop: PDF readers put a mark's own glyph on the wrong side of its letter in right-to-left
 * text, and a letter glyph carrying its mark is split from its word. Arabic reads fully without
 * its optional vowel signs; the page still shows them.
 */
function textOf(codePoints: number[]): number[] {
  const letters = codePoints.filter((code) => !isMark(code));
  return letters.length > 0 ? letters : NO_TEXT;
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

/** The font as the PDF writer gets it: the same font, laid out so its text extracts as written. */
export function extractableFont(font: fontkit.Font): fontkit.Font {
  let wrapped = extractable.get(font);
  if (!wrapped) {
    wrapped = Object.create(font) as fontkit.Font;
    Object.defineProperties(wrapped, {
      layout: { value: (text: string, features?: unknown) => layoutWithText(font, text, features) },
      createSubset: { value: () => subsetWithCopies(font) },
    });
    extractable.set(font, wrapped);
  }
  return wrapped;
}

/** The width of a text in a font at a size, in points, as pdfkit will draw it. */
export function widthOf(font: fontkit.Font, text: string, size: number): number {
  const units = text
    .split(/(?<=[ \t])/)
    .reduce((sum, part) => sum + font.layout(part).advanceWidth, 0);
  return (units / font.unitsPerEm) * size;
}
